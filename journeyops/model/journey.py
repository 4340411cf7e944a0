"""A journey map: stages of steps, with the customer's experience of each step."""

from __future__ import annotations

import datetime
from functools import cached_property
from typing import Literal

from pydantic import Field

from journeyops.model.base import Document, FiniteNumber, Slug, StepRef, Strict, Text
from journeyops.model.surveys import Survey


class Kpi(Strict):
    """A measured indicator on a journey or a step."""

    id: Slug = Field(description="Id of the KPI, unique within its journey or step.")
    name: Text = Field(description="What is measured, e.g. `Application completion rate`.")
    value: FiniteNumber | None = Field(default=None, description="Latest measured value.")
    target: FiniteNumber | None = Field(default=None, description="The value the team aims for.")
    unit: str | None = Field(
        default=None, description="Unit of `value` and `target`, e.g. `%`, `days`."
    )
    better: Literal["higher", "lower"] = Field(
        default="higher", description="Which direction is an improvement."
    )
    as_of: datetime.date | None = Field(default=None, description="Date of the measurement (ISO).")


class Pain(Strict):
    """Something that hurts the customer at a step; opportunities address pains."""

    id: Slug = Field(
        description="Id of the pain, unique within its step (referenced as `journey/step/pain`)."
    )
    text: Text = Field(description="The pain in the customer's terms.")
    severity: Literal["low", "medium", "high"] | None = Field(
        default=None, description="How much it hurts: `low`, `medium` or `high`."
    )


class Gain(Strict):
    """Something that delights the customer at a step."""

    id: Slug = Field(description="Id of the gain, unique within its step.")
    text: Text = Field(description="The gain in the customer's terms.")


class Step(Strict):
    """One thing the customer does; the unit that insights and opportunities point at."""

    id: Slug = Field(
        description="Id of the step, unique within its journey (referenced as `journey/step`)."
    )
    name: Text = Field(description="Short name of the step, e.g. `Verify identity`.")
    description: str | None = Field(default=None, description="What happens at this step.")
    touchpoints: list[Text] = Field(
        default_factory=list, description="Channels used, e.g. `mobile app`."
    )
    actions: list[Text] = Field(default_factory=list, description="What the customer does.")
    thoughts: list[Text] = Field(
        default_factory=list, description="What the customer thinks or asks."
    )
    emotion: int | None = Field(
        default=None,
        description="How the customer feels, within `taxonomy.emotion` (default -2..2).",
    )
    moment_of_truth: bool = Field(
        default=False, description="Whether this step makes or breaks the relationship."
    )
    pains: list[Pain] = Field(default_factory=list, description="Pain points at this step.")
    gains: list[Gain] = Field(default_factory=list, description="Gains at this step.")
    backstage: list[Text] = Field(
        default_factory=list, description="Supporting processes and systems."
    )
    insights: list[Slug] = Field(
        default_factory=list, description="Ids of insights about this step."
    )
    kpis: list[Kpi] = Field(default_factory=list, description="Indicators measured at this step.")
    surveys: list[Survey] = Field(
        default_factory=list,
        description="Survey results (NPS, CSAT, CES) at this step, as raw counts.",
    )


class Stage(Strict):
    """A phase of the journey, grouping its steps."""

    id: Slug = Field(description="Id of the stage, unique within its journey.")
    name: Text = Field(description="Name of the stage, e.g. `Apply`.")
    steps: list[Step] = Field(
        default_factory=list, description="The steps of this stage, in order."
    )


class Journey(Document):
    """A journey map at one level of the hierarchy, optionally zooming into a parent step."""

    kind: Literal["journey"] = Field(description="Document kind; always `journey` here.")
    title: Text = Field(description="Title of the journey, e.g. `Open an account`.")
    owner: str | None = Field(
        default=None, description="Person or team accountable for this journey."
    )
    level: Slug | None = Field(
        default=None, description="Level in the hierarchy, one of `taxonomy.levels`."
    )
    state: Literal["current", "future"] = Field(
        default="current", description="`current` (as-is) or `future` (to-be) journey."
    )
    replaces: Slug | None = Field(
        default=None, description="For a future journey: id of the current journey it redesigns."
    )
    parent: StepRef | None = Field(
        default=None,
        description="`journey-id/step-id` of the higher-level step this journey zooms into; "
        "absent on root journeys.",
    )
    reviewed: datetime.date | None = Field(
        default=None, description="Date of the last review (ISO)."
    )
    personas: list[Slug] = Field(
        default_factory=list, description="Ids of the personas on this journey."
    )
    tags: list[Text] = Field(default_factory=list, description="Free-form labels.")
    description: str | None = Field(default=None, description="What this journey covers.")
    kpis: list[Kpi] = Field(default_factory=list, description="Indicators of the whole journey.")
    surveys: list[Survey] = Field(
        default_factory=list, description="Survey results (NPS, CSAT, CES) of the whole journey."
    )
    stages: list[Stage] = Field(
        default_factory=list, description="The stages of the journey, in order."
    )

    def steps(self) -> list[tuple[int, int, Step]]:
        """Every step with its stage and step index (the `loc` path is `stages/i/steps/j`)."""
        return self._steps

    @cached_property
    def _steps(self) -> list[tuple[int, int, Step]]:
        # Rules walk every step many times; the model is frozen, so the list never changes.
        return [
            (i, j, step)
            for i, stage in enumerate(self.stages)
            for j, step in enumerate(stage.steps)
        ]
