"""The validation delta: which findings a change introduces and which it fixes.

Both versions are validated from what `diff` has loaded already; a file with the same bytes
in both is linted once, and its result serves the other version too (when the config, and so
every rule's settings, is the same in both). Findings are the same finding when rule,
severity, file and message match: their line is left out, so an edit above a finding does
not make it new. A file that moved is matched under its new name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from journeyops.core.diagnostics import Diagnostic
from journeyops.diff.errors import RevisionConfigError
from journeyops.load.workspace import ConfigError, LoadResult, Scan
from journeyops.model.facts import Facts
from journeyops.rules.validation import ValidationResult, check_loaded

Key = tuple[str, str, str, str]


@dataclass(frozen=True)
class ValidationDelta:
    introduced: list[Diagnostic] = field(default_factory=list)  # at their place in the head
    fixed: list[Diagnostic] = field(default_factory=list)  # at their place in the base
    errors: int = 0  # in the head, all of them
    warnings: int = 0

    @property
    def new_errors(self) -> int:
        return sum(1 for d in self.introduced if d.is_error)

    @property
    def new_warnings(self) -> int:
        return len(self.introduced) - self.new_errors


@dataclass(frozen=True)
class Validations:
    """Both versions' validation, and the head's per-file facts (who refers to what)."""

    delta: ValidationDelta
    head_facts: list[Facts]


@dataclass(frozen=True)
class Versions:
    """Both versions as `diff` loaded them: `fresh_head` holds the head's files whose bytes
    differ from the base's, `whole_head` all of them; `same` names the others."""

    base: Scan
    head: Scan
    loaded_base: LoadResult
    fresh_head: LoadResult
    whole_head: LoadResult
    same: set[str]


def validate_both(
    versions: Versions, moved: Mapping[str, str], labels: tuple[str, str]
) -> Validations:
    """`moved` maps a base file to the head file its documents moved to; `labels` names the
    versions, for a journeyops.yaml whose policy is broken (RevisionConfigError)."""
    v = versions
    try:
        before, base_results = check_loaded(v.base, v.loaded_base)
    except ConfigError as error:
        raise RevisionConfigError(labels[0], error) from None
    try:
        if v.base.config_bytes == v.head.config_bytes:
            reused = {f: base_results[f] for f in v.same if f in base_results}
            after, head_results = check_loaded(v.head, v.fresh_head, reused)
        else:  # other settings can give the same file other findings
            after, head_results = check_loaded(v.head, v.whole_head)
    except ConfigError as error:
        raise RevisionConfigError(labels[1], error) from None
    facts = [fact for result in head_results.values() for fact in result.facts]
    return Validations(delta(before, after, moved), facts)


def delta(
    before: ValidationResult, after: ValidationResult, moved: Mapping[str, str]
) -> ValidationDelta:
    old = Counter(_key(d, moved.get(d.file, d.file)) for d in before.diagnostics)
    new = Counter(_key(d, d.file) for d in after.diagnostics)
    introduced = _beyond(after.diagnostics, old, lambda d: d.file)
    fixed = _beyond(before.diagnostics, new, lambda d: moved.get(d.file, d.file))
    return ValidationDelta(introduced, fixed, after.errors, after.warnings)


def _beyond(
    diagnostics: list[Diagnostic], other: Counter[Key], file_of: Callable[[Diagnostic], str]
) -> list[Diagnostic]:
    """The diagnostics of one version that the other has fewer of: of each key, the last
    ones, since the first ones are the ones that are in both."""
    keys = [_key(d, file_of(d)) for d in diagnostics]
    left = Counter(keys)
    for key, count in other.items():
        left[key] = max(0, left[key] - count)
    found = []
    for diagnostic, key in reversed(list(zip(diagnostics, keys, strict=True))):
        if left[key] > 0:
            left[key] -= 1
            found.append(diagnostic)
    return found[::-1]


def _key(diagnostic: Diagnostic, file: str) -> Key:
    return (diagnostic.rule, diagnostic.severity.value, file, diagnostic.message)


def referrers(facts: list[Facts], kind: str, document_id: str) -> list[tuple[str, str, str]]:
    """The head's documents that still refer to a document (kind, id): (kind, id, file)."""
    found = {
        (fact.kind, fact.id, fact.file)
        for fact in facts
        for target, value, _ in fact.edges
        if target == kind and value == document_id
    }
    return sorted(found, key=lambda item: (item[2], item[0], item[1]))
