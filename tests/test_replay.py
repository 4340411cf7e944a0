"""Replaying an unchanged validate run: same output, same status, never stale."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from journeyops import cli
from journeyops.cli import replay
from journeyops.load.cache import FOLDER, Cache, entry_name
from journeyops.load.file_stats import FileStats
from journeyops.load.sources import DiskSource, ReadOnce
from tests.conftest import ROOT


def run(
    workspace: Path, home: Path, *extra: str, env: dict[str, str] | None = None
) -> tuple[int, str]:
    environment = {**os.environ, "XDG_CACHE_HOME": str(home), **(env or {})}
    if env is None:
        environment.pop("GITHUB_ACTIONS", None)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "journeyops",
            "validate",
            str(workspace),
            "--today",
            "2026-11-24",
            *extra,
        ],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    return done.returncode, done.stdout


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    target = tmp_path / "ws"
    shutil.copytree(ROOT / "examples" / "broken", target, ignore=shutil.ignore_patterns(FOLDER))
    return target


def test_a_replayed_run_prints_what_the_real_run_printed(workspace: Path, tmp_path: Path) -> None:
    first = run(workspace, tmp_path / "home")
    assert first[0] == 1 and "JO101" in first[1]
    assert list((workspace / FOLDER).rglob(entry_name(replay.ReplayRecord)))
    assert run(workspace, tmp_path / "home") == first
    assert run(workspace, tmp_path / "home", "--format", "json")[1].startswith("{")


def test_any_change_to_the_workspace_is_not_replayed(workspace: Path, tmp_path: Path) -> None:
    run(workspace, tmp_path / "home")
    (workspace / "personas.yaml").write_text(
        (workspace / "personas.yaml").read_text() + "---\nkind: persona\nid: new\n"
    )
    status, out = run(workspace, tmp_path / "home")
    assert status == 1 and "missing required field 'name'" in out


def test_the_environment_that_shapes_output_is_part_of_the_key(
    workspace: Path, tmp_path: Path
) -> None:
    run(workspace, tmp_path / "home")
    _, annotated = run(workspace, tmp_path / "home", env={"GITHUB_ACTIONS": "true"})
    assert "::error file=" in annotated


def test_a_record_signed_elsewhere_is_not_replayed(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A record committed to a repository must never make CI print a fake clean result."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "attacker"))
    nothing = ReadOnce(workspace, [], {}, {})
    forged = replay.Replay(Cache(workspace), "some-key", nothing)
    forged.record("✓ 0 files checked, no problems found\n", 0)
    assert forged.output() is not None  # the attacker's own key accepts it
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home"))
    assert replay.Replay(Cache(workspace), "some-key", nothing).output() is None


@pytest.mark.parametrize(
    ("argv", "qualifies"),
    [
        (["validate", "examples/northwind"], True),
        (["validate"], False),  # the repository root is no workspace
        (["validate", "examples/northwind", "--today", "2026-11-24", "-f", "json"], True),
        (["validate", "-o", "out.json"], False),
        (["validate", "--no-cache"], False),
        (["validate", "--changed-since", "main"], False),
        (["validate", "--help"], False),
        (["validate", "a", "b"], False),
        (["validate", "--today"], False),
        (["score"], False),
        ([], False),
    ],
)
def test_only_plain_validate_runs_qualify(
    argv: list[str], qualifies: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    assert (replay.plan(argv) is not None) is qualifies


def count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The relative paths of the workspace files read from disk from now on."""
    reads: list[str] = []
    original = DiskSource.read

    def counting(self: DiskSource, path: str) -> bytes:
        reads.append(path)
        return original(self, path)

    monkeypatch.setattr(DiskSource, "read", counting)
    return reads


def test_a_run_that_cannot_be_replayed_reads_each_file_once(
    workspace: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The files read to look for a replay are the ones validated: not read again."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home"))
    reads = count_reads(monkeypatch)
    monkeypatch.setattr(
        sys, "argv", ["journeyops", "validate", str(workspace), "--today", "2026-11-24"]
    )
    with pytest.raises(SystemExit) as done:
        cli.main()
    assert done.value.code == 1 and "JO101" in capsys.readouterr().out
    assert len(reads) == len(set(reads)) == len(list(workspace.rglob("*.yaml")))


def _age(workspace: Path, seconds: int) -> None:
    """Make every file look last modified `seconds` ago, as files in a checkout are."""
    past = time.time() - seconds
    for path in workspace.rglob("*.y*ml"):
        os.utime(path, (past, past))


