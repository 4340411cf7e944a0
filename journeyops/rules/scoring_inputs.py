"""Scoring inputs (JO5xx): what `journeyops score` needs, checked on every validate."""

from __future__ import annotations

from collections.abc import Iterator

from journeyops.core.diagnostics import Problem
from journeyops.model import Opportunity
from journeyops.model.scoring_config import Scoring
from journeyops.model.workspace import Workspace
from journeyops.rules.engine import RunOptions
from journeyops.scoring import ConfiguredModel, resolve
from journeyops.scoring.ranking import compute, evaluate, not_finite


def missing_score_input(workspace: Workspace, options: RunOptions) -> Iterator[Problem]:
    """An opportunity lacks an input that the default scoring model (`scoring.default`,
    RICE unless configured) needs, so `journeyops score` lists it as unscored.

    Bad:
        scores: {reach: 450, impact: 3, confidence: 0.8}    # RICE also needs effort
    Good:
        scores: {reach: 450, impact: 3, confidence: 0.8, effort: 2}
    """
    model = resolve(workspace.config.scoring)
    for doc in workspace.of(Opportunity):
        for key in evaluate(model, doc).missing:
            where = doc.span("scores", key=True) if doc.model.scores else doc.span("id")
            yield Problem(
                f"opportunity '{doc.model.id}' has no '{key}' score, which the default "
                f"model '{model.name}' needs",
                doc.file,
                where,
                f"add `{key}:` under `scores:`",
            )


def invalid_score_input(workspace: Workspace, options: RunOptions) -> Iterator[Problem]:
    """A scoring input is outside the range of the default model or of a model configured
    under `scoring.models` (RICE impact must be 3, 2, 1, 0.5 or 0.25; confidence 0..1 or a
    percentage; ICE inputs 1..10; ...). Models that rename an input check the renamed key.

    Bad:
        scores: {reach: 450, impact: 5, confidence: 80, effort: 2}
    Good:
        scores: {reach: 450, impact: 3, confidence: 80%, effort: 2}
    """
    seen: set[tuple[str, int, int]] = set()
    for model in _models_in_use(workspace.config.scoring):
        for doc in workspace.of(Opportunity):
            for problem in evaluate(model, doc).problems:
                where = (problem.file, problem.span.line, problem.span.column)
                if where not in seen:  # one finding per value, even if two models object
                    seen.add(where)
                    yield problem


def non_finite_score(workspace: Workspace, options: RunOptions) -> Iterator[Problem]:
    """Valid inputs give a score that is not a finite number under the default model or a
    model under `scoring.models`: the arithmetic overflows (reach 1e308 x impact 3 is
    infinite) or gives NaN (infinity x confidence 0), also through a configured weight that
    large. `journeyops score` leaves the opportunity unscored: such a number cannot be
    ranked, compared or written as JSON. (A persona weight that makes the score overflow
    lives in another file; `score` reports that one when it multiplies.)

    Bad:
        scores: {reach: 1e308, impact: 3, confidence: 0.8, effort: 0.25}
    Good:
        scores: {reach: 45000, impact: 3, confidence: 0.8, effort: 0.25}
    """
    seen: set[str] = set()
    for model in _models_in_use(workspace.config.scoring):
        for doc in workspace.of(Opportunity):
            evaluation = evaluate(model, doc)
            if not evaluation.valid or doc.model.id in seen:
                continue
            # The opportunity's own inputs only: a document check's findings may depend on
            # its file alone (they are cached with it), and persona weights live elsewhere.
            problem = not_finite(model, evaluation, compute(model, evaluation))
            if problem:  # one finding per opportunity, even if two models overflow
                seen.add(doc.model.id)
                yield problem


def _models_in_use(scoring: Scoring) -> list[ConfiguredModel]:
    """The default model first, then every model configured under `scoring.models`."""
    names = [scoring.default, *(n for n in scoring.models if n != scoring.default)]
    return [resolve(scoring, name) for name in names]
