"""The one path every command takes: options -> library call -> result -> reporter ->
streams -> exit status.

A command parses its options and hands `execute` a function of a `Run` (the environment it
writes to, and the workspace once found) that calls the library, picks a reporter and
returns an `ExitStatus`. Whatever the library raises about what the user asked for is turned
into what the user sees here, and only here (`_translators`): a broken journeyops.yaml is its
JO011 diagnostics at `file:line:col` on stderr, exit 2, whichever command read it; an unknown
model, a git, Graphviz or template problem, or an output that cannot be written is one
`error: ...` line, exit 2. Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import typer

from journeyops.cli.environment import Environment, repository_path
from journeyops.cli.problems import config_diagnostics, load_diagnostics
from journeyops.core.atomic import write_atomic
from journeyops.core.diagnostics import Diagnostic, ExitStatus, Problem
from journeyops.load.git_source import GitError
from journeyops.load.sources import CONFIG_FILE, find_root
from journeyops.load.workspace import ConfigError
from journeyops.report import ReportContext
from journeyops.report.safe_text import printable
from journeyops.report.text import TextReporter
from journeyops.rules.policy import PolicyError
from journeyops.rules.validation import ValidationResult
from journeyops.scoring.run import UnknownFilter, UnknownModel


class Usage(Exception):
    """What the user asked for cannot be done: `error: message` on stderr, exit 2.
    `message` quotes user text, so it is shown as one line with control characters escaped;
    `advice`, journeyops' own text, may span lines and is shown as written."""

    def __init__(self, message: str, advice: str = "") -> None:
        super().__init__(message)
        self.message, self.advice = message, advice


@dataclass
class Run:
    """One run of a command: where it writes, and the workspace it works on once found."""

    env: Environment
    root: Path | None = None

    def workspace(self, path: Path) -> Path:
        """The workspace that holds `path` (remembered for showing paths), or Usage saying
        how to make one."""
        where = self.env.absolute(path)
        if not where.exists():
            raise Usage(f"{path} does not exist")
        root = find_root(where)
        if root is None:
            raise Usage(
                f"no {CONFIG_FILE} found in {where.resolve()} or any folder above it.",
                "Start one with `journeyops init` (or `journeyops init DIR`), or create "
                f"{CONFIG_FILE} at its root, for example:\n\n  version: 1\n  name: My journeys",
            )
        self.root = root
        return root

    def display(self, revision: str | None = None) -> Callable[[str], str]:
        """How to show a workspace path: as the user can open it from the current folder,
        or, for the files of a git revision, as git names them (`main:file.yaml`)."""
        if revision is not None:
            return lambda file: f"{revision}:{file}"
        return str if self.root is None else self.env.path_display(self.root)

    def report_context(self, *, terminal: bool = True) -> ReportContext:
        """What reporters need; colour only for a report that goes to the terminal."""
        root = self.root
        return ReportContext(
            display=self.display(),
            in_repository=str if root is None else repository_path(root),
            color_system=self.env.color_system if terminal else None,
            width=self.env.width,
        )

    def out(self, text: str) -> None:
        self.env.stdout.write(text)
        self.env.stdout.flush()

    def write(self, text: str, output: Path | None) -> None:
        """A report to standard output, or atomically to the file `output`."""
        if output is None:
            self.out(text)
            return
        with self.writing(str(output)):
            write_atomic(self.env.absolute(output), text)

    @contextmanager
    def writing(self, what: str) -> Iterator[None]:
        """Turns an OSError while writing `what` into `cannot write WHAT: reason`."""
        try:
            yield
        except OSError as error:
            raise Usage(f"cannot write {what}: {error.strerror or error}") from None

    def error(self, message: str, advice: str = "") -> None:
        from rich.text import Text  # noqa: PLC0415 - rich only when there is something to say

        text = Text.assemble(("error:", "bold red"), " ", printable(message))
        if advice:
            text.append("\n" + advice)
        self.env.stderr_console().print(text)

    def warning(self, message: str) -> None:
        from rich.text import Text  # noqa: PLC0415

        text = Text.assemble(("warning:", "yellow"), " ", printable(message))
        self.env.stderr_console().print(text)

    def findings(self, result: ValidationResult, revision: str | None = None) -> None:
        """Findings on stderr, as validate's text report shows them (stdout is the
        command's own output)."""
        if result.diagnostics:
            context = ReportContext(display=self.display(revision))
            self.env.stderr.write(TextReporter(context).render(result))
            self.env.stderr.flush()

    def diagnostics(self, diagnostics: list[Diagnostic], revision: str | None = None) -> None:
        self.findings(
            ValidationResult(diagnostics, sorted({d.file for d in diagnostics})), revision
        )

    def config_problems(self, problems: list[Problem], revision: str | None = None) -> ExitStatus:
        """A broken journeyops.yaml, reported as validate reports it: exit 2."""
        self.findings(ValidationResult(config_diagnostics(problems), config_error=True), revision)
        return ExitStatus.USAGE


