"""`journeyops rules` output: every rule with its default severity and whether it is on in a
workspace, as a table (people), json (tools) or markdown (docs/rules.md); and
`journeyops explain`'s page for one rule. The words come from the rules' docstrings
(`rule_docs`)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from journeyops.report.base import ReportContext, Reporters
from journeyops.report.formatting import FORMAT_VERSION, string_console
from journeyops.report.rule_docs import rule_markdown, rules_markdown
from journeyops.report.safe_text import dumps_json
from journeyops.rules.engine import Rule
from journeyops.rules.policy import Policy

if TYPE_CHECKING:
    from rich.console import RenderableType


class RulesFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"


@dataclass(frozen=True)
class RuleListing:
    """The rules, and the policy of the workspace asked about (the defaults outside one)."""

    rules: Collection[Rule]
    policy: Policy

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "id": rule.id,
                "name": rule.name,
                "default_severity": rule.severity.value,
                "here": (level.value if (level := self.policy.base[rule.id]) else "off"),
                "summary": rule.summary,
            }
            for rule in self.rules
        ]


def table(listing: RuleListing, context: ReportContext) -> str:
    # rich only when a table is shown: `validate` imports this module for no table.
    from rich.table import Table  # noqa: PLC0415

    grid = Table("id", "name", "default", "here", "finds", box=None, pad_edge=False)
    for row in listing.rows():
        grid.add_row(row["id"], row["name"], row["default_severity"], row["here"], row["summary"])
    return _printed(grid, context)


def as_json(listing: RuleListing, context: ReportContext) -> str:
    return dumps_json({"version": FORMAT_VERSION, "rules": listing.rows()}) + "\n"


def as_markdown(listing: RuleListing, context: ReportContext) -> str:
    return rules_markdown(listing.rules)


REPORTERS: Reporters[RulesFormat, RuleListing] = {
    RulesFormat.TEXT: table,
    RulesFormat.JSON: as_json,
    RulesFormat.MARKDOWN: as_markdown,
}


def explanation(rule: Rule, context: ReportContext) -> str:
    """One rule's docs as a terminal shows Markdown (headings, emphasis, framed examples)."""
    # 27 ms to import: paid only when a rule is explained, not by every command
    from rich.markdown import Markdown  # noqa: PLC0415

    return _printed(Markdown(rule_markdown(rule, heading="#")), context)


def _printed(renderable: RenderableType, context: ReportContext) -> str:
    console, buffer = string_console(context.color_system, width=context.width)
    # Paragraphs stay whole lines, as the terminal wraps them itself; a table still fits
    # its columns to the width.
    console.soft_wrap = True
    console.print(renderable)
    return buffer.getvalue()
