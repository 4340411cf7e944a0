"""A research insight: evidence about steps and personas."""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from journeyops.model.base import Document, Slug, StepRef, Text

Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]


class Insight(Document):
    """A finding from research, linked to the steps and personas it is about."""

    kind: Literal["insight"] = Field(description="Document kind; always `insight` here.")
    title: Text = Field(description="The insight in one sentence.")
    source: Literal["interview", "survey", "analytics", "support", "usability-test", "other"] = (
        Field(description="Where the evidence comes from.")
    )
    date: datetime.date | None = Field(
        default=None, description="When the research was done (ISO)."
    )
    summary: str | None = Field(default=None, description="What was found, in a few sentences.")
    quotes: list[Text] = Field(default_factory=list, description="Verbatim customer quotes.")
    steps: list[StepRef] = Field(
        default_factory=list, description="`journey/step` references this is about."
    )
    personas: list[Slug] = Field(default_factory=list, description="Ids of the personas concerned.")
    link: Url | None = Field(default=None, description="URL of the research report or raw data.")
