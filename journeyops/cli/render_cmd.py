"""`journeyops render`."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from journeyops.cli.console import (
    WorkspacePath,
    path_display,
    stderr_console,
    usage_error,
    workspace_root,
)
from journeyops.cli.file_problems import config_diagnostics, print_diagnostics
from journeyops.core.diagnostics import ExitStatus
from journeyops.load.cache import Cache
from journeyops.load.sources import DiskSource
from journeyops.load.workspace import ConfigError
from journeyops.report import ReportContext
from journeyops.report.safe_text import dumps_json, printable
from journeyops.report.text import TextReporter
from journeyops.rules.validation import ValidationResult
from journeyops.scoring.run import UnknownModel

if TYPE_CHECKING:
    from journeyops.render import Rendered
    from journeyops.render.output import Written


class RenderFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


def render(
    path: WorkspacePath = Path(),
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            help="Folder to write the site into. It must be empty, missing, or a site an "
            "earlier render wrote (pages it no longer produces are removed; nothing else is). "
            "It may be a link to a folder; links inside it are never written or removed "
            "through.",
        ),
    ] = Path("site"),
    model: Annotated[
        str | None,
        typer.Option(
            "--model", "-m", help="Scoring model that ranks the opportunities on the pages."
        ),
    ] = None,
    top: Annotated[
        int | None,
        typer.Option("--top", min=1, help="List only the N best opportunities on the overview."),
    ] = None,
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
        typer.Option("--format", "-f", help="text for people, json for tools."),
    ] = RenderFormat.TEXT,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Do not read or write .journeyops-cache/.")
    ] = False,
) -> None:
    """Publish the workspace as a static HTML site: an overview with the journey hierarchy,
    the ranked opportunities, personas and insights, and a journey map page per journey with
    its flow diagram.

    Pages are self-contained (styles and diagrams inline, nothing loaded from the network)
    and the same workspace always gives the same bytes. Diagrams need Graphviz's `dot`.

    The findings `validate` would report are printed on stderr. A document with errors is
    not published: the overview lists it, with its errors, instead of showing its values.

    Exit status: 0 written, 1 written but validate finds errors (the documents with errors
    are not published), 2 usage, journeyops.yaml, Graphviz or output-folder problem.

    Examples:

      journeyops render --out site

      journeyops render --model wsjf --top 20 --templates my-theme/
    """
    # Jinja and Graphviz are imported only by this command, not by every run of the tool.
    from journeyops.render import GraphvizError, InvalidConfig, TemplateProblem  # noqa: PLC0415
    from journeyops.render import render as run_render  # noqa: PLC0415
    from journeyops.render.output import OutputError, write_site  # noqa: PLC0415

    root = workspace_root(path)
    if templates is not None and not templates.is_dir():
        raise usage_error(f"--templates {templates} is not a folder")
    try:
        rendered = run_render(
            DiskSource(root),
            model,
            diagrams=not no_diagrams,
            templates=templates,
            top=top,
            cache=None if no_cache else Cache(root),
        )
        written = write_site(out, rendered.pages)
    except InvalidConfig as error:
        _print_findings(error.findings, root)
        raise typer.Exit(ExitStatus.USAGE) from None
    except ConfigError as error:
        print_diagnostics(config_diagnostics(error.problems), root)
        raise typer.Exit(ExitStatus.USAGE) from None
    except (UnknownModel, GraphvizError, TemplateProblem, OutputError) as error:
        raise usage_error(str(error)) from None
    except OSError as error:
        raise usage_error(f"cannot write the site into {out}: {error.strerror}") from None
    if output_format is RenderFormat.JSON:
        sys.stdout.write(_json(out, rendered, written))
    else:
        sys.stdout.write(_text(out, rendered, written))
    sys.stdout.flush()
    for warning in written.warnings:
        stderr_console().print(f"[yellow]warning:[/] {printable(warning)}", markup=True)
    _print_findings(rendered.findings, root)
    raise typer.Exit(ExitStatus.FINDINGS if rendered.findings.errors else ExitStatus.OK)


def _print_findings(findings: ValidationResult, root: Path) -> None:
    """What validate's text report says, on stderr (standard output is the site's summary)."""
    if findings.diagnostics:
        text = TextReporter(ReportContext(display=path_display(root))).render(findings)
        stderr_console().file.write(text)


def _text(out: Path, rendered: Rendered, written: Written) -> str:
    pages = len(written.written) + len(written.unchanged)
    counts = f"{len(written.written)} written, {len(written.unchanged)} unchanged"
    if written.removed:
        counts += f", {len(written.removed)} removed"
    lines = [f"Rendered {pages} pages with {rendered.diagrams} diagrams into {out}/ ({counts})."]
    if rendered.unpublished:
        n = len(rendered.unpublished)
        noun = "document" if n == 1 else "documents"
        lines.append(f"{n} {noun} with errors not published (listed on the overview).")
    lines.append(f"Open {out / 'index.html'} in a browser.")
    return "".join(printable(line) + "\n" for line in lines)


def _json(out: Path, rendered: Rendered, written: Written) -> str:
    report = {
        "out": str(out),
        "diagrams": rendered.diagrams,
        "written": written.written,
        "unchanged": written.unchanged,
        "removed": written.removed,
        "not_published": [
            {"file": u.file, "kind": u.kind, "id": u.id, "errors": u.lines()}
            for u in rendered.unpublished
        ],
        "warnings": written.warnings,
    }
    return dumps_json(report) + "\n"
