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
from journeyops.model.workspace import Workspace
from journeyops.rules.suppression import apply_suppressions

if TYPE_CHECKING:
    from journeyops.rules.policy import Policy


@dataclass(frozen=True)
class RunOptions:
    """What a check may depend on besides the workspace."""

    today: datetime.date = field(default_factory=datetime.date.today)


Check = Callable[[Workspace, RunOptions], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    severity: Severity
    summary: str
    # None: the loader finds these problems while reading files (the JO0xx family).
    check: Check | None = None
    doc: str = ""

    @property
    def docs(self) -> str:
        """The full explanation with a bad and a good example."""
        return inspect.cleandoc(self.doc or (self.check.__doc__ if self.check else "") or "")

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


def run(
    rules: Mapping[str, Rule],
    workspace: Workspace,
    load_problems: Iterable[tuple[str, Problem]],
    *,
    policy: Policy,
    suppressions: Mapping[str, list[Suppression]],
    options: RunOptions,
) -> list[Diagnostic]:
    """Diagnostics from loading plus those of every enabled check, at the severity the policy
    gives them, minus suppressed ones, sorted by file and position."""
    by_name = {rule.name: rule for rule in rules.values()}
    found: list[Diagnostic] = []

    def report(rule: Rule, problem: Problem) -> None:
        severity = policy.severity(rule.id, problem.file)
        if severity is not None:
            found.append(rule.diagnose(problem, severity))

    for name, problem in load_problems:
        report(by_name[name], problem)
    for rule in rules.values():
        if rule.check is not None and policy.runs(rule.id):
            for problem in rule.check(workspace, options):
                report(rule, problem)
    kept, unused = apply_suppressions(found, suppressions, rules)
    found = kept
    for name, problem in unused:
        report(by_name[name], problem)
    return sorted(set(found))
