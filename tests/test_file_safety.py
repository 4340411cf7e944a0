"""What journeyops reads and writes on disk: regular files inside the workspace root, its own
cache, nothing through a link that leads out, never a fifo or a device.

Every case is a real workspace in a temporary folder with real links, fifos and device nodes,
checked through the real command in a fresh process: with a time limit (a fifo that is
opened waits forever) and a memory limit (a device such as /dev/zero never ends), so that a
regression fails the test instead of hanging it or the machine.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from journeyops.cli import replay
from journeyops.load.cache import FOLDER, Cache, entry_name
from journeyops.load.file_stats import FileStats, FileStatsRecord
from journeyops.load.regular_files import Refused, read_descriptor
from journeyops.load.sources import DiskSource
from journeyops.rules.file_results import ResultsRecord
from tests.conftest import ROOT

CONFIG = "version: 1\nname: Safety\n"
PERSONA = "kind: persona\nid: maya\nname: Maya\n"
JOURNEY = """\
kind: journey
id: onboarding
title: Onboarding
owner: Squad
reviewed: 2026-10-01
personas: [maya]
stages:
  - id: start
    name: Start
    steps:
      - {id: open, name: Open the app, touchpoints: [app], emotion: 1}
"""
# What a credentials file looks like: a scalar, which JO006 used to quote in its message.
SECRET = "https://user:ghp_SECRETTOKEN1234@github.com\n"
MEMORY_LIMIT = 1 << 30
TODAY = ("--today", "2026-11-24")


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run(
    workspace: Path, *args: str, home: Path | None = None, timeout: float = 60
) -> tuple[int, str, str, float]:
    """`journeyops validate WORKSPACE ARGS` in a fresh process: status, stdout, stderr and
    its peak resident memory in MB."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200"}
    env.pop("GITHUB_ACTIONS", None)
    env["XDG_CACHE_HOME"] = str(home or workspace.parent / "home")
    command = [sys.executable, "-m", "journeyops", "validate", str(workspace), *TODAY, *args]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(
            command,
            stdout=out,
            stderr=err,
            env=env,
            preexec_fn=_limits,  # noqa: PLW1509 - no threads here; the limit guards the machine
        )
        deadline = time.monotonic() + timeout
        while True:  # wait4, not wait: the peak memory of this one process
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                process.kill()
                process.wait()
                pytest.fail(f"validate did not finish within {timeout} s (a read blocked)")
            time.sleep(0.01)
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        texts = out.read().decode(), err.read().decode()
    return process.returncode, *texts, usage.ru_maxrss / 1024


def findings(workspace: Path, *args: str) -> list[tuple[str, str, int, int, str]]:
    status, out, err, _ = run(workspace, "--format", "json", *args)
    assert status in (0, 1), err
    assert "Traceback" not in err
    return [
        (d["rule"], d["file"], d["line"], d["column"], d["message"])
        for d in json.loads(out)["diagnostics"]
    ]


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder next to the workspace, holding a secret."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "credentials.yaml").write_text(SECRET)
    return folder


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    (root / "personas").mkdir(parents=True)
    (root / "journeyops.yaml").write_text(CONFIG)
    (root / "personas" / "maya.yaml").write_text(PERSONA)
    (root / "journey.yaml").write_text(JOURNEY)
    return root


def rules_at(found: list[tuple[str, str, int, int, str]]) -> list[tuple[str, str, int, int]]:
    return [(rule, file, line, column) for rule, file, line, column, _ in found]


# Links out of the workspace


@pytest.mark.parametrize("relative", [True, False])
def test_a_link_out_of_the_workspace_is_reported_and_nothing_of_its_target_shown(
    workspace: Path, outside: Path, relative: bool
) -> None:
    target = Path("../outside/credentials.yaml") if relative else outside / "credentials.yaml"
    (workspace / "leak.yaml").symlink_to(target)
    found = findings(workspace)
    assert rules_at(found) == [("JO016", "leak.yaml", 1, 1)]
    assert f"`{target}`" in found[0][4]  # the link's own, committed text
    for output_format in ("text", "json", "sarif", "github", "junit"):
        status, out, _, _ = run(workspace, "--format", output_format)
        assert status == 1
        assert "SECRETTOKEN" not in out
        assert "JO016" in out


