"""Which documents a change added, removed, moved, renamed or edited, and how.

A document removed and one of the same kind added whose content is nearly the same (all but
its id) is taken for a rename: shown once, as `renamed from X?`, with what else changed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from typing import Any, Literal

from journeyops.diff.fields import FieldChange, field_changes
from journeyops.load.sources import CONFIG_FILE
from journeyops.model.base import Document
from journeyops.model.config import Config
from journeyops.model.workspace import Located

Change = Literal["added", "removed", "changed", "moved", "renamed", "unloadable"]
KIND_ORDER = ("config", "journey", "persona", "insight", "opportunity")
# What an added document shows of itself besides its name, by kind.
DETAILS = {
    "journey": ("owner", "state", "personas"),
    "persona": ("segment",),
    "insight": ("source",),
    "opportunity": ("owner", "status", "steps"),
}
SIMILAR = 0.8  # how much of two documents' text must match for one to be the other renamed
MOST_PAIRS = 2_500  # added x removed documents compared for renames, at most


@dataclass(frozen=True)
class DocumentChange:
    kind: str
    id: str
    change: Change
    name: str  # title or name, as it reads after the change (before, for a removal)
    file: str  # where it is after the change (before, for a removal)
    before_file: str | None = None  # where it was, when it moved
    fields: tuple[FieldChange, ...] = field(default=())
    before_id: str | None = None  # the id it had, when it looks renamed
    # An added document's own fields (an opportunity's owner, status and steps), and once
    # ranked its score and rank: (name, value).
    details: tuple[tuple[str, Any], ...] = ()
    # For a removed document (a renamed one: by its old id), the head's documents that
    # still refer to it, "kind id (file)".
    referenced_by: tuple[str, ...] = ()

    @property
    def order(self) -> tuple[int, str, str]:
        return (KIND_ORDER.index(self.kind), self.kind, self.id)


def document_changes(
    before: list[Located[Document]],
    after: list[Located[Document]],
    unloadable_before: set[tuple[str, str]],
    unloadable_after: set[tuple[str, str]],
) -> list[DocumentChange]:
    """Documents are the same document when kind and id match. One that is missing on one
    side but there in a file that did not load is `unloadable`, not added or removed: the
    errors say why, and calling it removed would be wrong."""
    old, new = _by_key(before), _by_key(after)
    changes = []
    removed, added = {}, {}
    for key, doc in old.items():
        if key not in new:
            if key in unloadable_after:
                changes.append(DocumentChange(*key, "unloadable", _name(doc), doc.file))
            else:
                removed[key] = doc
    for key, doc in new.items():
        previous = old.get(key)
        if previous is None:
            if key in unloadable_before:
                changes.append(DocumentChange(*key, "unloadable", _name(doc), doc.file))
            else:
                added[key] = doc
        elif previous.model is not doc.model:  # the same object when its file is unchanged
            found = _edited(key, previous, doc)
            if found is not None:
                changes.append(found)
    changes += _renames_and_the_rest(removed, added)
    return sorted(changes, key=lambda c: c.order)


def _renames_and_the_rest(
    removed: dict[tuple[str, str], Located[Document]],
    added: dict[tuple[str, str], Located[Document]],
) -> list[DocumentChange]:
    """Pairs of a removed and an added document that look like one renamed, the best
    match first; then the others as added and removed."""
    data = {key: _without_id(doc) for key, doc in (removed | added).items()}
    text = {key: json.dumps(value, sort_keys=True, default=str) for key, value in data.items()}
    pairs = [(o, n) for o in removed for n in added if o[0] == n[0]]
    scored = []
    for old_key, new_key in pairs[:MOST_PAIRS] if len(pairs) <= MOST_PAIRS else []:
        matcher = SequenceMatcher(None, text[old_key], text[new_key], autojunk=False)
        if matcher.real_quick_ratio() >= SIMILAR and matcher.quick_ratio() >= SIMILAR:
            ratio = matcher.ratio()
            if ratio >= SIMILAR:
                scored.append((-ratio, old_key, new_key))
    changes = []
    for _, old_key, new_key in sorted(scored):
        if old_key in removed and new_key in added:
            old, doc = removed.pop(old_key), added.pop(new_key)
            moved = old.file if old.file != doc.file else None
            fields = tuple(field_changes(data[old_key], data[new_key]))
            changes.append(
                DocumentChange(*new_key, "renamed", _name(doc), doc.file, moved, fields, old_key[1])
            )
    for key, doc in removed.items():
        changes.append(DocumentChange(*key, "removed", _name(doc), doc.file))
    for key, doc in added.items():
        changes.append(DocumentChange(*key, "added", _name(doc), doc.file, details=_details(doc)))
    return changes


def _without_id(doc: Located[Document]) -> dict[str, Any]:
    data = doc.model.model_dump(mode="json")
    data.pop("id", None)
    return data


def _details(doc: Located[Document]) -> tuple[tuple[str, Any], ...]:
    kind = getattr(doc.model, "kind", "")
    data = doc.model.model_dump(mode="json")
    return tuple(
        (name, data[name]) for name in DETAILS.get(kind, ()) if data.get(name) not in (None, [])
    )


def with_details(change: DocumentChange, *details: tuple[str, Any]) -> DocumentChange:
    return replace(change, details=change.details + details)


def config_change(before: Config, after: Config) -> DocumentChange | None:
    """`journeyops.yaml`'s settings, compared like a document."""
    fields = field_changes(before.model_dump(mode="json"), after.model_dump(mode="json"))
    if not fields:
        return None
    return DocumentChange(
        "config", CONFIG_FILE, "changed", "settings", CONFIG_FILE, fields=tuple(fields)
    )


def _edited(
    key: tuple[str, str], previous: Located[Document], doc: Located[Document]
) -> DocumentChange | None:
    fields = tuple(
        field_changes(previous.model.model_dump(mode="json"), doc.model.model_dump(mode="json"))
    )
    moved = previous.file != doc.file
    if not fields and not moved:
        return None
    status: Change = "changed" if fields else "moved"
    before_file = previous.file if moved else None
    return DocumentChange(*key, status, _name(doc), doc.file, before_file, fields)


def _by_key(documents: list[Located[Document]]) -> dict[tuple[str, str], Located[Document]]:
    found: dict[tuple[str, str], Located[Document]] = {}
    for doc in documents:
        kind = getattr(doc.model, "kind", type(doc.model).__name__.lower())
        found.setdefault((kind, doc.model.id), doc)
    return found


def _name(doc: Located[Document]) -> str:
    return str(getattr(doc.model, "title", None) or getattr(doc.model, "name", None) or "")
