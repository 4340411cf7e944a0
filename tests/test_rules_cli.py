"""`journeyops rules` and `journeyops explain`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from journeyops.rules import RULES
from tests.conftest import ROOT

Cli = Callable[..., tuple[int, str, str]]


def test_rules_json_lists_every_rule_with_its_state_in_the_workspace(
    cli: Cli, tmp_path: Path
) -> None:
    (tmp_path / "journeyops.yaml").write_text(
        "version: 1\nname: X\nlint: {ignore: [JO4], rules: {JO301: error}}\n"
    )
    status, out, _ = cli("rules", str(tmp_path), "--format", "json")
    assert status == 0
    rows = {row["id"]: row for row in json.loads(out)["rules"]}
    assert list(rows) == list(RULES)
    assert rows["JO301"]["default_severity"] == "warning"
    assert rows["JO301"]["here"] == "error"
    assert rows["JO404"]["here"] == "off"
    assert rows["JO101"]["here"] == "error"


def test_rules_outside_a_workspace_shows_defaults(cli: Cli, tmp_path: Path) -> None:
    status, out, _ = cli("rules", str(tmp_path), "--format", "json")
    assert status == 0
    assert all(row["here"] == row["default_severity"] for row in json.loads(out)["rules"])


def test_rules_with_an_unknown_rule_in_config_exits_2(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "journeyops.yaml").write_text("version: 1\nname: X\nlint: {ignore: [JO999]}\n")
    status, _, err = cli("rules", str(tmp_path))
    assert status == 2
    assert "unknown rule 'JO999'" in err


def test_explain_prints_the_docs_by_id_or_name(cli: Cli) -> None:
    for name in ("JO303", "review-overdue", "jo303"):
        status, out, _ = cli("explain", name)
        assert status == 0
        assert "JO303 review-overdue" in out
        assert "review_interval_days" in out
        assert "reviewed: 2024-01-15" in out


def test_explain_unknown_rule_suggests_one(cli: Cli) -> None:
    status, _, err = cli("explain", "revew-overdue")
    assert status == 2
    assert "did you mean 'review-overdue'?" in err


@pytest.mark.parametrize("rule_id", list(RULES))
def test_every_rule_explains_itself(cli: Cli, rule_id: str) -> None:
    status, out, _ = cli("explain", rule_id)
    assert status == 0
    assert f"{rule_id} {RULES[rule_id].name}" in out
    assert f"Default severity: {RULES[rule_id].severity}" in out


def test_rules_table_matches_golden(cli: Cli, golden: Callable[[str, str], None]) -> None:
    status, out, _ = cli("rules", "examples/broken", cwd=ROOT)
    assert status == 0
    golden("broken.rules.txt", out)