def test_links_that_stay_inside_the_workspace_keep_working(workspace: Path) -> None:
    (workspace / "data").mkdir()
    (workspace / "journey.yaml").rename(workspace / "data" / "journey.txt")
    (workspace / "journey.yaml").symlink_to("data/journey.txt")
    (workspace / "config").mkdir()
    (workspace / "journeyops.yaml").rename(workspace / "config" / "base.txt")
    (workspace / "journeyops.yaml").symlink_to("config/base.txt")
    (workspace / "people").symlink_to("personas")  # a folder link: read where it really is
    status, out, err, _ = run(workspace)
    assert status == 0, out + err
    assert "2 files checked, no problems found" in out


def test_a_folder_link_out_of_the_workspace_is_reported_at_the_link(
    workspace: Path, outside: Path
) -> None:
    (outside / "journey.yaml").write_text(JOURNEY)  # would be a duplicate id if read
    (workspace / "personas" / "shared").symlink_to(outside)
    assert rules_at(findings(workspace)) == [("JO016", "personas/shared", 1, 1)]


def test_a_link_out_can_be_excluded(workspace: Path, outside: Path) -> None:
    (workspace / "vendor").mkdir()
    (workspace / "vendor" / "leak.yaml").symlink_to(outside / "credentials.yaml")
    (workspace / "shared").symlink_to(outside)
    (workspace / "journeyops.yaml").write_text(CONFIG + "exclude: [vendor, shared]\n")
    assert findings(workspace) == []


def test_links_to_ancestors_do_not_loop(workspace: Path) -> None:
    (workspace / "personas" / "loop").symlink_to("..")  # the root itself: inside
    (workspace / "personas" / "up").symlink_to("../..")  # above the root: outside
    (workspace / "a.yaml").symlink_to("b.yaml")
    (workspace / "b.yaml").symlink_to("a.yaml")
    found = rules_at(findings(workspace))
    assert found == [
        ("JO014", "a.yaml", 1, 1),
        ("JO014", "b.yaml", 1, 1),
        ("JO016", "personas/up", 1, 1),
    ]


def test_a_config_that_links_out_of_the_workspace_is_a_config_error(
    workspace: Path, outside: Path
) -> None:
    (workspace / "journeyops.yaml").unlink()
    (workspace / "journeyops.yaml").symlink_to(outside / "credentials.yaml")
    status, out, err, _ = run(workspace, "--format", "json")
    assert status == 2, err
    [diagnostic] = json.loads(out)["diagnostics"]
    assert (diagnostic["rule"], diagnostic["file"], diagnostic["line"]) == (
        "JO011",
        "journeyops.yaml",
        1,
    )
    assert "points outside the workspace" in diagnostic["message"]
    assert "SECRETTOKEN" not in out + err


# Fifos, devices and the size limit


def test_a_fifo_is_reported_and_never_waited_for(workspace: Path, outside: Path) -> None:
    os.mkfifo(workspace / "pipe.yaml")
    (workspace / "to-pipe.yaml").symlink_to("pipe.yaml")
    os.mkfifo(outside / "far.yaml")
    (workspace / "far.yaml").symlink_to(outside / "far.yaml")
    found = findings(workspace)
    assert rules_at(found) == [
        ("JO016", "far.yaml", 1, 1),
        ("JO017", "pipe.yaml", 1, 1),
        ("JO017", "to-pipe.yaml", 1, 1),
    ]
    assert "this is a fifo (named pipe), not a regular file" in found[1][4]
    assert "the link points to a fifo (named pipe)" in found[2][4]


def test_a_fifo_as_config_is_a_config_error(workspace: Path) -> None:
    (workspace / "journeyops.yaml").unlink()
    os.mkfifo(workspace / "journeyops.yaml")
    status, out, err, _ = run(workspace, "--format", "json")
    assert status == 2, err
    [diagnostic] = json.loads(out)["diagnostics"]
    assert diagnostic["file"] == "journeyops.yaml"
    assert "fifo" in diagnostic["message"]


