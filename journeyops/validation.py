"""`validate` as a library call: load a workspace, run every enabled rule, return diagnostics."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from journeyops.diagnostics import Diagnostic, Problem
from journeyops.load.cache import Cache
from journeyops.load.sources import WorkspaceSource
from journeyops.load.workspace import ConfigError, Scan, load_scan, scan
from journeyops.rules import RULES, RULES_BY_NAME, RunOptions, run
from journeyops.rules.policy import PolicyError, build_policy
from journeyops.scoring import scoring_config_problems


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


@dataclass(frozen=True)
class ValidationResult:
    diagnostics: list[Diagnostic]
    files: list[str] = field(default_factory=list)
    config_error: bool = False
    counts: dict[str, int] = field(default_factory=dict)
    changes: ChangeScope | None = None

    @property
    def files_checked(self) -> int:
        return len(self.files)

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.is_error)

    @property
    def warnings(self) -> int:
        return len(self.diagnostics) - self.errors


RESULT = "result.pickle"


def validate(
    source: WorkspaceSource,
    only: str | None = None,
    options: RunOptions | None = None,
    cache: Cache | None = None,
    workers: int | None = None,
) -> ValidationResult:
    """Check the whole workspace; with `only` (a relative file or folder), report only the
    findings in it. Everything is still loaded, so references into other files resolve.

    With a cache, an unchanged workspace (same config, files and options) returns the last
    result without parsing, and unchanged files are taken from the last run's snapshot."""
    options = options or RunOptions()
    try:
        found = scan(source)
    except ConfigError as error:
        return _config_failure([p for _, p in error.problems])
    key = f"{found.fingerprint()}\0{options.today}\0{only}"
    if cache is not None:
        last = cache.load(RESULT)
        if isinstance(last, tuple) and len(last) == 2 and last[0] == key:
            result: ValidationResult = last[1]
            return result
    result = _validate(found, only, options, cache, workers)
    if cache is not None:
        cache.store(RESULT, (key, result))
    return result


def _validate(
    found: Scan, only: str | None, options: RunOptions, cache: Cache | None, workers: int | None
) -> ValidationResult:
    try:
        loaded = load_scan(found, cache, workers)
        policy = build_policy(loaded.workspace.config.lint, RULES, loaded.config_source)
    except ConfigError as error:
        return _config_failure([p for _, p in error.problems])
    except PolicyError as error:
        return _config_failure(error.problems)
    config = loaded.workspace.config
    scoring_problems = scoring_config_problems(config.scoring, loaded.config_source)
    if scoring_problems:
        return _config_failure(scoring_problems)
    diagnostics = run(
        RULES,
        loaded.workspace,
        loaded.problems,
        policy=policy,
        suppressions=loaded.suppressions,
        options=options,
    )
    files = loaded.workspace.files
    if only:
        diagnostics = [d for d in diagnostics if _inside(d.file, only)]
        files = [f for f in files if _inside(f, only)]
    counts = Counter(type(doc.model).__name__.lower() for doc in loaded.workspace.documents)
    return ValidationResult(diagnostics, files, counts=dict(counts))


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
    scope = ChangeScope(revision, len(files), caused, left_out)
    return replace(result, diagnostics=kept, files=files, changes=scope)


def _identity(diagnostic: Diagnostic) -> tuple[str, str, str]:
    """What makes a finding the same one across revisions: not its line, which edits move."""
    return (diagnostic.file, diagnostic.rule, diagnostic.message)


def _config_failure(problems: list[Problem]) -> ValidationResult:
    config = RULES_BY_NAME["config"]
    return ValidationResult([config.diagnose(p) for p in problems], config_error=True)


def _inside(path: str, folder_or_file: str) -> bool:
    prefix = folder_or_file.rstrip("/")
    return path == prefix or path.startswith(prefix + "/")
