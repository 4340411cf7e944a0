"""Revisions and file names from git are hostile input: a revision that is an option in
disguise never reaches git as one, and a committed name or link never crashes a command or
leads out of the workspace. Every case runs against a real temporary repository."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from journeyops.core.sourcemap import MAX_FILE_BYTES
from journeyops.load.git_source import (
    GitError,
    _file_name,
    changed_files,
    read_revision,
    resolve_revision,
)
from journeyops.report.safe_text import unicode_safe
from tests.conftest import ROOT, git

Cli = Callable[..., tuple[int, str, str]]
CONFIG = "version: 1\nname: X\nlint: {select: [JO1]}\n"
PERSONA = "kind: persona\nid: maya\nname: Maya\n"
JOURNEY = "kind: journey\nid: j\ntitle: J\npersonas: [maya]\n"
# A broken persona reference (JO101) in a file whose name is not UTF-8.
ODD_NAME = os.fsdecode(b"caf\xe9.yaml")
ODD_JOURNEY = "kind: journey\nid: cafe\ntitle: Cafe\npersonas: [nobody]\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A workspace in a subfolder of a repository, committed on `main`."""
    workspace = tmp_path / "cx"
    workspace.mkdir()
    for name, text in {"journeyops.yaml": CONFIG, "p.yaml": PERSONA, "j.yaml": JOURNEY}.items():
        (workspace / name).write_text(text)
    commit(tmp_path, "base", "-b", "main")
    return workspace


def commit(folder: Path, message: str, *init: str) -> None:
    if init:
        git(folder, "init", "-q", *init)
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", message)


def validate_json(cli: Cli, workspace: Path, revision: str) -> tuple[int, Any, str]:
    status, out, err = cli(
        "validate", str(workspace), "--format", "json", f"--changed-since={revision}"
    )
    return status, json.loads(out) if out else None, err


def run_utf8_mode(*args: str) -> tuple[int, str, str]:
    """`journeyops ARGS` in its own process in UTF-8 mode (as under a C locale), where
    standard output can carry any file name; output decoded back the same way."""
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    env |= {"PYTHONUTF8": "1", "PYTHONPATH": str(ROOT), "COLUMNS": "80"}
    done = subprocess.run(
        [sys.executable, "-m", "journeyops", *args], capture_output=True, env=env, check=False
    )
    out, err = (o.decode("utf-8", "surrogateescape") for o in (done.stdout, done.stderr))
    return done.returncode, out, err


def named(file: str) -> str:
    """A file name as a report may show it: an undecodable byte carried as it is, or
    escaped (`caf\\xe9.yaml`, as `unicode_safe` writes it); both name the same file."""
    return unicode_safe(file)


def no_workflow_command(err: str) -> bool:
    return not any(line.lstrip().startswith("::") for line in err.splitlines())


# Item 1: option injection


def test_changed_since_an_option_creates_no_file_and_is_a_usage_error(
    cli: Cli, repo: Path, tmp_path: Path
) -> None:
    planted = tmp_path / "planted.txt"
    status, out, err = cli("validate", str(repo), f"--changed-since=--output={planted}")
    assert status == 2
    assert not planted.exists()
    assert out == ""
    assert "starts with '-'" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("position", ["base", "head"])
def test_diff_revisions_that_are_options_create_no_file(
    cli: Cli, repo: Path, tmp_path: Path, position: str
) -> None:
    planted = tmp_path / "planted.txt"
    revisions = [f"--output={planted}", "main"]
    if position == "head":
        revisions.reverse()
    # `--` so that the option-like text reaches journeyops as BASE/HEAD, as a script would.
    status, out, err = cli("diff", "--workspace", str(repo), "--", *revisions)
    assert status == 2
    assert not planted.exists()
    assert out == ""
    assert f"revision '--output={planted}' starts with '-'" in err


