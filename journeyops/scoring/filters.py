"""Which opportunities `score` ranks, and what a filter value that matches nothing is.

A filter value that names no journey, persona or status is a typo far more often than a
wish for an empty table, so it is an error with a suggestion, never a silent empty result.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import get_args

from journeyops.core.suggest import did_you_mean
from journeyops.model import Opportunity
from journeyops.model.opportunity import Status
from journeyops.model.workspace import Workspace

STATUSES: tuple[str, ...] = get_args(Status)
PLURAL = {"status": "statuses", "opportunity": "opportunities"}
LISTED = 12  # name the choices when there are this few, else only suggest


@dataclass(frozen=True)
class Filters:
    journey: str | None = None
    persona: str | None = None
    statuses: frozenset[str] = frozenset()

    def keep(self, opportunity: Opportunity) -> bool:
        if self.journey and not any(s.split("/")[0] == self.journey for s in opportunity.steps):
            return False
        if self.persona and self.persona not in opportunity.personas:
            return False
        return not self.statuses or opportunity.status in self.statuses

    def unknown(self, workspace: Workspace) -> list[str]:
        """A message for each value that names nothing in `workspace`. A journey or persona
        that an opportunity refers to counts as known even when its own file did not load
        (its errors are reported, and the filter still selects)."""
        opportunities = [d.model for d in workspace.of(Opportunity)]
        journeys = {*workspace.journeys, *(s.split("/")[0] for o in opportunities for s in o.steps)}
        personas = {*workspace.personas, *(p for o in opportunities for p in o.personas)}
        problems = []
        if self.journey is not None and self.journey not in journeys:
            problems.append(unknown_value("journey", self.journey, journeys))
        if self.persona is not None and self.persona not in personas:
            problems.append(unknown_value("persona", self.persona, personas))
        for status in sorted(self.statuses - set(STATUSES)):
            problems.append(unknown_value("status", status, STATUSES, ordered=True))
        return problems


def unknown_opportunity(workspace: Workspace, opportunity_id: str, filters: Filters) -> str:
    """Why `--explain ID` found nothing: no such opportunity, or the filters left it out."""
    ids = [d.model.id for d in workspace.of(Opportunity)]
    if opportunity_id in ids:
        return (
            f"opportunity '{opportunity_id}' is left out by --journey, --persona or --status; "
            "explain it without them"
        )
    return unknown_value("opportunity", opportunity_id, ids)


def unknown_value(what: str, value: str, known: Iterable[str], ordered: bool = False) -> str:
    """`no journey 'x'; did you mean 'y'?`, else the choices when there are few."""
    choices = list(known) if ordered else sorted(known)
    hint = did_you_mean(value, choices, n=3)
    if hint is None:
        plural = PLURAL.get(what, f"{what}s")
        if not choices:
            hint = f"there are no {plural}"
        elif len(choices) <= LISTED:
            hint = f"{plural}: " + ", ".join(choices)
        else:
            hint = f"none of the {len(choices)} {plural} is close"
    return f"no {what} '{value}'; {hint}"
