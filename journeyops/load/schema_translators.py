"""One translator per pydantic error type: each turns an error into a finding in the user's
words (a message, a hint, the span to point at). `TRANSLATORS` is the table; an error type
without an entry keeps pydantic's own message, at its place."""

from __future__ import annotations

import datetime
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from journeyops.core.diagnostics import Problem
from journeyops.core.sourcemap import Path, SourceMap
from journeyops.core.suggest import did_you_mean, slugify
from journeyops.load.field_lookup import field_description, field_names
from journeyops.model.base import INPUT_NAME_PATTERN, SLUG_PATTERN
from journeyops.model.insight import Url

_URL_PATTERN = typing.get_args(Url)[1].pattern
TYPE_NAMES = {
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "string_type": "text",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "date_type": "a date (YYYY-MM-DD)",
    "literal_error": "one of the allowed values",
}


@dataclass(frozen=True)
class SchemaError:
    """One pydantic error, with what a translator needs to say it in the user's words."""

    kind: str  # pydantic's error type (`invalid_key` for a key that is not text)
    loc: Path  # where, as the source map's path (the key itself when `on_key`)
    on_key: bool
    value: Any
    ctx: dict[str, Any]
    msg: str
    model: type[BaseModel]
    source: SourceMap
    file: str

    @property
    def name(self) -> str:
        return display(self.loc)

    def at(self, message: str, hint: str | None = None, *, key: bool = False) -> Problem:
        """A finding at the value (or, with `key` or for an error on a key, the key)."""
        span = self.source.span(self.loc, key=key or self.on_key)
        return Problem(message, self.file, span, hint)


def _union_branches(error: SchemaError) -> Problem:
    message = f"{error.name} must be {error.ctx.get('expected')}, not {_describe(error.value)}"
    return Problem(message, error.file, error.source.span(error.loc), None)


def _union_tag(error: SchemaError) -> Problem:
    tag = str(error.ctx.get("tag", ""))
    expected = str(error.ctx.get("expected_tags", ""))
    message = f"{error.name}: unknown type '{tag}'; use one of {expected}"
    hint = did_you_mean(tag, [t.strip(" '") for t in expected.split(",")])
    return Problem(message, error.file, error.source.span((*error.loc, "type")), hint)


def _missing(error: SchemaError) -> Problem:
    loc = error.loc
    field = str(loc[-1])
    message = f"missing required field '{field}'" + (f" in {display(loc[:-1])}" if loc[:-1] else "")
    description = field_description(error.model, loc)
    hint = f"add `{field}:`" + (f": {_lower_first(description).rstrip('.')}" if description else "")
    return error.at(message, hint)


def _extra(error: SchemaError) -> Problem:
    loc = error.loc
    field = str(loc[-1])
    message = f"unknown field '{field}'" + (f" in {display(loc[:-1])}" if loc[:-1] else "")
    allowed = field_names(error.model, loc[:-1])
    hint = did_you_mean(field, allowed)
    if hint is None and allowed:
        hint = "allowed fields: " + ", ".join(allowed)
    return error.at(message, hint, key=True)


def _literal(error: SchemaError) -> Problem:
    expected = error.ctx.get("expected", "")
    message = f"{error.name}: '{error.value}' is not allowed; use {expected}"
    options = [o.strip(" '") for o in expected.replace(" or ", ", ").split(",")]
    return error.at(message, did_you_mean(str(error.value), options))


def _pattern_mismatch(error: SchemaError) -> Problem:
    return error.at(*_pattern(error.name, str(error.value), error.ctx.get("pattern", "")))


def _wrong_type(error: SchemaError) -> Problem:
    value = error.value
    message = f"{error.name} must be {TYPE_NAMES[error.kind]}, not {_describe(value)}"
    quoted = isinstance(value, str) and _looks_numeric(value)
    numeric = error.kind in ("int_type", "float_type")
    return error.at(message, "remove the quotes around the number" if quoted and numeric else None)


def other(error: SchemaError) -> Problem:
    """Any other error type: pydantic's own message, at its place."""
    return error.at(f"{error.name}: {_lower_first(error.msg)}")


def _invalid_key(error: SchemaError) -> Problem:
    """A key YAML read as null, a number, a date or a boolean. pydantic puts the key into
    `loc` as a string, so the real key is found again among the source map's keys."""
    loc, source, file = error.loc, error.source, error.file
    parent, shown = loc[:-1], str(loc[-1]) if loc else ""
    key: Any = shown
    for path in source.key_paths():
        if path[:-1] == parent and not isinstance(path[-1], str) and shown in _spellings(path[-1]):
            key = path[-1]
            break
    written = _as_yaml(key)
    message = f"the key '{written}' is read as {_kind_of(key)}, but keys must be text"
    if parent:
        message += f" (in {display(parent)})"
    return Problem(message, file, source.span((*parent, key), key=True), f"quote it: '{written}':")


def _spellings(key: Any) -> set[str]:
    """How pydantic may have turned a key into a string (`True` becomes '1')."""
    spellings = {str(key), repr(key)}
    if isinstance(key, bool):
        spellings.add(str(int(key)))
    return spellings


def _as_yaml(key: Any) -> str:
    if key is None:
        return "~"
    if isinstance(key, bool):
        return str(key).lower()
    return str(key)


def _kind_of(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, datetime.date):
        return "a date"
    return "a value"


def _pattern(name: str, value: str, pattern: str) -> tuple[str, str]:
    if pattern == SLUG_PATTERN:
        return (
            f"{name} '{value}' is not a valid id",
            f"use lowercase letters, digits and single hyphens, e.g. '{slugify(value)}'",
        )
    if pattern == INPUT_NAME_PATTERN:
        example = slugify(value).replace("-", "_")
        return (
            f"{name} '{value}' is not a valid input name",
            f"use lowercase letters, digits, '_' and '-', e.g. '{example}'",
        )
    if pattern == _URL_PATTERN:
        return f"{name} '{value}' is not a URL", "write a full address starting with https://"
    parts = pattern.count("/") + 1
    shape = "/".join(("journey-id", "step-id", "pain-id")[:parts])
    return f"{name} '{value}' is not a reference of the form '{shape}'", f"write `{shape}`"


def display(loc: Path) -> str:
    """`('stages', 0, 'steps', 2, 'emotion')` -> `stages[0].steps[2].emotion`."""
    out = ""
    for part in loc:
        if isinstance(part, str):
            out += f".{part}" if out else part
        else:  # list index, or a key YAML read as a number, date or null
            out += f"[{part!r}]"
    return out or "document"


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, str):
        return f"the text '{value}'" if len(value) < 40 else "text"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {value!r}"


def _looks_numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


# The table: pydantic's error type -> its translator (`other` for any type not named).
TRANSLATORS: dict[str, Callable[[SchemaError], Problem]] = {
    **dict.fromkeys(TYPE_NAMES, _wrong_type),
    "invalid_key": _invalid_key,
    "union_branches": _union_branches,
    "union_tag_invalid": _union_tag,
    "missing": _missing,
    "extra_forbidden": _extra,
    "literal_error": _literal,
    "string_pattern_mismatch": _pattern_mismatch,
}
