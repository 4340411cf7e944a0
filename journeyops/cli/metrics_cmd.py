"""`journeyops metrics`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from journeyops.cli.console import WorkspacePath, stdout_color, usage_error, workspace_root
from journeyops.core.diagnostics import ExitStatus
from journeyops.load.sources import DiskSource
from journeyops.load.workspace import ConfigError, load_workspace
from journeyops.metrics.figures import figures
from journeyops.report.metrics_formats import MetricsFormat, as_json, table
from journeyops.scoring.filters import unknown_value


def metrics(
    path: WorkspacePath = Path(),
    output_format: Annotated[
        MetricsFormat, typer.Option("--format", "-f", help="table for people, json for tools.")
    ] = MetricsFormat.TABLE,
    journey: Annotated[str | None, typer.Option("--journey", help="Only this journey.")] = None,
) -> None:
    """List experience figures per journey and step against their targets.

    NPS, CSAT and CES are computed from the raw counts in `surveys:` (NPS: % promoters minus %
    detractors; CSAT: share of 4s and 5s in %; CES: mean of ratings 1..7); KPIs are listed as
    written. Run `journeyops validate` for problems in the files.

    Examples:

      journeyops metrics

      journeyops metrics --journey open-account --format json
    """
    root = workspace_root(path)
    try:
        loaded = load_workspace(DiskSource(root))
    except ConfigError:
        raise usage_error("journeyops.yaml is invalid; `journeyops validate` shows where") from None
    journeys = loaded.workspace.journeys
    if journey is not None and journey not in journeys:
        raise usage_error(unknown_value("journey", journey, journeys))
    found = [f for f in figures(loaded.workspace) if journey is None or f.journey == journey]
    text = as_json(found) if output_format is MetricsFormat.JSON else table(found, stdout_color())
    sys.stdout.write(text)
    raise typer.Exit(ExitStatus.OK)
