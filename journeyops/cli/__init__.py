"""The command line: parse options, call the library, pick a reporter, exit."""

from journeyops.cli.app import app, main

__all__ = ["app", "main"]
