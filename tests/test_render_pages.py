"""The overview, persona, opportunity, insights and portfolio pages as text: what each shows,
where its links go, its numbers as the CLI writes them, and user text escaped everywhere
(the search index included). The same pages in a browser: tests/test_site_browser_pages.py."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape

from bench.generate import generate
from journeyops.load.sources import DiskSource, MemorySource
from journeyops.load.workspace import load_workspace
from journeyops.model import Insight, Opportunity
from journeyops.model.journey import Journey
from journeyops.model.persona import Persona
from journeyops.render import render
from journeyops.render.search_index import INDEX_FILE, script_json
from journeyops.render.site_pages import DEFAULT_TOP
from journeyops.report.formatting import readable
from journeyops.scoring.run import score
from tests.conftest import ROOT

Cli = Callable[..., tuple[int, str, str]]
NORTHWIND = ROOT / "examples" / "northwind"
NASTY = Path(__file__).parent / "render" / "nasty"
MAIN = re.compile(r'<main id="main">.*</main>', re.DOTALL)


@pytest.fixture(scope="module")
def northwind() -> dict[str, str]:
    return dict(render(DiskSource(NORTHWIND), diagrams=False).pages)


def models(kind: type[Any], root: Path = NORTHWIND) -> list[Any]:
    loaded = load_workspace(DiskSource(root), workers=1).workspace
    return [doc.model for doc in loaded.of(kind)]


def hrefs(html: str, section: str | None = None) -> list[str]:
    """Every href, or those inside the <section> whose heading has id `section`."""
    if section:
        html = html.split(f'id="{section}"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'href="([^"]+)"', html)


def test_an_opportunity_page_explains_its_score_as_score_explain_does(
    cli: Cli, northwind: dict[str, str]
) -> None:
    for opportunity_id in ("provisional-credit", "live-capture-guidance", "close-in-app"):
        _, text, _ = cli("score", str(NORTHWIND), "--explain", opportunity_id)
        page = northwind[f"opportunities/{opportunity_id}.html"]
        inputs = text.split("inputs\n", 1)[1].split("\n\n", 1)[0].splitlines()
        for line in inputs:
            key, value, where = line.split()
            where = where.split("northwind/", 1)[1]  # the site names files from its root
            assert (
                f'<th scope="row">{key}</th><td class="num">{value}</td><td><code>{where}</code>'
                in page
            ), line
        arithmetic = text.split("arithmetic\n", 1)[1].split("\n\n", 1)[0].splitlines()
        for line in arithmetic:
            what, result = (part.strip() for part in line.rsplit("= ", 1))
            assert f'<td><code>{escape(what)}</code></td><td class="num">{result}</td>' in page
        last = text.strip().splitlines()[-1]  # score 1,125, rank 20 of 22
        shown = last.removeprefix("score ").replace(", rank", "</strong>, rank")
        assert f"Score <strong>{shown}." in page


def test_scores_read_as_the_cli_writes_them(northwind: dict[str, str]) -> None:
    ranking = score(DiskSource(NORTHWIND)).ranking
    portfolio = northwind["portfolio.html"]
    fractions = 0
    for entry in ranking.entries:
        shown = readable(entry.score)
        opportunity_id = entry.opportunity.model.id
        row = portfolio.split(f'href="opportunities/{opportunity_id}.html"', 1)[1]
        assert f'data-sort="{entry.score!r}">{shown}</td>' in row.split("</tr>", 1)[0]
        assert (
            f"<dd>{shown}, rank {entry.rank} of "
            in northwind[f"opportunities/{opportunity_id}.html"]
        )
        fractions += "." in shown
    assert fractions >= 2  # 7,893.33 and the like, never 7893.3333
    assert ">7893.33" not in portfolio and ">7,893.33<" in portfolio


def test_a_persona_page_links_every_journey_opportunity_and_insight_naming_it(
    northwind: dict[str, str],
) -> None:
    journeys, opportunities = models(Journey), models(Opportunity)
    insights = models(Insight)
    for persona in models(Persona):
        page = northwind[f"personas/{persona.id}.html"]
        assert f"<h1>{escape(persona.name)}</h1>" in page
        for goal in persona.goals + persona.needs + persona.frustrations:
            assert f"<li>{escape(goal)}</li>" in page
        assert hrefs(page, "persona-journeys") == [
            f"../journeys/{j.id}.html"
            for j in sorted(journeys, key=lambda j: (j.level != "lifecycle", j.title))
            if persona.id in j.personas
        ]
        assert sorted(hrefs(page, "persona-opportunities")) == sorted(
            f"../opportunities/{o.id}.html" for o in opportunities if persona.id in o.personas
        )
        assert hrefs(page, "persona-insights") == sorted(
            f"../insights.html#insight-{i.id}" for i in insights if persona.id in i.personas
        )


def test_the_evidence_chain_leads_from_insights_to_steps_to_journeys(
    northwind: dict[str, str],
) -> None:
    insights = {i.id: i for i in models(Insight)}
    cited = [o for o in models(Opportunity) if o.evidence]
    assert cited
    for opportunity in cited:
        page = northwind[f"opportunities/{opportunity.id}.html"]
        chain = hrefs(page, "evidence")
        for insight_id in opportunity.evidence:
            insight = insights[insight_id]
            assert f"../insights.html#insight-{insight_id}" in chain
            assert f"({insight.source}{', ' + str(insight.date) if insight.date else ''})" in page
            for ref in insight.steps:
                journey_id, step_id = ref.split("/")
                assert f"../journeys/{journey_id}.html#step-{step_id}" in chain
        for ref in opportunity.pains:
            journey_id, step_id, _ = ref.split("/")
            assert f"../journeys/{journey_id}.html#step-{step_id}" in hrefs(page, "pains")


def test_the_insights_page_shows_what_each_insight_supports(northwind: dict[str, str]) -> None:
    page = northwind["insights.html"]
    opportunities = models(Opportunity)
    for insight in models(Insight):
        article = page.split(f'id="insight-{insight.id}"', 1)[1].split("</article>", 1)[0]
        for quote in insight.quotes:
            assert f"<blockquote><p>{escape(quote)}</p></blockquote>" in article
        supported = [h for h in hrefs(article) if h.startswith("opportunities/")]
        assert sorted(supported) == sorted(
            f"opportunities/{o.id}.html" for o in opportunities if insight.id in o.evidence
        )


def test_a_lifecycle_journey_rolls_up_every_journey_below_it(northwind: dict[str, str]) -> None:
    journeys = {j.id: j for j in models(Journey)}
    below = [j for j in journeys.values() if j.id != "customer-lifecycle"]  # all, in northwind
    assert all(j.parent for j in below)
    tree = [journeys["customer-lifecycle"], *below]
    steps = sum(len(j.steps()) for j in tree)
    high = sum(1 for j in tree for _, _, s in j.steps() for p in s.pains if p.severity == "high")
    refs = {f"{j.id}/{s.id}" for j in tree for _, _, s in j.steps()}
    still_open = {"open", "exploring", "planned", "in-progress"}
    open_ones = [o for o in models(Opportunity) if o.status in still_open and set(o.steps) & refs]
    row = northwind["index.html"].split('href="journeys/customer-lifecycle.html"', 1)[1]
    numbers = re.findall(r'<td class="num">([^<]+)</td>', row.split("</tr>", 1)[0])
    assert numbers[:4] == [str(len(below)), str(steps), str(high), str(len(open_ones))]
    assert high >= 10 and len(open_ones) < len(models(Opportunity))  # done and dismissed left out


def test_a_reference_to_a_document_left_out_shows_as_text(tmp_path: Path) -> None:
    source = MemorySource(
        {
            "journeyops.yaml": b"version: 1\nname: Left out\n",
            "j.yaml": b"kind: journey\nid: bad\ntitle: Bad\nstages:\n  - id: s\n    name: S\n"
            b"    steps:\n      - id: one\n        name: One\n        emotion: 9\n",
            "o.yaml": b"kind: opportunity\nid: idea\ntitle: Idea\nsteps: [bad/one]\n"
            b"scores: {reach: 1, impact: 1, confidence: 1, effort: 1}\n",
        }
    )
    pages = render(source, diagrams=False).pages
    assert "journeys/bad.html" not in pages
    page = pages["opportunities/idea.html"]
    assert '<code>bad/one</code> <span class="muted">(not published)</span>' in page
    assert "journeys/bad.html" not in page
    assert "<strong>journey &#39;bad&#39; in j.yaml</strong>, not published" in pages["index.html"]


def test_the_overview_stays_small_however_large_the_workspace(tmp_path: Path) -> None:
    """The overview shows the first DEFAULT_TOP of each list and links to the full lists,
    so its size does not grow with the workspace (5.4 MB on 2,000 journeys before)."""
    sizes = {}
    for journeys, opportunities in ((60, 150), (300, 800)):
        root = tmp_path / f"ws{journeys}"
        generate(root, journeys=journeys, opportunities=opportunities, seed=2)
        pages = render(DiskSource(root), diagrams=False).pages
        index = pages["index.html"]
        sizes[journeys] = len(index.encode())
        assert index.count('<tr id="opportunity-') == DEFAULT_TOP
        assert index.count('<th scope="row"><a href="journeys/') == DEFAULT_TOP
        assert 'href="portfolio.html"' in index and 'href="journeys.html"' in index
        assert pages["portfolio.html"].count('<tr data-status="') == opportunities
        assert pages["journeys.html"].count('<th scope="row"><a href="journeys/') == journeys
    assert sizes[300] < 1.1 * sizes[60] and sizes[300] < 100_000


def test_the_search_index_is_json_that_no_title_can_break_out_of() -> None:
    hostile = ["</script><script>alert(1)</script>", "<!-- a & b -->", "line\u2028sep\u2029"]
    text = script_json(hostile)
    assert not set(text) & set("<>&\u2028\u2029")
    assert json.loads(text) == hostile
    pages = render(DiskSource(NASTY), diagrams=False).pages
    script = pages[INDEX_FILE]
    assert not set(script) & set("<>&\u2028\u2029")
    index = json.loads(script.removeprefix("window.journeyopsIndex = ").removesuffix(";\n"))
    assert index["j"][0] == ["parent", "Parent <script>alert('parent')</script>"]
    assert index["o"] == [["fix-it", 'Fix <it> & "ship"']]
    assert [1, "start", "Step <svg onload=alert(1)>"] in index["s"]
    assert [2, "one", "Line one\nline two \\n not a break \\l"] in index["s"]


@pytest.mark.parametrize(
    "page", ["opportunities/fix-it.html", "personas/pat.html", "insights.html", "portfolio.html"]
)
def test_the_hostile_fixture_pages_match_their_goldens(golden: Any, page: str) -> None:
    """The content of each page kind (not the shared head and style, which change apart)."""
    pages = render(DiskSource(NASTY), diagrams=False).pages
    main = MAIN.search(pages[page])
    assert main is not None
    text = main.group(0)
    assert "<script>alert" not in text and "<it>" not in text and "<em>" not in text
    golden(f"render/nasty.{page.replace('/', '.')}", text + "\n")
