"""`journeyops fmt` on a workspace on disk: what it rewrites, what it leaves alone, what it
says, and that a write that fails midway leaves the old file whole."""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

Cli = Callable[..., tuple[int, str, str]]

BAD = "kind: persona\nid: sam\nname: Sam\ngoals:\n    -   Save money   # why\n"
GOOD = "kind: persona\nid: sam\nname: Sam\ngoals:\n  - Save money # why\n"
BROKEN = "kind: persona\nid: [unclosed\n"


def workspace(root: Path, files: dict[str, str]) -> Path:
    files = {"journeyops.yaml": "version: 1\nname:    Test\n", **files}
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_fmt_rewrites_a_badly_laid_out_file_and_keeps_its_mode(cli: Cli, tmp_path: Path) -> None:
    root = workspace(tmp_path, {"personas/sam.yaml": BAD})
    (root / "personas/sam.yaml").chmod(0o640)
    status, out, err = cli("fmt", cwd=root)
    assert (status, err) == (0, "")
    assert (root / "personas/sam.yaml").read_text() == GOOD
    assert (root / "journeyops.yaml").read_text() == "version: 1\nname: Test\n"
    assert stat.S_IMODE((root / "personas/sam.yaml").stat().st_mode) == 0o640
    assert "formatted personas/sam.yaml\n" in out
    assert out.endswith("2 files formatted, 0 already formatted\n")
    assert sorted(p.name for p in (root / "personas").iterdir()) == ["sam.yaml"]  # no temp
    status, out, _ = cli("fmt", cwd=root)
    assert (status, out) == (0, "0 files formatted, 2 already formatted\n")


def test_check_lists_what_would_change_and_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    root = workspace(tmp_path, {"personas/sam.yaml": BAD, "personas/ok.yaml": GOOD})
    status, out, _ = cli("fmt", "--check", cwd=root)
    assert status == 1
    assert "would format personas/sam.yaml\n" in out and "ok.yaml" not in out
    assert (root / "personas/sam.yaml").read_text() == BAD
    (root / "journeyops.yaml").write_text("version: 1\nname: Test\n")
    (root / "personas/sam.yaml").write_text(GOOD)
    assert cli("fmt", "--check", cwd=root)[0] == 0


def test_diff_prints_a_unified_diff_and_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    root = workspace(tmp_path, {"personas/sam.yaml": BAD})
    status, out, _ = cli("fmt", "--diff", "personas/sam.yaml", cwd=root)
    assert status == 0
    assert out.startswith("--- a/personas/sam.yaml\n+++ b/personas/sam.yaml\n@@ ")
    assert "-    -   Save money   # why\n+  - Save money # why\n" in out
    assert (root / "personas/sam.yaml").read_text() == BAD
    assert cli("fmt", "--check", "--diff", cwd=root)[0] == 1


def test_a_file_that_does_not_parse_is_reported_and_left_untouched(
    cli: Cli, tmp_path: Path
) -> None:
    root = workspace(tmp_path, {"personas/bad.yaml": BROKEN, "personas/sam.yaml": BAD})
    before = (root / "personas/bad.yaml").stat()
    status, out, err = cli("fmt", cwd=root)
    assert status == 1
    assert "personas/bad.yaml:3:1: error JO001 YAML syntax error" in err
    assert (root / "personas/bad.yaml").read_text() == BROKEN
    assert (root / "personas/bad.yaml").stat().st_mtime_ns == before.st_mtime_ns
    assert (root / "personas/sam.yaml").read_text() == GOOD  # the others are formatted
    assert "1 problem(s) reported above" in out


def test_only_workspace_files_are_formatted(cli: Cli, tmp_path: Path) -> None:
    root = workspace(
        tmp_path,
        {
            "journeyops.yaml": "version: 1\nname: Test\nexclude: [drafts]\n",
            "personas/sam.yaml": BAD,
            "drafts/later.yaml": BAD,
            ".github/workflow.yaml": BAD,
        },
    )
    status, _, err = cli("fmt", "personas/sam.yaml", "drafts/later.yaml", cwd=root)
    assert status == 0
    assert "drafts/later.yaml: left alone, not a workspace file" in err
    assert (root / "drafts/later.yaml").read_text() == BAD
    assert cli("fmt", cwd=root)[0] == 0
    assert (root / ".github/workflow.yaml").read_text() == BAD
    assert (root / "personas/sam.yaml").read_text() == GOOD


def test_a_file_outside_any_workspace_is_skipped_a_folder_is_an_error(
    cli: Cli, tmp_path: Path
) -> None:
    root = workspace(tmp_path / "journeys", {"personas/sam.yaml": BAD})
    (tmp_path / "other.yaml").write_text(BAD)
    status, _, err = cli("fmt", "other.yaml", "journeys/personas/sam.yaml", cwd=tmp_path)
    assert status == 0
    assert "other.yaml: left alone, not inside a journeyops workspace" in err
    assert (tmp_path / "other.yaml").read_text() == BAD
    assert (root / "personas/sam.yaml").read_text() == GOOD
    (tmp_path / "elsewhere").mkdir()
    status, _, err = cli("fmt", "elsewhere", cwd=tmp_path)
    assert status == 2 and "no journeyops.yaml found" in err


def test_a_link_out_of_the_workspace_is_neither_followed_nor_replaced(
    cli: Cli, tmp_path: Path
) -> None:
    outside = tmp_path / "secret.yaml"
    outside.write_text(BAD)
    root = workspace(tmp_path / "ws", {})
    (root / "personas").mkdir()
    (root / "personas/link.yaml").symlink_to(outside)
    status, _, err = cli("fmt", cwd=root)
    assert status == 1
    assert "JO016" in err and "personas/link.yaml" in err
    assert outside.read_text() == BAD
    assert (root / "personas/link.yaml").is_symlink()


def test_json_lists_each_file_s_status(cli: Cli, tmp_path: Path) -> None:
    root = workspace(tmp_path, {"personas/sam.yaml": BAD, "personas/bad.yaml": BROKEN})
    status, out, err = cli("fmt", "--check", "--diff", "--format", "json", cwd=root)
    assert status == 1 and err == ""
    document = json.loads(out)
    statuses = {f["file"]: f["status"] for f in document["files"]}
    assert statuses == {
        "journeyops.yaml": "would-format",
        "personas/bad.yaml": "left-alone",
        "personas/sam.yaml": "would-format",
    }
    diff = next(f["diff"] for f in document["files"] if f["file"] == "personas/sam.yaml")
    assert "+  - Save money # why\n" in diff
    assert [(d["rule"], d["file"], d["line"]) for d in document["diagnostics"]] == [
        ("JO001", "personas/bad.yaml", 3)
    ]


def test_a_write_that_fails_midway_leaves_the_old_file_whole(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = workspace(tmp_path, {"personas/sam.yaml": BAD})
    (root / "journeyops.yaml").write_text("version: 1\nname: Test\n")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    status, _, err = cli("fmt", cwd=root)
    assert status == 2
    assert "cannot write personas/sam.yaml: No space left on device" in err
    assert (root / "personas/sam.yaml").read_text() == BAD
    assert sorted(p.name for p in (root / "personas").iterdir()) == ["sam.yaml"]


def test_file_names_are_shown_escaped(cli: Cli, tmp_path: Path) -> None:
    root = workspace(tmp_path, {"personas/\x1b[2Jsam.yaml": BAD})
    status, out, _ = cli("fmt", "--check", cwd=root)
    assert status == 1
    assert "\x1b" not in out and "would format personas/\\x1b[2Jsam.yaml" in out
