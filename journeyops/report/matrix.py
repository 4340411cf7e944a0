"""The value-versus-effort matrix as a self-contained, accessible SVG.

Quadrants split at the medians: quick wins (high value, low effort), big bets (high value,
high effort), maybes (low value, low effort), time sinks (low value, high effort). Point
size grows with the number of insights an opportunity cites (a legend says how). Axes are
named and carry a scale in the CLI's numbers. The best-ranked points are labelled with
their shortened title where the label overlaps no other label; every point names its
opportunity when pointed at, and on the site each point links to its opportunity's page.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from journeyops.report.formatting import plain, readable
from journeyops.report.safe_text import printable
from journeyops.scoring.ranking import Entry, Ranking

WIDTH, HEIGHT = 880, 600
LEFT, RIGHT, TOP, BOTTOM = 90, 700, 40, 530  # the plot area; the legend sits right of it
LABELLED = 15  # how many of the best-ranked points may carry a label
LABEL_CHARS = 24
CHAR_WIDTH, LABEL_HEIGHT = 6.2, 12  # at font-size 11: a generous estimate of a label's box
INK, MUTED = "#111827", "#374151"
# name, high value?, high effort?, fill
QUADRANTS = (
    ("Quick wins", True, False, "#dcfce7"),
    ("Big bets", True, True, "#dbeafe"),
    ("Maybes", False, False, "#f3f4f6"),
    ("Time sinks", False, True, "#fee2e2"),
)
Box = tuple[float, float, float, float]  # left, top, right, bottom


def element(tag: str, text: str = "", **attributes: object) -> str:
    """One SVG element; attribute values and text are escaped (`font_size` -> font-size):
    for markup by `escape`, and through `printable`, because SVG is XML 1.0, which cannot
    carry control characters or lone surrogates (titles and ids are user text)."""
    listed = "".join(
        f' {name.rstrip("_").replace("_", "-")}="{escape(printable(_number(value)))}"'
        for name, value in attributes.items()
    )
    shown = escape(printable(text))
    return f"<{tag}{listed}>{shown}</{tag}>" if text else f"<{tag}{listed}/>"


def matrix_svg(
    ranking: Ranking, workspace_name: str, link: Callable[[str], str] | None = None
) -> str:
    """The matrix; `link` gives the page of an opportunity by id (none in a lone SVG)."""
    points = [
        e
        for e in ranking.entries
        if e.computation.value is not None and e.computation.effort is not None
    ]
    title = f"Value versus effort: {workspace_name} ({ranking.model.name})"
    description = (
        f"{len(points)} opportunities placed by value (up) and effort (right); quadrants split "
        "at the median; larger points have more linked insights."
    )
    parts = [
        element("title", title, id="matrix-title"),
        element("desc", description, id="matrix-desc"),
        element("rect", width=WIDTH, height=HEIGHT, fill="#ffffff"),
    ]
    if points:
        parts += _plot(points, link)
    else:
        message = "No opportunity has both a value and an effort under this model."
        parts.append(element("text", message, x=WIDTH / 2, y=HEIGHT / 2, text_anchor="middle"))
    # With links it is a group of them (a link inside an image is hidden from some readers).
    role = "img" if link is None else "group"
    opening = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="{role}" aria-labelledby="matrix-title '
        f'matrix-desc" font-family="sans-serif" font-size="12" fill="{INK}">'
    )
    return "\n".join([opening, *parts, "</svg>"]) + "\n"


def _plot(points: list[Entry], link: Callable[[str], str] | None) -> list[str]:
    values = [p.computation.value or 0.0 for p in points]
    efforts = [p.computation.effort or 0.0 for p in points]
    x = _scale(min(efforts), max(efforts), LEFT + 20, RIGHT - 20)
    y = _scale(min(values), max(values), BOTTOM - 20, TOP + 20)
    cx, cy = x(_median(efforts)), y(_median(values))
    parts: list[str] = []
    taken: list[Box] = []
    for name, high_value, high_effort, fill in QUADRANTS:
        left, right = (cx, RIGHT) if high_effort else (LEFT, cx)
        top, bottom = (TOP, cy) if high_value else (cy, BOTTOM)
        parts.append(
            element(
                "rect",
                x=left,
                y=top,
                width=max(right - left, 0),
                height=max(bottom - top, 0),
                fill=fill,
            )
        )
        label_x, label_y = (right - 8, top + 16) if high_effort else (left + 8, top + 16)
        anchor = "end" if high_effort else "start"
        parts.append(
            element(
                "text", name, x=label_x, y=label_y, font_weight="bold", fill=MUTED,
                text_anchor=anchor,
            )
        )  # fmt: skip
        width = len(name) * 7.5
        taken.append(
            (label_x - width if high_effort else label_x, top + 4, label_x + width, top + 20)
        )
    parts += _axes(x, y, (min(efforts), max(efforts)), (min(values), max(values)))
    parts += _legend()
    labels: list[str] = []
    by_rank = sorted(range(len(points)), key=lambda n: (points[n].rank, n))
    labelled = set(by_rank[:LABELLED])
    for n in by_rank[::-1]:  # the best drawn last, on top
        entry = points[n]
        px, py = x(efforts[n]), y(values[n])
        radius = _radius(len(entry.opportunity.model.evidence))
        parts.append(_point(entry, (px, py, radius), (values[n], efforts[n]), link))
    for n in by_rank:
        if n in labelled:
            entry = points[n]
            px, py = x(efforts[n]), y(values[n])
            radius = _radius(len(entry.opportunity.model.evidence))
            label = _label(entry.opportunity.model.title, px, py, radius, taken)
            if label:
                labels.append(label)
    return parts + labels


def _point(
    entry: Entry,
    at: tuple[float, float, float],
    halves: tuple[float, float],
    link: Callable[[str], str] | None,
) -> str:
    """One point (x, y, radius) with its tooltip; `halves` are its value and effort."""
    px, py, radius = at
    value, effort = halves
    opportunity = entry.opportunity.model
    # The halves of the score as `score --explain` writes them (value 23680, effort 3).
    shown = f"value {plain(value)}, effort {plain(effort)}"
    tooltip = element("title", f"{opportunity.title} (rank {entry.rank}, {shown})")
    dot = element(
        "circle", cx=px, cy=py, r=radius, fill="#2563eb", fill_opacity=0.55, stroke="#1e3a8a"
    )
    if link is None:
        return f"<g>{tooltip}{dot}</g>"
    opening = f'<a href="{escape(link(opportunity.id))}">'
    return f"{opening}{tooltip}{dot}</a>"


def _label(title: str, px: float, py: float, radius: float, taken: list[Box]) -> str | None:
    """A shortened title beside its point, in the first place (right, left, above, below,
    then to the right above or below) where it overlaps no label already placed and stays
    in the plot; None when none is."""
    text = printable(title)
    short = text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "\u2026"
    width = len(short) * CHAR_WIDTH
    gap = radius + 3
    candidates = (
        (px + gap, py - LABEL_HEIGHT / 2, "start"),
        (px - gap - width, py - LABEL_HEIGHT / 2, "start"),
        (px - width / 2, py - gap - LABEL_HEIGHT, "start"),
        (px - width / 2, py + gap, "start"),
        (px + gap, py - gap - LABEL_HEIGHT, "start"),
        (px + gap, py + gap, "start"),
    )
    for left, top, anchor in candidates:
        box = (left, top, left + width, top + LABEL_HEIGHT)
        inside = box[0] >= LEFT and box[2] <= RIGHT and box[1] >= TOP and box[3] <= BOTTOM
        if inside and not any(_overlap(box, other) for other in taken):
            taken.append(box)
            return element(
                "text", short, x=left, y=top + LABEL_HEIGHT - 2, font_size=11, text_anchor=anchor
            )
    return None


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _axes(
    x: Callable[[float], float],
    y: Callable[[float], float],
    effort: tuple[float, float],
    value: tuple[float, float],
) -> list[str]:
    parts = [
        element("line", x1=LEFT, y1=BOTTOM, x2=RIGHT, y2=BOTTOM, stroke=MUTED),
        element("line", x1=LEFT, y1=TOP, x2=LEFT, y2=BOTTOM, stroke=MUTED),
        element("text", "Effort →", x=(LEFT + RIGHT) / 2, y=HEIGHT - 20, text_anchor="middle"),
    ]
    middle = (TOP + BOTTOM) / 2
    parts.append(
        element(
            "text", "Value →", x=24, y=middle, text_anchor="middle",
            transform=f"rotate(-90 24 {middle})",
        )
    )  # fmt: skip
    for tick in _ticks(*effort):
        tx = x(tick)
        parts.append(element("line", x1=tx, y1=BOTTOM, x2=tx, y2=BOTTOM + 5, stroke=MUTED))
        parts.append(element("text", readable(tick), x=tx, y=BOTTOM + 18, text_anchor="middle"))
    for tick in _ticks(*value):
        ty = y(tick)
        parts.append(element("line", x1=LEFT - 5, y1=ty, x2=LEFT, y2=ty, stroke=MUTED))
        parts.append(element("text", readable(tick), x=LEFT - 8, y=ty + 4, text_anchor="end"))
    return parts


def _ticks(low: float, high: float) -> list[float]:
    """Five evenly spaced values from low to high (one when they are equal)."""
    if low == high:
        return [low]
    # In halves, as `_scale`: high - low overflows for scores near the float's limit.
    inner = [(low / 2 + (high / 2 - low / 2) * (n / 4)) * 2 for n in (1, 2, 3)]
    return [low, *inner, high]


def _legend() -> list[str]:
    left = RIGHT + 30
    parts = [element("text", "Insights cited", x=left, y=TOP + 10, font_weight="bold")]
    for n, cited in enumerate((0, 3, 6)):
        cy = TOP + 40 + n * 40
        radius = _radius(cited)
        parts.append(
            element(
                "circle", cx=left + 16, cy=cy, r=radius, fill="#2563eb", fill_opacity=0.55,
                stroke="#1e3a8a",
            )
        )  # fmt: skip
        shown = f"{cited} or more" if cited == 6 else str(cited)
        parts.append(element("text", shown, x=left + 40, y=cy + 4))
    return parts


def _radius(insights: int) -> float:
    return 5 + 2.5 * min(insights, 6)


def _scale(low: float, high: float, start: float, end: float) -> Callable[[float], float]:
    # In halves: 1e308 - -1e308 overflows to inf, and inf / inf would place a point at NaN.
    span = (high / 2 - low / 2) or 1.0
    return lambda value: start + (value / 2 - low / 2) / span * (end - start)


def _median(numbers: list[float]) -> float:
    """statistics.median without its overflow: the mean of 1e308 and 1e308 is not inf."""
    ordered = sorted(numbers)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return ordered[middle - 1] / 2 + ordered[middle] / 2


def _number(value: object) -> str:
    """An attribute value: a coordinate to a tenth of a pixel (finer is invisible), other
    values as they are."""
    return plain(value, decimals=1) if isinstance(value, float) else str(value)
