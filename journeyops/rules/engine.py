"""The rule engine: runs every rule's check and attaches the rule's id, name and severity.

A check reports only what is wrong and where (a `Problem`); it never decides its own id or
severity, so that configuration (per-rule severity, suppressions) lives in one place.
"""

from __future__ import annotations

import datetime
import inspect
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from journeyops.core.diagnostics import Diagnostic, Finding, Problem, Severity
from journeyops.load.suppression_comments import Suppression
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


class Registry(Mapping[str, Rule]):
    """Every rule by id, and the one lookup of a rule by what a person may call it."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self._by_id = {rule.id: rule for rule in rules}
        self._by_name = {rule.name: rule for rule in self._by_id.values()}

    def __getitem__(self, rule_id: str) -> Rule:
        return self._by_id[rule_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)

    def resolve(self, name_or_id: str, *, any_case: bool = False) -> Rule | None:
        """The rule with this id (`JO301`) or name (`journey-without-owner`); with
        `any_case`, as a person types it on the command line (`jo301`)."""
        found = self._by_id.get(name_or_id) or self._by_name.get(name_or_id)
        if found is None and any_case:
            found = self._by_id.get(name_or_id.upper()) or self._by_name.get(name_or_id.lower())
        return found

    def named(self, name: str) -> Rule:
        """The rule a finding names (the loader and the checks name rules by name); a name
        that is no rule is a bug in journeyops, so KeyError."""
        return self._by_name[name]

    def names(self) -> list[str]:
        """Every id and name, for "did you mean"."""
        return [*self._by_id, *self._by_name]


def check_documents(
    rules: Registry, workspace: Workspace, policy: Policy, options: RunOptions
) -> list[Finding]:
    """What the enabled document checks find in these documents."""
    return [
        Finding(rule.name, problem)
        for rule in rules.values()
        if rule.check is not None and policy.runs(rule.id)
        for problem in rule.check(workspace, options)
    ]


def check_across(
    rules: Registry, index: Index, policy: Policy, options: RunOptions
) -> list[Finding]:
    """What the enabled cross-file checks find in the whole workspace."""
    return [
        Finding(rule.name, problem)
        for rule in rules.values()
        if rule.across is not None and policy.runs(rule.id)
        for problem in rule.across(index, options)
    ]


def finish(
    rules: Registry,
    found: Iterable[Finding],
    *,
    policy: Policy,
    suppressions: Mapping[str, list[Suppression]],
    unsettled: Callable[[str, str], bool] | None = None,
) -> list[Diagnostic]:
    """Diagnostics for everything found, at the severity the policy gives them, minus
    suppressed ones, plus suppressions that suppressed nothing; sorted by file and position.
    A suppression of a rule that `unsettled(file, rule id)` could not fully check in its
    file is not called unused: the finding it suppresses may be the one not found."""
    diagnostics: list[Diagnostic] = []

    def report(name: str, problem: Problem) -> None:
        rule = rules.named(name)
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
