"""`journeyops render`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from journeyops.cli import render_progress
from journeyops.cli.options import NoCache, WorkspacePath, at_least_one
from journeyops.cli.runner import Run, Usage, execute
from journeyops.core.diagnostics import ExitStatus
from journeyops.core.outputs import SITE
from journeyops.core.suggest import did_you_mean
from journeyops.load.cache import Cache
from journeyops.load.sources import DiskSource
from journeyops.report.render_summary import REPORTERS, LeftOut, RenderFormat, RenderSummary

if TYPE_CHECKING:
    from journeyops.render import Rendered
    from journeyops.render.output import Written


def render(
    context: typer.Context,
    path: WorkspacePath = Path(),
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            metavar="DIR",
            help="Folder to write the site into. It must be empty, missing, or a site an "
            "earlier render wrote (pages it no longer produces are removed; nothing else is). "
            "It may be a link to a folder; links inside it are never written or removed "
            "through.",
            show_default="render.out in journeyops.yaml, else site",
        ),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            "-m",
            metavar="MODEL",
            help="Scoring model that ranks the opportunities on the pages.",
            show_default="render.model, else scoring.default, else rice",
        ),
    ] = None,
    top: Annotated[
        int | None,
        typer.Option(
            "--top",
            metavar="N",
            callback=at_least_one,
            help="How many journeys, opportunities and insights the overview lists before "
            "linking to the full lists (N at least 1).",
            show_default="render.top in journeyops.yaml, else 25",
        ),
    ] = None,
    journey: Annotated[
        str | None,
        typer.Option(
            "--journey",
            "-j",
            metavar="ID",
            help="Render only this journey's map page and its SVG (journeys/ID.html and "
            "journeys/ID.svg); the rest of the site in --out is left as it is.",
        ),
    ] = None,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help="No progress bar and no summary; problems are still reported on stderr.",
        ),
    ] = False,
    no_diagrams: Annotated[
        bool,
        typer.Option("--no-diagrams", help="Leave out the Graphviz diagrams (no `dot` needed)."),
    ] = False,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates",
            metavar="DIR",
            help="Your own Jinja templates (index.html, journey.html, base.html, style.css), "
            "used in place of the built-in ones of the same name.",
        ),
    ] = None,
    output_format: Annotated[
        RenderFormat,
        typer.Option("--format", "-f", metavar="FORMAT", help="text for people, json for tools."),
    ] = RenderFormat.TEXT,
    no_cache: NoCache = False,
) -> None:
    """Publish the workspace as a static HTML site: an overview with the journey hierarchy,
    the ranked opportunities, personas and insights, and a journey map page per journey
    (emotion curve, lanes in service-blueprint order, surveys and KPIs against their
    targets, flow diagram) with a standalone SVG of it, and a page comparing each future
    journey with the current one it redesigns.

    Options left out take the `render:` section of journeyops.yaml (out, title, model,
    top). A render that takes more than a second shows a progress bar on a terminal.

    Pages are self-contained (styles and diagrams inline, nothing loaded from the network)
    and the same workspace always gives the same bytes. Diagrams need Graphviz's `dot`.

    The findings `validate` would report are printed on stderr. A document with errors is
    not published: the overview lists it, with its errors, instead of showing its values.

    Exit status: 0 written, 1 written but validate finds errors (the documents with errors
    are not published), 2 usage, journeyops.yaml, Graphviz or output-folder problem.

    Examples:

      journeyops render --out site

      journeyops render --model wsjf --top 20 --templates my-theme/

      journeyops render --journey open-account --quiet
    """

    def command(run: Run) -> ExitStatus:
        # Jinja and Graphviz are imported only by this command, not by every run of the tool.
        from journeyops.render import UnknownJourney  # noqa: PLC0415
        from journeyops.render import render as run_render  # noqa: PLC0415
        from journeyops.render.output import write_site  # noqa: PLC0415

        root = run.workspace(path)
        if templates is not None and not templates.is_dir():
            raise Usage(f"--templates {templates} is not a folder")
        with render_progress.progress(run.env, quiet=quiet) as stage:
            try:  # the pages are made as they are written: a journey is looked up then
                rendered = run_render(
                    DiskSource(root),
                    model,
                    diagrams=not no_diagrams,
                    templates=templates,
                    top=top,
                    cache=None if no_cache else Cache(root),
                    journey=journey,
                    progress=stage,
                )
                folder = _folder(out, rendered.settings.out, root)
                with run.writing(f"the site into {folder}"):
                    written = write_site(folder, rendered.pages, keep_others=journey is not None)
            except UnknownJourney as error:
                hint = did_you_mean(error.journey_id, error.known, n=3)
                raise Usage(f"--journey {error.journey_id}: {error}", hint or "") from None
        if not (quiet and output_format is RenderFormat.TEXT):
            report = REPORTERS[output_format](
                summary(folder, rendered, written), run.report_context()
            )
            run.out(report)
        for warning in written.warnings:
            run.warning(warning)
        run.findings(rendered.findings)
        return ExitStatus.FINDINGS if rendered.findings.errors else ExitStatus.OK

    execute(context, command)


def _folder(option: Path | None, configured: str | None, root: Path) -> Path:
    """`--out`, else `render.out` (relative to the workspace root, as the file that names
    it), else `site` in the current folder."""
    if option is not None:
        return option
    return root / configured if configured is not None else Path(SITE)


def summary(out: Path, rendered: Rendered, written: Written) -> RenderSummary:
    left_out = [LeftOut(u.file, u.kind, u.id, u.lines()) for u in rendered.unpublished]
    return RenderSummary(
        out,
        rendered.diagrams,
        written.written,
        written.unchanged,
        written.removed,
        left_out,
        written.warnings,
    )
