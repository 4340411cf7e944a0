"""Ulwick's opportunity score: importance + max(importance - satisfaction, 0)."""

from __future__ import annotations

from collections.abc import Mapping

from journeyops.core.numbers import plain
from journeyops.model.scoring_config import OpportunityScoreOptions
from journeyops.scoring.base import ArithmeticStep, Computation, ScoringModel
from journeyops.scoring.inputs import Input


class OpportunityScore(ScoringModel[OpportunityScoreOptions]):
    title = "Opportunity score (importance + max(importance - satisfaction, 0))"

    def inputs(self) -> tuple[Input, ...]:
        return (
            Input("importance", "how important the outcome is, 0..10", minimum=0, maximum=10),
            Input(
                "satisfaction", "how satisfied customers are today, 0..10", minimum=0, maximum=10
            ),
        )

    def compute(self, values: Mapping[str, float]) -> Computation:
        importance, satisfaction = values["importance"], values["satisfaction"]
        gap = max(importance - satisfaction, 0.0)
        score = importance + gap
        steps = (
            ArithmeticStep(
                f"unmet need = max({plain(importance)} - {plain(satisfaction)}, 0)", gap
            ),
            ArithmeticStep(f"importance + unmet need = {plain(importance)} + {plain(gap)}", score),
        )
        return Computation(score, steps, value=score)
