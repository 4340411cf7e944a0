"""RICE (Intercom): reach x impact x confidence / effort."""

from __future__ import annotations

from collections.abc import Mapping

from journeyops.core.numbers import plain
from journeyops.model.scoring_config import RiceOptions
from journeyops.scoring.base import ArithmeticStep, Computation, ScoringModel
from journeyops.scoring.inputs import Input

IMPACT_SCALE = (3.0, 2.0, 1.0, 0.5, 0.25)  # massive, high, medium, low, minimal


class Rice(ScoringModel[RiceOptions]):
    title = "RICE (reach x impact x confidence / effort)"

    def inputs(self) -> tuple[Input, ...]:
        return (
            Input("reach", "people or events per period", minimum=0),
            Input(
                "impact", "3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal", allowed=IMPACT_SCALE
            ),
            Input("confidence", "how sure the estimates are", minimum=0, maximum=1, percent=True),
            Input("effort", "person-months", above=0),
        )

    def compute(self, values: Mapping[str, float]) -> Computation:
        reach, impact = values["reach"], values["impact"]
        confidence, effort = values["confidence"], values["effort"]
        value = reach * impact * confidence
        score = value / effort
        steps = (
            ArithmeticStep(f"reach x impact = {plain(reach)} x {plain(impact)}", reach * impact),
            ArithmeticStep(f"x confidence {plain(confidence * 100)}%", value),
            ArithmeticStep(f"/ effort {plain(effort)}", score),
        )
        return Computation(score, steps, value=value, effort=effort)
