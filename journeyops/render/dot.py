"""Graphviz DOT source for the journey hierarchy, built as text from the models (no Graphviz
here), and what the diagrams share: the font, the emotion fills, the step anchors.

Every user-written string goes through `quote`, and every node and edge gets an explicit
`id`, so that several diagrams inlined in one HTML page never share an id. A journey's flow
is no graph layout and is drawn in Python (render/flow.py says why).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from journeyops.model.config import EmotionScale
from journeyops.model.journey import Journey

FONT = "Helvetica,Arial,sans-serif"
# Step fill by emotion, from most negative to most positive (colour-blind-safe, light
# enough for black text at WCAG AA contrast).
EMOTION_FILLS = ("#fca5a5", "#fed7aa", "#f3f4f6", "#bbf7d0", "#86efac")
NO_EMOTION_FILL = "#ffffff"


def quote(text: str) -> str:
    """A DOT double-quoted string that shows `text` as written: backslashes and quotes are
    escaped (Graphviz reads `\\n`, `\\l` and `\\N` in labels as escapes) and line breaks
    become centred line breaks."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return f'"{escaped}"'


def attributes(**values: str | int | float) -> str:
    listed = ", ".join(f"{name}={_value(value)}" for name, value in values.items())
    return f"[{listed}]"


def _value(value: str | int | float) -> str:
    return quote(value) if isinstance(value, str) else repr(value)


def emotion_fill(emotion: int | None, scale: EmotionScale) -> str:
    if emotion is None:
        return NO_EMOTION_FILL
    share = (emotion - scale.min) / (scale.max - scale.min)
    return EMOTION_FILLS[min(len(EMOTION_FILLS) - 1, max(0, round(share * 4)))]


def step_anchor(step_id: str) -> str:
    """The id of a step's section in its journey page, which diagram nodes link to."""
    return f"step-{step_id}"


def hierarchy_dot(
    journeys: Iterable[Journey], links: Mapping[str, str], hidden: Mapping[str, int] | None = None
) -> str:
    """Journeys top-down by level: a child hangs under the journey whose step it zooms into
    (the edge names the step), and a future journey points at the current one it replaces
    with a dashed edge. `links` maps journey ids to their pages; `hidden` counts the
    children of a journey that are not drawn (render.hierarchy), which its label says."""
    listed = list(journeys)
    nodes = {journey.id: f"j{number}" for number, journey in enumerate(listed)}
    lines = [
        'digraph "journeys" {',
        "  graph " + attributes(id="journey-hierarchy", rankdir="TB", fontname=FONT) + ";",
        "  node " + attributes(shape="box", style="rounded", fontname=FONT, fontsize=11) + ";",
        "  edge " + attributes(fontname=FONT, fontsize=9, color="#4b5563") + ";",
    ]
    edges: list[tuple[str, str, dict[str, str | int | float]]] = []
    for journey in listed:
        node = nodes[journey.id]
        label = journey.title + (f"\n{journey.level}" if journey.level else "")
        if hidden and hidden.get(journey.id):
            count = hidden[journey.id]
            label += f"\n{count} child journey" + ("s" if count > 1 else "")
        extra: dict[str, str | int | float] = {}
        if journey.id in links:
            extra["URL"] = links[journey.id]
        if journey.state == "future":
            extra["style"] = "rounded,dashed"
        lines.append(f"  {node} " + attributes(id=f"node-{node}", label=label, **extra) + ";")
        if journey.parent:
            parent, step = journey.parent.split("/")
            if parent in nodes:
                edges.append((nodes[parent], node, {"label": step}))
        if journey.replaces and journey.replaces in nodes:
            edges.append((node, nodes[journey.replaces], {"style": "dashed", "label": "replaces"}))
    for number, (tail, head, extra) in enumerate(edges):
        lines.append(f"  {tail} -> {head} " + attributes(id=f"edge-{number}", **extra) + ";")
    lines.append("}")
    return "\n".join(lines) + "\n"
