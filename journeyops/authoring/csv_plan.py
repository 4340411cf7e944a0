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

from journeyops.authoring.csv_checks import at, check
from journeyops.authoring.csv_fields import as_exported, get, plain, put, same
from journeyops.authoring.csv_sheet import CellProblem, Sheet, SheetRow
from journeyops.authoring.csv_yaml import Change
from journeyops.model.workspace import Workspace

FOLDER = "opportunities"  # where new opportunities go, one file each


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
    values: dict[str, Any]  # the whole document once changed, as plain data


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
            result.problems.append(at(sheet, row, "id", message, "give each opportunity one row"))
            continue
        first_row[row.id] = row.number
        found = places.get(row.id, [])
        if len(found) > 1:
            files = ", ".join(sorted({p.file for p in found}))
            hint = "keep one of them (`journeyops validate` reports the duplicate)"
            result.problems.append(
                at(sheet, row, "id", f"'{row.id}' is in {len(found)} documents: {files}", hint)
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
        before = get(current, name)
        if not (same(before, wanted, name) or as_exported(before, name) == row.cells[name]):
            changes.append(Change(name, before, wanted))
    if not changes:
        result.unchanged.append(row.id)
        return
    after = dict(current)
    for change in changes:
        put(after, change.field, change.after)
    # An emptied list is removed from the file (it is the default).
    changes = [c if c.after != [] else Change(c.field, c.before, None) for c in changes]
    found = check(sheet, row, after, ws, current, place.file)
    result.problems += found
    if not found:
        update = Update(row.number, row.id, place.file, place.index, tuple(changes), after)
        result.updates.append(update)


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
        result.problems.append(at(sheet, row, "id", message, hint))
        return
    reason = blocked(file)
    if reason:
        message = f"'{row.id}' is new, but {reason}"
        result.problems.append(
            at(sheet, row, "id", message, "move that file or give the row another id")
        )
        return
    values: dict[str, Any] = {"kind": "opportunity", "id": row.id}
    for name, wanted in row.values.items():
        if wanted not in (None, []):
            put(values, name, wanted)
    found = check(sheet, row, values, ws, {}, None)
    result.problems += found
    if not found:
        result.creates.append(Create(row.number, row.id, file, values))
