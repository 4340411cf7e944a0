"""What each page of the site shows, gathered from the workspace and the ranking.

Templates only lay these out; every lookup across documents (a step's opportunities and
insights, a journey's children) happens here, once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from journeyops.model import Insight, Opportunity
from journeyops.model.journey import Journey, Stage, Step
from journeyops.model.persona import Persona
from journeyops.model.workspace import Workspace
from journeyops.render.published import Unpublished
from journeyops.report.formatting import readable
from journeyops.scoring.ranking import Entry, Ranking


@dataclass(frozen=True)
class Scored:
    """An opportunity as the site lists it: with its rank and score, or why it has none."""

    opportunity: Opportunity
    file: str
    rank: int | None = None
    score: str | None = None  # as `journeyops score` shows it: 1,333.33
    missing: tuple[str, ...] = ()


@dataclass
class SiteData:
    workspace: Workspace  # only what is published
    ranking: Ranking
    # Documents left out because validate finds errors in them, with those errors.
    unpublished: list[Unpublished] = field(default_factory=list)

    @cached_property
    def opportunities(self) -> list[Scored]:
        """Ranked ones in rank order, then the unscored ones."""
        return [_scored(entry) for entry in self.ranking.entries] + [
            Scored(e.opportunity.model, e.opportunity.file, missing=e.missing)
            for e in self.ranking.unscored
        ]

    @cached_property
    def journeys(self) -> list[Journey]:
        """Top level first (in `taxonomy.levels` order), then by title."""
        levels = {level: n for n, level in enumerate(self.workspace.config.taxonomy.levels)}
        journeys = [j.model for j in self.workspace.journeys.values()]
        return sorted(journeys, key=lambda j: (levels.get(j.level or "", len(levels)), j.title))

    @cached_property
    def personas(self) -> dict[str, Persona]:
        return {pid: p.model for pid, p in sorted(self.workspace.personas.items())}

    @cached_property
    def insights(self) -> dict[str, Insight]:
        return {iid: i.model for iid, i in sorted(self.workspace.insights.items())}

    @cached_property
    def by_step(self) -> dict[str, list[Scored]]:
        """`journey/step` -> the opportunities that improve it, best ranked first."""
        found: dict[str, list[Scored]] = defaultdict(list)
        for scored in self.opportunities:
            for ref in dict.fromkeys(scored.opportunity.steps):
                found[ref].append(scored)
        return found

    @cached_property
    def insights_by_step(self) -> dict[str, list[str]]:
        """`journey/step` -> ids of the insights about it, from either side of the link."""
        found: dict[str, dict[str, None]] = defaultdict(dict)
        for journey in self.journeys:
            for _, _, step in journey.steps():
                for insight_id in step.insights:
                    found[f"{journey.id}/{step.id}"][insight_id] = None
        for insight_id, insight in self.insights.items():
            for ref in insight.steps:
                found[ref][insight_id] = None
        return {ref: list(ids) for ref, ids in found.items()}

    @cached_property
    def children(self) -> dict[str, list[Journey]]:
        """journey id -> the journeys that zoom into one of its steps."""
        found: dict[str, list[Journey]] = defaultdict(list)
        for journey in self.journeys:
            if journey.parent:
                found[journey.parent.split("/")[0]].append(journey)
        return found

    @cached_property
    def zooms(self) -> dict[str, list[Journey]]:
        """`journey/step` -> the journeys that zoom into that step."""
        found: dict[str, list[Journey]] = defaultdict(list)
        for journey in self.journeys:
            if journey.parent:
                found[journey.parent].append(journey)
        return found

    @cached_property
    def replaced_by(self) -> dict[str, list[Journey]]:
        """journey id -> the future journeys that redesign it."""
        found: dict[str, list[Journey]] = defaultdict(list)
        for journey in self.journeys:
            if journey.replaces and journey.replaces in self.workspace.journeys:
                found[journey.replaces].append(journey)
        return found

    def journey_by_id(self, journey_id: str) -> Journey | None:
        located = self.workspace.journeys.get(journey_id)
        return located.model if located else None

    def file_of(self, journey_id: str) -> str:
        return self.workspace.journeys[journey_id].file

    def opportunities_on(self, journey: Journey) -> list[Scored]:
        """Opportunities on any step of the journey, each once, best ranked first."""
        seen: dict[str, Scored] = {}
        for _, _, step in journey.steps():
            for scored in self.by_step.get(f"{journey.id}/{step.id}", []):
                seen.setdefault(scored.opportunity.id, scored)
        return sorted(seen.values(), key=_rank_order)

    def stage_steps(self, journey: Journey) -> list[tuple[Stage, Step]]:
        return [(stage, step) for stage in journey.stages for step in stage.steps]

    def high_pains(self, journey: Journey) -> int:
        return sum(1 for _, _, s in journey.steps() for p in s.pains if p.severity == "high")


def _scored(entry: Entry) -> Scored:
    located = entry.opportunity
    return Scored(located.model, located.file, entry.rank, readable(entry.score))


def _rank_order(scored: Scored) -> tuple[bool, int, str]:
    return (scored.rank is None, scored.rank or 0, scored.opportunity.id)


def emotion_word(emotion: int | None, low: int, high: int) -> str:
    """How a score reads in words, so that the map never relies on colour alone. Integer
    arithmetic only: a score or a scale of any size compares exactly, and never overflows."""
    if emotion is None:
        return "not rated"
    if not low <= emotion <= high:
        return "outside the scale"
    doubled, middle = 2 * emotion, low + high
    if doubled == middle:
        return "neutral"
    return "positive" if doubled > middle else "negative"
