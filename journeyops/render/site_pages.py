"""The pages around the journey maps: the overview, the list of journeys, the portfolio,
the insights, a page per persona and per opportunity, and the search files.

The overview stays small on any workspace (it shows the first `top` of each list and links
to the full ones), so that 2,000 journeys and 5,000 opportunities give an overview that
opens at once; the full lists are pages of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, partial

from jinja2 import Environment, Template
from markupsafe import Markup

from journeyops.model import Insight
from journeyops.render.opportunity_pages import view
from journeyops.render.pages import SiteData
from journeyops.render.portfolio import portfolio
from journeyops.render.relations import Relations, StepLink
from journeyops.render.rollup import Rollups
from journeyops.render.search_index import INDEX_FILE, index_script
from journeyops.report.formatting import measured
from journeyops.report.matrix import matrix_svg

# How many of each list the overview shows when `render --top` does not say.
DEFAULT_TOP = 25
HIERARCHY = "hierarchy"

Diagram = Callable[[str], Markup | None]
Page = Callable[[], str]  # a page's text, made when it is written: one page held at a time


def percent(share: float) -> str:
    """A persona's share of customers: 0.35 as 35%, 0.125 as 12.5%."""
    return measured(share * 100, "%")


def step_link(link: StepLink, root: str) -> Markup:
    """A `journey/step` reference: a link into its map, or the reference as text when its
    journey is not published. (A function, not an include: pages call it thousands of
    times, and an include looks its template up at every call.)"""
    if link.step is None or link.journey is None:
        return Markup('<code>%s</code> <span class="muted">(not published)</span>') % link.ref
    return Markup('<a href="%s">%s</a> <span class="muted">in %s</span>') % (
        link.url(root),
        link.step.name,
        link.journey.title,
    )


_SECTIONS = (
    ("overview", "Overview", "index.html"),
    ("journeys", "Journeys", "journeys.html"),
    ("portfolio", "Portfolio", "portfolio.html"),
    ("personas", "Personas", "index.html#personas"),
    ("insights", "Insights", "insights.html"),
)


def site_nav(root: str, here: object) -> Markup:
    """The links to the site's sections, `here` marked as the current one. (Made once per
    folder and section: every one of 9,000 pages has it.)"""
    return _nav(str(root), here if isinstance(here, str) else "")


@lru_cache(maxsize=64)
def _nav(root: str, here: str) -> Markup:
    items = "".join(
        Markup('<li><a href="%s%s"%s>%s</a></li>\n')
        % (root, href, Markup(' aria-current="page"') if key == here else "", label)
        for key, label, href in _SECTIONS
    )
    return Markup(f'<nav aria-label="Site">\n<ul>\n{items}</ul>\n</nav>')


# What the templates of these pages call, beside site.environment's own globals.
PAGE_GLOBALS: dict[str, object] = {"share": percent, "step_link": step_link, "site_nav": site_nav}


def site_pages(
    data: SiteData, env: Environment, common: dict[str, object], top: int | None, diagram: Diagram
) -> dict[str, Page]:
    """Every page but the journeys' own, by path, each made when called; `diagram` gives a
    drawing's placeholder."""
    relations, rollups = Relations(data), Rollups(data)
    shared = {**common, "rel": relations, "rollups": rollups}
    shown = top or DEFAULT_TOP
    ranked = [s for s in data.opportunities if s.rank is not None]
    unscored = [s for s in data.opportunities if s.rank is None]
    pages: dict[str, Page] = {
        "index.html": later(
            env.get_template("index.html"),
            root="",
            current="overview",
            shown=shown,
            journeys=data.journeys[:shown],
            ranked=ranked[:shown],
            unscored=unscored[:shown],
            unscored_count=len(unscored),
            recent=_recent(data.insights)[:shown],
            **shared,
        ),
        "journeys.html": later(
            env.get_template("journeys.html"),
            root="",
            current="journeys",
            hierarchy=diagram(HIERARCHY),
            **shared,
        ),
        "portfolio.html": partial(_portfolio, data, env, shared),
        "insights.html": later(
            env.get_template("insights.html"), root="", current="insights", **shared
        ),
        INDEX_FILE: partial(index_script, data),
    }
    persona = env.get_template("persona.html")
    for persona_id, found in data.personas.items():
        pages[f"personas/{persona_id}.html"] = later(
            persona, root="../", current="personas", persona_id=persona_id, persona=found, **shared
        )
    opportunity = env.get_template("opportunity.html")
    for scored in data.opportunities:
        oid = scored.opportunity.id
        pages[f"opportunities/{oid}.html"] = _opportunity_page(opportunity, relations, oid, shared)
    return pages


def later(template: Template, **context: object) -> Page:
    """The page `template` makes from `context`, made only when called."""
    return partial(template.render, **context)


def _opportunity_page(
    template: Template, relations: Relations, oid: str, shared: dict[str, object]
) -> Page:
    return lambda: template.render(
        root="../", current="portfolio", view=view(relations, oid), **shared
    )


def assets(env: Environment) -> dict[str, Page]:
    """The files every page loads: the style sheet (one file rather than 9 KB inlined in
    each of 9,000 pages) and the search script. Written with `--journey` too, so that one
    map rendered into an empty folder is styled."""
    return {name: later(env.get_template(name)) for name in ("style.css", "search.js")}


def _portfolio(data: SiteData, env: Environment, shared: dict[str, object]) -> str:
    entries = data.ranking.entries
    scores = {e.opportunity.model.id: e.score for e in entries}
    name = data.workspace.config.name
    matrix = matrix_svg(data.ranking, name, link=lambda oid: f"opportunities/{oid}.html")
    return env.get_template("portfolio.html").render(
        root="",
        current="portfolio",
        table=portfolio(data, scores),
        matrix=Markup(matrix) if entries else None,
        **shared,
    )


def _recent(insights: dict[str, Insight]) -> list[tuple[str, Insight]]:
    """Newest first; undated ones last, by id."""
    dated = sorted(
        ((iid, i) for iid, i in insights.items() if i.date), key=lambda p: (p[1].date, p[0])
    )
    dated.reverse()
    return dated + [(iid, i) for iid, i in insights.items() if not i.date]
