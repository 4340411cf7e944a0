"""The facts of a document that failed its schema, from the fields that are well-formed.

One mistake in a document must not hide the others: a journey with an unknown field on one
step still names its personas, its level and the steps others point at. Each fact is taken
from the raw mapping only when its own field passes that field's validator (the model's own
annotation, so "well-formed" means exactly what the schema says); a list keeps the items that
pass, at their own index. What could not be read is named in `Facts.gaps`, so that no rule
mistakes a field that failed for a field that is absent (a `personas:` that is not a list is
not "no personas", a `state:` typo is not `current`).

This runs only for a document whose schema validation failed, which is rare: valid
documents never pay for it.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Annotated, Any, get_args

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from journeyops.core.sourcemap import Path
from journeyops.model.base import Document
from journeyops.model.facts import Edge, Facts, Target
from journeyops.model.insight import Insight
from journeyops.model.journey import Journey, Pain, Step
from journeyops.model.opportunity import Opportunity

_STRICT = ConfigDict(strict=True)
_MISSING = object()


@cache
def _adapter(model: type[BaseModel], name: str, *, item: bool) -> TypeAdapter[Any]:
    """The validator of one field of `model`, or of one item of a list field."""
    info = model.model_fields[name]
    annotation: Any = info.annotation
    if item:
        annotation = get_args(annotation)[0]
    elif info.metadata:
        annotation = Annotated[(annotation, *info.metadata)]  # e.g. `min_length` on a list
    return TypeAdapter(annotation, config=_STRICT)


class _Reader:
    """Reads fields out of one raw mapping, remembering which facts could not be read."""

    def __init__(self) -> None:
        self.gaps: set[str] = set()

    def value(self, model: type[BaseModel], raw: Any, name: str, gap: str) -> Any:
        """The field's value; its default when absent; `_MISSING` (and a gap) when wrong."""
        if not isinstance(raw, dict):
            self.gaps.add(gap)
            return _MISSING
        if name not in raw:
            info = model.model_fields[name]
            if info.is_required():
                self.gaps.add(gap)
                return _MISSING
            return info.get_default(call_default_factory=True)
        try:
            return _adapter(model, name, item=False).validate_python(raw[name])
        except ValidationError:
            self.gaps.add(gap)
            return _MISSING

    def items(
        self, model: type[BaseModel], raw: Any, name: str, gap: str
    ) -> Iterator[tuple[int, Any]]:
        """(index, value) of the well-formed items of a list field; the others are gaps."""
        if isinstance(raw, dict) and name not in raw:
            if model.model_fields[name].is_required():
                self.gaps.add(gap)
            return
        values = raw.get(name) if isinstance(raw, dict) else None
        if not isinstance(values, list):
            self.gaps.add(gap)
            return
        adapter = _adapter(model, name, item=True)
        for index, value in enumerate(values):
            try:
                yield index, adapter.validate_python(value)
            except ValidationError:
                self.gaps.add(gap)

    def edges(
        self, model: type[BaseModel], raw: Any, name: str, target: Target, path: Path
    ) -> list[Edge]:
        return [(target, v, (*path, i)) for i, v in self.items(model, raw, name, target)]


def partial_facts(kind: str, raw: dict[str, Any], file: str, index: int) -> Facts:
    """What can be known of a document of `kind` (a known kind) whose schema failed."""
    read = _Reader()
    document_id = read.value(Document, raw, "id", "id")
    if document_id is _MISSING:
        document_id = ""  # not a document others can name; its own references still count
    if kind == "journey":
        return _journey(read, raw, file, index, document_id)
    edges: list[Edge] = []
    addresses: frozenset[str] = frozenset()
    if kind == "insight":
        edges += read.edges(Insight, raw, "steps", "step", ("steps",))
        edges += read.edges(Insight, raw, "personas", "persona", ("personas",))
    elif kind == "opportunity":
        steps = read.edges(Opportunity, raw, "steps", "step", ("steps",))
        pains = read.edges(Opportunity, raw, "pains", "pain", ("pains",))
        edges += steps + pains
        edges += read.edges(Opportunity, raw, "personas", "persona", ("personas",))
        edges += read.edges(Opportunity, raw, "evidence", "insight", ("evidence",))
        status = read.value(Opportunity, raw, "status", "addresses")
        if {"step", "pain"} & read.gaps:
            read.gaps.add("addresses")
        if status not in (_MISSING, "dismissed"):
            addresses = frozenset(value for _, value, _ in steps + pains)
    return Facts(
        kind,
        document_id,
        file,
        index,
        tuple(edges),
        addresses=addresses,
        gaps=frozenset(read.gaps),
        whole=False,
    )


def _journey(read: _Reader, raw: dict[str, Any], file: str, index: int, doc_id: str) -> Facts:
    edges = read.edges(Journey, raw, "personas", "persona", ("personas",))
    scalars = {
        name: read.value(Journey, raw, name, name)
        for name in ("state", "level", "parent", "replaces")
    }
    if scalars["replaces"] not in (None, _MISSING):
        edges.append(("journey", scalars["replaces"], ("replaces",)))
    if scalars["parent"] not in (None, _MISSING):
        edges.append(("step", scalars["parent"], ("parent",)))
    steps: dict[str, tuple[str, ...]] = {}
    high: list[tuple[str, Path]] = []
    for i, stage in _mappings(read, raw, "stages", ("steps", "insight")):
        for j, step in _mappings(read, stage, "steps", ("steps", "insight")):
            path: Path = ("stages", i, "steps", j)
            edges += read.edges(Step, step, "insights", "insight", (*path, "insights"))
            step_id = read.value(Step, step, "id", "steps")
            pains: list[str] = []
            for k, pain in _mappings(read, step, "pains", ("steps",)):
                pain_id = read.value(Pain, pain, "id", "steps")
                if pain_id is _MISSING:
                    continue
                pains.append(pain_id)
                severity = read.value(Pain, pain, "severity", "severity")
                if severity == "high" and step_id is not _MISSING:
                    high.append((f"{step_id}/{pain_id}", (*path, "pains", k)))
            if step_id is not _MISSING:
                steps.setdefault(step_id, tuple(pains))
    known = {name: value for name, value in scalars.items() if value is not _MISSING}
    return Facts(
        "journey",
        doc_id,
        file,
        index,
        tuple(edges),
        state=known.get("state", "current"),
        level=known.get("level"),
        parent=known.get("parent"),
        replaces=known.get("replaces"),
        personas=tuple(value for target, value, _ in edges if target == "persona"),
        steps=steps,
        high_pains=tuple(high),
        gaps=frozenset(read.gaps),
        whole=False,
    )


def _mappings(
    read: _Reader, raw: Any, name: str, gaps: tuple[str, ...]
) -> Iterator[tuple[int, dict[str, Any]]]:
    """The items of a list of mappings (stages, steps, pains), each to be read field by
    field; a list that is not one, or an item that is not a mapping, leaves `gaps`."""
    if not isinstance(raw, dict) or name not in raw:
        return
    values = raw[name]
    if not isinstance(values, list):
        read.gaps.update(gaps)
        return
    for index, value in enumerate(values):
        if isinstance(value, dict):
            yield index, value
        else:
            read.gaps.update(gaps)
