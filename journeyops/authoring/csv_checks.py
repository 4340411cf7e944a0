"""Whether a planned opportunity may be written: the schema's verdict, in the user's words
at the row's cells, and its new references checked against the workspace."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from journeyops.authoring.csv_export import SCORES
from journeyops.authoring.csv_sheet import CellProblem, Sheet, SheetRow
from journeyops.core.sourcemap import SourceMap
from journeyops.load.schema_errors import translate
from journeyops.model import Opportunity
from journeyops.model.workspace import Workspace


def check(  # noqa: PLR0917 - one call site, in csv_plan
    sheet: Sheet,
    row: SheetRow,
    data: dict[str, Any],
    ws: Workspace,
    current: dict[str, Any],
    file: str | None,
) -> list[CellProblem]:
    """The schema's problems with the planned document (`file`: where it is, for one that
    exists), then its new references to steps, pains, personas and insights that the
    workspace does not have."""
    try:
        Opportunity.model_validate(data)
    except ValidationError as error:
        return [_schema_problem(sheet, row, error, detail, file) for detail in error.errors()]
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
                found.append(at(sheet, row, name, f"there is no {what} '{ref}'", None))
    return found


def _step(ws: Workspace, ref: str) -> Any:
    journey, _, step = ref.partition("/")
    return ws.steps.get(journey, {}).get(step)


def _pain(ws: Workspace, ref: str) -> bool:
    step_ref, _, pain = ref.rpartition("/")
    entry = _step(ws, step_ref)
    return entry is not None and any(p.id == pain for p in entry.step.pains)


def _schema_problem(
    sheet: Sheet, row: SheetRow, error: ValidationError, detail: Any, file: str | None
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
    if file is not None and name not in row.values:  # a mistake the sheet did not make
        message = f"{file}: {message}"
        hint = "fix it in the file (`journeyops validate` shows where), then import again"
    elif name not in sheet.columns:
        hint = f"add a '{name}' column" if name else hint
    elif detail["type"] == "missing":
        hint = f"fill in the row's '{name}' cell"
    return at(sheet, row, name, message, hint)


def at(sheet: Sheet, row: SheetRow, name: str, message: str, hint: str | None) -> CellProblem:
    return CellProblem(row.number, row.line, name, sheet.letter(name), message, hint)
