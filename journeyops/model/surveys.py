"""Survey results kept as raw counts; journeyops computes NPS, CSAT and CES from them."""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import Field

from journeyops.model.base import FiniteNumber, Slug, Strict

Count = Annotated[int, Field(ge=0)]


class SurveyBase(Strict):
    id: Slug = Field(description="Id of the survey result, unique within its journey or step.")
    name: str | None = Field(default=None, description="What was asked, e.g. `Onboarding NPS`.")
    as_of: datetime.date | None = Field(default=None, description="End of the survey period (ISO).")


class Nps(SurveyBase):
    """Net Promoter Score: % promoters (9-10) minus % detractors (0-6), -100..100."""

    type: Literal["nps"] = Field(description="Survey type.")
    promoters: Count = Field(description="Responses of 9 or 10.")
    passives: Count = Field(description="Responses of 7 or 8.")
    detractors: Count = Field(description="Responses of 0 to 6.")
    target: FiniteNumber | None = Field(default=None, ge=-100, le=100, description="Target NPS.")


class Csat(SurveyBase):
    """Customer satisfaction: the share of 4s and 5s among ratings 1..5, in percent."""

    type: Literal["csat"] = Field(description="Survey type.")
    ratings: list[Count] = Field(
        min_length=5, max_length=5, description="Counts of the ratings 1, 2, 3, 4 and 5."
    )
    target: FiniteNumber | None = Field(default=None, ge=0, le=100, description="Target CSAT in %.")


class Ces(SurveyBase):
    """Customer effort score: the mean of ratings 1..7 (7: very easy)."""

    type: Literal["ces"] = Field(description="Survey type.")
    ratings: list[Count] = Field(
        min_length=7, max_length=7, description="Counts of the ratings 1 to 7."
    )
    target: FiniteNumber | None = Field(default=None, ge=1, le=7, description="Target mean.")


Survey = Annotated[Nps | Csat | Ces, Field(discriminator="type")]
