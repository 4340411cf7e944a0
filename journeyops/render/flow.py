"""A journey's flow as SVG, laid out here in Python: stage boxes left to right, the steps in
each box in the written order, an arrow from each step to the next.

Why not Graphviz, which draws every other diagram: a flow is one row, so nothing in it needs
a graph layout. Every position follows from the widths of the labels, and `dot` spent its
time on the layout a row does not need (7.6 ms a journey, 15 s of CPU for 2,000 journeys;
this takes about 0.6 ms). The hierarchy is a graph and stays with `dot` (render/dot.py,
render/diagrams.py). The picture keeps what `dot` drew: rounded stage boxes with their name
on top, steps filled by emotion (`dot.EMOTION_FILLS`), a double border on a moment of truth,
each step a link to its column (`#step-<id>`) with its name as the tooltip, and the same
element ids (`journey-flow`, `stage-N`, `node-sN`, `flow-N`).

Labels are measured with Helvetica's character widths (Arial has the same), as `dot`
estimates them without fonts. Every user string is made printable (`report.safe_text`: no
control character reaches the page) and escaped for XML; numbers are written with at most
two decimals, so the same journey always gives the same bytes.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from journeyops.model.config import EmotionScale
from journeyops.model.journey import Journey, Step
from journeyops.render.dot import FONT, emotion_fill, step_anchor
from journeyops.report.safe_text import printable

# Helvetica's advance widths (thousandths of the font size), space to tilde.
_WIDTHS = (
    "278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 "
    "556 556 556 556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 "
    "556 833 722 778 667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 333 556 "
    "556 500 556 556 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 "
    "500 500 500 334 260 334 584"
)
ASCII_WIDTHS = dict(zip(map(chr, range(32, 127)), map(int, _WIDTHS.split()), strict=True))
_BREAK = re.compile(r"\r\n|\r|\n")
_SPECIAL = re.compile("[&<>\"']")

STEP_SIZE, STAGE_SIZE = 11, 12  # font sizes, as the flows drawn by dot had
LINE = 13.0  # a line of step text
PAD = 4.0  # around the picture
MARGIN = 8.0  # inside a stage box, around its steps
LABEL = 21.0  # the stage name's band at the top of its box
GAP = 24.0  # between two steps of a stage: the arrow
BETWEEN = 8.0  # between two stage boxes
MIN_WIDTH, MIN_HEIGHT = 54.0, 36.0  # a step's box at least (dot's 0.75 x 0.5 inch)
DOUBLE = 4.0  # the second border of a moment of truth, outside the first
ARROW, ARROW_HALF = 7.0, 2.45


def text_width(text: str, size: float) -> float:
    """How wide `text` is in Helvetica at `size` points."""
    if text.isascii():  # printable text: every character is in the table
        return sum(map(ASCII_WIDTHS.__getitem__, text)) * size / 1000
    total = 0
    for char in text:
        width = ASCII_WIDTHS.get(char, 556 if char.isascii() else None)
        if width is None:
            if unicodedata.combining(char):
                width = 0
            elif unicodedata.east_asian_width(char) in "WF":
                width = 1000
            else:
                width = 556
        total += width
    return total * size / 1000


@dataclass(frozen=True)
class _Box:
    step: Step
    lines: list[str]
    width: float
    height: float  # both with the second border of a moment of truth


def _box(step: Step) -> _Box:
    lines = [printable(line) for line in _BREAK.split(step.name)]
    details = []
    if step.emotion is not None:
        details.append(f"emotion {step.emotion:+d}" if step.emotion else "emotion 0")
    if step.pains:
        details.append(f"{len(step.pains)} pain" + ("s" if len(step.pains) > 1 else ""))
    if details:
        lines.append(", ".join(details))
    extra = 2 * DOUBLE if step.moment_of_truth else 0.0
    width = max(MIN_WIDTH, max(text_width(line, STEP_SIZE) for line in lines) + 16) + extra
    height = max(MIN_HEIGHT, len(lines) * LINE + 10) + extra
    return _Box(step, lines, width, height)


def flow_svg(journey: Journey, scale: EmotionScale) -> str:
    """The journey's flow as an inline-ready `<svg>` (no XML declaration)."""
    stages = [(stage.name, [_box(step) for step in stage.steps]) for stage in journey.stages]
    stages = [(name, boxes) for name, boxes in stages if boxes]  # dot draws no empty stage
    tallest = max(box.height for _, boxes in stages for box in boxes)
    middle = PAD + LABEL + MARGIN + tallest / 2
    parts: list[str] = []
    edges: list[str] = []
    x = PAD
    node = 0
    previous: float | None = None  # the right edge of the last step drawn
    for number, (name, boxes) in enumerate(stages):
        inner = sum(box.width for box in boxes) + GAP * (len(boxes) - 1)
        title = printable(name.replace("\r\n", " ").replace("\n", " ").replace("\r", " "))
        width = max(inner, text_width(title, STAGE_SIZE)) + 2 * MARGIN
        high = max(box.height for box in boxes) / 2
        top, bottom = middle - high - MARGIN - LABEL, middle + high + MARGIN
        parts.append(
            f'<g id="stage-{number}" class="cluster">'
            f'<rect fill="none" stroke="#9ca3af" x="{_n(x)}" y="{_n(top)}" width="{_n(width)}" '
            f'height="{_n(bottom - top)}" rx="8"/>'
            f'<text x="{_n(x + width / 2)}" y="{_n(top + 15)}" font-size="{STAGE_SIZE}">'
            f"{_escape(title)}</text></g>"
        )
        left = x + (width - inner) / 2
        for box in boxes:
            if previous is not None:
                edges.append(_edge(len(edges), previous, left, middle))
            parts.append(_node(node, box, left, middle, scale))
            previous = left + box.width
            left += box.width + GAP
            node += 1
        x += width + BETWEEN
    width, height = x - BETWEEN + PAD, middle + tallest / 2 + MARGIN + PAD
    return (
        f'<svg width="{_n(width)}pt" height="{_n(height)}pt" viewBox="0 0 {_n(width)} '
        f'{_n(height)}" xmlns="http://www.w3.org/2000/svg" '
        'xmlns:xlink="http://www.w3.org/1999/xlink">\n'
        f'<g id="journey-flow" class="graph" font-family="{FONT}" font-size="{STEP_SIZE}" '
        'text-anchor="middle">\n' + "\n".join([*parts, *edges]) + "\n</g>\n</svg>"
    )


