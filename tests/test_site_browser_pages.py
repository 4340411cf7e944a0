"""The overview, journeys list, portfolio, insights, persona and opportunity pages in a real
headless Chromium: the portfolio sorts and filters, search works from file:// and its
results land, every link lands, nothing leaves the page, axe-core finds nothing serious in
light or dark, print hides the chrome and keeps the map whole, and the Nu checker passes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from journeyops.load.sources import DiskSource
from journeyops.load.workspace import load_workspace
from journeyops.model import Opportunity
from tests.browser import (
    Tab,
    assert_lands,
    html_errors,
    launched_chromium,
    local_links,
    rendered_sites,
)
from tests.conftest import ROOT

NASTY = Path(__file__).parent / "render" / "nasty"
NORTHWIND = ROOT / "examples" / "northwind"
ROOT_PAGES = ("index.html", "journeys.html", "portfolio.html", "insights.html")


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return rendered_sites(tmp_path_factory)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launched_chromium() as launched:
        yield launched


def new_pages(site: Path) -> list[Path]:
    """Every page of the kinds these tests are about (journey maps are not among them)."""
    listed = [site / name for name in ROOT_PAGES]
    return (
        listed
        + sorted((site / "personas").glob("*.html"))
        + sorted((site / "opportunities").glob("*.html"))
    )


def one_of_each_kind(site: Path) -> list[Path]:
    return [
        *(site / name for name in ROOT_PAGES),
        sorted((site / "personas").glob("*.html"))[0],
        sorted((site / "opportunities").glob("*.html"))[0],
    ]


def northwind_opportunities() -> list[Opportunity]:
    loaded = load_workspace(DiskSource(NORTHWIND), workers=1).workspace
    return [doc.model for doc in loaded.of(Opportunity)]


def column(tab: Tab, n: int) -> list[str]:
    found: list[str] = tab.page.eval_on_selector_all(
        "#portfolio tbody tr:not([hidden])",
        f"rows => rows.map(r => r.cells[{n}].getAttribute('data-sort')"
        f" ?? r.cells[{n}].textContent)",
    )
    return found


def sorted_by(tab: Tab) -> dict[str, str]:
    found: dict[str, str] = tab.page.eval_on_selector_all(
        "#portfolio thead th[aria-sort]",
        "ths => Object.fromEntries(ths.map(t =>"
        " [t.textContent.trim(), t.getAttribute('aria-sort')]))",
    )
    return found


def test_the_portfolio_sorts_by_any_column_and_aria_sort_follows(
    browser: Any, sites: dict[str, Path]
) -> None:
    tab = Tab(browser, sites["northwind"] / "portfolio.html")
    assert sorted_by(tab) == {"Rank": "ascending"}
    ranks = [int(r) for r in column(tab, 0) if r]
    assert ranks == sorted(ranks) and len(ranks) > 10

    score = tab.page.get_by_role("button", name="Score")
    score.click()
    assert sorted_by(tab) == {"Score": "descending"}
    scores = column(tab, 2)
    numbers = [float(s) for s in scores if s]
    assert numbers == sorted(numbers, reverse=True)
    assert all(s == "" for s in scores[len(numbers) :])  # the unscored stay last
    score.click()
    assert sorted_by(tab) == {"Score": "ascending"}
    numbers = [float(s) for s in column(tab, 2) if s]
    assert numbers == sorted(numbers)

    tab.page.get_by_role("button", name="Opportunity").click()
    assert sorted_by(tab) == {"Opportunity": "ascending"}
    titles = [t.strip().lower() for t in column(tab, 1)]
    assert titles == sorted(o.title.lower() for o in northwind_opportunities())
    assert tab.errors == []
    tab.close()


def test_the_portfolio_filters_by_status_journey_and_persona(
    browser: Any, sites: dict[str, Path]
) -> None:
    opportunities = northwind_opportunities()
    tab = Tab(browser, sites["northwind"] / "portfolio.html")
    page = tab.page

    def shown() -> list[str]:
        found: list[str] = page.eval_on_selector_all(
            "#portfolio tbody tr:not([hidden]) th a",
            "links => links.map(a => a.getAttribute('href'))",
        )
        return found

    def ids(keep: Any) -> list[str]:
        return sorted(f"opportunities/{o.id}.html" for o in opportunities if keep(o))

    assert len(shown()) == len(opportunities)
    page.select_option("#filter-status", "planned")
    assert sorted(shown()) == ids(lambda o: o.status == "planned") != []
    assert page.locator("#filter-status-text").inner_text().startswith(f"{len(shown())} of ")
    page.select_option("#filter-persona", "student-sam")
    both = ids(lambda o: o.status == "planned" and "student-sam" in o.personas)
    assert sorted(shown()) == both
    page.select_option("#filter-status", "")
    page.select_option("#filter-persona", "")
    page.select_option("#filter-journey", "open-account")
    on_journey = ids(lambda o: any(s.startswith("open-account/") for s in o.steps))
    assert sorted(shown()) == on_journey != []
    tab.close()


@pytest.mark.parametrize(
    "case",
    [
        ("index.html", "current account", "Journey", "journeys/open-account.html"),
        ("personas/student-sam.html", "rosa", "Persona", "personas/retiree-rosa.html"),
        (
            "journeys.html",
            "provisional-credit",
            "Opportunity",
            "opportunities/provisional-credit.html",
        ),
        ("opportunities/close-in-app.html", "verify identity", "Step", "#step-verify-identity"),
    ],
)
def test_search_finds_it_from_file_and_its_result_is_a_link_that_lands(
    browser: Any, sites: dict[str, Path], case: tuple[str, str, str, str]
) -> None:
    start, query, kind, lands = case
    site = sites["northwind"]
    tab = Tab(browser, site / start)
    page = tab.page
    page.fill("#search-input", query)
    result = page.locator("#search-results li", has_text=kind).first
    result.wait_for()
    assert page.locator("#search-status").inner_text().endswith(("result", "results", "shown"))
    link = result.locator("a")
    link.click()
    page.wait_for_load_state("load")
    assert lands in page.url
    target, _, anchor = page.url.removeprefix("file://").partition("#")
    assert Path(target).is_file()
    if anchor:
        assert page.locator(f"#{anchor}").is_visible()
    assert tab.outside == [] and tab.errors == []
    tab.close()


def test_search_shows_hostile_titles_as_text(browser: Any, sites: dict[str, Path]) -> None:
    tab = Tab(browser, sites["nasty"] / "personas" / "pat.html")
    page = tab.page
    page.fill("#search-input", "<")
    page.locator("#search-results li").first.wait_for()
    texts = page.locator("#search-results a").all_inner_texts()
    assert 'Tricky "quoted" <img src=x onerror=alert(1)> & co' in texts
    assert "Parent <script>alert('parent')</script>" in texts
    assert 'Fix <it> & "ship"' in texts and "Pat <em>persona</em>" in texts
    assert (
        page.locator("#search-results img, #search-results script, #search-results em").count() == 0
    )
    assert tab.dialogs == [] and tab.errors == []
    tab.close()


def test_every_link_on_these_pages_lands_on_an_element(
    browser: Any, sites: dict[str, Path]
) -> None:
    checked = 0
    for site in sites.values():
        for path in new_pages(site):
            for link in local_links(browser, path):
                if not link.startswith("file://"):
                    continue
                assert_lands(path, link)
                checked += 1
    assert checked > 500


def test_matrix_points_link_to_their_opportunity(browser: Any, sites: dict[str, Path]) -> None:
    tab = Tab(browser, sites["northwind"] / "portfolio.html")
    points = tab.page.locator("#matrix ~ figure svg a")
    assert points.count() > 10
    first = points.first
    href = first.get_attribute("href")
    first.locator("circle").click(force=True)
    tab.page.wait_for_load_state("load")
    assert tab.page.url.endswith(str(href))
    assert tab.page.locator("h1").is_visible()
    tab.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_each_kind_of_page_is_silent_and_passes_axe_core(
    browser: Any, sites: dict[str, Path], scheme: str
) -> None:
    axe = Axe()
    for site in sites.values():
        for path in one_of_each_kind(site):
            tab = Tab(browser, path, color_scheme=scheme)
            tab.page.fill("#search-input", "a")  # with the results open
            tab.page.locator("#search-status").filter(has_text="result").wait_for()
            # The page's own silence, before axe-core runs: axe reads style sheets with
            # XMLHttpRequest, which Chromium refuses on file:// and logs as an error.
            assert tab.outside == [] and (tab.errors, tab.dialogs) == ([], []), path
            results = axe.run(tab.page)
            serious = [
                v for v in results.response["violations"] if v["impact"] in ("serious", "critical")
            ]
            assert serious == [], f"{path} ({scheme}): {results.generate_report()}"
            tab.close()


def test_every_page_is_silent_and_loads_nothing_from_outside(
    browser: Any, sites: dict[str, Path]
) -> None:
    for site in sites.values():
        for path in new_pages(site):
            tab = Tab(browser, path)
            tab.page.wait_for_load_state("load")
            assert tab.outside == [], f"{path.name} loads {tab.outside}"
            assert (tab.errors, tab.dialogs) == ([], []), path.name
            tab.close()


def test_print_hides_the_navigation_and_keeps_the_map_whole(
    browser: Any, sites: dict[str, Path]
) -> None:
    # A landscape A4 page less its margins: about 1,050 CSS pixels.
    tab = Tab(browser, sites["northwind"] / "journeys" / "open-account.html", width=1050)
    page = tab.page
    page.emulate_media(media="print")
    for chrome in ("header.site", "footer", "#search", "nav.breadcrumb"):
        assert not page.locator(chrome).is_visible(), chrome
    table = page.locator("table.map")
    assert table.is_visible()
    width = page.evaluate("document.documentElement.clientWidth")
    box = table.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width + 1
    scroll = page.evaluate(
        "Array.from(document.querySelectorAll('.scroll')).map(e => e.scrollWidth - e.clientWidth)"
    )
    assert all(extra <= 1 for extra in scroll), scroll
    page.emulate_media(media="screen")
    assert page.locator("header.site").is_visible()
    tab.close()


@pytest.mark.parametrize("page_name", ["index.html", "personas/retiree-rosa.html", "insights.html"])
def test_a_narrow_screen_or_200_percent_zoom_needs_no_sideways_scrolling(
    browser: Any, sites: dict[str, Path], page_name: str
) -> None:
    tab = Tab(browser, sites["northwind"] / page_name, width=640, height=800)
    wider = tab.page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert wider <= 0
    assert tab.page.locator("#search-input").is_visible()
    tab.close()


def test_every_page_is_valid_html(sites: dict[str, Path]) -> None:
    assert html_errors([p for site in sites.values() for p in new_pages(site)]) == ""
