"""Loading two versions of one workspace, typing only what differs between them.

A pull request changes a few files out of thousands: the files whose bytes are the same in
both versions give the same documents, so the second version takes them from the first
instead of parsing them again. Typing does not depend on the config, which is what makes
sharing them safe even when `journeyops.yaml` changed.
"""

from __future__ import annotations

from journeyops.load.workspace import LoadResult, Scan, load_scan


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
    return before, before.restricted(same).merged(fresh), same
