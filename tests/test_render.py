"""`journeyops render`: escaping in DOT and HTML, the output folder's safety, determinism,
and template overrides. The pages in a real browser: tests/test_site_browser.py."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from journeyops.load.sources import DiskSource
from journeyops.load.workspace import load_workspace
from journeyops.model.config import EmotionScale
from journeyops.model.journey import Journey
from journeyops.render.diagrams import draw
from journeyops.render.dot import journey_dot, quote
from journeyops.render.output import MANIFEST
from tests.browser import html_errors
from tests.conftest import ROOT

Cli = Callable[..., tuple[int, str, str]]
NASTY = Path(__file__).parent / "render" / "nasty"
NEEDS_DOT = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")


@pytest.fixture
def nasty(tmp_path: Path) -> Path:
    shutil.copytree(NASTY, tmp_path / "ws")
    return tmp_path / "ws"


def tricky() -> Journey:
    loaded = load_workspace(DiskSource(NASTY), workers=1)
    return loaded.workspace.journeys["tricky"].model


@pytest.mark.parametrize(
    ("text", "dot"),
    [
        ('say "hi"', r'"say \"hi\""'),
        ("back\\slash", r'"back\\slash"'),
        ("\\n is not a break", r'"\\n is not a break"'),
        ("two\nlines", r'"two\nlines"'),
        ("<b>&{x|y}</b>", '"<b>&{x|y}</b>"'),
    ],
)
def test_dot_strings_show_the_text_as_written(text: str, dot: str) -> None:
    assert quote(text) == dot


def test_journey_dot_matches_its_golden_file(golden: Any) -> None:
    journey = tricky()
    golden("render/tricky.dot", journey_dot(journey, EmotionScale()))


@NEEDS_DOT
def test_graphviz_draws_user_text_literally_and_inline_ready() -> None:
    svg = draw({"tricky": journey_dot(tricky(), EmotionScale())})["tricky"]
    assert svg.startswith("<svg")  # no XML declaration or doctype inside a page
    assert "Line one" in svg and "line two \\n not a break \\l" in svg
    assert "Brace } and {record|label}" in svg
    assert "Stage \\ with backslash" in svg
    assert 'xlink:href="#step-one"' in svg


@NEEDS_DOT
def test_rendered_pages_escape_everything_the_user_wrote(cli: Cli, nasty: Path) -> None:
    out = nasty.parent / "site"
    status, stdout, err = cli("render", str(nasty), "--out", str(out), "--no-cache")
    assert status == 0 and " error " not in err  # validate's warnings only
    assert "Rendered 10 pages with 3 diagrams" in stdout
    pages = {p.relative_to(out).as_posix(): p.read_text() for p in out.rglob("*.html")}
    assert sorted(pages) == [
        "index.html",
        "insights.html",
        "journeys.html",
        "journeys/parent.html",
        "journeys/tricky.html",
        "opportunities/fix-it.html",
        "personas/pat.html",
        "portfolio.html",
    ]
    for text in pages.values():
        assert "<script>alert" not in text and "<img" not in text and "<em>" not in text
        assert "<it>" not in text and "<b>test" not in text
    tricky_page = pages["journeys/tricky.html"]
    assert "Tricky &#34;quoted&#34; &lt;img src=x onerror=alert(1)&gt; &amp; co" in tricky_page
    assert "Pain &lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;" in tricky_page
    assert "<li>&lt;b&gt;bold?&lt;/b&gt;</li>" in tricky_page


@NEEDS_DOT
def test_the_same_workspace_gives_the_same_bytes_and_unchanged_pages_are_not_rewritten(
    cli: Cli, nasty: Path
) -> None:
    out = nasty.parent / "site"
    cli("render", str(nasty), "--out", str(out), "--no-cache")
    first = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    stamps = {p: p.stat().st_mtime_ns for p in first}
    status, stdout, _ = cli("render", str(nasty), "--out", str(out), "--no-cache")
    assert status == 0 and "0 written, 10 unchanged" in stdout
    assert {p: p.read_bytes() for p in first} == first
    assert {p: p.stat().st_mtime_ns for p in first if p.name != MANIFEST} == {
        p: t for p, t in stamps.items() if p.name != MANIFEST
    }


def test_a_folder_with_other_files_is_never_written_into(cli: Cli, nasty: Path) -> None:
    out = nasty.parent / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("my notes")
    status, stdout, err = cli("render", str(nasty), "--out", str(out), "--no-diagrams")
    assert (status, stdout) == (2, "")
    assert "is not empty and was not written by journeyops render" in err
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


def test_pages_no_longer_produced_are_removed_but_nothing_else(cli: Cli, nasty: Path) -> None:
    out = nasty.parent / "site"
    cli("render", str(nasty), "--out", str(out), "--no-diagrams")
    (out / "journeys" / "extra.html").write_text("someone else's page")
    journeys = nasty / "journeys.yaml"
    journeys.write_text(journeys.read_text().split("\n---\n")[0] + "\n")  # drop `tricky`
    status, stdout, err = cli("render", str(nasty), "-o", str(out), "--no-diagrams", "-f", "json")
    assert status == 1 and "error JO102 unknown journey 'tricky'" in err  # in ideas.yaml
    # fix-it is on a step of tricky: its page goes too
    assert json.loads(stdout)["removed"] == ["journeys/tricky.html", "opportunities/fix-it.html"]
    assert sorted(p.name for p in (out / "journeys").iterdir()) == ["extra.html", "parent.html"]


def test_a_damaged_manifest_stops_the_render(cli: Cli, nasty: Path) -> None:
    out = nasty.parent / "site"
    out.mkdir()
    (out / MANIFEST).write_text("{not json")
    status, _, err = cli("render", str(nasty), "--out", str(out), "--no-diagrams")
    assert status == 2 and "is damaged" in err


def test_without_graphviz_the_message_says_how_to_install_it_or_skip_diagrams(
    cli: Cli, nasty: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(nasty))  # a folder without `dot`
    out = nasty.parent / "site"
    status, _, err = cli("render", str(nasty), "--out", str(out), "--no-cache")
    assert status == 2
    assert "apt-get install graphviz" in err and "--no-diagrams" in err
    assert not out.exists()
    status, _, _ = cli("render", str(nasty), "--out", str(out), "--no-diagrams", "--no-cache")
    assert status == 0 and (out / "journeys" / "tricky.html").is_file()


def test_own_templates_replace_the_built_in_ones_and_their_errors_are_located(
    cli: Cli, nasty: Path
) -> None:
    theme = nasty.parent / "theme"
    theme.mkdir()
    (theme / "style.css").write_text("body { color: rebeccapurple; }")
    out = nasty.parent / "site"
    status, _, _ = cli(
        "render", str(nasty), "-o", str(out), "--no-diagrams", "--templates", str(theme)
    )
    assert status == 0
    assert "rebeccapurple" in (out / "index.html").read_text()
    (theme / "index.html").write_text("{% extends 'base.html' %}\n{% block main %}{% if %}\n")
    status, _, err = cli(
        "render", str(nasty), "-o", str(out), "--no-diagrams", "--templates", str(theme)
    )
    assert status == 2 and "index.html:2" in err


def test_files_with_errors_are_reported_and_the_rest_is_rendered(cli: Cli, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "examples" / "broken", tmp_path / "ws")
    out = tmp_path / "site"
    status, _, err = cli("render", str(tmp_path / "ws"), "-o", str(out), "--no-diagrams")
    assert status == 1
    assert "personas.yaml:7:1: error JO010 unknown field 'nmae'" in err
    assert (out / "index.html").is_file()


JOURNEYS = """\
kind: journey
id: good
title: Good
stages:
  - id: only
    name: Only
    steps:
      - id: fine
        name: Fine
        emotion: 1
