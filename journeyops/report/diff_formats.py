"""`journeyops diff` output: text (people), markdown (pull-request comments), json (tools)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from journeyops.diff import DocumentChange, FieldChange, RankChange, WorkspaceDiff
from journeyops.diff.fields import summary
from journeyops.report.score_formats import score_text

FORMAT_VERSION = 1
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
    """A value as a reviewer reads it: text quoted, numbers plain, items by their name."""
    if isinstance(value, list):
        text = ", ".join(show(summary(v)) for v in value)
        shown = f"[{text}]"
    elif isinstance(value, dict):
        shown = show(summary(value)) if "id" in value else json.dumps(value, ensure_ascii=False)
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
    if change.change == "added":
        return f"{change.path}: {show(change.after)}"
    if change.change == "removed":
        return f"{change.path}: {show(change.before)}"
    if change.change == "reordered":
        return f"{change.path}: reordered to {show(change.after)}"
    return f"{change.path}: {show(change.before)} -> {show(change.after)}"


def headline(change: DocumentChange) -> str:
    name = f' "{change.name}"' if change.name else ""
    if change.change == "moved":
        where = f"moved from {change.before_file} to {change.file}"
    elif change.change == "unloadable":
        where = f"{change.file}: could not be loaded in one version (see its errors)"
    else:
        where = change.file
    return f"{change.id}{name} ({where})"


def rank_line(change: RankChange) -> tuple[str, str, str, str]:
    """Rank, movement, score and opportunity columns."""
    now = f"#{change.after_rank}" if change.after_rank is not None else "-"
    if change.movement in ("up", "down") and change.before_rank and change.after_rank:
        moved = f"{change.movement} {abs(change.before_rank - change.after_rank)}"
        moved += f" (was #{change.before_rank})"
    elif change.movement == "dropped":
        moved = f"dropped (was #{change.before_rank})"
    else:
        moved = change.movement
    score = "-" if change.after_score is None else score_text(change.after_score)
    if change.before_score is not None and change.after_score != change.before_score:
        score += f" (was {score_text(change.before_score)})"
    return now, moved, score, f"{change.id}: {change.title}"


def overview(result: WorkspaceDiff) -> str:
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
        parts.append(f"ranking ({result.model}): {listed}")
    return "; ".join(parts) if parts else "no changes to documents or the ranking"


def text(result: WorkspaceDiff) -> str:
    lines = [
        f"Changes from {result.base} to {result.head} "
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
        lines += ["", f"Ranking ({result.model})"]
        rows = [rank_line(c) for c in result.ranking]
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        for row in rows:
            cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
            lines.append("  " + "  ".join([*cells, row[3]]))
    return "\n".join(lines) + "\n"


def markdown(result: WorkspaceDiff) -> str:
    lines = [
        f"### journeyops: `{_md(result.base)}` → `{_md(result.head)}`",
        "",
        f"**{_md(overview(result))}**",
    ]
    for kind in KINDS:
        changes = [c for c in result.documents if c.kind == kind]
        if not changes:
            continue
        lines += ["", f"#### {PLURAL[kind].capitalize()}", ""]
        for change in changes:
            lines.append(
                f"- **{change.change}** `{change.id}` {_md(headline(change)[len(change.id) :])}"
            )
            lines += [f"  - {f.change} `{_md(describe(f))}`" for f in change.fields]
    if result.ranking:
        lines += ["", f"#### Ranking ({result.model})", ""]
        lines += ["| Rank | Movement | Score | Opportunity |", "|---:|---|---:|---|"]
        lines += [
            "| " + " | ".join(_md(cell) for cell in rank_line(c)) + " |" for c in result.ranking
        ]
    return "\n".join(lines) + "\n"


def as_json(result: WorkspaceDiff) -> str:
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
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


def _md(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ").replace("`", "'")


RENDERERS: dict[str, Callable[[WorkspaceDiff], str]] = {
    "text": text,
    "markdown": markdown,
    "json": as_json,
}
