"""`journeyops diff` between git revisions and the working tree, on a real repository."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from journeyops.load.revisions import load_both
from journeyops.load.sources import DiskSource
from journeyops.load.workspace import load_workspace, scan
from journeyops.report.diff_formats import REPORTERS, DiffFormat
from journeyops.report.diff_words import SEPARATOR
from tests.conftest import ROOT, git

Cli = Callable[..., tuple[int, str, str]]
NORTHWIND = ROOT / "examples" / "northwind"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """northwind committed on `main`, in a subfolder of the repository."""
    workspace = tmp_path / "cx"
    shutil.copytree(NORTHWIND, workspace)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    return workspace


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


def make_review_change(workspace: Path) -> None:
    """The change a pull request might make: retitle a journey, lift a step's emotion, add a
    pain, raise an opportunity's reach, move a persona to another file, drop an insight."""
    journey = workspace / "journeys" / "open-account.yaml"
    edit(journey, "title: Open a current account", "title: Open an account")
    edit(journey, "emotion: -2", "emotion: -1")
    edit(
        journey,
        "        pains:\n          - id: photo-rejected",
        "        pains:\n          - id: glare\n            text: Glare on the card\n"
        "          - id: photo-rejected",
    )
    edit(workspace / "opportunities" / "onboarding.yaml", "reach: 14800", "reach: 99999")
    (workspace / "personas" / "students.yaml").rename(workspace / "personas" / "learners.yaml")


def run_json(cli: Cli, workspace: Path, *args: str) -> tuple[int, Any]:
    status, out, err = cli("diff", *args, "--workspace", str(workspace), "--format", "json")
    assert out, err
    return status, json.loads(out)


def test_a_review_change_is_described_field_by_field(cli: Cli, repo: Path) -> None:
    """(The goldens of a fuller review change are test_diff_review.py's.)"""
    make_review_change(repo)
    status, out, err = cli("diff", "main", "--workspace", str(repo))
    assert (status, err) == (0, "")
    words = SEPARATOR.join(["Open an account", "Verify", "Verify identity"])
    assert f"{words}: emotion -2 -> -1 (better)" in out
    _, report = run_json(cli, repo, "main")
    changes = {(d["kind"], d["id"]): d for d in report["documents"]}
    assert changes["persona", "student-sam"]["change"] == "moved"
    assert changes["persona", "student-sam"]["before_file"] == "personas/students.yaml"
    paths = {f["path"]: f for f in changes["journey", "open-account"]["fields"]}
    assert paths["stages[verify].steps[verify-identity].emotion"]["after"] == -1
    assert paths["stages[verify].steps[verify-identity].pains[glare]"]["change"] == "added"
    top = report["ranking"][0]
    assert (top["id"], top["movement"], top["after_rank"]) == ("live-capture-guidance", "up", 1)


def test_two_revisions_compare_without_the_working_tree(cli: Cli, repo: Path) -> None:
    make_review_change(repo)
    git(repo.parent, "add", "-A")
    git(repo.parent, "commit", "-q", "-m", "review")
    (repo / "journeys" / "open-account.yaml").write_text("kind: [broken\n")  # not committed
    status, report = run_json(cli, repo, "main~1", "main")
    assert status == 0
    assert (report["base"], report["head"]) == ("main~1", "main")
    assert {d["id"] for d in report["documents"]} == {
        "open-account",
        "student-sam",
        "live-capture-guidance",
    }


def test_nothing_changed_is_empty_and_exit_code_tells_change_apart(cli: Cli, repo: Path) -> None:
    status, report = run_json(cli, repo, "main", "--exit-code")
    assert (status, report["documents"], report["ranking"], report["files_changed"]) == (
        0,
        [],
        [],
        0,
    )
    edit(repo / "personas" / "students.yaml", "weight:", "weight: 2\n# was:")
    status, out, _ = cli("diff", "main", "--workspace", str(repo), "--exit-code")
    assert status == 1
    assert "student-sam" in out


