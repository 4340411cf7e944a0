"""The standard experience figures from raw survey counts, and KPIs against their targets."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from journeyops.core.sourcemap import Path
from journeyops.model import Journey
from journeyops.model.journey import Kpi
from journeyops.model.surveys import Ces, Csat, Nps
from journeyops.model.workspace import Workspace


def nps(promoters: int, passives: int, detractors: int) -> float | None:
    """% promoters minus % detractors; None without responses. 30% and 20% give +10."""
    total = promoters + passives + detractors
    # Counts are exact integers: one division at the end keeps 10 from being 10.000000000000002.
    return None if total == 0 else (promoters - detractors) * 100 / total


def csat(ratings: list[int]) -> float | None:
    """The share of 4s and 5s among ratings 1..5, in percent."""
    total = sum(ratings)
    return None if total == 0 else (ratings[3] + ratings[4]) * 100 / total


def ces(ratings: list[int]) -> float | None:
    """The mean rating on 1..7: counts 80, 210, 140, 110, 160, 180, 120 give 4.08."""
    total = sum(ratings)
    return None if total == 0 else sum(i * n for i, n in enumerate(ratings, start=1)) / total


Standing = Literal["better", "worse", "on-target"]


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
    def standing(self) -> Standing | None:
        """Against the target, in the KPI's own direction: for a lower-is-better KPI a value
        above the target is worse. None without a value or a target."""
        if self.value is None or self.target is None:
            return None
        if math.isclose(self.value, self.target, rel_tol=1e-9, abs_tol=1e-9):
            return "on-target"
        higher = self.value > self.target
        return "better" if higher == (self.better == "higher") else "worse"


def figures(workspace: Workspace, *, lines: bool = True) -> Iterator[Figure]:
    """Every survey figure and KPI, journey by journey, the journey's own first. Without
    `lines`, each figure's line is 0: finding lines builds a file's source map, which is
    most of the cost when only the values are wanted (the site's maps)."""
    for doc in sorted(workspace.of(Journey), key=lambda d: d.model.id):
        journey = doc.model
        places: list[tuple[str | None, Path, list[Kpi], Path, list[Nps | Csat | Ces]]]
        places = [(None, ("kpis",), journey.kpis, ("surveys",), journey.surveys)]
        for i, j, step in journey.steps():
            base = ("stages", i, "steps", j)
            places.append((step.id, (*base, "kpis"), step.kpis, (*base, "surveys"), step.surveys))
        for step_id, kpi_path, kpis, survey_path, surveys in places:
            for k, kpi in enumerate(kpis):
                line = doc.span(*kpi_path, k).line if lines else 0
                yield _kpi(journey.id, step_id, kpi, doc.file, line)
            for k, survey in enumerate(surveys):
                line = doc.span(*survey_path, k).line if lines else 0
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
