"""Surveys and KPIs as the journey map shows them: the numbers `journeyops metrics` prints
(the same functions compute them and the same words say how they stand), and for an NPS
its 95% margin of error, so a reader can tell a real change from sampling noise."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from journeyops.metrics.figures import Figure, figures
from journeyops.metrics.nps_margin import nps_interval
from journeyops.model.journey import Journey
from journeyops.model.surveys import Ces, Csat, Nps
from journeyops.model.workspace import Workspace
from journeyops.report.formatting import measured
from journeyops.report.metrics_formats import STANDING_TEXT

NO_TARGET = "no target"


@dataclass(frozen=True)
class Measure:
    name: str
    kind: str  # nps, csat, ces or kpi
    value: str  # `58%`, `+10`, or `no data`
    target: str
    status: str  # `worse than target`, ...
    standing: str  # better, worse, on-target or none: the status's class
    responses: int | None
    margin: str | None  # an NPS's `±3.1 (from +7 to +13)`


def measures(workspace: Workspace) -> dict[tuple[str, str | None], list[Measure]]:
    """(journey id, step id or None for the journey's own) -> its measures, in file order."""
    found: dict[tuple[str, str | None], list[Measure]] = defaultdict(list)
    journeys = {j: d.model for j, d in workspace.journeys.items()}
    for figure in figures(workspace, lines=False):
        found[figure.journey, figure.step].append(_measure(figure, journeys[figure.journey]))
    return found


def _measure(figure: Figure, journey: Journey) -> Measure:
    signed = figure.kind == "nps"
    value = (
        "no data" if figure.value is None else measured(figure.value, figure.unit, signed=signed)
    )
    target = (
        NO_TARGET if figure.target is None else measured(figure.target, figure.unit, signed=signed)
    )
    standing = figure.standing
    status = (
        STANDING_TEXT[standing] if standing else NO_TARGET if figure.target is None else "no data"
    )
    margin = _margin(figure, journey) if figure.kind == "nps" else None
    return Measure(
        figure.name,
        figure.kind,
        value,
        target,
        status,
        standing or "none",
        figure.responses,
        margin,
    )


def _margin(figure: Figure, journey: Journey) -> str | None:
    survey = next((s for s in _surveys(journey, figure.step) if s.id == figure.id), None)
    if not isinstance(survey, Nps):
        return None
    interval = nps_interval(survey.promoters, survey.passives, survey.detractors)
    if interval is None:
        return None
    low, high = measured(interval.low, signed=True), measured(interval.high, signed=True)
    return f"\u00b1{measured(interval.margin)} (95%: {low} to {high})"


def _surveys(journey: Journey, step_id: str | None) -> list[Nps | Csat | Ces]:
    if step_id is None:
        return list(journey.surveys)
    return [s for _, _, step in journey.steps() if step.id == step_id for s in step.surveys]
