"""`score` as a library call: load a workspace, resolve the model, rank the opportunities."""

from __future__ import annotations

from dataclasses import dataclass, field

from journeyops.core.diagnostics import Finding
from journeyops.core.suggest import did_you_mean
from journeyops.load.cache import Cache
from journeyops.load.sources import WorkspaceSource
from journeyops.load.workspace import ConfigError, LoadResult, load_workspace
from journeyops.model.workspace import Workspace
from journeyops.scoring import available, resolve, scoring_config_problems
from journeyops.scoring.filters import Filters
from journeyops.scoring.ranking import Ranking, rank


class UnknownModel(Exception):
    def __init__(self, name: str, names: list[str]) -> None:
        hint = did_you_mean(name, names, n=3)
        listed = ", ".join(names)
        super().__init__(
            f"unknown model '{name}'" + (f"; {hint}" if hint else f"; models: {listed}")
        )


class UnknownFilter(Exception):
    """A --journey, --persona or --status value that names nothing: one message per value,
    with the problems in files, which may be why it names nothing."""

    def __init__(self, messages: list[str], load_problems: list[Finding]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages
        self.load_problems = load_problems


@dataclass(frozen=True)
class ScoreRun:
    workspace: Workspace
    ranking: Ranking
    # Problems in files (schema errors and the like), by rule name: opportunities they hit
    # are missing from the ranking, so they are never silent.
    load_problems: list[Finding] = field(default_factory=list)


def score(
    source: WorkspaceSource,
    model_name: str | None = None,
    filters: Filters | None = None,
    cache: Cache | None = None,
) -> ScoreRun:
    """Rank every opportunity. Raises ConfigError for a broken journeyops.yaml,
    UnknownModel for a model name that is neither built in nor configured, and
    UnknownFilter for a filter value that names nothing."""
    return score_loaded(load_workspace(source, cache), model_name, filters)


def score_loaded(
    loaded: LoadResult, model_name: str | None = None, filters: Filters | None = None
) -> ScoreRun:
    """`score` of a workspace loaded already (render has it from validate)."""
    scoring = loaded.workspace.config.scoring
    problems = scoring_config_problems(scoring, loaded.config_source)
    if problems:
        raise ConfigError([Finding("config", p) for p in problems])
    names = list(available(scoring))
    if model_name is not None and model_name not in names:
        raise UnknownModel(model_name, names)
    filters = filters or Filters()
    unknown = filters.unknown(loaded.workspace)
    if unknown:
        raise UnknownFilter(unknown, loaded.problems)
    ranking = rank(loaded.workspace, resolve(scoring, model_name), filters)
    return ScoreRun(loaded.workspace, ranking, loaded.problems)
