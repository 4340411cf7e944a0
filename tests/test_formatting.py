"""report/formatting.py: every number, markdown cell and JSON version comes from one place,
and the site shows a number exactly as the command line does."""

from __future__ import annotations

import json
import math
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from journeyops.core.numbers import plain
from journeyops.report.formatting import (
    FORMAT_VERSION,
    code_span,
    exact,
    markdown_cell,
    measured,
    readable,
)
from tests.conftest import ROOT, git

Cli = Callable[..., tuple[int, str, str]]
NORTHWIND = ROOT / "examples" / "northwind"
INF, NAN = math.inf, math.nan


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (0, "0"),
        (18000, "18,000"),
        (7893.333333333333, "7,893.33"),
        (1333.3333333333333, "1,333.33"),
        (7893.3, "7,893.30"),  # two decimals or none: a column of scores lines up
        (-1234.5, "-1,234.50"),
        (0.004, "0"),
        (-0.004, "-0"),  # as `score` has always shown it; scores below zero are rare
        (999_999_999_999_999.0, "999,999,999,999,999"),
        (1e15, "1e+15"),
        (1.7e308, "1.7e+308"),
        (-2.5e20, "-2.5e+20"),
        # Never shown: a score that is not finite is unscored (JO503) before any report.
        (INF, "inf"),
        (NAN, "nan"),
    ],
)
def test_readable_is_a_score_for_people(value: float, shown: str) -> None:
    assert readable(value) == shown


@pytest.mark.parametrize(
    ("value", "decimals", "shown"),
    [
        (0, 4, "0"),
        (675, 4, "675"),
        (18000, 4, "18000"),  # no separators: it reads as the number written in YAML
        (0.8, 4, "0.8"),
        (4.08, 4, "4.08"),
        (7893.333333333333, 4, "7893.3333"),
        (7893.333333333333, 2, "7893.33"),
        (-12.5, 4, "-12.5"),
        (-0.00001, 4, "0"),  # rounded before it is written: never "-0"
        (4.999, 2, "5"),
        (12.04, 1, "12"),  # the matrix's coordinates
        (1e15, 4, "1e+15"),
        (1.7e308, 4, "1.7e+308"),
        (INF, 4, "inf"),
        (NAN, 4, "nan"),  # a NaN step is shown as such; the score is then unscored (JO503)
    ],
)
def test_plain_is_a_number_inside_arithmetic(value: float, decimals: int, shown: str) -> None:
    assert plain(value, decimals) == shown


@pytest.mark.parametrize(
    ("value", "unit", "signed", "shown"),
    [
        (19, "days", False, "19 days"),
        (6.4567, "days", False, "6.46 days"),
        (58, "%", False, "58%"),
        (4.0833333, "/7", False, "4.08/7"),
        (18000, "", False, "18000"),
        (0, "", True, "0"),
        (10, "", True, "+10"),
        (-12, "", True, "-12"),
        (0.001, "", True, "0"),  # no plus on what reads as zero
        (-0.001, "", True, "0"),
        (1e300, "", True, "+1e+300"),
    ],
)
def test_measured_is_a_figure_with_its_unit(
    value: float, unit: str, signed: bool, shown: str
) -> None:
    assert measured(value, unit, signed=signed) == shown


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (0, "0"),
        (-3, "-3"),
        (18000, "18000"),
        (17 / 3, "5.666666666666667"),
        (7174.999999999999, "7174.999999999999"),
        (1e15, "1000000000000000"),
        (2.0**53, "9007199254740992.0"),  # beyond 2**53 a float is not an exact integer
        (1.7e308, "1.7e+308"),
        (NAN, "nan"),
    ],
)
def test_exact_keeps_every_digit(value: float, shown: str) -> None:
    assert exact(value) == shown
    if math.isfinite(value):
        assert float(shown) == value


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("plain", "plain"),
        ("a | b", "a \\| b"),
        ("||", "\\|\\|"),
        ("two\nlines", "two\\nlines"),
        ("tab\there", "tab\\there"),
        ("\x1b[31mred", "\\x1b[31mred"),
        ("`code` stays", "`code` stays"),  # other markdown is left as written
        ("##[error]", "##\\x5berror]"),
        ("", ""),
    ],
)
def test_markdown_cell_is_one_line_without_cell_breaks(text: str, cell: str) -> None:
    assert markdown_cell(text) == cell


