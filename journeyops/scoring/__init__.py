"""Scoring models by type, the built-in models usable by name, and model resolution."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from journeyops.core.diagnostics import Problem
from journeyops.core.sourcemap import SourceMap
from journeyops.core.suggest import did_you_mean
from journeyops.load.sources import CONFIG_FILE
from journeyops.model.scoring_config import (
    IceOptions,
    ModelConfig,
    ModelOptions,
    OpportunityScoreOptions,
    RiceOptions,
    Scoring,
    ValueOptions,
    WsjfOptions,
)
from journeyops.scoring.base import ScoringModel
from journeyops.scoring.ice import Ice
from journeyops.scoring.inputs import Input
from journeyops.scoring.rice import Rice
from journeyops.scoring.ulwick import OpportunityScore
from journeyops.scoring.value import Value
from journeyops.scoring.weighted import Weighted
from journeyops.scoring.wsjf import Wsjf

MODEL_TYPES: dict[str, type[ScoringModel[Any]]] = {
    "rice": Rice,
    "ice": Ice,
    "wsjf": Wsjf,
    "opportunity": OpportunityScore,
    "value": Value,
    "weighted": Weighted,
}

# Usable by name with no configuration (a weighted scorecard needs its criteria). Built
# without validation: every field is its default, and validating would build five pydantic
# validators at import, a cost every command would pay before doing anything.
BUILTIN: dict[str, ModelConfig] = {
    "rice": RiceOptions.model_construct(type="rice"),
    "ice": IceOptions.model_construct(type="ice"),
    "wsjf": WsjfOptions.model_construct(type="wsjf"),
    "opportunity": OpportunityScoreOptions.model_construct(type="opportunity"),
    "value": ValueOptions.model_construct(type="value"),
}


@dataclass(frozen=True)
class ConfiguredModel:
    """A model as a workspace uses it: its name, implementation and options."""

    name: str
    model: ScoringModel[Any]
    options: ModelOptions

    @cached_property
    def inputs(self) -> tuple[Input, ...]:
        """The model's inputs, built once (evaluate asks for them per opportunity)."""
        return self.model.inputs()

    def key(self, input_name: str) -> str:
        """The `scores` key that holds a model input (after `inputs:` renaming)."""
        return self.options.inputs.get(input_name, input_name)


def available(scoring: Scoring) -> dict[str, ModelConfig]:
    return {**BUILTIN, **scoring.models}


def resolve(scoring: Scoring, name: str | None = None) -> ConfiguredModel:
    """The model called `name` (default: `scoring.default`); KeyError if there is none."""
    chosen = name or scoring.default
    options = available(scoring)[chosen]
    return ConfiguredModel(chosen, MODEL_TYPES[options.type](options), options)


def scoring_config_problems(scoring: Scoring, source: SourceMap) -> list[Problem]:
    """`scoring:` mistakes that pydantic cannot see: an unknown default model, and renamed
    inputs that the model does not have."""
    problems = []
    names = available(scoring)
    if scoring.default not in names:
        hint = did_you_mean(scoring.default, names) or "models: " + ", ".join(names)
        span = source.span(("scoring", "default"))
        problems.append(
            Problem(f"unknown scoring model '{scoring.default}'", CONFIG_FILE, span, hint)
        )
    for name, options in scoring.models.items():
        inputs = [i.name for i in MODEL_TYPES[options.type](options).inputs()]
        for renamed in options.inputs:
            if renamed not in inputs:
                path = ("scoring", "models", name, "inputs", renamed)
                hint = did_you_mean(renamed, inputs) or f"{options.type} inputs: " + ", ".join(
                    inputs
                )
                message = f"model '{name}' ({options.type}) has no input '{renamed}' to rename"
                problems.append(Problem(message, CONFIG_FILE, source.span(path, key=True), hint))
    return problems


__all__ = [
    "BUILTIN",
    "MODEL_TYPES",
    "ConfiguredModel",
    "available",
    "resolve",
    "scoring_config_problems",
]
