"""`journeyops validate`."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Annotated

import typer

from journeyops.cli.console import path_display, stdout_console, workspace_root
from journeyops.diagnostics import ExitStatus
from journeyops.load.sources import DiskSource
from journeyops.report import REPORTERS, OutputFormat
from journeyops.rules import RunOptions
from journeyops.validation import validate as run_validation


def validate(
    path: Annotated[
        Path,
        typer.Argument(
            help="A workspace folder, or a file or folder inside one (then only its findings "
            "are reported). The workspace root is the nearest folder above it with "
            "journeyops.yaml.",
            show_default="current folder",
        ),
    ] = Path(),
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="text: one line per finding for people; json: a stable document for tools.",
        ),
    ] = OutputFormat.TEXT,
    today: Annotated[
        datetime.datetime | None,
        typer.Option(
            formats=["%Y-%m-%d"],
            help="Treat this date (YYYY-MM-DD) as today, for review deadlines; pins results "
            "in tests and reproducible CI runs.",
            show_default="the current date",
        ),
    ] = None,
) -> None:
    """Check every journey, persona, insight and opportunity in a workspace.

    Reports YAML errors, schema errors, broken references and hierarchy problems as
    `path:line:column`, rule id and message, with a hint where a fix is likely.

    Exit status: 0 no errors, 1 errors found, 2 usage or journeyops.yaml problem.

    Examples:

      journeyops validate

      journeyops validate examples/northwind --format json
    """
    root = workspace_root(path)
    target = path.resolve()
    only = None if target == root else target.relative_to(root).as_posix()
    options = RunOptions(today=today.date()) if today else RunOptions()
    result = run_validation(DiskSource(root), only=only, options=options)
    reporter = REPORTERS[output_format](stdout_console(), path_display(root))
    reporter.report(result)
    if result.config_error:
        raise typer.Exit(ExitStatus.USAGE)
    raise typer.Exit(ExitStatus.FINDINGS if result.errors else ExitStatus.OK)
