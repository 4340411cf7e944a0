"""The fast paths (several processes, the cache) give exactly the diagnostics of the plain
serial path, and a damaged or foreign cache is never trusted."""

from __future__ import annotations

import datetime
import pickle
import shutil
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from unittest.mock import ANY

import pytest
from typer.testing import CliRunner

from bench.generate import generate
from journeyops.cli import app
from journeyops.load import workspace as workspace_module
from journeyops.load.cache import FOLDER, Cache, entry_name
from journeyops.load.run_key import run_key
from journeyops.load.sources import DiskSource
from journeyops.rules import RunOptions, file_results
from journeyops.rules.file_results import ResultsRecord
from journeyops.rules.validation import ValidationResult, validate
from tests.conftest import ROOT, read_tree

OPTIONS = RunOptions(today=datetime.date(2026, 11, 24))


def results_key(workspace: Path) -> str:
    """The key validate keeps the per-file results of `workspace` under, with OPTIONS."""
    return run_key((workspace / "journeyops.yaml").read_bytes(), OPTIONS.today.isoformat())


def signature(result: ValidationResult) -> tuple[object, ...]:
    return (result.diagnostics, result.files, result.counts)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("generated")
    generate(root, journeys=40, opportunities=80, seed=7)
    return root


def copy(source: Path, tmp_path: Path) -> Path:
    """A private copy of a workspace, without any cache a developer's runs left in it."""
    target = tmp_path / "ws"
    shutil.copytree(source, target, symlinks=True, ignore=shutil.ignore_patterns(FOLDER))
    return target


@pytest.fixture(params=["northwind", "broken", "generated"])
def workspace(request: pytest.FixtureRequest, tmp_path: Path, generated: Path) -> Path:
    source = generated if request.param == "generated" else ROOT / "examples" / request.param
    return copy(source, tmp_path)


@pytest.fixture(autouse=True)
def private_cache_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))


def test_several_processes_give_the_serial_result(workspace: Path) -> None:
    serial = validate(DiskSource(workspace), options=OPTIONS, workers=1)
    parallel = validate(DiskSource(workspace), options=OPTIONS, workers=2)
    assert signature(parallel) == signature(serial)


