"""`journeyops export csv` and `journeyops import csv`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from journeyops.authoring.csv_report import PlanFormat
from journeyops.cli.options import NoCache, WorkspacePath
from journeyops.cli.problems import load_diagnostics
from journeyops.cli.runner import Run, Usage, execute
from journeyops.core.diagnostics import ExitStatus
from journeyops.load.cache import Cache
from journeyops.load.sources import DiskSource
from journeyops.rules.config_check import check_config

MAX_SHEET_BYTES = 64 * 1024 * 1024  # far beyond any sheet of opportunities


class ExportKind(StrEnum):
    OPPORTUNITY = "opportunity"
    JOURNEY = "journey"


class ImportKind(StrEnum):
    OPPORTUNITY = "opportunity"


def export_csv(
    context: typer.Context,
    kind: Annotated[
        ExportKind,
        typer.Option(
            "--kind",
            "-k",
            metavar="KIND",
            help="opportunity: one row per opportunity, with its scoring inputs and its score "
            "(the sheet `import csv` reads); journey: one row per step of every journey.",
        ),
    ],
    path: WorkspacePath = Path(),
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", metavar="FILE", help="Write the sheet to FILE."),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            "-m",
            metavar="MODEL",
            help="The scoring model of the score and rank columns.",
            show_default="scoring.default, else rice",
        ),
    ] = None,
    no_cache: NoCache = False,
) -> None:
    """Write opportunities or journey steps as a spreadsheet (CSV) on standard output, or
    into --out FILE.

    The file is RFC 4180 CSV in UTF-8 with a byte order mark, which Excel and Google Sheets
    open as written. A text cell that a spreadsheet would run as a formula (it starts with
    `=`, `+`, `-`, `@`, a tab or a carriage return) starts with a `'`, which `import csv`
    removes again. Documents with errors are left out and their errors shown on stderr.

    Exit status: 0 written, 1 written but files have errors, 2 usage or journeyops.yaml
    problem.

    Examples:

      journeyops export csv --kind opportunity --out opportunities.csv

      journeyops export csv --kind journey > steps.csv
    """

    def command(run: Run) -> ExitStatus:
        from journeyops.authoring.csv_export import journey_rows, opportunity_rows, to_csv  # noqa: PLC0415
        from journeyops.load.workspace import load_workspace  # noqa: PLC0415
        from journeyops.scoring.run import score  # noqa: PLC0415

        root = run.workspace(path)
        check_config(DiskSource(root))
        cache = None if no_cache else Cache(root)
        if kind is ExportKind.OPPORTUNITY:
            ranked = score(DiskSource(root), model, None, cache)
            rows = opportunity_rows(ranked.workspace, ranked.ranking)
            problems = ranked.load_problems
        else:
            loaded = load_workspace(DiskSource(root), cache)
            rows, problems = journey_rows(loaded.workspace), loaded.problems
        run.write(to_csv(rows), out)
        found = load_diagnostics(problems)
        run.diagnostics(found)
        return ExitStatus.FINDINGS if found else ExitStatus.OK

    execute(context, command)


def import_csv(
    context: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE", help="The sheet, saved as CSV.")],
    kind: Annotated[
        ImportKind,
        typer.Option(
            "--kind",
            "-k",
            metavar="KIND",
            help="opportunity: each row creates or updates the opportunity of its id.",
        ),
    ],
    path: WorkspacePath = Path(),
    write: Annotated[
        bool, typer.Option("--write", help="Write the files the plan shows (else only show it).")
    ] = False,
    output_format: Annotated[
        PlanFormat,
        typer.Option("--format", "-f", metavar="FORMAT", help="text for people, json for tools."),
    ] = PlanFormat.TEXT,
) -> None:
    """Create or update opportunity files from a sheet with the columns of
    `journeyops export csv --kind opportunity`.

    Shows the plan first: which files it creates, which fields of which opportunities it
    changes (an unchanged row changes nothing). Writes only with --write, and nothing at
    all when a row has a problem, which is shown with its row and column. Updates change
    only the fields that differ and keep every comment; a new opportunity goes to
    opportunities/ID.yaml. The score, rank and note columns are ignored; a column the sheet
    leaves out leaves its field as it is.

    Exit status: 0 planned (or written), 1 a row has a problem (nothing written), 2 usage
    or journeyops.yaml problem.

    Examples:

      journeyops import csv opportunities.csv --kind opportunity

      journeyops import csv opportunities.csv --kind opportunity --write
    """

    def command(run: Run) -> ExitStatus:
        from journeyops.authoring.csv_import import plan_import, write_plan  # noqa: PLC0415
        from journeyops.authoring.csv_report import REPORTERS  # noqa: PLC0415

        root = run.workspace(path)
        check_config(DiskSource(root))
        planned = plan_import(root, read_sheet_file(run, file))
        written = None
        if write and planned.ok:
            with run.writing("the opportunity files"):
                written = write_plan(planned, root)
        run.out(REPORTERS[output_format](planned, str(file), written))
        return ExitStatus.OK if planned.ok else ExitStatus.FINDINGS

    execute(context, command)


def read_sheet_file(run: Run, file: Path) -> str:
    """The sheet's text, or Usage saying why it cannot be read."""
    where = run.env.absolute(file)
    try:
        if where.stat().st_size > MAX_SHEET_BYTES:
            raise Usage(f"{file} is larger than {MAX_SHEET_BYTES // 2**20} MiB: is it a sheet?")
        data = where.read_bytes()
    except OSError as error:
        raise Usage(f"cannot read {file}: {error.strerror or error}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise Usage(
            f"{file} is not UTF-8 text (byte {error.start + 1})",
            "save the sheet as 'CSV UTF-8' (Excel) or download it as CSV (Google Sheets)",
        ) from None
