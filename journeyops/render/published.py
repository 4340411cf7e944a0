"""Which documents the site publishes: those `validate` finds no error in.

A value with an error (emotion 7 on a -2..2 scale, a reference to nothing) is not a fact, so
the site never shows it as one: the document that holds it is left out and listed on the
overview as not published, with the findings that keep it out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from journeyops.core.diagnostics import Diagnostic, Span
from journeyops.model.base import Document
from journeyops.model.workspace import Located, Workspace
from journeyops.rules.validation import ValidationResult


@dataclass(frozen=True)
class Unpublished:
    """A document left out of the site (or a file none of whose documents loaded there)."""

    file: str
    kind: str | None  # None: the findings are in no document that loaded
    id: str | None
    reasons: tuple[Diagnostic, ...]

    @property
    def what(self) -> str:
        if self.kind is None:
            return f"documents in {self.file} that did not load"
        return f"{self.kind} '{self.id}' in {self.file}"

    def lines(self) -> list[str]:
        """Each reason as `file:line:column: RULE message`, the way validate locates it."""
        return [
            f"{d.file}:{d.span.line}:{d.span.column}: {d.rule} {d.message}" for d in self.reasons
        ]


def published(
    workspace: Workspace, result: ValidationResult
) -> tuple[Workspace, list[Unpublished]]:
    """The workspace without the documents that have errors, and what was left out."""
    errors: dict[str, list[Diagnostic]] = defaultdict(list)
    for diagnostic in result.diagnostics:
        if diagnostic.is_error:
            errors[diagnostic.file].append(diagnostic)
    if not errors:
        return workspace, []
    left_out: list[Unpublished] = []
    kept: list[Located[Document]] = []
    claimed: set[Diagnostic] = set()
    for doc in workspace.documents:
        if doc.file not in errors:
            kept.append(doc)
            continue
        where = _extent(doc.span())
        mine = tuple(d for d in errors[doc.file] if where[0] <= d.span.line <= where[1])
        if not mine:
            kept.append(doc)
            continue
        claimed.update(mine)
        kind = type(doc.model).__name__.lower()
        left_out.append(Unpublished(doc.file, kind, doc.model.id, mine))
    for file, found in sorted(errors.items()):
        rest = tuple(d for d in found if d not in claimed)
        if rest:
            left_out.append(Unpublished(file, None, None, rest))
    left_out.sort(key=lambda u: (u.file, u.reasons[0].span))
    return Workspace(workspace.config, workspace.files, kept), left_out


def _extent(span: Span) -> tuple[int, int]:
    """The lines a document spans (its mapping ends at the start of the line after it)."""
    last = (
        span.end_line - 1 if span.end_column == 1 and span.end_line > span.line else span.end_line
    )
    return span.line, last
