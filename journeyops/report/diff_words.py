"""A diff in the map's words, shared by the text and markdown reports: the headline, each
field change as the journey, stage and step it is in, then `emotion -1 -> +1 (better)`, a
document's details, a rank move with the inputs that moved it, and a finding at its place.

Every function returns plain text built from user text; the caller makes it safe for where
it goes (text: `printable`, which `show` already applies to values; markdown: code spans).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from journeyops.report.formatting import readable
from journeyops.report.safe_text import printable

if TYPE_CHECKING:
    from journeyops.core.diagnostics import Diagnostic
    from journeyops.diff import DocumentChange, FieldChange, RankChange, WorkspaceDiff

KINDS = ("config", "journey", "persona", "insight", "opportunity")
PLURAL = {
    "config": "settings",
    "journey": "journeys",
    "persona": "personas",
    "insight": "insights",
    "opportunity": "opportunities",
}
SINGULAR = {"config": "settings", **{kind: kind for kind in KINDS[1:]}}
# A list's items by one of them (`pains` -> `pain`), for an item added or removed.
ITEM = {"stages": "stage", "steps": "step", "pains": "pain", "gains": "gain", "kpis": "KPI"}
ITEM.update(surveys="survey")
REFERRERS = 5  # documents named that still refer to a removed one, at most
LONGEST = 80  # characters of a value shown before it is cut
SEVERITY = {"low": 1, "medium": 2, "high": 3}
SEPARATOR = " \N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK} "  # between the names on the way


def show(value: Any) -> str:
    """A value as a reviewer reads it: text quoted, numbers plain, items by their name; one
    line, through `printable` (cut first, so that no escape is cut in half)."""
    return printable(_shown(value))


def _shown(value: Any) -> str:
    from journeyops.diff.fields import summary  # noqa: PLC0415 - only when a diff is shown

    if isinstance(value, list):
        shown = "[" + ", ".join(_shown(summary(v)) for v in value) + "]"
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


def headline(result: WorkspaceDiff, rank: Callable[[str], str] = str) -> str:
    """`2 journeys changed, 1 opportunity added (now #1), 3 new errors, 1 fixed`; `rank`
    shows a rank (markdown: as code, which GitHub does not take for an issue's number)."""
    parts = []
    for kind in KINDS:
        counts = Counter(c.change for c in result.documents if c.kind == kind)
        for number, (change, n) in enumerate(sorted(counts.items())):
            noun = f" {PLURAL[kind] if n > 1 else SINGULAR[kind]}" if number == 0 else ""
            part = f"{n}{noun} {change}"
            added = [c for c in result.documents if c.kind == kind and c.change == change]
            now = dict(added[0].details).get("rank") if n == 1 else None
            parts.append(part + (f" (now {rank(f'#{now}')})" if now else ""))
    moved = sum(1 for r in result.ranking if r.movement not in {"new", "dropped"})
    if moved:
        parts.append(f"{moved:,} moved in the ranking")
    delta = result.validation
    if delta.new_errors:
        parts.append(f"{delta.new_errors} new error{'s' if delta.new_errors > 1 else ''}")
    if delta.new_warnings:
        parts.append(f"{delta.new_warnings} new warning{'s' if delta.new_warnings > 1 else ''}")
    if delta.fixed:
        parts.append(f"{len(delta.fixed)} fixed")
    return ", ".join(parts) if parts else "no changes to documents, ranking or findings"


def document_title(change: DocumentChange) -> str:
    """`id "name"`, and for a rename the id it had."""
    name = f' "{change.name}"' if change.name else ""
    renamed = f" (renamed from {change.before_id}?)" if change.before_id else ""
    return f"{change.id}{name}{renamed}"


def place(change: DocumentChange) -> str:
    if change.before_file and change.before_file != change.file:
        return f"moved from {change.before_file} to {change.file}"
    if change.change == "unloadable":
        return f"{change.file}: could not be loaded in one version (see its errors)"
    return change.file


def details(change: DocumentChange) -> list[str]:
    """What else a reviewer needs of a document: an added one's own fields, a removed one's
    remaining references."""
    found = [f"{name}: {_plain(value)}" for name, value in change.details]
    if change.referenced_by:
        users = ", ".join(change.referenced_by[:REFERRERS])
        more = len(change.referenced_by) - REFERRERS
        users += f" and {more} more" if more > 0 else ""
        found.append(f"still referenced by {len(change.referenced_by)}: {users}")
    return found


def describe(change: FieldChange, document: str = "") -> str:
    """One field change in the map's words (unescaped text)."""
    trail = SEPARATOR.join([document, *change.trail] if document else change.trail)
    where = f"{trail}: " if trail else ""
    label = change.label
    if change.change in ("added", "removed") and change.path.endswith("]"):
        item = ITEM.get(label.rsplit(".", 1)[-1], label)
        value = change.after if change.change == "added" else change.before
        extra = ", ".join(f"{k} {_plain(v)}" for k, v in change.details)
        return f"{where}{item} {change.change}: {_shown(value)}" + (f" ({extra})" if extra else "")
    if change.change == "added":
        return f"{where}{label} added: {_shown(change.after)}"
    if change.change == "removed":
        return f"{where}{label} removed: {_shown(change.before)}"
    if change.change == "reordered":
        return f"{where}{label} reordered: {_shown(change.after)}"
    before, after = _value(label, change.before), _value(label, change.after)
    verdict = _verdict(label, change.before, change.after)
    return f"{where}{label} {before} -> {after}" + (f" ({verdict})" if verdict else "")


def _value(label: str, value: Any) -> str:
    if label.endswith("emotion") and isinstance(value, int) and not isinstance(value, bool):
        return f"{value:+d}" if value else "0"
    return _shown(value)


def _verdict(label: str, before: Any, after: Any) -> str:
    """Whether the change is for the better, where the map says which way is better."""
    field = label.rsplit(".", 1)[-1]
    if field == "emotion" and isinstance(before, int) and isinstance(after, int):
        return "better" if after > before else "worse"
    if field == "severity" and before in SEVERITY and after in SEVERITY:
        return "worse" if SEVERITY[after] > SEVERITY[before] else "better"
    return ""


def _plain(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(map(_plain, value))
    if isinstance(value, float):
        return readable(value)
    return str(value)


def rank_cells(change: RankChange) -> tuple[str, str, str, str]:
    """Rank, movement, score and what moved it (the inputs that changed)."""
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
    inputs = ", ".join(
        f"{name} {_number(before)} -> {_number(after)}" for name, before, after in change.inputs
    )
    return now, moved, score, inputs


def _number(value: float | None) -> str:
    return "-" if value is None else readable(value)


def shifts(changes: list[RankChange]) -> tuple[list[RankChange], int]:
    """The moves worth a line each, and how many only shifted by one place."""
    shown = [c for c in changes if not c.shift]
    return shown, len(changes) - len(shown)


def finding(diagnostic: Diagnostic) -> str:
    """`file:line:column: severity RULE message` (unescaped)."""
    span = diagnostic.span
    return (
        f"{diagnostic.file}:{span.line}:{span.column}: {diagnostic.severity.value} "
        f"{diagnostic.rule} {diagnostic.message}"
    )


def others(count: int) -> str:
    return f"{count:,} other{'s' if count != 1 else ''}"
