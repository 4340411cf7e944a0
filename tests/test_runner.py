"""The one command runner: the same report of a broken journeyops.yaml from every command,
file problems never dropped, and output only through the injected streams."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from journeyops.cli import app
from journeyops.cli.environment import Environment
from tests.conftest import ROOT, git

Cli = Callable[..., tuple[int, str, str]]
MISTAKE = ROOT / "tests" / "workspaces" / "config-mistake"
NORTHWIND = ROOT / "examples" / "northwind"
# The one report of the unknown key at line 4 of the fixture's journeyops.yaml.
CONFIG_REPORT = (
    "journeyops.yaml:4:1: error JO011 unknown field 'scorring'\n"
    "  hint: did you mean 'scoring'?\n"
    "\n"
    "✗ fix journeyops.yaml; nothing else was checked\n"
)


# Every command that reads journeyops.yaml, run in the fixture (validate is the reference).
READING_CONFIG = [
    ["score", "."],
    ["render", ".", "--out", "../site", "--no-diagrams"],
    ["metrics", "."],
    ["rules", "."],
    ["diff", "main"],
]


@pytest.fixture
def mistake(tmp_path: Path) -> Path:
    """The fixture committed with a correct journeyops.yaml, then broken in the working
    tree, so that `diff` compares the commit with the broken working tree."""
    workspace = tmp_path / "ws"
    shutil.copytree(MISTAKE, workspace)
    broken = (workspace / "journeyops.yaml").read_text()
    (workspace / "journeyops.yaml").write_text(broken.replace("scorring", "scoring"))
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "good settings")
    (workspace / "journeyops.yaml").write_text(broken)
    return workspace


@pytest.mark.parametrize(
    "args",
    READING_CONFIG,
)
def test_every_command_reports_a_config_mistake_as_validate_does(
    cli: Cli, mistake: Path, args: list[str]
) -> None:
    status, out, err = cli("validate", ".", cwd=mistake)
    assert (status, out, err) == (2, CONFIG_REPORT, "")
    status, out, err = cli(*args, cwd=mistake)
    assert (status, out, err) == (2, "", CONFIG_REPORT)


# Mistakes beyond the schema: a `lint:` rule that does not exist, and a default scoring
# model that does not exist (each at its own line), and both at once.
SETTINGS_MISTAKES = {
    "lint": "lint:\n  rules:\n    JO999: off\n",
    "scoring": "scoring:\n  default: ricey\n",
    "both": "lint:\n  rules:\n    JO999: off\nscoring:\n  default: ricey\n",
}


@pytest.mark.parametrize("mistake_kind", sorted(SETTINGS_MISTAKES))
@pytest.mark.parametrize(
    "args",
    READING_CONFIG,
)
def test_every_command_reports_a_settings_mistake_as_validate_does(
    cli: Cli, mistake: Path, args: list[str], mistake_kind: str
) -> None:
    settings = "version: 1\nname: A mistake in the settings\n" + SETTINGS_MISTAKES[mistake_kind]
    (mistake / "journeyops.yaml").write_text(settings)
    status, report, err = cli("validate", ".", cwd=mistake)
    assert (status, err) == (2, "")
    assert report.count("JO011") == (2 if mistake_kind == "both" else 1)
    assert ("JO999" in report) == (mistake_kind != "scoring")
    assert ("ricey" in report) == (mistake_kind != "lint")
    status, out, err = cli(*args, cwd=mistake)
    assert (status, out, err) == (2, "", report)


def test_a_broken_config_in_a_base_revision_is_shown_under_gits_name(
    cli: Cli, mistake: Path
) -> None:
    git(mistake.parent, "commit", "-qam", "break the settings")
    (mistake / "journeyops.yaml").write_text("version: 1\nname: Fixed\n")
    status, out, err = cli("diff", "main", cwd=mistake)
    assert (status, out) == (2, "")
    assert err == "main:" + CONFIG_REPORT


def test_metrics_reports_a_file_that_does_not_load_and_lists_the_rest(
    cli: Cli, tmp_path: Path
) -> None:
    workspace = tmp_path / "ws"
    shutil.copytree(NORTHWIND, workspace)
    (workspace / "journeys" / "broken.yaml").write_text("kind: journey\nid: [broken\n")
    status, out, err = cli("metrics", str(workspace), "--format", "json", cwd=tmp_path)
    assert status == 1
    assert err.startswith("ws/journeys/broken.yaml:3:1: error JO001 YAML syntax error")
    assert '"relationship-nps"' in out  # the files that load are still measured


def test_metrics_with_every_file_loading_exits_0_with_nothing_on_stderr(cli: Cli) -> None:
    status, out, err = cli("metrics", str(NORTHWIND))
    assert (status, err) == (0, "")
    assert "relationship-nps" in out


def injected(cwd: Path, **environ: str) -> tuple[Environment, io.StringIO, io.StringIO]:
    out, err = io.StringIO(), io.StringIO()
    return Environment(out, err, {"COLUMNS": "100", **environ}, cwd), out, err


def invoke(args: list[str], environment: Environment) -> tuple[int, str]:
    """Run the app with `environment` as main() gives it; what reaches sys.stdout."""
    result = CliRunner().invoke(app, args, obj=environment, prog_name="journeyops")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # Findings are shown relative to the environment's folder, not the process's.
        (["validate", "northwind", "--today", "2026-11-24"], "\nnorthwind/journeys/"),
        (["score", "northwind", "--top", "1"], "rice"),
        (["metrics", "northwind"], "relationship-nps"),
        (["diff", "main", "--workspace", "northwind"], "no changes"),
        (["rules"], "JO011"),
        (["explain", "JO404"], "unaddressed-high-pain"),
        (["schema", "--out", "schemas", "--check"], "schemas in"),
    ],
)
def test_commands_write_to_the_injected_streams_only(
    tmp_path: Path, args: list[str], expected: str
) -> None:
    shutil.copytree(NORTHWIND, tmp_path / "northwind")
    (tmp_path / "northwind" / "journeys" / "extra.yaml").write_text("kind: journey\nid: x\n")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    environment, out, err = injected(tmp_path)
    named = [str(tmp_path / a) if a in ("northwind", "schemas") else a for a in args]
    status, leaked = invoke(named, environment)
    assert status in (0, 1), err.getvalue()
    assert leaked == ""
    assert expected in "\n" + out.getvalue()


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "northwind", "-f", "json", "-o", "report.json"],
        ["score", "northwind", "--top", "1"],
        ["metrics", "northwind"],
        ["rules", "northwind"],
    ],
)
def test_relative_paths_are_read_from_the_environments_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    """The process runs elsewhere (as a language server or a test would): PATH, and a
    report file, are the environment's folder's."""
    shutil.copytree(NORTHWIND, tmp_path / "here" / "northwind")
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    environment, out, err = injected(tmp_path / "here")
    status, leaked = invoke(args, environment)
    assert (status, leaked) == (0, ""), err.getvalue()
    if "-o" in args:
        report = json.loads((tmp_path / "here" / "report.json").read_text(encoding="utf-8"))
        assert report["summary"]["files_checked"] > 5
        assert not (tmp_path / "elsewhere" / "report.json").exists()
    else:
        assert out.getvalue()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("isatty", "environ", "expected"),
    [
        (False, {}, None),
        (True, {}, "standard"),
        (True, {"TERM": "xterm-256color"}, "256"),
        (True, {"COLORTERM": "truecolor"}, "truecolor"),
        (True, {"NO_COLOR": "1"}, None),
        (False, {"FORCE_COLOR": "1"}, "standard"),
        (True, {"FORCE_COLOR": ""}, None),
        (True, {"TERM": "dumb"}, None),
    ],
)
def test_the_colour_of_standard_output_is_what_rich_would_choose(
    isatty: bool, environ: dict[str, str], expected: str | None
) -> None:
    from rich.console import Console  # noqa: PLC0415

    environment = Environment(io.StringIO(), io.StringIO(), environ, Path(), stdout_isatty=isatty)
    assert environment.color_system == expected
    probe = Console(file=_Terminal() if isatty else io.StringIO(), _environ=environ)
    rich_choice = probe.color_system if probe.is_terminal and not probe.no_color else None
    assert environment.color_system == rich_choice


def test_colour_and_width_come_from_the_environment(tmp_path: Path) -> None:
    plain, out, _ = injected(tmp_path, COLUMNS="60")
    invoke(["score", str(NORTHWIND), "--top", "1"], plain)
    assert "\x1b[" not in out.getvalue()
    coloured, out, _ = injected(tmp_path, FORCE_COLOR="1")
    invoke(["score", str(NORTHWIND), "--top", "1"], coloured)
    assert "\x1b[1m" in out.getvalue()
    listings = {}
    for columns in (60, 120):
        sized, out, _ = injected(tmp_path, COLUMNS=str(columns))
        invoke(["rules"], sized)
        listings[columns] = out.getvalue().splitlines()
        assert columns - 10 < max(len(line) for line in listings[columns]) <= columns
    assert len(listings[60]) > len(listings[120])  # the summaries wrap more when narrow
