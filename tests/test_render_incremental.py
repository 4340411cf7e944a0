"""A render with the cache writes only what changed: an unchanged site is neither made nor
written (render/incremental.py), a changed workspace rewrites only the pages it changes and
redraws only the diagrams it changes, and nothing in the output folder is believed."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from journeyops.render import diagrams, site
from journeyops.render.output import MANIFEST
from tests.conftest import NASTY_SITE, ROOT

Cli = Callable[..., tuple[int, str, str]]
NASTY = Path(__file__).parent / "render" / "nasty"
pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")


@pytest.fixture
def nasty(tmp_path: Path) -> Path:
    shutil.copytree(NASTY, tmp_path / "ws")
    return tmp_path / "ws"


def stamps(out: Path) -> dict[str, tuple[int, int, int]]:
    return {
        p.relative_to(out).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns, p.stat().st_size)
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }


def render(cli: Cli, ws: Path, out: Path, *args: str) -> dict[str, Any]:
    status, stdout, err = cli("render", str(ws), "--out", str(out), "-f", "json", *args)
    assert status == 0, err
    report: dict[str, Any] = json.loads(stdout)
    return report


SITE = NASTY_SITE


def refuse(name: str) -> Callable[..., Any]:
    def refused(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"{name} ran")

    return refused


def test_an_unchanged_site_is_neither_made_nor_written(
    cli: Cli, nasty: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = nasty.parent / "site"
    first = render(cli, nasty, out)
    assert first["written"] == SITE and first["diagrams"] == 4
    before = stamps(out)
    # No page is laid out and no diagram drawn: the site in the folder is this one.
    monkeypatch.setattr(site, "pages", refuse("laying out the pages"))
    monkeypatch.setattr(diagrams, "_draw_batch", refuse("dot"))
    again = render(cli, nasty, out)
    assert again["written"] == [] and again["removed"] == []
    assert again["unchanged"] == first["written"] and again["diagrams"] == 4
    assert stamps(out) == before  # the same inodes and times: nothing rewritten, manifest too
    status, stdout, _ = cli("render", str(nasty), "--out", str(out))
    assert status == 0 and "(0 written, 16 unchanged)" in stdout


@pytest.mark.parametrize("change", ["edit", "delete", "manifest"])
def test_a_changed_output_folder_is_never_believed(
    cli: Cli, nasty: Path, change: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = nasty.parent / "site"
    render(cli, nasty, out)
    page = out / "journeys" / "tricky.html"
    original = page.read_bytes()
    if change == "edit":
        # The same size and the same modification time: only the change time tells.
        status = page.stat()
        page.write_bytes(original.replace(b"Tricky", b"Fooled", 1))
        os.utime(page, ns=(status.st_atime_ns, status.st_mtime_ns))
        assert page.stat().st_size == status.st_size
    elif change == "delete":
        page.unlink()
    else:
        (out / MANIFEST).write_text(json.dumps({"files": [], "complete": True}) + "\n")
    monkeypatch.setattr(diagrams, "_draw_batch", refuse("dot"))  # drawn before: cached
    again = render(cli, nasty, out)
    assert again["written"] == ([] if change == "manifest" else ["journeys/tricky.html"])
    assert page.read_bytes() == original
    manifest = json.loads((out / MANIFEST).read_text())
    assert len(manifest["files"]) == len(SITE) and manifest["complete"]  # made whole again


def test_one_changed_journey_rewrites_only_its_pages_and_redraws_nothing_else(
    cli: Cli, nasty: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = nasty.parent / "site"
    render(cli, nasty, out)
    before = stamps(out)
    journeys = nasty / "journeys.yaml"
    journeys.write_text(journeys.read_text().replace("Brace } and", "Bracket ] and"))
    # The step's name is in its flow (drawn in Python), not in the hierarchy (from dot's
    # drawings kept in the cache): no `dot` runs.
    monkeypatch.setattr(diagrams, "_draw_batch", refuse("dot"))
    again = render(cli, nasty, out)
    # The step's map and SVG, and the future journey's and the comparison, which draw its
    # curve beside theirs.
    assert again["written"] == [
        "compare/tricky-future.html",
        "journeys/tricky-future.html",
        "journeys/tricky-future.svg",
        "journeys/tricky.html",
        "journeys/tricky.svg",
        "search-index.js",  # the step's name is searched for
    ]
    assert "Bracket ] and" in (out / "journeys" / "tricky.html").read_text()
    after = stamps(out)
    assert {p: s for p, s in after.items() if p not in again["written"] and p != MANIFEST} == {
        p: s for p, s in before.items() if p not in again["written"] and p != MANIFEST
    }


def test_other_options_or_templates_render_again(cli: Cli, nasty: Path) -> None:
    out = nasty.parent / "site"
    render(cli, nasty, out)
    pages = [p for p in SITE if p.endswith(".html")]
    no_flows = render(cli, nasty, out, "--no-diagrams")["written"]  # the SVGs draw their own
    # The pages that show a flow or the hierarchy.
    assert no_flows == [p for p in pages if p.startswith("journeys")]
    theme = nasty.parent / "theme"
    theme.mkdir()
    (theme / "style.css").write_text("body { color: rebeccapurple; }")
    # The style sheet is one file: a theme that changes only the colours rewrites only it.
    themed = render(cli, nasty, out, "--no-diagrams", "--templates", str(theme))
    assert themed["written"] == ["style.css"]
    (theme / "style.css").write_text("body { color: papayawhip; }")
    rethemed = render(cli, nasty, out, "--no-diagrams", "--templates", str(theme))
    assert rethemed["written"] == ["style.css"]
    assert "papayawhip" in (out / "style.css").read_text()
    built_in = ROOT / "journeyops" / "render" / "templates" / "base.html"
    (theme / "base.html").write_text(built_in.read_text().replace("Generated by", "Made by"))
    framed = render(cli, nasty, out, "--no-diagrams", "--templates", str(theme))
    assert framed["written"] == pages


def test_without_the_cache_the_site_is_made_and_compared_page_by_page(
    cli: Cli, nasty: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = nasty.parent / "site"
    render(cli, nasty, out)
    calls = []
    pages = site.pages

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return pages(*args, **kwargs)

    monkeypatch.setattr(site, "pages", counted)
    again = render(cli, nasty, out, "--no-cache")
    assert calls == [1] and again["written"] == [] and again["unchanged"] == SITE
