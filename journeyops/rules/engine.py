"""The rule engine: runs every rule's check and attaches the rule's id, name and severity.

A check reports only what is wrong and where (a `Problem`); it never decides its own id or
severity, so that configuration (per-rule severity, suppressions) lives in one place.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from journeyops.diagnostics import Diagnostic, Problem, Severity
from journeyops.model.workspace import Workspace

Check = Callable[[Workspace], Iterable[Problem]]


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

    def diagnose(self, problem: Problem) -> Diagnostic:
        return Diagnostic(
            file=problem.file,
            span=problem.span,
            rule=self.id,
            name=self.name,
            severity=self.severity,
            message=problem.message,
            hint=problem.hint,
        )


def run(
    rules: Mapping[str, Rule],
    workspace: Workspace,
    load_problems: Iterable[tuple[str, Problem]],
) -> list[Diagnostic]:
    """Diagnostics from loading plus those of every check, sorted by file and position."""
    by_name = {rule.name: rule for rule in rules.values()}
    found = [by_name[name].diagnose(problem) for name, problem in load_problems]
    for rule in rules.values():
        if rule.check is not None:
            found.extend(rule.diagnose(problem) for problem in rule.check(workspace))
    return sorted(set(found))
