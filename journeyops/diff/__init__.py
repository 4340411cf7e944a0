"""`diff` as a library call: what a change did to the documents and to the ranking.

Stages: scan both versions, load them (files with the same bytes are typed once), compare
the documents by kind and id, then rank the opportunities of both with the same model and
compare the rankings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from journeyops.core.diagnostics import Finding
from journeyops.core.sourcemap import SourceMap
from journeyops.diff.documents import DocumentChange, config_change, document_changes
from journeyops.diff.fields import FieldChange
from journeyops.diff.ranking import RankChange, rank_changes
from journeyops.load.revisions import load_both
from journeyops.load.sources import CONFIG_FILE, WorkspaceSource
from journeyops.load.workspace import ConfigError, LoadResult, Scan, gc_paused, scan
from journeyops.scoring import available, resolve, scoring_config_problems
from journeyops.scoring.ranking import Ranking, rank
from journeyops.scoring.run import UnknownModel

# How a diff calls the files on disk, as opposed to a git revision.
WORKING_TREE = "working tree"


class MissingWorkspace(Exception):
    """The version to compare to has no workspace: there is nothing to show changes of."""

    def __init__(self, label: str) -> None:
        super().__init__(f"there is no workspace in {label}")
        self.label = label


class RevisionConfigError(ConfigError):
    """One version's journeyops.yaml is broken, so the versions cannot be compared."""

    def __init__(self, label: str, error: ConfigError) -> None:
        super().__init__(error.problems)
        self.label = label


@dataclass(frozen=True)
class WorkspaceDiff:
    base: str  # how the versions are called: a revision, or WORKING_TREE
    head: str
    model: str  # the model both rankings use
    documents: list[DocumentChange] = field(default_factory=list)
    ranking: list[RankChange] = field(default_factory=list)
    files_changed: int = 0
    # Problems in the head's files: documents they hit cannot be compared.
    head_problems: list[Finding] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.documents and not self.ranking


def diff(
    base: WorkspaceSource,
    head: WorkspaceSource,
    base_label: str,
    head_label: str = WORKING_TREE,
    *,
    model_name: str | None = None,
    workers: int | None = None,
) -> WorkspaceDiff:
    """Compare two versions of a workspace. A base without journeyops.yaml is a workspace
    that did not exist yet: everything in the head is added.

    The ranking uses `model_name`, else the head's default model, in both versions (a model
    that the base does not define ranks nothing there). Raises MissingWorkspace (the head
    has no journeyops.yaml), RevisionConfigError and UnknownModel."""
    if not has_workspace(head):
        raise MissingWorkspace(head_label)
    head_scan = _scan(head, head_label)
    existed = has_workspace(base)
    # A workspace that did not exist yet is empty, under the head's settings.
    base_scan = _scan(base, base_label) if existed else Scan(head_scan.config, SourceMap(), b"", {})
    problems = scoring_config_problems(head_scan.config.scoring, head_scan.config_source)
    if problems:
        raise RevisionConfigError(head_label, ConfigError([Finding("config", p) for p in problems]))
    names = list(available(head_scan.config.scoring))
    chosen = model_name or head_scan.config.scoring.default
    if chosen not in names:
        raise UnknownModel(chosen, names)
    with gc_paused():
        before, after, same = load_both(base_scan, head_scan, workers)
        changes = document_changes(
            before.workspace.documents,
            after.workspace.documents,
            _invalid(before),
            _invalid(after),
        )
        settings = config_change(base_scan.config, head_scan.config) if existed else None
        moves = rank_changes(_rank(before, chosen), _rank(after, chosen))
    changed_files = (base_scan.files.keys() | head_scan.files.keys()) - same
    return WorkspaceDiff(
        base_label,
        head_label,
        chosen,
        ([settings] if settings else []) + changes,
        moves,
        len(changed_files),
        after.problems,
    )


def has_workspace(source: WorkspaceSource) -> bool:
    """Whether a version holds a workspace: a journeyops.yaml in its listing, readable or
    not (one that cannot be read is a broken workspace, reported as such)."""
    return any(path == CONFIG_FILE for path in source.yaml_files())


def _scan(source: WorkspaceSource, label: str) -> Scan:
    try:
        return scan(source)
    except ConfigError as error:
        raise RevisionConfigError(label, error) from None


def _rank(loaded: LoadResult, model_name: str) -> Ranking:
    scoring = loaded.workspace.config.scoring
    if model_name not in available(scoring):
        return Ranking(resolve(scoring))
    return rank(loaded.workspace, resolve(scoring, model_name))


def _invalid(loaded: LoadResult) -> set[tuple[str, str]]:
    return {key for keys in loaded.invalid.values() for key in keys}


__all__ = [
    "WORKING_TREE",
    "DocumentChange",
    "FieldChange",
    "MissingWorkspace",
    "RankChange",
    "RevisionConfigError",
    "WorkspaceDiff",
    "diff",
    "has_workspace",
]