def test_a_branch_named_like_an_option_is_refused_bare_and_read_in_full(
    cli: Cli, repo: Path, tmp_path: Path
) -> None:
    planted = tmp_path / "planted.txt"
    branch = f"--output={planted}"
    git(repo, "update-ref", f"refs/heads/{branch}", "HEAD")  # git allows it as a full ref
    (repo / "p.yaml").write_text(PERSONA.replace("maya", "maya-b"))
    status, _, err = validate_json(cli, repo, branch)
    assert (status, planted.exists()) == (2, False)
    assert "refs/heads/NAME" in err
    status, document, _ = validate_json(cli, repo, f"refs/heads/{branch}")
    assert not planted.exists()
    assert status == 1
    assert [(d["file"], d["rule"]) for d in document["diagnostics"]] == [("j.yaml", "JO101")]
    assert document["summary"]["changed_since"]["revision"] == f"refs/heads/{branch}"


def test_revision_text_is_shown_escaped_never_as_markup_or_a_workflow_command(
    cli: Cli, repo: Path
) -> None:
    for revision in ("[/x]", "x\n::error file=README.md,line=1::INJECTED"):
        status, _, err = cli("validate", str(repo), "--changed-since", revision)
        assert status == 2
        assert "unknown revision" in err
        assert no_workflow_command(err)
    status, _, err = cli("diff", "--workspace", str(repo), "main", "x\n::warning::INJECTED")
    assert status == 2
    assert "x\\n::warning::INJECTED" in err
    assert no_workflow_command(err)
    status, _, err = cli("diff", "main", "--workspace", str(repo), "--model", "[/x]\n::x::")
    assert (status, "unknown model '[/x]\\n::x::'" in err) == (2, True)


def test_a_revision_that_names_no_commit_says_what_it_names(cli: Cli, repo: Path) -> None:
    for revision, says in {
        "main^{tree}": "names a tree, not a commit",
        "main:./j.yaml": "names a blob, not a commit",
        "no-such-branch": "no branch, tag or commit of that name",
        "main...HEAD": "is a range; give one commit",
        "": "an empty revision",
    }.items():
        status, _, err = cli("validate", str(repo), f"--changed-since={revision}")
        assert status == 2, revision
        assert says in " ".join(err.split()), err


