"""What the cross-file rules need to know about each document, as small plain values.

A document's facts depend on nothing but its own file, so they can be cached by the file's
content and combined with other files' facts without typing those files again: one changed
file in a large workspace costs that file's work plus the cross-file checks over facts.
Only the rules read facts; `diff` and `render` work on the typed documents.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Literal, NamedTuple

from journeyops.core.diagnostics import Span
from journeyops.core.sourcemap import Path, SourceMap
from journeyops.model.base import Document
from journeyops.model.config import Config
from journeyops.model.insight import Insight
from journeyops.model.journey import Journey
from journeyops.model.opportunity import Opportunity
from journeyops.model.persona import Persona

Target = Literal["persona", "journey", "insight", "step", "pain"]
Edge = tuple[Target, str, Path]  # what is referred to, the reference as written, where


class Facts(NamedTuple):
    """One document as the cross-file rules see it. Journey and opportunity fields stay
    empty for the other kinds. (Named tuples: every file's facts are unpickled on each
    cached run, and a tuple loads several times faster than a dataclass.)"""

    kind: str
    id: str
    file: str
    # The document's index in its file (`Located.index`), to find its source map again;
    # not called `index` only because a tuple has an `index` method.
    doc_index: int
    edges: tuple[Edge, ...] = ()
    state: str = "current"
    level: str | None = None
    parent: str | None = None
    replaces: str | None = None
    personas: tuple[str, ...] = ()
    # The first step with each id -> the ids of its pains.
    steps: Mapping[str, tuple[str, ...]] = {}
    high_pains: tuple[tuple[str, Path], ...] = ()  # (`step/pain`, path of the pain)
    addresses: frozenset[str] = frozenset()  # steps and pains a live opportunity works on
    # For a document that failed its schema (`whole` false), the facts that could not be
    # read from it, so that a field that failed is never taken for a field left out:
    # `id` (then the document is no target, only a source of references), `state`,
    # `level`, `parent`, `replaces`, `steps` (its steps and their pains), `addresses`, and
    # the targets (`persona`, `insight`, `step`, `pain`) of which some references failed.
    gaps: frozenset[str] = frozenset()
    whole: bool = True

    def knows(self, fact: str) -> bool:
        return fact not in self.gaps


class Reference(NamedTuple):
    """`value` (an id, `journey/step` or `journey/step/pain`) written at `path` in `document`."""

    target: Target
    value: str
    document: Facts
    path: Path


def kind_name(kind: type[Document]) -> str:
    """The `kind:` a document of this class is written with (`Journey` -> `journey`)."""
    return kind.__name__.lower()


def facts_of(model: Document, file: str, index: int) -> Facts:
    kind = kind_name(type(model))
    if isinstance(model, Journey):
        return _journey(model, file, index)
    edges: list[Edge] = []
    addresses: frozenset[str] = frozenset()
    if isinstance(model, Insight):
        edges += _each("step", model.steps, ("steps",))
        edges += _each("persona", model.personas, ("personas",))
    elif isinstance(model, Opportunity):
        edges += _each("step", model.steps, ("steps",))
        edges += _each("pain", model.pains, ("pains",))
        edges += _each("persona", model.personas, ("personas",))
        edges += _each("insight", model.evidence, ("evidence",))
        if model.status != "dismissed":
            addresses = frozenset(model.steps) | frozenset(model.pains)
    return Facts(kind, model.id, file, index, tuple(edges), addresses=addresses)


def _journey(model: Journey, file: str, index: int) -> Facts:
    edges = _each("persona", model.personas, ("personas",))
    if model.replaces:
        edges.append(("journey", model.replaces, ("replaces",)))
    if model.parent:
        edges.append(("step", model.parent, ("parent",)))
    steps: dict[str, tuple[str, ...]] = {}
    high: list[tuple[str, Path]] = []
    for i, j, step in model.steps():
        if step.insights:
            edges += _each("insight", step.insights, ("stages", i, "steps", j, "insights"))
        steps.setdefault(step.id, tuple(pain.id for pain in step.pains))
        for k, pain in enumerate(step.pains):
            if pain.severity == "high":
                high.append((f"{step.id}/{pain.id}", ("stages", i, "steps", j, "pains", k)))
    return Facts(
        "journey",
        model.id,
        file,
        index,
        tuple(edges),
        state=model.state,
        level=model.level,
        parent=model.parent,
        replaces=model.replaces,
        personas=tuple(model.personas),
        steps=steps,
        high_pains=tuple(high),
    )


def _each(target: Target, values: list[str], path: Path) -> list[Edge]:
    return [(target, value, (*path, i)) for i, value in enumerate(values)]


Sources = Callable[[str, int], SourceMap]  # (file, document index) -> its source map


@dataclass
class Index:
    """Every document's facts, with lookups: what cross-file rules read. Positions are
    found through `sources` only when a finding needs one."""

    config: Config
    documents: list[Facts]
    # kind -> ids of documents that exist but failed schema validation. References to them
    # are not reported as unknown: the schema error is the one thing to fix.
    invalid_ids: dict[str, set[str]]
    sources: Sources
    # Files with documents that could not be read at all (a syntax error, an unknown kind,
    # an unreadable file): what they refer to is unknown. `contents` gives a file's bytes
    # (None when it cannot be read), to tell whether such a file may refer to something.
    unread: frozenset[str] = frozenset()
    contents: Callable[[str], bytes | None] = lambda file: None

    def span(self, doc: Facts, *path: str | int, key: bool = False) -> Span:
        return self.sources(doc.file, doc.doc_index).span(path, key=key)

    def is_invalid(self, kind: str, document_id: str) -> bool:
        return document_id in self.invalid_ids.get(kind, ())

    def of(self, kind: type[Document]) -> list[Facts]:
        """The documents of `kind` (a class, as for `Workspace.of`) that have an id (a
        document whose id failed its schema is known only by the references it makes)."""
        return self._by_kind.get(kind_name(kind), [])

    def all_of(self, kind: type[Document]) -> list[Facts]:
        """The documents of `kind`, also those whose id failed the schema: what rules
        about what documents say (not about what they are called) read."""
        return self._all_by_kind.get(kind_name(kind), [])

    @cached_property
    def _by_kind(self) -> dict[str, list[Facts]]:
        if not self._partial:
            return self._all_by_kind
        by_kind: dict[str, list[Facts]] = {}
        for doc in self.documents:
            if doc.knows("id"):
                by_kind.setdefault(doc.kind, []).append(doc)
        return by_kind

    @cached_property
    def _all_by_kind(self) -> dict[str, list[Facts]]:
        by_kind: dict[str, list[Facts]] = {}
        for doc in self.documents:
            by_kind.setdefault(doc.kind, []).append(doc)
        return by_kind

    def may_refer(self, text: str, fact: str, *kinds: str) -> bool:
        """Whether something that could not be read may refer to `text` (an id, or
        `journey/step`): a file's unread documents, or a document of one of `kinds` whose
        `fact` failed its schema, hold the text. A rule that says "nothing refers to X"
        asks this first; in a workspace where everything was read it costs nothing."""
        if not self.unread and not self._partial:
            return False
        if self.may_define(text):
            return True
        needle = text.encode()
        for doc in self._partial:
            if doc.kind in kinds and not doc.knows(fact):
                data = self.contents(doc.file)
                span = self.span(doc)  # only the document's own lines
                if data is None or needle in _lines(data, span.line, span.end_line):
                    return True
        return False

    def may_define(self, text: str) -> bool:
        """Whether a file's unread documents hold `text`, so may define (or refer to) it:
        a reference to a document in a file that does not parse is not "unknown"."""
        if not self.unread:
            return False
        needle = text.encode()
        return any(data is None or needle in data for data in self._unread_text.values())

    @cached_property
    def _unread_text(self) -> dict[str, bytes | None]:
        """Each file with unread documents, without the lines of those that were read."""
        read: dict[str, list[Facts]] = {file: [] for file in self.unread}
        for doc in self.documents:
            if doc.file in read:
                read[doc.file].append(doc)
        texts: dict[str, bytes | None] = {}
        for file, documents in read.items():
            data = self.contents(file)
            if data is not None and documents:
                lines = data.split(b"\n")
                for doc in documents:
                    span = self.span(doc)
                    lines[span.line - 1 : span.end_line] = [b""] * (span.end_line - span.line + 1)
                data = b"\n".join(lines)
            texts[file] = data
        return texts

    @cached_property
    def _partial(self) -> list[Facts]:
        return [doc for doc in self.documents if not doc.whole]

    @cached_property
    def references(self) -> list[Reference]:
        """Every reference from one document to another, with where it is written."""
        return list(self._references())

    def to(self, *targets: Target) -> list[Reference]:
        """The references to these kinds of target."""
        return [ref for target in targets for ref in self._by_target.get(target, ())]

    @cached_property
    def _by_target(self) -> dict[Target, list[Reference]]:
        by_target: dict[Target, list[Reference]] = {}
        for ref in self.references:
            by_target.setdefault(ref.target, []).append(ref)
        return by_target

    def _references(self) -> Iterator[Reference]:
        for doc in self.documents:
            for target, value, path in doc.edges:
                yield Reference(target, value, doc, path)

    @cached_property
    def journeys(self) -> dict[str, Facts]:
        return _first_by_id(self.of(Journey))

    @cached_property
    def personas(self) -> dict[str, Facts]:
        return _first_by_id(self.of(Persona))

    @cached_property
    def insights(self) -> dict[str, Facts]:
        return _first_by_id(self.of(Insight))


def _lines(data: bytes, first: int, last: int) -> bytes:
    return b"\n".join(data.split(b"\n")[first - 1 : last])


def _first_by_id(documents: list[Facts]) -> dict[str, Facts]:
    index: dict[str, Facts] = {}
    for doc in documents:
        index.setdefault(doc.id, doc)
    return index
