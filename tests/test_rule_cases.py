"""Every rule has a failing and a passing case under tests/cases/<ID>-<name>/{fail,pass}/.

A case is a small workspace read from bytes (the same path a git revision takes); the failing
one marks each expected finding with `# expect: RULE` on its line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from journeyops.rules import RULES
from journeyops.validation import validate
from tests.conftest import expectations, memory_workspace, observed, read_tree

CASES = Path(__file__).resolve().parent / "cases"


def _case(rule_id: str) -> Path:
    rule = RULES[rule_id]
    return CASES / f"{rule.id}-{rule.name}"


def test_every_case_folder_names_a_rule() -> None:
    known = {f"{r.id}-{r.name}" for r in RULES.values()}
    assert {p.name for p in CASES.iterdir()} == known


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_failing_case_reports_exactly_the_expected_findings(rule_id: str) -> None:
    files = read_tree(_case(rule_id) / "fail")
    expected = expectations(files)
    assert expected, "a failing case must mark its findings with # expect:"
    assert {rule for _, _, rule in expected} == {rule_id}
    assert observed(validate(memory_workspace(files)).diagnostics) == expected


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_passing_case_is_clean(rule_id: str) -> None:
    result = validate(memory_workspace(read_tree(_case(rule_id) / "pass")))
    assert result.diagnostics == []
    assert result.files_checked >= (0 if rule_id == "JO011" else 1)
