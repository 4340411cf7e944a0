"""A journey's figures together with those of every journey below it.

A lifecycle journey has few steps of its own: what matters is what happens in the journeys
that zoom into its steps. So the overview shows each journey's steps, high pains, open
opportunities and KPIs on target summed over the journey and all its descendants (each
descendant once, even when it is reached twice, and a loop of parents stops where it
closes).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from journeyops.model.journey import Journey, Kpi
from journeyops.render.pages import SiteData
from journeyops.render.relations import OPEN_STATUSES


@dataclass(frozen=True)
class Rollup:
    journeys: int  # the journey itself and its descendants
    steps: int
    high_pains: int
    open_opportunities: int
    kpis_on_target: int
    kpis_with_target: int  # those with both a value and a target

    @property
    def kpis(self) -> str:
        """`3 of 5`, or a dash when no KPI has both a value and a target."""
        if not self.kpis_with_target:
            return "\u2013"
        return f"{self.kpis_on_target} of {self.kpis_with_target}"


def on_target(kpi: Kpi) -> bool | None:
    """Whether a KPI meets its target (None when it lacks a value or a target)."""
    if kpi.value is None or kpi.target is None:
        return None
    return kpi.value >= kpi.target if kpi.better == "higher" else kpi.value <= kpi.target


class Rollups:
    def __init__(self, data: SiteData) -> None:
        self.data = data

    def __getitem__(self, journey_id: str) -> Rollup:
        return self._all[journey_id]

    @cached_property
    def _all(self) -> dict[str, Rollup]:
        return {j.id: self._of(j) for j in self.data.journeys}

    def descendants(self, journey: Journey) -> list[Journey]:
        """The journey and every journey below it, each once, parents first."""
        found: dict[str, Journey] = {journey.id: journey}
        queue = [journey]
        while queue:
            current = queue.pop(0)
            for child in self.data.children.get(current.id, []):
                if child.id not in found:
                    found[child.id] = child
                    queue.append(child)
        return list(found.values())

    def _of(self, journey: Journey) -> Rollup:
        tree = self.descendants(journey)
        steps = high = 0
        opportunities: set[str] = set()
        kpis: list[bool] = []
        for member in tree:
            steps += len(member.steps())
            high += self.data.high_pains(member)
            opportunities.update(
                s.opportunity.id
                for s in self.data.opportunities_on(member)
                if s.opportunity.status in OPEN_STATUSES
            )
            all_kpis = [*member.kpis, *(k for _, _, step in member.steps() for k in step.kpis)]
            kpis += [met for met in map(on_target, all_kpis) if met is not None]
        return Rollup(len(tree), steps, high, len(opportunities), sum(kpis), len(kpis))
