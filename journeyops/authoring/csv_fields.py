"""An opportunity's fields as plain data: read, set and compared the way a sheet means them.

A sheet names fields as its columns do (`title`, `steps`, `scores.reach`); an empty cell
means the field's default, and values are compared by meaning, so `30000` is `30000.0` and an
absent `status` is `open`.
"""

from __future__ import annotations

from typing import Any

from journeyops.authoring.csv_cells import list_cell, text_cell
from journeyops.authoring.csv_export import LIST_FIELDS, SCORES, TEXT_FIELDS

DEFAULTS: dict[str, Any] = {"status": "open", **{name: [] for name in LIST_FIELDS}}


def get(data: dict[str, Any], name: str) -> Any:
    if name.startswith(SCORES):
        scores = data.get("scores")
        return scores.get(name.removeprefix(SCORES)) if isinstance(scores, dict) else None
    return data.get(name)


def put(data: dict[str, Any], name: str, value: Any) -> None:
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


def as_exported(value: Any, name: str) -> str | None:
    """The cell `export csv` writes for a text or list field's value: a cell that reads
    differently only because export escaped a control character in it is no change."""
    value = DEFAULTS.get(name) if value is None else value
    if name in LIST_FIELDS and isinstance(value, list):
        return list_cell([str(v) for v in value])
    if name in TEXT_FIELDS and isinstance(value, str | None):
        return text_cell(value or "")
    return None


def same(before: Any, wanted: Any, name: str) -> bool:
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
