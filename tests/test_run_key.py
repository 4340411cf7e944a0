"""The cache key follows the code: an edited package never serves what the old code found."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from journeyops.load import run_key as run_key_module
from journeyops.load.cache import FOLDER
from journeyops.load.run_key import PACKAGE, code_key, run_key, sources_digest
from tests.conftest import ROOT


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A copy of the package's own tree, as an editable install or a checkout holds it."""
    copy = tmp_path / "src" / "journeyops"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_the_cache_key_changes_when_a_source_file_of_the_package_changes(package: Path) -> None:
    before = sources_digest(package)
    assert before == sources_digest(PACKAGE)  # the same files give the same digest
    rule = package / "rules" / "content.py"
    rule.write_text(rule.read_text() + "\n# an edit\n")
    edited = sources_digest(package)
    assert edited != before
    template = next((package / "render" / "templates").glob("*.html"))
    template.write_text(template.read_text() + "\n")
    assert sources_digest(package) not in (before, edited)


def test_only_source_files_count(package: Path) -> None:
    before = sources_digest(package)
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"compiled")
    (package / "notes.orig").write_text("a backup")
    assert sources_digest(package) == before
    (package / "rules" / "content.py").rename(package / "rules" / "contents.py")
    assert sources_digest(package) != before  # a renamed module is another program


def test_run_keys_start_from_the_code(monkeypatch: pytest.MonkeyPatch) -> None:
    key = run_key(b"version: 1\n", "2026-11-24")
    assert key == run_key(b"version: 1\n", "2026-11-24")
    assert key != run_key(b"version: 1\n", "2026-11-25")
    assert run_key("ab", "c") != run_key("a", "bc")  # parts are delimited, not joined
    monkeypatch.setattr(run_key_module, "code_key", lambda: code_key() + "-edited")
    assert run_key(b"version: 1\n", "2026-11-24") != key


def test_an_edited_rule_never_serves_stale_findings(package: Path, tmp_path: Path) -> None:
    """Run by a copy of the package with a cache (replay and per-file results), then edit a
    rule's message in that copy: the next run reports the edited message."""
    workspace = tmp_path / "ws"
    shutil.copytree(ROOT / "examples" / "broken", workspace, ignore=shutil.ignore_patterns(FOLDER))
    env = {**os.environ, "PYTHONPATH": str(package.parent), "XDG_CACHE_HOME": str(tmp_path / "h")}
    env.pop("GITHUB_ACTIONS", None)
    # Python's own bytecode cache trusts a source of the same size and second: not tested here.
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    command = [sys.executable, "-m", "journeyops", "validate", str(workspace)]
    command += ["--today", "2026-11-24"]

    report = tmp_path / "report.json"

    def run(*extra: str) -> str:
        # Not run from the checkout: `-m` would import the package in the current folder.
        done = subprocess.run(
            [*command, *extra], capture_output=True, text=True, env=env, check=False, cwd=tmp_path
        )
        assert done.returncode == 1, done.stderr
        return report.read_text() if "-o" in extra else done.stdout

    def entries() -> dict[str, tuple[int, int]]:
        """Each cache entry's inode and modification: a run served from an entry leaves it."""
        found = (workspace / FOLDER).glob("*/*.pickle")
        return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in found}

    # Replayed, and (with a report file, which is never replayed) from per-file results.
    written = ("-f", "json", "-o", str(report))
    first = run()
    kept = entries()
    assert {"replay.pickle", "results.pickle"} <= kept.keys()
    assert "unknown persona 'first-time-buyr'" in first == run()
    assert entries() == kept  # the second run was the record, not a run that wrote it again
    assert "unknown persona 'first-time-buyr'" in run(*written) == run(*written)
    assert entries()["results.pickle"] == kept["results.pickle"]
    rule = package / "rules" / "references.py"
    rule.write_text(rule.read_text().replace('f"unknown {target}', 'f"no such {target}'))
    assert "no such persona 'first-time-buyr'" in run()
    assert "no such persona 'first-time-buyr'" in run(*written)
