"""The parse snapshot: what the YAML reader made of every file of a large workspace, kept by
the file's content hash, so that a cold run after a config change (or a `score` after a
`validate`) parses only the files whose bytes changed.

Loading the snapshot costs about as much as parsing a few MB, so it is used only for
workspaces at least that large (`SNAPSHOT_BYTES`). A parse depends on the file's bytes and
on the reader's code, not on the config or the date: the record's key is the code's alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from journeyops.load.cache import Cache, Record
from journeyops.load.parallel import PARALLEL_BYTES
from journeyops.load.run_key import run_key

SNAPSHOT_BYTES = PARALLEL_BYTES


@dataclass(frozen=True)
class SnapshotRecord(Record):
    NAME: ClassVar[str] = "files"
    VERSION: ClassVar[int] = 1

    files: dict[str, tuple[str, bytes]]  # file -> (content hash, pickled `Parsed`)


class Snapshot:
    """The snapshot as the last run left it, and which of its parses still hold."""

    def __init__(self, cache: Cache, digests: dict[str, str]) -> None:
        self.cache, self.digests = cache, digests
        stored = cache.load(SnapshotRecord, run_key())
        self.before = stored.files if stored is not None else {}
        self.reusable = {
            file: parsed
            for file, (digest, parsed) in self.before.items()
            if digests.get(file) == digest
        }

    def save(self, files: list[str], fresh: dict[str, bytes]) -> None:
        """Keep the parses of `files` (every readable file loaded): those just made
        (`fresh`) and those reused; written only when it changed."""
        if not fresh and self.before.keys() == self.reusable.keys() == set(files):
            return
        kept = {f: (self.digests[f], fresh.get(f) or self.reusable[f]) for f in files}
        self.cache.store(SnapshotRecord(kept), run_key())
