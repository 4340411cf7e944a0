"""`journeyops new`: skeletons that validate clean, placed and refused as they should be."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from journeyops.authoring.skeletons import scalar
from journeyops.load.sources import DiskSource
from journeyops.load.workspace import load_workspace
from journeyops.load.yaml_reader import read_yaml
from journeyops.model import Journey
from tests.conftest import read_tree

Cli = Callable[..., tuple[int, str, str]]

# A journey-level journey with a step, under the lifecycle journey that `init` writes, and a
# task-level one under it: the levels init's taxonomy has.
SIGN_UP = """\
kind: journey
id: sign-up
title: Sign up
owner: Onboarding
level: journey
parent: customer-lifecycle/join
reviewed: {today}
personas: [new-customer]
stages:
  - id: apply
    name: Apply
    steps:
      - id: enter-details
        name: Enter details
        touchpoints: [mobile app]
"""
CHECK_ADDRESS = SIGN_UP.replace("id: sign-up", "id: check-address").replace(
    "level: journey\nparent: customer-lifecycle/join", "level: task\nparent: sign-up/enter-details"
)


@pytest.fixture
def workspace(cli: Cli, tmp_path: Path) -> Path:
    """`journeyops init`, plus the two journeys above; the current folder."""
    assert cli("init", str(tmp_path))[0] == 0
    text = (tmp_path / "journeys/customer-lifecycle.yaml").read_text()
    today = next(line.split()[1] for line in text.splitlines() if line.startswith("reviewed"))
    (tmp_path / "journeys/sign-up.yaml").write_text(SIGN_UP.format(today=today))
    (tmp_path / "journeys/check-address.yaml").write_text(CHECK_ADDRESS.format(today=today))
    cli("validate", cwd=tmp_path)
    return tmp_path


def _clean(cli: Cli, folder: Path) -> None:
    status, out, err = cli("validate", str(folder), "--format", "json", "--no-cache")
    assert (status, json.loads(out)["diagnostics"], err) == (0, [], "")


def _journey(folder: Path, journey_id: str) -> Journey:
    loaded = load_workspace(DiskSource(folder)).workspace
    return loaded.journeys[journey_id].model


@pytest.mark.parametrize(
    ("args", "file"),
    [
        (["persona", "student-sam", "--title", "Sam, the student"], "personas/student-sam.yaml"),
        (["journey", "close-account"], "journeys/close-account.yaml"),
        (["insight", "exit-survey"], "insights/exit-survey.yaml"),
        (["insight", "seen", "--step", "sign-up/enter-details"], "insights/seen.yaml"),
        (
            ["opportunity", "one-tap", "--step", "sign-up/enter-details"],
            "opportunities/one-tap.yaml",
        ),
    ],
)
def test_each_kind_is_written_in_its_folder_and_validates_clean(
    cli: Cli, workspace: Path, args: list[str], file: str
) -> None:
    status, out, _ = cli("new", *args)
    assert (status, out) == (0, f"wrote {file}\n")
    _clean(cli, workspace)
    loaded = load_workspace(DiskSource(workspace)).workspace
    (document,) = [d for d in loaded.documents if d.file == file]
    assert (type(document.model).__name__.lower(), document.model.id) == (args[0], args[1])
    first = (workspace / file).read_text().splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../schemas/{args[0]}.schema.json"


def test_a_journey_gets_the_level_below_its_parent(cli: Cli, workspace: Path) -> None:
    cli("new", "journey", "top")
    cli("new", "journey", "middle", "--parent", "customer-lifecycle/use")
    cli("new", "journey", "bottom", "--parent", "sign-up/enter-details")
    levels = [_journey(workspace, j).level for j in ("top", "middle", "bottom")]
    assert levels == ["lifecycle", "journey", "task"]
    assert _journey(workspace, "bottom").parent == "sign-up/enter-details"
    _clean(cli, workspace)


def test_nothing_zooms_below_the_lowest_level(cli: Cli, workspace: Path) -> None:
    before = read_tree(workspace)
    status, _, err = cli("new", "journey", "deeper", "--parent", "check-address/enter-details")
    assert status == 2
    assert "'check-address' is at the lowest level, 'task'" in err
    assert "taxonomy.levels" in err
    assert read_tree(workspace) == before


def test_a_redesign_takes_the_place_of_the_journey_it_replaces(cli: Cli, workspace: Path) -> None:
    assert cli("new", "journey", "sign-up-v2", "--replaces", "sign-up")[0] == 0
    future = _journey(workspace, "sign-up-v2")
    assert (future.state, future.replaces) == ("future", "sign-up")
    assert (future.level, future.parent) == ("journey", "customer-lifecycle/join")
    _clean(cli, workspace)
    status, _, err = cli("new", "journey", "sign-up-v3", "--replaces", "sign-up")
    assert status == 2
    assert "already replaced by 'sign-up-v2'" in err
    status, _, err = cli("new", "journey", "v4", "--replaces", "sign-up-v2")
    assert (status, "is a future journey" in err) == (2, True)


def test_an_id_that_exists_is_refused_with_where_it_is_defined(cli: Cli, workspace: Path) -> None:
    before = read_tree(workspace)
    status, out, err = cli("new", "journey", "sign-up")
    assert (status, out) == (2, "")
    assert "journey 'sign-up' already exists: it is defined at journeys/sign-up.yaml:2:5" in err
    # Ids are unique per kind: a persona may share a journey's id.
    assert cli("new", "persona", "sign-up")[0] == 0
    assert read_tree(workspace).keys() - before.keys() == {"personas/sign-up.yaml"}


def test_an_id_in_a_document_with_errors_is_still_taken(cli: Cli, workspace: Path) -> None:
    (workspace / "journeys/broken.yaml").write_text("kind: journey\nid: broken\nowner: 3\n")
    status, _, err = cli("new", "journey", "broken", "--title", "B")
    assert status == 2
    assert "defined in journeys/broken.yaml (which has errors" in err


def test_a_file_that_exists_is_never_overwritten(cli: Cli, workspace: Path) -> None:
    (workspace / "personas/other.yaml").write_text("# not a document yet\n")
    status, _, err = cli("new", "persona", "other")
    assert status == 2
    assert "personas/other.yaml already exists" in err
    assert (workspace / "personas/other.yaml").read_text() == "# not a document yet\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["persona", "Not_An_Id"], "'Not_An_Id' is not an id"),
        (["persona", "p", "--parent", "sign-up/enter-details"], "--parent and --replaces are for"),
        (["journey", "j", "--step", "sign-up/enter-details"], "--step is for insights"),
        (["opportunity", "o"], "an opportunity improves at least one step"),
        (["opportunity", "o", "--step", "sign-up/enter-detail"], "did you mean 'enter-details'?"),
        (["opportunity", "o", "--step", "sign-upp/enter-details"], "no journey 'sign-upp'"),
        (["journey", "j", "--parent", "sign-up"], "not a step reference; write JOURNEY/STEP"),
        (["journey", "j", "--replaces", "nope"], "no journey 'nope'"),
    ],
)
def test_what_would_not_validate_is_refused(
    cli: Cli, workspace: Path, args: list[str], message: str
) -> None:
    before = read_tree(workspace)
    status, out, err = cli("new", *args)
    assert (status, out) == (2, "")
    assert message in err
    assert "Traceback" not in err
    assert read_tree(workspace) == before


def test_outside_a_workspace_it_says_to_run_init(cli: Cli, tmp_path: Path) -> None:
    status, _, err = cli("new", "persona", "p", cwd=tmp_path)
    assert status == 2
    assert "journeyops init" in err
    assert "later release" not in err


def test_the_suppression_says_when_it_can_go(cli: Cli, workspace: Path) -> None:
    """The skeleton's suppression keeps validate quiet only until the field is filled in."""
    cli("new", "persona", "student-sam")
    _clean(cli, workspace)
    journey = workspace / "journeys/sign-up.yaml"
    journey.write_text(journey.read_text().replace("[new-customer]", "[new-customer, student-sam]"))
    status, out, _ = cli("validate", "--format", "json", "--no-cache")
    assert status == 0  # a warning
    found = [(d["rule"], d["file"]) for d in json.loads(out)["diagnostics"]]
    assert found == [("JO015", "personas/student-sam.yaml")]


