"""What every reporter gets, and what it must do: turn a result into text.

Reporters never write or print: the command line decides whether the text goes to standard
output or (atomically) to a file, so one run can produce several reports. Every command's
formats are one registry of the same shape (`Reporters`): its format enum, beside it, mapped
to a function of the result and a `ReportContext`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar

from journeyops import __version__
from journeyops.rules import RULES, Rule
from journeyops.rules.validation import ValidationResult

INFORMATION_URI = "https://github.com/journeyops/journeyops"


@dataclass(frozen=True)
class ReportContext:
    # A workspace path as the user can open it from the current folder (text output).
    display: Callable[[str], str] = str
    # A workspace path relative to the repository root (SARIF, GitHub, JUnit).
    in_repository: Callable[[str], str] = str
    # Colour for text output: a rich color system name, or None for plain text.
    color_system: str | None = None
    # Columns for output that wraps to the terminal (rules listing, explanations).
    width: int = 80
    rules: Mapping[str, Rule] = field(default_factory=lambda: RULES)
    tool_version: str = __version__


Format = TypeVar("Format", bound=StrEnum)
Result = TypeVar("Result")
# A registry: every member of a format enum, and how to turn a result into its text.
Reporters = Mapping[Format, Callable[[Result, ReportContext], str]]


class Reporter(ABC):
    """A `validate` format: a class, as the SARIF and JUnit ones keep state while they run."""

    def __init__(self, context: ReportContext) -> None:
        self.context = context

    @abstractmethod
    def render(self, result: ValidationResult) -> str: ...

    @classmethod
    def report(cls, result: ValidationResult, context: ReportContext) -> str:
        """The registry's shape: a function of the result and the context."""
        return cls(context).render(result)
