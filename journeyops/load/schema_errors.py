"""pydantic `ValidationError`s rewritten in the user's words, at the user's line and column."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from journeyops.core.diagnostics import Problem
from journeyops.core.sourcemap import Path, SourceMap
from journeyops.core.suggest import closest
from journeyops.load.schema_translators import TRANSLATORS, TYPE_NAMES, SchemaError, other


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
    return TYPE_NAMES.get(detail["type"], "")


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
    ctx = dict(detail.get("ctx", {}))
    error = SchemaError(
        kind, loc, on_key, detail.get("input"), ctx, detail["msg"], model, source, file
    )
    return TRANSLATORS.get(kind, other)(error)


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
