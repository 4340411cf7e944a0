"""Applying inline suppressions, and reporting the ones that suppress nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from journeyops.core.diagnostics import Diagnostic, Finding, Problem, Span
from journeyops.core.suggest import did_you_mean
from journeyops.load.suppression_comments import Suppression

if TYPE_CHECKING:
    from journeyops.rules.engine import Registry

UNUSED = "unused-suppression"


def apply_suppressions(
    found: Iterable[Diagnostic],
    suppressions: Mapping[str, list[Suppression]],
    rules: Registry,
    unsettled: Callable[[str, str], bool] | None = None,
) -> tuple[list[Diagnostic], list[Finding]]:
    """The diagnostics no comment suppresses, and one problem per suppression (per rule
    named in it) that suppressed nothing, unless `unsettled(file, rule id)`."""
    rule_of = {name: rule.id for name in rules.names() if (rule := rules.resolve(name))}
    used: set[tuple[str, int, str]] = set()
    kept = []
    for diagnostic in found:
        hit = _suppressing(diagnostic, suppressions.get(diagnostic.file, ()), rule_of)
        if hit is None:
            kept.append(diagnostic)
        else:
            used.add((diagnostic.file, *hit))
    unused = []
    for file, items in suppressions.items():
        for index, suppression in enumerate(items):
            for name in suppression.names:
                if (file, index, name) in used:
                    continue
                if unsettled is not None and name in rule_of and unsettled(file, rule_of[name]):
                    continue
                unused.append(Finding(UNUSED, _unused(file, suppression, name, rule_of)))
    return kept, unused


def _suppressing(
    diagnostic: Diagnostic, items: Iterable[Suppression], rule_of: Mapping[str, str]
) -> tuple[int, str] | None:
    for index, suppression in enumerate(items):
        if suppression.covers(diagnostic.span.line):
            for name in suppression.names:
                if rule_of.get(name) == diagnostic.rule:
                    return index, name
    return None


def _unused(file: str, suppression: Suppression, name: str, rule_of: Mapping[str, str]) -> Problem:
    span = Span(suppression.line, suppression.column, suppression.line, suppression.end_column)
    if name not in rule_of:
        hint = did_you_mean(name, rule_of) or "`journeyops rules` lists every rule"
        return Problem(f"the suppression names an unknown rule '{name}'", file, span, hint)
    where = "in this file" if suppression.whole_file else "on this line or the next"
    return Problem(
        f"the suppression of {name} suppresses nothing: there is no {name} finding {where}",
        file,
        span,
        f"remove '{name}' from the comment",
    )
