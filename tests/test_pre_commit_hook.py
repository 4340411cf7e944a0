"""The hook in .pre-commit-hooks.yaml, run by pre-commit itself (`try-repo` installs this
checkout into pre-commit's own environment, as a user's `rev:` would)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, git

NORTHWIND = ROOT / "examples" / "northwind"
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """pre-commit's environments, built once for the module's runs."""
    return tmp_path_factory.mktemp("pre-commit-home")


def try_hook(
    repo: Path, home: Path, hook: str = "journeyops-validate"
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PRE_COMMIT_HOME": str(home)}
    environment.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [str(PRE_COMMIT), "try-repo", str(ROOT), hook, "--all-files"],
        cwd=repo,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def repository(tmp_path: Path, *, broken: bool = False) -> Path:
    repo = tmp_path / "journeys"
    shutil.copytree(NORTHWIND, repo, ignore=shutil.ignore_patterns(".journeyops-cache"))
    if broken:
        journey = next((repo / "journeys").glob("*.yaml"))
        text = journey.read_text(encoding="utf-8")
        journey.write_text(text.replace("personas: [", "personas: [no-such-persona, ", 1))
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "journeys")
    return repo


def test_the_hook_passes_a_clean_workspace(tmp_path: Path, home: Path) -> None:
    done = try_hook(repository(tmp_path), home)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "journeyops validate" in done.stdout and "Passed" in done.stdout


def test_the_hook_fails_a_broken_workspace_and_says_where(tmp_path: Path, home: Path) -> None:
    done = try_hook(repository(tmp_path, broken=True), home)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Failed" in done.stdout
    assert "JO101 unknown persona 'no-such-persona'" in done.stdout


def test_the_hook_skips_a_change_without_yaml(tmp_path: Path, home: Path) -> None:
    repo = tmp_path / "notes"
    repo.mkdir()
    (repo / "README.md").write_text("no journeys here\n")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "notes")
    done = try_hook(repo, home)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Skipped" in done.stdout


def test_the_fmt_hook_rewrites_a_badly_indented_file_and_fails_then_passes(
    tmp_path: Path, home: Path
) -> None:
    repo = repository(tmp_path)
    persona = repo / "personas" / "students.yaml"
    canonical = persona.read_text(encoding="utf-8")
    badly = canonical.replace("\n  ", "\n      ").replace("\n    ", "\n        ")
    assert badly != canonical
    persona.write_text(badly, encoding="utf-8")
    git(repo, "add", ".")
    done = try_hook(repo, home, "journeyops-fmt")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "journeyops fmt" in done.stdout and "Failed" in done.stdout
    assert "files were modified by this hook" in done.stdout
    assert "formatted personas/students.yaml" in done.stdout
    assert persona.read_text(encoding="utf-8") == canonical
    git(repo, "add", ".")
    again = try_hook(repo, home, "journeyops-fmt")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Passed" in again.stdout
