"""The standard experience figures from raw survey counts, and KPIs against their targets."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from journeyops.model import Journey
from journeyops.model.journey import Kpi
from journeyops.model.surveys import Ces, Csat, Nps
from journeyops.model.workspace import Workspace
from journeyops.sourcemap import Path


def nps(promoters: int, passives: int, detractors: int) -> float | None:
    """% promoters minus % detractors; None without responses. 30% and 20% give +10."""
    total = promoters + passives + detractors
    return None if total == 0 else (promoters - detractors) / total * 100


def csat(ratings: list[int]) -> float | None:
    """The share of 4s and 5s among ratings 1..5, in percent."""
    total = sum(ratings)
    return None if total == 0 else (ratings[3] + ratings[4]) / total * 100


def ces(ratings: list[int]) -> float | None:
    """The mean rating on 1..7: counts 80, 210, 140, 110, 160, 180, 120 give 4.08."""
    total = sum(ratings)
    return None if total == 0 else sum(i * n for i, n in enumerate(ratings, start=1)) / total


@dataclass(frozen=True)
class Figure:
    journey: str
    step: str | None
    id: str
    kind: str  # nps, csat, ces or kpi
    name: str
    value: float | None
    target: float | None
    better: str  # higher or lower
    responses: int | None
    unit: str
    file: str
    line: int

    @property
    def met(self) -> bool | None:
        if self.value is None or self.target is None:
            return None
        return self.value >= self.target if self.better == "higher" else self.value <= self.target


def figures(workspace: Workspace) -> Iterator[Figure]:
    """Every survey figure and KPI, journey by journey, the journey's own first."""
    for doc in sorted(workspace.of(Journey), key=lambda d: d.model.id):
        journey = doc.model
        places: list[tuple[str | None, Path, list[Kpi], Path, list[Nps | Csat | Ces]]]
        places = [(None, ("kpis",), journey.kpis, ("surveys",), journey.surveys)]
        for i, j, step in journey.steps():
            base = ("stages", i, "steps", j)
            places.append((step.id, (*base, "kpis"), step.kpis, (*base, "surveys"), step.surveys))
        for step_id, kpi_path, kpis, survey_path, surveys in places:
            for k, kpi in enumerate(kpis):
                line = doc.span(*kpi_path, k).line
                yield _kpi(journey.id, step_id, kpi, doc.file, line)
            for k, survey in enumerate(surveys):
                line = doc.span(*survey_path, k).line
                yield _survey(journey.id, step_id, survey, doc.file, line)


def _kpi(journey: str, step: str | None, kpi: Kpi, file: str, line: int) -> Figure:
    return Figure(
        journey,
        step,
        kpi.id,
        "kpi",
        kpi.name,
        kpi.value,
        kpi.target,
        kpi.better,
        None,
        kpi.unit or "",
        file,
        line,
    )


def _survey(
    journey: str, step: str | None, survey: Nps | Csat | Ces, file: str, line: int
) -> Figure:
    if isinstance(survey, Nps):
        value = nps(survey.promoters, survey.passives, survey.detractors)
        responses = survey.promoters + survey.passives + survey.detractors
        unit = ""
    else:
        value = csat(survey.ratings) if isinstance(survey, Csat) else ces(survey.ratings)
        responses = sum(survey.ratings)
        unit = "%" if isinstance(survey, Csat) else "/7"
    name = survey.name or survey.type.upper()
    return Figure(
        journey,
        step,
        survey.id,
        survey.type,
        name,
        value,
        survey.target,
        "higher",
        responses,
        unit,
        file,
        line,
    )