def test_no_suppression_for_a_rule_that_is_off(cli: Cli, workspace: Path) -> None:
    config = workspace / "journeyops.yaml"
    config.write_text(config.read_text().replace("ignore: []", "ignore: [unused-persona, JO3]"))
    cli("new", "persona", "quiet")
    cli("new", "journey", "quiet-journey")
    assert "disable" not in (workspace / "personas/quiet.yaml").read_text()
    journey = (workspace / "journeys/quiet-journey.yaml").read_text()
    assert "disable=journey-without-personas\n" in journey
    _clean(cli, workspace)


def test_a_file_the_workspace_would_not_read_is_refused(cli: Cli, workspace: Path) -> None:
    config = workspace / "journeyops.yaml"
    config.write_text(config.read_text().replace("exclude: []", "exclude: [insights/**]"))
    status, _, err = cli("new", "insight", "hidden")
    assert (status, "would not be read" in err) == (2, True)


def test_without_schemas_there_is_no_modeline(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "journeyops.yaml").write_text("version: 1\nname: Bare\n")
    assert cli("new", "persona", "bare", cwd=tmp_path)[0] == 0
    assert (tmp_path / "personas/bare.yaml").read_text().startswith("kind: persona\n")


@pytest.mark.parametrize(
    "text",
    [
        "Open an account",
        "Sam, the first-time account holder",
        "Café au lait",
        'Say "no": never',
        "yes",
        "Null",
        "3 steps",
        "- a list?",
        "a # not a comment",
        "trailing space ",
        "\u001b[31mred\u0007",
        "line\nbreak",
        "\u2028 and \ufeff",
    ],
)
def test_titles_read_back_exactly_as_given(text: str) -> None:
    parsed = read_yaml(f"title: {scalar(text)}\n".encode(), "t.yaml")
    assert parsed.problems == []
    assert parsed.documents[0].value == {"title": text}


