"""Changing fields of opportunity documents in their YAML text, keeping everything else.

A file is cut into its documents at their `---` lines; only a document that changes is
loaded with ruamel.yaml's round-trip loader, changed field by field, and dumped again with
the indentation it was written with. Every other document, and every byte around the
changed one, stays as it was, so comments survive. Lists are changed item by item, so a
comment on a kept item stays with it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import DocumentStartEvent
from ruamel.yaml.scalarstring import LiteralScalarString
from ruamel.yaml.util import load_yaml_guess_indent

from journeyops.authoring.csv_export import SCORES
from journeyops.model import Opportunity

FIELD_ORDER = ("kind", "id", *(f for f in Opportunity.model_fields if f not in ("kind", "id")))


class Unparsable(Exception):
    """ruamel.yaml cannot read the file: it is never rewritten."""


@dataclass(frozen=True)
class Change:
    """One field of one document: `title`, `steps` or `scores.reach`, from `before` to
    `after` (None: the field is removed)."""

    field: str
    before: Any
    after: Any


@dataclass(frozen=True)
class Segment:
    prefix: str  # the `---` line, kept as written
    body: str


def segments(text: str) -> list[Segment]:
    """The file's documents as text, in order; joined they are the file again."""
    try:
        events = list(YAML().parse(text))
    except YAMLError as error:
        raise Unparsable(str(error)) from None
    starts = [e.start_mark.index for e in events if isinstance(e, DocumentStartEvent)]
    explicit = [bool(e.explicit) for e in events if isinstance(e, DocumentStartEvent)]
    bounds = [0, *starts[1:], len(text)]
    out = []
    for i in range(len(starts)):
        piece = text[bounds[i] : bounds[i + 1]]
        prefix = ""
        if explicit[i]:
            at = starts[i] - bounds[i]
            end = piece.find("\n", at) + 1 or len(piece)
            if piece[at:end].split("#", 1)[0].strip() == "---":
                prefix = piece[:end]
        out.append(Segment(prefix, piece[len(prefix) :]))
    return out


def documents(text: str) -> list[Any]:
    """Every document's value, as ruamel.yaml's round-trip loader reads it."""
    try:
        return [_yaml().load(s.body) for s in segments(text)]
    except YAMLError as error:
        raise Unparsable(str(error)) from None


def rewrite(text: str, changes: dict[int, list[Change]]) -> str:
    """`text` with the changes of each document (by its number in the file) applied."""
    parts = segments(text)
    out = []
    for index, segment in enumerate(parts):
        body = segment.body
        if changes.get(index):
            _, indent, dash = load_yaml_guess_indent(body)
            yaml = _yaml()
            if dash is None:
                yaml.indent(mapping=indent or 2, sequence=indent or 2, offset=0)
            else:
                yaml.indent(mapping=2, sequence=indent, offset=dash)
            data = yaml.load(body)
            for change in changes[index]:
                _apply(data, change)
            buffer = io.StringIO()
            yaml.dump(data, buffer)
            body = buffer.getvalue()
            if segment.body.replace("\r\n", "\n").endswith("\n\n"):  # a blank line before `---`
                body += "\n"
            if "\r\n" in segment.body:  # a file with Windows line ends keeps them
                body = body.replace("\r\n", "\n").replace("\n", "\r\n")
        out.append(segment.prefix + body)
    return "".join(out)


def new_file(values: dict[str, Any]) -> str:
    """A new opportunity file: its fields in the schema's order, lists in flow style."""
    data = CommentedMap()
    for name in FIELD_ORDER:
        if name in values:
            data[name] = _node(name, values[name])
    buffer = io.StringIO()
    _yaml().dump(data, buffer)
    return buffer.getvalue()


def _yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # a long title stays on its line
    return yaml


def _apply(data: CommentedMap, change: Change) -> None:
    name, after = change.field, change.after
    if name.startswith(SCORES):
        key = name.removeprefix(SCORES)
        scores = data.get("scores")
        if not isinstance(scores, dict):
            if after is None:
                return
            scores = CommentedMap()
            _insert(data, "scores", scores)
        if after is None:
            scores.pop(key, None)
            if not scores:
                del data["scores"]
        else:
            scores[key] = after
        return
    if after is None:
        data.pop(name, None)
    elif isinstance(after, list) and isinstance(data.get(name), list):
        _update_list(data[name], after)
    elif name in data:
        data[name] = _node(name, after)
    else:
        _insert(data, name, _node(name, after))


def _insert(data: CommentedMap, name: str, value: Any) -> None:
    """A new field after the fields that come before it in the schema."""
    before = FIELD_ORDER[: FIELD_ORDER.index(name)]
    keys = list(data)
    position = max((keys.index(k) + 1 for k in keys if k in before), default=len(keys))
    data.insert(position, name, value)


def _update_list(items: CommentedSeq, new: list[str]) -> None:
    """Items removed and added in place (comments stay on their items); a reordered list
    is replaced."""
    for i in reversed(range(len(items))):
        if items[i] not in new:
            del items[i]
    kept = list(items)
    if kept != [x for x in new if x in kept] or len(set(kept)) != len(kept):
        items.clear()
        items.extend(new)
        return
    for position, item in enumerate(new):
        if position >= len(items) or items[position] != item:
            items.insert(position, item)


def _node(name: str, value: Any) -> Any:
    if isinstance(value, list):
        seq = CommentedSeq(value)
        seq.fa.set_flow_style()
        return seq
    if isinstance(value, dict):
        mapping = CommentedMap()
        mapping.update(value)
        return mapping
    if isinstance(value, str) and "\n" in value and _literal_safe(value):
        return LiteralScalarString(value)
    return value


def _literal_safe(text: str) -> bool:
    """Whether a `|` block holds `text` exactly: no line ends in blanks, none starts with
    one where the block's indentation would be guessed, nothing a block cannot carry. Other
    multi-line text is written in double quotes, with `\\n` escapes."""
    lines = text.split("\n")
    if any(line != line.rstrip(" \t") for line in lines) or text[:1] in (" ", "\t", "\n"):
        return False
    return all(ch.isprintable() or ch == "\n" for ch in text)
