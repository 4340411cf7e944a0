"""`render` as a library call: the workspace as a static, self-contained HTML site.

Stages: check the workspace (as `validate` does) and keep only the documents without errors,
rank them (as `score` does), build each diagram's DOT source, draw them all with Graphviz in
parallel, then lay out the pages. Writing them is `render.output`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import TemplateError, TemplateSyntaxError

from journeyops.load.cache import Cache
from journeyops.load.sources import WorkspaceSource
from journeyops.render import site
from journeyops.render.diagrams import Drawing, GraphvizError
from journeyops.render.pages import SiteData
from journeyops.render.published import Unpublished, published
from journeyops.rules.validation import ValidationResult, validate
from journeyops.scoring.ranking import rank
from journeyops.scoring.run import score


class TemplateProblem(Exception):
    """A template from `--templates` does not parse or fails while rendering."""


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
    """Every page of the site. Raises InvalidConfig, ConfigError, UnknownModel (as `score`),
    GraphvizError and TemplateProblem."""
    findings = validate(source, cache=cache)
    if findings.config_error:
        raise InvalidConfig(findings)
    run = score(source, model_name, cache=cache)
    workspace, unpublished = published(run.workspace, findings)
    # Ranked again without what is left out, so that ranks count only what the site shows.
    ranking = rank(workspace, run.ranking.model) if unpublished else run.ranking
    data = SiteData(workspace, ranking, unpublished)
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
    pages = site.with_diagrams(laid_out, drawn, found)
    return Rendered(pages, len(drawn), findings, unpublished)


__all__ = ["GraphvizError", "InvalidConfig", "Rendered", "TemplateProblem", "render"]
