"""A loaded workspace: every valid document with its file and source map, plus lookups.

Rules, scoring and diffing read this; nothing here touches the file system.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Generic, TypeVar

from journeyops.core.diagnostics import Span
from journeyops.core.sourcemap import Path, SourceMap
from journeyops.model.base import Document
from journeyops.model.config import Config
from journeyops.model.insight import Insight
from journeyops.model.journey import Journey, Step
from journeyops.model.persona import Persona

T = TypeVar("T", bound=Document)


@dataclass(frozen=True, slots=True)
class Located(Generic[T]):
    """A document and where it came from."""

    file: str
    model: T
    source: SourceMap
    index: int = 0  # the document's number in its file

    def span(self, *path: str | int, key: bool = False) -> Span:
        return self.source.span(path, key=key)


@dataclass(frozen=True, slots=True)
class StepEntry:
    journey: Located[Journey]
    stage_index: int
    step_index: int
    step: Step

    @property
    def path(self) -> Path:
        return ("stages", self.stage_index, "steps", self.step_index)


@dataclass
class Workspace:
    config: Config
    files: list[str] = field(default_factory=list)
    documents: list[Located[Document]] = field(default_factory=list)

    def of(self, kind: type[T]) -> list[Located[T]]:
        return self._by_kind.get(kind, [])  # type: ignore[return-value]

    @cached_property
    def _by_kind(self) -> dict[type[Document], list[Located[Document]]]:
        by_kind: dict[type[Document], list[Located[Document]]] = {}
        for document in self.documents:
            by_kind.setdefault(type(document.model), []).append(document)
        return by_kind

    @cached_property
    def personas(self) -> dict[str, Located[Persona]]:
        return _first_by_id(self.of(Persona))

    @cached_property
    def journeys(self) -> dict[str, Located[Journey]]:
        return _first_by_id(self.of(Journey))

    @cached_property
    def insights(self) -> dict[str, Located[Insight]]:
        return _first_by_id(self.of(Insight))

    @cached_property
    def steps(self) -> dict[str, dict[str, StepEntry]]:
        """journey id -> step id -> the first step with that id."""
        index: dict[str, dict[str, StepEntry]] = {}
        for journey_id, journey in self.journeys.items():
            steps = index.setdefault(journey_id, {})
            for i, j, step in journey.model.steps():
                steps.setdefault(step.id, StepEntry(journey, i, j, step))
        return index


def _first_by_id(documents: list[Located[T]]) -> dict[str, Located[T]]:
    index: dict[str, Located[T]] = {}
    for document in documents:
        index.setdefault(document.model.id, document)
    return index
