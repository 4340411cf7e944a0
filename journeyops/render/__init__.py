"""`render` as a library call: the workspace as a static, self-contained HTML site.

Stages: load and rank (as `score` does), build each diagram's DOT source, draw them all with
Graphviz in parallel, then lay out the pages. Writing them is `render.output`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import TemplateError, TemplateSyntaxError

from journeyops.diagnostics import Problem
from journeyops.load.cache import Cache
from journeyops.load.sources import WorkspaceSource
from journeyops.render import site
from journeyops.render.diagrams import Drawing, GraphvizError
from journeyops.render.pages import SiteData
from journeyops.scoring.run import score


class TemplateProblem(Exception):
    """A template from `--templates` does not parse or fails while rendering."""


@dataclass(frozen=True)
class Rendered:
    pages: dict[str, str]
    diagrams: int
    # Problems in files (schema errors and the like): documents they hit are missing.
    load_problems: list[tuple[str, Problem]] = field(default_factory=list)


def render(
    source: WorkspaceSource,
    model_name: str | None = None,
    *,
    diagrams: bool = True,
    templates: Path | None = None,
    top: int | None = None,
    cache: Cache | None = None,
    workers: int | None = None,
) -> Rendered:
    """Every page of the site. Raises ConfigError, UnknownModel (as `score`), GraphvizError
    and TemplateProblem."""
    run = score(source, model_name, cache=cache)
    data = SiteData(run.workspace, run.ranking)
    found = site.diagrams(data) if diagrams else {}
    # Graphviz draws on every core while the pages are laid out around placeholders.
    drawing = Drawing({key: d.dot for key, d in found.items()}, workers) if found else None
    try:
        laid_out = site.pages(data, found.keys(), site.environment(templates), top)
    except TemplateSyntaxError as error:
        where = f"{error.filename or error.name}:{error.lineno}"
        raise TemplateProblem(f"{where}: {error.message}") from None
    except TemplateError as error:
        raise TemplateProblem(f"template error: {error}") from None
    finally:
        drawn = drawing.result() if drawing else {}
    return Rendered(site.with_diagrams(laid_out, drawn, found), len(drawn), run.load_problems)


__all__ = ["GraphvizError", "Rendered", "TemplateProblem", "render"]
