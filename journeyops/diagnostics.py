"""The one record every check produces and every reporter consumes.

Load errors, schema errors and rule findings all end up as a `Diagnostic`, so that text, JSON
and (later) SARIF output never need to know where a problem came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum


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
