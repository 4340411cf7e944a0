"""`journeyops new`: a valid skeleton of one document, planned against the loaded workspace.

Everything that would make the new file fail validation is refused here, before anything
is written, with what to do instead: an id that exists (and where), a parent step or a
replaced journey that does not exist, a level below the lowest, a file that the workspace's
`include:`/`exclude:` would not read.
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from journeyops.authoring.scaffold import Exists, ScaffoldError
from journeyops.authoring.skeletons import FOLDERS, WRITERS, Skeleton, title_from_id
from journeyops.core.outputs import NOT_INPUT
from journeyops.core.suggest import did_you_mean
from journeyops.load.selection import select_files
from journeyops.load.sources import DiskSource
from journeyops.load.workspace import LoadResult, load_workspace
from journeyops.model import MODELS_BY_KIND
from journeyops.model.base import SLUG_PATTERN
from journeyops.model.journey import Journey
from journeyops.model.workspace import Workspace
from journeyops.rules import RULES
from journeyops.rules.config_check import configured_policy

_STEP_REF = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*")
# The rules a skeleton may suppress (see skeletons.py): asked of the policy for the new file.
_PENDING = (
    "unused-persona",
    "unused-insight",
    "journey-without-owner",
    "journey-without-personas",
    "opportunity-without-owner",
    "missing-score-input",
)


@dataclass(frozen=True)
class Request:
    """What `journeyops new` was asked for."""

    kind: str
    identifier: str
    title: str | None = None
    parent: str | None = None  # journey/step, for a journey
    replaces: str | None = None  # a current journey, for a future one
    steps: Sequence[str] = ()  # journey/step, for an insight or an opportunity


@dataclass(frozen=True)
class NewDocument:
    file: str  # relative to the workspace root
    text: str


def plan_new(
    root: Path, request: Request, today: datetime.date, show: Callable[[str], str] = str
) -> NewDocument:
    """The file to write for `request` in the workspace at `root`, or ScaffoldError saying
    why it would not validate. `show` turns a workspace path into what the user sees."""
    if re.fullmatch(SLUG_PATTERN, request.identifier) is None or len(request.identifier) > 64:
        raise ScaffoldError(
            f"'{request.identifier}' is not an id",
            "An id is lowercase letters, digits and single hyphens, at most 64 characters "
            "(e.g. open-account).",
        )
    loaded = load_workspace(DiskSource(root))
    _refuse_taken_id(loaded, request, show)
    file = f"{FOLDERS[request.kind]}/{request.identifier}.yaml"
    if (root / file).exists() or (root / file).is_symlink():
        raise Exists(f"{show(file)} already exists", "journeyops never overwrites a file.")
    workspace = loaded.workspace
    if not select_files([file], workspace.config, NOT_INPUT):
        raise ScaffoldError(
            f"{show(file)} would not be read: `include:` or `exclude:` in journeyops.yaml "
            "leaves it out"
        )
    skeleton = Skeleton(
        title=request.title or title_from_id(request.identifier),
        today=today,
        schema=_schema(root, file, request.kind),
        steps=tuple(_step(workspace, ref) for ref in request.steps),
        rules_on=_rules_on(loaded, file),
        **_placement(workspace, request),
    )
    return NewDocument(file, WRITERS[request.kind](request.identifier, skeleton))


def _refuse_taken_id(loaded: LoadResult, request: Request, show: Callable[[str], str]) -> None:
    """An id is unique per kind: ScaffoldError with where it is defined, also when that
    document does not match its schema (it still holds the id)."""
    for doc in loaded.workspace.of(MODELS_BY_KIND[request.kind]):
        if doc.model.id == request.identifier:
            where = doc.span("id")
            raise ScaffoldError(
                f"{request.kind} '{request.identifier}' already exists: it is defined at "
                f"{show(doc.file)}:{where.line}:{where.column}",
                "Pick another id, or edit that document.",
            )
    for file, documents in sorted(loaded.invalid.items()):
        if (request.kind, request.identifier) in documents:
            raise ScaffoldError(
                f"{request.kind} '{request.identifier}' already exists: it is defined in "
                f"{show(file)} (which has errors; `journeyops validate` shows them)",
                "Pick another id, or edit that document.",
            )


def _placement(workspace: Workspace, request: Request) -> dict[str, str | None]:
    """A journey's level, parent and what it replaces: at the top level without a parent,
    one level below its parent's journey with one, and as the journey it redesigns (level,
    parent) with --replaces."""
    if request.kind != "journey":
        return {}
    levels = workspace.config.taxonomy.levels
    level, parent = levels[0], None
    future = request.replaces is not None
    if request.replaces is not None:
        replaced = _replaced(workspace, request.replaces)
        level, parent = replaced.level or level, replaced.parent
    if request.parent is not None:
        parent = request.parent
        above = _step_journey(workspace, _step(workspace, request.parent))
        if above.state == "future" and not future:
            raise ScaffoldError(
                f"journey '{above.id}' is a future journey: a current journey cannot zoom "
                "into its steps (JO206)",
                "Add --replaces with the current journey this one redesigns, or pick a "
                "step of a current journey.",
            )
        if above.level not in levels:
            raise ScaffoldError(
                f"journey '{above.id}' has no level of taxonomy.levels, so the level below "
                "it is unknown",
                f"Give it `level:` (one of {', '.join(levels)}) first.",
            )
        below = levels.index(above.level) + 1
        if below == len(levels):
            raise ScaffoldError(
                f"journey '{above.id}' is at the lowest level, '{above.level}': nothing "
                "can zoom into its steps",
                "Add a level at the end of `taxonomy.levels` in journeyops.yaml.",
            )
        level = levels[below]
    return {"level": level, "parent": parent, "replaces": request.replaces}


def _replaced(workspace: Workspace, journey_id: str) -> Journey:
    found = workspace.journeys.get(journey_id)
    if found is None:
        raise ScaffoldError(_unknown("journey", journey_id, workspace.journeys))
    if found.model.state != "current":
        raise ScaffoldError(
            f"journey '{journey_id}' is a future journey; --replaces names the current "
            "journey that a redesign replaces (JO108)"
        )
    others = [j.model.id for j in workspace.of(Journey) if j.model.replaces == journey_id]
    if others:
        raise ScaffoldError(
            f"journey '{journey_id}' is already replaced by '{others[0]}' (JO304)",
            "Edit that redesign, or set its `replaces` aside first.",
        )
    return found.model


def _step(workspace: Workspace, ref: str) -> str:
    """`ref` when it names a step of the workspace, else ScaffoldError with a suggestion."""
    if _STEP_REF.fullmatch(ref) is None:
        raise ScaffoldError(f"'{ref}' is not a step reference; write JOURNEY/STEP")
    journey_id, step_id = ref.split("/")
    steps = workspace.steps.get(journey_id)
    if steps is None:
        raise ScaffoldError(_unknown("journey", journey_id, workspace.journeys))
    if step_id not in steps:
        hint = did_you_mean(step_id, sorted(steps))
        has = f"; {hint}" if hint else ("" if steps else "; it has no steps yet")
        raise ScaffoldError(f"journey '{journey_id}' has no step '{step_id}'{has}")
    return ref


def _step_journey(workspace: Workspace, ref: str) -> Journey:
    return workspace.journeys[ref.split("/", maxsplit=1)[0]].model


def _unknown(what: str, value: str, known: Iterable[str]) -> str:
    hint = did_you_mean(value, sorted(known))
    return f"no {what} '{value}'" + (f"; {hint}" if hint else "")


def _rules_on(loaded: LoadResult, file: str) -> frozenset[str]:
    policy = configured_policy(loaded.workspace.config, loaded.config_source)
    return frozenset(
        name for name in _PENDING if policy.severity(RULES.named(name).id, file) is not None
    )


def _schema(root: Path, file: str, kind: str) -> str | None:
    """The editor schema for `kind` as a path relative to the new file: `schemas/` at the
    workspace root (where `journeyops init` puts it) or in a folder above it, up to the
    repository's top."""
    for folder in (root, *root.parents):
        schema = folder / "schemas" / f"{kind}.schema.json"
        if schema.is_file():
            return Path(os.path.relpath(schema, (root / file).parent)).as_posix()
        if (folder / ".git").exists():
            break
    return None
