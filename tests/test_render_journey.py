"""The journey map page's parts as text: the emotion curve (a gap, never a zero), the lanes,
the NPS margin of error, the comparison of a current and a future journey, and the render
behaviour around them (`render:` in journeyops.yaml, --journey, --quiet, the progress bar).
The pages in a real browser: tests/test_site_browser_journey.py."""

from __future__ import annotations

import io
import json
import re
import shutil
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from journeyops import __version__
from journeyops.cli import render_progress
from journeyops.cli.environment import Environment
from journeyops.load.sources import DiskSource
from journeyops.load.workspace import load_workspace
from journeyops.metrics.nps_margin import nps_interval
from journeyops.model.config import EmotionScale
from journeyops.model.journey import Journey
from journeyops.model.workspace import Workspace
from journeyops.render.compare import comparison
from journeyops.render.emotion_curve import emotion_curve_svg
from journeyops.render.journey_svg import journey_svg
from journeyops.render.lanes import lanes
from journeyops.render.pages import SiteData
from journeyops.scoring.run import score
from tests.conftest import ROOT

Cli = Callable[..., tuple[int, str, str]]
NASTY = Path(__file__).parent / "render" / "nasty"
NORTHWIND = ROOT / "examples" / "northwind"
SVG = "{http://www.w3.org/2000/svg}"


def workspace(root: Path = NASTY) -> Workspace:
    return load_workspace(DiskSource(root), workers=1).workspace


def journey(journey_id: str, root: Path = NASTY) -> Journey:
    return workspace(root).journeys[journey_id].model


def test_nps_margin_is_rocks_adjusted_wald_worked_by_hand() -> None:
    # 50 promoters, 30 passives, 20 detractors: NPS +30. Adjusted (Rocks 2016; MeasuringU):
    # n = 103, promoters 50.75/103 = 0.49272, detractors 20.75/103 = 0.20146, their
    # difference 0.29126; variance 0.49272 + 0.20146 - 0.29126^2 = 0.60934;
    # standard error sqrt(0.60934 / 103) = 0.076915; margin 1.96 * 0.076915 = 0.15075.
    interval = nps_interval(50, 30, 20)
    assert interval is not None
    assert interval.centre == pytest.approx(29.126, abs=0.001)
    assert interval.margin == pytest.approx(15.075, abs=0.001)
    assert (interval.low, interval.high) == pytest.approx((14.051, 44.201), abs=0.001)


def test_nps_margin_shrinks_with_the_sample_and_stays_on_the_scale() -> None:
    small, large = nps_interval(5, 3, 2), nps_interval(500, 300, 200)
    assert small is not None and large is not None
    assert large.margin < small.margin / 3  # a hundred times the sample: a tenth the margin
    every_one = nps_interval(10, 0, 0)
    assert every_one is not None and every_one.high == 100.0 and every_one.low < 100
    assert nps_interval(0, 0, 0) is None


