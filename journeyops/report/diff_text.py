"""`journeyops diff` as text, for people at a terminal: the headline, the findings the change
introduces and fixes, every document change in the map's words, the ranking's moves.

Ids, names, file names, values, messages and revision names are user text: every line goes
through `printable`, so no control character reaches the terminal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journeyops.report.base import ReportContext
from journeyops.report.diff_view import DiffReport
from journeyops.report.diff_words import (
    KINDS,
    PLURAL,
    describe,
    details,
    document_title,
    finding,
    headline,
    others,
    place,
    rank_cells,
    shifts,
)
from journeyops.report.github import without_legacy_commands
from journeyops.report.safe_text import printable

if TYPE_CHECKING:
    from journeyops.diff import DocumentChange

MARKS = {
    "added": "+",
    "removed": "-",
    "changed": "~",
    "moved": ">",
    "renamed": ">",
    "unloadable": "!",
    "reordered": "~",
}


def text(report: DiffReport, context: ReportContext) -> str:
    result = report.diff
    lines = [
        f"Changes from {printable(result.base)} to {printable(result.head)} "
        f"({result.files_changed} file{' differs' if result.files_changed == 1 else 's differ'}):"
        f" {printable(headline(result))}."
    ]
    lines += _findings(report)
    for kind in KINDS:
        changes = [c for c in result.documents if c.kind == kind]
        if changes:
            lines += ["", PLURAL[kind].capitalize()]
            for change in changes:
                lines += _document(change)
    lines += _ranking(report)
    return without_legacy_commands("\n".join(lines) + "\n")


def _findings(report: DiffReport) -> list[str]:
    delta = report.diff.validation
    lines = []
    if delta.introduced:
        lines += ["", f"New findings (in {printable(report.diff.head)})"]
        lines += [f"  + {printable(finding(d))}" for d in delta.introduced]
    if delta.fixed:
        lines += ["", f"Fixed findings (where they were in {printable(report.diff.base)})"]
        lines += [f"  - {printable(finding(d))}" for d in delta.fixed]
    return lines


def _document(change: DocumentChange) -> list[str]:
    lines = [
        f"  {MARKS[change.change]} {printable(document_title(change))} ({printable(place(change))})"
    ]
    lines += [f"      {printable(line)}" for line in details(change)]
    lines += [
        f"      {MARKS[f.change]} {printable(describe(f, change.name))}" for f in change.fields
    ]
    return lines


def _ranking(report: DiffReport) -> list[str]:
    result = report.diff
    if not result.base_has_model:
        return [
            "",
            f"Ranking ({printable(result.model)}): the base does not define this model, so "
            "there is no ranking to compare to.",
        ]
    shown, shifted = shifts(report.ranking)
    if not shown and not shifted:
        return []
    lines = ["", f"Ranking ({printable(result.model)})"]
    rows = [(*rank_cells(c)[:3], f"{c.id}: {c.title}", rank_cells(c)[3]) for c in shown]
    widths = [max((len(row[i]) for row in rows), default=0) for i in range(3)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        moved_by = f" ({row[4]})" if row[4] else ""
        lines.append("  " + printable("  ".join([*cells, row[3]]) + moved_by))
    if shifted:
        lines.append(f"  {others(shifted)} moved by one place.")
    if report.ranking_left_out:
        lines.append(f"  {report.ranking_left_out:,} moves outside the top {report.top} not shown.")
    return lines
