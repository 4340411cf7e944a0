"""The one record every check produces and every reporter consumes.

Checks and the loader say what is wrong and where (a `Problem`), paired with the name of the
rule it breaks (a `Finding`); the rule engine turns findings into a `Diagnostic`, with the
rule's id and the severity the policy gives it. Load errors, schema errors and rule findings
all end up as diagnostics, so no reporter needs to know where a problem came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum
from typing import NamedTuple


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class ExitStatus(IntEnum):
    OK = 0
    FINDINGS = 1
    USAGE = 2


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A 1-based region of a file; `end_column` is the column just past the last character."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, line: int, column: int) -> Span:
        return cls(line, column, line, column)


FILE_START = Span(1, 1, 1, 1)


@dataclass(frozen=True, slots=True)
class Problem:
    """What a check found and where: no rule id and no severity, the engine adds those."""

    message: str
    file: str
    span: Span
    hint: str | None = None


class Finding(NamedTuple):
    """A problem and the name of the rule it breaks, before the policy gives it a severity
    (or turns it off) and suppressions apply: what the loader and the checks produce."""

    rule: str  # the rule's name, e.g. "duplicate-key"
    problem: Problem


@dataclass(frozen=True, slots=True, order=True)
class Diagnostic:
    """A problem with its rule attached. Field order is the sort order: file, position, rule."""

    file: str
    span: Span
    rule: str
    name: str
    severity: Severity
    message: str
    hint: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR
