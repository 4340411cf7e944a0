"""`--changed-since REF` against a real git repository, with the workspace in a subfolder."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from journeyops.load.git_source import GitError, read_revision, resolve_revision
from tests.conftest import git

Cli = Callable[..., tuple[int, str, str]]
CONFIG = "version: 1\nname: X\nlint: {select: [JO1, JO301]}\n"
PERSONA = "kind: persona\nid: maya\nname: Maya\n"
JOURNEY = "kind: journey\nid: j\ntitle: J\nowner: Team\npersonas: [maya]\n"
OLD_PROBLEM = "kind: journey\nid: unowned\ntitle: Has had no owner for ages\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    workspace = tmp_path / "cx"
    workspace.mkdir()
    for name, text in {
        "journeyops.yaml": CONFIG,
        "personas.yaml": PERSONA,
        "j.yaml": JOURNEY,
        "old.yaml": OLD_PROBLEM,
    }.items():
        (workspace / name).write_text(text)
    (tmp_path / "README").write_text("not part of the workspace\n")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    return workspace


def report(cli: Cli, workspace: Path, *args: str) -> tuple[int, Any]:
    status, out, _ = cli(
        "validate", str(workspace), "--format", "json", "--changed-since", "main", *args
    )
    return status, json.loads(out)


def test_nothing_changed_reports_nothing_and_counts_what_it_left_out(cli: Cli, repo: Path) -> None:
    status, document = report(cli, repo)
    assert status == 0
    assert document["diagnostics"] == []
    assert document["summary"]["changed_since"] == {
        "revision": "main",
        "changed_files": 0,
        "in_unchanged_files": 0,
        "left_out": 1,
    }


def test_a_change_that_breaks_an_unchanged_file_is_still_reported(cli: Cli, repo: Path) -> None:
    (repo / "personas.yaml").write_text(PERSONA.replace("id: maya", "id: maya-b"))
    status, document = report(cli, repo)
    assert status == 1
    found = [(d["file"], d["rule"]) for d in document["diagnostics"]]
    assert found == [("j.yaml", "JO101")]
    scope = document["summary"]["changed_since"]
    assert (scope["changed_files"], scope["in_unchanged_files"], scope["left_out"]) == (1, 1, 1)


def test_findings_in_changed_and_new_files_are_reported(cli: Cli, repo: Path) -> None:
    (repo / "old.yaml").write_text(OLD_PROBLEM + "description: touched, so its finding shows\n")
    (repo / "new.yaml").write_text("kind: journey\nid: new\ntitle: New\npersonas: [nobody]\n")
    status, document = report(cli, repo)
    assert status == 1
    found = sorted((d["file"], d["rule"]) for d in document["diagnostics"])
    assert found == [("new.yaml", "JO101"), ("new.yaml", "JO301"), ("old.yaml", "JO301")]


def test_a_workspace_that_did_not_exist_at_the_revision_reports_everything(
    cli: Cli, tmp_path: Path
) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "README").write_text("x\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "before journeyops")
    (tmp_path / "journeyops.yaml").write_text(CONFIG)
    (tmp_path / "old.yaml").write_text(OLD_PROBLEM)
    status, document = report(cli, tmp_path)
    assert status == 0
    assert [d["rule"] for d in document["diagnostics"]] == ["JO301"]


def test_read_revision_reads_the_committed_bytes_not_the_working_tree(repo: Path) -> None:
    (repo / "j.yaml").write_text("changed in the working tree\n")
    source = read_revision(repo, resolve_revision(repo, "main"))
    assert source.read("j.yaml") == JOURNEY.encode()
    assert sorted(source.yaml_files()) == ["j.yaml", "journeyops.yaml", "old.yaml", "personas.yaml"]


def test_unknown_revision_and_no_repository_are_usage_errors(
    cli: Cli, repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    status, _, err = cli("validate", str(repo), "--changed-since", "no-such-branch")
    assert status == 2
    assert "no-such-branch" in err
    outside = tmp_path_factory.mktemp("plain")
    (outside / "journeyops.yaml").write_text(CONFIG)
    status, _, err = cli("validate", str(outside), "--changed-since", "main")
    assert status == 2
    assert "--changed-since main" in err
    with pytest.raises(GitError):
        resolve_revision(outside, "main")
