"""`journeyops init`."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Annotated

import typer

from journeyops.authoring.scaffold import init_workspace
from journeyops.cli.runner import Run, execute
from journeyops.core.diagnostics import ExitStatus
from journeyops.report.safe_text import printable


def init(
    context: typer.Context,
    folder: Annotated[
        Path,
        typer.Argument(
            metavar="DIR",
            help="The folder of the new workspace; created when missing.",
            show_default="current folder",
        ),
    ] = Path(),
    name: Annotated[
        str,
        typer.Option("--name", metavar="TEXT", help="The workspace's name, shown in reports."),
    ] = "Customer journeys",
) -> None:
    """Start a workspace: journeyops.yaml with every setting at its default, one persona,
    journey, insight and opportunity that validate clean, a .gitignore for the rendered
    site and the cache, and the JSON schemas the files' editor modelines point at.

    Nothing that exists is overwritten: when any of these files is there already, nothing
    is written (exit 2).

    Examples:

      journeyops init journeys

      journeyops init --name "Northwind customer journeys"
    """

    def command(run: Run) -> ExitStatus:
        root = run.env.absolute(folder)
        with run.writing(str(folder)):
            written = init_workspace(root, name, datetime.date.today(), _label(folder))
        run.root = root
        show = run.display()
        lines = [f"wrote {show(file)}" for file in written.files if not file.startswith("schemas/")]
        lines.append(f"wrote {show('schemas')}/ (the JSON schemas for editors)")
        lines.append(f"next: journeyops validate {printable(str(folder))}")
        run.out("".join(printable(line) + "\n" for line in lines))
        return ExitStatus.OK

    execute(context, command)


def _label(folder: Path) -> str:
    return "the current folder" if folder == Path() else str(folder)
