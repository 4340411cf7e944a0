"""What every reporter gets, and what it must do: turn a result into text.

Reporters never write or print: the command line decides whether the text goes to standard
output or (atomically) to a file, so one run can produce several reports.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

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
    rules: Mapping[str, Rule] = field(default_factory=lambda: RULES)
    tool_version: str = __version__


class Reporter(ABC):
    def __init__(self, context: ReportContext) -> None:
        self.context = context

    @abstractmethod
    def render(self, result: ValidationResult) -> str: ...
