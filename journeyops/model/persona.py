"""A persona: a kind of customer that journeys are designed for."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from journeyops.model.base import Document, Text


class Persona(Document):
    """An archetypal customer, referenced by id from journeys, insights and opportunities."""

    kind: Literal["persona"] = Field(description="Document kind; always `persona` here.")
    name: Text = Field(description="Display name, e.g. `Maya, first-time buyer`.")
    description: str | None = Field(default=None, description="Who this persona is.")
    segment: str | None = Field(
        default=None, description="Customer segment this persona stands for."
    )
    share: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description="Share of the customer base (0..1) this persona represents.",
    )
    weight: float = Field(
        default=1,
        gt=0,
        description="Relative importance used by scoring when persona weighting is on.",
    )
    goals: list[Text] = Field(
        default_factory=list, description="What the persona wants to achieve."
    )
    needs: list[Text] = Field(default_factory=list, description="What the persona needs from us.")
    frustrations: list[Text] = Field(default_factory=list, description="What gets in their way.")
    quote: str | None = Field(default=None, description="A representative quote, in their words.")
