"""Which lanes a journey map shows, in service-blueprint order.

Frontstage first (what the customer does, meets, thinks and feels), then the line of
visibility, then what the customer never sees (backstage), then what the team knows and
plans (insights, opportunities). A lane is shown only when some step of this journey has
something in it: a row of dashes tells the reader nothing and pushes the rest off screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from journeyops.model.journey import Journey, Step
from journeyops.render.pages import SiteData

VISIBILITY = "visibility"  # the line of visibility: not a lane, a rule between two


@dataclass(frozen=True)
class Lane:
    key: str  # the template's name for how to draw its cells
    label: str


def lanes(data: SiteData, journey: Journey) -> list[Lane]:
    """The lanes with content on this journey, in order, with the line of visibility
    between the frontstage and backstage when both have something."""
    steps = [step for _, _, step in journey.steps()]
    refs = [f"{journey.id}/{step.id}" for step in steps]

    def any_step(has: Callable[[Step], object]) -> bool:
        return any(has(step) for step in steps)

    front = [
        Lane(key, label)
        for key, label, held in (
            ("actions", "Actions", any_step(lambda s: s.actions)),
            ("touchpoints", "Touchpoints", any_step(lambda s: s.touchpoints)),
            ("thoughts", "Thoughts", any_step(lambda s: s.thoughts)),
            ("emotion", "Emotion", any_step(lambda s: s.emotion is not None)),
            ("pains", "Pains", any_step(lambda s: s.pains)),
            ("gains", "Gains", any_step(lambda s: s.gains)),
        )
        if held
    ]
    back = [Lane("backstage", "Backstage")] if any_step(lambda s: s.backstage) else []
    known = [
        Lane(key, label)
        for key, label, held in (
            ("insights", "Insights", any(data.insights_by_step.get(r) for r in refs)),
            ("opportunities", "Opportunities", any(data.by_step.get(r) for r in refs)),
            ("measures", "Surveys and KPIs", any_step(lambda s: s.kpis or s.surveys)),
        )
        if held
    ]
    line = [Lane(VISIBILITY, "Line of visibility")] if front and back else []
    return [*front, *line, *back, *known]
