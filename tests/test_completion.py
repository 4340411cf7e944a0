"""Shell completion, as a shell asks for it: the installed `journeyops` run with click's
completion variables, in a subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import cast

import pytest
import typer

from journeyops.authoring.id_listing import listed_ids
from journeyops.cli.completion import journey_ids, opportunity_ids, rule_ids
from journeyops.rules import RULES
from tests.conftest import ROOT

Cli = Callable[..., tuple[int, str, str]]
JOURNEYOPS = Path(sys.executable).parent / "journeyops"


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("_JOURNEYOPS")}
    return {**env, "PYTHONPATH": str(ROOT), **extra}


def complete(words: str, cwd: Path) -> list[str]:
    """What bash gets for the last word of `words` (click's bash protocol: `type,value`
    lines)."""
    parts = words.split(" ")
    result = subprocess.run(
        [str(JOURNEYOPS)],
        env=_env(
            _JOURNEYOPS_COMPLETE="complete_bash", COMP_WORDS=words, COMP_CWORD=str(len(parts) - 1)
        ),
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert (result.returncode, result.stderr) == (0, "")
    return result.stdout.split()


@pytest.fixture
def workspace(cli: Cli, tmp_path: Path) -> Path:
    """init's workspace with a second opportunity and a second journey."""
    assert cli("init", str(tmp_path / "ws"))[0] == 0
    root = tmp_path / "ws"
    assert (
        cli("new", "opportunity", "add-wallet", "--step", "customer-lifecycle/use", cwd=root)[0]
        == 0
    )
    assert cli("new", "journey", "sign-up", "--parent", "customer-lifecycle/join")[0] == 0
    return root


def test_explain_completes_rule_ids_and_names(tmp_path: Path) -> None:
    assert complete("journeyops explain JO30", tmp_path) == ["JO301", "JO302", "JO303", "JO304"]
    assert complete("journeyops explain unused-", tmp_path) == [
        "unused-suppression",
        "unused-insight",
        "unused-persona",
    ]
    assert complete("journeyops explain ", tmp_path) == list(RULES)


def test_score_explain_completes_the_workspaces_opportunity_ids(workspace: Path) -> None:
    assert complete("journeyops score --explain ", workspace) == ["add-wallet", "ask-once"]
    assert complete("journeyops score --explain ad", workspace) == ["add-wallet"]
    # PATH given before the option: that workspace, from anywhere.
    words = f"journeyops score {workspace} --explain a"
    assert complete(words, workspace.parent) == ["add-wallet", "ask-once"]


def test_a_broken_workspace_completes_nothing(workspace: Path) -> None:
    (workspace / "journeyops.yaml").write_text("version: 2\nname: [\n")
    assert complete("journeyops score --explain ", workspace) == []
    assert complete("journeyops explain JO10", workspace)[0] == "JO101"  # rules still


def test_outside_a_workspace_no_ids(tmp_path: Path) -> None:
    assert complete("journeyops score --explain ", tmp_path) == []


def test_export_mermaid_completes_the_workspaces_journey_ids(workspace: Path) -> None:
    assert complete("journeyops export mermaid ", workspace) == ["customer-lifecycle", "sign-up"]
    assert complete("journeyops export mermaid si", workspace) == ["sign-up"]


