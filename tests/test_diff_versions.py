"""Which versions `diff` can compare, decided by the library: a base without
journeyops.yaml is a workspace that did not exist yet, a head without one is an error."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from journeyops.diff import MissingWorkspace, diff, has_workspace
from journeyops.load.sources import MemorySource
from journeyops.rules import check_documents, validation
from tests.conftest import ROOT, git, memory_workspace, read_tree

Cli = Callable[..., tuple[int, str, str]]
NORTHWIND = ROOT / "examples" / "northwind"


def test_a_base_without_journeyops_yaml_did_not_exist_yet() -> None:
    head = MemorySource(read_tree(NORTHWIND))
    before = MemorySource({"journeys/a.yaml": b"kind: journey\nid: a\n"})  # no settings
    assert not has_workspace(before) and has_workspace(head)
    result = diff(before, head, "base")
    assert result.documents and {c.change for c in result.documents} == {"added"}
    assert not any(c.kind == "config" for c in result.documents)


def test_a_head_without_journeyops_yaml_is_missing() -> None:
    with pytest.raises(MissingWorkspace, match="no workspace in head"):
        diff(memory_workspace({}), MemorySource({}), "base", "head")


def test_an_unreadable_journeyops_yaml_is_a_workspace_reported_broken() -> None:
    class Unreadable(MemorySource):
        def read(self, path: str) -> bytes:
            raise PermissionError(13, "Permission denied", path)

    assert has_workspace(Unreadable({"journeyops.yaml": b""}))


def test_the_command_says_which_revision_has_no_workspace(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "README").write_text("before the workspace\n")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "no workspace yet")
    shutil.copytree(NORTHWIND, tmp_path / "ws")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "workspace")
    status, out, err = cli("diff", "HEAD~1", cwd=tmp_path / "ws")
    assert (status, err) == (0, "")
    assert out.startswith("Changes from HEAD~1 to working tree")
    status, out, err = cli("diff", "HEAD", "HEAD~1", cwd=tmp_path / "ws")
    assert (status, out) == (2, "")
    assert err == f"error: there is no workspace at {tmp_path / 'ws'} in HEAD~1\n"


def test_a_renamed_opportunity_moves_in_the_ranking_rather_than_leaving_it() -> None:
    opportunity = (
        "kind: opportunity\nid: {id}\ntitle: Tell the customer why the photo failed\n"
        "description: Name the reason and how to fix it, in plain words.\nsteps: [j/t]\n"
        "scores: {{reach: {reach}, impact: 1, confidence: 1, effort: 1}}\n"
    )
    other = opportunity.replace("Tell", "Show").replace("why", "when")
    journey = (
        b"kind: journey\nid: j\ntitle: J\nstages: [{id: s, name: S, steps: [{id: t, name: T}]}]\n"
    )
    before = memory_workspace(
        {
            "j.yaml": journey,
            "o.yaml": opportunity.format(id="why", reach=1).encode(),
            "p.yaml": other.format(id="p", reach=5).encode(),
        }
    )
    after = memory_workspace(
        {
            "j.yaml": journey,
            "o.yaml": opportunity.format(id="reason", reach=9).encode(),
            "p.yaml": other.format(id="p", reach=5).encode(),
        }
    )
    result = diff(before, after, "base")
    [renamed] = [c for c in result.documents if c.kind == "opportunity"]
    assert (renamed.change, renamed.id, renamed.before_id) == ("renamed", "reason", "why")
    moved = {r.id: (r.movement, r.before_rank, r.after_rank) for r in result.ranking}
    assert moved == {"reason": ("up", 2, 1), "p": ("down", 1, 2)}


def test_files_with_the_same_bytes_in_both_versions_are_linted_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    linted: list[list[str]] = []
    real = check_documents

    def counting(rules: Any, workspace: Any, *args: Any) -> Any:
        linted.append(sorted({doc.file for doc in workspace.documents}))
        return real(rules, workspace, *args)

    monkeypatch.setattr(validation, "check_documents", counting)
    files = read_tree(NORTHWIND)
    head = dict(files)
    head["journeys/open-account.yaml"] = files["journeys/open-account.yaml"].replace(
        b"emotion: -2", b"emotion: -1", 1
    )
    diff(MemorySource(files), MemorySource(head), "base")
    documents = sorted({f for f in files if f.startswith(("journeys/", "opportunities/"))})
    assert linted[1] == ["journeys/open-account.yaml"]  # the head: only what differs
    assert set(documents) <= set(linted[0])  # the base: everything
    head["journeyops.yaml"] = files["journeyops.yaml"] + b"# another setting\n"
    linted.clear()
    diff(MemorySource(files), MemorySource(head), "base")
    assert set(documents) <= set(linted[1])  # other settings: the head is linted afresh