def environment(context: typer.Context) -> Environment:
    """The environment main() gave the app, else this process's."""
    given = context.obj
    return given if isinstance(given, Environment) else Environment.from_process()


def execute(context: typer.Context, command: Callable[[Run], ExitStatus]) -> NoReturn:
    """Run a command and exit with its status; the library's exceptions about the user's
    input become diagnostics or an `error:` line and exit 2."""
    run = Run(environment(context))
    try:
        status = command(run)
    except Exception as error:
        translate = _translator(error)
        if translate is None:
            raise
        status = translate(run, error)
    raise typer.Exit(status)


Translator = Callable[[Run, Any], ExitStatus]


def _translator(error: Exception) -> Translator | None:
    """The entry of the nearest class in the error's hierarchy: RevisionConfigError has its
    own (it names the revision), other ConfigErrors share one."""
    table = _translators(error)
    return next((table[kind] for kind in type(error).__mro__ if kind in table), None)


def _translators(error: Exception) -> dict[type[Exception], Translator]:
    """What each exception the library raises about the user's input means to them."""
    table: dict[type[Exception], Translator] = {
        Usage: lambda run, e: _usage(run, e.message, e.advice),
        ConfigError: lambda run, e: run.config_problems([p for _, p in e.problems]),
        PolicyError: lambda run, e: run.config_problems(e.problems),
        UnknownModel: lambda run, e: _usage(run, str(e)),
        UnknownFilter: _unknown_filter,
        GitError: lambda run, e: _usage(run, str(e)),
    }
    # diff's and render's errors come with their packages, imported only by the command
    # that runs them: an error of such a package means it was imported already.
    if type(error).__module__.startswith("journeyops.diff"):
        from journeyops.diff import WORKING_TREE, MissingWorkspace, RevisionConfigError  # noqa: PLC0415

        table[RevisionConfigError] = lambda run, e: run.config_problems(
            [p for _, p in e.problems], None if e.label == WORKING_TREE else e.label
        )
        table[MissingWorkspace] = lambda run, e: _usage(
            run, f"there is no workspace at {run.root} in {e.label}"
        )
    if type(error).__module__.startswith("journeyops.authoring.scaffold"):
        from journeyops.authoring.scaffold import ScaffoldError  # noqa: PLC0415

        table[ScaffoldError] = lambda run, e: _usage(run, e.message, e.advice)
    if type(error).__module__.startswith("journeyops.render"):
        from journeyops.render import GraphvizError, InvalidConfig, TemplateProblem  # noqa: PLC0415
        from journeyops.render.output import OutputError  # noqa: PLC0415

        table[InvalidConfig] = _invalid_config
        for kind in (GraphvizError, TemplateProblem, OutputError):
            table[kind] = lambda run, e: _usage(run, str(e))
    return table


def _usage(run: Run, message: str, advice: str = "") -> ExitStatus:
    run.error(message, advice)
    return ExitStatus.USAGE


def _unknown_filter(run: Run, error: UnknownFilter) -> ExitStatus:
    # The files' errors first: a journey whose file did not load names nothing.
    run.diagnostics(load_diagnostics(error.load_problems))
    for message in error.messages:
        run.error(message)
    return ExitStatus.USAGE


def _invalid_config(run: Run, error: Any) -> ExitStatus:
    run.findings(error.findings)
    return ExitStatus.USAGE


__all__ = ["Run", "Usage", "environment", "execute"]
