"""The static site as a set of pages: DOT sources in, drawn SVG and HTML text out.

Jinja runs here and nowhere else, with autoescape on; the only markup that is not escaped
is SVG that Graphviz or the matrix drew, whose text they escape themselves.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
)
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

from journeyops import __version__
from journeyops.model.config import EmotionScale
from journeyops.model.journey import Journey
from journeyops.render import journey_view
from journeyops.render.dot import hierarchy_dot
from journeyops.render.emotion_curve import drawn_scale
from journeyops.render.flow import flow_svg
from journeyops.render.hierarchy import nesting
from journeyops.render.lazy import TemplateProblem
from journeyops.render.map_table import NONE, items
from journeyops.render.pages import SiteData, emotion_word
from journeyops.render.site_pages import HIERARCHY, PAGE_GLOBALS, Page, assets, site_pages
from journeyops.report.formatting import measured


def environment(templates: Path | None = None) -> Environment:
    """Templates from `templates` first (a team's own look), then the built-in ones.

    A team's templates often live in the repository, so a pull request can change them:
    they run in Jinja's sandbox (no attribute starting with `_`, no changing the data, so no
    way out to Python) and are read only from regular files inside their folder."""
    loaders: list[BaseLoader] = [_ContainedLoader(templates)] if templates else []
    loaders.append(PackageLoader("journeyops.render", "templates"))
    kind = ImmutableSandboxedEnvironment if templates else Environment
    env = kind(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # One render reads each template once: no stat of its file at every include.
        auto_reload=False,
    )
    env.globals.update(
        version=__version__, lang="en", emotion_word=emotion_word, items=items, number=number
    )
    env.globals.update(PAGE_GLOBALS)
    return env


class _ContainedLoader(FileSystemLoader):
    """A folder of templates that a link cannot lead out of (`{% include "leak" %}` with
    `leak -> ~/.git-credentials` would publish the secret), and that holds regular files
    only (a fifo would block the render)."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.folder = folder.resolve()

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        found = (self.folder / template).resolve()
        if found.exists() and not found.is_relative_to(self.folder):
            raise TemplateError(f"{template} is a link out of the templates folder")
        if found.exists() and not found.is_file():
            raise TemplateError(f"{template} is not a regular file")
        return super().get_source(environment, template)


@contextmanager
def template_errors(page: str | None = None) -> Iterator[None]:
    """Jinja's errors as TemplateProblem, located where Jinja knows the line; so are the
    errors of a template's own expressions (`{{ 1 // 0 }}`, a macro calling itself): a
    team's theme is input like any other, never a traceback. An error raised outside any
    template is journeyops's own, and stays one."""
    on = f" (making {page})" if page else ""
    try:
        yield
    except TemplateSyntaxError as error:
        where = f"{error.filename or error.name}:{error.lineno}"
        raise TemplateProblem(f"{where}: {error.message}{on}") from None
    except TemplateError as error:
        raise TemplateProblem(f"template error: {error}{on}") from None
    except Exception as error:
        line = _template_line(error)
        if line is None:
            raise
        raise TemplateProblem(f"{line}: {type(error).__name__}: {error}{on}") from None


def _template_line(error: BaseException) -> str | None:
    """`file:line` of the innermost template the error passed through, if any (Jinja puts
    a frame of the template's own file and line in the traceback of what it re-raises)."""
    found: str | None = None
    trace = error.__traceback__
    while trace is not None:
        if "__jinja_exception__" in trace.tb_frame.f_globals:
            found = f"{trace.tb_frame.f_code.co_filename}:{trace.tb_lineno}"
        trace = trace.tb_next
    return found


def number(value: float | None, unit: str | None = None) -> str:
    """A KPI's value or target with its unit as `journeyops metrics` shows it (`58%`,
    `6.5 days`), or a dash when it has none."""
    return NONE if value is None else measured(value, unit or "")


