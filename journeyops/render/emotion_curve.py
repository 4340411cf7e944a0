"""The emotion curve of a journey as SVG text: one point per step on the workspace's scale.

Pure text from the model (no Jinja, no Graphviz), so the page and the standalone SVG draw
the same curve and a test can read it. A step without an emotion is a gap in the line,
never a zero: a line through a made-up value would tell the reader something nobody
measured. A future journey's page draws the curve of the journey it replaces under its own,
both spread over the same width, so as-is and to-be compare at a glance.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from html import escape

from journeyops.model.config import EmotionScale
from journeyops.model.journey import Journey
from journeyops.render.pages import emotion_word

STEP_WIDTH = 132  # one column of the map per step
LEFT = 44  # room for the scale's labels
TOP, PLOT_HEIGHT = 26, 150  # stage names above, then the plot


@dataclass(frozen=True)
class Point:
    """A step on the curve: its value (None for a gap) and what its title says."""

    step_id: str
    name: str
    stage: str
    emotion: int | None
    moment_of_truth: bool

    def reading(self, scale: EmotionScale) -> str:
        """`+1 (positive)`, as the map's emotion row says it."""
        if self.emotion is None:
            return "not rated"
        value = f"{self.emotion:+d}" if self.emotion else "0"
        return f"{value} ({emotion_word(self.emotion, scale.min, scale.max)})"


def points(journey: Journey) -> list[Point]:
    return [
        Point(step.id, step.name, stage.name, step.emotion, step.moment_of_truth)
        for stage in journey.stages
        for step in stage.steps
    ]


def drawn_scale(scale: EmotionScale, *journeys: Journey) -> EmotionScale:
    """The configured scale, widened to hold an emotion outside it (published only when a
    team turned JO012 off): a point must still land inside the chart."""
    emotions = [s.emotion for j in journeys for _, _, s in j.steps() if s.emotion is not None]
    low, high = min([scale.min, *emotions]), max([scale.max, *emotions])
    return scale if (low, high) == (scale.min, scale.max) else EmotionScale(min=low, max=high)


@dataclass(frozen=True)
class Frame:
    """Where the plot sits: `columns` steps wide, starting `top` pixels down."""

    columns: int
    scale: EmotionScale
    top: int = TOP

    @property
    def width(self) -> int:
        return LEFT + max(self.columns, 1) * STEP_WIDTH

    @property
    def bottom(self) -> int:
        return self.top + PLOT_HEIGHT

    def x(self, index: int, count: int) -> float:
        """The centre of step `index` of `count`, spread over the frame's columns."""
        span = max(self.columns, 1) * STEP_WIDTH
        return LEFT + (index + 0.5) * span / max(count, 1)

    def y(self, emotion: int | Fraction) -> float:
        # A share of the scale within 0..1 first, in exact arithmetic: a 400-digit emotion
        # (JO012 off) would overflow a float, its share never does.
        # (An int divided by an int is rounded correctly and exactly so, at any size.)
        low, high = self.scale.min, self.scale.max
        share = (
            (emotion - low) / (high - low)
            if isinstance(emotion, int)
            else float(Fraction(emotion - low) / (high - low))
        )
        return self.bottom - share * PLOT_HEIGHT


@lru_cache(maxsize=8192)
def _num(value: float) -> str:
    # Fixed decimals keep the bytes the same on every machine; -0.0 reads as 0, as the
    # cache (where -0.0 and 0.0 are one key) would otherwise decide by which came first.
    return f"{value + 0.0:.1f}".removesuffix(".0")


def curve_body(journey: Journey, frame: Frame, before: Journey | None = None) -> str:
    """The plot's elements (bands, neutral line, curves, points), without the `<svg>`."""
    parts = [_bands(journey, frame), _axis(frame)]
    if before is not None:
        parts.append(_curve(before, frame, "before", f"As-is ({before.title})"))
    parts.append(_curve(journey, frame, "now", ""))
    return "".join(parts)


def emotion_curve_svg(journey: Journey, scale: EmotionScale, before: Journey | None = None) -> str:
    """The curve as an inline SVG with an accessible name that says what it shows."""
    scale = drawn_scale(scale, journey, *([before] if before else []))
    frame = Frame(len(journey.steps()), scale)
    height = frame.bottom + 20
    name = f"Emotion curve of {journey.title}, step by step"
    if before is not None:
        name += f", drawn over the as-is curve of {before.title}"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="emotion-curve" role="img" '
        f'aria-label="{escape(name)}" width="{frame.width}" height="{height}" '
        f'viewBox="0 0 {frame.width} {height}">'
        f"{curve_body(journey, frame, before)}</svg>"
    )


def _bands(journey: Journey, frame: Frame) -> str:
    """A band per stage, named above the plot, and a dashed rule at each moment of truth."""
    found = points(journey)
    count, out, index = len(found), [], 0
    half = max(frame.columns, 1) * STEP_WIDTH / max(count, 1) / 2
    for n, stage in enumerate(s for s in journey.stages if s.steps):
        first, last = frame.x(index, count) - half, frame.x(index + len(stage.steps) - 1, count)
        width = last + half - first
        out.append(
            f'<rect class="band band-{n % 2}" x="{_num(first)}" y="{frame.top}" '
            f'width="{_num(width)}" height="{PLOT_HEIGHT}"/>'
            f'<text class="stage" x="{_num(first + 4)}" y="{frame.top - 8}">'
            f"{escape(stage.name)}</text>"
        )
        index += len(stage.steps)
    for i, point in enumerate(found):
        if point.moment_of_truth:
            x = _num(frame.x(i, count))
            out.append(
                f'<line class="truth-rule" x1="{x}" y1="{frame.top}" x2="{x}" y2="{frame.bottom}">'
                f"<title>Moment of truth: {escape(point.name)}</title></line>"
            )
    return "".join(out)


def _axis(frame: Frame) -> str:
    scale, middle = frame.scale, Fraction(frame.scale.min + frame.scale.max, 2)
    y = _num(frame.y(middle))
    labels = "".join(
        f'<text class="tick" x="{LEFT - 6}" y="{_num(frame.y(v) + 4)}">'
        f"{f'{v:+d}' if v else '0'}</text>"
        for v in (scale.min, scale.max)
    )
    return (
        f'<line class="neutral" x1="{LEFT}" y1="{y}" x2="{frame.width}" y2="{y}">'
        f"<title>Neutral</title></line>{labels}"
    )


def _curve(journey: Journey, frame: Frame, kind: str, prefix: str) -> str:
    """The line, broken at every step without an emotion, and a titled circle per value."""
    found = points(journey)
    count = len(found)
    path, pen_down, circles = [], False, []
    for i, point in enumerate(found):
        if point.emotion is None:
            pen_down = False
            continue
        x, y = _num(frame.x(i, count)), _num(frame.y(point.emotion))
        path.append(f"{'L' if pen_down else 'M'}{x} {y}")
        pen_down = True
        title = f"{prefix}: " if prefix else ""
        title += f"{point.name}: {point.reading(frame.scale)}"
        truth = " truth" if point.moment_of_truth else ""
        circles.append(
            f'<circle class="point{truth}" cx="{x}" cy="{y}" r="5" '
            f'data-step="{escape(point.step_id)}"><title>{escape(title)}</title></circle>'
        )
    line = f'<path class="line" d="{" ".join(path)}"/>' if path else ""
    return f'<g class="curve {kind}">{line}{"".join(circles)}</g>'
