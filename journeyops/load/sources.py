"""Where workspace bytes come from: a folder on disk, or files held in memory.

A git revision has no working tree, so everything above this module works on relative POSIX
paths and bytes, never on `open()`.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Protocol

from journeyops.load.regular_files import Kind, read_regular, walk

CONFIG_FILE = "journeyops.yaml"
YAML_SUFFIXES = (".yaml", ".yml")


class WorkspaceSource(Protocol):
    """Read access to one workspace."""

    def read(self, path: str) -> bytes:
        """The bytes of `path` (relative, POSIX); OSError (FileNotFoundError when missing)."""
        ...

    def yaml_files(self) -> Iterator[str]:
        """Relative POSIX paths of candidate YAML files, hidden folders already left out."""
        ...


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


class ReadOnce:
    """A folder this run has already listed, and hashed or read (to decide whether it can be
    replayed), so that nothing is read or hashed twice. `digests` holds the content hash of
    every readable file; files not read yet are read from disk when asked for."""

    def __init__(
        self,
        root: Path,
        listing: list[str],
        files: dict[str, bytes | OSError],
        digests: dict[str, str],
        disk: DiskSource | None = None,
    ) -> None:
        self.root, self.listing, self.files, self.digests = root, listing, files, digests
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
