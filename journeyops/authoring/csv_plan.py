"""What importing a sheet would do: each row compared with the opportunity of its id.

A row whose id no file holds creates `opportunities/<id>.yaml`; a row whose values differ
from its opportunity's changes those fields only; a row that asks for what is there changes
nothing. Values are compared by meaning (an absent `status` is `open`, `30000` is
`30000.0`), so a sheet exported and imported unchanged plans no change. Every planned
document is checked against the schema and its new references against the workspace: a
problem is reported at its row and column, and then nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from journeyops.authoring.csv_cells import list_cell, text_cell
from journeyops.authoring.csv_export import LIST_FIELDS, SCORES, TEXT_FIELDS
from journeyops.authoring.csv_sheet import CellProblem, Sheet, SheetRow
from journeyops.authoring.csv_yaml import Change
from journeyops.core.sourcemap import SourceMap
from journeyops.load.schema_errors import translate
from journeyops.model import Opportunity
from journeyops.model.workspace import Workspace

FOLDER = "opportunities"  # where new opportunities go, one file each
DEFAULTS: dict[str, Any] = {"status": "open", **{name: [] for name in LIST_FIELDS}}


@dataclass(frozen=True)
class Place:
    """An opportunity document as its file holds it."""

    file: str
    index: int  # its number in the file
    data: Any  # its value, as ruamel.yaml's round-trip loader reads it


@dataclass(frozen=True)
class Create:
    row: int
    id: str
    file: str
    values: dict[str, Any]


@dataclass(frozen=True)
class Update:
    row: int
    id: str
    file: str
    index: int
    changes: tuple[Change, ...]


@dataclass
class ImportPlan:
    creates: list[Create] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    problems: list[CellProblem] = field(default_factory=list)
    unparsed: list[str] = field(default_factory=list)  # files that are never rewritten


def plan(
    sheet: Sheet,
    places: dict[str, list[Place]],
    workspace: Workspace,
    unparsed: list[str],
    blocked: Callable[[str], str | None],
) -> ImportPlan:
    """`places`: every opportunity id with the documents that hold it; `blocked`: why a new
    file cannot be written at a path (it exists, the workspace leaves it out), or None."""
    result = ImportPlan(problems=list(sheet.problems), unparsed=sorted(unparsed))
    first_row: dict[str, int] = {}
    for row in sheet.rows:
        if row.id in first_row:
            message = f"'{row.id}' is also on row {first_row[row.id]}"
            result.problems.append(_at(sheet, row, "id", message, "give each opportunity one row"))
            continue
        first_row[row.id] = row.number
        found = places.get(row.id, [])
        if len(found) > 1:
            files = ", ".join(sorted({p.file for p in found}))
            hint = "keep one of them (`journeyops validate` reports the duplicate)"
            result.problems.append(
                _at(sheet, row, "id", f"'{row.id}' is in {len(found)} documents: {files}", hint)
            )
        elif found:
            _update(result, sheet, row, found[0], workspace)
        else:
            _create(result, sheet, row, ws=workspace, unparsed=unparsed, blocked=blocked)
    return result


def _update(result: ImportPlan, sheet: Sheet, row: SheetRow, place: Place, ws: Workspace) -> None:
    current = plain(place.data) if isinstance(place.data, dict) else {}
    changes = []
    for name, wanted in row.values.items():
        before = _get(current, name)
        if not (_same(before, wanted, name) or _as_exported(before, name) == row.cells[name]):
            changes.append(Change(name, before, wanted))
    if not changes:
        result.unchanged.append(row.id)
        return
    after = dict(current)
    for change in changes:
        _set(after, change.field, change.after)
    # An emptied list is removed from the file (it is the default).
    changes = [c if c.after != [] else Change(c.field, c.before, None) for c in changes]
    found = _check(sheet, row, after, ws, current)
    result.problems += found
    if not found:
        result.updates.append(Update(row.number, row.id, place.file, place.index, tuple(changes)))


def _create(
    result: ImportPlan,
    sheet: Sheet,
    row: SheetRow,
    *,
    ws: Workspace,
    unparsed: list[str],
    blocked: Callable[[str], str | None],
) -> None:
    file = f"{FOLDER}/{row.id}.yaml"
    if unparsed:
        message = f"no file holds '{row.id}', but {', '.join(unparsed)} does not parse"
        hint = "fix that file first: the opportunity may be in it (`journeyops validate`)"
        result.problems.append(_at(sheet, row, "id", message, hint))
        return
    reason = blocked(file)
    if reason:
        message = f"'{row.id}' is new, but {reason}"
        result.problems.append(
            _at(sheet, row, "id", message, "move that file or give the row another id")
        )
        return
    values: dict[str, Any] = {"kind": "opportunity", "id": row.id}
    for name, wanted in row.values.items():
        if wanted not in (None, []):
            _set(values, name, wanted)
    found = _check(sheet, row, values, ws, {})
    result.problems += found
    if not found:
        result.creates.append(Create(row.number, row.id, file, values))


def _check(
    sheet: Sheet, row: SheetRow, data: dict[str, Any], ws: Workspace, current: dict[str, Any]
) -> list[CellProblem]:
    """The schema's problems with the planned document, then its new references to steps,
    pains, personas and insights that the workspace does not have."""
    try:
        Opportunity.model_validate(data)
    except ValidationError as error:
        return [_schema_problem(sheet, row, error, detail) for detail in error.errors()]
    found = []
    checks: dict[str, Callable[[str], bool]] = {
        "steps": lambda ref: _step(ws, ref) is not None,
        "pains": lambda ref: _pain(ws, ref),
        "personas": lambda ref: ref in ws.personas,
        "evidence": lambda ref: ref in ws.insights,
    }
    for name, known in checks.items():
        for ref in data.get(name, []):
            if ref not in current.get(name, []) and not known(ref):
                what = {"evidence": "insight", "personas": "persona"}.get(name, name[:-1])
                found.append(_at(sheet, row, name, f"there is no {what} '{ref}'", None))
    return found


def _step(ws: Workspace, ref: str) -> Any:
    journey, _, step = ref.partition("/")
    return ws.steps.get(journey, {}).get(step)


def _pain(ws: Workspace, ref: str) -> bool:
    step_ref, _, pain = ref.rpartition("/")
    entry = _step(ws, step_ref)
    return entry is not None and any(p.id == pain for p in entry.step.pains)


def _schema_problem(
    sheet: Sheet, row: SheetRow, error: ValidationError, detail: Any
) -> CellProblem:
    loc = tuple(detail["loc"])
    name = str(loc[0]) if loc else ""
    if name == "scores" and len(loc) > 1:
        name = SCORES + str(loc[1])
    one = ValidationError.from_exception_data(
        error.title,
        [
            {
                "type": detail["type"],
                "loc": loc,
                "input": detail["input"],
                "ctx": detail.get("ctx", {}),
            }
        ],
    )
    translated = translate(one, Opportunity, SourceMap(), "")
    message, hint = (
        (translated[0].message, translated[0].hint) if translated else (detail["msg"], None)
    )
    if name not in sheet.columns:
        hint = f"add a '{name}' column" if name else hint
    elif detail["type"] == "missing":
        hint = f"fill in the row's '{name}' cell"
    return _at(sheet, row, name, message, hint)


def _at(sheet: Sheet, row: SheetRow, name: str, message: str, hint: str | None) -> CellProblem:
    return CellProblem(row.number, row.line, name, sheet.letter(name), message, hint)


def _get(data: dict[str, Any], name: str) -> Any:
    if name.startswith(SCORES):
        scores = data.get("scores")
        return scores.get(name.removeprefix(SCORES)) if isinstance(scores, dict) else None
    return data.get(name)


def _set(data: dict[str, Any], name: str, value: Any) -> None:
    if name.startswith(SCORES):
        scores = dict(data.get("scores") or {})
        if value is None:
            scores.pop(name.removeprefix(SCORES), None)
        else:
            scores[name.removeprefix(SCORES)] = value
        data["scores"] = scores
        if not scores:
            del data["scores"]
    elif value is None or value == []:
        data.pop(name, None)
    else:
        data[name] = value


def _as_exported(value: Any, name: str) -> str | None:
    """The cell `export csv` writes for a text or list field's value: a cell that reads
    differently only because export escaped a control character in it is no change."""
    value = DEFAULTS.get(name) if value is None else value
    if name in LIST_FIELDS and isinstance(value, list):
        return list_cell([str(v) for v in value])
    if name in TEXT_FIELDS and isinstance(value, str | None):
        return text_cell(value or "")
    return None


def _same(before: Any, wanted: Any, name: str) -> bool:
    default = DEFAULTS.get(name)
    before = default if before is None else before
    wanted = default if wanted is None else wanted
    numbers = (int, float)
    if isinstance(before, numbers) and isinstance(wanted, numbers):
        return not isinstance(before, bool) and float(before) == float(wanted)
    return type(before) is type(wanted) and before == wanted


def plain(value: Any) -> Any:
    """ruamel.yaml's values (`ScalarFloat`, `CommentedSeq`, ...) as plain Python values,
    which the strict models accept."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return str(value) if isinstance(value, str) else value