def test_new_and_removed_documents_and_their_effect_on_the_ranking(cli: Cli, repo: Path) -> None:
    opportunities = repo / "opportunities" / "cards.yaml"
    text = opportunities.read_text()
    first = text.index("\n---\n")
    opportunities.write_text(text[first + 5 :])  # the first opportunity of the file is gone
    (repo / "opportunities" / "new.yaml").write_text(
        "kind: opportunity\nid: brand-new\ntitle: Brand new idea\n"
        "steps: [open-account/verify-identity]\n"
        "scores: {reach: 100000, impact: 3, confidence: 1, effort: 0.5}\n"
    )
    _, report = run_json(cli, repo, "main")
    added = [d for d in report["documents"] if d["change"] == "added"]
    removed = [d for d in report["documents"] if d["change"] == "removed"]
    assert [d["id"] for d in added] == ["brand-new"]
    assert len(removed) == 1 and removed[0]["kind"] == "opportunity"
    movement = {r["id"]: r for r in report["ranking"]}
    assert movement["brand-new"]["movement"] == "new" and movement["brand-new"]["after_rank"] == 1
    assert movement[removed[0]["id"]]["movement"] == "dropped"


def test_a_file_broken_in_the_head_is_unloadable_not_removed(cli: Cli, repo: Path) -> None:
    (repo / "personas" / "students.yaml").write_text("kind: persona\nid: student-sam\nnmae: Sam\n")
    status, out, err = cli("diff", "main", "--workspace", str(repo))
    assert status == 0  # content never fails a diff unless --fail-on says so
    assert "! student-sam" in out and "removed" not in out
    assert "personas/students.yaml:3:1: error JO010 unknown field 'nmae'" in err
    assert "+ personas/students.yaml:3:1: error JO010 unknown field 'nmae'" in out  # new
    status, _, _ = cli("diff", "main", str(repo), "--fail-on", "new-errors")
    assert status == 1


def test_a_workspace_that_did_not_exist_at_the_base_is_all_added(cli: Cli, repo: Path) -> None:
    git(repo.parent, "commit", "-q", "--allow-empty", "-m", "second")
    newer = repo.parent / "newer"
    shutil.copytree(NORTHWIND, newer)
    _, report = run_json(cli, newer, "main")
    assert report["documents"] and {d["change"] for d in report["documents"]} == {"added"}
    assert {r["movement"] for r in report["ranking"]} == {"new"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no-such-branch"], "unknown revision 'no-such-branch'"),
        (["main", "--model", "rise"], "did you mean 'rice'"),
    ],
)
def test_usage_problems_exit_2_with_a_message(
    cli: Cli, repo: Path, args: list[str], message: str
) -> None:
    status, out, err = cli("diff", *args, "--workspace", str(repo))
    assert (status, out) == (2, "")
    assert message in err


def test_a_broken_config_in_the_base_names_the_version(cli: Cli, repo: Path) -> None:
    (repo / "journeyops.yaml").write_text("version: 1\nname: [x\n")
    git(repo.parent, "commit", "-qam", "break config")
    (repo / "journeyops.yaml").write_text((NORTHWIND / "journeyops.yaml").read_text())
    status, _, err = cli("diff", "main", "--workspace", str(repo))
    assert status == 2
    # Reported as every command reports a broken journeyops.yaml, under git's name for it.
    assert err.startswith("main:journeyops.yaml:3:1: error JO011 YAML syntax error")
    assert "fix journeyops.yaml; nothing else was checked" in err


def test_outside_a_git_repository_is_a_usage_error(cli: Cli, tmp_path: Path) -> None:
    shutil.copytree(NORTHWIND, tmp_path / "ws")
    status, _, err = cli("diff", "main", "--workspace", str(tmp_path / "ws"))
    assert status == 2 and "git" in err


def test_sharing_unchanged_files_gives_what_loading_the_head_alone_gives(repo: Path) -> None:
    base = scan(DiskSource(NORTHWIND))
    make_review_change(repo)
    head = scan(DiskSource(repo))
    _, after, same = load_both(base, head, workers=1)
    alone = load_workspace(DiskSource(repo), workers=1).workspace
    assert "journeys/open-account.yaml" not in same and "journeys/move-house.yaml" in same

    def documents(docs: list[Any]) -> list[tuple[str, Any]]:
        return sorted(((d.file, d.model) for d in docs), key=lambda pair: (pair[0], pair[1].id))

    assert documents(after.workspace.documents) == documents(alone.documents)
    assert sorted(after.workspace.files) == sorted(alone.files)


def test_every_format_the_command_offers_has_a_renderer() -> None:
    assert list(DiffFormat) == list(REPORTERS)
