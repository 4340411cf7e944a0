"""`journeyops metrics`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from journeyops.cli.options import WorkspacePath
from journeyops.cli.problems import load_diagnostics
from journeyops.cli.runner import Run, Usage, execute
from journeyops.core.diagnostics import ExitStatus
from journeyops.load.sources import DiskSource
from journeyops.load.workspace import load_workspace
from journeyops.metrics.figures import figures
from journeyops.report.metrics_formats import REPORTERS, MetricsFormat
from journeyops.rules.config_check import check_config
from journeyops.scoring.filters import unknown_value


def metrics(
    context: typer.Context,
    path: WorkspacePath = Path(),
    output_format: Annotated[
        MetricsFormat,
        typer.Option("--format", "-f", metavar="FORMAT", help="table for people, json for tools."),
    ] = MetricsFormat.TABLE,
    journey: Annotated[
        str | None, typer.Option("--journey", metavar="ID", help="Only this journey.")
    ] = None,
) -> None:
    """List experience figures per journey and step against their targets.

    NPS, CSAT and CES are computed from the raw counts in `surveys:` (NPS: % promoters minus %
    detractors; CSAT: share of 4s and 5s in %; CES: mean of ratings 1..7); KPIs are listed as
    written. Files that do not load are reported on stderr (their figures are missing);
    run `journeyops validate` for every other problem.

    Exit status: 0 listed, 1 files that do not load, 2 usage or journeyops.yaml problem.

    Examples:

      journeyops metrics

      journeyops metrics --journey open-account --format json
    """

    def command(run: Run) -> ExitStatus:
        source = DiskSource(run.workspace(path))
        check_config(source)  # every mistake in journeyops.yaml, as every command reports it
        loaded = load_workspace(source)
        journeys = loaded.workspace.journeys
        if journey is not None and journey not in journeys:
            run.diagnostics(load_diagnostics(loaded.problems))
            raise Usage(unknown_value("journey", journey, journeys))
        found = [f for f in figures(loaded.workspace) if journey is None or f.journey == journey]
        run.out(REPORTERS[output_format](found, run.report_context()))
        problems = load_diagnostics(loaded.problems)
        run.diagnostics(problems)
        return ExitStatus.FINDINGS if problems else ExitStatus.OK

    execute(context, command)
