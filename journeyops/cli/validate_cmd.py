"""`journeyops validate`."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Annotated

import typer

from journeyops.cli.environment import Environment
from journeyops.cli.runner import Run, Usage, execute
from journeyops.core.diagnostics import ExitStatus
from journeyops.load.cache import Cache
from journeyops.load.git_source import (
    GitError,
    Revision,
    changed_files,
    read_revision,
    resolve_revision,
)
from journeyops.load.sources import DiskSource, WorkspaceSource
from journeyops.report import REPORTERS, OutputFormat
from journeyops.rules import RunOptions
from journeyops.rules.changes import only_changes
from journeyops.rules.validation import ValidationResult
from journeyops.rules.validation import validate as run_validation

Plan = list[tuple[OutputFormat, Path | None]]


def validate(
    context: typer.Context,
    path: Annotated[
        Path,
        typer.Argument(
            metavar="PATH",
            help="A workspace folder, or a file or folder inside one (then only its findings "
            "are reported). The workspace root is the nearest folder above it with "
            "journeyops.yaml.",
            show_default="current folder",
        ),
    ] = Path(),
    formats: Annotated[
        list[OutputFormat] | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="text (people), json (tools), sarif (code scanning), github (Actions "
            "annotations), junit (CI dashboards), gitlab (GitLab code quality). Repeat it, "
            "each with an --output, to write several reports in one run.",
            show_default="text",
        ),
    ] = None,
    outputs: Annotated[
        list[Path] | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the report of the matching --format (the first --output goes with "
            "the first --format) to this file instead of standard output.",
        ),
    ] = None,
    changed_since: Annotated[
        str | None,
        typer.Option(
            metavar="REF",
            help="Report only what a change is responsible for: findings in files changed "
            "since the git revision REF (committed, staged, unstaged or new), and findings in "
            "other files that were not there at REF. The whole workspace is still checked.",
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Do not read or write .journeyops-cache/ (by default unchanged files, and an "
            "unchanged workspace, are not checked again).",
        ),
    ] = False,
    today: Annotated[
        datetime.datetime | None,
        typer.Option(
            formats=["%Y-%m-%d"],
            metavar="DATE",
            help="Treat this date (YYYY-MM-DD) as today, for review deadlines; pins results "
            "in tests and reproducible CI runs.",
            show_default="the current date",
        ),
    ] = None,
) -> None:
    """Check every journey, persona, insight and opportunity in a workspace.

    Reports YAML errors, schema errors, broken references, hierarchy, governance and
    content problems as `path:line:column`, rule id and message, with a hint where a fix is
    likely. Under GitHub Actions (GITHUB_ACTIONS=true) and with no --format, the text
    report comes with annotations for the pull request.

    Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage or journeyops.yaml
    problem.

    Examples:

      journeyops validate

      journeyops validate examples/northwind --format json

      journeyops validate -f sarif -o journeyops.sarif -f github

      journeyops validate --changed-since origin/main
    """

    def command(run: Run) -> ExitStatus:
        plan = _plan(formats or [], outputs or [], run.env)
        root = run.workspace(path)
        since = None if changed_since is None else _resolve(root, changed_since)
        target = run.env.absolute(path).resolve()
        only = None if target == root else target.relative_to(root).as_posix()
        options = RunOptions(today=today.date()) if today else RunOptions()
        cache = None if no_cache else Cache(root)
        result = run_validation(_source(run.env, root), only=only, options=options, cache=cache)
        if since is not None:
            result = _changes_only(result, root, since, only, options)
        for output_format, output in plan:
            report = REPORTERS[output_format](result, run.report_context(terminal=output is None))
            run.write(report, output)
        if result.config_error:
            return ExitStatus.USAGE
        return ExitStatus.FINDINGS if result.errors else ExitStatus.OK

    execute(context, command)


def _source(env: Environment, root: Path) -> WorkspaceSource:
    """The files as main() read them to look for a replay, if it did and it is this
    workspace; else the folder on disk."""
    read = env.source
    if read is not None and getattr(read, "root", None) == root:
        return read
    return DiskSource(root)


def _resolve(root: Path, name: str) -> Revision:
    """--changed-since, resolved before any work: git sees its commit id, never its text."""
    try:
        return resolve_revision(root, name)
    except GitError as error:
        raise _git_failed(name, error) from None


def _changes_only(
    result: ValidationResult, root: Path, revision: Revision, only: str | None, options: RunOptions
) -> ValidationResult:
    try:
        changed = changed_files(root, revision)
        before = run_validation(read_revision(root, revision), only=only, options=options)
    except GitError as error:
        raise _git_failed(revision.name, error) from None
    return only_changes(result, before, changed, revision.name)


def _git_failed(name: str, error: GitError) -> Usage:
    # The message names the option: a git error alone would not say which revision of the
    # command line it is about.
    return Usage(f"--changed-since {name}: {error}")


def _plan(formats: list[OutputFormat], outputs: list[Path], env: Environment) -> Plan:
    """Pair each --format with its --output; at most one report goes to standard output.
    Under GitHub Actions, the default text report comes with annotations."""
    if len(outputs) > len(formats) and not (len(outputs) == 1 and not formats):
        raise Usage("more --output than --format options: pair each --output with a --format")
    if not formats:
        plan: Plan = [(OutputFormat.TEXT, outputs[0] if outputs else None)]
        if env.environ.get("GITHUB_ACTIONS") == "true":
            plan.append((OutputFormat.GITHUB, None))
        return plan
    plan = [(f, outputs[i] if i < len(outputs) else None) for i, f in enumerate(formats)]
    if sum(1 for _, output in plan if output is None) > 1:
        raise Usage(
            "only one report can go to standard output: give each other --format an --output"
        )
    return plan
