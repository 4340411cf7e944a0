"""Replaying a `validate` run whose inputs have not changed, before anything heavy is imported.

A validate run is a pure function of its arguments, the current folder, a few environment
variables that shape the output, today's date (unless `--today` pins it), the tool's version
and the bytes of the workspace. When none of them changed since the last run, its output and
exit status are printed again without starting typer, pydantic or rich, the bulk of a warm
run's time. Only plain runs qualify: reports written to files, `--changed-since` (which
depends on git) and `--no-cache` always take the normal path, and so does a workspace with
anything in it that is not a readable regular file (a link out, a fifo, an unreadable file
or folder); files are read here as the normal path reads them (`DiskSource`). Records are
signed like every cache entry, so a record committed to a repository is never replayed.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from journeyops import __version__
from journeyops.load.cache import Cache, content_hash
from journeyops.load.file_stats import FileStats
from journeyops.load.sources import CONFIG_FILE, DiskSource, ReadOnce, find_root

RECORD = "replay.pickle"
_VALUE_OPTIONS = frozenset(("--today", "--format", "-f"))
_ENVIRONMENT = ("NO_COLOR", "FORCE_COLOR", "TERM", "COLUMNS", "GITHUB_ACTIONS")


@dataclass(frozen=True)
class Replay:
    cache: Cache
    key: str | None  # None: this run is not replayed, nor recorded
    source: ReadOnce  # what was read to make the key, for the run if it cannot be replayed

    def output(self) -> tuple[str, int] | None:
        """The recorded output and exit status, if the inputs are the same as then."""
        if self.key is None:
            return None
        record = self.cache.load(RECORD)
        if isinstance(record, tuple) and len(record) == 3 and record[0] == self.key:
            return str(record[1]), int(record[2])
        return None

    def record(self, output: str, status: int) -> None:
        if self.key is not None:
            self.cache.store(RECORD, (self.key, output, status))


def plan(argv: list[str]) -> Replay | None:
    """A replay for this command line, or None when it does not qualify."""
    path = _plain_validate(argv)
    if path is None:
        return None
    root = find_root(path) if path.exists() else None
    if root is None:
        return None
    disk = DiskSource(root)
    listing = list(disk.yaml_files())
    files: dict[str, bytes | OSError] = {}
    parts = [
        __version__,  # records live in a folder per tool and pydantic-core version as well
        "\0".join(argv),
        str(Path.cwd()),
        str(sys.stdout.isatty()),
        *(f"{name}={os.environ.get(name, '')}" for name in _ENVIRONMENT),
        "" if "--today" in argv else datetime.date.today().isoformat(),
    ]
    cache = Cache(root)
    stats = FileStats(cache, root)
    digests: dict[str, str] = {}
    for file in dict.fromkeys([CONFIG_FILE, *listing]):
        digest = stats.known(file)
        if digest is None:
            try:
                data = files[file] = disk.read(file)
            except OSError as error:  # refused (a link out, a fifo, ...) or unreadable
                files[file] = error
                continue
            digest = content_hash(data)
            stats.learn(file, digest)
        digests[file] = digest
        parts.append(f"{file}\0{digest}")
    stats.save()
    # Only a workspace of plain readable files is replayed: anything else is checked afresh
    # by the normal path, each time (what a link leads to, or why a file cannot be read,
    # can change without a byte of the workspace changing).
    plain = not any(isinstance(data, OSError) for data in files.values())
    key = hashlib.sha256("\n".join(parts).encode()).hexdigest() if plain else None
    return Replay(cache, key, ReadOnce(root, listing, files, digests, disk))


def _plain_validate(argv: list[str]) -> Path | None:
    """The PATH of `validate [PATH] [--today D] [--format F ...]`, else None."""
    if not argv or argv[0] != "validate":
        return None
    path: str | None = None
    rest = iter(argv[1:])
    for arg in rest:
        if arg in _VALUE_OPTIONS:
            if next(rest, None) is None:
                return None
        elif arg.startswith("-") or path is not None:
            return None  # --output, --changed-since, --no-cache, --help, ... or a 2nd path
        else:
            path = arg
    return Path(path or ".")
