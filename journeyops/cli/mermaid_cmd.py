"""`journeyops export mermaid` and `journeyops import mermaid`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import typer

from journeyops.authoring.mermaid_export import journey_to_mermaid
from journeyops.authoring.mermaid_import import Imported, mermaid_to_journey
from journeyops.authoring.mermaid_parse import MermaidError
from journeyops.cli.completion import journey_ids
from journeyops.cli.options import WorkspacePath
from journeyops.cli.problems import load_diagnostics
from journeyops.cli.runner import Run, Usage, execute
from journeyops.core.atomic import write_atomic
from journeyops.core.diagnostics import ExitStatus
from journeyops.core.suggest import did_you_mean
from journeyops.load.sources import DiskSource
from journeyops.load.workspace import LoadResult, load_workspace
from journeyops.model.base import SLUG_PATTERN
from journeyops.rules.config_check import check_config

# Where an imported journey goes, below the workspace root (as in examples/northwind).
JOURNEYS_FOLDER = "journeys"


def _load(run: Run, path: Path) -> tuple[Path, LoadResult]:
    root = run.workspace(path)
    check_config(DiskSource(root))  # a mistake in journeyops.yaml, as every command reports it
    return root, load_workspace(DiskSource(root))


def export_mermaid(
    context: typer.Context,
    journey_id: Annotated[
        str,
        typer.Argument(
            metavar="JOURNEY-ID",
            help="The id of the journey to draw.",
            autocompletion=journey_ids,
        ),
    ],
    path: WorkspacePath = Path(),
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write the diagram to FILE."),
    ] = None,
) -> None:
    """Draw a journey as a Mermaid `journey` diagram, for Markdown that renders Mermaid
    (GitHub, GitLab, many wikis).

    Stages become sections and steps tasks; each step's emotion is mapped linearly from
    `taxonomy.emotion` onto Mermaid's scores 1..5 (a step without one gets 3), and the
    journey's personas are every task's actors. `%% journeyops` comment lines, which Mermaid
    skips, keep the ids and exact emotions for `journeyops import mermaid`. Characters
    Mermaid cannot take in a name (`#`, `:`, `;`, a comma in an actor, newlines) are
    written as Mermaid's codes, e.g. `#58;` for `:`. docs/authoring.md has the tables.

    Exit status: 0 written, 1 the workspace's files have errors (the diagram is written
    if the journey loaded), 2 usage or journeyops.yaml problem.

    Examples:

      journeyops export mermaid open-account > open-account.mmd

      journeyops export mermaid open-account examples/northwind -o docs/open-account.mmd
    """

    def command(run: Run) -> ExitStatus:
        _, loaded = _load(run, path)
        workspace = loaded.workspace
        found = load_diagnostics(loaded.problems)
        journey = workspace.journeys.get(journey_id)
        if journey is None:
            run.diagnostics(found)
            hint = did_you_mean(journey_id, workspace.journeys)
            raise Usage(
                f"no journey '{journey_id}' in the workspace" + (f": {hint}" if hint else "")
            )
        personas = {pid: p.model for pid, p in workspace.personas.items()}
        text = journey_to_mermaid(journey.model, personas, workspace.config.taxonomy.emotion)
        run.write(text, output)
        run.diagnostics(found)
        return ExitStatus.FINDINGS if found else ExitStatus.OK

    execute(context, command)


def import_mermaid(
    context: typer.Context,
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help="A Mermaid `journey` diagram (.mmd).")
    ],
    journey_id: Annotated[
        str | None,
        typer.Option(
            "--id",
            metavar="ID",
            help="The new journey's id.",
            show_default="the diagram's, else its title as an id",
        ),
    ] = None,
    write: Annotated[
        bool, typer.Option("--write", help="Write the file; without it, only show the plan.")
    ] = False,
    workspace_path: Annotated[
        Path,
        typer.Option(
            "--workspace",
            metavar="PATH",
            help="The workspace to add the journey to.",
            show_default="the one around the current folder",
        ),
    ] = Path(),
) -> None:
    """Turn a Mermaid `journey` diagram into a new journey file in journeys/.

    Sections become stages, tasks steps, each score (1..5) mapped linearly back onto
    `taxonomy.emotion`, and the tasks' actors the journey's personas, by id or name (a
    warning for each that the workspace lacks). Without --write it shows the file it would
    write; it never replaces a file, and refuses a journey id that exists.

    Exit status: 0 planned or written, 2 the diagram cannot be read, the journey exists,
    or a usage or journeyops.yaml problem.

    Examples:

      journeyops import mermaid onboarding.mmd

      journeyops import mermaid onboarding.mmd --id onboarding --write
    """

    def command(run: Run) -> ExitStatus:
        if journey_id is not None and not re.match(SLUG_PATTERN, journey_id):
            raise Usage(
                f"--id {journey_id} is not an id: use lowercase letters, digits and single "
                "hyphens, e.g. open-account"
            )
        text = _read(run, file)
        root, loaded = _load(run, workspace_path)
        workspace = loaded.workspace
        try:
            imported = mermaid_to_journey(
                text,
                workspace.config.taxonomy.emotion,
                {pid: p.model for pid, p in workspace.personas.items()},
                journey_id,
                fallback_title=file.stem,
            )
        except MermaidError as error:
            raise Usage(f"{file}:{error.line}:{error.column}: {error.message}") from None
        target = root / JOURNEYS_FOLDER / f"{imported.journey_id}.yaml"
        shown = run.display()(target.relative_to(root).as_posix())
        _refuse_existing(run, loaded, imported, target, shown)
        for warning in imported.warnings:
            run.warning(warning)
        summary = f"journey {imported.journey_id}: {imported.stages} stages, {imported.steps} steps"
        if write:
            with run.writing(shown):
                write_atomic(target, imported.text)
            run.out(f"created {shown} ({summary})\n")
        else:
            run.out(f"would create {shown} ({summary}):\n\n{imported.text}\n")
            run.out("Nothing written: run again with --write to create it.\n")
        return ExitStatus.OK

    execute(context, command)


def _read(run: Run, file: Path) -> str:
    try:
        return run.env.absolute(file).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise Usage(f"{file} is not UTF-8 text") from None
    except OSError as error:
        raise Usage(f"cannot read {file}: {error.strerror or error}") from None


def _refuse_existing(
    run: Run, loaded: LoadResult, imported: Imported, target: Path, shown: str
) -> None:
    existing = loaded.workspace.journeys.get(imported.journey_id)
    files = [existing.file] if existing is not None else []
    files += [f for f, ids in loaded.invalid.items() if ("journey", imported.journey_id) in ids]
    if files:
        raise Usage(
            f"journey '{imported.journey_id}' exists already, in {run.display()(files[0])}",
            "Choose another id with --id; import never replaces a journey.",
        )
    if target.exists() or target.is_symlink():
        raise Usage(
            f"{shown} exists already", "Choose another id with --id; import never replaces a file."
        )
