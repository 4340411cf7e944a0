"""`journeyops export mermaid` and `journeyops import mermaid` on disk: a plan first, files
written only with --write, atomically, never over an existing journey or file, and every file
written passes `validate`."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import read_tree
from tests.test_mermaid import FIXTURES, HOSTILE

Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A copy of the hostile workspace: three personas, one journey, emotions 0..10."""
    target = tmp_path / "ws"
    shutil.copytree(HOSTILE, target)
    return target


def test_export_writes_the_diagram_to_stdout_or_a_file(
    cli: Cli, workspace: Path, golden: Callable[[str, str], None]
) -> None:
    status, out, _ = cli("export", "mermaid", "hostile", str(workspace))
    assert status == 0
    golden("mermaid/hostile.mmd", out)
    status, out, _ = cli("export", "mermaid", "hostile", "-o", "hostile.mmd", cwd=workspace)
    assert (status, out) == (0, "")
    golden("mermaid/hostile.mmd", (workspace / "hostile.mmd").read_text(encoding="utf-8"))


def test_export_of_an_unknown_journey_suggests_one(cli: Cli, workspace: Path) -> None:
    status, out, err = cli("export", "mermaid", "hostil", str(workspace))
    assert (status, out) == (2, "")
    assert "no journey 'hostil' in the workspace: did you mean 'hostile'?" in err


def test_import_shows_a_plan_and_writes_nothing(cli: Cli, workspace: Path) -> None:
    before = read_tree(workspace)
    diagram = str(FIXTURES / "hand-written.mmd")
    status, out, err = cli("import", "mermaid", diagram, cwd=workspace)
    assert status == 0
    assert out.startswith(
        "would create journeys/my-working-day.yaml (journey my-working-day: 2 stages, 5 steps):"
    )
    assert "kind: journey\nid: my-working-day\n" in out
    assert out.endswith("Nothing written: run again with --write to create it.\n")
    assert "warning: no persona `Cat` in the workspace" in err
    assert read_tree(workspace) == before


def test_import_with_write_creates_a_valid_journey(cli: Cli, workspace: Path) -> None:
    diagram = str(FIXTURES / "hand-written.mmd")
    status, out, _ = cli("import", "mermaid", diagram, "--id", "day", "--write", cwd=workspace)
    assert (status, out) == (0, "created journeys/day.yaml (journey day: 2 stages, 5 steps)\n")
    assert (
        (workspace / "journeys/day.yaml")
        .read_text(encoding="utf-8")
        .startswith("# Imported from a Mermaid journey diagram")
    )
    status, out, _ = cli("validate", str(workspace), "--format", "json")
    assert status == 1
    errors = [d for d in _diagnostics(out) if d["file"].endswith("day.yaml")]
    # Only the persona the diagram names and the workspace lacks: the warning said so.
    assert [(d["rule"], d["severity"]) for d in errors if d["severity"] == "error"] == [
        ("JO101", "error")
    ]
    assert "cat" in next(d["message"] for d in errors if d["rule"] == "JO101")


def test_an_exported_hostile_journey_imports_as_a_valid_copy(cli: Cli, workspace: Path) -> None:
    cli("export", "mermaid", "hostile", "-o", "hostile.mmd", cwd=workspace)
    status, _, err = cli(
        "import", "mermaid", "hostile.mmd", "--id", "copy", "--write", cwd=workspace
    )
    assert (status, err) == (0, "")
    status, out, _ = cli("validate", str(workspace), "--format", "json")
    assert status == 0
    copy = [d for d in _diagnostics(out) if d["file"] == "journeys/copy.yaml"]
    assert [d for d in copy if d["severity"] == "error"] == []
    # The steps' own warnings (no touchpoints, an empty stage) are the original's.
    steps = {(d["rule"], d["message"]) for d in copy if d["rule"].startswith("JO4")}
    assert len(steps) == 15
    assert steps == {
        (d["rule"], d["message"])
        for d in _diagnostics(out)
        if d["file"] == "journeys/hostile.yaml" and d["rule"].startswith("JO4")
    }


def test_import_refuses_an_existing_journey_or_file(cli: Cli, workspace: Path) -> None:
    cli("export", "mermaid", "hostile", "-o", "hostile.mmd", cwd=workspace)
    before = read_tree(workspace)
    status, out, err = cli("import", "mermaid", "hostile.mmd", "--write", cwd=workspace)
    assert (status, out) == (2, "")
    assert read_tree(workspace) == before
    assert "journey 'hostile' exists already, in journeys/hostile.yaml" in err
    (workspace / "journeys/other.yaml").write_text("not: a journey\n", encoding="utf-8")
    before = read_tree(workspace)
    status, _, err = cli(
        "import", "mermaid", "hostile.mmd", "--id", "other", "--write", cwd=workspace
    )
    assert status == 2
    assert "journeys/other.yaml exists already" in err
    assert read_tree(workspace) == before


@pytest.mark.parametrize(
    ("content", "arguments", "message"),
    [
        (b"journey\n  title T\n  section S\n    Pay: 7: Me\n", [], "diagram.mmd:4:8: a task's"),
        (b"journey\n  Pay: 3\n", ["--id", "Not An Id"], "--id Not An Id is not an id"),
        (b"journey\n  title caf\xe9\n", [], "diagram.mmd is not UTF-8 text"),
    ],
)
def test_import_of_a_bad_diagram_says_where_and_writes_nothing(
    cli: Cli, workspace: Path, content: bytes, arguments: list[str], message: str
) -> None:
    (workspace / "diagram.mmd").write_bytes(content)
    before = read_tree(workspace)
    status, out, err = cli("import", "mermaid", "diagram.mmd", "--write", *arguments, cwd=workspace)
    assert (status, out) == (2, "")
    assert message in err
    assert read_tree(workspace) == before


def _diagnostics(report: str) -> list[dict[str, str]]:
    import json  # noqa: PLC0415

    found: list[dict[str, str]] = json.loads(report)["diagnostics"]
    return found
