"""`journeyops diff` of a pull request, in a real git repository: a reorder, a rename, an
added opportunity that takes the lead, rank moves, and the findings the change introduces
and fixes; the path as an argument; and the exit status `--fail-on` asks for."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, git

Cli = Callable[..., tuple[int, str, str]]
NORTHWIND = ROOT / "examples" / "northwind"
TYPO = "open-account/verify-identiti"  # a step that does not exist: an error in the base


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """northwind on `main`, in a subfolder, with one broken step reference."""
    workspace = tmp_path / "cx"
    shutil.copytree(NORTHWIND, workspace)
    edit(
        workspace / "opportunities" / "onboarding.yaml",
        "steps: [verify-identity/photo-of-id, open-account/verify-identity]",
        f"steps: [verify-identity/photo-of-id, {TYPO}]",
    )
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    return workspace


def pull_request(workspace: Path) -> None:
    """Retitle a journey, lift a step's emotion, add a pain, swap two steps, fix the broken
    reference and raise the opportunity's reach, rename an insight (one reference to it is
    left behind), move a persona to another file, add an opportunity that ranks first."""
    journey = workspace / "journeys" / "open-account.yaml"
    edit(journey, "title: Open a current account", "title: Open an account")
    edit(journey, "emotion: -2", "emotion: -1")
    edit(
        journey,
        "        pains:\n          - id: photo-rejected",
        "        pains:\n          - id: glare\n            text: Glare on the card\n"
        "            severity: high\n          - id: photo-rejected",
    )
    text = journey.read_text()
    receive = text.index("      - id: receive-card")
    set_up = text.index("      - id: set-up-app")
    end = text.index("\n  - id:", set_up) if "\n  - id:" in text[set_up:] else len(text)
    text = text[:receive] + text[set_up:end].rstrip("\n") + "\n" + text[receive:set_up] + text[end:]
    journey.write_text(text.replace("insights: [app-setup-drop-off]", "insights: [setup-drop-off]"))
    onboarding = workspace / "opportunities" / "onboarding.yaml"
    edit(onboarding, TYPO, "open-account/verify-identity")
    edit(onboarding, "reach: 14800", "reach: 99999")
    edit(workspace / "insights" / "analytics.yaml", "id: app-setup-drop-off", "id: setup-drop-off")
    (workspace / "personas" / "students.yaml").rename(workspace / "personas" / "learners.yaml")
    (workspace / "opportunities" / "glare.yaml").write_text(
        "kind: opportunity\nid: glare-hint\ntitle: Warn about glare before the photo\n"
        "owner: Identity and fraud team\nstatus: open\n"
        "steps: [open-account/verify-identity]\n"
        "scores: {reach: 200000, impact: 2, confidence: 0.8, effort: 1}\n"
    )


def as_json(cli: Cli, *args: str) -> tuple[int, Any]:
    status, out, err = cli("diff", *args, "--format", "json")
    assert out, err
    return status, json.loads(out)


def test_a_pull_request_in_every_format(cli: Cli, repo: Path, golden: Any) -> None:
    pull_request(repo)
    status, out, err = cli("diff", "main", str(repo))
    assert (status, err) == (0, "")
    golden("northwind.diff.txt", out)
    _, markdown, _ = cli("diff", "main", str(repo), "--format", "markdown")
    golden("northwind.diff.md", markdown)
    _, report = as_json(cli, "main", str(repo))
    golden("northwind.diff.json", json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    assert out.splitlines()[0] == (
        "Changes from main to working tree (6 files differ): 1 journey changed, "
        "1 persona moved, 1 insight renamed, 1 opportunity added (now #1), 1 changed, "
        "22 moved in the ranking, 1 new error, 1 fixed."
    )


def test_findings_are_at_their_line_in_the_head_and_fixed_ones_in_the_base(
    cli: Cli, repo: Path
) -> None:
    pull_request(repo)
    _, report = as_json(cli, "main", str(repo))
    [new] = report["findings"]["introduced"]
    lines = (repo / "opportunities" / "onboarding.yaml").read_text().splitlines()
    assert (new["rule"], new["file"]) == ("JO105", "opportunities/onboarding.yaml")
    assert "evidence: [app-setup-drop-off]" in lines[new["line"] - 1]
    [fixed] = report["findings"]["fixed"]
    assert (
        fixed["file"] == "opportunities/onboarding.yaml" and "verify-identiti'" in fixed["message"]
    )
    insight = next(d for d in report["documents"] if d["kind"] == "insight")
    assert (insight["change"], insight["id"], insight["before_id"]) == (
        "renamed",
        "setup-drop-off",
        "app-setup-drop-off",
    )
    assert insight["referenced_by"] == [
        "opportunity prefill-from-credit-file (opportunities/onboarding.yaml)"
    ]


def test_removing_a_persona_still_referenced_says_so_with_the_new_errors(
    cli: Cli, repo: Path
) -> None:
    (repo / "personas" / "retirees.yaml").unlink()
    status, out, _ = cli("diff", "main", str(repo))
    assert status == 0
    persona = out[out.index("Personas\n") :]
    assert persona.startswith(
        'Personas\n  - retiree-rosa "Rosa, the loyal branch customer" (personas/retirees.yaml)\n'
        "      still referenced by 17: insight address-change-multiple-channels"
    )
    status, report = as_json(cli, "main", str(repo), "--fail-on", "new-errors")
    assert status == 1
    errors = report["findings"]["introduced"]
    assert len(errors) == 17 and {e["message"] for e in errors} == {
        "unknown persona 'retiree-rosa'"
    }
    assert report["summary"].endswith(
        "1 persona removed, 17 new errors, 1 moved in the ranking"
    ) or ("17 new errors" in report["summary"])


@pytest.mark.parametrize(
    ("fail_on", "change", "status"),
    [
        ([], "error", 0),
        (["--fail-on", "changes"], "none", 0),
        (["--exit-code"], "title", 1),
        (["--fail-on", "changes"], "title", 1),
        (["--fail-on", "new-errors"], "title", 0),
        (["--fail-on", "new-errors"], "warning", 0),
        (["--fail-on", "new-warnings"], "warning", 1),
        (["--fail-on", "new-errors"], "error", 1),
    ],
)
def test_fail_on_says_what_fails(
    cli: Cli, repo: Path, fail_on: list[str], change: str, status: int
) -> None:
    journey = repo / "journeys" / "open-account.yaml"
    if change == "title":
        edit(journey, "title: Open a current account", "title: Open an account")
    elif change == "warning":  # JO301: a journey without an owner
        text = journey.read_text()
        owner = next(line for line in text.splitlines() if line.startswith("owner:"))
        journey.write_text(text.replace(owner + "\n", "", 1))
    elif change == "error":
        edit(journey, "insights: [app-setup-drop-off]", "insights: [no-such-insight]")
    assert cli("diff", "main", str(repo), *fail_on)[0] == status


def test_the_path_is_an_argument_and_a_name_that_is_both_is_refused(cli: Cli, repo: Path) -> None:
    edit(repo / "journeys" / "open-account.yaml", "emotion: -2", "emotion: -1")
    top = repo.parent
    by_argument = cli("diff", "main", "cx", "--format", "json", cwd=top)
    assert by_argument == cli("diff", "main", "-w", "cx", "--format", "json", cwd=top)
    assert json.loads(by_argument[1])["head"] == "working tree"
    git(top, "commit", "-qam", "second")
    status, report = as_json(cli, "main~1", "main", str(repo))
    assert (status, report["head"]) == (0, "main")
    git(top, "branch", "cx")  # `cx` is now a branch and the folder
    status, out, err = cli("diff", "main~1", "cx", cwd=top)
    assert (status, out) == (2, "")
    assert "'cx' is both a revision and a file or folder" in err and "./cx" in err
    assert cli("diff", "main~1", "./cx", "--format", "json", cwd=top)[0] == 0
    # With -w, as before, a second argument is the head.
    status, out, _ = cli("diff", "main~1", "cx", "-w", "cx", "--format", "json", cwd=top)
    assert (status, json.loads(out)["head"]) == (0, "cx")
    status, _, err = cli("diff", "main", "main", "cx", "-w", "cx", cwd=top)
    assert status == 2 and "give the workspace once" in err


def test_the_usage_line_names_the_arguments_plainly(cli: Cli) -> None:
    _, out, _ = cli("diff", "--help")
    assert "Usage: journeyops diff [OPTIONS] BASE [HEAD] [PATH]" in out


def test_a_model_the_base_does_not_define_is_said_not_shown_as_all_new(
    cli: Cli, repo: Path
) -> None:
    edit(repo / "journeyops.yaml", "    ice:\n", "    rice-2:\n      type: rice\n    ice:\n")
    status, out, _ = cli("diff", "main", str(repo), "--model", "rice-2")
    assert status == 0
    assert "Ranking (rice-2): the base does not define this model" in out
    assert "new" not in out.split("Ranking (rice-2)")[1]
    _, report = as_json(cli, "main", str(repo), "--model", "rice-2")
    assert (report["base_has_model"], report["ranking"]) == (False, [])


def test_top_keeps_the_moves_into_or_out_of_the_best_places(cli: Cli, repo: Path) -> None:
    pull_request(repo)
    _, report = as_json(cli, "main", str(repo), "--top", "1")
    assert [r["id"] for r in report["ranking"]] == ["glare-hint", "remove-activation-step"]
    assert report["ranking_left_out"] == 21
    status, _, err = cli("diff", "main", str(repo), "--top", "0")
    assert status == 2 and "0 is not a count" in err


def test_the_first_line_counts_one_file_as_one(cli: Cli, repo: Path) -> None:
    edit(repo / "journeys" / "open-account.yaml", "emotion: -2", "emotion: -1")
    _, out, _ = cli("diff", "main", str(repo))
    assert out.startswith(
        "Changes from main to working tree (1 file differs): 1 journey changed."
    ), out.splitlines()[0]