---
kind: journey
id: bad
title: Bad
stages:
  - id: only
    name: Only
    steps:
      - id: glad
        name: Glad
        emotion: EMOTION
"""


def workspace(folder: Path, emotion: str, config: str = "") -> Path:
    folder.mkdir()
    (folder / "journeyops.yaml").write_text(f"version: 1\nname: Errors\n{config}")
    (folder / "journeys.yaml").write_text(JOURNEYS.replace("EMOTION", emotion))
    return folder


# The pages every site has, beside a page per journey, persona and opportunity.
SITE_PAGES = ["index.html", "insights.html", "journeys.html", "portfolio.html"]


def site_text(out: Path) -> dict[str, str]:
    return {p.relative_to(out).as_posix(): p.read_text() for p in sorted(out.rglob("*.html"))}


def test_a_document_with_errors_is_not_published_and_render_reports_as_validate_does(
    cli: Cli, tmp_path: Path
) -> None:
    ws = workspace(tmp_path / "ws", "7")
    (ws / "odd.yaml").write_text("kind: persona\nid: odd\nname: Odd\n'<script>x</script>': 1\n")
    validated, report, _ = cli("validate", str(ws), "--no-cache")
    out = tmp_path / "site"
    status, stdout, err = cli("render", str(ws), "-o", str(out), "--no-diagrams", "--no-cache")
    assert (status, validated) == (1, 1)
    assert err == report  # the same findings, the same words
    assert "2 documents with errors not published" in stdout
    pages = site_text(out)
    assert sorted(pages) == sorted([*SITE_PAGES, "journeys/good.html"])
    assert not any("+7" in page for page in pages.values())
    assert ">+1 (positive)</td>" in pages["journeys/good.html"]
    index = pages["index.html"]
    assert "<strong>journey &#39;bad&#39; in journeys.yaml</strong>, not published" in index
    assert "<code>journeys.yaml:21:18: JO012 emotion 7 is outside the scale -2..2</code>" in index
    assert "<strong>documents in odd.yaml that did not load</strong>, not published" in index
    assert "&lt;script&gt;" in index and "<script>x" not in index
    assert "1 journeys, 0 personas" in index  # the counts are of what is published
    _, stdout, _ = cli("render", str(ws), "-o", str(out), "--no-diagrams", "-f", "json")
    left_out = json.loads(stdout)["not_published"]
    assert [(u["file"], u["kind"], u["id"]) for u in left_out] == [
        ("journeys.yaml", "journey", "bad"),
        ("odd.yaml", None, None),
    ]


@pytest.mark.parametrize("example", ["broken", "northwind"])
def test_render_exits_as_validate_does(cli: Cli, tmp_path: Path, example: str) -> None:
    ws = ROOT / "examples" / example
    validated, report, _ = cli("validate", str(ws), "--no-cache")
    status, _, err = cli("render", str(ws), "-o", str(tmp_path / "s"), "--no-diagrams")
    assert status == validated
    assert err == (report if validated else err)  # a clean one may still print warnings


BIG = "9" * 400


@NEEDS_DOT
@pytest.mark.parametrize("emotion", [BIG, f"-{BIG}", ".inf", "-.inf", ".nan", "1e400", "2.5"])
def test_a_huge_or_non_finite_emotion_never_crashes_render(
    cli: Cli, tmp_path: Path, emotion: str
) -> None:
    ws = workspace(tmp_path / "ws", emotion)
    out = tmp_path / "site"
    status, _, err = cli("render", str(ws), "-o", str(out), "--no-cache")
    assert status == 1 and " error JO01" in err
    pages = site_text(out)
    assert sorted(pages) == sorted([*SITE_PAGES, "journeys/good.html"])
    assert "<li><code>journeys.yaml:21:18: JO01" in pages["index.html"]


@NEEDS_DOT
def test_with_the_emotion_rule_off_a_huge_emotion_is_drawn_and_not_called_positive(
    cli: Cli, tmp_path: Path
) -> None:
    ws = workspace(tmp_path / "ws", BIG, "lint:\n  rules: {JO012: off}\n")
    out = tmp_path / "site"
    status, stdout, _ = cli("render", str(ws), "-o", str(out), "--no-cache")
    assert status == 0 and "with 3 diagrams" in stdout
    page = site_text(out)["journeys/bad.html"]
    assert f"+{BIG} (outside the scale)</td>" in page and "(positive)</td>" not in page


@NEEDS_DOT
def test_an_emotion_scale_of_any_size_reads_in_words(cli: Cli, tmp_path: Path) -> None:
    scale = f"taxonomy:\n  emotion: {{min: -1, max: {BIG}}}\n"
    ws = workspace(tmp_path / "ws", "3", scale)
    out = tmp_path / "site"
    status, _, err = cli("render", str(ws), "-o", str(out), "--no-cache")
    assert status == 0, err
    assert "+3 (negative)" in site_text(out)["journeys/bad.html"]  # below the middle


def test_a_page_with_documents_not_published_is_valid_html(cli: Cli, tmp_path: Path) -> None:
    ws = workspace(tmp_path / "ws", "7")
    (ws / "odd.yaml").write_text("kind: persona\nid: odd\nname: Odd\n'<b>x</b>': 1\n")
    out = tmp_path / "site"
    cli("render", str(ws), "-o", str(out), "--no-diagrams", "--no-cache")
    assert html_errors(sorted(out.rglob("*.html"))) == ""
