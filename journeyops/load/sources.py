"""Where workspace bytes come from: a folder on disk, or files held in memory.

A git revision has no working tree, so everything above this module works on relative POSIX
paths and bytes, never on `open()`. A source also says which content hashes it knows without
reading (`digests`): a folder on disk knows the hash of every file unchanged since a run
recorded it (`file_stats.py`), so no command hashes unchanged files again.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Protocol

from journeyops.load.cache import Cache, content_hash
from journeyops.load.file_stats import FileStats
from journeyops.load.regular_files import Kind, read_regular, walk

CONFIG_FILE = "journeyops.yaml"
YAML_SUFFIXES = (".yaml", ".yml")


class KnownDigests(Protocol):
    """The content hashes a source knows, for one run: asked for each file before it is
    read (`known`), told each hash computed from bytes (`learn`), then `save`d."""

    def known(self, path: str) -> str | None:
        """The content hash of `path`'s current bytes, if known without reading them."""
        ...

    def learn(self, path: str, digest: str) -> None: ...

    def save(self) -> None:
        """Keep what was learned for a later run (where the source has somewhere to)."""
        ...


class WorkspaceSource(Protocol):
    """Read access to one workspace."""

    def read(self, path: str) -> bytes:
        """The bytes of `path` (relative, POSIX); OSError (FileNotFoundError when missing)."""
        ...

    def yaml_files(self) -> Iterator[str]:
        """Relative POSIX paths of candidate YAML files, hidden folders already left out."""
        ...

    def digests(self, cache: Cache) -> KnownDigests:
        """What this source knows of its files' hashes; `cache` is where it may keep it."""
        ...


def hash_files(
    paths: Iterable[str], read: Callable[[str], bytes | OSError], known: KnownDigests
) -> dict[str, str]:
    """The content hash of every readable file of `paths`: what `known` knows, else hashed
    from the bytes `read` gives (and taught to `known`, which then keeps what it learned).
    A file that cannot be read has no hash; why is the reader's to report."""
    digests = {}
    for path in paths:
        digest = known.known(path)
        if digest is None:
            data = read(path)
            if isinstance(data, OSError):
                continue
            digest = content_hash(data)
            known.learn(path, digest)
        digests[path] = digest
    known.save()
    return digests


class NothingKnown:
    """A source that knows no hash without reading the bytes (files held in memory)."""

    def known(self, path: str) -> str | None:
        return None

    def learn(self, path: str, digest: str) -> None:
        return None

    def save(self) -> None:
        return None


class Known(NothingKnown):
    """Hashes computed already, by whoever read the files."""

    def __init__(self, digests: Mapping[str, str]) -> None:
        self.digests = digests

    def known(self, path: str) -> str | None:
        return self.digests.get(path)


class DiskSource:
    """A folder on disk, read as `regular_files` allows: regular files inside the root, and
    links that stay inside it; everything else is refused with the finding to report."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.real = os.path.realpath(root)
        self.kinds: dict[str, Kind] = {}  # what the listing saw at each path

    def read(self, path: str) -> bytes:
        return read_regular(self.real, path, self.kinds.get(path))

    def yaml_files(self) -> Iterator[str]:
        for path, kind in walk(self.real, YAML_SUFFIXES):
            self.kinds[path] = kind
            yield path

    def digests(self, cache: Cache) -> FileStats:
        return FileStats(cache, self.real)


class ReadOnce:
    """A folder this run has already listed, and hashed or read (to decide whether it can be
    replayed), so that nothing is read or hashed twice. `digests_read` holds the content hash of
    every readable file; files not read yet are read from disk when asked for."""

    def __init__(
        self,
        root: Path,
        listing: list[str],
        files: dict[str, bytes | OSError],
        digests: dict[str, str],
        disk: DiskSource | None = None,
    ) -> None:
        self.root, self.listing, self.files, self.digests_read = root, listing, files, digests
        self.disk = disk or DiskSource(root)  # the one that listed: it knows what it saw

    def read(self, path: str) -> bytes:
        found = self.files.get(path)
        if found is None:
            found = self.files[path] = self.disk.read(path)
        if isinstance(found, OSError):
            raise found
        return found

    def yaml_files(self) -> Iterator[str]:
        return iter(self.listing)

    def digests(self, cache: Cache) -> Known:
        return Known(self.digests_read)


class MemorySource:
    """A workspace held as `{relative path: bytes}`, e.g. read from a git revision."""

    def __init__(self, files: Mapping[str, bytes]) -> None:
        self.files = dict(files)

    def read(self, path: str) -> bytes:
        if path not in self.files:
            raise FileNotFoundError(path)
        return self.files[path]

    def yaml_files(self) -> Iterator[str]:
        for path in sorted(self.files):
            hidden = any(part.startswith(".") for part in path.split("/"))
            if path.endswith(YAML_SUFFIXES) and not hidden:
                yield path

    def digests(self, cache: Cache) -> NothingKnown:
        return NothingKnown()


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` that holds `journeyops.yaml`."""
    here = start.resolve()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        if _holds_config(folder):
            return folder
    return None


def _holds_config(folder: Path) -> bool:
    """Whether `folder` has a `journeyops.yaml` that is not a folder: a link or a fifo of
    that name makes the root too, so that reading it reports what is wrong with it."""
    try:
        return not stat.S_ISDIR((folder / CONFIG_FILE).stat().st_mode)
    except OSError:
        return (folder / CONFIG_FILE).is_symlink()
