"""A team-defined scorecard: the weighted sum of criteria, optionally divided by an input.
It is configured as data in journeyops.yaml; nothing the user writes is evaluated."""

from __future__ import annotations

from collections.abc import Mapping

from journeyops.core.numbers import plain
from journeyops.model.scoring_config import WeightedOptions
from journeyops.scoring.base import ArithmeticStep, Computation, ScoringModel
from journeyops.scoring.inputs import Input


class Weighted(ScoringModel[WeightedOptions]):
    title = "Weighted scorecard"

    def inputs(self) -> tuple[Input, ...]:
        inputs = tuple(
            Input(c.input, f"criterion, weight {plain(c.weight)}", minimum=c.min, maximum=c.max)
            for c in self.options.criteria
        )
        divisor = self.options.divisor
        if divisor is not None:
            inputs += (Input(divisor.input, "divisor", minimum=divisor.min, maximum=divisor.max),)
        return inputs

    def compute(self, values: Mapping[str, float]) -> Computation:
        terms = [(c.weight, values[c.input]) for c in self.options.criteria]
        total = sum(weight * value for weight, value in terms)
        shown = " + ".join(f"{plain(w)} x {plain(v)}" for w, v in terms)
        steps = [ArithmeticStep(f"weighted sum = {shown}", total)]
        divisor = self.options.divisor
        if divisor is None:
            return Computation(total, tuple(steps), value=total)
        by = values[divisor.input]
        steps.append(ArithmeticStep(f"/ {divisor.input} {plain(by)}", total / by))
        return Computation(total / by, tuple(steps), value=total, effort=by)
