"""The cache under the workspace root: named, typed, versioned records, signed and kept safe.

`.journeyops-cache/` holds one entry per kind of record, each a frozen dataclass that names
itself (`NAME`, its file) and its format (`VERSION`): the files' metadata with their hashes
(`load/file_stats.py`), the typed config (`load/scan.py`), the parse snapshot
(`load/snapshot.py`), each file's validation
results (`rules/file_results.py`) and the last plain `validate` run (`cli/replay.py`). Every
record is stored and loaded through `Cache.store(record, key)` and `Cache.load(Record, key)`:
an entry of another kind, another format or written under another key (see
`load/run_key.py`) is a miss, so no caller checks what it got back.

Entries are written atomically (concurrent runs are safe: the last one wins) and read
defensively: an entry that is corrupt, from another version, or not signed with this
machine's key is ignored, never trusted. The signature matters because the cache is pickled
and lives inside a repository: a pull request could commit a crafted file there, and it must
not run in CI. For the same reason the cache never goes through a link: a cache folder that
is a link is not used (reads miss, writes are skipped, without a finding: the cache only
saves time) and an entry that is a link or not a regular file is a miss, so nothing is
written outside the workspace and no read can hang on a fifo or run on through `/dev/zero`.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import ClassVar, TypeVar

from journeyops.load.regular_files import read_descriptor
from journeyops.load.run_key import environment_tag

FOLDER = ".journeyops-cache"
# The largest entry read back: the results of 7,400 files take about 10 MB.
MAX_ENTRY_BYTES = 1 << 30
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_FOLDER = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _NOFOLLOW | _CLOEXEC
_READ = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | _NOFOLLOW | _CLOEXEC
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC


class Record:
    """A kind of cache entry: subclasses are frozen dataclasses that set `NAME` (the entry's
    file, one per kind) and `VERSION` (raised whenever what the record holds changes, so
    that entries in the old format are a miss rather than a misread)."""

    NAME: ClassVar[str]
    VERSION: ClassVar[int]


R = TypeVar("R", bound=Record)


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def entry_name(kind: type[Record]) -> str:
    return f"{kind.NAME}.pickle"


class Cache:
    """Best effort: whatever goes wrong (a read-only disk, a damaged entry) is a miss."""

    def __init__(self, root: Path) -> None:
        self.root = root
        # Pickles are read back only by the same Python and libraries (a folder each).
        self.version = environment_tag()
        self._key: bytes | None = None

    def load(self, kind: type[R], key: str = "") -> R | None:
        """The `kind` record stored under `key`, or None (missing, corrupt, foreign, of
        another format or another key)."""
        try:
            with self._folder(create=False) as folder:
                fd = os.open(entry_name(kind), _READ, dir_fd=folder)
                try:
                    blob = read_descriptor(fd, MAX_ENTRY_BYTES)
                finally:
                    os.close(fd)
        except (OSError, NotImplementedError):
            return None
        signature, payload = blob[:32], blob[32:]
        if not hmac.compare_digest(signature, self._sign(payload)):
            return None
        try:
            name, version, stored_key, record = pickle.loads(payload)
        except Exception:  # a truncated or otherwise damaged entry is simply a miss
            return None
        if (name, version, stored_key) != (kind.NAME, kind.VERSION, key):
            return None
        return record if type(record) is kind else None

    def store(self, record: Record, key: str = "") -> None:
        """Keep `record` under `key`, replacing the entry of its kind. Best effort: a
        read-only or full disk only costs the next run its speed."""
        kind = type(record)
        header = (kind.NAME, kind.VERSION, key, record)
        payload = pickle.dumps(header, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            with self._folder(create=True) as folder:
                temp = f".tmp-{os.urandom(8).hex()}"
                fd = os.open(temp, _CREATE, 0o600, dir_fd=folder)
                try:
                    with os.fdopen(fd, "wb") as handle:
                        handle.write(self._sign(payload) + payload)
                    os.replace(temp, entry_name(kind), src_dir_fd=folder, dst_dir_fd=folder)
                except OSError:
                    os.unlink(temp, dir_fd=folder)
                    raise
        except (OSError, NotImplementedError):
            return

    @contextmanager
    def _folder(self, *, create: bool) -> Iterator[int]:
        """The open folder of this version's entries. The cache lives inside a repository,
        so a pull request may commit `.journeyops-cache` (or the folder inside it) as a link
        to a folder elsewhere: then there is no cache (OSError), nothing is read or written
        through it. Each folder is opened below the one before it without following a link
        (O_NOFOLLOW), so no link can be swapped in between the check and the use."""
        opened = [os.open(self.root, _FOLDER & ~_NOFOLLOW)]
        try:
            for name in (FOLDER, self.version):
                if create:
                    with suppress(FileExistsError):
                        os.mkdir(name, dir_fd=opened[-1])
                opened.append(os.open(name, _FOLDER, dir_fd=opened[-1]))
                if create and name == FOLDER:
                    _ignore_in_git(opened[-1])
            yield opened[-1]
        finally:
            for fd in opened:
                os.close(fd)

    def _sign(self, payload: bytes) -> bytes:
        if self._key is None:
            self._key = _machine_key()
        return hmac.new(self._key, payload, hashlib.sha256).digest()


def _ignore_in_git(folder: int) -> None:
    """Create `.gitignore` in the open `folder` unless something (even a link) has that name."""
    try:
        fd = os.open(".gitignore", _CREATE, 0o644, dir_fd=folder)
    except FileExistsError:
        return
    with os.fdopen(fd, "w") as handle:
        handle.write("# Created by journeyops: this folder is a cache.\n*\n")


def _machine_key() -> bytes:
    """A secret of this user on this machine, kept outside every workspace."""
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "journeyops"
    path = home / "cache-key"
    try:
        key = path.read_bytes()
        if len(key) == 32:
            return key
    except OSError:
        pass
    key = os.urandom(32)
    try:
        home.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
    except OSError:
        pass  # no writable home: a key for this process only, so nothing is ever trusted later
    return key
