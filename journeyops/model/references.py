"""Which fields of which kinds point at other documents: the edges of the workspace graph.

Rules check that every edge lands; diffing and rendering will follow the same edges.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from journeyops.model.insight import Insight
from journeyops.model.journey import Journey
from journeyops.model.opportunity import Opportunity
from journeyops.sourcemap import Path

if TYPE_CHECKING:
    from journeyops.model.base import Document
    from journeyops.model.workspace import Located

Target = Literal["persona", "journey", "insight", "step", "pain"]


@dataclass(frozen=True, slots=True)
class Reference:
    """`value` (an id, `journey/step` or `journey/step/pain`) written at `path` in `document`."""

    target: Target
    value: str
    document: Located[Document]
    path: Path


def references_in(documents: Iterable[Located[Document]]) -> Iterator[Reference]:
    for doc in documents:
        model = doc.model
        if isinstance(model, Journey):
            yield from _each("persona", model.personas, doc, ("personas",))
            if model.replaces:
                yield Reference("journey", model.replaces, doc, ("replaces",))
            if model.parent:
                yield Reference("step", model.parent, doc, ("parent",))
            for i, j, step in model.steps():
                path = ("stages", i, "steps", j, "insights")
                yield from _each("insight", step.insights, doc, path)
        elif isinstance(model, Insight):
            yield from _each("step", model.steps, doc, ("steps",))
            yield from _each("persona", model.personas, doc, ("personas",))
        elif isinstance(model, Opportunity):
            yield from _each("step", model.steps, doc, ("steps",))
            yield from _each("pain", model.pains, doc, ("pains",))
            yield from _each("persona", model.personas, doc, ("personas",))
            yield from _each("insight", model.evidence, doc, ("evidence",))


def _each(
    target: Target, values: list[str], doc: Located[Document], path: Path
) -> Iterator[Reference]:
    for index, value in enumerate(values):
        yield Reference(target, value, doc, (*path, index))
