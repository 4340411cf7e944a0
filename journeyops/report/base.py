"""What every reporter gets: the result, where to write, and how to show file paths."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable

from rich.console import Console

from journeyops.validation import ValidationResult


class Reporter(ABC):
    def __init__(self, console: Console, display: Callable[[str], str] = str) -> None:
        """`display` turns a workspace-relative path into one the user can open."""
        self.console = console
        self.display = display

    @abstractmethod
    def report(self, result: ValidationResult) -> None: ...

    def write(self, text: str) -> None:
        """Raw output, untouched by rich's markup, highlighting and wrapping."""
        self.console.file.write(text)
        self.console.file.flush()
