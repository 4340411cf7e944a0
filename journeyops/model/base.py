"""Shared field types and the strict base model every kind builds on."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=64)]
StepRef = Annotated[str, StringConstraints(pattern=rf"^{_SLUG}/{_SLUG}$")]
PainRef = Annotated[str, StringConstraints(pattern=rf"^{_SLUG}/{_SLUG}/{_SLUG}$")]
Text = Annotated[str, StringConstraints(min_length=1)]
INPUT_NAME_PATTERN = r"^[a-z][a-z0-9]*([_-][a-z0-9]+)*$"
# Scoring input names: the models' own are snake_case (`business_value`), teams add theirs.
InputName = Annotated[str, StringConstraints(pattern=INPUT_NAME_PATTERN, max_length=64)]
FiniteNumber = Annotated[float, Field(allow_inf_nan=False)]


class Strict(BaseModel):
    """Unknown keys are errors and values are never coerced (`"3"` is not a number)."""

    # defer_build: a model's validator is built when first used, so a run that types one
    # changed journey does not pay for building every kind's validator at import.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class Document(Strict):
    """Fields every workspace document has."""

    id: Slug = Field(
        description="Unique id of this document among documents of its kind: lowercase letters, "
        "digits and single hyphens, at most 64 characters (e.g. `open-account`)."
    )
