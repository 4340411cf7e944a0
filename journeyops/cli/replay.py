"""Replaying a `validate` run whose inputs have not changed, before anything heavy is imported.

A validate run is a pure function of its arguments, the current folder, a few environment
variables that shape the output, today's date (unless `--today` pins it), the code (see
`load/run_key.py`) and the bytes of the workspace. When none of them changed since the last
run, its output and exit status are printed again without starting typer, pydantic or rich,
the bulk of a warm run's time. Which command lines qualify is declared with the command's
inputs (`replay_inputs.py`): reports written to files, `--changed-since` (which depends on
git) and `--no-cache` always take the normal path, and so does a workspace with anything in
it that is not a readable regular file (a link out, a fifo, an unreadable file or folder);
files are read here as the normal path reads them (`DiskSource`). Records are signed like
every cache entry, so a record committed to a repository is never replayed.
"""

from __future__ import annotations

import datetime
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from journeyops.cli.replay_inputs import ENVIRONMENT, replayable_path
from journeyops.load.cache import Cache, Record
from journeyops.load.run_key import run_key
from journeyops.load.sources import CONFIG_FILE, DiskSource, ReadOnce, find_root, hash_files


@dataclass(frozen=True)
class ReplayRecord(Record):
    """What the last plain run printed on standard output, and its exit status."""

    NAME: ClassVar[str] = "replay"
    VERSION: ClassVar[int] = 1

    output: str
    status: int


@dataclass(frozen=True)
class Replay:
    cache: Cache
    key: str | None  # None: this run is not replayed, nor recorded
    source: ReadOnce  # what was read to make the key, for the run if it cannot be replayed

    def output(self) -> ReplayRecord | None:
        """The recorded output and exit status, if the inputs are the same as then."""
        return None if self.key is None else self.cache.load(ReplayRecord, self.key)

    def record(self, output: str, status: int) -> None:
        if self.key is not None:
            self.cache.store(ReplayRecord(output, status), self.key)


def plan(argv: list[str]) -> Replay | None:
    """A replay for this command line, or None when it does not qualify."""
    path = replayable_path(argv)
    root = find_root(Path(path)) if path is not None and Path(path).exists() else None
    if root is None:
        return None
    cache = Cache(root)
    source = read_workspace(root, cache)
    # Only a workspace of plain readable files is replayed: anything else is checked afresh
    # by the normal path, each time (what a link leads to, or why a file cannot be read,
    # can change without a byte of the workspace changing).
    plain = not any(isinstance(data, OSError) for data in source.files.values())
    return Replay(cache, _key(argv, source) if plain else None, source)


def read_workspace(root: Path, cache: Cache) -> ReadOnce:
    """Every candidate file's content hash (known from its metadata, else read and hashed:
    the bytes are kept for the run), the config included."""
    disk = DiskSource(root)
    listing = list(disk.yaml_files())
    known = disk.digests(cache)
    files: dict[str, bytes | OSError] = {}

    def read(file: str) -> bytes | OSError:
        try:
            files[file] = disk.read(file)
        except OSError as error:  # refused (a link out, a fifo, ...) or unreadable
            files[file] = error
        return files[file]

    digests = hash_files(dict.fromkeys([CONFIG_FILE, *listing]), read, known)
    return ReadOnce(root, listing, files, digests, disk)


def _key(argv: list[str], read: ReadOnce) -> str:
    """The run key of this command line over these files, in this process's setting."""
    pinned = "--today" in argv
    return run_key(
        "\0".join(argv),
        str(Path.cwd()),
        str(sys.stdout.isatty()),
        *(f"{name}={os.environ.get(name, '')}" for name in ENVIRONMENT),
        "" if pinned else datetime.date.today().isoformat(),
        # One part for all files (a name holds no NUL, a digest is fixed-length hex): a part
        # each would cost a large workspace milliseconds.
        "\0".join(f"{file}\0{digest}" for file, digest in read.digests_read.items()),
    )
