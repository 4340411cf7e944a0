"""The value-versus-effort matrix as a self-contained, accessible SVG.

Quadrants split at the medians: quick wins (high value, low effort), big bets (high value,
high effort), maybes (low value, low effort), time sinks (low value, high effort). Point
size grows with the number of insights an opportunity cites.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from journeyops.report.formatting import plain
from journeyops.report.safe_text import printable
from journeyops.scoring.ranking import Entry, Ranking

WIDTH, HEIGHT, MARGIN = 720, 560, 70
# name, high value?, high effort?, fill
QUADRANTS = (
    ("Quick wins", True, False, "#dcfce7"),
    ("Big bets", True, True, "#dbeafe"),
    ("Maybes", False, False, "#f3f4f6"),
    ("Time sinks", False, True, "#fee2e2"),
)


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


def matrix_svg(ranking: Ranking, workspace_name: str) -> str:
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
        parts += _plot(points)
    else:
        message = "No opportunity has both a value and an effort under this model."
        parts.append(element("text", message, x=WIDTH / 2, y=HEIGHT / 2, text_anchor="middle"))
    opening = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="matrix-title '
        'matrix-desc" font-family="sans-serif" font-size="12">'
    )
    return "\n".join([opening, *parts, "</svg>"]) + "\n"


def _plot(points: list[Entry]) -> list[str]:
    values = [p.computation.value or 0.0 for p in points]
    efforts = [p.computation.effort or 0.0 for p in points]
    x = _scale(min(efforts), max(efforts), MARGIN, WIDTH - MARGIN)
    y = _scale(min(values), max(values), HEIGHT - MARGIN, MARGIN)
    cx, cy = x(_median(efforts)), y(_median(values))
    parts = []
    for name, high_value, high_effort, fill in QUADRANTS:
        left = cx if high_effort else MARGIN
        top = MARGIN if high_value else cy
        width = (WIDTH - MARGIN - cx) if high_effort else (cx - MARGIN)
        height = (cy - MARGIN) if high_value else (HEIGHT - MARGIN - cy)
        parts.append(
            element("rect", x=left, y=top, width=max(width, 0), height=max(height, 0), fill=fill)
        )
        parts.append(
            element("text", name, x=left + 8, y=top + 18, font_weight="bold", fill="#374151")
        )
    parts.append(element("text", "effort →", x=WIDTH / 2, y=HEIGHT - 20, text_anchor="middle"))
    rotate = f"rotate(-90 20 {HEIGHT / 2})"
    parts.append(
        element("text", "value →", x=20, y=HEIGHT / 2, text_anchor="middle", transform=rotate)
    )
    for entry, value, effort in zip(points, values, efforts, strict=True):
        opportunity = entry.opportunity.model
        radius = 5 + 2.5 * min(len(opportunity.evidence), 6)
        # The halves of the score as `score --explain` writes them (value 23680, effort 3).
        shown = f"value {plain(value)}, effort {plain(effort)}"
        tooltip = f"{opportunity.title} (rank {entry.rank}, {shown})"
        dot = element(
            "circle",
            cx=x(effort),
            cy=y(value),
            r=radius,
            fill="#2563eb",
            fill_opacity=0.55,
            stroke="#1e3a8a",
        )
        label = element("text", opportunity.id, x=x(effort) + radius + 3, y=y(value) + 4)
        parts.append(f"<g>{element('title', tooltip)}{dot}{label}</g>")
    return parts


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
