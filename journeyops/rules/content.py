"""Content (JO4xx): maps that are complete, connected to evidence, and readable."""

from __future__ import annotations

from collections.abc import Iterator

from journeyops.core.diagnostics import Problem
from journeyops.model import Journey, Opportunity
from journeyops.model.facts import Index
from journeyops.model.insight import Insight
from journeyops.model.persona import Persona
from journeyops.model.workspace import Workspace
from journeyops.rules.engine import RunOptions

MAX_STAGES = 50
MAX_STEPS_PER_STAGE = 30
_COMMITTED = frozenset(("planned", "in-progress", "done"))


def empty_stage(workspace: Workspace, options: RunOptions) -> Iterator[Problem]:
    """A stage has no steps.

    Bad:
        stages:
          - {id: apply, name: Apply}
    Good:
        stages:
          - id: apply
            name: Apply
            steps: [{id: fill-in-form, name: Fill in the form, touchpoints: [website]}]
    """
    for doc in workspace.of(Journey):
        for i, stage in enumerate(doc.model.stages):
            if not stage.steps:
                yield Problem(
                    f"stage '{stage.id}' has no steps",
                    doc.file,
                    doc.span("stages", i, "id"),
                    "add the steps the customer goes through, or remove the stage",
                )


def step_without_touchpoints(workspace: Workspace, options: RunOptions) -> Iterator[Problem]:
    """A step names no touchpoint, so the map does not say where it happens.

    Bad:
        - {id: verify-identity, name: Verify identity}
    Good:
        - {id: verify-identity, name: Verify identity, touchpoints: [mobile app, branch]}
    """
    for doc in workspace.of(Journey):
        for i, j, step in doc.model.steps():
            if not step.touchpoints:
                yield Problem(
                    f"step '{step.id}' has no touchpoints",
                    doc.file,
                    doc.span("stages", i, "steps", j, "id"),
                    "add `touchpoints:` with the channels used, e.g. [mobile app, branch]",
                )


def journey_without_personas(workspace: Workspace, options: RunOptions) -> Iterator[Problem]:
    """A journey names no persona, so it is nobody's journey in particular.

    Bad:
        title: Open a current account
    Good:
        title: Open a current account
        personas: [student-sam]
    """
    for doc in workspace.of(Journey):
        if not doc.model.personas:
            yield Problem(
                f"journey '{doc.model.id}' has no personas",
                doc.file,
                doc.span("id"),
                "add `personas:` with the ids of the personas who take this journey",
            )


def unaddressed_high_pain(index: Index, options: RunOptions) -> Iterator[Problem]:
    """A pain of severity `high` that no opportunity addresses, neither through its `pains`
    nor through its `steps`. Dismissed opportunities do not count. Not reported while
    something that could not be read (a file that does not parse, an opportunity whose
    steps, pains or status fail the schema) mentions the step: it may address the pain.

    Bad:
        pains: [{id: photo-rejected, text: ID photo rejected, severity: high}]
        # ... and no opportunity mentions open-account/verify-identity
    Good:
        kind: opportunity
        steps: [open-account/verify-identity]
        pains: [open-account/verify-identity/photo-rejected]
    """
    addressed: set[str] = set()
    for opportunity in index.all_of(Opportunity):
        addressed |= opportunity.addresses
    for doc in index.of(Journey):
        for step_pain, path in doc.high_pains:
            step_ref, pain_ref = f"{doc.id}/{step_pain.split('/')[0]}", f"{doc.id}/{step_pain}"
            if step_ref in addressed or pain_ref in addressed:
                continue
            if not index.may_refer(step_ref, "addresses", "opportunity"):
                yield Problem(
                    f"high-severity pain '{pain_ref}' is not addressed by any opportunity",
                    doc.file,
                    index.span(doc, *path, "id"),
                    "add an opportunity whose `pains` lists it, or lower its severity",
                )


def opportunity_without_evidence(workspace: Workspace, options: RunOptions) -> Iterator[Problem]:
    """An opportunity that is `planned`, `in-progress` or `done` cites no insight.

    Bad:
        status: planned
    Good:
        status: planned
        evidence: [id-photo-rejections]
    """
    for doc in workspace.of(Opportunity):
        if doc.model.status in _COMMITTED and not doc.model.evidence:
            yield Problem(
                f"opportunity '{doc.model.id}' is {doc.model.status} but cites no evidence",
                doc.file,
                doc.span("status"),
                "add `evidence:` with the ids of the insights that justify it",
            )


