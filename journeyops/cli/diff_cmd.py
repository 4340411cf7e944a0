"""`journeyops diff`."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from journeyops.cli.console import usage_error, workspace_root
from journeyops.cli.file_problems import config_diagnostics, load_diagnostics, print_diagnostics
from journeyops.core.diagnostics import ExitStatus
from journeyops.load.git_source import GitError, read_revision, resolve_revision
from journeyops.load.sources import CONFIG_FILE, DiskSource, WorkspaceSource
from journeyops.report.safe_text import printable
from journeyops.scoring.run import UnknownModel


class DiffFormat(StrEnum):
    TEXT = "text"
    MARKDOWN = "markdown"
    JSON = "json"


WORKING_TREE = "working tree"


def diff(
    base: Annotated[
        str,
        typer.Argument(
            metavar="BASE",
            help="The revision to compare from: a branch, tag or commit, e.g. `origin/main`.",
        ),
    ],
    head: Annotated[
        str | None,
        typer.Argument(
            metavar="HEAD",
            help="The revision to compare to.",
            show_default="the working tree, with uncommitted and untracked files",
        ),
    ] = None,
    workspace: Annotated[
        Path,
        typer.Option(
            "--workspace",
            "-w",
            help="The workspace, or a folder in it (in a git repository).",
            show_default="current folder",
        ),
    ] = Path(),
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            "-m",
            help="Scoring model for both rankings.",
            show_default="the head's scoring.default",
        ),
    ] = None,
    output_format: Annotated[
        DiffFormat,
        typer.Option(
            "--format",
            "-f",
            help="text for people, markdown for pull-request comments, json for tools.",
        ),
    ] = DiffFormat.TEXT,
    exit_code: Annotated[
        bool,
        typer.Option(
            "--exit-code", help="Exit 1 when anything changed (as `git diff --exit-code`)."
        ),
    ] = False,
) -> None:
    """Show what a change did to the journeys, personas, insights and opportunities, field
    by field, and how it moved the ranking of opportunities.

    Items are matched by id, so a step added in the middle of a journey is one added step;
    a document that moved to another file is a move, not a removal and an addition.

    Exit status: 0 compared (with --exit-code: 1 when something changed), 1 the head's files
    have errors (the documents they hit are not compared), 2 usage, git or journeyops.yaml
    problem.

    Examples:

      journeyops diff origin/main

      journeyops diff v1.4 v1.5 --format markdown > review.md
    """
    # Imported only by this command, not by every run of the tool.
    from journeyops.diff import RevisionConfigError  # noqa: PLC0415
    from journeyops.diff import diff as run_diff  # noqa: PLC0415
    from journeyops.report.diff_formats import RENDERERS  # noqa: PLC0415

    root = workspace_root(workspace)
    try:
        # Both resolved before anything is read: git sees object ids, never the user's text.
        base_commit = resolve_revision(root, base)
        head_commit = None if head is None else resolve_revision(root, head)
        base_source = read_revision(root, base_commit)
        head_revision = None if head_commit is None else read_revision(root, head_commit)
    except GitError as error:
        raise _usage(str(error)) from None
    if head_revision is not None and not head_revision.holds(CONFIG_FILE):
        raise _usage(f"there is no workspace at {root} in {head}")
    head_source: WorkspaceSource = DiskSource(root) if head_revision is None else head_revision
    existed = base_source.holds(CONFIG_FILE)
    try:
        result = run_diff(
            base_source if existed else None,
            head_source,
            base,
            head or WORKING_TREE,
            model_name=model,
        )
    except RevisionConfigError as error:
        typer.echo(printable(f"{CONFIG_FILE} is broken in {error.label}:"), err=True)
        revision = None if error.label == WORKING_TREE else error.label
        print_diagnostics(config_diagnostics(error.problems), root, revision)
        raise typer.Exit(ExitStatus.USAGE) from None
    except UnknownModel as error:
        raise _usage(str(error)) from None
    sys.stdout.write(RENDERERS[output_format.value](result))
    diagnostics = load_diagnostics(result.head_problems)
    print_diagnostics(diagnostics, root, head)
    if diagnostics:
        raise typer.Exit(ExitStatus.FINDINGS)
    changed = exit_code and not result.empty
    raise typer.Exit(ExitStatus.FINDINGS if changed else ExitStatus.OK)


def _usage(message: str) -> typer.Exit:
    # Revisions and model names are the user's text (in CI, perhaps a pull request's branch
    # name): shown escaped, and never read as console markup.
    return usage_error(message)
