"""`lint:` in journeyops.yaml and inline suppressions decide which findings are reported."""

from __future__ import annotations

import datetime

import pytest

from journeyops.load.sources import MemorySource
from journeyops.rules import RunOptions
from journeyops.rules.validation import ValidationResult, validate

TODAY = RunOptions(today=datetime.date(2026, 11, 24))
# Two journeys with no owner (JO301), no personas (JO403), never reviewed (JO303).
JOURNEYS = b"kind: journey\nid: a\ntitle: A\n---\nkind: journey\nid: b\ntitle: B\n"


def check(lint: str, files: dict[str, bytes] | None = None) -> ValidationResult:
    config = f"version: 1\nname: T\nlint:\n{lint}".encode()
    workspace = {"journeyops.yaml": config, **(files or {"j.yaml": JOURNEYS})}
    return validate(MemorySource(workspace), options=TODAY)


def found(result: ValidationResult) -> list[tuple[str, str, int, str]]:
    return [(d.rule, d.file, d.span.line, d.severity.value) for d in result.diagnostics]


def test_defaults_report_governance_and_content_as_warnings() -> None:
    rules = {(rule, severity) for rule, _, _, severity in found(check("  rules: {}\n"))}
    assert rules == {("JO301", "warning"), ("JO303", "warning"), ("JO403", "warning")}


def test_select_by_prefix_and_ignore_by_name() -> None:
    result = check("  select: [JO3]\n  ignore: [review-overdue]\n")
    assert found(result) == [("JO301", "j.yaml", 2, "warning"), ("JO301", "j.yaml", 6, "warning")]


def test_rules_set_severity_and_turn_rules_off() -> None:
    result = check("  rules: {journey-without-owner: error, JO303: off, JO403: off}\n")
    assert {r for r, *_ in found(result)} == {"JO301"}
    assert result.errors == 2


def test_rules_setting_enables_a_rule_that_select_left_out() -> None:
    result = check("  select: [JO403]\n  rules: {JO301: error}\n")
    assert {(r, s) for r, _, _, s in found(result)} == {("JO403", "warning"), ("JO301", "error")}


def test_overrides_apply_to_matching_files_and_later_ones_win() -> None:
    lint = (
        "  select: [JO301]\n"
        "  overrides:\n"
        "    - {files: ['drafts/**'], ignore: [JO3]}\n"
        "    - {files: ['drafts/keep.yaml'], rules: {JO301: error}}\n"
    )
    files = {
        "j.yaml": JOURNEYS,
        "drafts/x.yaml": JOURNEYS.replace(b"id: ", b"id: x"),
        "drafts/keep.yaml": JOURNEYS.replace(b"id: ", b"id: k"),
    }
    assert found(check(lint, files)) == [
        ("JO301", "drafts/keep.yaml", 2, "error"),
        ("JO301", "drafts/keep.yaml", 6, "error"),
        ("JO301", "j.yaml", 2, "warning"),
        ("JO301", "j.yaml", 6, "warning"),
    ]


@pytest.mark.parametrize(
    ("lint", "line", "column", "hint"),
    [
        ("  rules: {JO3O1: off}\n", 4, 11, "did you mean 'JO301', 'JO503' or 'JO501'?"),
        (
            "  select: [journey-without-ownr]\n",
            4,
            12,
            "did you mean 'journey-without-owner', 'journey-without-personas' or "
            "'opportunity-without-owner'?",
        ),
        (
            "  overrides:\n    - {files: [a], ignore: [zzz]}\n",
            5,
            29,
            "`journeyops rules` lists every rule",
        ),
    ],
)
def test_unknown_rule_names_are_configuration_errors(
    lint: str, line: int, column: int, hint: str
) -> None:
    result = check(lint)
    assert result.config_error
    [diagnostic] = result.diagnostics
    assert (diagnostic.rule, diagnostic.file) == ("JO011", "journeyops.yaml")
    assert (diagnostic.span.line, diagnostic.span.column) == (line, column)
    assert diagnostic.hint == hint


def test_config_rule_cannot_be_turned_off() -> None:
    result = check("  rules: {JO011: off}\n", {"journeyops.yaml": b"version: 1\nname: T\nbad: 1\n"})
    assert [d.rule for d in result.diagnostics] == ["JO011"]


SUPPRESSED = b"""kind: journey
id: a  # journeyops: disable=JO301, journey-without-personas
title: A
---
# journeyops: disable=JO301
kind: journey
id: b
title: B
---
kind: journey
# journeyops: disable=JO403
id: c
title: C
"""


def test_suppressions_cover_their_line_and_the_next_by_id_or_name() -> None:
    result = check("  select: [JO301, JO403, JO015]\n", {"j.yaml": SUPPRESSED})
    assert found(result) == [
        ("JO015", "j.yaml", 5, "warning"),  # line 5 covers 5-6, but JO301 is reported on line 7
        ("JO301", "j.yaml", 7, "warning"),
        ("JO403", "j.yaml", 7, "warning"),
        ("JO301", "j.yaml", 12, "warning"),
    ]


def test_disable_file_covers_the_whole_file() -> None:
    files = {"j.yaml": b"# journeyops: disable-file=JO301,JO403\n" + JOURNEYS}
    assert found(check("  select: [JO301, JO403, JO015]\n", files)) == []


def test_unknown_rule_in_a_suppression_is_reported_with_a_suggestion() -> None:
    files = {"j.yaml": b"kind: persona\nid: p\nname: P  # journeyops: disable=JO-101\n"}
    [diagnostic] = check("  select: [JO015]\n", files).diagnostics
    assert diagnostic.rule == "JO015"
    assert (diagnostic.span.line, diagnostic.span.column, diagnostic.span.end_column) == (3, 10, 38)
    assert "unknown rule 'JO-101'" in diagnostic.message


def test_suppression_of_a_rule_that_is_off_is_unused() -> None:
    files = {"j.yaml": b"kind: journey\nid: a  # journeyops: disable=JO301\ntitle: A\n"}
    assert [d.rule for d in check("  select: [JO015]\n", files).diagnostics] == ["JO015"]