def test_journey_ids_read_the_path_typed(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Called as typer calls it, with the arguments parsed so far."""
    monkeypatch.chdir(workspace)
    context = cast(typer.Context, _Params({}))
    assert journey_ids(context, "") == ["customer-lifecycle", "sign-up"]
    assert journey_ids(context, "s") == ["sign-up"]
    elsewhere = cast(typer.Context, _Params({"path": workspace / "journeys"}))
    monkeypatch.chdir(workspace.parent)
    assert journey_ids(elsewhere, "c") == ["customer-lifecycle"]
    assert opportunity_ids(elsewhere, "") == ["add-wallet", "ask-once"]
    unparsed = cast(typer.Context, _Params({"path": Path()}, ("--top", str(workspace))))
    assert journey_ids(unparsed, "") == ["customer-lifecycle", "sign-up"]
    assert journey_ids(cast(typer.Context, None), "") == []  # never raises


class _Params:
    """What a completer reads of click's context: the parsed and the unparsed arguments."""

    def __init__(self, params: dict[str, object], args: tuple[str, ...] = ()) -> None:
        self.params, self.args = params, list(args)


def test_rule_ids_come_with_their_summaries_for_zsh_and_fish() -> None:
    found = dict(rule_ids("JO10"))
    assert found["JO108"] == "'replaces' is not from a future to a current journey."
    assert all("`" not in summary for summary in found.values())


def test_the_id_scan_finds_what_the_loader_finds(tmp_path: Path) -> None:
    (tmp_path / "journeyops.yaml").write_text("version: 1\nname: T\nexclude: [drafts/**]\n")
    (tmp_path / "many.yaml").write_text(
        "kind: journey\nid: plain\ntitle: P\n---\n"
        "# a comment\nid: 'quoted'   # trailing comment\nkind: \"journey\"\ntitle: Q\n"
        "---\nkind: persona\nid: not-a-journey\nname: N\n"
        "---\nkind: journey\nid: Not_A_Slug\ntitle: X\n"
        "---\n{kind: journey, id: flow-style, title: F}\n"
        "---\nkind: journey\ntitle: nested\nstages:\n  - id: indented-is-not-the-id\n"
    )
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts/left-out.yaml").write_text("kind: journey\nid: excluded\ntitle: E\n")
    assert listed_ids(tmp_path, "journey") == ["plain", "quoted"]
    assert listed_ids(tmp_path, "persona") == ["not-a-journey"]
    assert listed_ids(tmp_path / "missing", "journey") == []


@pytest.mark.parametrize(
    ("shell", "marker"),
    [
        ("bash", "complete -o default -F _journeyops_completion journeyops"),
        ("zsh", "compdef _journeyops_completion journeyops"),
        ("fish", "complete --command journeyops"),
    ],
)
def test_show_completion_prints_the_script(cli: Cli, shell: str, marker: str) -> None:
    status, out, _ = cli("--show-completion", shell)
    assert status == 0
    assert marker in out
    assert "_JOURNEYOPS_COMPLETE=complete_" + shell in out


def test_show_completion_names_the_shells(cli: Cli) -> None:
    status, _, err = cli("--show-completion", "tcsh")
    assert status == 2
    assert "bash" in err and "fish" in err


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_bash_itself_completes_with_the_script(workspace: Path) -> None:
    """Source the printed script in bash and press Tab as bash does: call the function with
    COMP_WORDS and COMP_CWORD set and the command's name, then read COMPREPLY."""
    script = subprocess.run(
        [str(JOURNEYOPS), "--show-completion", "bash"],
        env=_env(),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    program = (
        script
        + "\nCOMP_WORDS=(journeyops score --explain a); COMP_CWORD=3\n"
        + "_journeyops_completion journeyops\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n"
    )
    path = os.pathsep.join([str(JOURNEYOPS.parent), os.environ.get("PATH", "")])
    result = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", program],
        env=_env(PATH=path),
        cwd=workspace,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.split() == ["add-wallet", "ask-once"]


def test_install_completion_writes_the_script_where_bash_reads_it(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / ".bashrc").write_text("# my settings\nexport KEEP=1\n")
    result = subprocess.run(
        [str(JOURNEYOPS), "--install-completion", "bash"],
        env=_env(HOME=str(home)),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0
    installed = home / ".bash_completions/journeyops.sh"
    assert f"installed in {installed}" in result.stdout
    assert "_journeyops_completion" in installed.read_text()
    bashrc = (home / ".bashrc").read_text()
    assert bashrc.startswith("# my settings\nexport KEEP=1\n")
    assert "source" in bashrc and ".bash_completions/journeyops.sh" in bashrc