def test_a_hostile_title_is_escaped_in_the_message_and_kept_in_the_file(
    cli: Cli, workspace: Path
) -> None:
    status, out, _ = cli("new", "journey", "hostile", "--title", "\u001b]0;pwned\u0007Title")
    assert (status, out) == (0, "wrote journeys/hostile.yaml\n")
    assert _journey(workspace, "hostile").title == "\u001b]0;pwned\u0007Title"
    assert "\u001b" not in (workspace / "journeys/hostile.yaml").read_text()
    _clean(cli, workspace)


def test_a_broken_config_is_reported_as_every_command_reports_it(cli: Cli, workspace: Path) -> None:
    (workspace / "journeyops.yaml").write_text("version: 1\nname: T\ntaxonomy: {levels: 3}\n")
    status, out, err = cli("new", "persona", "p")
    assert (status, out) == (2, "")
    assert "journeyops.yaml:3:" in err and "JO011" in err
    assert not (workspace / "personas/p.yaml").exists()


def test_workspace_option_adds_to_another_workspace(cli: Cli, workspace: Path) -> None:
    elsewhere = workspace.parent / "elsewhere"
    elsewhere.mkdir()
    status, out, _ = cli(
        "new", "persona", "far", "--workspace", str(workspace / "journeys"), cwd=elsewhere
    )
    # Neither folder holds the other: the path is shown in full, as every command shows it.
    assert (status, out) == (0, f"wrote {(workspace / 'personas/far.yaml').as_posix()}\n")
    assert (workspace / "personas/far.yaml").is_file()
