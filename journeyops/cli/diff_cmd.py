"""`journeyops diff`.

The workspace is a positional PATH, as in every other command, after the revisions:
`diff BASE [HEAD] [PATH]`. Two arguments are a revision and a path when the second names a
file or folder that exists, else two revisions; one that is both is refused, saying how to
write it (`./NAME` for the folder, or all three arguments). `--workspace`/`-w`, how the path
was given before, still works, hidden from the help.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from journeyops.cli.options import at_least_one
from journeyops.cli.problems import load_diagnostics
from journeyops.cli.runner import Run, Usage, execute
from journeyops.core.diagnostics import ExitStatus
from journeyops.load.git_source import GitError, read_revision, resolve_revision
from journeyops.load.scan import ConfigError
from journeyops.load.sources import DiskSource, WorkspaceSource
from journeyops.report.diff_formats import REPORTERS, DiffFormat
from journeyops.report.diff_view import DiffReport
from journeyops.rules.config_check import check_config

if TYPE_CHECKING:
    from journeyops.diff import WorkspaceDiff


class FailOn(StrEnum):
    NEVER = "never"
    CHANGES = "changes"
    NEW_ERRORS = "new-errors"
    NEW_WARNINGS = "new-warnings"


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
            help="The revision to compare to. A second argument that names an existing file "
            "or folder is the PATH instead.",
            show_default="the working tree, with uncommitted and untracked files",
        ),
    ] = None,
    path: Annotated[
        Path | None,
        typer.Argument(
            metavar="PATH",
            help="The workspace, or a folder in it (in a git repository).",
            show_default="current folder",
        ),
    ] = None,
    workspace: Annotated[
        Path | None,
        typer.Option("--workspace", "-w", metavar="PATH", hidden=True, help="The PATH, as before."),
    ] = None,
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
    top: Annotated[
        int | None,
        typer.Option(
            "--top",
            metavar="N",
            callback=at_least_one,
            help="Show only rank moves into or out of the N best places (N at least 1).",
        ),
    ] = None,
    output_format: Annotated[
        DiffFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="text for people, markdown for pull-request comments (under 65,000 "
            "characters), json for tools.",
        ),
    ] = DiffFormat.TEXT,
    site_url: Annotated[
        str | None,
        typer.Option(
            "--site-url",
            metavar="URL",
            help="Where the rendered site is published: markdown links each journey, "
            "opportunity and persona to its page.",
        ),
    ] = None,
    fail_on: Annotated[
        FailOn,
        typer.Option(
            "--fail-on",
            metavar="WHEN",
            help="Exit 1 when: `changes` (anything changed), `new-errors` (the change "
            "introduces errors), `new-warnings` (it introduces errors or warnings); with "
            "`never` it exits 0 whatever changed.",
        ),
    ] = FailOn.NEVER,
    exit_code: Annotated[
        bool,
        typer.Option(
            "--exit-code", help="The same as `--fail-on changes` (as `git diff --exit-code`)."
        ),
    ] = False,
) -> None:
    """Show what a change did: the findings it introduces and fixes, the journeys, personas,
    insights and opportunities it changed (in the map's words), and how it moved the
    ranking of opportunities.

    Items are matched by id, so a step added in the middle of a journey is one added step;
    a document that moved to another file is a move, and one removed with another added
    that is nearly the same is shown as a rename.

    Exit status: 0 compared (whatever changed, unless --fail-on says otherwise), 1 what
    --fail-on names happened, 2 usage, git or journeyops.yaml problem. Files of the head that
    cannot be loaded are listed on standard error.

    Examples:

      journeyops diff origin/main

      journeyops diff origin/main cx/ --fail-on new-errors

      journeyops diff v1.4 v1.5 --format markdown --top 20 > review.md
    """

    def command(run: Run) -> ExitStatus:
        # Imported only by this command, not by every run of the tool.
        from journeyops.diff import WORKING_TREE, RevisionConfigError, has_workspace  # noqa: PLC0415
        from journeyops.diff import diff as run_diff  # noqa: PLC0415

        head_name, folder = _head_and_path(run, head, path, workspace)
        root = run.workspace(folder)
        # Both resolved before anything is read: git sees object ids, never the user's text.
        base_commit = resolve_revision(root, base)
        head_commit = None if head_name is None else resolve_revision(root, head_name)
        base_source = read_revision(root, base_commit)
        head_source: WorkspaceSource = (
            DiskSource(root) if head_commit is None else read_revision(root, head_commit)
        )
        if has_workspace(head_source):  # every mistake in the head's journeyops.yaml
            try:
                check_config(head_source)
            except ConfigError as error:
                raise RevisionConfigError(head_name or WORKING_TREE, error) from None
        label = head_name or WORKING_TREE
        result = run_diff(base_source, head_source, base, label, model_name=model)
        report = DiffReport(result, top, _site(site_url))
        run.out(REPORTERS[output_format](report, run.report_context()))
        run.diagnostics(load_diagnostics(result.head_problems), revision=head_name)
        when = FailOn.CHANGES if exit_code and fail_on is FailOn.NEVER else fail_on
        return ExitStatus.FINDINGS if _fails(result, when) else ExitStatus.OK

    execute(context, command)


def _head_and_path(
    run: Run, head: str | None, path: Path | None, workspace: Path | None
) -> tuple[str | None, Path]:
    """The head revision (None: the working tree) and the workspace's path, from the
    arguments as given (see the module's docstring for the rule). With `--workspace`, two
    arguments are two revisions, as they always were."""
    if workspace is not None:
        if path is not None:
            raise Usage("give the workspace once: as PATH, or (as before) with --workspace")
        return head, workspace
    if path is None and head is not None and run.env.absolute(Path(head)).exists():
        named, path, head = head, Path(head), None
        try:
            resolve_revision(run.workspace(path), named)  # as written: `./cx` is no revision
        except GitError:
            pass
        else:
            raise Usage(
                f"'{named}' is both a revision and a file or folder",
                f"Write ./{path} for the folder, or give all three: BASE HEAD PATH.",
            )
    return head, path or Path()


def _site(url: str | None) -> str | None:
    """The site's address, checked to be one a link can hold as it is."""
    if url is None:
        return None
    unsafe = any(c.isspace() or c in "()<>[]`\"'\\" or not c.isprintable() for c in url)
    if not url.startswith(("https://", "http://")) or unsafe:
        raise Usage(
            f"--site-url {url}: not a plain web address",
            "Give the address the site is published at, e.g. https://example.org/journeys/.",
        )
    return url


def _fails(result: WorkspaceDiff, when: FailOn) -> bool:
    delta = result.validation
    if when is FailOn.CHANGES:
        return not result.empty or bool(delta.introduced or delta.fixed)
    if when is FailOn.NEW_ERRORS:
        return delta.new_errors > 0
    if when is FailOn.NEW_WARNINGS:
        return bool(delta.introduced)
    return False
