"""The journey map itself: stages over steps, one row per lane (render/lanes.py).

Built here rather than in journey.html because it is most of what a render does: a lane
times a step is a cell, 2,000 journeys hold 300,000 of them, and Jinja spent 10 s of a
render on them, three quarters of it calling and escaping. Every piece of a workspace's
text goes through `escape`, as autoescape would; the markup is the template's, to the byte.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from markupsafe import Markup, escape

from journeyops.model.config import EmotionScale
from journeyops.model.journey import Journey, Step
from journeyops.render.lanes import VISIBILITY, Lane
from journeyops.render.measures import Measure
from journeyops.render.pages import SiteData, emotion_word

NONE = "\u2013"  # an en dash in an empty cell
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
        escape(journey.title),
        ": what the customer does, thinks and feels at each step, in service-blueprint order"
        "</caption>\n<thead>\n<tr><td></td>",
    ]
    rows += [
        f'<th scope="colgroup" colspan="{len(stage.steps)}">{escape(stage.name)}</th>'
        for stage in journey.stages
        if stage.steps
    ]
    rows.append("</tr>\n<tr><td></td>")
    rows += [_step_head(data, step, ref) for step, ref in steps]
    rows.append("</tr>\n</thead>\n<tbody>\n")
    cells = _cells(data, journey, measures, scale)
    for lane in lanes:
        label = f'<th scope="row">{escape(lane.label)}</th>'
        if lane.key == VISIBILITY:
            rows.append(
                f'<tr class="visibility">{label}<td colspan="{len(pairs)}">{_SIGHT}</td></tr>\n'
            )
            continue
        cell = cells.get(lane.key) or _listed(lane.key)
        rows.append(f"<tr>{label}{''.join(cell(step, ref) for step, ref in steps)}</tr>\n")
    rows.append("</tbody>\n</table>")
    return Markup("".join(rows))


def _step_head(data: SiteData, step: Step, ref: str) -> str:
    head = f'<th scope="col" id="step-{escape(step.id)}">{escape(step.name)}'
    if step.moment_of_truth:
        head += ' <span class="badge">moment of truth</span>'
    zooms = data.zooms.get(ref, [])
    if zooms:
        links = ", ".join(f'<a href="{escape(c.id)}.html">{escape(c.title)}</a>' for c in zooms)
        head += f'<span class="zoom">Zoomed into by {links}</span>'
    return head + "</th>"


def _cells(
    data: SiteData, journey: Journey, measures: Measures, scale: EmotionScale
) -> dict[str, Cell]:
    """How each lane with more than a list of text draws its cell."""

    def emotion(step: Step, ref: str) -> str:
        word = escape(emotion_word(step.emotion, scale.min, scale.max))
        kind = word.replace(" ", "-")
        if step.emotion is None:
            return f'<td class="emotion-{kind}">{NONE}</td>'
        value = f"{step.emotion:+d}" if step.emotion else "0"
        return f'<td class="emotion-{kind}">{value} ({word})</td>'

    def pains(step: Step, ref: str) -> str:
        return _bullets(
            f'{escape(pain.text)} <span class="badge sev-{escape(pain.severity)}">'
            f"{escape(pain.severity)}</span>"
            if pain.severity
            else escape(pain.text)
            for pain in step.pains
        )

    def gains(step: Step, ref: str) -> str:
        return f"<td>{items([gain.text for gain in step.gains])}</td>"

    def insights(step: Step, ref: str) -> str:
        known = data.insights
        return _bullets(
            f'<a href="../insights.html#insight-{escape(iid)}">{escape(known[iid].title)}</a>'
            if iid in known
            else escape(iid)
            for iid in data.insights_by_step.get(ref, [])
        )

    def opportunities(step: Step, ref: str) -> str:
        return _bullets(
            f'<a href="../opportunities/{escape(s.opportunity.id)}.html">'
            f"{escape(s.opportunity.title)}</a>"
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
        return f"<td>{items(values)}</td>"

    return cell


def _bullets(entries: Iterable[str]) -> str:
    """Bullets in a cell, or a dash for none."""
    listed = "".join(f"<li>{entry}</li>" for entry in entries)
    return f"<td><ul>{listed}</ul></td>" if listed else f"<td>{NONE}</td>"


def items(values: list[str]) -> Markup:
    """A cell's list: bullets for several entries, the text for one, a dash for none."""
    if not values:
        return Markup(NONE)
    if len(values) == 1:
        return escape(values[0])
    return Markup("<ul>" + "".join(f"<li>{escape(value)}</li>" for value in values) + "</ul>")


def measure_list(found: list[Measure]) -> str:
    """A step's surveys and KPIs, each against its target."""
    listed = "".join(
        f"<li>{escape(m.name)}: <strong>{escape(m.value)}</strong>"
        + (f" ({escape(m.margin)})" if m.margin else "")
        + f', target {escape(m.target)} <span class="status-{escape(m.standing)}">'
        f"({escape(m.status)})</span></li>"
        for m in found
    )
    return f"<ul>{listed}</ul>"
