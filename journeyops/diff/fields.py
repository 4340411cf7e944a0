"""What changed inside one document, field by field, in terms a reviewer recognises.

Lists of items that have an `id` (stages, steps, pains, KPIs, surveys) are matched by id, so a
step inserted at the front is one added step, not every step changed; paths name items by id
(`stages[apply].steps[verify-id].emotion`). Lists of plain values (touchpoints, personas,
tags) are compared as sets, with a separate change when only their order differs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

Kind = Literal["added", "removed", "changed", "reordered"]
# A display name for an item, in this order of preference.
NAME_KEYS = ("title", "name", "text")


@dataclass(frozen=True)
class FieldChange:
    path: str
    change: Kind
    before: Any = None  # JSON data: a value, or an item's summary
    after: Any = None


def field_changes(before: dict[str, Any], after: dict[str, Any]) -> list[FieldChange]:
    """Changes from one document's JSON data to another's (both from `model_dump`)."""
    return list(_mapping("", before, after))


def summary(value: Any) -> Any:
    """An added or removed item as one line: its name, or the value itself."""
    if isinstance(value, dict):
        return next((value[k] for k in NAME_KEYS if value.get(k)), value.get("id", "…"))
    return value


def _compare(path: str, before: Any, after: Any) -> Iterator[FieldChange]:
    if before == after:
        return
    if isinstance(before, dict) and isinstance(after, dict):
        yield from _mapping(path, before, after)
    elif isinstance(before, list) and isinstance(after, list):
        if _keyed(before) and _keyed(after):
            yield from _by_id(path, before, after)
        elif _plain(before) and _plain(after):
            yield from _as_set(path, before, after)
        else:
            yield FieldChange(path, "changed", before, after)
    else:
        yield FieldChange(path, "changed", before, after)


def _mapping(path: str, before: dict[str, Any], after: dict[str, Any]) -> Iterator[FieldChange]:
    for key in [*before, *(k for k in after if k not in before)]:
        where = f"{path}.{key}" if path else key
        old, new = before.get(key), after.get(key)
        if old in (None, [], {}) and new not in (None, [], {}):
            yield FieldChange(where, "added", None, new)
        elif new in (None, [], {}) and old not in (None, [], {}):
            yield FieldChange(where, "removed", old, None)
        else:
            yield from _compare(where, old, new)


def _by_id(path: str, before: list[Any], after: list[Any]) -> Iterator[FieldChange]:
    old = {item["id"]: item for item in before}
    new = {item["id"]: item for item in after}
    for item_id, item in old.items():
        if item_id not in new:
            yield FieldChange(f"{path}[{item_id}]", "removed", summary(item), None)
    for item_id, item in new.items():
        if item_id not in old:
            yield FieldChange(f"{path}[{item_id}]", "added", None, summary(item))
        else:
            yield from _compare(f"{path}[{item_id}]", old[item_id], item)
    kept_before = [i for i in old if i in new]
    kept_after = [i for i in new if i in old]
    if kept_before != kept_after:
        yield FieldChange(path, "reordered", kept_before, kept_after)


def _as_set(path: str, before: list[Any], after: list[Any]) -> Iterator[FieldChange]:
    for value in before:
        if value not in after:
            yield FieldChange(path, "removed", value, None)
    for value in after:
        if value not in before:
            yield FieldChange(path, "added", None, value)
    if sorted(map(str, before)) == sorted(map(str, after)):
        yield FieldChange(path, "reordered", before, after)


def _keyed(items: list[Any]) -> bool:
    ids = [item.get("id") for item in items if isinstance(item, dict)]
    return len(ids) == len(items) and None not in ids and len(set(ids)) == len(ids)


def _plain(items: list[Any]) -> bool:
    return all(not isinstance(item, dict | list) for item in items)
