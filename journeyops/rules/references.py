"""Reference integrity (JO1xx): every id, step and pain a document names must exist."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from journeyops.core.diagnostics import Problem
from journeyops.core.suggest import did_you_mean
from journeyops.model.facts import Index, Reference, Target
from journeyops.rules.engine import RunOptions


def _problem(index: Index, ref: Reference, message: str, hint: str | None) -> Problem:
    return Problem(message, ref.document.file, index.span(ref.document, *ref.path), hint)


def _missing_id(index: Index, target: Target, ids: Iterable[str]) -> Iterator[Problem]:
    known = set(ids)
    article = "an" if target[0] in "aeiou" else "a"
    for ref in index.to(target):
        if ref.value in known or index.is_invalid(target, ref.value):
            continue
        if index.may_define(ref.value):  # in a file that does not parse, say
            continue
        hint = did_you_mean(ref.value, known) or f"define {article} {target} with `id: {ref.value}`"
        yield _problem(index, ref, f"unknown {target} '{ref.value}'", hint)


def unknown_persona(index: Index, options: RunOptions) -> Iterator[Problem]:
    """A journey, insight or opportunity names a persona id that no persona document has.
    (Not reported while a file that does not parse holds the id: it may define it.)

    Bad:
        personas: [first-time-buyr]
    Good:
        personas: [first-time-buyer]   # a persona with `id: first-time-buyer` exists
    """
    return _missing_id(index, "persona", index.personas)


def unknown_insight(index: Index, options: RunOptions) -> Iterator[Problem]:
    """A step's `insights` or an opportunity's `evidence` names an insight that does not exist.
    (Not reported while a file that does not parse holds the id: it may define it.)

    Bad:
        evidence: [app-abandonment]
    Good:
        evidence: [app-abandonment-survey]   # an insight with that id exists
    """
    return _missing_id(index, "insight", index.insights)


def unknown_journey(index: Index, options: RunOptions) -> Iterator[Problem]:
    """`replaces`, or the journey part of a step or pain reference, names no journey.
    (Not reported while a file that does not parse holds the id: it may define it.)

    Bad:
        parent: customer-lifecyle/join
    Good:
        parent: customer-lifecycle/join
    """
    journeys = index.journeys
    for ref in index.to("journey", "step", "pain"):
        journey_id = ref.value if ref.target == "journey" else ref.value.partition("/")[0]
        if index.is_invalid("journey", journey_id):
            continue
        if journey_id not in journeys and not index.may_define(journey_id):
            hint = did_you_mean(journey_id, journeys) or f"define a journey with `id: {journey_id}`"
            yield _problem(index, ref, f"unknown journey '{journey_id}' in '{ref.value}'", hint)


def unknown_step(index: Index, options: RunOptions) -> Iterator[Problem]:
    """A `journey/step` (or `journey/step/pain`) reference names a step the journey lacks.

    Bad:
        steps: [open-account/verify-id]
    Good:
        steps: [open-account/verify-identity]
    """
    for ref in index.to("step", "pain"):
        journey_id, step_id = ref.value.split("/")[:2]
        journey = index.journeys.get(journey_id)
        steps = journey.steps if journey and journey.knows("steps") else None
        if steps is not None and step_id not in steps:
            hint = did_you_mean(step_id, steps) or f"steps of '{journey_id}': " + ", ".join(steps)
            yield _problem(index, ref, f"journey '{journey_id}' has no step '{step_id}'", hint)


def unknown_pain(index: Index, options: RunOptions) -> Iterator[Problem]:
    """A `journey/step/pain` reference names a pain that the step does not list.

    Bad:
        pains: [open-account/verify-identity/slow-upload]
    Good:
        pains: [open-account/verify-identity/photo-rejected]
    """
    for ref in index.to("pain"):
        journey_id, step_id, pain_id = ref.value.split("/")
        journey = index.journeys.get(journey_id)
        known = journey is not None and journey.knows("steps")
        pains = journey.steps.get(step_id) if journey and known else None
        if pains is not None and pain_id not in pains:
            hint = did_you_mean(pain_id, pains) or (
                f"pains of that step: {', '.join(pains)}" if pains else "that step lists no pains"
            )
            yield _problem(
                index, ref, f"step '{journey_id}/{step_id}' has no pain '{pain_id}'", hint
            )
