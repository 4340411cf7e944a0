"""Every rule has a failing and a passing case under tests/cases/<ID>-<name>/{fail,pass}/.

A case is a small workspace read from bytes (the same path a git revision takes), checked with
only its own rule selected; the failing one marks each expected finding with
`# expect: RULE` on its line. A case that needs other settings brings its own journeyops.yaml.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from journeyops.rules import RULES, RunOptions
from journeyops.validation import validate
from tests.conftest import expectations, memory_workspace, observed, read_tree

CASES = Path(__file__).resolve().parent / "cases"
# A case is bytes in memory; an unreadable file, a link and a fifo only exist on disk
# (tests/test_cli.py, tests/test_file_safety.py).
DISK_ONLY = {"JO014", "JO016", "JO017"}
TODAY = RunOptions(today=datetime.date(2026, 11, 24))
RULE_IDS = sorted(set(RULES) - DISK_ONLY)


def _case(rule_id: str) -> Path:
    rule = RULES[rule_id]
    return CASES / f"{rule.id}-{rule.name}"


def test_every_case_folder_names_a_rule() -> None:
    known = {f"{r.id}-{r.name}" for r in RULES.values() if r.id not in DISK_ONLY}
    assert {p.name for p in CASES.iterdir()} == known


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_failing_case_reports_exactly_the_expected_findings(rule_id: str) -> None:
    files = read_tree(_case(rule_id) / "fail")
    expected = expectations(files)
    assert expected, "a failing case must mark its findings with # expect:"
    assert {rule for _, _, rule in expected} == {rule_id}
    assert (
        observed(validate(memory_workspace(files, rule_id), options=TODAY).diagnostics) == expected
    )


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_passing_case_is_clean(rule_id: str) -> None:
    result = validate(memory_workspace(read_tree(_case(rule_id) / "pass"), rule_id), options=TODAY)
    assert result.diagnostics == []
    assert result.files_checked >= (0 if rule_id == "JO011" else 1)


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (b"kind: [a]\nid: x\n", "unknown kind"),
        (b"kind: persona\nid: x\nname: n\n~: 1\n", "the key '~' is read as null"),
        (b"kind: persona\nid: x\nname: n\ntrue: 1\n", "the key 'true' is read as a boolean"),
        (
            b"kind: persona\nid: x\nname: n\n2020-01-01: 1\n",
            "the key '2020-01-01' is read as a date",
        ),
    ],
)
def test_odd_kinds_and_keys_are_findings_at_their_line(document: bytes, message: str) -> None:
    [diagnostic] = validate(memory_workspace({"f.yaml": document})).diagnostics
    assert message in diagnostic.message
    assert diagnostic.span.line == (1 if b"[a]" in document else 4)
