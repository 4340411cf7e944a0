"""Which rules run where, and how severe their findings are: `lint:` in journeyops.yaml.

Rules are named by id (`JO301`), by name (`journey-without-owner`), or in `select`/`ignore`
by id prefix (`JO3`). A name that matches no rule is a configuration error (exit 2) with the
closest matches, so a typo never silently turns a rule off.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from journeyops.core.diagnostics import Problem, Severity
from journeyops.core.sourcemap import Path, SourceMap
from journeyops.core.suggest import did_you_mean
from journeyops.load.selection import compile_glob, matches_glob
from journeyops.load.sources import CONFIG_FILE
from journeyops.model.config import Level, Lint
from journeyops.rules.engine import Registry

LEVELS: dict[Level, Severity | None] = {
    "off": None,
    "warning": Severity.WARNING,
    "error": Severity.ERROR,
}
ALWAYS_ON = frozenset(("JO011",))  # a broken journeyops.yaml stops everything, always


class PolicyError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class _Override:
    patterns: tuple[re.Pattern[str], ...]
    levels: dict[str, Severity | None]


@dataclass(frozen=True)
class Policy:
    base: dict[str, Severity | None]
    overrides: tuple[_Override, ...] = ()

    def severity(self, rule_id: str, file: str) -> Severity | None:
        """The severity of `rule_id`'s findings in `file`; None when the rule is off there."""
        level = self.base[rule_id]
        for override in self.overrides:
            if rule_id in override.levels and any(matches_glob(p, file) for p in override.patterns):
                level = override.levels[rule_id]
        return level

    def runs(self, rule_id: str) -> bool:
        """Whether the rule is on for at least some file (so its check must run)."""
        return self.base[rule_id] is not None or any(
            o.levels.get(rule_id) is not None for o in self.overrides
        )


def default_policy(rules: Registry) -> Policy:
    return Policy({rule_id: rule.severity for rule_id, rule in rules.items()})


def build_policy(lint: Lint, rules: Registry, source: SourceMap) -> Policy:
    names = _Names(rules, source)
    base = default_policy(rules).base
    if lint.select:
        selected = names.expand(lint.select, ("lint", "select"))
        base = {rule_id: level if rule_id in selected else None for rule_id, level in base.items()}
    for rule_id in names.expand(lint.ignore, ("lint", "ignore")):
        base[rule_id] = None
    base.update(names.levels(lint.rules, ("lint", "rules")))
    overrides = []
    for index, override in enumerate(lint.overrides):
        path = ("lint", "overrides", index)
        levels: dict[str, Severity | None] = dict.fromkeys(
            names.expand(override.ignore, (*path, "ignore"))
        )
        levels.update(names.levels(override.rules, (*path, "rules")))
        patterns = tuple(compile_glob(glob) for glob in override.files)
        overrides.append(_Override(patterns, levels))
    if names.problems:
        raise PolicyError(names.problems)
    for rule_id in ALWAYS_ON & set(base):
        base[rule_id] = rules[rule_id].severity
    return Policy(base, tuple(overrides))


@dataclass
class _Names:
    rules: Registry
    source: SourceMap
    problems: list[Problem] = field(default_factory=list)

    def one(self, name: str, path: Path, *, key: bool) -> str | None:
        rule = self.rules.resolve(name)
        if rule is None:
            self.unknown(name, path, key=key)
        return None if rule is None else rule.id

    def expand(self, selectors: Iterable[str], path: Path) -> set[str]:
        found: set[str] = set()
        for index, selector in enumerate(selectors):
            exact = [rule.id] if (rule := self.rules.resolve(selector)) else []
            prefixed = [
                i
                for i in self.rules
                if re.fullmatch(r"JO\d{1,2}", selector) and i.startswith(selector)
            ]
            if exact or prefixed:
                found.update(exact or prefixed)
            else:
                self.unknown(selector, (*path, index), key=False)
        return found

    def levels(self, settings: Mapping[str, Level], path: Path) -> dict[str, Severity | None]:
        resolved: dict[str, Severity | None] = {}
        for name, level in settings.items():
            rule_id = self.one(name, (*path, name), key=True)
            if rule_id is not None:
                resolved[rule_id] = LEVELS[level]
        return resolved

    def unknown(self, name: str, path: Path, *, key: bool) -> None:
        hint = did_you_mean(name, self.rules.names(), n=3) or "`journeyops rules` lists every rule"
        span = self.source.span(path, key=key)
        self.problems.append(
            Problem(f"unknown rule '{name}' in lint settings", CONFIG_FILE, span, hint)
        )