def test_head_of_a_repository_without_commits(cli: Cli, tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    (tmp_path / "journeyops.yaml").write_text(CONFIG)
    status, _, err = cli("validate", str(tmp_path), "--changed-since", "HEAD")
    assert status == 2
    assert "has no commits yet" in err
    status, _, err = cli("diff", "HEAD", "--workspace", str(tmp_path))
    assert status == 2
    assert "has no commits yet" in err


def test_a_tag_resolves_to_its_commit_and_a_missing_git_is_a_usage_error(
    cli: Cli, repo: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    git(repo, "tag", "-a", "-m", "annotated", "v1")
    revision = resolve_revision(repo, "v1")
    assert (revision.name, revision.object_id) == ("v1", resolve_revision(repo, "main").object_id)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(GitError, match="git is not installed"):
        resolve_revision(repo, "main")
    status, _, err = cli("diff", "main", "--workspace", str(repo))
    assert status == 2
    assert "git is not installed" in err


# Item 9: names that are not UTF-8


@pytest.fixture
def odd_repo(repo: Path) -> Path:
    """`main` holds a journey in a file named with the bytes b"caf\\xe9.yaml"."""
    (repo / ODD_NAME).write_text(ODD_JOURNEY)
    commit(repo, "a file whose name is not UTF-8")
    assert os.fsencode(repo / ODD_NAME).endswith(b"/caf\xe9.yaml")
    assert (repo / ODD_NAME).is_file()
    return repo


def test_a_name_that_is_not_utf8_keeps_its_bytes_from_git(odd_repo: Path) -> None:
    source = read_revision(odd_repo, resolve_revision(odd_repo, "main"))
    assert ODD_NAME in list(source.yaml_files())
    assert source.read(ODD_NAME) == ODD_JOURNEY.encode()


def test_changed_since_reports_findings_in_a_file_whose_name_is_not_utf8(
    odd_repo: Path,
) -> None:
    (odd_repo / ODD_NAME).write_text(ODD_JOURNEY + "description: touched\n")
    untracked = os.fsdecode(b"na\xefve.yaml")
    (odd_repo / untracked).write_text(ODD_JOURNEY.replace("id: cafe", "id: naive"))
    assert changed_files(odd_repo, resolve_revision(odd_repo, "main")) == {ODD_NAME, untracked}
    status, out, err = run_utf8_mode(
        "validate", str(odd_repo), "--format", "json", "--changed-since", "main"
    )
    assert status == 1, err
    document = json.loads(out)
    found = sorted((named(d["file"]), d["rule"]) for d in document["diagnostics"])
    assert found == sorted([(named(ODD_NAME), "JO101"), (named(untracked), "JO101")])
    assert document["summary"]["changed_since"]["changed_files"] == 2


def test_diff_compares_a_file_whose_name_is_not_utf8(odd_repo: Path) -> None:
    (odd_repo / ODD_NAME).write_text(ODD_JOURNEY.replace("title: Cafe", "title: Coffee"))
    commit(odd_repo, "retitle")
    for revisions in (["main~1"], ["main~1", "main"]):
        status, out, err = run_utf8_mode(
            "diff", *revisions, "--workspace", str(odd_repo), "--format", "json"
        )
        assert status == 0, err
        changes = json.loads(out)["documents"]
        found = [(c["id"], c["change"], named(c["file"])) for c in changes]
        assert found == [("cafe", "changed", named(ODD_NAME))]
    # A problem in the head's file is reported against it.
    (odd_repo / ODD_NAME).write_text(ODD_JOURNEY + "colour: blue\n")
    status, out, err = run_utf8_mode("diff", "main", "--workspace", str(odd_repo))
    assert status == 0  # a diff fails on content only with --fail-on
    # However a report shows the odd byte (the reporters' business), it is this file.
    assert re.search(r"/caf\S{1,12}\.yaml:5:1: error JO010 unknown field 'colour'", err), err


# The rest of what a repository can hold


def test_a_committed_link_is_followed_only_inside_the_workspace(
    cli: Cli, repo: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("token: do-not-quote-me\n")
    (repo / "leak.yaml").symlink_to(secret)
    (repo / "up.yaml").symlink_to("../secret.yaml")
    (repo / "alias.yaml").symlink_to("p.yaml")
    commit(repo, "links")
    secret.unlink()  # whatever the revision's links say, git's content is all that is read
    source = read_revision(repo, resolve_revision(repo, "main"))
    assert source.read("alias.yaml") == PERSONA.encode()
    for link in ("leak.yaml", "up.yaml"):
        with pytest.raises(OSError, match="outside the workspace"):
            source.read(link)
    status, _, err = cli(
        "diff", "main~1", "main", "--workspace", str(repo), "--fail-on", "new-errors"
    )
    assert "outside the workspace" in err
    assert "do-not-quote-me" not in err
    assert status == 1


def test_a_link_inside_the_workspace_reads_at_the_revision_as_on_disk(cli: Cli, repo: Path) -> None:
    (repo / "alias.yaml").symlink_to("p.yaml")  # a duplicate persona id: one finding
    commit(repo, "alias")
    status, document, err = validate_json(cli, repo, "main")
    # The finding was there at the revision too, in an unchanged file: left out.
    assert (status, document["diagnostics"]) == (0, []), err
    assert document["summary"]["changed_since"]["left_out"] == 1


def test_a_committed_file_above_the_size_limit_is_not_fetched(repo: Path) -> None:
    (repo / "big.yaml").write_bytes(b"#" * MAX_FILE_BYTES)
    commit(repo, "big")
    source = read_revision(repo, resolve_revision(repo, "main"))
    with pytest.raises(OSError, match="reads files below 16 MiB"):
        source.read("big.yaml")
    assert "big.yaml" in list(source.yaml_files())


def test_a_name_the_system_cannot_hold_is_kept_readable_not_a_crash() -> None:
    # Where file names must be UTF-8 (Windows), the odd byte is shown escaped instead.
    assert _file_name(b"caf\xe9.yaml", errors="strict") == "caf\\xe9.yaml"
    assert _file_name(b"caf\xe9.yaml") == ODD_NAME
