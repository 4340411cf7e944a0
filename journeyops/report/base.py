"""What every reporter gets: the result, where to write, and how to show file paths."""

from __future__ import annotations

from abc import ABC, abstractmethod

from rich.console import Console

from journeyops.validation import ValidationResult


class Reporter(ABC):
    def __init__(self, console: Console, path_prefix: str = "") -> None:
        """`path_prefix` turns workspace-relative paths into paths the user can click."""
        self.console = console
        self.path_prefix = path_prefix

    @abstractmethod
    def report(self, result: ValidationResult) -> None: ...

    def write(self, text: str) -> None:
        """Raw output, untouched by rich's markup, highlighting and wrapping."""
        self.console.file.write(text)
        self.console.file.flush()
