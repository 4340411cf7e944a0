"""`journeyops import`: one subcommand per format, registered in `FORMATS`."""

from __future__ import annotations

from collections.abc import Callable

import typer

from journeyops.cli import csv_cmd
from journeyops.cli.help import HelpCommand, HelpGroup
from journeyops.cli.mermaid_cmd import import_mermaid

# Every format, in the order `journeyops import --help` lists them.
FORMATS: dict[str, Callable[..., None]] = {
    "csv": csv_cmd.import_csv,
    "mermaid": import_mermaid,
}

app = typer.Typer(
    name="import",
    cls=HelpGroup,
    help="Create or update workspace files from a spreadsheet (CSV) or a Mermaid diagram: "
    "a plan first, files written only with --write.",
    no_args_is_help=True,
    rich_markup_mode="markdown",
)
for name, command in FORMATS.items():
    app.command(name, cls=HelpCommand)(command)