def test_a_link_to_dev_zero_is_never_read(workspace: Path) -> None:
    (workspace / "zero.yaml").symlink_to("/dev/zero")
    status, out, err, peak = run(workspace, "--format", "json")
    assert status == 1, err
    assert [d["rule"] for d in json.loads(out)["diagnostics"]] == ["JO016"]
    assert peak < 200


def test_a_device_node_is_reported_and_never_read(workspace: Path) -> None:
    try:
        os.mknod(workspace / "zero.yaml", stat.S_IFCHR | 0o600, os.makedev(1, 5))
    except (PermissionError, AttributeError):
        pytest.skip("creating a device node needs CAP_MKNOD (root), which this run lacks")
    (workspace / "to-zero.yaml").symlink_to("zero.yaml")
    found = findings(workspace)
    assert rules_at(found) == [("JO017", "to-zero.yaml", 1, 1), ("JO017", "zero.yaml", 1, 1)]
    assert "character device" in found[1][4]


def test_a_huge_file_is_reported_without_being_read(workspace: Path) -> None:
    with (workspace / "huge.yaml").open("wb") as handle:
        handle.truncate(300 << 20)  # sparse: 300 MiB of zeros, costing no disk
    status, out, err, peak = run(workspace, "--format", "json")
    assert status == 1, err
    [diagnostic] = json.loads(out)["diagnostics"]
    assert diagnostic["rule"] == "JO013"
    assert "the file is 300 MiB" in diagnostic["message"]
    assert peak < 150  # a run takes about 40 MB; reading the file would take 300 more


def test_a_read_never_goes_past_the_limit(tmp_path: Path) -> None:
    """Below the limit a file is read whole; at it, not at all; and a file that says it is
    smaller than it is (as /proc does: size 0) is read up to the limit, not on."""
    for size, expected in ((999, b"x" * 999), (1000, None)):
        (tmp_path / "f").write_bytes(b"x" * size)
        fd = os.open(tmp_path / "f", os.O_RDONLY)
        try:
            if expected is None:
                with pytest.raises(Refused, match="journeyops reads files below"):
                    read_descriptor(fd, 1000)
            else:
                assert read_descriptor(fd, 1000) == expected
        finally:
            os.close(fd)
    if not Path("/proc/self/status").exists():
        return
    fd = os.open("/proc/self/status", os.O_RDONLY)  # about 1.5 KB, of size 0
    try:
        assert os.fstat(fd).st_size == 0
        assert len(read_descriptor(fd, 64)) == 64
    finally:
        os.close(fd)


# Unreadable folders


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path: Path) -> None:
    """os.walk used to skip it silently. A real failure as root (who may read anything): the
    folder is gone between the listing of its parent and its own."""
    (tmp_path / "journeyops.yaml").write_text(CONFIG)
    (tmp_path / "a.yaml").write_text(PERSONA)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.yaml").write_text(PERSONA)
    source = DiskSource(tmp_path)
    listing = source.yaml_files()
    assert next(listing) == "a.yaml"
    shutil.rmtree(tmp_path / "sub")
    assert list(listing) == ["journeyops.yaml", "sub"]
    with pytest.raises(Refused) as refused:
        source.read("sub")
    rule, problem = refused.value.problem("sub")
    assert rule == "unreadable-file"
    assert problem.message == "cannot read the folder: No such file or directory"


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder another user can reach (pytest's own tmp folders are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="journeyops-safety-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in folder.rglob("*"):
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o755)
        shutil.rmtree(folder)


