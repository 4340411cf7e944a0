"""Rendered pages in a real headless Chromium: self-contained, accessible (axe-core), links
that land, escaping that holds; and valid HTML by the Nu checker."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser import (
    Tab,
    assert_lands,
    html_errors,
    launched_chromium,
    local_links,
    rendered_sites,
)

NASTY = Path(__file__).parent / "render" / "nasty"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return rendered_sites(tmp_path_factory)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launched_chromium() as launched:
        yield launched


def pages_of(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_is_self_contained_and_silent(browser: Any, sites: dict[str, Path]) -> None:
    for site in sites.values():
        for path in pages_of(site):
            visit = Tab(browser, path)
            visit.page.wait_for_load_state("load")
            outside = [url for url in visit.requests if not url.startswith("file://")]
            assert outside == [], f"{path.name} loads {outside}"
            assert (visit.errors, visit.dialogs) == ([], []), path.name
            visit.close()


def test_every_page_passes_axe_core(browser: Any, sites: dict[str, Path]) -> None:

    axe = Axe()
    for site in sites.values():
        for path in pages_of(site):
            visit = Tab(browser, path)
            results = axe.run(visit.page)
            assert results.violations_count == 0, f"{path}: {results.generate_report()}"
            visit.close()


def test_every_link_inside_the_site_lands_on_an_element(
    browser: Any, sites: dict[str, Path]
) -> None:
    site = sites["northwind"]
    checked = 0
    for path in pages_of(site):
        for link in local_links(browser, path, "a[href], svg a"):
            if not link.startswith("file://"):
                continue
            assert_lands(path, link)
            checked += 1
    assert checked > 100


def test_a_step_in_the_flow_diagram_leads_to_its_column(
    browser: Any, sites: dict[str, Path]
) -> None:
    visit = Tab(browser, sites["northwind"] / "journeys" / "open-account.html")
    node = visit.page.locator("#node-s3 a")  # the fourth step: Verify identity
    node.click()
    assert visit.page.url.endswith("#step-verify-identity")
    header = visit.page.locator("#step-verify-identity")
    assert "Verify identity" in header.inner_text()
    assert header.is_visible()
    visit.close()


def test_user_text_reaches_the_reader_as_text(browser: Any, sites: dict[str, Path]) -> None:
    visit = Tab(browser, sites["nasty"] / "journeys" / "tricky.html")
    page = visit.page
    assert page.locator("h1").inner_text() == 'Tricky "quoted" <img src=x onerror=alert(1)> & co'
    # The only script is the site's own search, outside the content.
    assert page.locator("main script").count() == 0 and page.locator("main img").count() == 0
    assert page.locator("script").evaluate_all("els => els.map(e => e.src)") == [
        (sites["nasty"] / "search.js").as_uri()
    ]
    pain = page.locator("table.map li", has_text="Pain </td>")
    assert pain.inner_text().startswith("Pain </td></tr></table><script>alert('pain')</script>")
    assert visit.dialogs == []
    visit.close()


def test_every_page_is_valid_html(sites: dict[str, Path]) -> None:
    assert html_errors([p for site in sites.values() for p in pages_of(site)]) == ""
