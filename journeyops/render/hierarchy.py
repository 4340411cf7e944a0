"""Which journeys the hierarchy diagram draws: all of them in a small workspace, and in a
large one only those that have children.

A picture of 2,000 boxes is unreadable, and laying it out was most of a render's time
(9.6 s of `dot` on one core for the 2,000 journeys of bench/generate.py). Past `ALL_UP_TO`
journeys the diagram shows how the journeys that others zoom into nest (lifecycles and
parent journeys), each with the number of its children that are left out; those children
are listed on the pages, in tables. At most `MOST` journeys are drawn, the first in the
written order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from journeyops.model.journey import Journey

ALL_UP_TO = 60
MOST = 120


@dataclass(frozen=True)
class Nesting:
    journeys: list[Journey]
    # A drawn journey's children that are not drawn, by its id: the label shows how many.
    hidden: dict[str, int] = field(default_factory=dict)
    total: int = 0  # the journeys of the site

    @property
    def complete(self) -> bool:
        return len(self.journeys) == self.total


def nesting(journeys: Sequence[Journey]) -> Nesting:
    if len(journeys) <= ALL_UP_TO:
        return Nesting(list(journeys), {}, len(journeys))
    ids = {journey.id for journey in journeys}
    children = Counter(
        parent
        for journey in journeys
        if journey.parent and (parent := journey.parent.split("/")[0]) in ids
    )
    drawn = [journey for journey in journeys if children[journey.id]][:MOST]
    shown = {journey.id for journey in drawn}
    left = Counter(
        journey.parent.split("/")[0]
        for journey in journeys
        if journey.parent and journey.id not in shown
    )
    hidden = {journey.id: left[journey.id] for journey in drawn if left[journey.id]}
    return Nesting(drawn, hidden, len(journeys))