@pytest.mark.parametrize("snapshot", [True, False])
def test_cold_warm_and_one_changed_file_give_the_uncached_result(
    workspace: Path, snapshot: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if snapshot:  # parsed files are kept too, as they are for large workspaces
        monkeypatch.setattr(workspace_module, "SNAPSHOT_BYTES", 0)
    source = DiskSource(workspace)
    plain = validate(source, options=OPTIONS, workers=1)
    cold = validate(source, options=OPTIONS, cache=Cache(workspace), workers=2)
    warm = validate(source, options=OPTIONS, cache=Cache(workspace))
    assert signature(cold) == signature(warm) == signature(plain)
    changed = sorted(p for p in workspace.rglob("*.yaml") if p.name != "journeyops.yaml")[0]
    changed.write_bytes(changed.read_bytes() + b"\n# an edit\n")
    after = validate(source, options=OPTIONS, cache=Cache(workspace))
    assert signature(after) == signature(validate(source, options=OPTIONS, workers=1))


def test_a_changed_file_is_checked_again(tmp_path: Path, generated: Path) -> None:
    workspace = copy(generated, tmp_path)
    source = DiskSource(workspace)
    assert validate(source, options=OPTIONS, cache=Cache(workspace)).diagnostics == []
    journey = workspace / "journeys" / "journey-3.yaml"
    journey.write_text(journey.read_text().replace("owner: Squad 3\n", ""))
    [finding] = validate(source, options=OPTIONS, cache=Cache(workspace)).diagnostics
    assert (finding.rule, finding.file, finding.span.line) == (
        "JO301",
        "journeys/journey-3.yaml",
        2,
    )


@pytest.mark.parametrize("damage", [b"", b"garbage", b"\x00" * 64])
def test_damaged_cache_entries_are_ignored(
    tmp_path: Path, damage: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workspace_module, "SNAPSHOT_BYTES", 0)
    workspace = copy(ROOT / "examples" / "broken", tmp_path)
    expected = signature(validate(DiskSource(workspace), options=OPTIONS))
    validate(DiskSource(workspace), options=OPTIONS, cache=Cache(workspace))
    entries = list((workspace / FOLDER).rglob("*.pickle"))
    assert {p.name for p in entries} == {
        "config.pickle",
        "files.pickle",
        "results.pickle",
        "stats.pickle",
    }
    for entry in entries:
        entry.write_bytes(damage)
    assert (
        signature(validate(DiskSource(workspace), options=OPTIONS, cache=Cache(workspace)))
        == expected
    )


def test_entries_signed_elsewhere_are_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache committed to a repository (by a pull request, say) is never unpickled."""
    workspace = copy(ROOT / "examples" / "northwind", tmp_path)
    validate(DiskSource(workspace), options=OPTIONS, cache=Cache(workspace))
    result_file = next((workspace / FOLDER).rglob(entry_name(ResultsRecord)))
    stored = Cache(workspace).load(ResultsRecord, results_key(workspace))
    assert stored is not None
    genuine = pickle.loads(stored.block)
    persona = "personas/families.yaml"
    forged = {f: (digest, replace(r, facts=[])) for f, (digest, r) in genuine.items()}
    cache_elsewhere = Cache(workspace)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "attacker"))
    cache_elsewhere.store(ResultsRecord(pickle.dumps(forged), {}), results_key(workspace))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    assert Cache(workspace).load(ResultsRecord, results_key(workspace)) is None
    assert result_file.exists() and persona in genuine
    # Trusted, the forged entries (no documents anywhere) would give unknown-persona findings.
    assert (
        validate(DiskSource(workspace), options=OPTIONS, cache=Cache(workspace)).diagnostics == []
    )


def test_cache_folder_ignores_itself_in_git(tmp_path: Path) -> None:
    workspace = copy(ROOT / "examples" / "northwind", tmp_path)
    validate(DiskSource(workspace), options=OPTIONS, cache=Cache(workspace))
    assert (workspace / FOLDER / ".gitignore").read_text().splitlines()[-1] == "*"


def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    workspace = copy(ROOT / "examples" / "northwind", tmp_path)
    result = CliRunner().invoke(
        app, ["validate", str(workspace), "--no-cache", "--today", "2026-11-24"]
    )
    assert result.exit_code == 0
    assert not (workspace / FOLDER).exists()
    result = CliRunner().invoke(app, ["validate", str(workspace), "--today", "2026-11-24"])
    assert result.exit_code == 0 and (workspace / FOLDER).is_dir()


def test_generated_workspace_is_clean_and_deterministic(tmp_path: Path, generated: Path) -> None:
    assert validate(DiskSource(generated), options=OPTIONS).diagnostics == []
    again = tmp_path / "again"
    generate(again, journeys=40, opportunities=80, seed=7)
    assert read_tree(again) == read_tree(generated)


def test_an_edit_is_checked_against_the_unchanged_files(tmp_path: Path, generated: Path) -> None:
    """Files reused from the cache still take part in every cross-file check: renaming a
    step breaks the references to it in files that did not change."""
    workspace = copy(generated, tmp_path)
    source = DiskSource(workspace)
    validate(source, options=OPTIONS, cache=Cache(workspace))
    journey = workspace / "journeys" / "journey-3.yaml"
    text = journey.read_text()
    step = text.split("\n      - id: ")[1].split("\n")[0]
    journey.write_text(text.replace(f"id: {step}\n", f"id: {step}-renamed\n", 1))
    cached = validate(source, options=OPTIONS, cache=Cache(workspace))
    assert signature(cached) == signature(validate(source, options=OPTIONS))
    assert any(
        d.rule == "JO103" and d.file != "journeys/journey-3.yaml" for d in cached.diagnostics
    )


def test_an_edit_rewrites_only_the_overlay_until_it_is_compacted(
    tmp_path: Path, generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace = copy(generated, tmp_path)
    source = DiskSource(workspace)
    validate(source, options=OPTIONS, cache=Cache(workspace))

    def stored() -> tuple[bytes, Mapping[str, object]]:
        entry = Cache(workspace).load(ResultsRecord, results_key(workspace))
        assert entry is not None
        return entry.block, entry.overlay

    block, overlay = stored()
    assert overlay == {} and len(pickle.loads(block)) == len(list(workspace.rglob("*.yaml"))) - 1
    journeys = sorted((workspace / "journeys").glob("*.yaml"))
    journeys[0].write_text(journeys[0].read_text().replace("owner: ", "owner: The "))
    validate(source, options=OPTIONS, cache=Cache(workspace))
    assert stored() == (block, {"journeys/" + journeys[0].name: ANY})
    monkeypatch.setattr(file_results, "COMPACT", 2)
    journeys[1].write_text(journeys[1].read_text().replace("owner: ", "owner: The "))
    after = validate(source, options=OPTIONS, cache=Cache(workspace))
    new_block, overlay = stored()
    assert overlay == {} and new_block != block
    assert signature(after) == signature(validate(source, options=OPTIONS))
