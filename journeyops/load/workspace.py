"""The loading pipeline, in named stages: scan (config, file selection, bytes: `scan.py`),
then load: choose what to parse, parse it (serially, or on several cores), reuse the rest
from the parse snapshot, type every file's documents, and keep the snapshot for next time."""

from __future__ import annotations

import gc
import pickle
from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from typing import Any

from journeyops.core.diagnostics import FILE_START, Finding, Problem
from journeyops.core.sourcemap import SourceMap
from journeyops.load.cache import Cache
from journeyops.load.documents import typed_documents
from journeyops.load.parallel import Parsed, parse, parse_pickled, processes
from journeyops.load.regular_files import Refused
from journeyops.load.scan import ConfigError, Files, Scan, load_config, scan
from journeyops.load.snapshot import SNAPSHOT_BYTES, Snapshot
from journeyops.load.sources import WorkspaceSource
from journeyops.load.suppression_comments import Suppression, find_suppressions
from journeyops.load.yaml_reader import LazyPositions, ParsedFile, RawDocument
from journeyops.model.facts import Facts
from journeyops.model.workspace import Workspace

# What the loader offers, with what scan.py holds (imported from here by its callers).
__all__ = [
    "ConfigError",
    "Files",
    "LoadResult",
    "Scan",
    "gc_paused",
    "load_config",
    "load_scan",
    "load_workspace",
    "scan",
]


@dataclass
class LoadResult:
    """A loaded workspace: its typed documents, and per file what loading found there."""

    workspace: Workspace
    config_source: SourceMap
    problems: list[Finding] = field(default_factory=list)
    suppressions: dict[str, list[Suppression]] = field(default_factory=dict)
    positions: dict[str, LazyPositions] = field(default_factory=dict)
    invalid: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # file -> (kind, id)
    partial: dict[str, list[Facts]] = field(default_factory=dict)  # file -> their facts

    def restricted(self, files: Collection[str]) -> LoadResult:
        """What was loaded from `files` only (the config source stays)."""
        return LoadResult(
            **{f.name: _restrict(f.name, getattr(self, f.name), files) for f in fields(self)}
        )

    def merged(self, other: LoadResult) -> LoadResult:
        """This result and `other`, loaded from other files of the same workspace, as one:
        `other`'s config and config source, every file and everything either loaded."""
        return LoadResult(
            **{
                f.name: _merge(f.name, getattr(self, f.name), getattr(other, f.name))
                for f in fields(self)
            }
        )


# The fields of LoadResult that map each file to what was loaded from it. Every field is
# named below: a new one is a TypeError in restricted() and merged() (and their test) until
# someone decides how it is restricted and merged, so that `diff` cannot silently drop it.
_BY_FILE = frozenset(("suppressions", "positions", "invalid", "partial"))


def _restrict(name: str, value: Any, files: Collection[str]) -> Any:
    if name == "config_source":
        return value
    if name == "workspace":
        kept = [d for d in value.documents if d.file in files]
        return Workspace(value.config, [f for f in value.files if f in files], kept)
    if name == "problems":
        return [p for p in value if p.problem.file in files]
    if name in _BY_FILE:
        return {f: v for f, v in value.items() if f in files}
    raise TypeError(f"LoadResult.{name}: no rule to restrict it to some files")


def _merge(name: str, mine: Any, theirs: Any) -> Any:
    if name == "config_source":
        return theirs
    if name == "workspace":
        # File lists are sorted, as select_files makes them.
        every = sorted({*mine.files, *theirs.files})
        return Workspace(theirs.config, every, [*mine.documents, *theirs.documents])
    if name == "problems":
        return [*mine, *theirs]
    if name in _BY_FILE:
        return mine | theirs
    raise TypeError(f"LoadResult.{name}: no rule to merge it")


def load_workspace(
    source: WorkspaceSource, cache: Cache | None = None, workers: int | None = None
) -> LoadResult:
    """Read and type every workspace file. One bad file never stops the others."""
    return load_scan(scan(source), cache, workers)


def load_scan(
    found: Scan,
    cache: Cache | None = None,
    workers: int | None = None,
    files: Collection[str] | None = None,
) -> LoadResult:
    """Parse what the snapshot does not hold (on several cores when it is worth it), then
    type every file's documents, or only those of `files`. `workers` forces the number of
    processes (tests use 1 and 2)."""
    wanted = found.files if files is None else {f: found.files[f] for f in files}
    readable = {f: data for f, data in wanted.items() if isinstance(data, bytes)}
    size = sum(map(len, readable.values()))
    snapshot = None
    if cache is not None and size >= SNAPSHOT_BYTES:
        snapshot = Snapshot(cache, found.digests(cache))
    with gc_paused():
        parsed, fresh = _parse(readable, snapshot, processes(size) if workers is None else workers)
        result = _typed(found, wanted, parsed)
    if snapshot is not None:
        snapshot.save(list(readable), fresh)
    return result


def _parse(
    readable: dict[str, bytes], snapshot: Snapshot | None, count: int
) -> tuple[Callable[[str], Parsed], dict[str, bytes]]:
    """How to get each file's parse, and the parses made now as pickles (for the snapshot).
    Parses cross processes, and go into the snapshot, as pickled plain data; with neither,
    each file is parsed in place when it is typed."""
    if snapshot is None and count == 1:
        return (lambda file: parse(file, readable[file])), {}
    reused = snapshot.reusable if snapshot is not None else {}
    fresh = parse_pickled(readable, [f for f in readable if f not in reused], count)
    return (lambda file: pickle.loads(fresh[file] if file in fresh else reused[file])), fresh


def _typed(
    found: Scan, wanted: Mapping[str, bytes | OSError], parsed: Callable[[str], Parsed]
) -> LoadResult:
    """Every wanted file's documents typed, in the order of the files."""
    result = LoadResult(Workspace(found.config, list(wanted)), found.config_source)
    for file, data in wanted.items():
        if isinstance(data, OSError):
            result.problems.append(_unreadable(file, data))
        else:
            _add(result, file, data, parsed(file))
    return result


def _unreadable(file: str, error: OSError) -> Finding:
    """A file that was not read: refused (a link out, a fifo, too large) or unreadable."""
    if isinstance(error, Refused):
        return error.problem(file)
    message = f"cannot read the file: {error.strerror or 'not found'}"
    hint = "fix the file's permissions or link, or exclude it in journeyops.yaml"
    return Finding("unreadable-file", Problem(message, file, FILE_START, hint))


def _add(result: LoadResult, file: str, data: bytes, parsed: Parsed) -> None:
    suppressions = find_suppressions(data)
    if suppressions:
        result.suppressions[file] = suppressions
    positions = result.positions[file] = LazyPositions(data, file)
    documents = [RawDocument(i, value, positions.source(i)) for i, value in parsed.values]
    typed = typed_documents(ParsedFile(documents, list(parsed.problems)), file)
    result.workspace.documents.extend(typed.located)
    result.problems.extend(typed.problems)
    if typed.invalid:
        result.invalid[file] = typed.invalid
        result.partial[file] = typed.partial


@contextmanager
def gc_paused() -> Iterator[None]:
    """Loading creates millions of objects that all live on; the cyclic collector would scan
    them again and again for nothing (measured: it costs more than validation itself).
    Freezing them afterwards keeps the first collection after loading from scanning them all
    once more (measured: 0.66 s of a 4 s load of 1,200 journeys)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()