def _node(number: int, box: _Box, left: float, middle: float, scale: EmotionScale) -> str:
    step = box.step
    # A line break in the name stays one in the tooltip (an attribute's own line breaks
    # would be read as spaces).
    name = "&#10;".join(_escape(printable(line)) for line in _BREAK.split(step.name))
    tooltip = name + (" (moment of truth)" if step.moment_of_truth else "")
    shapes = []
    inset = DOUBLE if step.moment_of_truth else 0.0
    if step.moment_of_truth:
        shapes.append(_rect(left, middle, box.width, box.height, "none", 11))
    fill = emotion_fill(step.emotion, scale)
    shapes.append(_rect(left + inset, middle, box.width - 2 * inset, box.height - 2 * inset, fill))
    centre = left + box.width / 2
    first = middle - (len(box.lines) - 1) * LINE / 2 + 4  # a baseline below the centre
    x = _n(centre)
    texts = [
        f'<text x="{x}" y="{_n(first + i * LINE)}">{_escape(line)}</text>'
        for i, line in enumerate(box.lines)
    ]
    return (
        f'<g id="node-s{number}" class="node">'
        f'<a xlink:href="#{_escape(step_anchor(step.id))}" xlink:title="{tooltip}">'
        + "".join(shapes + texts)
        + "</a></g>"
    )


def _rect(  # noqa: PLR0917 - a rectangle's numbers, in SVG's order
    left: float, middle: float, width: float, height: float, fill: str, r: int = 9
) -> str:
    return (
        f'<rect fill="{fill}" stroke="black" x="{_n(left)}" y="{_n(middle - height / 2)}" '
        f'width="{_n(width)}" height="{_n(height)}" rx="{r}"/>'
    )


def _edge(number: int, start: float, end: float, middle: float) -> str:
    tip = end - ARROW
    head = f"{_n(tip)},{_n(middle - ARROW_HALF)} {_n(end)},{_n(middle)} "
    head += f"{_n(tip)},{_n(middle + ARROW_HALF)}"
    return (
        f'<g id="flow-{number}" class="edge">'
        f'<path fill="none" stroke="#4b5563" d="M{_n(start)},{_n(middle)}H{_n(tip)}"/>'
        f'<polygon fill="#4b5563" stroke="#4b5563" points="{head}"/></g>'
    )


@lru_cache(maxsize=8192)
def _n(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros: stable text. (Kept:
    a flow repeats its few heights and rows, 350 coordinates a journey.)"""
    if value == int(value):
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _escape(text: str) -> str:
    """Text for an XML element or a double-quoted attribute."""
    return html.escape(text, quote=True) if _SPECIAL.search(text) else text
