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
from journeyops.model.workspace import Located, Workspace
from journeyops.scoring import ConfiguredModel, resolve
from journeyops.scoring.ranking import compute, evaluate, not_finite


def check(  # noqa: PLR0917 - one call site, in csv_plan
    sheet: Sheet,
    row: SheetRow,
    data: dict[str, Any],
    ws: Workspace,
    current: dict[str, Any],
    file: str | None,
) -> list[CellProblem]:
    """The schema's problems with the planned document (`file`: where it is, for one that
    exists), then what `validate` would say of its new values: references to steps, pains,
    personas and insights that the workspace does not have, and scoring inputs out of a
    model's range (JO502) or that make a score infinite (JO503)."""
    try:
        model = Opportunity.model_validate(data)
    except ValidationError as error:
        return [_schema_problem(sheet, row, error, detail, file) for detail in error.errors()]
    found = _references(sheet, row, data, ws, current)
    old = current.get("scores") or {}
    new_keys = {k for k, v in model.scores.items() if k not in old or old[k] != v}
    if new_keys:
        found += _scoring(sheet, row, Located(file or "", model, SourceMap()), ws, new_keys)
    return found


def _scoring(
    sheet: Sheet, row: SheetRow, doc: Located[Opportunity], ws: Workspace, keys: set[str]
) -> list[CellProblem]:
    """Inputs that a model in use (the default, then those under `scoring.models`, as
    validate checks them) rejects, at their cells; a score that is not finite, at the row."""
    scoring = ws.config.scoring
    names = [scoring.default, *(n for n in scoring.models if n != scoring.default)]
    found: dict[str, CellProblem] = {}
    for model in (resolve(scoring, name) for name in names):
        evaluation = evaluate(model, doc)
        for problem, spec in zip(evaluation.problems, _invalid_keys(model, doc), strict=False):
            if spec in keys:
                column = SCORES + spec
                found.setdefault(column, at(sheet, row, column, problem.message, problem.hint))
        if evaluation.valid:
            infinite = not_finite(model, evaluation, compute(model, evaluation))
            if infinite:
                found.setdefault("", at(sheet, row, "", infinite.message, infinite.hint))
    return list(found.values())


def _invalid_keys(model: ConfiguredModel, doc: Located[Opportunity]) -> list[str]:
    """The `scores` keys of the model's inputs that it rejects, in `evaluate`'s order."""
    keys = []
    for spec in model.inputs:
        key, raw = model.key(spec.name), doc.model.scores.get(model.key(spec.name))
        if raw is not None:
            try:
                spec.parse(raw)
            except ValueError:
                keys.append(key)
    return keys


def _references(
    sheet: Sheet, row: SheetRow, data: dict[str, Any], ws: Workspace, current: dict[str, Any]
) -> list[CellProblem]:
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
