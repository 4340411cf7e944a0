"""`validate --changed-since REF`: a result narrowed to what a change is responsible for."""

from __future__ import annotations

from dataclasses import dataclass, replace

from journeyops.core.diagnostics import Diagnostic
from journeyops.rules.validation import ValidationResult


@dataclass(frozen=True)
class ChangeScope:
    """How `--changed-since` narrowed a result."""

    revision: str
    changed_files: int
    # Findings shown although their file is unchanged: new since the revision, so the
    # change broke something there (a renamed id, say).
    in_unchanged_files: int
    # Findings left out: in unchanged files, and already there at the revision.
    left_out: int
    # Unchanged files with a finding shown (those of `in_unchanged_files`).
    files_affected: int = 0


def only_changes(
    result: ValidationResult, before: ValidationResult, changed: set[str], revision: str
) -> ValidationResult:
    """Narrow `result` to what a change is responsible for: every finding in a changed file,
    and findings elsewhere that were not there before (`before` is the same workspace
    validated at `revision`)."""
    if result.config_error:
        return result
    existed = {_identity(d) for d in before.diagnostics} if not before.config_error else set()
    kept, caused, left_out = [], 0, 0
    for diagnostic in result.diagnostics:
        if diagnostic.file in changed:
            kept.append(diagnostic)
        elif _identity(diagnostic) not in existed:
            kept.append(diagnostic)
            caused += 1
        else:
            left_out += 1
    files = [f for f in result.files if f in changed]
    affected = len({d.file for d in kept if d.file not in changed})
    scope = ChangeScope(revision, len(files), caused, left_out, affected)
    return replace(result, diagnostics=kept, files=files, changes=scope)


def _identity(diagnostic: Diagnostic) -> tuple[str, str, str]:
    """What makes a finding the same one across revisions: not its line, which edits move."""
    return (diagnostic.file, diagnostic.rule, diagnostic.message)
