"""`journeyops score`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from journeyops.cli.completion import opportunity_ids
from journeyops.cli.options import NoCache, WorkspacePath, at_least_one
from journeyops.cli.problems import load_diagnostics
from journeyops.cli.runner import Run, Usage, execute
from journeyops.core.atomic import write_atomic
from journeyops.core.diagnostics import ExitStatus
from journeyops.load.cache import Cache
from journeyops.load.sources import DiskSource
from journeyops.report.matrix import matrix_svg
from journeyops.report.score_formats import REPORTERS, ScoreFormat, explain
from journeyops.rules import RULES
from journeyops.rules.config_check import check_config
from journeyops.scoring.filters import Filters, unknown_opportunity
from journeyops.scoring.run import score as run_score

Status = typer.Option(
    "--status",
    metavar="STATUS",
    help="Only opportunities with this status (repeatable): open, exploring, planned, "
    "in-progress, done, dismissed.",
)


def score(
    context: typer.Context,
    path: WorkspacePath = Path(),
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            "-m",
            metavar="MODEL",
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
            metavar="FORMAT",
            help="table for people, json for tools, csv for spreadsheets, markdown for "
            "pull-request comments.",
        ),
    ] = ScoreFormat.TABLE,
    top: Annotated[
        int | None,
        typer.Option(
            "--top",
            metavar="N",
            callback=at_least_one,
            help="Show only the N best-ranked opportunities (N at least 1).",
        ),
    ] = None,
    journey: Annotated[
        str | None,
        typer.Option(
            "--journey", metavar="ID", help="Only opportunities on steps of this journey."
        ),
    ] = None,
    persona: Annotated[
        str | None,
        typer.Option("--persona", metavar="ID", help="Only opportunities for this persona."),
    ] = None,
    statuses: Annotated[list[str] | None, Status] = None,
    explain_id: Annotated[
        str | None,
        typer.Option(
            "--explain",
            metavar="ID",
            help="Show how one opportunity's score is computed, with where each input is written.",
            autocompletion=opportunity_ids,
        ),
    ] = None,
    matrix: Annotated[
        Path | None,
        typer.Option(
            "--matrix", metavar="FILE.svg", help="Also write a value-versus-effort matrix as SVG."
        ),
    ] = None,
    no_cache: NoCache = False,
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
    filters = Filters(journey, persona, frozenset(statuses or ()))

    def command(run: Run) -> ExitStatus:
        root = run.workspace(path)
        check_config(DiskSource(root))  # a mistake in lint: too, as every command reports it
        cache = None if no_cache else Cache(root)
        ranked = run_score(DiskSource(root), model, filters, cache)
        if explain_id is not None:
            text = explain(ranked.ranking, explain_id, run.display())
            if text is None:
                run.diagnostics(load_diagnostics(ranked.load_problems))
                raise Usage(unknown_opportunity(ranked.workspace, explain_id, filters))
            run.out(text)
        else:
            run.out(REPORTERS[output_format](ranked.ranking.top(top), run.report_context()))
        if matrix is not None:
            with run.writing(str(matrix)):
                write_atomic(matrix, matrix_svg(ranked.ranking, ranked.workspace.config.name))
        found = load_diagnostics(ranked.load_problems, ranked.ranking)
        found += [RULES["JO503"].diagnose(p) for p in ranked.ranking.not_finite]
        run.diagnostics(sorted(found))
        failed = bool(found) or (strict and bool(ranked.ranking.unscored))
        return ExitStatus.FINDINGS if failed else ExitStatus.OK

    execute(context, command)
