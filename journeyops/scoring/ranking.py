"""One ranked list of opportunities under one model: scores, ranks, and what could not be scored.

`evaluate` is the single place where an opportunity's inputs are read and checked, so the
`score` command and the JO5xx lint rules can never disagree about an input.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from journeyops.diagnostics import Problem
from journeyops.model import Opportunity
from journeyops.model.workspace import Located, Workspace
from journeyops.scoring import ConfiguredModel
from journeyops.scoring.base import Computation, Step, fmt
from journeyops.sourcemap import Path

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
    problems: tuple[Problem, ...] = ()  # inputs present but invalid


@dataclass(frozen=True)
class Entry:
    opportunity: Located[Opportunity]
    rank: int
    score: float
    inputs: tuple[InputValue, ...]
    computation: Computation
    multipliers: tuple[Step, ...]


@dataclass(frozen=True)
class Filters:
    journey: str | None = None
    persona: str | None = None
    statuses: frozenset[str] = frozenset()

    def keep(self, opportunity: Opportunity) -> bool:
        if self.journey and not any(s.split("/")[0] == self.journey for s in opportunity.steps):
            return False
        if self.persona and self.persona not in opportunity.personas:
            return False
        return not self.statuses or opportunity.status in self.statuses


@dataclass(frozen=True)
class Ranking:
    model: ConfiguredModel
    entries: list[Entry] = field(default_factory=list)
    unscored: list[Evaluation] = field(default_factory=list)

    @property
    def problems(self) -> list[Problem]:
        return [p for e in self.unscored for p in e.problems]


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


def rank(workspace: Workspace, model: ConfiguredModel, filters: Filters | None = None) -> Ranking:
    filters = filters or Filters()
    ranking = Ranking(model)
    scored: list[tuple[float, Evaluation, Computation, tuple[Step, ...]]] = []
    for doc in workspace.of(Opportunity):
        if not filters.keep(doc.model):
            continue
        evaluation = evaluate(model, doc)
        if evaluation.missing or evaluation.problems:
            ranking.unscored.append(evaluation)
            continue
        computation = model.model.compute({i.name: i.value for i in evaluation.inputs})
        multipliers = tuple(_multipliers(workspace, model, doc.model, computation.score))
        score = multipliers[-1].result if multipliers else computation.score
        scored.append((score, evaluation, computation, multipliers))
    # Higher score first, then id; equal scores share a rank ("1, 2, 2, 4").
    scored.sort(key=lambda item: (-round(item[0], 9), item[1].opportunity.model.id))
    previous: tuple[float, int] | None = None
    for position, (score, evaluation, computation, multipliers) in enumerate(scored, start=1):
        place = previous[1] if previous and round(previous[0], 9) == round(score, 9) else position
        previous = (score, place)
        ranking.entries.append(
            Entry(evaluation.opportunity, place, score, evaluation.inputs, computation, multipliers)
        )
    ranking.unscored.sort(key=lambda e: e.opportunity.model.id)
    return ranking


def _multipliers(
    workspace: Workspace, model: ConfiguredModel, opportunity: Opportunity, score: float
) -> Iterable[Step]:
    if model.options.persona_weight:
        weights = [
            workspace.personas[p].model.weight
            for p in opportunity.personas
            if p in workspace.personas
        ]
        factor = sum(weights) / len(weights) if weights else 1.0
        score *= factor
        shown = ", ".join(fmt(w) for w in weights) or "no personas"
        yield Step(f"x persona weight {fmt(factor)} (mean of {shown})", score)
    if model.options.pain_severity:
        severities = [s for s in (_severity(workspace, ref) for ref in opportunity.pains) if s]
        worst = max(severities, key=SEVERITY_FACTOR.__getitem__, default=None)
        factor = SEVERITY_FACTOR[worst] if worst else 1.0
        score *= factor
        yield Step(f"x pain severity {fmt(factor)} ({worst or 'no rated pains'})", score)


def _severity(workspace: Workspace, pain_ref: str) -> str | None:
    journey, step, pain = pain_ref.split("/")
    entry = workspace.steps.get(journey, {}).get(step)
    found = [p.severity for p in entry.step.pains if p.id == pain] if entry else []
    return found[0] if found else None
