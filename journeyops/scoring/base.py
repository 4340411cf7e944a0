"""The contract every scoring model fulfils: inputs in, a score and its arithmetic out."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from journeyops.model.scoring_config import ModelOptions
from journeyops.scoring.inputs import Input

Options = TypeVar("Options", bound=ModelOptions)


@dataclass(frozen=True)
class Step:
    """One line of an explanation: what was computed, and the result."""

    what: str
    result: float


@dataclass(frozen=True)
class Computation:
    score: float
    steps: tuple[Step, ...]
    # The value and effort halves of the score, for the value-versus-effort matrix; None
    # when the model has no notion of effort.
    value: float | None = None
    effort: float | None = None


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


def fmt(value: float) -> str:
    """Numbers as people write them in an explanation and as spreadsheets read them: 675,
    0.8, 24, 4.08, 7893.33 (no thousands separators, at most 4 decimals)."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.4f}".rstrip("0").rstrip(".")
