"""The first stage of loading: what a workspace consists of, its config and its files, and
the content hash of each file (told by the source where it knows it, else computed once)."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import ClassVar

from pydantic import ValidationError

from journeyops.core.diagnostics import FILE_START, Finding, Problem
from journeyops.core.outputs import NOT_INPUT
from journeyops.core.sourcemap import SourceMap
from journeyops.load import schema_errors
from journeyops.load.cache import Cache, Record
from journeyops.load.regular_files import Refused
from journeyops.load.run_key import run_key
from journeyops.load.selection import select_files
from journeyops.load.sources import CONFIG_FILE, NothingKnown, WorkspaceSource, hash_files
from journeyops.load.yaml_reader import Rejected, read_yaml
from journeyops.model import Config


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
    source: WorkspaceSource | None = None  # where the files came from, which knows hashes
    _digests: dict[str, str] | None = field(default=None, init=False, repr=False, compare=False)

    def digests(self, cache: Cache) -> dict[str, str]:
        """The content hash of every readable file, for every cache key of the run: asked
        of the source, else computed from the bytes and told to the source, which keeps
        them (in `cache`) for the next run. Computed once."""
        if self._digests is None:
            known = self.source.digests(cache) if self.source is not None else NothingKnown()
            self._digests = hash_files(self.files, self.files.__getitem__, known)
        return self._digests


@dataclass(frozen=True)
class ConfigRecord(Record):
    """journeyops.yaml as a run typed it, keyed by its bytes: building pydantic's validator
    for the config costs a run about 19 ms, a twentieth of an edit's run (measured on the
    benchmark's workspace); unpickling the typed config costs 0.1 ms."""

    NAME: ClassVar[str] = "config"
    VERSION: ClassVar[int] = 1

    config: Config
    source: SourceMap


def load_config(
    source: WorkspaceSource, cache: Cache | None = None
) -> tuple[Config, SourceMap, bytes]:
    """The workspace's typed config, its source map and its bytes; ConfigError with every
    problem. With a cache, a config whose bytes were typed before is not typed again."""
    data = _config_bytes(source)
    key = run_key(data) if cache is not None else ""
    known = cache.load(ConfigRecord, key) if cache is not None else None
    if known is not None:
        return known.config, known.source, data
    config, config_source = _typed_config(data)
    if cache is not None:
        cache.store(ConfigRecord(config, config_source), key)
    return config, config_source, data


def _config_bytes(source: WorkspaceSource) -> bytes:
    try:
        return source.read(CONFIG_FILE)
    except Refused as refused:
        problem = Problem(f"{CONFIG_FILE}: {refused.message}", CONFIG_FILE, FILE_START)
        raise ConfigError([Finding("config", replace(problem, hint=refused.hint))]) from None
    except OSError as error:
        message = f"cannot read {CONFIG_FILE}: {error.strerror or 'not found'}"
        raise ConfigError([Finding("config", Problem(message, CONFIG_FILE, FILE_START))]) from None


def _typed_config(data: bytes) -> tuple[Config, SourceMap]:
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
        return Config.model_validate(raw.value), raw.source
    except ValidationError as error:
        found = schema_errors.translate(error, Config, raw.source, CONFIG_FILE)
        raise ConfigError([Finding("config", p) for p in found]) from None


def scan(
    source: WorkspaceSource, leave_out: Collection[str] = NOT_INPUT, cache: Cache | None = None
) -> Scan:
    """The config and the selected files of `source`; `leave_out` names folders that are
    not input (what journeyops writes: by default, a rendered site)."""
    config, config_source, config_bytes = load_config(source, cache)
    files = Files(source, list(select_files(source.yaml_files(), config, leave_out)))
    return Scan(config, config_source, config_bytes, files, source)
