"""How journeys relate: JO108 `replaces`, JO2xx levels and parents."""

from __future__ import annotations

from collections.abc import Iterator

from journeyops.core.diagnostics import Problem
from journeyops.core.suggest import did_you_mean
from journeyops.model.facts import Facts, Index
from journeyops.model.journey import Journey
from journeyops.rules.engine import RunOptions


def invalid_replaces(index: Index, options: RunOptions) -> Iterator[Problem]:
    """`replaces` must be set on a future journey and name a current journey.

    Bad:
        id: open-account-v2
        state: current          # a current journey cannot replace another
        replaces: open-account
    Good:
        id: open-account-v2
        state: future
        replaces: open-account  # open-account has `state: current`
    """
    for doc in index.of(Journey):
        if doc.replaces is None or not doc.knows("state"):
            continue
        if doc.state != "future":
            yield Problem(
                f"journey '{doc.id}' is {doc.state} but `replaces` another journey",
                doc.file,
                index.span(doc, "replaces", key=True),
                "set `state: future`, or remove `replaces`",
            )
            continue
        target = index.journeys.get(doc.replaces)
        if target is not None and target.knows("state") and target.state != "current":
            yield Problem(
                f"'{doc.replaces}' is a {target.state} journey; "
                "`replaces` must name a current journey",
                doc.file,
                index.span(doc, "replaces"),
                "point `replaces` at the current journey this one redesigns",
            )


def _parent_journey(index: Index, doc: Facts) -> Facts | None:
    return index.journeys.get(doc.parent.split("/")[0]) if doc.parent else None


def parent_cycle(index: Index, options: RunOptions) -> Iterator[Problem]:
    """Following `parent` from journey to journey comes back to where it started.

    Bad:
        # open-account.yaml          # verify-identity.yaml
        parent: verify-identity/scan  parent: open-account/apply
    Good:
        # only the lower-level journey names a parent
        parent: open-account/apply
    """
    for doc in index.journeys.values():
        chain = [doc.id]
        current = _parent_journey(index, doc)
        while current is not None and current.id not in chain:
            chain.append(current.id)
            current = _parent_journey(index, current)
        if current is not None and current.id == doc.id:
            cycle = " -> ".join([*chain, doc.id])
            yield Problem(
                f"parent cycle: {cycle}",
                doc.file,
                index.span(doc, "parent"),
                "a journey cannot zoom into a step of itself or of its own children; "
                "remove `parent` from the top-most journey",
            )


def unknown_level(index: Index, options: RunOptions) -> Iterator[Problem]:
    """A journey's `level` is not one of `taxonomy.levels` in journeyops.yaml.

    Bad:
        level: epic            # taxonomy.levels is [lifecycle, journey, task]
    Good:
        level: journey
    """
    # Over facts, not typed journeys: a level that is well-formed is checked even when
    # something else in its journey fails the schema (and whatever its id).
    levels = index.config.taxonomy.levels
    for doc in index.all_of(Journey):
        level = doc.level
        if level is not None and level not in levels:
            hint = did_you_mean(level, levels) or "levels are: " + ", ".join(levels)
            yield Problem(f"unknown level '{level}'", doc.file, index.span(doc, "level"), hint)


def level_mismatch(index: Index, options: RunOptions) -> Iterator[Problem]:
    """A child journey must sit exactly one level below the journey holding its parent step.

    Bad:
        level: task
        parent: customer-lifecycle/join   # customer-lifecycle is a lifecycle journey
    Good:
        level: journey
        parent: customer-lifecycle/join
    """
    levels = index.config.taxonomy.levels
    for doc in index.of(Journey):
        parent = _parent_journey(index, doc)
        child_level, parent_level = doc.level, parent.level if parent else None
        if parent is None or child_level not in levels or parent_level not in levels:
            continue
        expected = levels.index(parent_level) + 1
        if levels.index(child_level) != expected:
            wanted = f"'{levels[expected]}'" if expected < len(levels) else "no level below it"
            yield Problem(
                f"journey '{doc.id}' is at level '{child_level}', but its parent "
                f"'{parent.id}' is at level '{parent_level}' (expected {wanted})",
                doc.file,
                index.span(doc, "level"),
                "a child journey sits exactly one level below its parent",
            )


def _children(index: Index) -> dict[str, list[str]]:
    """journey id -> ids of the journeys whose `parent` is one of its steps."""
    children: dict[str, list[str]] = {}
    for doc in index.of(Journey):
        if doc.parent:
            children.setdefault(doc.parent.split("/")[0], []).append(doc.id)
    return children


def _unattached(index: Index) -> Iterator[tuple[Facts, list[str]]]:
    """Journeys with no parent below the top level, with their child journeys."""
    levels = index.config.taxonomy.levels
    children = _children(index)
    for doc in index.of(Journey):
        if doc.parent is None and doc.knows("parent") and doc.level in levels[1:]:
            yield doc, children.get(doc.id, [])


def missing_parent(index: Index, options: RunOptions) -> Iterator[Problem]:
    """A journey below the top level has no `parent`, so it hangs outside the hierarchy.

    Bad:
        level: journey            # levels: [lifecycle, journey, task]
    Good:
        level: journey
        parent: customer-lifecycle/open-account
    """
    top = index.config.taxonomy.levels[0]
    for doc, children in _unattached(index):
        if not children:
            yield Problem(
                f"journey '{doc.id}' is at level '{doc.level}' but has no parent",
                doc.file,
                index.span(doc, "level"),
                f"add `parent: <journey>/<step>` pointing into a journey one level up "
                f"(the top level is '{top}')",
            )


def root_not_top_level(index: Index, options: RunOptions) -> Iterator[Problem]:
    """A journey that other journeys zoom into, but that has no parent itself, is the root of
    its hierarchy; a root belongs at the top level.

    Bad:
        id: open-account
        level: journey           # child journeys point into it; it has no parent
    Good:
        id: open-account
        level: journey
        parent: customer-lifecycle/open-account
    """
    top = index.config.taxonomy.levels[0]
    for doc, children in _unattached(index):
        if children:
            yield Problem(
                f"journey '{doc.id}' is the root of {len(children)} child "
                f"journey{'s' if len(children) > 1 else ''} but sits at level "
                f"'{doc.level}', not at the top level '{top}'",
                doc.file,
                index.span(doc, "level"),
                "give it a `parent`, or move it to the top level",
            )


def future_parent(index: Index, options: RunOptions) -> Iterator[Problem]:
    """A current journey zooms into a step of a future journey, which does not exist yet.

    Bad:
        state: current
        parent: open-account-future/instant-id-check
    Good:
        state: current
        parent: open-account/verify-identity
    """
    for doc in index.of(Journey):
        parent = _parent_journey(index, doc)
        if parent is None or not (doc.knows("state") and parent.knows("state")):
            continue
        if doc.state == "current" and parent.state == "future":
            yield Problem(
                f"current journey '{doc.id}' zooms into '{doc.parent}', a step of a future journey",
                doc.file,
                index.span(doc, "parent"),
                "point `parent` at a step of a current journey, or make this journey future too",
            )
