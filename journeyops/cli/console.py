"""Consoles and the workspace lookup shared by commands.

Errors on standard error quote what the user typed or named (paths, revisions, ids) and what
lower layers said about it; a CI runner reads standard error for workflow commands as it
reads standard output, so those go through `printable`, never through rich markup."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from journeyops.core.diagnostics import ExitStatus
from journeyops.load.sources import CONFIG_FILE, find_root
from journeyops.report.safe_text import printable


def stdout_console() -> Console:
    return Console(highlight=False, soft_wrap=True)


def stderr_console() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def usage_error(message: str, advice: str = "") -> typer.Exit:
    """Print `error: message` and return the exit to raise (status 2). `message` quotes user
    text, so it is shown as one line with control characters escaped; `advice`, journeyops'
    own text, may span lines and is shown as written."""
    text = Text.assemble(("error:", "bold red"), " ", printable(message))
    if advice:
        text.append("\n" + advice)
    stderr_console().print(text)
    return typer.Exit(ExitStatus.USAGE)


def workspace_root(path: Path) -> Path:
    """The workspace that holds `path`, or exit 2 saying how to make one."""
    if not path.exists():
        raise usage_error(f"{path} does not exist")
    root = find_root(path)
    if root is None:
        where = path.resolve()
        raise usage_error(
            f"no {CONFIG_FILE} found in {where} or any folder above it.",
            f"Create {CONFIG_FILE} at the root of your workspace, for example:\n\n"
            "  version: 1\n  name: My journeys\n\n"
            "(`journeyops init` will do this for you in a later release.)",
        )
    return root


def repository_path(root: Path) -> Callable[[str], str]:
    """Workspace paths relative to the enclosing git repository, which is what GitHub and
    SARIF viewers resolve them against; without a repository, relative to the workspace."""
    repository = next((f for f in (root, *root.parents) if (f / ".git").exists()), root)
    prefix = root.relative_to(repository).as_posix()
    return (lambda file: file) if prefix == "." else (lambda file: f"{prefix}/{file}")


def stdout_color() -> str | None:
    """The colour system for standard output, or None when it is not a terminal (or
    NO_COLOR is set); rich reads TERM, NO_COLOR and FORCE_COLOR."""
    probe = Console()
    return probe.color_system if probe.is_terminal and not probe.no_color else None


def path_display(root: Path) -> Callable[[str], str]:
    """How to print a workspace path so that the user can open it from where they are:
    relative to the current folder when one holds the other, absolute otherwise."""
    cwd = Path.cwd().resolve()
    if root == cwd or root.is_relative_to(cwd) or cwd.is_relative_to(root):
        return lambda file: os.path.relpath(root / file, cwd).replace(os.sep, "/")
    return lambda file: (root / file).as_posix()


WorkspacePath = Annotated[
    Path,
    typer.Argument(
        help="The workspace, or a folder in it: the root is the nearest folder above it "
        "with journeyops.yaml.",
        show_default="current folder",
    ),
]
