"""`journeyops diff`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from journeyops.cli.problems import load_diagnostics
from journeyops.cli.runner import Run, execute
from journeyops.core.diagnostics import ExitStatus
from journeyops.load.git_source import read_revision, resolve_revision
from journeyops.load.scan import ConfigError
from journeyops.load.sources import DiskSource, WorkspaceSource
from journeyops.report.diff_formats import REPORTERS, DiffFormat
from journeyops.rules.config_check import check_config


def diff(
    context: typer.Context,
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
            metavar="PATH",
            help="The workspace, or a folder in it (in a git repository).",
            show_default="current folder",
        ),
    ] = Path(),
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            "-m",
            metavar="MODEL",
            help="Scoring model for both rankings.",
            show_default="the head's scoring.default",
        ),
    ] = None,
    output_format: Annotated[
        DiffFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
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

    def command(run: Run) -> ExitStatus:
        # Imported only by this command, not by every run of the tool.
        from journeyops.diff import WORKING_TREE, RevisionConfigError, has_workspace  # noqa: PLC0415
        from journeyops.diff import diff as run_diff  # noqa: PLC0415

        root = run.workspace(workspace)
        # Both resolved before anything is read: git sees object ids, never the user's text.
        base_commit = resolve_revision(root, base)
        head_commit = None if head is None else resolve_revision(root, head)
        base_source = read_revision(root, base_commit)
        head_source: WorkspaceSource = (
            DiskSource(root) if head_commit is None else read_revision(root, head_commit)
        )
        if has_workspace(head_source):  # every mistake in the head's journeyops.yaml
            try:
                check_config(head_source)
            except ConfigError as error:
                raise RevisionConfigError(head or WORKING_TREE, error) from None
        result = run_diff(base_source, head_source, base, head or WORKING_TREE, model_name=model)
        run.out(REPORTERS[output_format](result, run.report_context()))
        problems = load_diagnostics(result.head_problems)
        run.diagnostics(problems, revision=head)
        if problems:
            return ExitStatus.FINDINGS
        return ExitStatus.FINDINGS if exit_code and not result.empty else ExitStatus.OK

    execute(context, command)
