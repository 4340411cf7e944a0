"""Every rule has a failing and a passing case under tests/cases/<ID>-<name>/{fail,pass}/.

A case is a small workspace read from bytes (the same path a git revision takes), checked with
only its own rule selected; the failing one marks each expected finding with
`# expect: RULE` on its line. A case that needs other settings brings its own journeyops.yaml.

A rule may have more cases beside those two, named `fail-<what>/` and `pass-<what>/`: the
situations it must get right besides the plain one (a document that fails its schema, a
file that does not parse). A failing case with its own journeyops.yaml may select more rules
and expect their findings too: every independent mistake, found in one run.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from journeyops.load.sources import CONFIG_FILE
from journeyops.rules import RULES, RunOptions
from journeyops.rules.validation import validate
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


def _variants(outcome: str) -> list[tuple[str, str]]:
    """(rule id, case folder) of every case with this outcome, the plain one first."""
    return [
        (rule_id, folder.name)
        for rule_id in RULE_IDS
        for folder in sorted(_case(rule_id).iterdir())
        if folder.name == outcome or folder.name.startswith(f"{outcome}-")
    ]


FAILING = _variants("fail")
PASSING = _variants("pass")


def _ids(cases: list[tuple[str, str]]) -> list[str]:
    return [
        rule_id + folder.partition("-")[1] + folder.partition("-")[2] for rule_id, folder in cases
    ]


def test_every_case_folder_names_a_rule() -> None:
    known = {f"{r.id}-{r.name}" for r in RULES.values() if r.id not in DISK_ONLY}
    assert {p.name for p in CASES.iterdir()} == known
    for rule_id in RULE_IDS:
        folders = {p.name for p in _case(rule_id).iterdir()}
        assert {"fail", "pass"} <= folders
        assert all(f.partition("-")[0] in ("fail", "pass") for f in folders), folders


@pytest.mark.parametrize(("rule_id", "folder"), FAILING, ids=_ids(FAILING))
def test_failing_case_reports_exactly_the_expected_findings(rule_id: str, folder: str) -> None:
    files = read_tree(_case(rule_id) / folder)
    expected = expectations(files)
    assert expected, "a failing case must mark its findings with # expect:"
    rules = {rule for _, _, rule in expected}
    assert rule_id in rules
    assert CONFIG_FILE in files or rules == {rule_id}, "more rules need their own config"
    assert (
        observed(validate(memory_workspace(files, rule_id), options=TODAY).diagnostics) == expected
    )


@pytest.mark.parametrize(("rule_id", "folder"), PASSING, ids=_ids(PASSING))
def test_passing_case_is_clean(rule_id: str, folder: str) -> None:
    files = read_tree(_case(rule_id) / folder)
    result = validate(memory_workspace(files, rule_id), options=TODAY)
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
    found = validate(memory_workspace({"f.yaml": document})).diagnostics
    [diagnostic] = [d for d in found if d.rule in ("JO009", "JO010")]
    assert message in diagnostic.message
    assert diagnostic.span.line == (1 if b"[a]" in document else 4)
