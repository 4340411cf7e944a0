"""`render` as a library call: the workspace as a static, self-contained HTML site.

Stages: check the workspace (as `validate` does) and keep only the documents without errors,
rank them (as `score` does), build each diagram's DOT source, draw them all with Graphviz in
parallel, then lay out the pages. Writing them is `render.output`'s job.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import TemplateError, TemplateSyntaxError

from journeyops.load.cache import Cache
from journeyops.load.sources import WorkspaceSource
from journeyops.model.config import RenderSettings
from journeyops.render import site
from journeyops.render.diagrams import Drawing, GraphvizError
from journeyops.render.pages import SiteData
from journeyops.render.published import Unpublished, published
from journeyops.rules.validation import ValidationResult, validate
from journeyops.scoring import available, resolve
from journeyops.scoring.ranking import rank
from journeyops.scoring.run import UnknownModel, score

# Told the name of each stage as it starts, so a command can show how far a render is.
Progress = Callable[[str], None]


class TemplateProblem(Exception):
    """A template from `--templates` does not parse or fails while rendering."""


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


@dataclass(frozen=True)
class Rendered:
    pages: dict[str, str]
    diagrams: int
    # What validate finds in the workspace: documents with errors are not on the site.
    findings: ValidationResult = field(default_factory=lambda: ValidationResult([]))
    unpublished: list[Unpublished] = field(default_factory=list)
    settings: RenderSettings = field(default_factory=RenderSettings)


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
    left None take `render:` of journeyops.yaml. Raises InvalidConfig, ConfigError,
    UnknownModel (as `score`), UnknownJourney, GraphvizError and TemplateProblem."""
    step = progress or (lambda stage: None)
    step("validating")
    findings = validate(source, cache=cache)
    if findings.config_error:
        raise InvalidConfig(findings)
    step("ranking")
    run = score(source, model_name, cache=cache)
    settings = run.workspace.config.render
    model = run.ranking.model
    if model_name is None and settings.model is not None:
        # `render.model` in journeyops.yaml, checked as `--model` would be.
        scoring = run.workspace.config.scoring
        if settings.model not in available(scoring):
            raise UnknownModel(settings.model, list(available(scoring)))
        model = resolve(scoring, settings.model)
    workspace, unpublished = published(run.workspace, findings)
    if journey is not None and journey not in workspace.journeys:
        raise UnknownJourney(journey, sorted(workspace.journeys))
    # Ranked again without what is left out, so that ranks count only what the site shows.
    changed = unpublished or model is not run.ranking.model
    ranking = rank(workspace, model) if changed else run.ranking
    data = SiteData(workspace, ranking, unpublished)
    found = site.diagrams(data) if diagrams else {}
    if journey is not None:
        found = {key: d for key, d in found.items() if key == journey}
    step("drawing and laying out")
    # Graphviz draws on every core while the pages are laid out around placeholders.
    drawing = Drawing({key: d.dot for key, d in found.items()}, workers) if found else None
    try:
        env = site.environment(templates)
        laid_out = site.pages(data, found.keys(), env, top or settings.top, journey)
    except TemplateSyntaxError as error:
        where = f"{error.filename or error.name}:{error.lineno}"
        raise TemplateProblem(f"{where}: {error.message}") from None
    except TemplateError as error:
        raise TemplateProblem(f"template error: {error}") from None
    finally:
        drawn = drawing.result() if drawing else {}
    pages = site.with_diagrams(laid_out, drawn, found)
    return Rendered(pages, len(drawn), findings, unpublished, settings)


__all__ = [
    "GraphvizError",
    "InvalidConfig",
    "Rendered",
    "TemplateProblem",
    "UnknownJourney",
    "render",
]
