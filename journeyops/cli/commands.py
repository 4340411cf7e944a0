"""The `journeyops` command and its global options."""

from __future__ import annotations

from typing import Annotated

import typer

from journeyops import __version__
from journeyops.cli import (
    diff_cmd,
    metrics_cmd,
    render_cmd,
    rules_cmd,
    schema_cmd,
    score_cmd,
    validate_cmd,
)

app = typer.Typer(
    name="journeyops",
    help="Customer journey management as code: validate, score and publish journey maps "
    "kept as YAML in git.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    add_completion=False,
    rich_markup_mode="markdown",
)
app.command("validate")(validate_cmd.validate)
app.command("score")(score_cmd.score)
app.command("metrics")(metrics_cmd.metrics)
app.command("render")(render_cmd.render)
app.command("diff")(diff_cmd.diff)
app.command("rules")(rules_cmd.rules)
app.command("explain")(rules_cmd.explain)
app.command("schema")(schema_cmd.schema)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"journeyops {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Customer journey management as code.

    Keep personas, journeys, insights and opportunities as YAML in git; journeyops checks
    them in CI and tells you exactly what is wrong, where, and how to fix it.
    """


def main() -> None:
    app(prog_name="journeyops")
