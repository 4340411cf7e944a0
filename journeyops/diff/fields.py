"""What changed inside one document, field by field, in terms a reviewer recognises.

Lists of items that have an `id` (stages, steps, pains, KPIs, surveys) are matched by id, so a
step inserted at the front is one added step, not every step changed; paths name items by id
(`stages[apply].steps[verify-id].emotion`). Lists of plain values (touchpoints, personas,
tags) are compared as sets, with a separate change when only their order differs.

Each change also says where it is in the map's words: the names of the items on the way
(`("Apply", "Verify your identity")`) and the field (`emotion`), as a reviewer reads them.
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
    # The names of the items on the way, and the field as written (`scores.reach`; for an
    # item added or removed, the list it is in: `pains`).
    trail: tuple[str, ...] = ()
    label: str = ""
    # An added item's other plain fields (a pain's severity), (name, value).
    details: tuple[tuple[str, Any], ...] = ()


def field_changes(before: dict[str, Any], after: dict[str, Any]) -> list[FieldChange]:
    """Changes from one document's JSON data to another's (both from `model_dump`)."""
    return list(_mapping(_At("", (), ""), before, after))


def summary(value: Any) -> Any:
    """An added or removed item as one line: its name, or the value itself."""
    if isinstance(value, dict):
        return next((value[k] for k in NAME_KEYS if value.get(k)), value.get("id", "…"))
    return value


@dataclass(frozen=True)
class _At:
    """Where the comparison is: the path, the items' names on the way, the field so far."""

    path: str
    trail: tuple[str, ...]
    label: str

    def key(self, key: str) -> _At:
        where = f"{self.path}.{key}" if self.path else key
        return _At(where, self.trail, f"{self.label}.{key}" if self.label else key)

    def item(self, item_id: str, item: dict[str, Any]) -> _At:
        return _At(f"{self.path}[{item_id}]", (*self.trail, str(summary(item))), "")

    def change(
        self, kind: Kind, before: Any = None, after: Any = None, **extra: Any
    ) -> FieldChange:
        return FieldChange(self.path, kind, before, after, self.trail, self.label, **extra)


def _compare(at: _At, before: Any, after: Any) -> Iterator[FieldChange]:
    if before == after:
        return
    if isinstance(before, dict) and isinstance(after, dict):
        yield from _mapping(at, before, after)
    elif isinstance(before, list) and isinstance(after, list):
        if _keyed(before) and _keyed(after):
            yield from _by_id(at, before, after)
        elif _plain(before) and _plain(after):
            yield from _as_set(at, before, after)
        else:
            yield at.change("changed", before, after)
    else:
        yield at.change("changed", before, after)


def _mapping(at: _At, before: dict[str, Any], after: dict[str, Any]) -> Iterator[FieldChange]:
    for key in [*before, *(k for k in after if k not in before)]:
        here = at.key(key)
        old, new = before.get(key), after.get(key)
        if _items(old) and _items(new) and (old or new):  # the first pain of a step: added
            yield from _by_id(here, old or [], new or [])
        elif old in (None, [], {}) and new not in (None, [], {}):
            yield here.change("added", None, new)
        elif new in (None, [], {}) and old not in (None, [], {}):
            yield here.change("removed", old, None)
        else:
            yield from _compare(here, old, new)


def _by_id(at: _At, before: list[Any], after: list[Any]) -> Iterator[FieldChange]:
    old = {item["id"]: item for item in before}
    new = {item["id"]: item for item in after}
    for item_id, item in old.items():
        if item_id not in new:
            yield _At(f"{at.path}[{item_id}]", at.trail, at.label).change(
                "removed", summary(item), None
            )
    for item_id, item in new.items():
        if item_id not in old:
            yield _At(f"{at.path}[{item_id}]", at.trail, at.label).change(
                "added", None, summary(item), details=_details(item)
            )
        else:
            yield from _compare(at.item(item_id, item), old[item_id], item)
    kept_before = [i for i in old if i in new]
    kept_after = [i for i in new if i in old]
    if kept_before != kept_after:
        yield at.change("reordered", kept_before, kept_after)


def _as_set(at: _At, before: list[Any], after: list[Any]) -> Iterator[FieldChange]:
    for value in before:
        if value not in after:
            yield at.change("removed", value, None)
    for value in after:
        if value not in before:
            yield at.change("added", None, value)
    if sorted(map(str, before)) == sorted(map(str, after)):
        yield at.change("reordered", before, after)


def _details(item: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    """An added item's plain fields besides its id and name, in their order."""
    return tuple(
        (key, value)
        for key, value in item.items()
        if key != "id"
        and key not in NAME_KEYS
        and value not in (None, "", [], {})
        and not isinstance(value, dict | list)
    )


def _keyed(items: list[Any]) -> bool:
    ids = [item.get("id") for item in items if isinstance(item, dict)]
    return len(ids) == len(items) and None not in ids and len(set(ids)) == len(ids)


def _items(value: Any) -> bool:
    """None, or a list of items with ids (an empty list is one)."""
    return value is None or (isinstance(value, list) and _keyed(value))


def _plain(items: list[Any]) -> bool:
    return all(not isinstance(item, dict | list) for item in items)
