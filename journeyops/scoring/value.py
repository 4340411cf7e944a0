"""Customer and business value: a weighted mean, optionally per unit of effort."""

from __future__ import annotations

from collections.abc import Mapping

from journeyops.core.numbers import plain
from journeyops.model.scoring_config import ValueOptions
from journeyops.scoring.base import ArithmeticStep, Computation, ScoringModel
from journeyops.scoring.inputs import Input


class Value(ScoringModel[ValueOptions]):
    title = "Value (weighted customer and business value)"

    def inputs(self) -> tuple[Input, ...]:
        inputs: tuple[Input, ...] = (
            Input("customer_value", "value to customers, 0..100", minimum=0, maximum=100),
            Input("business_value", "value to the business, 0..100", minimum=0, maximum=100),
        )
        if self.options.per_effort:
            inputs += (Input("effort", "effort, 1..5", minimum=1, maximum=5),)
        return inputs

    def compute(self, values: Mapping[str, float]) -> Computation:
        cw, bw = self.options.customer_weight, self.options.business_weight
        customer, business = values["customer_value"], values["business_value"]
        terms = f"{plain(cw)} x {plain(customer)} + {plain(bw)} x {plain(business)}"
        shown = f"({terms}) / {plain(cw + bw)}"
        if not 1e-300 < max(cw, bw) < 1e300:
            # Weights near the float limits overflow (x / inf is 0) or underflow (5e-324 x
            # 0.3 is 0): a wrong mean. Only their ratio counts, so scale them first.
            scale = max(cw, bw)
            cw, bw = cw / scale, bw / scale
        mean = (cw * customer + bw * business) / (cw + bw)
        steps = [ArithmeticStep(shown, mean)]
        if not self.options.per_effort:
            return Computation(mean, tuple(steps), value=mean)
        effort = values["effort"]
        steps.append(ArithmeticStep(f"/ effort {plain(effort)}", mean / effort))
        return Computation(mean / effort, tuple(steps), value=mean, effort=effort)
