"""`journeyops score`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from journeyops.cli.console import (
    WorkspacePath,
    path_display,
    stdout_color,
    usage_error,
    workspace_root,
)
from journeyops.cli.file_problems import config_diagnostics, load_diagnostics, print_diagnostics
from journeyops.core.atomic import write_atomic
from journeyops.core.diagnostics import ExitStatus
from journeyops.load.cache import Cache
from journeyops.load.sources import DiskSource
from journeyops.load.workspace import ConfigError
from journeyops.report.matrix import matrix_svg
from journeyops.report.score_formats import RENDERERS, ScoreFormat, explain, table
from journeyops.rules import RULES
from journeyops.scoring.filters import Filters, unknown_opportunity
from journeyops.scoring.run import UnknownFilter, UnknownModel
from journeyops.scoring.run import score as run_score

Status = typer.Option(
    "--status",
    help="Only opportunities with this status (repeatable): open, exploring, planned, "
    "in-progress, done, dismissed.",
)


def score(
    path: WorkspacePath = Path(),
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            "-m",
            help="A built-in model (rice, ice, wsjf, opportunity, value) or one under "
            "`scoring.models`.",
            show_default="scoring.default, else rice",
        ),
    ] = None,
    output_format: Annotated[
        ScoreFormat,
        typer.Option(
            "--format",
            "-f",
            help="table for people, json for tools, csv for spreadsheets, markdown for "
            "pull-request comments.",
        ),
    ] = ScoreFormat.TABLE,
    top: Annotated[
        int | None, typer.Option("--top", min=1, help="Show only the N best-ranked opportunities.")
    ] = None,
    journey: Annotated[
        str | None, typer.Option("--journey", help="Only opportunities on steps of this journey.")
    ] = None,
    persona: Annotated[
        str | None, typer.Option("--persona", help="Only opportunities for this persona.")
    ] = None,
    statuses: Annotated[list[str] | None, Status] = None,
    explain_id: Annotated[
        str | None,
        typer.Option(
            "--explain",
            metavar="ID",
            help="Show how one opportunity's score is computed, with where each input is written.",
        ),
    ] = None,
    matrix: Annotated[
        Path | None,
        typer.Option(
            "--matrix", metavar="FILE.svg", help="Also write a value-versus-effort matrix as SVG."
        ),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Do not read or write .journeyops-cache/.")
    ] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 when an opportunity cannot be scored.")
    ] = False,
) -> None:
    """Rank every opportunity across all journeys with one scoring model.

    Opportunities that lack an input the model needs are listed apart, never scored as 0.
    Equal scores share a rank; ties are ordered by id.

    Exit status: 0 ranked, 1 invalid inputs or file errors (or unscored with --strict),
    2 usage or journeyops.yaml problem.

    Examples:

      journeyops score --top 10

      journeyops score --model wsjf --status open --status exploring

      journeyops score --explain live-capture-guidance

      journeyops score --format markdown > ranking.md
    """
    root = workspace_root(path)
    filters = Filters(journey, persona, frozenset(statuses or ()))
    try:
        run = run_score(DiskSource(root), model, filters, None if no_cache else Cache(root))
    except ConfigError as error:
        print_diagnostics(config_diagnostics(error.problems), root)
        raise typer.Exit(ExitStatus.USAGE) from None
    except UnknownModel as error:
        raise usage_error(str(error)) from None
    except UnknownFilter as error:
        # The files' errors first: a journey whose file did not load names nothing.
        print_diagnostics(load_diagnostics(error.load_problems), root)
        *others, last = error.messages
        for message in others:
            usage_error(message)  # prints it; the last one also exits
        raise usage_error(last) from None
    display = path_display(root)
    if explain_id is not None:
        text = explain(run.ranking, explain_id, display)
        if text is None:
            print_diagnostics(load_diagnostics(run.load_problems), root)
            raise usage_error(unknown_opportunity(run.workspace, explain_id, filters))
        sys.stdout.write(text)
    elif output_format is ScoreFormat.TABLE:
        sys.stdout.write(table(run.ranking, top, stdout_color()))
    else:
        sys.stdout.write(RENDERERS[output_format](run.ranking, top))
    if matrix is not None:
        try:
            write_atomic(matrix, matrix_svg(run.ranking, run.workspace.config.name))
        except OSError as error:
            raise usage_error(f"cannot write {matrix}: {error.strerror}") from None
    diagnostics = load_diagnostics(run.load_problems, run.ranking)
    diagnostics = sorted(diagnostics + [RULES["JO503"].diagnose(p) for p in run.ranking.not_finite])
    print_diagnostics(diagnostics, root)
    failed = bool(diagnostics) or (strict and bool(run.ranking.unscored))
    raise typer.Exit(ExitStatus.FINDINGS if failed else ExitStatus.OK)