def test_a_folder_without_permission_is_reported(shared_folder: Path) -> None:
    workspace = shared_folder / "ws"
    (workspace / "private").mkdir(parents=True)
    (workspace / "journeyops.yaml").write_text(CONFIG)
    (workspace / "maya.yaml").write_text(PERSONA)
    (workspace / "private" / "x.yaml").write_text(PERSONA)
    for folder in (shared_folder, workspace):
        folder.chmod(0o755)
    (workspace / "private").chmod(0)
    command = [sys.executable, "-m", "journeyops", "validate", str(workspace), "--no-cache"]
    if os.geteuid() == 0:  # root reads any folder: run as nobody, for whom chmod 000 counts
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: no user for whom chmod 000 counts")
        command = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(shared_folder)}
    env["XDG_CACHE_HOME"] = str(shared_folder)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    done = subprocess.run(
        [*command, *TODAY, "--format", "json"],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    found = [(d["rule"], d["file"], d["message"]) for d in json.loads(done.stdout)["diagnostics"]]
    assert ("JO014", "private", "cannot read the folder: Permission denied") in found


# The cache


def _outside_tree(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


def test_a_cache_folder_that_links_out_is_not_used(workspace: Path, outside: Path) -> None:
    elsewhere = outside / "cache"
    elsewhere.mkdir()
    (workspace / FOLDER).symlink_to(elsewhere)
    expected = findings(workspace, "--no-cache")
    assert findings(workspace) == expected
    assert findings(workspace) == expected
    assert _outside_tree(elsewhere) == []  # no pickle, no .gitignore written there


def test_a_cache_version_folder_that_links_out_is_not_used(workspace: Path, outside: Path) -> None:
    (workspace / FOLDER).mkdir()
    (workspace / FOLDER / Cache(workspace).version).symlink_to(outside)
    before = _outside_tree(outside)
    findings(workspace)
    findings(workspace)
    assert _outside_tree(outside) == before


def test_a_cache_gitignore_that_links_out_is_not_written_through(
    workspace: Path, outside: Path
) -> None:
    (workspace / FOLDER).mkdir()
    (workspace / FOLDER / ".gitignore").symlink_to(outside / "created")
    findings(workspace)
    assert not (outside / "created").exists()
    assert list((workspace / FOLDER).rglob("*.pickle"))  # the cache itself works


@pytest.mark.parametrize(
    "entry", [entry_name(r) for r in (FileStatsRecord, ResultsRecord, replay.ReplayRecord)]
)
def test_a_cache_entry_that_is_a_fifo_or_a_device_is_a_miss(
    workspace: Path, outside: Path, entry: str
) -> None:
    expected = findings(workspace, "--no-cache")
    version = workspace / FOLDER / Cache(workspace).version
    version.mkdir(parents=True)
    os.mkfifo(outside / "fifo")
    (version / entry).symlink_to(outside / "fifo")
    assert findings(workspace) == expected
    (version / entry).unlink()
    (version / entry).symlink_to("/dev/zero")
    assert findings(workspace) == expected
    (version / entry).unlink()
    os.mkfifo(version / entry)
    assert findings(workspace) == expected
    assert stat.S_ISFIFO((outside / "fifo").lstat().st_mode)


def test_file_stats_never_vouch_for_a_link(workspace: Path, tmp_path: Path) -> None:
    (workspace / "alias.yaml").symlink_to("journey.yaml")
    stats = FileStats(Cache(workspace), str(workspace))
    stats.learn("alias.yaml", "digest")
    stats.learn("journey.yaml", "digest")
    assert set(stats.fresh) == {"journey.yaml"}


# The replay fast path


def test_a_link_retargeted_out_is_not_replayed(workspace: Path, outside: Path) -> None:
    """Same bytes at the end of the link, now outside: the run must not replay the old
    (clean) result."""
    (workspace / "data").mkdir()
    (workspace / "personas" / "maya.yaml").rename(workspace / "data" / "maya.txt")
    (workspace / "personas" / "maya.yaml").symlink_to("../data/maya.txt")
    status, out, err, _ = run(workspace)
    assert status == 0, out + err
    assert run(workspace)[:2] == (0, out)  # replayed, or at least the same
    shutil.copy(workspace / "data" / "maya.txt", outside / "maya.yaml")
    (workspace / "personas" / "maya.yaml").unlink()
    (workspace / "personas" / "maya.yaml").symlink_to(outside / "maya.yaml")
    status, out, _, _ = run(workspace)
    assert status == 1
    assert "JO016" in out


def test_a_workspace_with_a_refused_file_is_never_replayed(workspace: Path, outside: Path) -> None:
    (workspace / "leak.yaml").symlink_to(outside / "credentials.yaml")
    first = run(workspace)
    assert first[0] == 1 and "JO016" in first[1]
    assert not list((workspace / FOLDER).rglob(entry_name(replay.ReplayRecord)))
    assert run(workspace)[:2] == first[:2]
