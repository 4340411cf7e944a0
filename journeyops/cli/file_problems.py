"""Problems in a workspace's files, for commands that load the workspace to do something
else (score, render, diff): reported on stderr as diagnostics, never silently dropped."""

from __future__ import annotations

from pathlib import Path

from journeyops.cli.console import path_display, stderr_console
from journeyops.core.diagnostics import Diagnostic, Finding
from journeyops.report import ReportContext
from journeyops.report.text import TextReporter
from journeyops.rules import RULES
from journeyops.rules.validation import ValidationResult
from journeyops.scoring.ranking import Ranking


def config_diagnostics(problems: list[Finding]) -> list[Diagnostic]:
    return [RULES["JO011"].diagnose(p) for _, p in problems]


def load_diagnostics(
    load_problems: list[Finding], ranking: Ranking | None = None
) -> list[Diagnostic]:
    """File errors, and invalid scoring inputs (JO502): both keep documents out of what the
    command shows. Warnings are `validate`'s business."""
    found = [RULES.named(name).diagnose(p) for name, p in load_problems]
    if ranking is not None:
        found += [RULES["JO502"].diagnose(p) for p in ranking.problems]
    return sorted(d for d in found if d.is_error)


def print_diagnostics(
    diagnostics: list[Diagnostic], root: Path, revision: str | None = None
) -> None:
    """On stderr; files of a git revision are shown as git names them (`main:file.yaml`)."""
    if diagnostics:
        display = path_display(root) if revision is None else (lambda f: f"{revision}:{f}")
        context = ReportContext(display=display)
        text = TextReporter(context).render(
            ValidationResult(diagnostics, sorted({d.file for d in diagnostics}))
        )
        stderr_console().file.write(text)
