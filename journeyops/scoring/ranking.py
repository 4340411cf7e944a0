"""One ranked list of opportunities under one model: scores, ranks, and what could not be scored.

`evaluate` is the single place where an opportunity's inputs are read and checked, so the
`score` command and the JO5xx lint rules can never disagree about an input.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from journeyops.core.diagnostics import Problem
from journeyops.core.numbers import plain
from journeyops.core.sourcemap import Path
from journeyops.model import Opportunity
from journeyops.model.workspace import Located, Workspace
from journeyops.scoring import ConfiguredModel
from journeyops.scoring.base import ArithmeticStep, Computation
from journeyops.scoring.filters import Filters

SEVERITY_FACTOR = {"low": 1.0, "medium": 1.5, "high": 2.0}


@dataclass(frozen=True)
class InputValue:
    name: str  # the model's name for it
    key: str  # the `scores` key it was read from
    value: float

    @property
    def path(self) -> Path:
        """Where it is written in its opportunity (positions are looked up only when shown)."""
        return ("scores", self.key)


@dataclass(frozen=True)
class Evaluation:
    opportunity: Located[Opportunity]
    inputs: tuple[InputValue, ...] = ()
    missing: tuple[str, ...] = ()  # `scores` keys
    problems: tuple[Problem, ...] = ()  # inputs present but invalid (JO502)
    # Valid inputs whose score is not a finite number (JO503).
    not_finite: Problem | None = None

    @property
    def valid(self) -> bool:
        """Whether every input is there and in range, so the score can be computed."""
        return not (self.missing or self.problems)


@dataclass(frozen=True)
class Entry:
    opportunity: Located[Opportunity]
    rank: int
    score: float
    inputs: tuple[InputValue, ...]
    computation: Computation
    multipliers: tuple[ArithmeticStep, ...]


@dataclass(frozen=True)
class Ranking:
    model: ConfiguredModel
    entries: list[Entry] = field(default_factory=list)
    unscored: list[Evaluation] = field(default_factory=list)

    @property
    def problems(self) -> list[Problem]:
        """Invalid inputs (JO502)."""
        return [p for e in self.unscored for p in e.problems]

    @property
    def not_finite(self) -> list[Problem]:
        """Scores that are not finite numbers (JO503)."""
        return [e.not_finite for e in self.unscored if e.not_finite]

    def top(self, n: int | None) -> Ranking:
        """Only the `n` best-ranked entries (all of them for None); the unscored stay, as
        they are not part of the ranking."""
        return self if n is None else replace(self, entries=self.entries[:n])


def evaluate(model: ConfiguredModel, doc: Located[Opportunity]) -> Evaluation:
    inputs, missing, problems = [], [], []
    for spec in model.inputs:
        key = model.key(spec.name)
        raw = doc.model.scores.get(key)
        if raw is None:
            missing.append(key)
            continue
        try:
            inputs.append(InputValue(spec.name, key, spec.parse(raw)))
        except ValueError as error:
            hint = f"{key}: {spec.description}"
            span = doc.span("scores", key)
            problems.append(Problem(f"{error} (model {model.name})", doc.file, span, hint))
    return Evaluation(doc, tuple(inputs), tuple(missing), tuple(problems))


@dataclass(frozen=True)
class Scored:
    score: float  # after the multipliers
    computation: Computation
    multipliers: tuple[ArithmeticStep, ...]


def compute(
    model: ConfiguredModel, evaluation: Evaluation, workspace: Workspace | None = None
) -> Scored:
    """The score of an evaluation whose inputs are valid, with every step behind it; the
    persona and pain multipliers only with the `workspace` that holds those personas and
    pains (without it, the model's arithmetic on the opportunity's own inputs)."""
    computation = model.model.compute({i.name: i.value for i in evaluation.inputs})
    opportunity = evaluation.opportunity.model
    multipliers: tuple[ArithmeticStep, ...] = ()
    if workspace is not None:
        multipliers = tuple(_multipliers(workspace, model, opportunity, computation.score))
    score = multipliers[-1].result if multipliers else computation.score
    return Scored(score, computation, multipliers)


def not_finite(model: ConfiguredModel, evaluation: Evaluation, scored: Scored) -> Problem | None:
    """A finding when the arithmetic left the finite numbers (reach 1e308 x impact 3 is
    infinite, and x confidence 0 NaN), naming the inputs that did it; None when it did not."""
    if scored.computation.finite and all(math.isfinite(s.result) for s in scored.multipliers):
        return None
    doc = evaluation.opportunity
    result = "NaN" if math.isnan(scored.score) else "infinite"
    inputs = ", ".join(f"{i.key} {plain(i.value)}" for i in evaluation.inputs)
    factors = "".join(f", then {s.what}" for s in scored.multipliers)
    message = (
        f"the {model.name} score of '{doc.model.id}' is not a finite number ({result}): "
        f"{inputs}{factors}"
    )
    hint = "use inputs of a realistic size: a score must be a finite number to be ranked"
    return Problem(message, doc.file, doc.span("scores", key=True), hint)


def rank(workspace: Workspace, model: ConfiguredModel, filters: Filters | None = None) -> Ranking:
    filters = filters or Filters()
    ranking = Ranking(model)
    scored: list[tuple[Scored, Evaluation]] = []
    for doc in workspace.of(Opportunity):
        if not filters.keep(doc.model):
            continue
        evaluation = evaluate(model, doc)
        if not evaluation.valid:
            ranking.unscored.append(evaluation)
            continue
        result = compute(model, evaluation, workspace)
        problem = not_finite(model, evaluation, result)
        if problem:  # never ranked: NaN breaks the sort, and is not equal to itself
            ranking.unscored.append(replace(evaluation, not_finite=problem))
            continue
        scored.append((result, evaluation))
    # Higher score first, then id; equal scores share a rank ("1, 2, 2, 4").
    scored.sort(key=lambda item: (-round(item[0].score, 9), item[1].opportunity.model.id))
    previous: tuple[float, int] | None = None
    for position, (result, evaluation) in enumerate(scored, start=1):
        score = result.score
        place = previous[1] if previous and round(previous[0], 9) == round(score, 9) else position
        previous = (score, place)
        ranking.entries.append(
            Entry(
                evaluation.opportunity,
                place,
                score,
                evaluation.inputs,
                result.computation,
                result.multipliers,
            )
        )
    ranking.unscored.sort(key=lambda e: e.opportunity.model.id)
    return ranking


def _multipliers(
    workspace: Workspace, model: ConfiguredModel, opportunity: Opportunity, score: float
) -> Iterable[ArithmeticStep]:
    if model.options.persona_weight:
        weights = [
            workspace.personas[p].model.weight
            for p in opportunity.personas
            if p in workspace.personas
        ]
        factor = sum(weights) / len(weights) if weights else 1.0
        score *= factor
        shown = ", ".join(plain(w) for w in weights) or "no personas"
        yield ArithmeticStep(f"x persona weight {plain(factor)} (mean of {shown})", score)
    if model.options.pain_severity:
        severities = [s for s in (_severity(workspace, ref) for ref in opportunity.pains) if s]
        worst = max(severities, key=SEVERITY_FACTOR.__getitem__, default=None)
        factor = SEVERITY_FACTOR[worst] if worst else 1.0
        score *= factor
        yield ArithmeticStep(
            f"x pain severity {plain(factor)} ({worst or 'no rated pains'})", score
        )


def _severity(workspace: Workspace, pain_ref: str) -> str | None:
    journey, step, pain = pain_ref.split("/")
    entry = workspace.steps.get(journey, {}).get(step)
    found = [p.severity for p in entry.step.pains if p.id == pain] if entry else []
    return found[0] if found else None
