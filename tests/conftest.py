"""Shared test helpers: golden files with an update switch, and expectations in YAML comments.

Run `pytest --update-goldens` (or `make goldens`) after an intended output change, then review
the diff of tests/goldens/ like any other change.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from journeyops.cli import app
from journeyops.core.diagnostics import Diagnostic
from journeyops.load.sources import CONFIG_FILE, MemorySource

ROOT = Path(__file__).resolve().parent.parent
# Every file the site of tests/render/nasty has (its manifest aside): three journeys' maps and
# SVGs, the comparison of the future one with the current one, the lists, a persona, an
# opportunity and the search.
NASTY_SITE = [
    "compare/tricky-future.html",
    "index.html",
    "insights.html",
    "journeys.html",
    "journeys/parent.html",
    "journeys/parent.svg",
    "journeys/tricky-future.html",
    "journeys/tricky-future.svg",
    "journeys/tricky.html",
    "journeys/tricky.svg",
    "opportunities/fix-it.html",
    "personas/pat.html",
    "portfolio.html",
    "search-index.js",
    "search.js",
    "style.css",
]
GOLDENS = Path(__file__).resolve().parent / "goldens"
EXPECT = re.compile(rb"#\s*expect:\s*([A-Z0-9, ]+)")
DEFAULT_CONFIG = b"version: 1\nname: Test workspace\n"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens", action="store_true", help="Rewrite golden files from current output."
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    update = bool(request.config.getoption("--update-goldens"))

    def check(name: str, actual: str) -> None:
        path = GOLDENS / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            return
        assert path.is_file(), f"missing golden {name}: run pytest --update-goldens"
        assert actual == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"

    return check


def git(repo: Path, *args: str) -> None:
    """Run git in `repo` as a test author, failing the test when git fails."""
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def read_tree(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` as `{relative posix path: bytes}`."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def memory_workspace(files: dict[str, bytes], select: str | None = None) -> MemorySource:
    """A workspace from bytes; a default journeyops.yaml is added when the files have none,
    running only the rule `select` when given."""
    config = DEFAULT_CONFIG + (f"lint: {{select: [{select}]}}\n".encode() if select else b"")
    return MemorySource({CONFIG_FILE: config, **files})


def expectations(files: dict[str, bytes]) -> set[tuple[str, int, str]]:
    """`(file, line, rule)` for every `# expect: RULE[, RULE]` comment."""
    found = set()
    for name, data in files.items():
        for number, line in enumerate(data.split(b"\n"), start=1):
            match = EXPECT.search(line)
            if match:
                for rule in match.group(1).decode().replace(",", " ").split():
                    found.add((name, number, rule))
    return found


def observed(diagnostics: list[Diagnostic]) -> set[tuple[str, int, str]]:
    return {(d.file, d.span.line, d.rule) for d in diagnostics}


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Callable[..., tuple[int, str, str]]:
    """Run `journeyops ARGS` in-process: (exit status, stdout, stderr)."""

    # Output that wraps (rich tables) must not depend on the terminal the tests run in.
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("FORCE_COLOR", raising=False)

    def run(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        result = CliRunner().invoke(app, list(args), prog_name="journeyops")
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result.exit_code, result.stdout, result.stderr

    return run
