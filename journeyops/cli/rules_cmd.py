"""`journeyops rules` and `journeyops explain`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from journeyops.cli.console import stdout_console, usage_error
from journeyops.core.suggest import did_you_mean
from journeyops.load.sources import DiskSource, find_root
from journeyops.load.workspace import ConfigError, load_config
from journeyops.report.rule_docs import rule_markdown, rules_markdown
from journeyops.report.safe_text import dumps_json
from journeyops.rules import RULES
from journeyops.rules.policy import Policy, PolicyError, build_policy, default_policy


class RulesFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"


def rules(
    path: Annotated[
        Path, typer.Argument(help="A folder in the workspace whose settings to show.")
    ] = Path(),
    output_format: Annotated[
        RulesFormat,
        typer.Option("--format", "-f", help="text: a table; json: for tools; markdown: docs."),
    ] = RulesFormat.TEXT,
) -> None:
    """List every rule: id, name, default severity, what it finds, and whether it is on here.

    "On here" follows `lint:` in the journeyops.yaml above PATH; outside a workspace the
    defaults are shown.

    Examples:

      journeyops rules

      journeyops rules --format markdown > docs/rules.md
    """
    policy = _policy(path)
    console = stdout_console()
    if output_format is RulesFormat.MARKDOWN:
        console.file.write(rules_markdown(RULES.values()))
        return
    rows = [
        {
            "id": rule.id,
            "name": rule.name,
            "default_severity": rule.severity.value,
            "here": (level.value if (level := policy.base[rule.id]) else "off"),
            "summary": rule.summary,
        }
        for rule in RULES.values()
    ]
    if output_format is RulesFormat.JSON:
        console.file.write(dumps_json({"version": 1, "rules": rows}) + "\n")
        return
    table = Table("id", "name", "default", "here", "finds", box=None, pad_edge=False)
    for row in rows:
        table.add_row(row["id"], row["name"], row["default_severity"], row["here"], row["summary"])
    console.print(table)


def explain(
    rule: Annotated[str, typer.Argument(help="A rule id (JO301) or name (journey-without-owner).")],
) -> None:
    """Explain a rule: what it finds, why, and a bad and a good example.

    Examples:

      journeyops explain JO404

      journeyops explain unaddressed-high-pain
    """
    found = RULES.resolve(rule, any_case=True)
    if found is None:
        hint = did_you_mean(rule, RULES.names())
        raise usage_error(
            f"no rule '{rule}'" + (f"; {hint}" if hint else "; see `journeyops rules`")
        )
    # 27 ms to import: paid only when a rule is explained, not by every command
    from rich.markdown import Markdown  # noqa: PLC0415

    stdout_console().print(Markdown(rule_markdown(found, heading="#")))


def _policy(path: Path) -> Policy:
    root = find_root(path) if path.exists() else None
    if root is None:
        return default_policy(RULES)
    try:
        config, config_source, _ = load_config(DiskSource(root))
        return build_policy(config.lint, RULES, config_source)
    except (ConfigError, PolicyError) as error:
        message = f"journeyops.yaml is invalid ({error}); `journeyops validate` shows where"
        raise usage_error(message) from None