def curve(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_a_step_without_an_emotion_is_a_gap_in_the_curve_never_a_zero() -> None:
    future = journey("tricky-future")
    root = curve(emotion_curve_svg(future, EmotionScale()))
    now = root.find(f".//{SVG}g[@class='curve now']")
    assert now is not None
    circles = now.findall(f"{SVG}circle")
    titles = [c.findtext(f"{SVG}title") for c in circles]
    assert titles == [
        "Step <svg onload=alert(1)>: +1 (positive)",
        "Step & </title></svg><script>alert('step')</script>: -1 (negative)",
    ]
    path = now.find(f"{SVG}path")
    assert path is not None
    # Two pieces of line, each a single point: the unrated middle step breaks it.
    assert re.fullmatch(r"M[\d.]+ [\d.]+ M[\d.]+ [\d.]+", path.get("d", ""))
    neutral = root.find(f"{SVG}line[@class='neutral']")
    assert neutral is not None
    assert all(c.get("cy") != neutral.get("y1") for c in circles)


def test_the_curve_has_an_accessible_name_and_a_future_journey_draws_the_one_it_replaces() -> None:
    future, current = journey("tricky-future"), journey("tricky")
    root = curve(emotion_curve_svg(future, EmotionScale(), current))
    assert root.get("role") == "img" and "Emotion curve" in (root.get("aria-label") or "")
    before = root.find(f".//{SVG}g[@class='curve before']")
    assert before is not None
    assert [c.get("data-step") for c in before.findall(f"{SVG}circle")] == ["one", "two"]
    truths = root.findall(f"{SVG}line[@class='truth-rule']")
    assert [t.findtext(f"{SVG}title") for t in truths] == [
        "Moment of truth: Step & </title></svg><script>alert('step')</script>"
    ]


def test_the_curve_matches_its_golden_file(golden: Any) -> None:
    svg = emotion_curve_svg(journey("tricky-future"), EmotionScale(), journey("tricky"))
    golden("render/tricky-future.curve.svg", svg + "\n")


def test_the_standalone_svg_is_a_document_with_the_flow_and_the_curve(golden: Any) -> None:
    text = journey_svg(journey("tricky-future"), EmotionScale(), journey("tricky"))
    root = ET.fromstring(text.encode())  # parses with its XML declaration: a file of its own
    assert root.findtext(f"{SVG}title", "").endswith(": flow and emotion curve")
    boxes = root.findall(f".//{SVG}rect[@rx]")
    assert len(boxes) == 3  # one per step, with or without an emotion
    assert "<script" not in text and "<svg onload" not in text
    golden("render/tricky-future.svg", text.replace(f"journeyops {__version__}", "journeyops V"))


def site_data(root: Path) -> SiteData:
    run = score(DiskSource(root))
    return SiteData(run.workspace, run.ranking)


def test_only_lanes_that_hold_something_are_shown_in_blueprint_order() -> None:
    data = site_data(NASTY)
    tricky = data.journey_by_id("tricky")
    assert tricky is not None
    # Actions, emotion and pains only; an opportunity points at its first step.
    assert [lane.key for lane in lanes(data, tricky)] == [
        "actions",
        "emotion",
        "pains",
        "opportunities",
    ]
    data = site_data(NORTHWIND)
    current = data.journey_by_id("open-account")
    assert current is not None
    keys = [lane.key for lane in lanes(data, current)]
    assert keys[:6] == ["actions", "touchpoints", "thoughts", "emotion", "pains", "gains"]
    assert keys[6:9] == ["visibility", "backstage", "insights"]


def test_the_comparison_names_pains_removed_added_and_kept() -> None:
    compared = comparison(journey("tricky"), journey("tricky-future"))
    assert [p.id for p in compared.removed] == ["ouch"]
    assert [p.id for p in compared.added] == ["new-pain"]
    assert compared.kept == []
    assert (compared.current.mean, compared.future.mean) == ("0", "0")
    assert (compared.future.steps, compared.future.rated) == (3, 2)


@pytest.fixture
def nasty(tmp_path: Path) -> Path:
    shutil.copytree(NASTY, tmp_path / "ws")
    return tmp_path / "ws"


def test_render_settings_in_journeyops_yaml_apply_and_options_win(cli: Cli, nasty: Path) -> None:
    config = nasty / "journeyops.yaml"
    config.write_text(
        config.read_text()
        + "render:\n  out: public\n  title: Board <of> journeys\n  model: ice\n  top: 1\n"
    )
    status, stdout, _ = cli("render", str(nasty), "--no-diagrams", "--no-cache", "-f", "json")
    assert status == 0, stdout
    index = (nasty / "public" / "index.html").read_text()
    assert "<title>Overview · Board &lt;of&gt; journeys</title>" in index
    assert "Ranked with the <strong>ice</strong> model" in index
    out = nasty.parent / "elsewhere"
    status, _, _ = cli("render", str(nasty), "-o", str(out), "-m", "rice", "--no-diagrams")
    assert (
        status == 0
        and "Ranked with the <strong>rice</strong> model" in (out / "index.html").read_text()
    )


def test_an_unknown_model_in_render_settings_is_a_usage_error(cli: Cli, nasty: Path) -> None:
    config = nasty / "journeyops.yaml"
    config.write_text(config.read_text() + "render:\n  model: ricee\n")
    status, stdout, err = cli("render", str(nasty), "-o", str(nasty / "site"), "--no-diagrams")
    assert (status, stdout) == (2, "")
    assert "unknown model 'ricee'" in err and "rice" in err


def test_a_strict_render_section_rejects_an_unknown_key(cli: Cli, nasty: Path) -> None:
    config = nasty / "journeyops.yaml"
    config.write_text(config.read_text() + "render:\n  titel: Board\n")
    status, _, err = cli("render", str(nasty), "-o", str(nasty / "site"), "--no-diagrams")
    assert status == 2 and "journeyops.yaml:4:3" in err and "titel" in err


def test_one_journey_renders_its_map_and_svg_and_leaves_the_rest(cli: Cli, nasty: Path) -> None:
    out = nasty.parent / "site"
    assert cli("render", str(nasty), "-o", str(out), "--no-diagrams", "--no-cache")[0] == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (nasty / "journeys.yaml").write_text(
        (nasty / "journeys.yaml").read_text().replace("Zoom here", "Zoom right here")
    )
    status, stdout, _ = cli(
        "render", str(nasty), "-o", str(out), "--journey", "parent", "--no-diagrams", "-f", "json"
    )
    assert status == 0
    report = json.loads(stdout)
    assert sorted(report["written"]) == ["journeys/parent.html", "journeys/parent.svg"]
    assert report["removed"] == []
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert sorted(p.relative_to(out).as_posix() for p in after if after[p] != before[p]) == [
        "journeys/parent.html",
        "journeys/parent.svg",
    ]
    manifest = json.loads((out / ".journeyops-site").read_text())["files"]
    assert "index.html" in manifest and "journeys/tricky.html" in manifest


def test_an_unknown_journey_says_which_ids_would_do(cli: Cli, nasty: Path) -> None:
    status, stdout, err = cli(
        "render", str(nasty), "-o", str(nasty / "site"), "--journey", "trick", "--no-diagrams"
    )
    assert (status, stdout) == (2, "")
    assert "--journey trick" in err and "did you mean 'tricky'" in err
    assert not (nasty / "site").exists()


def test_quiet_prints_no_summary_but_still_the_findings(cli: Cli, nasty: Path) -> None:
    status, stdout, err = cli(
        "render", str(nasty), "-o", str(nasty / "site"), "--quiet", "--no-diagrams"
    )
    assert (status, stdout) == (0, "")
    assert "warning JO301" in err
    assert (nasty / "site" / "journeys" / "tricky.svg").is_file()


def environment(*, tty: bool) -> tuple[Environment, io.StringIO]:
    err = io.StringIO()
    env = Environment(io.StringIO(), err, {"TERM": "xterm-256color"}, Path(), stderr_isatty=tty)
    return env, err


def test_the_progress_bar_appears_only_on_a_terminal_after_the_delay(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(render_progress, "DELAY", 0.05)
    env, err = environment(tty=True)
    with render_progress.progress(env, quiet=False) as stage:
        assert stage is not None
        stage("validating")
        time.sleep(0.4)
        stage("ranking")
    assert "rendering:" in err.getvalue()
    env, err = environment(tty=True)
    with render_progress.progress(env, quiet=False) as stage:
        assert stage is not None
        stage("validating")  # done well before the delay: nothing shown
    assert err.getvalue() == ""
    for env, err in (environment(tty=False), environment(tty=True)):
        quiet = env.stderr_isatty
        with render_progress.progress(env, quiet=quiet) as stage:
            assert stage is None
        assert err.getvalue() == ""
