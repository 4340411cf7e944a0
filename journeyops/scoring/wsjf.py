"""WSJF (SAFe): cost of delay / job size."""

from __future__ import annotations

from collections.abc import Mapping

from journeyops.core.numbers import plain
from journeyops.model.scoring_config import WsjfOptions
from journeyops.scoring.base import ArithmeticStep, Computation, ScoringModel
from journeyops.scoring.inputs import Input

FIBONACCI = (1.0, 2.0, 3.0, 5.0, 8.0, 13.0, 20.0)  # SAFe's modified Fibonacci scale


class Wsjf(ScoringModel[WsjfOptions]):
    title = "WSJF ((business value + time criticality + risk reduction) / job size)"

    def inputs(self) -> tuple[Input, ...]:
        scale = FIBONACCI if self.options.strict_scale else None
        above = None if scale else 0.0

        def relative(name: str, description: str) -> Input:
            return Input(name, description, above=above, allowed=scale)

        return (
            relative("business_value", "relative value to customers and business"),
            relative("time_criticality", "how fast the value decays"),
            relative("risk_reduction", "risk reduction or opportunity enablement"),
            relative("job_size", "relative size of the work"),
        )

    def compute(self, values: Mapping[str, float]) -> Computation:
        parts = (values["business_value"], values["time_criticality"], values["risk_reduction"])
        cost_of_delay = sum(parts)
        job_size = values["job_size"]
        score = cost_of_delay / job_size
        steps = (
            ArithmeticStep("cost of delay = " + " + ".join(plain(p) for p in parts), cost_of_delay),
            ArithmeticStep(f"/ job size {plain(job_size)}", score),
        )
        return Computation(score, steps, value=cost_of_delay, effort=job_size)
