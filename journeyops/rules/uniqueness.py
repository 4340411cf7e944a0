"""Unique ids (JO1xx): per kind across the workspace, and within a journey or step."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from journeyops.core.diagnostics import Problem
from journeyops.core.sourcemap import Path
from journeyops.model import Journey
from journeyops.model.facts import Facts, Index
from journeyops.model.workspace import Located, Workspace
from journeyops.rules.engine import RunOptions


def duplicate_id(index: Index, options: RunOptions) -> Iterator[Problem]:
    """Two documents of the same kind share an id; references to it would be ambiguous.

    Bad:
        # personas/maya.yaml and personas/maya-copy.yaml both say
        kind: persona
        id: maya
    Good:
        id: maya            # in one file
        id: maya-business   # in the other
    """
    first: dict[tuple[str, str], Facts] = {}
    for doc in index.documents:
        if not doc.knows("id"):  # its id failed the schema: that is the one finding
            continue
        key = (doc.kind, doc.id)
        if key not in first:
            first[key] = doc
            continue
        other = first[key]
        where = f"{other.file}:{index.span(other, 'id').line}"
        yield Problem(
            f"duplicate {doc.kind} id '{doc.id}': already defined at {where}",
            doc.file,
            index.span(doc, "id"),
            f"rename one of them; {doc.kind} ids must be unique across the workspace",
        )


def _unique(items: Iterable[Any]) -> bool:
    """The cheap check first: most steps and stages have no duplicate at all."""
    ids = [item.id for item in items]
    return len(set(ids)) == len(ids)


def _local_duplicates(
    doc: Located[Journey], what: str, scope: str, items: Iterable[tuple[str, Path]]
) -> Iterator[Problem]:
    seen: dict[str, Path] = {}
    for item_id, path in items:
        if item_id not in seen:
            seen[item_id] = path
            continue
        line = doc.span(*seen[item_id], "id").line
        yield Problem(
            f"duplicate {what} id '{item_id}' in {scope} (first used on line {line})",
            doc.file,
            doc.span(*path, "id"),
            f"{what} ids must be unique within {scope}; rename this one",
        )


def duplicate_step_id(workspace: Workspace, options: RunOptions) -> Iterator[Problem]:
    """Two steps of one journey share an id, so `journey/step` references are ambiguous.

    Bad:
        stages:
          - {id: apply, name: Apply, steps: [{id: start, name: Start}]}
          - {id: use, name: Use, steps: [{id: start, name: Start using}]}
    Good:
        steps: [{id: start-application, ...}] ... [{id: start-using, ...}]
    """
    for doc in workspace.of(Journey):
        if _unique(step for _, _, step in doc.model.steps()):
            continue
        items = ((step.id, ("stages", i, "steps", j)) for i, j, step in doc.model.steps())
        yield from _local_duplicates(doc, "step", f"journey '{doc.model.id}'", items)


def duplicate_stage_id(workspace: Workspace, options: RunOptions) -> Iterator[Problem]:
    """Two stages of one journey share an id.

    Bad:
        stages: [{id: apply, name: Apply}, {id: apply, name: Verify}]
    Good:
        stages: [{id: apply, name: Apply}, {id: verify, name: Verify}]
    """
    for doc in workspace.of(Journey):
        if _unique(doc.model.stages):
            continue
        items = ((stage.id, ("stages", i)) for i, stage in enumerate(doc.model.stages))
        yield from _local_duplicates(doc, "stage", f"journey '{doc.model.id}'", items)


def duplicate_pain_id(workspace: Workspace, options: RunOptions) -> Iterator[Problem]:
    """Two pains (or two gains) of one step share an id, so pain references are ambiguous.

    Bad:
        pains: [{id: slow, text: Upload is slow}, {id: slow, text: Review is slow}]
    Good:
        pains: [{id: slow-upload, text: ...}, {id: slow-review, text: ...}]
    """
    for doc in workspace.of(Journey):
        for i, j, step in doc.model.steps():
            if len(step.pains) < 2 and len(step.gains) < 2:  # most steps: nothing to compare
                continue
            if _unique(step.pains) and _unique(step.gains):
                continue
            base = ("stages", i, "steps", j)
            scope = f"step '{step.id}'"
            pains = ((p.id, (*base, "pains", k)) for k, p in enumerate(step.pains))
            yield from _local_duplicates(doc, "pain", scope, pains)
            gains = ((g.id, (*base, "gains", k)) for k, g in enumerate(step.gains))
            yield from _local_duplicates(doc, "gain", scope, gains)
