"""Problems in a workspace's files as diagnostics, for commands that load the workspace to do
something else (score, render, diff, metrics): shown on stderr, never silently dropped."""

from __future__ import annotations

from journeyops.core.diagnostics import Diagnostic, Finding, Problem
from journeyops.rules import RULES
from journeyops.scoring.ranking import Ranking


def config_diagnostics(problems: list[Problem]) -> list[Diagnostic]:
    """Problems in journeyops.yaml: JO011, whatever part of it they are in."""
    return [RULES["JO011"].diagnose(p) for p in problems]


def load_diagnostics(
    load_problems: list[Finding], ranking: Ranking | None = None
) -> list[Diagnostic]:
    """File errors, and invalid scoring inputs (JO502): both keep documents out of what the
    command shows. Warnings are `validate`'s business."""
    found = [RULES.named(name).diagnose(p) for name, p in load_problems]
    if ranking is not None:
        found += [RULES["JO502"].diagnose(p) for p in ranking.problems]
    return sorted(d for d in found if d.is_error)
