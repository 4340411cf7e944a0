"""The contract every scoring model fulfils: inputs in, a score and its arithmetic out."""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from journeyops.model.scoring_config import ModelOptions
from journeyops.scoring.inputs import Input

Options = TypeVar("Options", bound=ModelOptions)


@dataclass(frozen=True)
class ArithmeticStep:
    """One line of an explanation: what was computed, and the result."""

    what: str
    result: float


@dataclass(frozen=True)
class Computation:
    score: float
    steps: tuple[ArithmeticStep, ...]
    # The value and effort halves of the score, for the value-versus-effort matrix; None
    # when the model has no notion of effort.
    value: float | None = None
    effort: float | None = None

    @property
    def finite(self) -> bool:
        """Whether every number of it is finite. Finite inputs can overflow (1e308 x 3 is
        infinite) and infinity x 0 is NaN; such a number cannot be ranked (NaN breaks the
        sort), compared (NaN != NaN) or written as JSON."""
        numbers = [self.score, *(s.result for s in self.steps)]
        numbers += [n for n in (self.value, self.effort) if n is not None]
        return all(math.isfinite(n) for n in numbers)


class ScoringModel(ABC, Generic[Options]):
    """A model type. Instances are configured: they hold their options."""

    title: str  # "RICE (Intercom)"

    def __init__(self, options: Options) -> None:
        self.options = options

    @abstractmethod
    def inputs(self) -> tuple[Input, ...]:
        """The inputs it needs, by their model names (before renaming)."""

    @abstractmethod
    def compute(self, values: Mapping[str, float]) -> Computation:
        """The score of valid `values` (one per input, already range-checked)."""

    def parameters(self) -> dict[str, object]:
        """The options that change the arithmetic, for reports."""
        return self.options.model_dump(
            exclude={"type", "inputs", "persona_weight", "pain_severity"}
        )
