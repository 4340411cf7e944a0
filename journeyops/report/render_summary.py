"""`journeyops render` output: what was written where, for people (text) or tools (json).

The site itself is render's business; this is the summary printed after it is written. It
takes a `RenderSummary`, the few facts the command gathers from the render and the write,
so that reporting needs neither Jinja nor Graphviz."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from journeyops.report.base import ReportContext, Reporters
from journeyops.report.formatting import FORMAT_VERSION
from journeyops.report.safe_text import dumps_json, printable


class RenderFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


@dataclass(frozen=True)
class LeftOut:
    """A document with errors, listed on the overview instead of being published."""

    file: str
    kind: str | None  # None: the errors are in no document that loaded
    id: str | None
    errors: list[str]


@dataclass(frozen=True)
class RenderSummary:
    out: Path
    diagrams: int
    written: list[str]
    unchanged: list[str]
    removed: list[str]
    not_published: list[LeftOut] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def text(summary: RenderSummary, context: ReportContext) -> str:
    out = summary.out
    pages = len(summary.written) + len(summary.unchanged)
    counts = f"{len(summary.written)} written, {len(summary.unchanged)} unchanged"
    if summary.removed:
        counts += f", {len(summary.removed)} removed"
    lines = [f"Rendered {pages} pages with {summary.diagrams} diagrams into {out}/ ({counts})."]
    if summary.not_published:
        n = len(summary.not_published)
        noun = "document" if n == 1 else "documents"
        lines.append(f"{n} {noun} with errors not published (listed on the overview).")
    lines.append(f"Open {out / 'index.html'} in a browser.")
    return "".join(printable(line) + "\n" for line in lines)


def as_json(summary: RenderSummary, context: ReportContext) -> str:
    report = {
        "version": FORMAT_VERSION,
        "out": str(summary.out),
        "diagrams": summary.diagrams,
        "written": summary.written,
        "unchanged": summary.unchanged,
        "removed": summary.removed,
        "not_published": [
            {"file": u.file, "kind": u.kind, "id": u.id, "errors": u.errors}
            for u in summary.not_published
        ],
        "warnings": summary.warnings,
    }
    return dumps_json(report) + "\n"


REPORTERS: Reporters[RenderFormat, RenderSummary] = {
    RenderFormat.TEXT: text,
    RenderFormat.JSON: as_json,
}
