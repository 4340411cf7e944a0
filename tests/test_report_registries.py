"""Every `--format` choice comes from a registry in `report/`, with its enum beside it: each
registry covers every member of its enum, and each command offers exactly its registry."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

import pytest
import typer

from journeyops import report
from journeyops.authoring import fmt_report
from journeyops.cli import app
from journeyops.report import (
    diff_formats,
    metrics_formats,
    render_summary,
    rule_listing,
    score_formats,
)

REGISTRIES: dict[str, tuple[type[StrEnum], Mapping[Any, Any]]] = {
    "validate": (report.OutputFormat, report.REPORTERS),
    "score": (score_formats.ScoreFormat, score_formats.REPORTERS),
    "diff": (diff_formats.DiffFormat, diff_formats.REPORTERS),
    "metrics": (metrics_formats.MetricsFormat, metrics_formats.REPORTERS),
    "render": (render_summary.RenderFormat, render_summary.REPORTERS),
    "rules": (rule_listing.RulesFormat, rule_listing.REPORTERS),
    "fmt": (fmt_report.FmtFormat, fmt_report.REPORTERS),  # authoring/: it reports on FmtRun
}


@pytest.mark.parametrize("command", sorted(REGISTRIES))
def test_every_format_has_a_reporter(command: str) -> None:
    formats, registry = REGISTRIES[command]
    assert list(registry) == list(formats)  # every member, in the enum's order
    assert all(callable(reporter) for reporter in registry.values())


def test_every_command_with_a_format_option_offers_its_registry() -> None:
    group: Any = typer.main.get_command(app)
    offered = {}
    for name, command in group.commands.items():
        for param in command.params:
            if "--format" in getattr(param, "opts", ()):
                offered[name] = [c.value for c in param.type_descriptor.choices]
    assert offered == {name: [f.value for f in REGISTRIES[name][0]] for name in REGISTRIES}
