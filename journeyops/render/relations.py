"""Who links to whom across documents, for the persona, opportunity and insight pages.

Every map is built once per render from the published workspace (a page never scans the
workspace itself), and every list is in a fixed order, so the pages are the same bytes on
every run.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from journeyops.model.journey import Journey, Pain, Step
from journeyops.render.pages import Scored, SiteData
from journeyops.scoring.ranking import Entry, Evaluation

# Statuses of an opportunity that is still to be acted on (not done, not dropped).
OPEN_STATUSES = frozenset({"open", "exploring", "planned", "in-progress"})


@dataclass(frozen=True)
class StepLink:
    """A `journey/step` reference resolved for a page: the step, or None when it is not
    published (its journey had errors), so the page shows the reference as text."""

    ref: str
    journey: Journey | None
    step: Step | None

    def url(self, root: str) -> str:
        """The step's column in its map, from a page `root` below the site's top."""
        journey_id, _, step_id = self.ref.partition("/")
        return f"{root}journeys/{journey_id}.html#step-{step_id}"


@dataclass(frozen=True)
class PainLink:
    ref: str
    step: StepLink
    pain: Pain | None


class Relations:
    def __init__(self, data: SiteData) -> None:
        self.data = data

    @cached_property
    def journeys_of_persona(self) -> dict[str, list[Journey]]:
        found: dict[str, list[Journey]] = defaultdict(list)
        for journey in self.data.journeys:
            for persona_id in dict.fromkeys(journey.personas):
                found[persona_id].append(journey)
        return found

    @cached_property
    def opportunities_of_persona(self) -> dict[str, list[Scored]]:
        found: dict[str, list[Scored]] = defaultdict(list)
        for scored in self.data.opportunities:
            for persona_id in dict.fromkeys(scored.opportunity.personas):
                found[persona_id].append(scored)
        return found

    @cached_property
    def insights_of_persona(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = defaultdict(list)
        for insight_id, insight in self.data.insights.items():
            for persona_id in dict.fromkeys(insight.personas):
                found[persona_id].append(insight_id)
        return found

    @cached_property
    def opportunities_of_insight(self) -> dict[str, list[Scored]]:
        """insight id -> the opportunities that cite it as evidence, best ranked first."""
        found: dict[str, list[Scored]] = defaultdict(list)
        for scored in self.data.opportunities:
            for insight_id in dict.fromkeys(scored.opportunity.evidence):
                found[insight_id].append(scored)
        return found

    @cached_property
    def scored_by_id(self) -> dict[str, Scored]:
        return {s.opportunity.id: s for s in self.data.opportunities}

    @cached_property
    def entries(self) -> dict[str, Entry]:
        return {e.opportunity.model.id: e for e in self.data.ranking.entries}

    @cached_property
    def unscored(self) -> dict[str, Evaluation]:
        return {e.opportunity.model.id: e for e in self.data.ranking.unscored}

    def step(self, ref: str) -> StepLink:
        journey_id, _, step_id = ref.partition("/")
        entry = self.data.workspace.steps.get(journey_id, {}).get(step_id)
        journey = self.data.journey_by_id(journey_id)
        return StepLink(ref, journey if entry else None, entry.step if entry else None)

    def pain(self, ref: str) -> PainLink:
        journey_id, step_id, pain_id = ref.split("/")
        step = self.step(f"{journey_id}/{step_id}")
        pains = [p for p in step.step.pains if p.id == pain_id] if step.step else []
        return PainLink(ref, step, pains[0] if pains else None)

    @cached_property
    def _steps_by_insight(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = defaultdict(list)
        for ref, ids in sorted(self.data.insights_by_step.items()):
            for insight_id in ids:
                found[insight_id].append(ref)
        return found

    def insight_steps(self, insight_id: str) -> list[StepLink]:
        """As `steps_of_insight`, from a map built once (the insights page asks for all)."""
        return [self.step(ref) for ref in self._steps_by_insight.get(insight_id, [])]
