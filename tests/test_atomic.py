"""Report and schema files are replaced atomically and keep sensible permissions."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from journeyops.core.atomic import write_atomic


def test_new_file_gets_the_umask_mode_not_a_private_one(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "report.sarif"
    write_atomic(target, "x\n")
    assert target.read_text() == "x\n"
    assert stat.S_IMODE(target.stat().st_mode) & 0o044 == 0o044  # group and others can read


def test_existing_mode_is_kept_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old\n")
    target.chmod(0o640)
    write_atomic(target, "new\n")
    assert target.read_text() == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


def test_a_failed_write_leaves_the_old_file_untouched(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old\n")
    with pytest.raises(UnicodeEncodeError):
        write_atomic(target, "bad \udc80 surrogate")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]
