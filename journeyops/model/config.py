"""`journeyops.yaml`: the workspace root marker and its settings."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from journeyops.model.base import Slug, Strict, Text
from journeyops.model.scoring_config import Scoring

DEFAULT_LEVELS = ("lifecycle", "journey", "task")


class EmotionScale(Strict):
    """The range of the `emotion` score on journey steps."""

    min: int = Field(default=-2, description="Lowest allowed emotion score (most negative).")
    max: int = Field(default=2, description="Highest allowed emotion score (most positive).")

    @model_validator(mode="after")
    def _ordered(self) -> EmotionScale:
        if self.min >= self.max:
            raise ValueError("emotion 'min' must be lower than 'max'")
        return self


class Taxonomy(Strict):
    """How journeys nest: the ordered levels of the journey hierarchy and the emotion scale."""

    levels: list[Slug] = Field(
        default=list(DEFAULT_LEVELS),
        min_length=1,
        description="Journey levels, top first. A journey's `level` must be one of these, and a "
        "child journey sits exactly one level below the journey that holds its parent step.",
    )
    emotion: EmotionScale = Field(
        default_factory=EmotionScale, description="Allowed range of step `emotion` scores."
    )

    @model_validator(mode="after")
    def _unique_levels(self) -> Taxonomy:
        if len(set(self.levels)) != len(self.levels):
            raise ValueError("taxonomy levels must be unique")
        return self


class Governance(Strict):
    """Rules of ownership and freshness that the linter enforces."""

    review_interval_days: int = Field(
        default=180, gt=0, description="A journey must be reviewed at least this often (days)."
    )


Level = Literal["off", "warning", "error"]


class LintOverride(Strict):
    """Different rule settings for some files, e.g. drafts or imported legacy maps."""

    files: list[Text] = Field(
        min_length=1, description="Glob patterns of the files this override applies to."
    )
    rules: dict[str, Level] = Field(
        default_factory=dict,
        description="Rule id or name -> `off`, `warning` or `error` for these files.",
    )
    ignore: list[str] = Field(
        default_factory=list, description="Rule ids, names or id prefixes turned off here."
    )


class Lint(Strict):
    """Which rules run and how severe their findings are."""

    rules: dict[str, Level] = Field(
        default_factory=dict,
        description="Rule id or name -> `off`, `warning` or `error`, e.g. `JO301: error`.",
    )
    select: list[str] = Field(
        default_factory=list,
        description="Only these rules run (ids, names or id prefixes such as `JO4`). "
        "Empty: every rule.",
    )
    ignore: list[str] = Field(
        default_factory=list,
        description="Rules turned off (ids, names or id prefixes such as `JO4`).",
    )
    overrides: list[LintOverride] = Field(
        default_factory=list, description="Per-path settings; later entries win."
    )


class RenderSettings(Strict):
    """What `journeyops render` does when its options do not say: an option always wins."""

    out: Text | None = Field(
        default=None,
        description="Folder the site is written into, relative to the workspace root "
        "(`--out`). Default: `site` in the current folder.",
    )
    title: Text | None = Field(
        default=None, description="Title of the site, in every page's header. Default: `name`."
    )
    model: Slug | None = Field(
        default=None,
        description="Scoring model that ranks the opportunities on the site (`--model`). "
        "Default: `scoring.default`, else `rice`.",
    )
    top: int | None = Field(
        default=None,
        ge=1,
        description="How many journeys, opportunities and insights the overview lists before "
        "linking to the full lists (`--top`). Default: 25.",
    )


class Config(Strict):
    """The workspace configuration, `journeyops.yaml` at the workspace root."""

    version: Literal[1] = Field(description="Format version of this file; currently always 1.")
    name: Text = Field(description="Name of the workspace, shown in reports and rendered sites.")
    taxonomy: Taxonomy = Field(
        default_factory=Taxonomy, description="Journey levels and the emotion scale."
    )
    governance: Governance = Field(
        default_factory=Governance, description="Ownership and review rules."
    )
    lint: Lint = Field(default_factory=Lint, description="Rule selection and severities.")
    scoring: Scoring = Field(
        default_factory=Scoring, description="The default scoring model and named variants."
    )
    render: RenderSettings = Field(
        default_factory=RenderSettings,
        description="Settings of `journeyops render`: output folder, site title, model, top N.",
    )
    include: list[Text] = Field(
        default_factory=list,
        description="Glob patterns (relative to the workspace root, `**` for any depth) that "
        "narrow which YAML files are workspace files. Empty: every `*.yaml` and `*.yml`.",
    )
    exclude: list[Text] = Field(
        default_factory=list,
        description="Glob patterns of files or folders to leave out, e.g. `drafts/**`.",
    )