@pytest.mark.parametrize(
    ("text", "cell", "span"),
    [
        ("id", False, "`id`"),
        ("", False, "` `"),
        ("a `b` c", False, "``a `b` c``"),
        ("``x", False, "``` ``x ```"),
        (" lead", False, "`  lead `"),
        ("a | b", False, "`a | b`"),
        ("a | b", True, "`a \\| b`"),
        ("<img src=x>\n@team", False, "`<img src=x>\\n@team`"),
    ],
)
def test_code_span_shows_user_text_literally(text: str, cell: bool, span: str) -> None:
    assert code_span(text, cell=cell) == span


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def northwind(tmp_path: Path) -> Path:
    """northwind with a score of 1333.33... (5000 x 1 x 0.8 / 3) and a KPI of 6.4567 days."""
    workspace = tmp_path / "northwind"
    shutil.copytree(NORTHWIND, workspace, ignore=shutil.ignore_patterns(".journeyops-cache"))
    cards = workspace / "opportunities" / "cards.yaml"
    _edit(cards, "  reach: 2500\n  impact: 3\n", "  reach: 5000\n  impact: 1\n")
    _edit(workspace / "journeys" / "open-account.yaml", "value: 6.5\n", "value: 6.4567\n")
    return workspace


SCORE_ROW = re.compile(r"^\| \d+ \| .* \(`([a-z0-9-]+)`\) \| ([^|]+) \|", re.MULTILINE)
SITE_ROW = re.compile(
    r'<tr id="opportunity-([a-z0-9-]+)">\n<td class="num">\d+</td>\n<th scope="row">.*</th>\n'
    r'<td class="num">([^<]+)</td>'
)


def test_the_site_shows_every_score_as_journeyops_score_does(cli: Cli, northwind: Path) -> None:
    status, markdown, _ = cli("score", str(northwind), "--format", "markdown")
    assert status == 0
    in_cli = dict(SCORE_ROW.findall(markdown))
    out = northwind.parent / "site"
    status, _, err = cli("render", str(northwind), "--out", str(out), "--no-diagrams")
    assert status == 0, err
    in_site = dict(SITE_ROW.findall((out / "index.html").read_text(encoding="utf-8")))
    assert in_cli["decline-reason-in-app"] == in_site["decline-reason-in-app"] == "1,333.33"
    assert in_site["live-capture-guidance"] == "7,893.33"
    assert len(in_cli) == 22 and in_site == in_cli


def test_the_site_shows_a_kpi_as_journeyops_metrics_does(cli: Cli, northwind: Path) -> None:
    status, table, _ = cli("metrics", str(northwind))
    assert status == 0 and "6.46 days" in table and "6.4567" not in table
    out = northwind.parent / "site"
    cli("render", str(northwind), "--out", str(out), "--no-diagrams")
    page = (out / "journeys" / "open-account.html").read_text(encoding="utf-8")
    assert '<td class="num">6.46 days</td>' in page and "6.4567" not in page


def _version(out: str) -> object:
    document = json.loads(out)
    assert isinstance(document, dict)
    return document.get("version", "no version")


@pytest.mark.parametrize(
    "command",
    [
        ("validate", "{ws}"),
        ("score", "{ws}"),
        ("metrics", "{ws}"),
        ("rules", "{ws}"),
        ("diff", "main", "--workspace", "{ws}"),
        ("render", "{ws}", "--out", "{site}", "--no-diagrams"),
    ],
    ids=lambda command: command[0],
)
def test_every_json_report_carries_the_one_format_version(
    cli: Cli, tmp_path: Path, command: tuple[str, ...]
) -> None:
    workspace = tmp_path / "cx"
    shutil.copytree(NORTHWIND, workspace, ignore=shutil.ignore_patterns(".journeyops-cache"))
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    args = [a.format(ws=workspace, site=tmp_path / "site") for a in command]
    status, out, err = cli(*args, "--format", "json")
    assert status == 0, err
    assert _version(out) == FORMAT_VERSION == 1
