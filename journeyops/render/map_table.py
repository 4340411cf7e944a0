"""The journey map itself: stages over steps, one row per lane (render/lanes.py).

Built here rather than in journey.html because it is most of what a render does: a lane
times a step is a cell, 2,000 journeys hold 300,000 of them, and Jinja spent 10 s of a
render on them, three quarters of it calling and escaping. Every piece of a workspace's
text goes through `_text`, which escapes it as autoescape would; the markup is the
template's, to the byte.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from markupsafe import Markup, escape

from journeyops.model.config import EmotionScale
from journeyops.model.journey import Journey, Step
from journeyops.render.emotion_curve import Point
from journeyops.render.lanes import VISIBILITY, Lane
from journeyops.render.measures import Measure
from journeyops.render.pages import SiteData, emotion_word

NONE = "\u2013"  # an en dash in an empty cell
_SPECIAL = re.compile("[&<>\"']")
_SIGHT = (
    '<span class="muted">Above: what the customer sees. Below: what happens out of sight.</span>'
)

Measures = Mapping[tuple[str, str | None], list[Measure]]
Cell = Callable[[Step, str], str]  # a step and its `journey/step` reference -> the cell


def map_table(
    data: SiteData, journey: Journey, lanes: list[Lane], measures: Measures, scale: EmotionScale
) -> Markup:
    """The map as a table: a header row of stages, one of steps, then a row per lane."""
    pairs = data.stage_steps(journey)
    steps = [(step, f"{journey.id}/{step.id}") for _, step in pairs]
    rows = [
        '<table class="map">\n<caption id="map-caption">',
        _text(journey.title),
        ": what the customer does, thinks and feels at each step, in service-blueprint order"
        "</caption>\n<thead>\n<tr><td></td>",
    ]
    rows += [
        f'<th scope="colgroup" colspan="{len(stage.steps)}">{_text(stage.name)}</th>'
        for stage in journey.stages
        if stage.steps
    ]
    rows.append("</tr>\n<tr><td></td>")
    rows += [_step_head(data, step, ref) for step, ref in steps]
    rows.append("</tr>\n</thead>\n<tbody>\n")
    cells = _cells(data, journey, measures, scale)
    for lane in lanes:
        label = f'<th scope="row">{_text(lane.label)}</th>'
        if lane.key == VISIBILITY:
            rows.append(
                f'<tr class="visibility">{label}<td colspan="{len(pairs)}">{_SIGHT}</td></tr>\n'
            )
            continue
        cell = cells.get(lane.key) or _listed(lane.key)
        rows.append(f"<tr>{label}{''.join(cell(step, ref) for step, ref in steps)}</tr>\n")
    rows.append("</tbody>\n</table>")
    return Markup("".join(rows))


def emotion_table(found: list[Point], caption: str, scale: EmotionScale) -> str:
    """The emotion curve's values as a table, for whoever cannot see the chart."""
    rows = "".join(
        f'<tr><td>{_text(p.stage)}</td><th scope="row">{_text(p.name)}</th>'
        f"<td>{_text(p.reading(scale))}</td><td>{'yes' if p.moment_of_truth else 'no'}</td></tr>\n"
        for p in found
    )
    return (
        f'<table class="curve-values">\n<caption>{_text(caption)}</caption>\n'
        '<thead><tr><th scope="col">Stage</th><th scope="col">Step</th>'
        '<th scope="col">Emotion</th><th scope="col">Moment of truth</th></tr></thead>\n'
        f"<tbody>\n{rows}</tbody>\n</table>\n"
    )


def _step_head(data: SiteData, step: Step, ref: str) -> str:
    head = f'<th scope="col" id="step-{_text(step.id)}">{_text(step.name)}'
    if step.moment_of_truth:
        head += ' <span class="badge">moment of truth</span>'
    zooms = data.zooms.get(ref, [])
    if zooms:
        links = ", ".join(f'<a href="{_text(c.id)}.html">{_text(c.title)}</a>' for c in zooms)
        head += f'<span class="zoom">Zoomed into by {links}</span>'
    return head + "</th>"


