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
from typing import Any

from journeyops.core.diagnostics import Finding
from journeyops.load.cache import Cache
from journeyops.load.suppression_comments import Suppression
from journeyops.model.facts import Facts

RESULTS = "results.pickle"
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


class ResultStore:
    def __init__(self, cache: Cache, context: str) -> None:
        """`context` is everything besides a file's bytes that its result depends on (tool
        version, config, date): a store written in another context is not used."""
        self.cache, self.context = cache, context
        self._block = b""
        self._in_block: dict[str, str] = {}
        self._loaded: dict[str, str] = {}

    def load(self) -> Entries:
        stored: Any = self.cache.load(RESULTS)
        if not (isinstance(stored, tuple) and len(stored) == 3 and stored[0] == self.context):
            return {}
        _, block, overlay = stored
        try:
            entries: Entries = pickle.loads(block) if block else {}
        except Exception:  # signed, so not foreign; but a bug in an old block is only a miss
            return {}
        self._block, self._in_block = block, {f: digest for f, (digest, _) in entries.items()}
        entries.update(overlay)
        self._loaded = {f: digest for f, (digest, _) in entries.items()}
        return entries

    def save(self, entries: Entries) -> None:
        """Keep `entries` (every current file) for the next run; writes only what changed."""
        if {f: digest for f, (digest, _) in entries.items()} == self._loaded:
            return
        overlay = {f: e for f, e in entries.items() if self._in_block.get(f) != e[0]}
        if not self._block or len(overlay) >= COMPACT:
            block = pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
            self.cache.store(RESULTS, (self.context, block, {}))
        else:
            self.cache.store(RESULTS, (self.context, self._block, overlay))
