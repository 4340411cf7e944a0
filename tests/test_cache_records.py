"""The cache's one API: typed, versioned, keyed records; anything else stored is a miss."""

from __future__ import annotations

import dataclasses
import os
import pickle
import time
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pytest

from journeyops.load import cache as cache_module
from journeyops.load import sources as sources_module
from journeyops.load import workspace as workspace_module
from journeyops.load.cache import FOLDER, Cache, Record, entry_name
from journeyops.load.parallel import parse_pickled
from journeyops.load.sources import DiskSource
from journeyops.load.workspace import LoadResult, load_workspace
from tests.conftest import ROOT


@dataclass(frozen=True)
class Note(Record):
    NAME: ClassVar[str] = "note"
    VERSION: ClassVar[int] = 1

    text: str


@dataclass(frozen=True)
class NoteV2(Record):  # the same entry in a newer format
    NAME: ClassVar[str] = "note"
    VERSION: ClassVar[int] = 2

    text: str


@dataclass(frozen=True)
class Impostor(Record):  # another class claiming the entry's name and version
    NAME: ClassVar[str] = "note"
    VERSION: ClassVar[int] = 1

    text: str


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Cache:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home"))
    (tmp_path / "ws").mkdir()
    return Cache(tmp_path / "ws")


def test_a_record_comes_back_as_stored(cache: Cache) -> None:
    cache.store(Note("hello"), "key-1")
    assert cache.load(Note, "key-1") == Note("hello")
    assert (cache.root / FOLDER / cache.version / entry_name(Note)).is_file()


def test_another_key_format_or_class_is_a_miss(cache: Cache) -> None:
    cache.store(Note("hello"), "key-1")
    assert cache.load(Note, "key-2") is None
    assert cache.load(NoteV2, "key-1") is None
    assert cache.load(Impostor, "key-1") is None
    cache.store(NoteV2("newer"), "key-1")
    assert cache.load(Note, "key-1") is None  # an older reader misses a newer entry


def test_an_entry_without_the_envelope_is_a_miss(cache: Cache) -> None:
    """Signed but not a (name, version, key, record) envelope: a bug, not a crash."""
    cache.store(Note("hello"), "key-1")
    entry = cache.root / FOLDER / cache.version / entry_name(Note)
    payload = pickle.dumps(("hello",))
    entry.write_bytes(cache._sign(payload) + payload)
    assert cache.load(Note, "key-1") is None


def _age(folder: Path, seconds: int) -> None:
    past = time.time() - seconds
    for path in folder.rglob("*.y*ml"):
        os.utime(path, (past, past))


def test_every_load_with_a_cache_skips_hashing_unchanged_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """score, render and metrics load through load_workspace: with a cache, a file whose
    metadata is as recorded is not hashed again, and an edited one is."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(workspace_module, "SNAPSHOT_BYTES", 0)  # hashes are needed
    workspace = tmp_path / "ws"
    workspace.mkdir()
    for path in (ROOT / "examples" / "northwind").rglob("*.yaml"):
        target = workspace / path.relative_to(ROOT / "examples" / "northwind")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    _age(workspace, 60)
    hashed: list[int] = []
    real = cache_module.content_hash

    def counted(data: bytes) -> str:
        hashed.append(1)
        return real(data)

    monkeypatch.setattr(sources_module, "content_hash", counted)
    first = load_workspace(DiskSource(workspace), Cache(workspace))
    files = len(first.workspace.files)
    assert len(hashed) == files > 5
    hashed.clear()
    again = load_workspace(DiskSource(workspace), Cache(workspace))
    assert hashed == [] and again.workspace.documents == first.workspace.documents
    persona = workspace / "personas" / "students.yaml"
    persona.write_text(persona.read_text().replace("name: ", "name: The ", 1))
    load_workspace(DiskSource(workspace), Cache(workspace))
    assert len(hashed) == 1


def test_load_result_restricts_and_merges_every_field() -> None:
    """diff builds the head from the base's unchanged files and the head's others."""
    loaded = load_workspace(DiskSource(ROOT / "examples" / "broken"), workers=1)
    assert all(getattr(loaded, f.name) for f in dataclasses.fields(loaded))  # all filled
    files = loaded.workspace.files
    some, rest = set(files[::2]), set(files[1::2])
    left, right = loaded.restricted(some), loaded.restricted(rest)
    assert {d.file for d in left.workspace.documents} <= some
    assert {p.problem.file for p in left.problems} <= some
    for name in ("suppressions", "positions", "invalid", "partial"):
        assert set(getattr(left, name)) <= some
    whole = left.merged(right)
    assert whole.workspace.files == files
    assert sorted(map(repr, whole.workspace.documents)) == sorted(
        map(repr, loaded.workspace.documents)
    )
    assert sorted(map(repr, whole.problems)) == sorted(map(repr, loaded.problems))
    for name in ("suppressions", "invalid", "partial"):
        assert getattr(whole, name) == getattr(loaded, name)
    assert whole.positions.keys() == loaded.positions.keys()


def test_a_new_load_result_field_must_say_how_it_is_restricted_and_merged() -> None:
    wider = dataclasses.make_dataclass(
        "Wider", [("extra", dict, dataclasses.field(default_factory=dict))], bases=(LoadResult,)
    )
    loaded = load_workspace(DiskSource(ROOT / "examples" / "northwind"), workers=1)
    result = wider(**{f.name: getattr(loaded, f.name) for f in dataclasses.fields(loaded)})
    with pytest.raises(TypeError, match="extra: no rule to restrict"):
        LoadResult.restricted(result, set())
    with pytest.raises(TypeError, match="extra: no rule to merge"):
        LoadResult.merged(result, result)


def test_parsing_falls_back_to_one_process_when_no_pool_starts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    files = {f"f{i}.yaml": f"kind: persona\nid: p{i}\n".encode() for i in range(4)}
    serial = parse_pickled(files, files, 1)

    class NoPool:
        def Pool(self, count: int) -> None:  # the name multiprocessing uses
            raise OSError(28, "No space left on device")  # as without a usable /dev/shm

    monkeypatch.setattr("journeyops.load.parallel.multiprocessing.get_context", lambda _: NoPool())
    assert parse_pickled(files, files, 2) == serial


def test_a_config_typed_once_is_not_typed_again_and_reports_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journeyops.model import Config  # noqa: PLC0415
    from journeyops.rules.validation import validate  # noqa: PLC0415

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home"))
    workspace = tmp_path / "ws"
    workspace.mkdir()
    # A `lint:` mistake is found after typing, at its place in the (cached) source map.
    settings = "version: 1\nname: Cached\nlint:\n  rules:\n    JO999: off\n"
    (workspace / "journeyops.yaml").write_text(settings)
    typed: list[int] = []
    real = Config.model_validate.__func__  # type: ignore[attr-defined]

    def counted(cls: type[Config], /, value: object, **kwargs: object) -> Config:
        typed.append(1)
        return real(cls, value, **kwargs)  # type: ignore[no-any-return]

    monkeypatch.setattr(Config, "model_validate", classmethod(counted))
    first = validate(DiskSource(workspace), cache=Cache(workspace))
    again = validate(DiskSource(workspace), cache=Cache(workspace))
    assert first.config_error and [d.span.line for d in first.diagnostics] == [5]
    assert again.diagnostics == first.diagnostics
    assert len(typed) == 1
    (workspace / "journeyops.yaml").write_text(settings.replace("Cached", "Changed"))
    validate(DiskSource(workspace), cache=Cache(workspace))
    assert len(typed) == 2  # other bytes, typed afresh
