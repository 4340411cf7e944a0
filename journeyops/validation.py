"""`validate` as a library call: load a workspace, run every rule, return diagnostics."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from journeyops.diagnostics import Diagnostic
from journeyops.load.sources import WorkspaceSource
from journeyops.load.workspace import ConfigError, load_workspace
from journeyops.rules import RULES, RULES_BY_NAME, run


@dataclass(frozen=True)
class ValidationResult:
    diagnostics: list[Diagnostic]
    files_checked: int
    config_error: bool = False
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.is_error)

    @property
    def warnings(self) -> int:
        return len(self.diagnostics) - self.errors


def validate(source: WorkspaceSource, only: str | None = None) -> ValidationResult:
    """Check the whole workspace; with `only` (a relative file or folder), report only the
    findings in it. Everything is still loaded, so references into other files resolve."""
    try:
        loaded = load_workspace(source)
    except ConfigError as error:
        config = RULES_BY_NAME["config"]
        return ValidationResult([config.diagnose(p) for _, p in error.problems], 0, True)
    diagnostics = run(RULES, loaded.workspace, loaded.problems)
    files = loaded.workspace.files
    if only:
        diagnostics = [d for d in diagnostics if _inside(d.file, only)]
        files = [f for f in files if _inside(f, only)]
    counts = Counter(type(doc.model).__name__.lower() for doc in loaded.workspace.documents)
    return ValidationResult(diagnostics, len(files), counts=dict(counts))


def _inside(path: str, folder_or_file: str) -> bool:
    prefix = folder_or_file.rstrip("/")
    return path == prefix or path.startswith(prefix + "/")
