"""What a validate run learned from each file alone, kept by the file's content hash: what
lets an edit in a large workspace cost one file's work.

The store is one pickled block with every file's result, plus an overlay of the files that
changed since the block was written. An edit unpickles the block as it is and rewrites
only the overlay, instead of pickling thousands of results again; once the overlay holds
`COMPACT` files, the block is written afresh (which also drops files that are gone).
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from typing import ClassVar

from journeyops.core.diagnostics import Finding
from journeyops.load.cache import Cache, Record
from journeyops.load.suppression_comments import Suppression
from journeyops.model.facts import Facts

COMPACT = 256

Entries = dict[str, tuple[str, "FileResult"]]  # file -> (content hash, result)


@dataclass(frozen=True)
class FileResult:
    """One file's documents as facts for the cross-file checks, and what loading and the
    document checks found in it: before the policy's per-file severities and before
    suppressions, which both need every finding."""

    facts: list[Facts]
    invalid: list[tuple[str, str]]  # (kind, id) of documents that failed their schema
    found: list[Finding]
    suppressions: list[Suppression]


@dataclass(frozen=True)
class ResultsRecord(Record):
    """Every file's result: `block`, the pickled `Entries` as last compacted, and
    `overlay`, the entries of files that changed since."""

    NAME: ClassVar[str] = "results"
    VERSION: ClassVar[int] = 1

    block: bytes
    overlay: Entries


class ResultStore:
    def __init__(self, cache: Cache, key: str) -> None:
        """`key` is the run key of everything besides a file's bytes that its result
        depends on (the code, config, date: see `load/run_key.py`): a store written under
        another key is not used."""
        self.cache, self.key = cache, key
        self._block = b""
        self._in_block: dict[str, str] = {}
        self._loaded: dict[str, str] = {}

    def load(self) -> Entries:
        stored = self.cache.load(ResultsRecord, self.key)
        if stored is None:
            return {}
        try:
            entries: Entries = pickle.loads(stored.block) if stored.block else {}
        except Exception:  # signed, so not foreign; but a bug in an old block is only a miss
            return {}
        self._block = stored.block
        self._in_block = {f: digest for f, (digest, _) in entries.items()}
        entries.update(stored.overlay)
        self._loaded = {f: digest for f, (digest, _) in entries.items()}
        return entries

    def save(self, entries: Entries) -> None:
        """Keep `entries` (every current file) for the next run; writes only what changed."""
        if {f: digest for f, (digest, _) in entries.items()} == self._loaded:
            return
        overlay = {f: e for f, e in entries.items() if self._in_block.get(f) != e[0]}
        if not self._block or len(overlay) >= COMPACT:
            block = pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
            self.cache.store(ResultsRecord(block, {}), self.key)
        else:
            self.cache.store(ResultsRecord(self._block, overlay), self.key)
