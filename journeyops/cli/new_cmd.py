"""`journeyops new`."""

from __future__ import annotations

import datetime
import enum
from pathlib import Path
from typing import Annotated

import typer

from journeyops.authoring.scaffold import write_new
from journeyops.authoring.scaffold_new import Request, plan_new
from journeyops.cli.runner import Run, Usage, execute
from journeyops.core.diagnostics import ExitStatus
from journeyops.report.safe_text import printable


class Kind(enum.StrEnum):
    PERSONA = "persona"
    JOURNEY = "journey"
    INSIGHT = "insight"
    OPPORTUNITY = "opportunity"


def new(
    context: typer.Context,
    kind: Annotated[
        Kind,
        typer.Argument(metavar="KIND", help="persona, journey, insight or opportunity."),
    ],
    identifier: Annotated[
        str, typer.Argument(metavar="ID", help="The new document's id, e.g. open-account.")
    ],
    title: Annotated[
        str | None,
        typer.Option(
            "--title",
            metavar="TEXT",
            help="Its title (a persona's name).",
            show_default="from the id",
        ),
    ] = None,
    parent: Annotated[
        str | None,
        typer.Option(
            "--parent",
            metavar="JOURNEY/STEP",
            help="A journey only: the step it zooms into; it gets the level below that journey's.",
        ),
    ] = None,
    replaces: Annotated[
        str | None,
        typer.Option(
            "--replaces",
            metavar="JOURNEY",
            help="A journey only: makes it a future journey that redesigns this current "
            "one, at its level and under its parent.",
        ),
    ] = None,
    steps: Annotated[
        list[str] | None,
        typer.Option(
            "--step",
            metavar="JOURNEY/STEP",
            help="An insight or opportunity: a step it is about (repeatable); an "
            "opportunity needs at least one.",
        ),
    ] = None,
    workspace: Annotated[
        Path,
        typer.Option(
            "--workspace",
            "-w",
            metavar="PATH",
            help="A folder in the workspace to add to.",
            show_default="current folder",
        ),
    ] = Path(),
) -> None:
    """Add a document: a skeleton that validates clean, in the kind's folder (personas/,
    journeys/, insights/, opportunities/) as ID.yaml.

    What only you know (an owner, personas, scores) is left for you to fill in; the rule
    that would report it is switched off on the `id:` line until you do, and validate
    then tells you to delete that line (JO015). An id that exists is refused with where
    it is defined; nothing is ever overwritten.

    Examples:

      journeyops new persona student-sam --title "Sam, the student"

      journeyops new journey open-account --parent customer-lifecycle/join

      journeyops new journey open-account-v2 --replaces open-account

      journeyops new opportunity ask-once --step open-account/enter-details
    """
    request = Request(kind.value, identifier, title, parent, replaces, tuple(steps or ()))

    def command(run: Run) -> ExitStatus:
        _check_options(request)
        root = run.workspace(workspace)
        show = run.display()
        planned = plan_new(root, request, datetime.date.today(), show)
        with run.writing(show(planned.file)):
            write_new(root / planned.file, planned.text)
        run.out(printable(f"wrote {show(planned.file)}") + "\n")
        return ExitStatus.OK

    execute(context, command)


def _check_options(request: Request) -> None:
    """Options that do not go with the kind are a usage error, never ignored."""
    journey = request.kind == Kind.JOURNEY
    if not journey and (request.parent or request.replaces):
        raise Usage(f"--parent and --replaces are for journeys, not a {request.kind}")
    if request.steps and request.kind not in (Kind.INSIGHT, Kind.OPPORTUNITY):
        raise Usage(f"--step is for insights and opportunities, not a {request.kind}")
    if request.kind == Kind.OPPORTUNITY and not request.steps:
        raise Usage(
            "an opportunity improves at least one step: name it with --step JOURNEY/STEP",
            "For example: journeyops new opportunity ask-once --step customer-lifecycle/join",
        )
