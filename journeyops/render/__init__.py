"""`render` as a library call: the workspace as a static, self-contained HTML site.

Stages: check the workspace (as `validate` does, loading it once for every stage) and keep
only the documents without errors, rank them (as `score` does), draw the journeys' flows
(render.flow) and build the hierarchy's DOT source, draw it with Graphviz while the pages
are laid out. Writing them is `render.output`'s job; the pages are made only when it needs
them (render.lazy), which it does not when the site in the folder is intact and made from
the same inputs (render.incremental).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from journeyops.load.cache import Cache
from journeyops.load.sources import WorkspaceSource
from journeyops.load.workspace import load_scan
from journeyops.model.config import RenderSettings
from journeyops.render.diagrams import GraphvizError, draw
from journeyops.render.incremental import draw_cached, site_key
from journeyops.render.lazy import Built, SitePages, Summary, TemplateProblem
from journeyops.render.published import Unpublished, published
from journeyops.rules import RunOptions
from journeyops.rules.validation import ValidationResult, validate_loading
from journeyops.scoring import available
from journeyops.scoring.ranking import rank
from journeyops.scoring.run import ScoreRun, UnknownModel, score_loaded

# Told the name of each stage as it starts, so a command can show how far a render is.
Progress = Callable[[str], None]


class UnknownJourney(Exception):
    """`--journey` names no published journey; `known` are the ids that would do."""

    def __init__(self, journey_id: str, known: list[str]) -> None:
        super().__init__(f"no published journey has the id {journey_id!r}")
        self.journey_id = journey_id
        self.known = known


class InvalidConfig(Exception):
    """journeyops.yaml is broken: `findings` says how, as validate reports it."""

    def __init__(self, findings: ValidationResult) -> None:
        super().__init__("journeyops.yaml has errors")
        self.findings = findings


class Rendered:
    """A rendered site: its pages (made when first needed, see render.lazy) and what
    validate found."""

    def __init__(
        self, pages: SitePages, findings: ValidationResult, settings: RenderSettings
    ) -> None:
        self.pages = pages
        self.findings = findings  # documents with errors are not on the site
        self.settings = settings  # `render:` of journeyops.yaml

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
    journey: str | None = None,
    progress: Progress | None = None,
) -> Rendered:
    """Every page of the site, or with `journey` that journey's map and SVG only. Arguments
    left None take `render:` of journeyops.yaml. Raises InvalidConfig, ConfigError and
    UnknownModel (as `score`); the pages, when first read, raise UnknownJourney,
    GraphvizError and TemplateProblem."""
    step = progress or (lambda stage: None)
    step("validating")
    options = RunOptions()
    findings, loaded, found = validate_loading(source, options, cache)
    if findings.config_error or found is None:
        raise InvalidConfig(findings)
    settings = found.config.render
    chosen = _Choices(
        model_name or settings.model, diagrams, templates, top or settings.top, journey, workers
    )
    names = list(available(found.config.scoring))
    if chosen.model is not None and chosen.model not in names:
        raise UnknownModel(chosen.model, names)
    key = None
    if cache is not None:
        named = [chosen.model or "", str(diagrams), str(chosen.top), journey or ""]
        key = site_key(
            found.config_bytes,
            found.digests(cache),
            [*named, options.today.isoformat()],
            templates,
        )

    def build() -> Built:
        step("ranking")
        # Some files' results came from validate's cache: they are loaded now, once.
        run = score_loaded(loaded or load_scan(found, cache), chosen.model)
        step("drawing and laying out")
        return _build(run, findings, chosen, cache)

    return Rendered(SitePages(build, key, cache), findings, settings)


@dataclass(frozen=True)
class _Choices:
    """What the site is made with, from the options and `render:`."""

    model: str | None
    diagrams: bool
    templates: Path | None
    top: int | None
    journey: str | None
    workers: int | None


def _build(
    run: ScoreRun, findings: ValidationResult, chosen: _Choices, cache: Cache | None
) -> Built:
    # Jinja and the pages are imported only when pages are made: an unchanged site is not.
    from journeyops.render import site  # noqa: PLC0415
    from journeyops.render.pages import SiteData  # noqa: PLC0415

    workspace, unpublished = published(run.workspace, findings)
    if chosen.journey is not None and chosen.journey not in workspace.journeys:
        raise UnknownJourney(chosen.journey, sorted(workspace.journeys))
    # Ranked again without what is left out, so that ranks count only what the site shows.
    ranking = rank(workspace, run.ranking.model) if unpublished else run.ranking
    data = SiteData(workspace, ranking, unpublished)
    found = site.diagrams(data) if chosen.diagrams else {}
    if chosen.journey is not None:
        found = {key: d for key, d in found.items() if key == chosen.journey}
    sources = {key: d.dot for key, d in found.items() if d.dot}
    # Graphviz draws in the background while the templates are compiled; both fail, if
    # they do, before anything is written.
    with ThreadPoolExecutor(max_workers=1) as pool:
        drawing = pool.submit(draw_cached, sources, cache, partial(draw, workers=chosen.workers))
        try:
            with site.template_errors():
                env = site.environment(chosen.templates)
                pages = site.pages(data, found.keys(), env, chosen.top, chosen.journey)
        finally:
            drawn = drawing.result()
    return Built(pages, drawn, found, Summary(len(found), unpublished))


__all__ = [
    "GraphvizError",
    "InvalidConfig",
    "Rendered",
    "TemplateProblem",
    "UnknownJourney",
    "render",
]
