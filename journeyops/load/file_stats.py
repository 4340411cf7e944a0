"""Which files changed since the last run, told by their metadata, as git's index does.

Reading and hashing every file of a large workspace takes longer than the rest of a run
that changed one file (measured: 0.1 s for 7,400 files, against 0.02 s to `stat` them). A
file whose size, inode, modification and change times are those recorded with its hash has
that hash still. As in git, an entry recorded within `RACY_NS` of the file's modification
is not trusted ("racily clean"): a second write in the same timestamp tick could have left
the metadata unchanged.
"""

from __future__ import annotations

import stat
import time
from pathlib import Path
from typing import Any

from journeyops.load.cache import Cache

STATS = "stats.pickle"
RACY_NS = 2_000_000_000

Signature = tuple[int, int, int, int]


def signature(path: Path) -> Signature:
    """OSError when the file cannot be looked at, or is not a regular file. A link has no
    signature: its own metadata says nothing of its target's bytes, and a link is read each
    time so that where it leads is checked each time."""
    st = path.lstat()
    if not stat.S_ISREG(st.st_mode):
        raise OSError(f"{path.name} is not a regular file")
    return (st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino)


class FileStats:
    def __init__(self, cache: Cache, root: Path) -> None:
        self.cache, self.root = cache, root
        stored: Any = cache.load(STATS)
        ok = isinstance(stored, tuple) and len(stored) == 2
        self.written: int = stored[0] if ok else 0
        self.entries: dict[str, tuple[Signature, str]] = stored[1] if ok else {}
        self.fresh: dict[str, tuple[Signature, str]] = {}
        self.hashed = False

    def known(self, file: str) -> str | None:
        """The file's content hash if its metadata says it has not changed, else None."""
        try:
            now = signature(self.root / file)
        except OSError:
            return None
        entry = self.entries.get(file)
        if entry is not None and entry[0] == now and now[0] < self.written - RACY_NS:
            self.fresh[file] = entry
            return entry[1]
        return None

    def learn(self, file: str, digest: str) -> None:
        """Record a hash just computed from the file's bytes."""
        self.hashed = True
        try:
            self.fresh[file] = (signature(self.root / file), digest)
        except OSError:
            return

    def save(self) -> None:
        """Keep what this run saw, when anything had to be hashed (a racy entry becomes
        trusted once recorded well after its modification) or a file is gone."""
        if self.hashed or self.fresh != self.entries:
            self.cache.store(STATS, (time.time_ns(), self.fresh))
