"""The site folder is not trusted (it may be committed, and a pull request can change it):
render writes and removes only regular files inside `--out`, never through a link, treats a
manifest entry that points elsewhere as damage, and finishes the job of a render that was
killed. Real links, real fifos and a real SIGKILL."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from journeyops.render import page_writer
from journeyops.render.output import MANIFEST
from tests.conftest import NASTY_SITE, ROOT

Cli = Callable[..., tuple[int, str, str]]
NASTY = Path(__file__).parent / "render" / "nasty"


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    shutil.copytree(NASTY, tmp_path / "ws")
    return tmp_path / "ws"


def render(cli: Cli, ws: Path, out: Path) -> tuple[int, str, str]:
    return cli("render", str(ws), "--out", str(out), "--no-diagrams", "--no-cache")


def add_to_manifest(out: Path, *entries: str) -> None:
    manifest = json.loads((out / MANIFEST).read_text())
    manifest["files"] += list(entries)
    (out / MANIFEST).write_text(json.dumps(manifest))


def files_in(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


@pytest.mark.parametrize("case", ["through a link", "parent folder", "absolute"])
def test_a_manifest_entry_outside_the_folder_is_reported_and_never_deleted(
    cli: Cli, ws: Path, tmp_path: Path, case: str
) -> None:
    out, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    elsewhere.mkdir()
    victim = elsewhere / "notes.txt"
    victim.write_text("precious")
    assert render(cli, ws, out)[0] == 0
    if case == "through a link":
        (out / "x").symlink_to(elsewhere)
        entry = "x/notes.txt"
    else:
        entry = "../elsewhere/notes.txt" if case == "parent folder" else str(victim)
    add_to_manifest(out, entry)
    status, stdout, err = render(cli, ws, out)
    assert status == 0 and "Rendered 16 pages" in stdout
    assert victim.read_text() == "precious"
    assert f"ignored the entry '{entry}'" in err
    assert json.loads((out / MANIFEST).read_text())["files"] == NASTY_SITE


def test_entries_naming_a_folder_or_a_fifo_are_left_alone(
    cli: Cli, ws: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    render(cli, ws, out)
    (out / "mine").mkdir()
    (out / "mine" / "keep.txt").write_text("mine")
    os.mkfifo(out / "pipe")
    add_to_manifest(out, "mine", "pipe", "", ".", 7)  # type: ignore[arg-type]
    status, _, err = render(cli, ws, out)
    assert status == 0
    assert (out / "mine" / "keep.txt").read_text() == "mine" and (out / "pipe").exists()
    assert "'mine': it is not a regular file" in err and "'pipe': it is not a regular file" in err
    assert "ignored the entry 7" in err


def test_a_link_where_a_page_goes_is_refused_and_its_target_kept(
    cli: Cli, ws: Path, tmp_path: Path
) -> None:
    out, bashrc = tmp_path / "site", tmp_path / "home" / ".bashrc"
    bashrc.parent.mkdir()
    bashrc.write_text("alias ls='ls -F'\n")
    render(cli, ws, out)
    (out / "index.html").unlink()
    (out / "index.html").symlink_to(bashrc)  # as a pull request can commit it
    before = files_in(out)
    status, stdout, err = render(cli, ws, out)
    assert (status, stdout) == (2, "")
    assert "index.html is a link" in err
    assert bashrc.read_text() == "alias ls='ls -F'\n"
    assert (out / "index.html").is_symlink() and files_in(out) == before


def test_a_linked_folder_inside_the_site_is_never_written_through(
    cli: Cli, ws: Path, tmp_path: Path
) -> None:
    out, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    elsewhere.mkdir()
    render(cli, ws, out)
    shutil.rmtree(out / "journeys")
    (out / "journeys").symlink_to(elsewhere)
    status, _, err = render(cli, ws, out)
    assert status == 2 and "goes through the link journeys" in err
    assert list(elsewhere.iterdir()) == []


def test_a_linked_manifest_is_damage(cli: Cli, ws: Path, tmp_path: Path) -> None:
    out, other = tmp_path / "site", tmp_path / "other.json"
    other.write_text('{"files": ["../other.json"]}')
    out.mkdir()
    (out / MANIFEST).symlink_to(other)
    status, _, err = render(cli, ws, out)
    assert status == 2 and "is damaged" in err and "not a regular file" in err
    assert other.is_file() and list(out.iterdir()) == [out / MANIFEST]


def test_out_itself_may_be_a_link_to_a_folder(cli: Cli, ws: Path, tmp_path: Path) -> None:
    real, link = tmp_path / "real", tmp_path / "site"
    real.mkdir()
    link.symlink_to(real)
    assert render(cli, ws, link)[0] == 0
    assert (real / "journeys" / "tricky.html").is_file() and link.is_symlink()
    assert render(cli, ws, link)[1].count("0 written, 16 unchanged") == 1


def test_the_state_a_killed_render_left_without_a_manifest_is_finished(
    cli: Cli, ws: Path, tmp_path: Path
) -> None:
    """What a render killed before its manifest was written leaves (as main's did): some
    pages, a temporary file, no manifest."""
    clean, out = tmp_path / "clean", tmp_path / "site"
    render(cli, ws, clean)
    shutil.copytree(clean, out)
    (out / MANIFEST).unlink()
    (out / "journeys" / "tricky.html").unlink()
    (out / "journeys" / ".tricky.html.k3x9_a1z.tmp").write_text("<!DOCTYPE html>\n<ht")
    status, stdout, err = render(cli, ws, out)
    assert (status, " error " in err) == (0, False)
    assert "1 written, 15 unchanged" in stdout
    assert files_in(out) == files_in(clean)


def test_a_killed_render_with_a_users_file_beside_it_is_still_refused(
    cli: Cli, ws: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    render(cli, ws, out)
    (out / MANIFEST).unlink()
    (out / "journeys" / ".tricky.html.k3x9_a1z.tmp").write_text("partial")
    (out / "notes.txt").write_text("my notes")
    before = files_in(out)
    status, _, err = render(cli, ws, out)
    assert status == 2 and "was not written by journeyops render" in err
    assert files_in(out) == before


def test_a_page_that_is_not_ours_under_a_page_name_is_refused(
    cli: Cli, ws: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("<p>my own home page</p>")
    status, _, err = render(cli, ws, out)
    assert status == 2 and "was not written by journeyops render" in err
    assert (out / "index.html").read_text() == "<p>my own home page</p>"


def generated(folder: Path, journeys: int) -> Path:
    folder.mkdir()
    (folder / "journeyops.yaml").write_text("version: 1\nname: Many journeys\n")
    for n in range(journeys):
        steps = "".join(
            f"      - id: s{k}\n        name: Step {k}\n        emotion: {k % 5 - 2}\n"
            for k in range(6)
        )
        (folder / f"j{n:03}.yaml").write_text(
            f"kind: journey\nid: j{n:03}\ntitle: Journey {n}\n"
            f"stages:\n  - id: only\n    name: Only\n    steps:\n{steps}"
        )
    return folder


def children_of(pid: int) -> list[int]:
    try:
        listed = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(child) for child in listed.split()]


def running(pid: int) -> bool:
    """Alive and not a zombie waiting to be reaped by whoever adopted it."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0] != "Z"
    except OSError:
        return False


def test_a_render_killed_with_sigkill_is_finished_by_the_next_one(cli: Cli, tmp_path: Path) -> None:
    """A real `kill -9` while the pages of 400 journeys are being written (by this process
    and a forked copy, which must stop too), then a render that must finish the job."""
    ws = generated(tmp_path / "ws", 400)
    out, clean = tmp_path / "site", tmp_path / "clean"
    command = [sys.executable, "-m", "journeyops", "render", str(ws), "-o", str(out)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [*command, "--no-diagrams", "--no-cache"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    copies: list[int] = []
    while process.poll() is None and time.monotonic() < deadline:
        journeys = out / "journeys"
        if journeys.is_dir() and len(list(journeys.glob("*.html"))) >= 20:
            copies = children_of(process.pid)
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(0.001)
    assert process.wait() == -signal.SIGKILL, "the render finished before it was killed"
    at_kill = set(files_in(out))
    if page_writer._cores() >= 2:
        assert copies, "the render had no forked copy to stop"
    # A copy finishes the page it is on, sees that it is alone, and stops.
    deadline = time.monotonic() + 30
    while any(running(pid) for pid in copies) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not any(running(pid) for pid in copies), "a forked copy outlived the render"
    # Each copy wrote at most the page it was on (and left its temporary file).
    assert len(set(files_in(out)) - at_kill) <= 2 * len(copies)
    manifest = json.loads((out / MANIFEST).read_text())
    assert (
        manifest["complete"] is False and len(manifest["files"]) == 2 * 400 + 7
    )  # maps, SVGs, lists, search, style
    left = files_in(out)
    assert 20 <= len([p for p in left if p.endswith(".html")]) < 404
    status, _, err = render(cli, ws, out)
    assert status == 0, err
    render(cli, ws, clean)
    assert files_in(out) == files_in(clean)
    assert json.loads((out / MANIFEST).read_text())["complete"] is True
    assert not list(out.rglob("*.tmp"))