@dataclass(frozen=True)
class Diagram:
    """A diagram for a page: DOT source for Graphviz to draw, or a drawing of our own,
    made when its page is (a flow is drawn in Python: see render.flow)."""

    label: str  # what a screen reader announces
    dot: str = ""
    draw: Callable[[], str] | None = None


def diagrams(data: SiteData) -> dict[str, Diagram]:
    """Every diagram the site shows, by journey id (and `HIERARCHY`): the flows drawn here
    (render.flow), the hierarchy as DOT for Graphviz."""
    scale = data.workspace.config.taxonomy.emotion
    found = {
        j.id: Diagram(f"Flow of the steps of {j.title}", draw=partial(_flow, j, scale))
        for j in data.journeys
        if j.steps()
    }
    nested = nesting(data.journeys)
    if len(nested.journeys) > 1:
        links = {j.id: f"journeys/{j.id}.html" for j in nested.journeys}
        label = "How the journeys nest"
        if not nested.complete:
            label += f" (the {len(nested.journeys)} journeys that have children)"
        dot = hierarchy_dot(nested.journeys, links, nested.hidden)
        found[HIERARCHY] = Diagram(label, dot)
    return found


def _flow(journey: Journey, scale: EmotionScale) -> str:
    return flow_svg(journey, drawn_scale(scale, journey))


def pages(
    data: SiteData,
    diagram_keys: Collection[str],
    env: Environment,
    top: int | None = None,
    only: str | None = None,
) -> dict[str, Page]:
    """Every page of the site by its path in the output folder, each made when called, with
    a placeholder where each diagram goes (see `fill`). The templates are read and compiled
    now, so that a broken one fails before anything is written.
    `only`: just that journey's map and its SVG."""
    name = data.workspace.config.render.title or data.workspace.config.name
    model = data.ranking.model.name
    common = {"site_name": name, "data": data, "model": model}

    def diagram(key: str) -> Markup | None:
        return _placeholder(key) if key in diagram_keys else None

    site = assets(env)
    if only is None:  # `--journey`: one map, not the overview
        site.update(site_pages(data, env, common, top, diagram))
    template = env.get_template("journey.html")
    found = journey_view.gather(data)

    def journey_page(journey: Journey) -> Page:
        return lambda: template.render(
            root="../",
            journey=journey,
            file=data.file_of(journey.id),
            config=data.workspace.config,
            ancestors=_ancestors(data, journey),
            children=data.children.get(journey.id, []),
            replaces=data.journey_by_id(journey.replaces) if journey.replaces else None,
            flow=diagram(journey.id),
            **journey_view.context(data, journey, found),
            **common,
        )

    for journey in data.journeys:
        if only is None or journey.id == only:
            site[f"journeys/{journey.id}.html"] = journey_page(journey)
    site.update(journey_view.companion_pages(data, env, common, only))
    return site


def fill(page: str, drawn: Mapping[str, str], found: Mapping[str, Diagram]) -> str:
    """The page with each placeholder replaced by its drawing, as an image with a name (its
    nodes stay links for pointer users; the page has the same links in its tables)."""
    text = page
    for key in _PLACEHOLDER.findall(page):
        label = escape(found[key].label)
        draw = found[key].draw
        svg = drawn.get(key) or (draw() if draw is not None else "")
        svg = svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
        text = text.replace(str(_placeholder(key)), svg)
    return text


def _placeholder(key: str) -> Markup:
    # A comment no escaped user text can produce (its `<` would be `&lt;`).
    return Markup(f"<!--journeyops-diagram:{escape(key)}-->")


_PLACEHOLDER = re.compile(r"<!--journeyops-diagram:([a-z0-9-]+)-->")


def _ancestors(data: SiteData, journey: Journey) -> list[Journey]:
    """The chain of parent journeys, top first; stops at a loop or a missing parent."""
    chain: list[Journey] = []
    seen = {journey.id}
    current = journey
    while current.parent:
        parent = data.journey_by_id(current.parent.split("/")[0])
        if parent is None or parent.id in seen:
            break
        chain.insert(0, parent)
        seen.add(parent.id)
        current = parent
    return chain
