"""pydantic `ValidationError`s rewritten in the user's words, at the user's line and column."""

from __future__ import annotations

import datetime
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from journeyops.core.diagnostics import Problem
from journeyops.core.sourcemap import Path, SourceMap
from journeyops.core.suggest import closest, did_you_mean, slugify
from journeyops.load.field_lookup import field_description, field_names
from journeyops.model.base import INPUT_NAME_PATTERN, SLUG_PATTERN
from journeyops.model.insight import Url

_URL_PATTERN = typing.get_args(Url)[1].pattern
_TYPE_NAMES = {
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


def translate(
    error: ValidationError, model: type[BaseModel], source: SourceMap, file: str
) -> list[Problem]:
    details: list[ErrorDetails] = []
    for detail in error.errors(include_url=False):
        detail["loc"] = _without_branch_labels(tuple(detail["loc"]), source)
        details.append(detail)
    details = _merge_union_branches(details, source)
    return [_one(d, model, source, file) for d in details if not _explained_by_typo(d, details)]


def _merge_union_branches(details: list[ErrorDetails], source: SourceMap) -> list[ErrorDetails]:
    """A value that fits no branch of `number | percentage` fails once per branch, at `loc`s
    ending in a branch label ('float', 'constrained-str') that is no key the user wrote."""
    merged: list[ErrorDetails] = []
    expected: dict[tuple[Any, ...], list[str]] = {}
    for detail in details:
        loc = tuple(detail["loc"])
        words = _branch_words(detail)
        is_branch = len(loc) > 1 and isinstance(loc[-1], str) and not source.has_key(loc)
        if not (is_branch and words):
            merged.append(detail)
            continue
        if loc[:-1] not in expected:
            expected[loc[:-1]] = []
            merged.append({**detail, "loc": loc[:-1], "type": "union_branches"})
        expected[loc[:-1]].append(words)
    for detail in merged:
        if detail["type"] == "union_branches":
            detail["ctx"] = {"expected": " or ".join(expected[tuple(detail["loc"])])}
    return merged


def _branch_words(detail: ErrorDetails) -> str:
    if detail["type"] == "string_pattern_mismatch" and "%" in str(
        detail.get("ctx", {}).get("pattern", "")
    ):
        return 'a percentage such as "80%"'
    return _TYPE_NAMES.get(detail["type"], "")


def _explained_by_typo(detail: ErrorDetails, details: list[ErrorDetails]) -> bool:
    """`nmae: Maya` gives 'missing name' and 'unknown nmae'; the second says it all."""
    if detail["type"] != "missing":
        return False
    loc = tuple(detail["loc"])
    return any(
        other["type"] == "extra_forbidden"
        and tuple(other["loc"][:-1]) == loc[:-1]
        and closest(str(other["loc"][-1]), [str(loc[-1])]) is not None
        for other in details
    )


def _one(detail: ErrorDetails, model: type[BaseModel], source: SourceMap, file: str) -> Problem:
    loc: Path = tuple(detail["loc"])
    kind = detail["type"]
    on_key = bool(loc) and loc[-1] == "[key]"  # pydantic's marker: the key itself is wrong
    if on_key:
        loc = loc[:-1]
        kind = "invalid_key" if kind == "string_type" else kind
    name = _display(loc)
    value = detail.get("input")
    ctx = detail.get("ctx", {})
    hint: str | None = None
    if kind == "invalid_key":
        return _invalid_key(loc, source, file)
    if kind == "union_branches":
        message = f"{name} must be {ctx.get('expected')}, not {_describe(value)}"
        return Problem(message, file, source.span(loc), None)
    if kind == "union_tag_invalid":
        tag = str(ctx.get("tag", ""))
        expected = str(ctx.get("expected_tags", ""))
        message = f"{name}: unknown type '{tag}'; use one of {expected}"
        hint = did_you_mean(tag, [t.strip(" '") for t in expected.split(",")])
        return Problem(message, file, source.span((*loc, "type")), hint)
    if kind == "missing":
        field = str(loc[-1])
        message = f"missing required field '{field}'" + (
            f" in {_display(loc[:-1])}" if loc[:-1] else ""
        )
        description = field_description(model, loc)
        hint = f"add `{field}:`" + (
            f": {_lower_first(description).rstrip('.')}" if description else ""
        )
    elif kind == "extra_forbidden":
        field = str(loc[-1])
        message = f"unknown field '{field}'" + (f" in {_display(loc[:-1])}" if loc[:-1] else "")
        allowed = field_names(model, loc[:-1])
        match = closest(field, allowed)
        if match:
            hint = f"did you mean '{match}'?"
        elif allowed:
            hint = "allowed fields: " + ", ".join(allowed)
    elif kind == "literal_error":
        expected = ctx.get("expected", "")
        message = f"{name}: '{value}' is not allowed; use {expected}"
        options = [o.strip(" '") for o in expected.replace(" or ", ", ").split(",")]
        match = closest(str(value), options)
        hint = f"did you mean '{match}'?" if match else None
    elif kind == "string_pattern_mismatch":
        message, hint = _pattern(name, str(value), ctx.get("pattern", ""))
    elif kind in _TYPE_NAMES:
        message = f"{name} must be {_TYPE_NAMES[kind]}, not {_describe(value)}"
        if isinstance(value, str) and _looks_numeric(value) and kind in ("int_type", "float_type"):
            hint = "remove the quotes around the number"
    else:
        message = f"{name}: {_lower_first(detail['msg'])}"
    span = source.span(loc, key=on_key or kind == "extra_forbidden")
    return Problem(message, file, span, hint)


def _without_branch_labels(loc: Path, source: SourceMap) -> Path:
    """pydantic names the union member it tried inside `loc` (`models.ice.ice.inputs`).
    It only descends into data that exists, so an inner part of `loc` that is not in the
    source map is such a label, not the user's key."""
    kept: list[Any] = []
    for index, part in enumerate(loc):
        candidate = (*kept, part)
        inner = index < len(loc) - 1
        if inner and isinstance(part, str) and not source.has_value(candidate) and part != "[key]":
            continue
        kept.append(part)
    return tuple(kept)


def _invalid_key(loc: Path, source: SourceMap, file: str) -> Problem:
    """A key YAML read as null, a number, a date or a boolean. pydantic puts the key into
    `loc` as a string, so the real key is found again among the source map's keys."""
    parent, shown = loc[:-1], str(loc[-1]) if loc else ""
    key: Any = shown
    for path in source.key_paths():
        if path[:-1] == parent and not isinstance(path[-1], str) and shown in _spellings(path[-1]):
            key = path[-1]
            break
    written = _as_yaml(key)
    message = f"the key '{written}' is read as {_kind_of(key)}, but keys must be text"
    if parent:
        message += f" (in {_display(parent)})"
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


def _display(loc: Path) -> str:
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
