"""The `journeyops` command and its global options."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer

from journeyops import __version__
from journeyops.cli import (
    completion,
    diff_cmd,
    export_cmd,
    fmt_cmd,
    import_cmd,
    init_cmd,
    metrics_cmd,
    new_cmd,
    render_cmd,
    rules_cmd,
    schema_cmd,
    score_cmd,
    validate_cmd,
)
from journeyops.cli.help import HelpCommand, HelpGroup
from journeyops.cli.runner import Run, environment, execute
from journeyops.core.diagnostics import ExitStatus

app = typer.Typer(
    name="journeyops",
    cls=HelpGroup,
    help="Customer journey management as code: validate, score and publish journey maps "
    "kept as YAML in git.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    add_completion=False,  # --show-completion and --install-completion are _root's
    rich_markup_mode="markdown",
)
# Every command, in the order `journeyops --help` lists them.
COMMANDS: dict[str, Callable[..., None]] = {
    "validate": validate_cmd.validate,
    "score": score_cmd.score,
    "metrics": metrics_cmd.metrics,
    "render": render_cmd.render,
    "diff": diff_cmd.diff,
    "rules": rules_cmd.rules,
    "explain": rules_cmd.explain,
    "schema": schema_cmd.schema,
    "init": init_cmd.init,
    "new": new_cmd.new,
    "fmt": fmt_cmd.fmt,
}
for name, command in COMMANDS.items():
    app.command(name, cls=HelpCommand)(command)
# Commands with one subcommand per format.
GROUPS: dict[str, typer.Typer] = {"export": export_cmd.app, "import": import_cmd.app}
for name, group in GROUPS.items():
    app.add_typer(group, name=name)
completion.enable()


def _version(context: typer.Context, value: bool) -> None:
    if value:
        environment(context).stdout.write(f"journeyops {__version__}\n")
        raise typer.Exit()


def _show_completion(context: typer.Context, shell: completion.Shell | None) -> None:
    if shell is not None and not context.resilient_parsing:
        environment(context).stdout.write(completion.script(shell) + "\n")
        raise typer.Exit()


def _install_completion(context: typer.Context, shell: completion.Shell | None) -> None:
    if shell is None or context.resilient_parsing:
        return

    def command(run: Run) -> ExitStatus:
        with run.writing(f"the {shell} completion"):
            path = completion.install(shell)
        run.out(f"{shell} completion installed in {path}; it works in shells started from now\n")
        return ExitStatus.OK

    execute(context, command)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
    show_completion: Annotated[
        completion.Shell | None,
        typer.Option(
            "--show-completion",
            metavar="SHELL",
            callback=_show_completion,
            is_eager=True,
            expose_value=False,
            help="Print the completion script for SHELL (bash, zsh or fish), to source it "
            "or install it yourself.",
        ),
    ] = None,
    install_completion: Annotated[
        completion.Shell | None,
        typer.Option(
            "--install-completion",
            metavar="SHELL",
            callback=_install_completion,
            is_eager=True,
            expose_value=False,
            help="Install completion for SHELL (bash, zsh or fish) in your start-up files; "
            "Tab then completes commands, options, rule, opportunity and journey ids.",
        ),
    ] = None,
) -> None:
    """Customer journey management as code.

    Keep personas, journeys, insights and opportunities as YAML in git; journeyops checks
    them in CI and tells you exactly what is wrong, where, and how to fix it.
    """
