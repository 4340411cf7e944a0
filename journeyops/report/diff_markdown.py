"""`journeyops diff` as markdown, for a pull-request comment: the headline, then one table
per kind (findings, each kind of document, the ranking), long ones folded in `<details>`.

GitHub renders a comment, so user text there could embed an image (`<img src=...>`, a
tracking pixel), a link, a table cell break (`|`), or ping people (`@org/team`) and
cross-reference issues (`#12`). Every user string is a code span (`code_span`), inside which
GitHub renders no HTML, links, mentions or emphasis. Links to the site (`--site-url`) are
built from a checked address and percent-encoded ids.

A comment has a limit (GitHub refuses one over 65,536 characters): the report stays under
`LIMIT`, leaving out the last rows once it would not, and says what it left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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
from journeyops.report.formatting import code_span
from journeyops.report.github import without_legacy_commands

if TYPE_CHECKING:
    from journeyops.diff import DocumentChange

_RANK = re.compile(r"#\d+")
LIMIT = 65_000
FOLD = 10  # a table of more rows than this is folded
FIELDS_IN_A_ROW = 20  # field changes listed in one document's row, at most
RESERVE = 1_500  # room kept for the closing tags and the note on what was left out


@dataclass
class _Section:
    title: str
    header: list[str]
    rows: list[str]
    notes: list[str] = field(default_factory=list)
    left_out: int = 0  # rows left out for length


def markdown(report: DiffReport, context: ReportContext) -> str:
    result = report.diff
    top = [
        f"### journeyops: {code_span(result.base)} → {code_span(result.head)}",
        "",
        f"**{headline(result, code_span)}**",  # counts and journeyops' words only
    ]
    sections = [*_findings(report), *_documents(report), *_ranking(report)]
    return without_legacy_commands(_within_limit(top, sections))


def _within_limit(top: list[str], sections: list[_Section]) -> str:
    """Sections in order, row by row, until the next row would take the report over
    `LIMIT`; every row after that is left out, and the end says how many of what."""
    used = sum(len(line) + 1 for line in top)
    full = False
    for section in sections:
        used += sum(len(line) + 1 for line in [section.title, *section.header, *section.notes])
        kept = []
        for row in section.rows:
            full = full or used + len(row) + 1 > LIMIT - RESERVE
            if full:
                section.left_out += 1
                continue
            kept.append(row)
            used += len(row) + 1
        section.rows = kept
    lines = list(top)
    for section in sections:
        lines += ["", section.title, ""]
        if not section.rows:
            lines += [f"_All {section.left_out:,} rows left out for length._"] * bool(
                section.left_out
            )
            lines += section.notes
            continue
        table = [*section.header, *section.rows]
        if len(section.rows) > FOLD:
            summary = f"{len(section.rows):,} rows"
            table = [f"<details><summary>{summary}</summary>", "", *table, "", "</details>"]
        lines += [*table, *section.notes]
    left = [
        f"{s.left_out:,} rows of {s.title.removeprefix('#### ')}" for s in sections if s.left_out
    ]
    if left:
        lines += [
            "",
            f"_Cut to stay under {LIMIT:,} characters: left out {', '.join(left)}. "
            "`journeyops diff` shows all of it; `--top N` keeps the ranking short._",
        ]
    return "\n".join(lines) + "\n"


def _findings(report: DiffReport) -> list[_Section]:
    delta = report.diff.validation
    rows = [
        f"| new {d.severity.value} | {code_span(finding(d), cell=True)} |" for d in delta.introduced
    ]
    rows += [
        f"| fixed {d.severity.value} | {code_span(finding(d), cell=True)} |" for d in delta.fixed
    ]
    if not rows:
        return []
    header = ["| Finding | Where and what |", "|---|---|"]
    return [_Section("#### Findings", header, rows)]


def _documents(report: DiffReport) -> list[_Section]:
    sections = []
    for kind in KINDS:
        changes = [c for c in report.diff.documents if c.kind == kind]
        if changes:
            header = ["| Change | Document | Where | What changed |", "|---|---|---|---|"]
            rows = [_document_row(report, c) for c in changes]
            sections.append(_Section(f"#### {PLURAL[kind].capitalize()}", header, rows))
    return sections


def _document_row(report: DiffReport, change: DocumentChange) -> str:
    name = code_span(document_title(change), cell=True)
    page = report.page(change)
    if page is not None:
        name += f" ([page]({page}))"
    said = details(change) + [describe(f, change.name) for f in change.fields]
    cells = [code_span(line, cell=True) for line in said[:FIELDS_IN_A_ROW]]
    if len(said) > FIELDS_IN_A_ROW:
        cells.append(f"…and {len(said) - FIELDS_IN_A_ROW:,} more")
    where = code_span(place(change), cell=True)
    return f"| {change.change} | {name} | {where} | {'<br>'.join(cells)} |"


def _ranking(report: DiffReport) -> list[_Section]:
    result = report.diff
    title = f"#### Ranking ({code_span(result.model)})"
    if not result.base_has_model:
        note = "The base does not define this model: there is no ranking to compare to."
        return [_Section(title, [], [], [note])]
    shown, shifted = shifts(report.ranking)
    if not shown and not shifted:
        return []
    header = [
        "| Rank | Movement | Score | Opportunity | Inputs that changed |",
        "|---:|---|---:|---|---|",
    ]
    rows = []
    for change in shown:
        rank, moved, score, inputs = rank_cells(change)
        opportunity = f"{code_span(change.id, cell=True)}: {code_span(change.title, cell=True)}"
        changed = code_span(inputs, cell=True) if inputs else ""
        rank, moved = _ranks(rank), _ranks(moved)
        rows.append(f"| {rank} | {moved} | {score} | {opportunity} | {changed} |")
    notes = []
    if shifted:
        notes.append(f"\n{others(shifted)} moved by one place.")
    if report.ranking_left_out:
        notes.append(f"\n{report.ranking_left_out:,} moves outside the top {report.top} not shown.")
    return [_Section(title, header, rows, notes)]


def _ranks(text: str) -> str:
    """`#7` as code: GitHub would link it to issue 7."""
    return _RANK.sub(lambda found: f"`{found.group()}`", text)
