"""Rendered pages in a real headless Chromium: self-contained, accessible (axe-core), links
that land, escaping that holds; and valid HTML by the Nu checker."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser import (
    html_errors,
    launched_chromium,
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


class Visit:
    """A page opened in its own context, recording what a page must never do."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", self._console)
        self.page.on("dialog", self._dialog)
        self.page.goto(path.as_uri())

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def close(self) -> None:
        self.context.close()


def pages_of(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_is_self_contained_and_silent(browser: Any, sites: dict[str, Path]) -> None:
    for site in sites.values():
        for path in pages_of(site):
            visit = Visit(browser, path)
            visit.page.wait_for_load_state("load")
            outside = [url for url in visit.requests if not url.startswith("file://")]
            assert outside == [], f"{path.name} loads {outside}"
            assert (visit.errors, visit.dialogs) == ([], []), path.name
            visit.close()


def test_every_page_passes_axe_core(browser: Any, sites: dict[str, Path]) -> None:

    axe = Axe()
    for site in sites.values():
        for path in pages_of(site):
            visit = Visit(browser, path)
            results = axe.run(visit.page)
            assert results.violations_count == 0, f"{path}: {results.generate_report()}"
            visit.close()


def test_every_link_inside_the_site_lands_on_an_element(
    browser: Any, sites: dict[str, Path]
) -> None:
    site = sites["northwind"]
    checked = 0
    for path in pages_of(site):
        visit = Visit(browser, path)
        links = visit.page.eval_on_selector_all(
            "a[href], svg a",
            "els => els.map(e => e.href && e.href.baseVal !== undefined"
            " ? new URL(e.href.baseVal, document.baseURI).href : e.href)",
        )
        visit.close()
        for link in links:
            if not link.startswith("file://"):
                continue
            target, _, anchor = link.removeprefix("file://").partition("#")
            assert Path(target).is_file(), f"{path.name} links to missing {target}"
            if anchor:
                assert f'id="{anchor}"' in Path(target).read_text(), f"{path.name}: #{anchor}"
            checked += 1
    assert checked > 100


def test_a_step_in_the_flow_diagram_leads_to_its_column(
    browser: Any, sites: dict[str, Path]
) -> None:
    visit = Visit(browser, sites["northwind"] / "journeys" / "open-account.html")
    node = visit.page.locator("#node-s3 a")  # the fourth step: Verify identity
    node.click()
    assert visit.page.url.endswith("#step-verify-identity")
    header = visit.page.locator("#step-verify-identity")
    assert "Verify identity" in header.inner_text()
    assert header.is_visible()
    visit.close()


def test_user_text_reaches_the_reader_as_text(browser: Any, sites: dict[str, Path]) -> None:
    visit = Visit(browser, sites["nasty"] / "journeys" / "tricky.html")
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
