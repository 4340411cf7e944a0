"""What a command may know of the process it runs in: its streams, their terminal width and
colour, the environment variables and the current folder, injected rather than read from
`sys` and `os` so that tests and replay run a command with their own (httpie's
`Environment` is the model)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:
    from rich.console import Console

    from journeyops.load.sources import WorkspaceSource

DEFAULT_WIDTH = 80  # what rich assumes when it cannot tell
# The last part of TERM that says how many colours the terminal shows, as rich reads it.
_TERM_COLORS = {"256color": "256", "kitty": "256", "16color": "standard"}


class Output(Protocol):
    """What commands do with standard output: write text to it (replay's copying stream
    is one)."""

    def write(self, text: str, /) -> int: ...

    def flush(self) -> None: ...

    def isatty(self) -> bool: ...


@dataclass(frozen=True)
class Environment:
    stdout: Output
    stderr: TextIO
    environ: Mapping[str, str]
    cwd: Path
    stdout_isatty: bool = False
    stderr_isatty: bool = False
    # The width of the terminal the process runs in, when it runs in one.
    terminal_width: int | None = None
    # A workspace main() has already read (to look for a replay), so that nothing is read
    # twice; commands use it when it is the workspace they were asked for.
    source: WorkspaceSource | None = None

    @classmethod
    def from_process(cls, stdout: Output | None = None) -> Environment:
        """This process's streams, environment and folder; `stdout` replaces standard
        output (replay passes one that keeps a copy of what is written)."""
        out = sys.stdout if stdout is None else stdout
        return cls(
            stdout=out,
            stderr=sys.stderr,
            environ=dict(os.environ),
            cwd=Path.cwd(),
            stdout_isatty=_isatty(out),
            stderr_isatty=_isatty(sys.stderr),
            terminal_width=_terminal_width(),
        )

    def with_source(self, source: WorkspaceSource) -> Environment:
        return replace(self, source=source)

    def absolute(self, path: Path) -> Path:
        """A path the user gave, read from this environment's folder (not the process's)."""
        return path if path.is_absolute() else self.cwd / path

    @property
    def color_system(self) -> str | None:
        """The rich colour system for standard output, or None for plain text."""
        return self._colors(self.stdout_isatty)

    @property
    def width(self) -> int:
        """Columns for output that wraps: COLUMNS when set, else the terminal's width."""
        columns = self.environ.get("COLUMNS", "")
        if columns.isdigit():
            return int(columns)
        return self.terminal_width or DEFAULT_WIDTH

    def stderr_console(self) -> Console:
        """Messages for people on standard error, in colour when it is a terminal."""
        # Imported here: main() builds an Environment before it knows whether a replay
        # makes the command-line machinery (rich among it) unnecessary.
        from rich.console import Console  # noqa: PLC0415

        colors = self._colors(self.stderr_isatty)
        return Console(
            file=self.stderr,
            color_system=colors,  # type: ignore[arg-type]  # rich's Literal of system names
            force_terminal=colors is not None,
            width=self.width,
            highlight=False,
            soft_wrap=True,
        )

    def path_display(self, root: Path) -> Callable[[str], str]:
        """How to print a workspace path so that the user can open it from where they are:
        relative to the current folder when one holds the other, absolute otherwise."""
        cwd = self.cwd.resolve()
        if root == cwd or root.is_relative_to(cwd) or cwd.is_relative_to(root):
            return lambda file: os.path.relpath(root / file, cwd).replace(os.sep, "/")
        return lambda file: (root / file).as_posix()

    def _colors(self, isatty: bool) -> str | None:
        """What rich would choose for a stream: NO_COLOR turns colour off, FORCE_COLOR (set
        and not empty) on, else a terminal gets it unless TERM says it is a dumb one."""
        environ = self.environ
        if environ.get("NO_COLOR", ""):
            return None
        force = environ.get("FORCE_COLOR")
        term = environ.get("TERM", "").strip().lower()
        terminal = force != "" if force is not None else isatty
        if not terminal or term in ("dumb", "unknown"):
            return None
        if environ.get("COLORTERM", "").strip().lower() in ("truecolor", "24bit"):
            return "truecolor"
        return _TERM_COLORS.get(term.rpartition("-")[2], "standard")


def repository_path(root: Path) -> Callable[[str], str]:
    """Workspace paths relative to the enclosing git repository, which is what GitHub and
    SARIF viewers resolve them against; without a repository, relative to the workspace."""
    repository = next((f for f in (root, *root.parents) if (f / ".git").exists()), root)
    prefix = root.relative_to(repository).as_posix()
    return (lambda file: file) if prefix == "." else (lambda file: f"{prefix}/{file}")


def _isatty(stream: Output) -> bool:
    try:
        return stream.isatty()
    except ValueError:  # closed
        return False


def _terminal_width() -> int | None:
    """The terminal's width, asked of each standard stream in turn as rich does (output may
    go to a pipe while the user still watches errors in the terminal)."""
    for stream in (sys.stdout, sys.stderr, sys.stdin):
        try:
            return os.get_terminal_size(stream.fileno()).columns
        except (AttributeError, ValueError, OSError):
            continue
    return None
