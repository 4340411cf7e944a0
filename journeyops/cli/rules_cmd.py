"""`journeyops rules` and `journeyops explain`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from journeyops.cli.completion import rule_ids
from journeyops.cli.runner import Run, Usage, execute
from journeyops.core.diagnostics import ExitStatus
from journeyops.core.suggest import did_you_mean
from journeyops.load.sources import DiskSource, find_root
from journeyops.report.rule_listing import REPORTERS, RuleListing, RulesFormat, explanation
from journeyops.rules import RULES
from journeyops.rules.config_check import check_config
from journeyops.rules.policy import Policy, default_policy


def rules(
    context: typer.Context,
    path: Annotated[
        Path,
        typer.Argument(
            metavar="PATH",
            help="A folder in the workspace whose settings to show.",
            show_default="current folder",
        ),
    ] = Path(),
    output_format: Annotated[
        RulesFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="text: a table; json: for tools; markdown: docs.",
        ),
    ] = RulesFormat.TEXT,
) -> None:
    """List every rule: id, name, default severity, what it finds, and whether it is on here.

    "On here" follows `lint:` in the journeyops.yaml above PATH; outside a workspace the
    defaults are shown.

    Examples:

      journeyops rules

      journeyops rules --format markdown > docs/rules.md
    """

    def command(run: Run) -> ExitStatus:
        listing = RuleListing(RULES.values(), _policy(run, path))
        run.out(REPORTERS[output_format](listing, run.report_context()))
        return ExitStatus.OK

    execute(context, command)


def explain(
    context: typer.Context,
    rule: Annotated[
        str,
        typer.Argument(
            metavar="RULE",
            help="A rule id (JO301) or name (journey-without-owner).",
            autocompletion=rule_ids,
        ),
    ],
) -> None:
    """Explain a rule: what it finds, why, and a bad and a good example.

    Examples:

      journeyops explain JO404

      journeyops explain unaddressed-high-pain
    """

    def command(run: Run) -> ExitStatus:
        found = RULES.resolve(rule, any_case=True)
        if found is None:
            hint = did_you_mean(rule, RULES.names())
            raise Usage(f"no rule '{rule}'" + (f"; {hint}" if hint else "; see `journeyops rules`"))
        run.out(explanation(found, run.report_context()))
        return ExitStatus.OK

    execute(context, command)


def _policy(run: Run, path: Path) -> Policy:
    """The `lint:` policy of the workspace above `path`; the defaults outside one. A broken
    journeyops.yaml raises ConfigError or PolicyError (reported by the runner)."""
    where = run.env.absolute(path)
    root = find_root(where) if where.exists() else None
    if root is None:
        return default_policy(RULES)
    run.root = root
    return check_config(DiskSource(root))
