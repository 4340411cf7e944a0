"""An improvement opportunity: what could be done about pains at steps, and its scores."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from journeyops.model.base import (
    Document,
    FiniteNumber,
    InputName,
    PainRef,
    Slug,
    StepRef,
    Text,
)

Percentage = Annotated[str, StringConstraints(pattern=r"^\d+(\.\d+)?%$")]
Status = Literal["open", "exploring", "planned", "in-progress", "done", "dismissed"]


class Opportunity(Document):
    """A candidate improvement, linked to the steps and pains it addresses."""

    kind: Literal["opportunity"] = Field(description="Document kind; always `opportunity` here.")
    title: Text = Field(description="What the improvement is, in a few words.")
    description: str | None = Field(default=None, description="The idea in more detail.")
    owner: str | None = Field(default=None, description="Person or team driving it.")
    status: Status = Field(default="open", description="Where the opportunity is in its life.")
    steps: list[StepRef] = Field(
        min_length=1,
        description="`journey/step` references of the steps it improves (at least one).",
    )
    pains: list[PainRef] = Field(
        default_factory=list, description="`journey/step/pain` references of the pains it relieves."
    )
    personas: list[Slug] = Field(
        default_factory=list, description="Ids of the personas who benefit."
    )
    evidence: list[Slug] = Field(
        default_factory=list, description="Ids of insights that support it."
    )
    scores: dict[InputName, FiniteNumber | Percentage] = Field(
        default_factory=dict,
        description="Scoring inputs by name (e.g. `reach`, `impact`, `confidence`, `effort`): "
        'numbers, or percentages such as `"80%"` where a model accepts them. The scoring '
        "model gives them meaning.",
    )
