"""The rule engine: runs every rule's check and attaches the rule's id, name and severity.

A check reports only what is wrong and where (a `Problem`); it never decides its own id or
severity, so that configuration (per-rule severity, suppressions) lives in one place.
"""

from __future__ import annotations

import datetime
import inspect
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from journeyops.diagnostics import Diagnostic, Problem, Severity
from journeyops.load.suppressions import Suppression
from journeyops.model.facts import Index
from journeyops.model.workspace import Workspace
from journeyops.rules.suppression import apply_suppressions

if TYPE_CHECKING:
    from journeyops.rules.policy import Policy


@dataclass(frozen=True)
class RunOptions:
    """What a check may depend on besides the workspace."""

    today: datetime.date = field(default_factory=datetime.date.today)


# A check sees either a workspace of typed documents, any subset of the files (a document
# check: its findings in a file depend on that file alone, so they can be cached with it),
# or every document's facts (a cross-file check, run over the whole workspace every time).
Check = Callable[[Workspace, RunOptions], Iterable[Problem]]
CrossCheck = Callable[[Index, RunOptions], Iterable[Problem]]
Found = tuple[str, Problem]  # a rule's name and what it found, before policy


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    severity: Severity
    summary: str
    check: Check | None = None
    doc: str = ""
    across: CrossCheck | None = None
    # Neither check: the loader finds these problems while reading files (JO0xx).

    @property
    def docs(self) -> str:
        """The full explanation with a bad and a good example."""
        source = self.check or self.across
        return inspect.cleandoc(self.doc or (source.__doc__ if source else "") or "")

    def diagnose(self, problem: Problem, severity: Severity | None = None) -> Diagnostic:
        return Diagnostic(
            file=problem.file,
            span=problem.span,
            rule=self.id,
            name=self.name,
            severity=severity or self.severity,
            message=problem.message,
            hint=problem.hint,
        )


def check_documents(
    rules: Mapping[str, Rule], workspace: Workspace, policy: Policy, options: RunOptions
) -> list[Found]:
    """What the enabled document checks find in these documents."""
    return [
        (rule.name, problem)
        for rule in rules.values()
        if rule.check is not None and policy.runs(rule.id)
        for problem in rule.check(workspace, options)
    ]


def check_across(
    rules: Mapping[str, Rule], index: Index, policy: Policy, options: RunOptions
) -> list[Found]:
    """What the enabled cross-file checks find in the whole workspace."""
    return [
        (rule.name, problem)
        for rule in rules.values()
        if rule.across is not None and policy.runs(rule.id)
        for problem in rule.across(index, options)
    ]


def finish(
    rules: Mapping[str, Rule],
    found: Iterable[Found],
    *,
    policy: Policy,
    suppressions: Mapping[str, list[Suppression]],
    unsettled: Callable[[str, str], bool] | None = None,
) -> list[Diagnostic]:
    """Diagnostics for everything found, at the severity the policy gives them, minus
    suppressed ones, plus suppressions that suppressed nothing; sorted by file and position.
    A suppression of a rule that `unsettled(file, rule id)` could not fully check in its
    file is not called unused: the finding it suppresses may be the one not found."""
    by_name = {rule.name: rule for rule in rules.values()}
    diagnostics: list[Diagnostic] = []

    def report(name: str, problem: Problem) -> None:
        rule = by_name[name]
        severity = policy.severity(rule.id, problem.file)
        if severity is not None:
            diagnostics.append(rule.diagnose(problem, severity))

    for name, problem in found:
        report(name, problem)
    kept, unused = apply_suppressions(diagnostics, suppressions, rules, unsettled)
    diagnostics = kept
    for name, problem in unused:
        report(name, problem)
    return sorted(set(diagnostics))
