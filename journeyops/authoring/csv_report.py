"""An import plan shown to people (text) and to tools (JSON). Every value from the sheet or
the files is shown with its control characters escaped: a hostile cell never reaches the
terminal raw."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any

from journeyops.core.numbers import plain
from journeyops.report.formatting import FORMAT_VERSION
from journeyops.report.safe_text import dumps_json, printable

if TYPE_CHECKING:  # the command's options name the formats; the rest loads when it runs
    from journeyops.authoring.csv_import import Import
    from journeyops.authoring.csv_sheet import CellProblem

LONGEST = 60  # characters of a value the text plan shows


class PlanFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


def _value(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return plain(value)
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    shown = printable(str(value))
    return '"' + (shown if len(shown) <= LONGEST else shown[: LONGEST - 3] + "...") + '"'


def _position(problem: CellProblem) -> tuple[int, int, str]:
    """Row by row, and left to right within a row (`Z` before `AA`)."""
    return problem.row, len(problem.letter), problem.letter


def problem_line(sheet: str, problem: CellProblem) -> str:
    """`sheet.csv:7: row 7, column C (steps): message`, and the hint on the next line."""
    where = f"{sheet}:{problem.line}: " if problem.line else f"{sheet}: "
    cell = f"row {problem.row}"
    if problem.column and problem.letter:
        cell += f", column {problem.letter} ({problem.column})"
    elif problem.column:
        cell += f", field '{problem.column}' (no column of the sheet)"
    text = printable(f"{where}{cell}: {problem.message}")
    return text + (f"\n  hint: {printable(problem.hint)}" if problem.hint else "")


def as_text(planned: Import, sheet: str, written: list[str] | None) -> str:
    plan = planned.plan
    lines = []
    for create in plan.creates:
        title = create.values.get("title", "")
        lines.append(printable(f"create {create.file}: {create.id} ") + _value(title))
    for update in plan.updates:
        lines.append(printable(f"update {update.file}: {update.id}"))
        for change in update.changes:
            before, after = _value(change.before), _value(change.after)
            lines.append(f"  {printable(change.field)}: {before} -> {after}")
    if plan.unchanged:
        lines.append(f"unchanged: {len(plan.unchanged)} opportunities")
    for file in plan.unparsed:
        lines.append(printable(f"not read: {file} does not parse, so it is never rewritten"))
    if plan.problems:
        lines += [problem_line(sheet, p) for p in sorted(plan.problems, key=_position)]
        lines.append(f"nothing written: {len(plan.problems)} problems in {printable(sheet)}")
    elif written is not None:
        lines.append(f"written: {len(written)} files")
    elif planned.texts:
        lines.append(
            f"nothing written yet: run again with --write to write {len(planned.texts)} files"
        )
    else:
        lines.append("nothing to write: the workspace already holds what the sheet says")
    return "\n".join(lines) + "\n"


def as_json(planned: Import, sheet: str, written: list[str] | None) -> str:
    plan = planned.plan
    document = {
        "version": FORMAT_VERSION,
        "sheet": sheet,
        "written": written or [],
        "create": [
            {"row": c.row, "id": c.id, "file": c.file, "values": c.values} for c in plan.creates
        ],
        "update": [
            {
                "row": u.row,
                "id": u.id,
                "file": u.file,
                "changes": [
                    {"field": c.field, "before": c.before, "after": c.after} for c in u.changes
                ],
            }
            for u in plan.updates
        ],
        "unchanged": plan.unchanged,
        "unparsed": plan.unparsed,
        "problems": [
            {
                "row": p.row,
                "line": p.line,
                "column": p.column or None,
                "letter": p.letter or None,
                "message": p.message,
                "hint": p.hint,
            }
            for p in sorted(plan.problems, key=_position)
        ],
    }
    return dumps_json(document) + "\n"


REPORTERS = {PlanFormat.TEXT: as_text, PlanFormat.JSON: as_json}
