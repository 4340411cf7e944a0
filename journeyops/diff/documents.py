"""Which documents a change added, removed, moved or edited, and how."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from journeyops.diff.fields import FieldChange, field_changes
from journeyops.load.sources import CONFIG_FILE
from journeyops.model.base import Document
from journeyops.model.config import Config
from journeyops.model.workspace import Located

Change = Literal["added", "removed", "changed", "moved", "unloadable"]
KIND_ORDER = ("config", "journey", "persona", "insight", "opportunity")


@dataclass(frozen=True)
class DocumentChange:
    kind: str
    id: str
    change: Change
    name: str  # title or name, as it reads after the change (before, for a removal)
    file: str  # where it is after the change (before, for a removal)
    before_file: str | None = None  # where it was, when it moved
    fields: tuple[FieldChange, ...] = field(default=())

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
    for key, doc in old.items():
        if key not in new:
            status: Change = "unloadable" if key in unloadable_after else "removed"
            changes.append(DocumentChange(*key, status, _name(doc), doc.file))
    for key, doc in new.items():
        previous = old.get(key)
        if previous is None:
            status = "unloadable" if key in unloadable_before else "added"
            changes.append(DocumentChange(*key, status, _name(doc), doc.file))
        elif previous.model is not doc.model:  # the same object when its file is unchanged
            found = _edited(key, previous, doc)
            if found is not None:
                changes.append(found)
    return sorted(changes, key=lambda c: c.order)


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
