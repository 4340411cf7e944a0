"""The portfolio page's table: every opportunity with what its in-page sort and filters
read (a sort key per column, and the status, journeys and personas it belongs to)."""

from __future__ import annotations

from dataclasses import dataclass

from journeyops.render.pages import Scored, SiteData


@dataclass(frozen=True)
class Row:
    scored: Scored
    sort_score: str  # the exact score for sorting; empty when not scored
    journeys: tuple[str, ...]  # ids of the journeys of its steps
    personas: tuple[str, ...]


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class Portfolio:
    rows: tuple[Row, ...]
    statuses: tuple[Choice, ...]
    journeys: tuple[Choice, ...]
    personas: tuple[Choice, ...]


def portfolio(data: SiteData, scores: dict[str, float]) -> Portfolio:
    """`scores`: each ranked opportunity's score by id (the table sorts by the number, not
    by its text with thousands separators)."""
    rows = []
    for scored in data.opportunities:
        opportunity = scored.opportunity
        score = scores.get(opportunity.id)
        journeys = tuple(dict.fromkeys(ref.split("/")[0] for ref in opportunity.steps))
        rows.append(
            Row(scored, _sort_key(score), journeys, tuple(dict.fromkeys(opportunity.personas)))
        )
    statuses = sorted({r.scored.opportunity.status for r in rows})
    journey_ids = {j for r in rows for j in r.journeys}
    on = [Choice(j.id, j.title) for j in data.journeys if j.id in journey_ids]
    persona_ids = {p for r in rows for p in r.personas}
    personas = [Choice(pid, p.name) for pid, p in data.personas.items() if pid in persona_ids]
    return Portfolio(
        tuple(rows),
        tuple(Choice(s, s) for s in statuses),
        tuple(sorted(on, key=lambda c: (c.label, c.value))),
        tuple(personas),
    )


def _sort_key(score: float | None) -> str:
    """The score as JavaScript's Number() reads it back exactly (1.7e+308 included)."""
    return "" if score is None else repr(float(score))
