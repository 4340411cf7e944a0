"""A content-hash cache of parsed and validated files, under the workspace root.

`.journeyops-cache/` holds, per tool and library version: a snapshot of every file's
parse and each file's validation results, both keyed by the hash of its bytes
(`file_results.py`); the files' metadata with their hashes (`file_stats.py`); and the record
of the last plain `validate` run (`journeyops/replay.py`). Entries are written atomically
(concurrent runs are safe: the last one wins) and read defensively: an entry that is
corrupt, from another version, or not signed with this machine's key is ignored, never
trusted. The signature matters because the
cache is pickled and lives inside a repository: a pull request could commit a crafted file
there, and it must not run in CI.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import platform
import secrets
import tempfile
from pathlib import Path
from typing import Any

import pydantic_core

from journeyops import __version__

FOLDER = ".journeyops-cache"
_FORMAT = 2  # 2: the facts of documents that failed their schema
_VERSION = f"{_FORMAT}-{__version__}-{platform.python_version()}-{pydantic_core.__version__}"


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


class Cache:
    def __init__(self, root: Path) -> None:
        self.folder = root / FOLDER / hashlib.sha1(_VERSION.encode()).hexdigest()[:12]
        self._key: bytes | None = None

    def load(self, name: str) -> Any | None:
        """The object stored under `name`, or None (missing, corrupt, foreign or stale)."""
        try:
            blob = (self.folder / name).read_bytes()
        except OSError:
            return None
        signature, payload = blob[:32], blob[32:]
        if not hmac.compare_digest(signature, self._sign(payload)):
            return None
        try:
            return pickle.loads(payload)
        except Exception:  # a truncated or otherwise damaged entry is simply a miss
            return None

    def store(self, name: str, value: Any) -> None:
        """Best effort: a read-only or full disk only costs the next run its speed."""
        try:
            payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            self.folder.mkdir(parents=True, exist_ok=True)
            _ignore_in_git(self.folder.parent)
            fd, temp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
            with os.fdopen(fd, "wb") as handle:
                handle.write(self._sign(payload) + payload)
            Path(temp).replace(self.folder / name)
        except OSError:
            return

    def _sign(self, payload: bytes) -> bytes:
        if self._key is None:
            self._key = _machine_key()
        return hmac.new(self._key, payload, hashlib.sha256).digest()


def _ignore_in_git(folder: Path) -> None:
    marker = folder / ".gitignore"
    if not marker.exists():
        marker.write_text("# Created by journeyops: this folder is a cache.\n*\n")


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
    key = secrets.token_bytes(32)
    try:
        home.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
    except OSError:
        pass  # no writable home: a key for this process only, so nothing is ever trusted later
    return key
