"""`scoring:` in journeyops.yaml: the default model and named model variants."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from journeyops.model.base import FiniteNumber, InputName, Slug, Strict


class ModelOptions(Strict):
    """Options every model accepts."""

    type: str = Field(description="Model type.")
    inputs: dict[InputName, InputName] = Field(
        default_factory=dict,
        description="Rename inputs: model input -> the `scores` key that holds it, e.g. "
        "`{confidence: ice_confidence}` when two models use `confidence` on different scales.",
    )
    persona_weight: bool = Field(
        default=False,
        description="Multiply the score by the mean `weight` of the opportunity's personas.",
    )
    pain_severity: bool = Field(
        default=False,
        description="Multiply the score by the highest severity among the opportunity's pains "
        "(low x1, medium x1.5, high x2).",
    )


class RiceOptions(ModelOptions):
    """RICE (Intercom): reach x impact x confidence / effort."""

    type: Literal["rice"] = Field(description="Model type.")


class IceOptions(ModelOptions):
    """ICE: impact, confidence and ease, each 1..10."""

    type: Literal["ice"] = Field(description="Model type.")
    combine: Literal["product", "mean"] = Field(
        default="product", description="Multiply the three inputs, or take their mean."
    )


class WsjfOptions(ModelOptions):
    """WSJF (SAFe): (business value + time criticality + risk reduction) / job size."""

    type: Literal["wsjf"] = Field(description="Model type.")
    strict_scale: bool = Field(
        default=False,
        description="Accept only the modified Fibonacci scale (1, 2, 3, 5, 8, 13, 20).",
    )


class OpportunityScoreOptions(ModelOptions):
    """Ulwick's opportunity score: importance + max(importance - satisfaction, 0)."""

    type: Literal["opportunity"] = Field(description="Model type.")


class ValueOptions(ModelOptions):
    """Customer and business value (0..100), weighted, optionally per unit of effort (1..5)."""

    type: Literal["value"] = Field(description="Model type.")
    customer_weight: FiniteNumber = Field(default=50, ge=0, description="Weight of customer value.")
    business_weight: FiniteNumber = Field(default=50, ge=0, description="Weight of business value.")
    per_effort: bool = Field(default=False, description="Divide the weighted mean by `effort`.")

    @model_validator(mode="after")
    def _some_weight(self) -> ValueOptions:
        if self.customer_weight + self.business_weight <= 0:
            raise ValueError("customer_weight and business_weight cannot both be 0")
        return self


class Criterion(Strict):
    """One input of a team-defined scorecard."""

    input: InputName = Field(description="The `scores` key of this criterion.")
    min: FiniteNumber = Field(default=0, description="Lowest allowed value.")
    max: FiniteNumber = Field(description="Highest allowed value.")
    weight: FiniteNumber = Field(default=1, gt=0, description="Relative weight of this criterion.")

    @model_validator(mode="after")
    def _ordered(self) -> Criterion:
        if self.min >= self.max:
            raise ValueError("a criterion's min must be lower than its max")
        return self


class Divisor(Strict):
    """An input the weighted sum is divided by, such as effort."""

    input: InputName = Field(description="The `scores` key of the divisor.")
    min: FiniteNumber = Field(default=1, gt=0, description="Lowest allowed value (above 0).")
    max: FiniteNumber | None = Field(default=None, description="Highest allowed value.")


class WeightedOptions(ModelOptions):
    """A team-defined scorecard: sum of weight x input over the criteria, optionally divided."""

    type: Literal["weighted"] = Field(description="Model type.")
    criteria: list[Criterion] = Field(min_length=1, description="The scored criteria.")
    divisor: Divisor | None = Field(
        default=None, description="Divide the weighted sum by this input."
    )


ModelConfig = Annotated[
    RiceOptions
    | IceOptions
    | WsjfOptions
    | OpportunityScoreOptions
    | ValueOptions
    | WeightedOptions,
    Field(discriminator="type"),
]


class Scoring(Strict):
    """How `journeyops score` ranks opportunities."""

    default: Slug = Field(
        default="rice",
        description="The model `journeyops score` uses without --model: a built-in model "
        "(rice, ice, wsjf, opportunity, value) or a name under `models`.",
    )
    models: dict[Slug, ModelConfig] = Field(
        default_factory=dict,
        description="Named models: name -> `type` and options, e.g. a `rice-quarterly` variant.",
    )
