"""`journeyops render`: escaping in DOT, SVG and HTML, the output folder's safety, determinism,
and template overrides. The pages in a real browser: tests/test_site_browser.py."""

from __future__ import annotations

import json
import re
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
from journeyops.render.dot import hierarchy_dot, quote
from journeyops.render.flow import flow_svg, text_width
from journeyops.render.output import MANIFEST
from tests.browser import html_errors
from tests.conftest import NASTY_SITE, ROOT

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


def test_journey_flow_matches_its_golden_file(golden: Any) -> None:
    golden("render/tricky.svg", flow_svg(tricky(), EmotionScale()) + "\n")


def test_the_flow_shows_user_text_literally_and_is_inline_ready() -> None:
    svg = flow_svg(tricky(), EmotionScale())
    assert svg.startswith("<svg ") and svg.endswith("</svg>")  # no declaration or doctype
    texts = re.findall(r"<text [^>]*>([^<]*)</text>", svg)
    assert texts == [
        "Stage \\ with backslash",
        "Line one",  # a line break in the name is a line of the label
        "line two \\n not a break \\l",  # backslashes are text, not escapes
        "emotion -2, 1 pain",
        "Brace } and {record|label}",
        "emotion +2",
    ]
    assert 'xlink:href="#step-one" xlink:title="Line one&#10;line two' in svg
    assert "(moment of truth)" in svg
    assert [f'id="{i}"' in svg for i in ("journey-flow", "stage-0", "node-s0", "node-s1")] == [
        True
    ] * 4
    assert re.findall(r'id="flow-\d+"', svg) == ['id="flow-0"']


def test_the_flow_escapes_markup_and_control_characters() -> None:
    journey = tricky()
    stage = journey.stages[0]
    step = stage.steps[0].model_copy(update={"name": 'A <b>"x"</b> & \x1b[2J\u202e', "id": "a"})
    hostile = journey.model_copy(update={"stages": [stage.model_copy(update={"steps": [step]})]})
    svg = flow_svg(hostile, EmotionScale())
    assert "<b>" not in svg and "\x1b" not in svg and "\u202e" not in svg
    assert "A &lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; \\x1b[2J\\u202e" in svg
    # One box with a second border outside the first (a moment of truth), no arrow.
    assert svg.count("<rect ") == 3 and 'class="edge"' not in svg


def test_the_flow_is_as_wide_as_its_labels() -> None:
    journey = tricky()
    wide = journey.model_copy(update={"stages": journey.stages[:1]})
    narrow_svg = flow_svg(wide, EmotionScale())
    stage = wide.stages[0]
    longer = stage.steps[1].model_copy(update={"name": "W" * 60})
    wider = wide.model_copy(
        update={"stages": [stage.model_copy(update={"steps": [stage.steps[0], longer]})]}
    )
    size = re.compile(r'<svg width="([\d.]+)pt"')
    grown = float(size.findall(flow_svg(wider, EmotionScale()))[0])
    before = float(size.findall(narrow_svg)[0])
    expected = text_width("W" * 60, 11) - text_width("Brace } and {record|label}", 11)
    assert grown - before == pytest.approx(expected, abs=0.01)


@NEEDS_DOT
def test_graphviz_draws_the_hierarchy_with_user_text_literally_and_inline_ready() -> None:
    loaded = load_workspace(DiskSource(NASTY), workers=1)
    journeys = [located.model for located in loaded.workspace.journeys.values()]
    dot = hierarchy_dot(journeys, {j.id: f"journeys/{j.id}.html" for j in journeys})
    svg = draw({"hierarchy": dot})["hierarchy"]
    assert svg.startswith("<svg")  # no XML declaration or doctype inside a page
    assert "Tricky &quot;quoted&quot; &lt;img src=x onerror=alert(1)&gt; &amp; co" in svg
    assert 'xlink:href="journeys/tricky.html"' in svg


@NEEDS_DOT
def test_rendered_pages_escape_everything_the_user_wrote(cli: Cli, nasty: Path) -> None:
    out = nasty.parent / "site"
    status, stdout, err = cli("render", str(nasty), "--out", str(out), "--no-cache")
    assert status == 0 and " error " not in err  # validate's warnings only
    assert "Rendered 16 pages with 4 diagrams" in stdout
    pages = {
        p.relative_to(out).as_posix(): p.read_text()
        for p in out.rglob("*")
        if p.suffix in (".html", ".svg", ".js", ".css")
    }
    assert sorted(pages) == NASTY_SITE
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
    assert status == 0 and "0 written, 16 unchanged" in stdout
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
    assert json.loads(stdout)["removed"] == [
        "compare/tricky-future.html",
        "journeys/tricky-future.html",
        "journeys/tricky-future.svg",
        "journeys/tricky.html",
        "journeys/tricky.svg",
        "opportunities/fix-it.html",  # it improves a step of `tricky`: not published now
    ]
    assert sorted(p.name for p in (out / "journeys").iterdir()) == [
        "extra.html",
        "parent.html",
        "parent.svg",
    ]


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
    assert "rebeccapurple" in (out / "style.css").read_text()
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