def _cells(
    data: SiteData, journey: Journey, measures: Measures, scale: EmotionScale
) -> dict[str, Cell]:
    """How each lane with more than a list of text draws its cell."""

    def emotion(step: Step, ref: str) -> str:
        word = _text(emotion_word(step.emotion, scale.min, scale.max))
        kind = word.replace(" ", "-")
        if step.emotion is None:
            return f'<td class="emotion-{kind}">{NONE}</td>'
        value = f"{step.emotion:+d}" if step.emotion else "0"
        return f'<td class="emotion-{kind}">{value} ({word})</td>'

    def pains(step: Step, ref: str) -> str:
        return _bullets(
            f'{_text(pain.text)} <span class="badge sev-{_text(pain.severity)}">'
            f"{_text(pain.severity)}</span>"
            if pain.severity
            else _text(pain.text)
            for pain in step.pains
        )

    def gains(step: Step, ref: str) -> str:
        return f"<td>{_items([gain.text for gain in step.gains])}</td>"

    def insights(step: Step, ref: str) -> str:
        known = data.insights
        return _bullets(
            f'<a href="../insights.html#insight-{_text(iid)}">{_text(known[iid].title)}</a>'
            if iid in known
            else _text(iid)
            for iid in data.insights_by_step.get(ref, [])
        )

    def opportunities(step: Step, ref: str) -> str:
        return _bullets(
            f'<a href="../opportunities/{_text(s.opportunity.id)}.html">'
            f"{_text(s.opportunity.title)}</a>"
            + (f' <span class="muted">(#{s.rank})</span>' if s.rank else "")
            for s in data.by_step.get(ref, [])
        )

    def measured(step: Step, ref: str) -> str:
        found = measures.get((journey.id, step.id), [])
        return f"<td>{measure_list(found)}\n</td>" if found else f"<td>{NONE}</td>"

    return {
        "emotion": emotion,
        "pains": pains,
        "gains": gains,
        "insights": insights,
        "opportunities": opportunities,
        "measures": measured,
    }


def _listed(key: str) -> Cell:
    """A lane that is a list of text on each step (actions, touchpoints, thoughts,
    backstage)."""

    def cell(step: Step, ref: str) -> str:
        values: list[str] = getattr(step, key)
        return f"<td>{_items(values)}</td>"

    return cell


def _bullets(entries: Iterable[str]) -> str:
    """Bullets in a cell, or a dash for none."""
    listed = "".join(f"<li>{entry}</li>" for entry in entries)
    return f"<td><ul>{listed}</ul></td>" if listed else f"<td>{NONE}</td>"


def items(values: list[str]) -> Markup:
    """A cell's list: bullets for several entries, the text for one, a dash for none. (For
    templates, whose values may be Markup already or not text at all: markupsafe's way.)"""
    if not values:
        return Markup(NONE)
    if len(values) == 1:
        return escape(values[0])
    listed = Markup("").join(Markup("<li>%s</li>") % value for value in values)
    return Markup("<ul>%s</ul>") % listed


def _items(values: list[str]) -> str:
    if not values:
        return NONE
    if len(values) == 1:
        return _text(values[0])
    return "<ul>" + "".join(f"<li>{_text(value)}</li>" for value in values) + "</ul>"


def _text(value: str) -> str:
    """`value` escaped to the byte as Jinja's autoescape (markupsafe) does it, without
    making a Markup of each piece: most text has nothing to escape."""
    if _SPECIAL.search(value) is None:
        return value
    return (
        value.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&#34;")
        .replace("'", "&#39;")
    )


def measure_list(found: list[Measure]) -> str:
    """A step's surveys and KPIs, each against its target."""
    listed = "".join(
        f"<li>{_text(m.name)}: <strong>{_text(m.value)}</strong>"
        + (f" ({_text(m.margin)})" if m.margin else "")
        + f', target {_text(m.target)} <span class="status-{_text(m.standing)}">'
        f"({_text(m.status)})</span></li>"
        for m in found
    )
    return f"<ul>{listed}</ul>"