def unused_insight(index: Index, options: RunOptions) -> Iterator[Problem]:
    """No step lists the insight in `insights`, no opportunity cites it in `evidence`, and
    the insight's own `steps` names no step: nothing links it to the map. Not reported
    while something that could not be read (a file that does not parse, a step's
    `insights` or an opportunity's `evidence` that fails the schema) mentions the insight.

    Bad:
        kind: insight
        id: id-photo-rejections    # no `steps:`, and nothing refers to it
    Good:
        kind: insight
        id: id-photo-rejections
        steps: [open-account/verify-identity]   # or the step lists it in `insights`
    """
    used = {r.value for r in index.to("insight")}
    # An insight linked through its own `steps:` is shown at those steps; a link that names
    # no step is reported where it is written (JO102, JO103), not as an unused insight.
    used.update(doc.id for doc in index.of(Insight) if any(e[0] == "step" for e in doc.edges))
    for doc in index.of(Insight):
        if doc.id in used or not doc.knows("step"):
            continue
        if not index.may_refer(doc.id, "insight", "journey", "opportunity"):
            yield Problem(
                f"insight '{doc.id}' is not linked to any step or opportunity",
                doc.file,
                index.span(doc, "id"),
                "list the steps it is about in its `steps:`, or cite it in a step's "
                "`insights` or an opportunity's `evidence`",
            )


def unused_persona(index: Index, options: RunOptions) -> Iterator[Problem]:
    """No journey lists the persona. Not reported while something that could not be read
    (a file that does not parse, a journey's `personas` that fails the schema) mentions it.

    Bad:
        kind: persona
        id: retiree-rosa    # and no journey has it in `personas`
    Good:
        # in a journey
        personas: [retiree-rosa]
    """
    used = {p for doc in index.all_of(Journey) for p in doc.personas}
    for doc in index.of(Persona):
        if doc.id not in used and not index.may_refer(doc.id, "persona", "journey"):
            yield Problem(
                f"persona '{doc.id}' is not used by any journey",
                doc.file,
                index.span(doc, "id"),
                "add it to the `personas` of the journeys it takes, or remove it",
            )


def too_many_stages(workspace: Workspace, options: RunOptions) -> Iterator[Problem]:
    """A journey with more than 50 stages is no longer a readable map.

    Bad:
        stages: [...]   # 60 stages
    Good:
        # split it: a higher-level journey whose steps are zoomed into by child journeys
    """
    for doc in workspace.of(Journey):
        if len(doc.model.stages) > MAX_STAGES:
            yield Problem(
                f"journey '{doc.model.id}' has {len(doc.model.stages)} stages "
                f"(more than {MAX_STAGES})",
                doc.file,
                doc.span("stages", key=True),
                "split it into a higher-level journey and child journeys (`parent:`)",
            )


def too_many_steps(workspace: Workspace, options: RunOptions) -> Iterator[Problem]:
    """A stage with more than 30 steps is no longer readable.

    Bad:
        steps: [...]   # 40 steps
    Good:
        # split the stage, or move the detail into a child journey
    """
    for doc in workspace.of(Journey):
        for i, stage in enumerate(doc.model.stages):
            if len(stage.steps) > MAX_STEPS_PER_STAGE:
                yield Problem(
                    f"stage '{stage.id}' has {len(stage.steps)} steps "
                    f"(more than {MAX_STEPS_PER_STAGE})",
                    doc.file,
                    doc.span("stages", i, "id"),
                    "split the stage, or zoom into the detail with a child journey",
                )


def duplicate_step_name(workspace: Workspace, options: RunOptions) -> Iterator[Problem]:
    """Two steps of one stage have the same name, so the map shows the same box twice.

    Bad:
        steps: [{id: upload, name: Upload documents}, {id: upload-2, name: Upload documents}]
    Good:
        steps: [{id: upload, name: Upload ID}, {id: upload-2, name: Upload proof of address}]
    """
    for doc in workspace.of(Journey):
        for i, stage in enumerate(doc.model.stages):
            seen: dict[str, int] = {}
            for j, step in enumerate(stage.steps):
                key = step.name.strip().casefold()
                if key in seen:
                    first = doc.span("stages", i, "steps", seen[key], "name").line
                    yield Problem(
                        f"step name '{step.name}' is used twice in stage '{stage.id}' "
                        f"(first on line {first})",
                        doc.file,
                        doc.span("stages", i, "steps", j, "name"),
                        "give each step of a stage a distinct name",
                    )
                else:
                    seen[key] = j
