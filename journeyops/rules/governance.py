"""Governance (JO3xx): every journey and opportunity has an owner, and journeys stay fresh."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from journeyops.core.diagnostics import Problem
from journeyops.model import Journey, Opportunity
from journeyops.model.facts import Index
from journeyops.model.workspace import Located, Workspace
from journeyops.rules.engine import RunOptions


def _without_owner(
    documents: list[Located[Journey]] | list[Located[Opportunity]], what: str, hint: str
) -> Iterator[Problem]:
    for doc in documents:
        if not doc.model.owner:
            yield Problem(f"{what} '{doc.model.id}' has no owner", doc.file, doc.span("id"), hint)


def journey_without_owner(workspace: Workspace, options: RunOptions) -> Iterator[Problem]:
    """A journey has no `owner`, so nobody is accountable for keeping it true.

    Bad:
        kind: journey
        id: open-account
        title: Open a current account
    Good:
        kind: journey
        id: open-account
        title: Open a current account
        owner: Onboarding squad
    """
    hint = "add `owner:` with the person or team accountable for this journey"
    return _without_owner(workspace.of(Journey), "journey", hint)


def opportunity_without_owner(workspace: Workspace, options: RunOptions) -> Iterator[Problem]:
    """An opportunity has no `owner`, so nobody drives it.

    Bad:
        kind: opportunity
        id: live-capture-guidance
        title: Live guidance while photographing the ID
    Good:
        kind: opportunity
        id: live-capture-guidance
        title: Live guidance while photographing the ID
        owner: Identity and fraud team
    """
    hint = "add `owner:` with the person or team driving it"
    return _without_owner(workspace.of(Opportunity), "opportunity", hint)


def review_overdue(workspace: Workspace, options: RunOptions) -> Iterator[Problem]:
    """A journey was not reviewed within `governance.review_interval_days` (default 180), or
    has no `reviewed` date at all. `--today DATE` pins "today" for reproducible CI runs.

    Bad:
        reviewed: 2024-01-15     # more than 180 days ago
    Good:
        reviewed: 2026-10-02     # after walking through the journey with the team
    """
    interval = workspace.config.governance.review_interval_days
    due_after = options.today - datetime.timedelta(days=interval)
    for doc in workspace.of(Journey):
        reviewed = doc.model.reviewed
        if reviewed is None:
            yield Problem(
                f"journey '{doc.model.id}' has never been reviewed",
                doc.file,
                doc.span("id"),
                "review it with its owner and add `reviewed: YYYY-MM-DD`",
            )
        elif reviewed < due_after:
            age = (options.today - reviewed).days
            yield Problem(
                f"journey '{doc.model.id}' was last reviewed {age} days ago "
                f"(the review interval is {interval} days)",
                doc.file,
                doc.span("reviewed"),
                "review the journey and update `reviewed`",
            )


def replaced_twice(index: Index, options: RunOptions) -> Iterator[Problem]:
    """Two or more future journeys replace the same current journey, so it is unclear which
    redesign is the plan. (A future journey that nothing points back to is fine.)

    Bad:
        # open-account-v2.yaml and open-account-v3.yaml both say
        replaces: open-account
    Good:
        replaces: open-account   # in one future journey; archive or merge the other
    """
    replacing: dict[str, list[str]] = {}
    for doc in index.of(Journey):
        if doc.replaces and doc.state == "future" and doc.knows("state"):
            replacing.setdefault(doc.replaces, []).append(doc.id)
    for target, futures in replacing.items():
        current = index.journeys.get(target)
        if current is not None and len(futures) > 1:
            yield Problem(
                f"journey '{target}' is replaced by {len(futures)} future journeys: "
                + ", ".join(sorted(futures)),
                current.file,
                index.span(current, "id"),
                "keep one redesign per current journey; merge or archive the others",
            )
