"""Graphviz DOT source for journey diagrams, built as text from the models (no Graphviz here).

Every user-written string goes through `quote`, and every node, edge and cluster gets an
explicit `id`, so that several diagrams inlined in one HTML page never share an id.

Every cluster (a stage) is written alone inside an anonymous subgraph, so that a diagram
is drawn the same whatever `dot` drew before it (the note above `journey_dot` says why).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping

from journeyops.model.config import EmotionScale
from journeyops.model.journey import Journey, Step

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


# Stage clusters in the written order, in any `dot` process. Graphviz 2.42/2.43 (what
# Debian 12 and Ubuntu 22.04 ship) keeps a graph's subgraphs sorted by id, and a named
# subgraph's id is the memory address of its interned name (Graphviz issue #1614; later
# releases keep creation order). In a `dot` that drew other graphs before, the names land
# in memory those graphs freed, in no fixed order, so the stages came out in another order
# from run to run and with whatever shared the process. An anonymous subgraph's id comes
# from a counter that only grows: with each cluster alone in one, the clusters are in the
# written order, and a cluster without siblings has nothing to be sorted against. Drawn by
# a fresh `dot`, the wrapped graph gives the same bytes as the bare one.


def journey_dot(journey: Journey, scale: EmotionScale) -> str:
    """The journey as a left-to-right flow: stages are boxes around their steps, steps are
    coloured by emotion, moments of truth have a double border, and each step links to its
    column of the journey map."""
    lines = [
        f"digraph {quote(journey.id)} {{",
        "  graph "
        + attributes(
            id="journey-flow", rankdir="LR", fontname=FONT, fontsize=12, nodesep=0.25, ranksep=0.3
        )
        + ";",
        "  node "
        + attributes(shape="box", style="rounded,filled", fontname=FONT, fontsize=11)
        + ";",
        "  edge " + attributes(color="#4b5563", arrowsize=0.7) + ";",
    ]
    order: list[str] = []
    for i, stage in enumerate(journey.stages):
        # Each cluster alone in an anonymous subgraph, so that the stages come out in the
        # written order in any `dot` process (the note above this function).
        lines.append(f"  subgraph {{ subgraph cluster_{i} {{")
        lines.append(
            "    graph "
            + attributes(id=f"stage-{i}", label=stage.name, style="rounded", color="#9ca3af")
            + ";"
        )
        for step in stage.steps:
            node = f"s{len(order)}"
            order.append(node)
            lines.append(f"    {node} " + _step_attributes(node, step, scale) + ";")
        lines.append("  } }")
    for number, (tail, head) in enumerate(itertools.pairwise(order)):
        lines.append(f"  {tail} -> {head} " + attributes(id=f"flow-{number}") + ";")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _step_attributes(node: str, step: Step, scale: EmotionScale) -> str:
    details = []
    if step.emotion is not None:
        details.append(f"emotion {step.emotion:+d}" if step.emotion else "emotion 0")
    if step.pains:
        details.append(f"{len(step.pains)} pain" + ("s" if len(step.pains) > 1 else ""))
    label = step.name + ("\n" + ", ".join(details) if details else "")
    return attributes(
        id=f"node-{node}",
        label=label,
        fillcolor=emotion_fill(step.emotion, scale),
        peripheries=2 if step.moment_of_truth else 1,
        URL="#" + step_anchor(step.id),
        tooltip=step.name + (" (moment of truth)" if step.moment_of_truth else ""),
    )


def hierarchy_dot(journeys: Iterable[Journey], links: Mapping[str, str]) -> str:
    """Journeys top-down by level: a child hangs under the journey whose step it zooms into
    (the edge names the step), and a future journey points at the current one it replaces
    with a dashed edge. `links` maps journey ids to their pages."""
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