def test_after_an_edit_only_the_edited_file_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Files whose size, inode and times are as recorded keep their recorded hash: an edit
    in a large workspace reads one file, not all of them (and none for positions, as long
    as nothing is found in them)."""
    workspace = tmp_path / "ws"
    shutil.copytree(
        ROOT / "examples" / "northwind", workspace, ignore=shutil.ignore_patterns(FOLDER)
    )
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home"))
    _age(workspace, 60)
    argv = ["journeyops", "validate", str(workspace), "--today", "2026-11-24"]
    monkeypatch.setattr(sys, "argv", argv)
    with pytest.raises(SystemExit):
        cli.main()
    first = capsys.readouterr().out
    reads = count_reads(monkeypatch)
    persona = workspace / "personas" / "students.yaml"
    persona.write_text(persona.read_text().replace("name: ", "name: The ", 1))
    with pytest.raises(SystemExit) as done:
        cli.main()
    assert done.value.code == 0
    assert sorted(reads) == ["journeyops.yaml", "personas/students.yaml"]
    assert capsys.readouterr().out == first


def test_recently_modified_files_are_hashed_again(workspace: Path, tmp_path: Path) -> None:
    """An entry recorded within a timestamp tick of its file's modification could hide a
    second write with the same size and time: it is not trusted (git's racy entries)."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path / "home")
    try:
        cache = Cache(workspace)
        os.utime(workspace / "personas.yaml")  # modified just now
        stats = FileStats(cache, str(workspace))
        stats.learn("personas.yaml", "digest-of-personas")
        stats.save()
        assert FileStats(cache, str(workspace)).known("personas.yaml") is None  # just modified
        _age(workspace, 60)
        stats = FileStats(cache, str(workspace))
        stats.learn("personas.yaml", "digest-of-personas")
        stats.save()
        assert FileStats(cache, str(workspace)).known("personas.yaml") == "digest-of-personas"
        personas = workspace / "personas.yaml"
        personas.write_text(personas.read_text() + "\n")
        assert FileStats(cache, str(workspace)).known("personas.yaml") is None  # size and times
    finally:
        del os.environ["XDG_CACHE_HOME"]


def test_replay_inputs_declare_every_option_of_validate() -> None:
    """replay_inputs.py is validate's options as replay sees them: every parameter of the
    real command is declared there, replayed or not, with its spellings; replayed options
    take a value. A new option of validate fails here until replay knows it."""
    import typer.core  # noqa: PLC0415 - the command line machinery, for this test only
    import typer.main  # noqa: PLC0415

    from journeyops.cli import replay_inputs  # noqa: PLC0415
    from journeyops.cli.commands import app  # noqa: PLC0415

    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    command = group.commands[replay_inputs.COMMAND]
    arguments = [p.name for p in command.params if isinstance(p, typer.core.TyperArgument)]
    assert arguments == list(replay_inputs.ARGUMENTS)
    options = {p.name: p for p in command.params if isinstance(p, typer.core.TyperOption)}
    assert len(arguments) + len(options) == len(command.params)
    declared = {**replay_inputs.REPLAYED, **replay_inputs.NOT_REPLAYED}
    assert not replay_inputs.REPLAYED.keys() & replay_inputs.NOT_REPLAYED.keys()
    assert options.keys() == declared.keys()
    for name, option in options.items():
        assert set(option.opts + option.secondary_opts) == set(declared[name]), name
    for name in replay_inputs.REPLAYED:
        assert not options[name].is_flag and not options[name].count, name


def test_replay_hands_the_command_a_stream_that_records_without_touching_sys_stdout(
    workspace: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """main() gives the command an Environment whose stdout keeps a copy to record, and the
    files it read; the process's own sys.stdout is never swapped."""
    from journeyops.cli import commands  # noqa: PLC0415
    from journeyops.cli.environment import Environment  # noqa: PLC0415

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home"))
    seen: list[object] = []
    stdout = sys.stdout

    def command(args: list[str], prog_name: str, obj: Environment) -> None:
        seen.append(obj)
        assert sys.stdout is stdout
        assert isinstance(obj.source, ReadOnce) and obj.source.root == workspace
        obj.stdout.write("what the command printed\n")
        raise SystemExit(1)

    monkeypatch.setattr(commands, "app", command)
    monkeypatch.setattr(sys, "argv", ["journeyops", "validate", str(workspace)])
    for _ in range(2):  # run, then replayed without calling the command
        with pytest.raises(SystemExit) as done:
            cli.main()
        assert done.value.code == 1
        assert capsys.readouterr().out == "what the command printed\n"
    assert len(seen) == 1


def test_replay_inputs_declare_every_variable_the_command_line_reads() -> None:
    """A variable the commands read (colour, width, annotations) but replay does not key
    on would replay an output made under another value of it."""
    from journeyops.cli import replay_inputs  # noqa: PLC0415

    read = set()
    for path in (ROOT / "journeyops" / "cli").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        read |= set(re.findall(r"environ(?:\.get\(|\[)\"([A-Z_]+)\"", text))
    assert {"COLUMNS", "NO_COLOR", "GITHUB_ACTIONS"} <= read  # the scan sees them
    assert read - set(replay_inputs.ENVIRONMENT) == set()
