"""ICE: impact, confidence and ease (each 1..10), multiplied or averaged."""

from __future__ import annotations

from collections.abc import Mapping

from journeyops.core.numbers import plain
from journeyops.model.scoring_config import IceOptions
from journeyops.scoring.base import ArithmeticStep, Computation, ScoringModel
from journeyops.scoring.inputs import Input


class Ice(ScoringModel[IceOptions]):
    title = "ICE (impact, confidence, ease)"

    def inputs(self) -> tuple[Input, ...]:
        return (
            Input("impact", "how much it moves the goal, 1..10", minimum=1, maximum=10),
            Input("confidence", "how sure we are, 1..10", minimum=1, maximum=10),
            Input("ease", "how easy it is, 1..10", minimum=1, maximum=10),
        )

    def compute(self, values: Mapping[str, float]) -> Computation:
        impact, confidence, ease = values["impact"], values["confidence"], values["ease"]
        shown = f"{plain(impact)}, {plain(confidence)}, {plain(ease)}"
        if self.options.combine == "mean":
            score = (impact + confidence + ease) / 3
            steps = (ArithmeticStep(f"mean of impact, confidence, ease = mean({shown})", score),)
        else:
            score = impact * confidence * ease
            steps = (
                ArithmeticStep(f"impact x confidence x ease = {shown.replace(', ', ' x ')}", score),
            )
        # For the matrix: value is impact x confidence, effort the complement of ease.
        return Computation(score, steps, value=impact * confidence, effort=11 - ease)
