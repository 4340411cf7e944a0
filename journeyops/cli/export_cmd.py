"""`journeyops export`: one subcommand per format, registered in `FORMATS`."""

from __future__ import annotations

from collections.abc import Callable

import typer

from journeyops.cli import csv_cmd
from journeyops.cli.help import HelpCommand, HelpGroup
from journeyops.cli.mermaid_cmd import export_mermaid

# Every format, in the order `journeyops export --help` lists them.
FORMATS: dict[str, Callable[..., None]] = {
    "csv": csv_cmd.export_csv,
    "mermaid": export_mermaid,
}

app = typer.Typer(
    name="export",
    cls=HelpGroup,
    help="Write journeys or opportunities in another tool's format: "
    "a spreadsheet (CSV) or a Mermaid diagram.",
    no_args_is_help=True,
    rich_markup_mode="markdown",
)
for name, command in FORMATS.items():
    app.command(name, cls=HelpCommand)(command)
