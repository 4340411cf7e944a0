"""Hostile text in every part of a diff's text and markdown: names on the way to a field, an
added pain, a renamed document, a finding's message, a revision's name. Nothing reaches a
terminal or a CI runner as a control character or a command, and in markdown nothing
renders but code."""

from __future__ import annotations

import json
import re

import pytest
from markdown_it import MarkdownIt

from journeyops.diff import diff
from journeyops.load.sources import MemorySource
from journeyops.report.base import ReportContext
from journeyops.report.diff_markdown import markdown
from journeyops.report.diff_text import text
from journeyops.report.diff_view import DiffReport
from tests.test_report_safety import CONTROL, runner_commands

HOSTILE = "A | B\n| C `x` <img src=https://e.example/p.png> @org/team ##[add-mask]k \x1b[2J #12"
CONFIG = b"version: 1\nname: D\n"
PERSONA = b"kind: persona\nid: p\nname: P\n"
OPPORTUNITY = """kind: opportunity
id: {id}
title: {title}
steps: [j/t]
scores: {{reach: {reach}, impact: 1, confidence: 1, effort: 1}}
"""


def journey(title: str, stage: str, emotion: int, pains: str = "[]", persona: str = "p") -> bytes:
    return (
        f"kind: journey\nid: j\ntitle: {json.dumps(title)}\nowner: o\npersonas: [{persona}]\n"
        f"stages:\n  - id: s\n    name: {json.dumps(stage)}\n    steps:\n"
        f"      - {{id: t, name: {json.dumps(stage)}, emotion: {emotion}, pains: {pains}}}\n"
    ).encode()


@pytest.fixture(scope="module")
def outputs() -> dict[str, str]:
    long_title = json.dumps(HOSTILE + " and a long description of the idea " * 2)
    base = MemorySource(
        {
            "journeyops.yaml": CONFIG,
            "p.yaml": PERSONA,
            "j.yaml": journey("J", "S", -1),
            "a.yaml": OPPORTUNITY.format(id="a", title=long_title, reach=10).encode(),
        }
    )
    pain = "[{id: x, text: " + json.dumps(HOSTILE) + ", severity: high}]"
    head = MemorySource(
        {
            "journeyops.yaml": CONFIG,  # p.yaml is gone, still referenced
            "j.yaml": journey(HOSTILE, HOSTILE, 1, pain),
            "b.yaml": OPPORTUNITY.format(id="b", title=long_title, reach=10).encode(),  # renamed
            "c.yaml": OPPORTUNITY.format(id="c", title=json.dumps(HOSTILE), reach=99).encode(),
        }
    )
    result = diff(base, head, HOSTILE, HOSTILE)
    assert result.validation.new_errors and any(c.change == "renamed" for c in result.documents)
    report = DiffReport(result, site_url="https://x.org/")
    return {"text": text(report, ReportContext()), "markdown": markdown(report, ReportContext())}


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_no_control_character_or_runner_command_gets_out(outputs: dict[str, str], fmt: str) -> None:
    out = outputs[fmt]
    assert runner_commands(out) == []
    assert not CONTROL.search(out)
    assert "<img" in out  # the hostile text is there (escaped), not dropped


def test_text_keeps_every_change_on_its_own_line(outputs: dict[str, str]) -> None:
    lines = outputs["text"].splitlines()
    [emotion] = [line for line in lines if "emotion -1 -> +1 (better)" in line]
    assert emotion.startswith("      ~ A | B\\n| C")
    [pain] = [line for line in lines if "pain added:" in line]
    assert pain.endswith("(severity high)")


def test_markdown_renders_user_text_only_as_code(outputs: dict[str, str]) -> None:
    html = MarkdownIt("commonmark").enable("table").render(outputs["markdown"])
    assert "<img" not in html
    outside_code = re.sub(r"<code>.*?</code>", "", html, flags=re.S)
    assert "@org" not in outside_code and "e.example" not in outside_code
    assert "#12" not in outside_code and not re.search(r"#\d", outside_code)
    for table in re.findall(r"<table>(.*?)</table>", html, flags=re.S):
        rows = re.findall(r"<tr>(.*?)</tr>", table, flags=re.S)
        cells = {row.count("<td") + row.count("<th") for row in rows}
        assert len(cells) == 1, "a row has more or fewer cells than its table"
