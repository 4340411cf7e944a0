"""`diff` as a library call: what a change did to the documents and to the ranking.

Stages: scan both versions, load them (files with the same bytes are typed once), compare
the documents by kind and id (and a removed one with an added one, for renames), validate
both (files with the same bytes are linted once) for the findings the change introduces and
fixes, then rank the opportunities of both with the same model and compare the rankings.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from journeyops.core.diagnostics import Finding
from journeyops.core.sourcemap import SourceMap
from journeyops.diff.documents import (
    DocumentChange,
    config_change,
    document_changes,
    with_details,
)
from journeyops.diff.errors import MissingWorkspace, RevisionConfigError
from journeyops.diff.fields import FieldChange
from journeyops.diff.findings import (
    ValidationDelta,
    Validations,
    Versions,
    referrers,
    validate_both,
)
from journeyops.diff.ranking import RankChange, rank_changes
from journeyops.load.sources import CONFIG_FILE, WorkspaceSource
from journeyops.load.workspace import ConfigError, LoadResult, Scan, gc_paused, load_scan, scan
from journeyops.scoring import available, resolve, scoring_config_problems
from journeyops.scoring.ranking import Ranking, rank
from journeyops.scoring.run import UnknownModel

# How a diff calls the files on disk, as opposed to a git revision.
WORKING_TREE = "working tree"


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
    validation: ValidationDelta = field(default_factory=ValidationDelta)
    base_has_model: bool = True  # else the base ranks nothing under `model`: not compared

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
    labels = (base_label, head_label)
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
        before = load_scan(base_scan, None, workers)
        same = _same_bytes(base_scan, head_scan)
        fresh = load_scan(
            head_scan, None, workers, files=[f for f in head_scan.files if f not in same]
        )
        after = before.restricted(same).merged(fresh)
        changes = document_changes(
            before.workspace.documents,
            after.workspace.documents,
            _invalid(before),
            _invalid(after),
        )
        moved = {c.before_file: c.file for c in changes if c.before_file}
        checked = validate_both(
            Versions(base_scan, head_scan, before, fresh, after, same), moved, labels
        )
        settings = config_change(base_scan.config, head_scan.config) if existed else None
        in_base = chosen in available(base_scan.config.scoring)
        renamed = {c.before_id: c.id for c in changes if c.before_id and c.kind == "opportunity"}
        ranked = (_rank(before, chosen), _rank(after, chosen))
        moves = rank_changes(*ranked, renamed) if in_base else []
    changed_files = (base_scan.files.keys() | head_scan.files.keys()) - same
    return WorkspaceDiff(
        base_label,
        head_label,
        chosen,
        ([settings] if settings else []) + _completed(changes, checked, moves),
        moves,
        len(changed_files),
        after.problems,
        checked.delta,
        in_base or not existed,
    )


def _same_bytes(base: Scan, head: Scan) -> set[str]:
    return {
        f for f, data in head.files.items() if isinstance(data, bytes) and base.files.get(f) == data
    }


def _completed(
    changes: list[DocumentChange], checked: Validations, moves: list[RankChange]
) -> list[DocumentChange]:
    """Documents with what other stages know of them: who still refers to a removed one
    (or to a renamed one by its old id), and an added opportunity's score and rank."""
    ranked = {m.id: m for m in moves if m.after_rank is not None}
    completed = []
    for change in changes:
        done = change
        if change.change in ("removed", "renamed"):  # a rename leaves references behind
            users = referrers(checked.head_facts, change.kind, change.before_id or change.id)
            shown = tuple(f"{kind} {doc_id} ({file})" for kind, doc_id, file in users)
            done = replace(change, referenced_by=shown)
        elif change.change == "added" and change.id in ranked and change.kind == "opportunity":
            move = ranked[change.id]
            done = with_details(change, ("score", move.after_score), ("rank", move.after_rank))
        completed.append(done)
    return completed


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
    "ValidationDelta",
    "WorkspaceDiff",
    "diff",
    "has_workspace",
]
