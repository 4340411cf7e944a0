"""A current journey beside the future journey that redesigns it: what the comparison page
shows. Pains are matched by id across the whole journey (a redesign moves pains between
steps, and a pain that keeps its id is the same pain)."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from journeyops.model.journey import Journey, Pain, Stage
from journeyops.render.emotion_curve import points

COMPARE_FOLDER = "compare"
HUGE_MEAN = 10**6


def compare_path(future: Journey) -> str:
    """The comparison page of a future journey, from the site's root."""
    return f"{COMPARE_FOLDER}/{future.id}.html"


@dataclass(frozen=True)
class Side:
    journey: Journey
    stages: list[Stage]
    steps: int
    rated: int  # steps with an emotion
    mean: str  # the mean emotion of the rated steps, `-0.4`, or `not rated`
    pains: dict[str, Pain]


@dataclass(frozen=True)
class Comparison:
    current: Side
    future: Side

    @property
    def removed(self) -> list[Pain]:
        """Pains of the current journey that the future one no longer has."""
        return [p for key, p in self.current.pains.items() if key not in self.future.pains]

    @property
    def added(self) -> list[Pain]:
        return [p for key, p in self.future.pains.items() if key not in self.current.pains]

    @property
    def kept(self) -> list[Pain]:
        return [p for key, p in self.future.pains.items() if key in self.current.pains]


def comparison(current: Journey, future: Journey) -> Comparison:
    return Comparison(_side(current), _side(future))


def _side(journey: Journey) -> Side:
    emotions = [p.emotion for p in points(journey) if p.emotion is not None]
    mean = _mean(emotions) if emotions else ""
    pains: dict[str, Pain] = {}
    for _, _, step in journey.steps():
        for pain in step.pains:
            pains.setdefault(pain.id, pain)
    return Side(
        journey,
        [stage for stage in journey.stages if stage.steps],
        len(journey.steps()),
        len(emotions),
        mean or "not rated",
        pains,
    )


def _mean(emotions: list[int]) -> str:
    """Two decimals, `+0.67`; exact integers divided once, so a 400-digit emotion (JO012
    off) reads as outside the scale instead of overflowing a float."""
    mean = Fraction(sum(emotions), len(emotions))
    if abs(mean) > HUGE_MEAN:
        return "outside any scale"
    text = f"{float(mean):+.2f}"
    return "0" if text in ("+0.00", "-0.00") else text
