"""Loading two versions of one workspace, typing only what differs between them.

A pull request changes a few files out of thousands: the files whose bytes are the same in
both versions give the same documents, so the second version takes them from the first
instead of parsing them again. Typing does not depend on the config, which is what makes
sharing them safe even when `journeyops.yaml` changed.
"""

from __future__ import annotations

from journeyops.load.workspace import LoadResult, Scan, load_scan
from journeyops.model.workspace import Workspace


def load_both(
    base: Scan, head: Scan, workers: int | None = None
) -> tuple[LoadResult, LoadResult, set[str]]:
    """Both versions loaded, and the files whose bytes are the same in both."""
    before = load_scan(base, None, workers)
    same = {
        f
        for f in head.files
        if f in base.files and isinstance(head.files[f], bytes) and head.files[f] == base.files[f]
    }
    fresh = load_scan(head, None, workers, files=[f for f in head.files if f not in same])
    documents = [d for d in before.workspace.documents if d.file in same]
    documents += fresh.workspace.documents
    after = LoadResult(
        Workspace(head.config, list(head.files), documents),
        head.config_source,
        problems=[p for p in before.problems if p[1].file in same] + fresh.problems,
        suppressions={f: s for f, s in before.suppressions.items() if f in same}
        | fresh.suppressions,
        positions={f: p for f, p in before.positions.items() if f in same} | fresh.positions,
        invalid={f: i for f, i in before.invalid.items() if f in same} | fresh.invalid,
    )
    return before, after, same
