"""`journeyops diff` output: text (people), markdown (pull-request comments), json (tools).

Ids, names, file names, values and revision names are user text. Text shows them through
`printable`. Markdown goes further, because GitHub renders a comment: user text there could
embed an image (`<img src=...>`, a tracking pixel), a link, a table cell break (`|`), or ping
people (`@org/team`) and cross-reference issues (`#12`). So every user string in markdown is
a code span (`code_span`), inside which GitHub renders no HTML, links, mentions or emphasis; the
span's fence is longer than any run of backticks in the text, and in a table `|` is escaped.
JSON is the exact text, written by `dumps_json`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from journeyops.report.base import ReportContext, Reporters
from journeyops.report.formatting import FORMAT_VERSION, code_span, readable
from journeyops.report.github import without_legacy_commands
from journeyops.report.safe_text import dumps_json, printable

if TYPE_CHECKING:  # `diff` itself is imported only when a diff runs, not by every command
    from journeyops.diff import DocumentChange, FieldChange, RankChange, WorkspaceDiff


class DiffFormat(StrEnum):
    TEXT = "text"
    MARKDOWN = "markdown"
    JSON = "json"


MARKS = {
    "added": "+",
    "removed": "-",
    "changed": "~",
    "moved": ">",
    "unloadable": "!",
    "reordered": "~",
}
KINDS = ("config", "journey", "persona", "insight", "opportunity")
PLURAL = {
    "config": "settings",
    "journey": "journeys",
    "persona": "personas",
    "insight": "insights",
    "opportunity": "opportunities",
}
LONGEST = 80  # characters of a value shown before it is cut


def show(value: Any) -> str:
    """A value as a reviewer reads it: text quoted, numbers plain, items by their name; one
    line, through `printable` (cut first, so that no escape is cut in half)."""
    return printable(_shown(value))


def _shown(value: Any) -> str:
    from journeyops.diff.fields import summary  # noqa: PLC0415 - only when a diff is shown

    if isinstance(value, list):
        text = ", ".join(_shown(summary(v)) for v in value)
        shown = f"[{text}]"
    elif isinstance(value, dict):
        shown = _shown(summary(value)) if "id" in value else json.dumps(value, ensure_ascii=False)
    elif isinstance(value, str):
        shown = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, bool) or value is None:
        shown = json.dumps(value)
    elif isinstance(value, float) and value.is_integer():
        shown = str(int(value))
    else:
        shown = str(value)
    return shown if len(shown) <= LONGEST else shown[: LONGEST - 1] + "…"


def describe(change: FieldChange) -> str:
    path = printable(change.path)  # built from ids: user text
    if change.change == "added":
        return f"{path}: {show(change.after)}"
    if change.change == "removed":
        return f"{path}: {show(change.before)}"
    if change.change == "reordered":
        return f"{path}: reordered to {show(change.after)}"
    return f"{path}: {show(change.before)} -> {show(change.after)}"


def headline(change: DocumentChange) -> str:
    """`id "name" (where)`, as text."""
    name = f' "{printable(change.name)}"' if change.name else ""
    return f"{printable(change.id)}{name} ({_where(change, printable)})"


def _where(change: DocumentChange, quote: Callable[[str], str]) -> str:
    file = quote(change.file)
    if change.change == "moved":
        return f"moved from {quote(change.before_file or '')} to {file}"
    if change.change == "unloadable":
        return f"{file}: could not be loaded in one version (see its errors)"
    return file


def rank_line(change: RankChange) -> tuple[str, str, str, str]:
    """Rank, movement, score and opportunity columns (the last as text, through printable)."""
    now = f"#{change.after_rank}" if change.after_rank is not None else "-"
    if change.movement in ("up", "down") and change.before_rank and change.after_rank:
        moved = f"{change.movement} {abs(change.before_rank - change.after_rank)}"
        moved += f" (was #{change.before_rank})"
    elif change.movement == "dropped":
        moved = f"dropped (was #{change.before_rank})"
    else:
        moved = change.movement
    score = "-" if change.after_score is None else readable(change.after_score)
    if change.before_score is not None and change.after_score != change.before_score:
        score += f" (was {readable(change.before_score)})"
    return now, moved, score, printable(f"{change.id}: {change.title}")


def overview(result: WorkspaceDiff, quote: Callable[[str], str] = printable) -> str:
    """One line of counts: `2 journeys changed, 1 added; ranking (rice): 3 moved, 1 new`."""
    parts = []
    for kind in KINDS:
        counts = Counter(c.change for c in result.documents if c.kind == kind)
        if counts:
            listed = ", ".join(f"{n} {change}" for change, n in sorted(counts.items()))
            parts.append(f"{PLURAL[kind]}: {listed}")
    moves = Counter(c.movement for c in result.ranking)
    if moves:
        listed = ", ".join(f"{n} {movement}" for movement, n in sorted(moves.items()))
        parts.append(f"ranking ({quote(result.model)}): {listed}")
    return "; ".join(parts) if parts else "no changes to documents or the ranking"


def text(result: WorkspaceDiff, context: ReportContext) -> str:
    lines = [
        f"Changes from {printable(result.base)} to {printable(result.head)} "
        f"({result.files_changed} files differ): {overview(result)}."
    ]
    for kind in KINDS:
        changes = [c for c in result.documents if c.kind == kind]
        if not changes:
            continue
        lines += ["", PLURAL[kind].capitalize()]
        for change in changes:
            lines.append(f"  {MARKS[change.change]} {headline(change)}")
            lines += [f"      {MARKS[f.change]} {describe(f)}" for f in change.fields]
    if result.ranking:
        lines += ["", f"Ranking ({printable(result.model)})"]
        rows = [rank_line(c) for c in result.ranking]
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        for row in rows:
            cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
            lines.append("  " + "  ".join([*cells, row[3]]))
    return without_legacy_commands("\n".join(lines) + "\n")


def markdown(result: WorkspaceDiff, context: ReportContext) -> str:
    lines = [
        f"### journeyops: {code_span(result.base)} → {code_span(result.head)}",
        "",
        f"**{overview(result, code_span)}**",
    ]
    for kind in KINDS:
        changes = [c for c in result.documents if c.kind == kind]
        if not changes:
            continue
        lines += ["", f"#### {PLURAL[kind].capitalize()}", ""]
        for change in changes:
            name = f" {code_span(change.name)}" if change.name else ""
            where = _where(change, code_span)
            lines.append(f"- **{change.change}** {code_span(change.id)}{name} ({where})")
            lines += [f"  - {f.change} {code_span(describe(f))}" for f in change.fields]
    if result.ranking:
        lines += ["", f"#### Ranking ({code_span(result.model)})", ""]
        lines += ["| Rank | Movement | Score | Opportunity |", "|---:|---|---:|---|"]
        for ranked in result.ranking:
            rank, moved, score, _ = rank_line(ranked)
            opportunity = f"{code_span(ranked.id, cell=True)}: {code_span(ranked.title, cell=True)}"
            lines.append(f"| {rank} | {moved} | {score} | {opportunity} |")
    return without_legacy_commands("\n".join(lines) + "\n")


def as_json(result: WorkspaceDiff, context: ReportContext) -> str:
    report = {
        "version": FORMAT_VERSION,
        "base": result.base,
        "head": result.head,
        "model": result.model,
        "files_changed": result.files_changed,
        "summary": overview(result),
        "documents": [asdict(c) for c in result.documents],
        "ranking": [asdict(c) for c in result.ranking],
    }
    return dumps_json(report) + "\n"


REPORTERS: Reporters[DiffFormat, WorkspaceDiff] = {
    DiffFormat.TEXT: text,
    DiffFormat.MARKDOWN: markdown,
    DiffFormat.JSON: as_json,
}
