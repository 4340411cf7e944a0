"""The loading pipeline, in named stages: scan (config, file selection, bytes), then load
(parse and type every file, or take it from the cache when its bytes are unchanged)."""

from __future__ import annotations

import gc
import pickle
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property

from pydantic import ValidationError

from journeyops.core.diagnostics import FILE_START, Finding, Problem
from journeyops.core.sourcemap import SourceMap
from journeyops.load import schema_errors
from journeyops.load.cache import Cache, content_hash
from journeyops.load.documents import typed_documents
from journeyops.load.parallel import PARALLEL_BYTES, Parsed, parse, parse_pickled, processes
from journeyops.load.regular_files import Refused
from journeyops.load.selection import select_files
from journeyops.load.sources import CONFIG_FILE, ReadOnce, WorkspaceSource
from journeyops.load.suppression_comments import Suppression, find_suppressions
from journeyops.load.yaml_reader import (
    LazyPositions,
    ParsedFile,
    RawDocument,
    Rejected,
    read_yaml,
)
from journeyops.model import Config
from journeyops.model.facts import Facts
from journeyops.model.workspace import Workspace

SNAPSHOT = "files.pickle"
# Loading the snapshot of parsed files costs about as much as parsing a few MB: worth it for
# a cold or config-changed run, not for the handful of files an edit touches.
SNAPSHOT_BYTES = PARALLEL_BYTES


class ConfigError(Exception):
    """`journeyops.yaml` is missing or wrong: nothing else can be checked (exit 2)."""

    def __init__(self, problems: list[Finding]) -> None:
        super().__init__("; ".join(p.message for _, p in problems))
        self.problems = problems


class Files(Mapping[str, "bytes | OSError"]):
    """The workspace's files and their bytes (or read error), each read on first use: a run
    that takes most files' results from the cache never reads those files."""

    def __init__(self, source: WorkspaceSource, paths: list[str]) -> None:
        self.source, self.paths = source, paths
        self.read: dict[str, bytes | OSError] = {}

    def __getitem__(self, path: str) -> bytes | OSError:
        if path not in self.read:
            try:
                self.read[path] = self.source.read(path)
            except OSError as error:  # a dangling link, no permission, gone since listing
                self.read[path] = error
        return self.read[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self.paths)

    def __len__(self) -> int:
        return len(self.paths)


@dataclass
class Scan:
    """What a workspace consists of: its config and its files."""

    config: Config
    config_source: SourceMap
    config_bytes: bytes
    files: Mapping[str, bytes | OSError]
    known: Mapping[str, str] = field(default_factory=dict)  # hashes the source already knows

    @cached_property
    def hashes(self) -> dict[str, str]:
        """The content hash of every readable file, computed once for all cache keys."""
        hashes = {}
        for path in self.files:
            digest = self.known.get(path)
            if digest is None:
                data = self.files[path]
                if isinstance(data, OSError):
                    continue
                digest = content_hash(data)
            hashes[path] = digest
        return hashes


@dataclass
class LoadResult:
    workspace: Workspace
    config_source: SourceMap
    problems: list[Finding] = field(default_factory=list)
    suppressions: dict[str, list[Suppression]] = field(default_factory=dict)
    positions: dict[str, LazyPositions] = field(default_factory=dict)
    invalid: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # file -> (kind, id)
    partial: dict[str, list[Facts]] = field(default_factory=dict)  # file -> their facts


def load_config(source: WorkspaceSource) -> tuple[Config, SourceMap, bytes]:
    try:
        data = source.read(CONFIG_FILE)
    except Refused as refused:
        problem = Problem(f"{CONFIG_FILE}: {refused.message}", CONFIG_FILE, FILE_START)
        raise ConfigError([Finding("config", replace(problem, hint=refused.hint))]) from None
    except OSError as error:
        message = f"cannot read {CONFIG_FILE}: {error.strerror or 'not found'}"
        raise ConfigError([Finding("config", Problem(message, CONFIG_FILE, FILE_START))]) from None
    parsed = read_yaml(data, CONFIG_FILE)
    problems: list[Finding] = [Finding("config", p) for _, p in parsed.problems]
    if problems:
        raise ConfigError(problems)
    if len(parsed.documents) != 1 or not isinstance(parsed.documents[0].value, dict):
        hint = "start from `version: 1` and `name: My journeys`"
        message = f"{CONFIG_FILE} must hold exactly one mapping"
        raise ConfigError([Finding("config", Problem(message, CONFIG_FILE, FILE_START, hint))])
    raw = parsed.documents[0]
    if isinstance(raw.value, Rejected):  # pragma: no cover - rejection always adds a problem
        raise ConfigError(problems)
    try:
        return Config.model_validate(raw.value), raw.source, data
    except ValidationError as error:
        found = schema_errors.translate(error, Config, raw.source, CONFIG_FILE)
        raise ConfigError([Finding("config", p) for p in found]) from None


def scan(source: WorkspaceSource) -> Scan:
    config, config_source, config_bytes = load_config(source)
    files = Files(source, list(select_files(source.yaml_files(), config)))
    known = source.digests if isinstance(source, ReadOnce) else {}
    return Scan(config, config_source, config_bytes, files, known)


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
    """Parse what the cache does not hold (on several cores when it is worth it), then type
    every file's documents, or only those of `files`. `workers` forces the number of
    processes (tests use 1 and 2)."""
    wanted = found.files if files is None else {f: found.files[f] for f in files}
    result = LoadResult(Workspace(found.config, list(wanted)), found.config_source)
    readable = {f: data for f, data in wanted.items() if isinstance(data, bytes)}
    size = sum(map(len, readable.values()))
    count = workers if workers is not None else processes(size)
    snapshot = cache if size >= SNAPSHOT_BYTES else None
    before: dict[str, tuple[str, bytes]] = (snapshot.load(SNAPSHOT) if snapshot else None) or {}
    digests = found.hashes if snapshot else {}
    reuse = {f for f, digest in digests.items() if before.get(f, ("",))[0] == digest}
    # Results cross processes, and go into the snapshot, as pickled plain data; otherwise
    # files are parsed in place.
    serial = snapshot is None and count == 1
    with gc_paused():
        todo = [f for f in readable if f not in reuse]
        fresh = {} if serial else parse_pickled(readable, todo, count)
        for file, data in wanted.items():
            if isinstance(data, OSError):
                result.problems.append(_unreadable(file, data))
                continue
            if serial:
                parsed = parse(file, data)
            else:
                parsed = pickle.loads(fresh[file] if file in fresh else before[file][1])
            _add(result, file, data, parsed)
    if snapshot is not None and (fresh or before.keys() != reuse):
        snapshot.store(SNAPSHOT, {f: (digests[f], fresh.get(f) or before[f][1]) for f in readable})
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
