"""`journeyops fmt`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from journeyops.authoring.fmt_files import (
    RACED,
    FmtRun,
    Skipped,
    format_workspace,
    write_changed,
)
from journeyops.authoring.fmt_report import REPORTERS, FmtFormat, FmtReport, Mode
from journeyops.cli.problems import load_diagnostics
from journeyops.cli.runner import Run, execute
from journeyops.core.diagnostics import Diagnostic, ExitStatus
from journeyops.load.sources import find_root

Targets = dict[Path, list[Path] | None]  # per workspace root: paths in it, None for all


def fmt(
    context: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PATH",
            help="Files or folders to format; a folder means the workspace files below it. "
            "A file that is not a workspace file (hidden, excluded, outside any workspace) "
            "is left alone with a warning, so the file names pre-commit passes can be given.",
            show_default="the workspace of the current folder",
        ),
    ] = None,
    check: Annotated[
        bool,
        typer.Option("--check", help="Write nothing; exit 1 and list the files that would change."),
    ] = False,
    diff: Annotated[
        bool,
        typer.Option("--diff", help="Write nothing; print what would change as a unified diff."),
    ] = False,
    output_format: Annotated[
        FmtFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="text (people) or json (tools: each file's status, and its diff with --diff).",
        ),
    ] = FmtFormat.TEXT,
) -> None:
    """Lay out YAML files the one canonical way, changing nothing else.

    Indentation becomes 2 spaces per level with sequences indented under their key, one
    space follows `-` and `:` and precedes an inline `#`, trailing spaces go and the file
    ends with a newline. Comments, key order, quoting, block scalars, anchors, document
    markers, a byte-order mark and CRLF line breaks stay as they are; long text is never
    re-wrapped. A second run changes nothing. A file that does not parse is reported and
    left untouched; files are replaced atomically and keep their permissions.

    Exit status: 0 done (with --check: nothing to change), 1 files would change (--check)
    or could not be formatted, 2 usage or journeyops.yaml problem.

    Examples:

      journeyops fmt

      journeyops fmt journeys/open-account.yaml

      journeyops fmt --check --diff
    """

    def command(run: Run) -> ExitStatus:
        mode = Mode.CHECK if check else Mode.DIFF if diff else Mode.WRITE
        skipped: list[Skipped] = []
        targets = _targets(run, paths, skipped)
        runs = [format_workspace(root, only) for root, only in targets.items()]
        display = _display(run)
        skipped += [replace(s, path=display(r.root, s.path)) for r in runs for s in r.skipped]
        if mode is Mode.WRITE:
            skipped += _write(run, runs)
        # Paths as the user can open them: the runs may be of several workspaces.
        problems = [_shown(d, r, display) for r in runs for d in load_diagnostics(r.problems)]
        if output_format is FmtFormat.TEXT:
            for skip in skipped:
                run.warning(f"{skip.path}: left alone, {skip.reason}")
            run.root = None
            run.diagnostics(problems)
        report = FmtReport(runs, mode, problems, display, skipped, show_diff=diff)
        run.out(REPORTERS[output_format](report))
        raced = any(s.reason == RACED for s in skipped)
        if problems or raced or (check and any(r.changed for r in runs)):
            return ExitStatus.FINDINGS
        return ExitStatus.OK

    execute(context, command)


def _targets(run: Run, paths: list[Path] | None, outside: list[Skipped]) -> Targets:
    """The workspace each PATH is in, and what of it to format. A file outside any
    workspace is skipped (pre-commit passes every YAML file of the repository); a folder
    outside any, or a path that does not exist, is a usage error."""
    targets: Targets = {}
    for path in paths or [Path()]:
        where = run.env.absolute(path)
        if where.is_file() and find_root(where) is None:
            outside.append(Skipped(str(path), "not inside a journeyops workspace"))
            continue
        root = run.workspace(path)
        target = where.resolve()
        chosen = targets.setdefault(root, [])
        if target == root:
            targets[root] = None
        elif chosen is not None:
            chosen.append(target)
    return targets


def _write(run: Run, runs: list[FmtRun]) -> list[Skipped]:
    """Every changed file written; those that changed on disk meanwhile are left alone."""
    left = []
    display = _display(run)
    for fmt_run in runs:
        for path in fmt_run.changed:
            with run.writing(display(fmt_run.root, path)):
                skipped = write_changed(fmt_run, path)
            if skipped is not None:
                left.append(replace(skipped, path=display(fmt_run.root, path)))
    return left


def _display(run: Run) -> Callable[[Path, str], str]:
    """A workspace path of a root, as the user can open it from the current folder."""
    return lambda root, path: run.env.path_display(root)(path)


def _shown(
    diagnostic: Diagnostic, fmt_run: FmtRun, display: Callable[[Path, str], str]
) -> Diagnostic:
    return replace(diagnostic, file=display(fmt_run.root, diagnostic.file))
