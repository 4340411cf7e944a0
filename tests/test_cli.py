"""The command line: exit codes, messages, path handling, and help on every command."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from journeyops import __version__
from tests.conftest import ROOT

Cli = Callable[..., tuple[int, str, str]]


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_no_workspace_exits_2_and_says_how_to_create_one(cli: Cli, tmp_path: Path) -> None:
    status, out, err = cli("validate", str(tmp_path))
    assert status == 2
    assert "no journeyops.yaml found" in err
    assert "version: 1" in err
    assert out == ""


def test_missing_path_exits_2(cli: Cli, tmp_path: Path) -> None:
    status, _, err = cli("validate", str(tmp_path / "nope"))
    assert status == 2
    assert "does not exist" in err


def test_invalid_config_exits_2_with_position(cli: Cli, tmp_path: Path) -> None:
    write(tmp_path, {"journeyops.yaml": "version: 1\nname: X\npublish: {}\n"})
    status, out, _ = cli("validate", str(tmp_path), "--format", "json")
    assert status == 2
    [diagnostic] = json.loads(out)["diagnostics"]
    assert diagnostic["rule"] == "JO011"
    assert (diagnostic["file"], diagnostic["line"], diagnostic["column"]) == (
        "journeyops.yaml",
        3,
        1,
    )
    assert "unknown field 'publish'" in diagnostic["message"]


def test_root_is_found_by_walking_up(cli: Cli, tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "journeyops.yaml": "version: 1\nname: X\nlint: {select: [JO0, JO1]}\n",
            "a/b/p.yaml": "kind: persona\nid: p\nname: P\n",
        },
    )
    status, out, _ = cli("validate", cwd=tmp_path / "a" / "b")
    assert status == 0
    assert "1 file checked, no problems found" in out


def test_path_inside_workspace_limits_the_report_but_not_the_references(
    cli: Cli, tmp_path: Path
) -> None:
    write(
        tmp_path,
        {
            "journeyops.yaml": "version: 1\nname: X\nlint: {select: [JO0, JO1]}\n",
            "personas/p.yaml": "kind: persona\nid: p\nname: P\n",
            "journeys/j.yaml": "kind: journey\nid: j\ntitle: J\npersonas: [p]\n",
            "other/bad.yaml": "kind: persona\nid: p2\n",
        },
    )
    status, out, _ = cli("validate", str(tmp_path / "journeys"), "--format", "json")
    assert status == 0
    assert json.loads(out)["summary"] == {
        "errors": 0,
        "warnings": 0,
        "files_checked": 1,
        "files_with_findings": 0,
    }
    status, _, _ = cli("validate", str(tmp_path))
    assert status == 1


def test_text_paths_are_relative_to_the_current_folder(cli: Cli, tmp_path: Path) -> None:
    write(
        tmp_path,
        {"ws/journeyops.yaml": "version: 1\nname: X\n", "ws/p.yaml": "kind: persona\nid: p\n"},
    )
    status, out, _ = cli("validate", "ws", cwd=tmp_path)
    assert status == 1
    assert out.startswith("ws/p.yaml:1:1: error JO010 missing required field 'name'\n")


def test_user_text_is_not_treated_as_markup(cli: Cli, tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "journeyops.yaml": "version: 1\nname: X\n",
            "p.yaml": "kind: persona\nid: p\nname: N\n'[red]x': 1\n",
        },
    )
    _, out, _ = cli("validate", str(tmp_path))
    assert "unknown field '[red]x'" in out
    # outside the current folder: absolute
    assert any(line.startswith(f"{tmp_path}/p.yaml:4:1: error") for line in out.splitlines())


def test_version(cli: Cli) -> None:
    status, out, _ = cli("--version")
    assert (status, out) == (0, f"journeyops {__version__}\n")


@pytest.mark.parametrize("command", ["validate", "schema", "rules", "explain"])
def test_every_command_has_help_with_an_example(cli: Cli, command: str) -> None:
    status, out, _ = cli(command, "--help")
    assert status == 0
    assert "Example" in out
    assert f"journeyops {command}" in out


def test_unknown_format_is_a_usage_error(cli: Cli) -> None:
    status, _, err = cli("validate", "--format", "xml")
    assert status == 2
    assert "xml" in err


def test_console_script_runs_as_a_module() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "journeyops", "validate", "examples/northwind"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "18 files checked, no problems found" in done.stdout


def test_unreadable_file_is_reported_and_the_others_still_checked(cli: Cli, tmp_path: Path) -> None:
    write(
        tmp_path, {"journeyops.yaml": "version: 1\nname: X\n", "p.yaml": "kind: persona\nid: p\n"}
    )
    (tmp_path / "gone.yaml").symlink_to(tmp_path / "missing.yaml")
    status, out, _ = cli("validate", str(tmp_path), "--format", "json")
    assert status == 1
    found = [(d["rule"], d["file"], d["line"]) for d in json.loads(out)["diagnostics"]]
    assert found == [("JO014", "gone.yaml", 1), ("JO010", "p.yaml", 1)]


def test_yaml_11_directive_is_refused(cli: Cli, tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "journeyops.yaml": "version: 1\nname: X\n",
            "p.yaml": "%YAML 1.1\n---\nkind: persona\nid: p\nname: yes\n",
        },
    )
    status, out, _ = cli("validate", str(tmp_path), "--format", "json")
    assert status == 1
    [diagnostic] = json.loads(out)["diagnostics"]
    assert (diagnostic["rule"], diagnostic["line"]) == ("JO013", 1)


@pytest.mark.parametrize(
    ("config", "line"),
    [
        ("", 1),
        ("- version: 1\n", 1),
        ("version: 1\nname: [\n", 3),
        ("name: X\n", 1),
        ("version: 1\nname: X\ntaxonomy: {emotion: {min: 2, max: -2}}\n", 3),
    ],
)
def test_bad_config_files_exit_2_with_a_position(
    cli: Cli, tmp_path: Path, config: str, line: int
) -> None:
    write(tmp_path, {"journeyops.yaml": config})
    status, out, _ = cli("validate", str(tmp_path), "--format", "json")
    assert status == 2
    diagnostics = json.loads(out)["diagnostics"]
    assert diagnostics and {d["rule"] for d in diagnostics} == {"JO011"}
    assert diagnostics[0]["line"] == line
