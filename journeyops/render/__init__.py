"""`render` as a library call: the workspace as a static, self-contained HTML site.

Stages: check the workspace (as `validate` does, loading it once for every stage) and keep
only the documents without errors, rank them (as `score` does), draw the journeys' flows
(render.flow) and build the hierarchy's DOT source, draw it with Graphviz while the pages
are laid out. Writing them is `render.output`'s job; the pages are made only when it needs
them (render.lazy), which it does not when the site in the folder is intact and made from
the same inputs (render.incremental).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from journeyops.load.cache import Cache
from journeyops.load.sources import WorkspaceSource
from journeyops.load.workspace import load_scan
from journeyops.render.diagrams import GraphvizError, draw
from journeyops.render.incremental import draw_cached, site_key
from journeyops.render.lazy import Built, SitePages, Summary
from journeyops.render.published import Unpublished, published
from journeyops.rules import RunOptions
from journeyops.rules.validation import ValidationResult, validate_loading
from journeyops.scoring import available
from journeyops.scoring.ranking import rank
from journeyops.scoring.run import ScoreRun, UnknownModel, score_loaded


class TemplateProblem(Exception):
    """A template from `--templates` does not parse or fails while rendering."""


class InvalidConfig(Exception):
    """journeyops.yaml is broken: `findings` says how, as validate reports it."""

    def __init__(self, findings: ValidationResult) -> None:
        super().__init__("journeyops.yaml has errors")
        self.findings = findings


class Rendered:
    """A rendered site: its pages (made when first needed, see render.lazy) and what
    validate found."""

    def __init__(self, pages: SitePages, findings: ValidationResult) -> None:
        self.pages = pages
        self.findings = findings  # documents with errors are not on the site

    @property
    def diagrams(self) -> int:
        return self.pages.summary.diagrams

    @property
    def unpublished(self) -> list[Unpublished]:
        return self.pages.summary.unpublished


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
    """Every page of the site. Raises InvalidConfig, ConfigError, UnknownModel (as `score`);
    the pages, when first read, raise GraphvizError and TemplateProblem."""
    options = RunOptions()
    findings, loaded, found = validate_loading(source, options, cache)
    if findings.config_error or found is None:
        raise InvalidConfig(findings)
    names = list(available(found.config.scoring))
    if model_name is not None and model_name not in names:
        raise UnknownModel(model_name, names)
    key = None
    if cache is not None:
        chosen = [model_name or "", str(diagrams), str(top), options.today.isoformat()]
        key = site_key(found.config_bytes, found.digests(cache), chosen, templates)

    def build() -> Built:
        # Some files' results came from validate's cache: they are loaded now, once.
        run = score_loaded(loaded or load_scan(found, cache), model_name)
        return _build(run, findings, diagrams, templates, top, cache, workers)

    return Rendered(SitePages(build, key, cache), findings)


def _build(  # noqa: PLR0917 - the stages' inputs, passed on from render()
    run: ScoreRun,
    findings: ValidationResult,
    diagrams: bool,
    templates: Path | None,
    top: int | None,
    cache: Cache | None,
    workers: int | None,
) -> Built:
    # Jinja and the pages are imported only when pages are made: an unchanged site is not.
    from jinja2 import TemplateError, TemplateSyntaxError  # noqa: PLC0415

    from journeyops.render import site  # noqa: PLC0415
    from journeyops.render.pages import SiteData  # noqa: PLC0415

    workspace, unpublished = published(run.workspace, findings)
    # Ranked again without what is left out, so that ranks count only what the site shows.
    ranking = rank(workspace, run.ranking.model) if unpublished else run.ranking
    data = SiteData(workspace, ranking, unpublished)
    found = site.diagrams(data) if diagrams else {}
    sources = {key: d.dot for key, d in found.items() if d.dot}
    # Graphviz draws in the background while the pages are laid out around placeholders.
    with ThreadPoolExecutor(max_workers=1) as pool:
        drawing = pool.submit(draw_cached, sources, cache, lambda todo: draw(todo, workers))
        try:
            laid_out = site.pages(data, found.keys(), site.environment(templates), top)
        except TemplateSyntaxError as error:
            where = f"{error.filename or error.name}:{error.lineno}"
            raise TemplateProblem(f"{where}: {error.message}") from None
        except TemplateError as error:
            raise TemplateProblem(f"template error: {error}") from None
        finally:
            drawn = drawing.result()
    return Built(laid_out, drawn, found, Summary(len(found), unpublished))


__all__ = ["GraphvizError", "InvalidConfig", "Rendered", "TemplateProblem", "render"]
