"""The journey map and comparison pages in Debian's Chromium: the emotion curve's points
(one titled point per rated step, a gap for a step without), its table fallback, lane labels
that stay put when the map scrolls, links that land, nothing fetched, no console error,
axe-core in the light and the dark colour scheme, and the Nu HTML checker."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from journeyops.load.sources import DiskSource
from journeyops.load.workspace import load_workspace
from tests.browser import (
    Tab,
    assert_lands,
    html_errors,
    launched_chromium,
    local_links,
    rendered_sites,
    serious_violations,
)
from tests.conftest import ROOT

NASTY = Path(__file__).parent / "render" / "nasty"
NORTHWIND = ROOT / "examples" / "northwind"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return rendered_sites(tmp_path_factory)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launched_chromium() as launched:
        yield launched


def journey_and_compare_pages(site: Path) -> list[Path]:
    pages = sorted((site / "journeys").glob("*.html")) + sorted((site / "compare").glob("*.html"))
    assert pages
    return pages


def test_every_rated_step_is_one_titled_point_and_an_unrated_one_a_gap(
    browser: Any, sites: dict[str, Path]
) -> None:
    for name, source in (("northwind", NORTHWIND), ("nasty", NASTY)):
        workspace = load_workspace(DiskSource(source), workers=1).workspace
        for journey_id, located in workspace.journeys.items():
            steps = [step for _, _, step in located.model.steps()]
            rated = [step for step in steps if step.emotion is not None]
            if not rated:
                continue
            visit = Tab(browser, sites[name] / "journeys" / f"{journey_id}.html")
            points = visit.page.locator("svg.emotion-curve g.now circle")
            assert points.count() == len(rated), journey_id
            titles = [points.nth(i).locator("title").text_content() for i in range(len(rated))]
            assert all(
                (t or "").startswith(f"{s.name}: ") for s, t in zip(rated, titles, strict=True)
            ), titles
            steps_drawn = [points.nth(i).get_attribute("data-step") for i in range(len(rated))]
            assert steps_drawn == [s.id for s in rated]
            # The line has one piece per run of rated steps: a gap, never a drop to zero.
            runs = _runs([s.emotion is not None for s in steps])
            path = visit.page.locator("svg.emotion-curve g.now path.line").get_attribute("d")
            assert path is not None and path.count("M") == runs, journey_id
            visit.close()


def _runs(rated: list[bool]) -> int:
    return sum(1 for i, r in enumerate(rated) if r and (i == 0 or not rated[i - 1]))


def test_the_table_fallback_holds_the_curves_values(browser: Any, sites: dict[str, Path]) -> None:
    visit = Tab(browser, sites["nasty"] / "journeys" / "tricky-future.html")
    page = visit.page
    label = page.locator("svg.emotion-curve").get_attribute("aria-label") or ""
    assert "emotion" in label.lower()
    rows = page.locator("table.curve-values").first.locator("tbody tr")
    cells = [rows.nth(i).locator("th, td").all_text_contents() for i in range(rows.count())]
    assert [c[1:3] for c in cells] == [
        ["Step <svg onload=alert(1)>", "+1 (positive)"],
        ["No emotion \" ' <", "not rated"],
        ["Step & </title></svg><script>alert('step')</script>", "-1 (negative)"],
    ]
    titles = page.locator("svg.emotion-curve g.now circle title").all_text_contents()
    assert titles == [f"{c[1]}: {c[2]}" for c in cells if c[2] != "not rated"]
    assert visit.dialogs == [] and page.locator("main script").count() == 0
    visit.close()


def test_lane_labels_stay_visible_when_the_map_scrolls_sideways(
    browser: Any, sites: dict[str, Path]
) -> None:
    visit = Tab(browser, sites["northwind"] / "journeys" / "open-account.html")
    page = visit.page
    page.set_viewport_size({"width": 700, "height": 900})
    region = page.locator("div.scroll", has=page.locator("table.map"))
    label = page.locator("table.map tbody th").first
    before = label.bounding_box()
    region.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    assert region.evaluate("el => el.scrollLeft") > 200
    after, box = label.bounding_box(), region.bounding_box()
    assert before and after and box
    assert abs(after["x"] - box["x"]) < 3 and label.is_visible()
    rows = page.locator("table.map tbody tr:not(.visibility)")
    for i in range(rows.count()):
        cells = rows.nth(i).locator("td").all_inner_texts()
        assert any(c.strip() != "\u2013" for c in cells), "a lane of dashes"
    visit.close()


def test_every_link_on_the_journey_and_comparison_pages_lands(
    browser: Any, sites: dict[str, Path]
) -> None:
    checked = 0
    for path in journey_and_compare_pages(sites["northwind"]):
        for link in local_links(browser, path, "a[href], svg a"):
            assert link.startswith("file://"), f"{path.name} links out to {link}"
            assert_lands(path, link)
            checked += 1
    assert checked > 100


def test_a_current_and_its_future_journey_link_to_each_other_and_to_the_comparison(
    browser: Any, sites: dict[str, Path]
) -> None:
    site = sites["northwind"]
    visit = Tab(browser, site / "journeys" / "open-account.html")
    visit.page.get_by_role("link", name="Open a current account (2027 target)").first.click()
    assert visit.page.url.endswith("journeys/open-account-future.html")
    visit.page.locator("a[href$='compare/open-account-future.html']").click()
    assert visit.page.url.endswith("compare/open-account-future.html")
    page = visit.page
    assert page.locator("svg.emotion-curve g.before circle").count() > 0
    assert page.locator("svg.emotion-curve g.now circle").count() > 0
    removed = page.locator("h3", has_text="Removed").locator("xpath=following-sibling::*[1]")
    assert "Card takes up to a week to arrive" in removed.inner_text()
    assert "ID photo rejected" not in removed.inner_text()  # kept, by its id
    kept = page.locator("h3", has_text="Still there").locator("xpath=following-sibling::*[1]")
    assert "now with guidance on what to fix" in kept.inner_text()
    visit.close()


def test_no_request_leaves_the_page_and_nothing_errs(browser: Any, sites: dict[str, Path]) -> None:
    for site in sites.values():
        for path in journey_and_compare_pages(site):
            for scheme in ("light", "dark"):
                visit = Tab(browser, path, color_scheme=scheme)
                assert visit.outside == [], f"{path.name} loads {visit.outside}"
                assert (visit.errors, visit.dialogs) == ([], []), path.name
                visit.close()
            svg = path.with_suffix(".svg")
            if svg.is_file():
                visit = Tab(browser, svg)
                assert visit.outside == [] and visit.errors == [], svg.name
                assert visit.page.locator("svg rect[rx]").count() > 0  # the flow drew
                visit.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_serious_on_the_journey_and_comparison_pages(
    browser: Any, sites: dict[str, Path], scheme: str
) -> None:
    axe = Axe()
    for site in sites.values():
        for path in journey_and_compare_pages(site):
            visit = Tab(browser, path, color_scheme=scheme)
            found = serious_violations(axe.run(visit.page).response)
            assert found == [], f"{path} ({scheme}): {found}"
            visit.close()


def test_the_journey_and_comparison_pages_are_valid_html(sites: dict[str, Path]) -> None:
    pages = [p for site in sites.values() for p in journey_and_compare_pages(site)]
    assert html_errors(pages) == ""
