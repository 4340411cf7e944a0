"""The Mermaid bridge without a browser: the emotion mapping, the escaping, the round trip of
every exported diagram, and reading diagrams that journeyops did not write.
(test_mermaid_browser.py reads the same diagrams with Mermaid's own parser.)"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeyops.authoring.mermaid_export import journey_to_mermaid
from journeyops.authoring.mermaid_import import Imported, mermaid_to_journey
from journeyops.authoring.mermaid_parse import MermaidError, parse_mermaid
from journeyops.authoring.mermaid_text import emotion_of, escape, score_of, unescape
from journeyops.load.sources import DiskSource, MemorySource
from journeyops.load.workspace import load_workspace
from journeyops.model.config import EmotionScale
from journeyops.model.journey import Journey
from journeyops.model.persona import Persona
from journeyops.model.workspace import Workspace
from tests.conftest import ROOT

FIXTURES = Path(__file__).parent / "mermaid"
HOSTILE = FIXTURES / "hostile"
WORKSPACES = [ROOT / "examples" / "northwind", HOSTILE]
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def loaded(folder: Path) -> Workspace:
    return load_workspace(DiskSource(folder)).workspace


def exported(workspace: Workspace, journey_id: str) -> str:
    personas = {pid: p.model for pid, p in workspace.personas.items()}
    journey = workspace.journeys[journey_id].model
    return journey_to_mermaid(journey, personas, workspace.config.taxonomy.emotion)


def imported(workspace: Workspace, text: str, journey_id: str | None = None) -> Imported:
    personas = {pid: p.model for pid, p in workspace.personas.items()}
    return mermaid_to_journey(text, workspace.config.taxonomy.emotion, personas, journey_id)


def journey_of(text: str, config: bytes = b"version: 1\nname: t\n") -> Journey:
    """The one journey in a file's text, loaded as validate loads it (no problems allowed)."""
    result = load_workspace(MemorySource({"journeyops.yaml": config, "j.yaml": text.encode()}))
    assert result.problems == []
    (journey,) = result.workspace.journeys.values()
    return journey.model


# -- the emotion mapping ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("low", "high", "scores"),
    [
        (-2, 2, [1, 2, 3, 4, 5]),  # the default scale is Mermaid's, shifted
        (1, 5, [1, 2, 3, 4, 5]),
        (0, 1, [1, 5]),
        (-1, 1, [1, 3, 5]),
        # 1 + (e - 1) * 4/9: 1, 1.44, 1.89, 2.33, 2.78, 3.22, 3.67, 4.11, 4.56, 5
        (1, 10, [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]),
        # halves round up: 1 + (e + 3) * 4/6 for e = -3..3 is 1, 1.67, 2.33, 3, 3.67, 4.33, 5
        (-3, 3, [1, 2, 2, 3, 4, 4, 5]),
        # 1 + e * 4/8: 1.5 and 3.5 and 4.5 go up
        (0, 8, [1, 2, 2, 3, 3, 4, 4, 5, 5]),
    ],
)
def test_emotion_maps_linearly_onto_1_to_5_rounding_halves_up(
    low: int, high: int, scores: list[int]
) -> None:
    assert [score_of(e, low, high) for e in range(low, high + 1)] == scores


@pytest.mark.parametrize(("low", "high"), [(-2, 2), (0, 1), (-1, 1), (0, 3), (1, 5), (10, 14)])
def test_a_scale_of_at_most_five_values_comes_back_exactly(low: int, high: int) -> None:
    for emotion in range(low, high + 1):
        assert emotion_of(score_of(emotion, low, high), low, high) == emotion


def test_scores_map_back_linearly_onto_a_wider_scale() -> None:
    # -10 + (s - 1) * 20/4
    assert [emotion_of(s, -10, 10) for s in range(1, 6)] == [-10, -5, 0, 5, 10]
    # 1 + (s - 1) * 9/4 = 1, 3.25, 5.5, 7.75, 10
    assert [emotion_of(s, 1, 10) for s in range(1, 6)] == [1, 3, 6, 8, 10]
    # -3 + (s - 1) * 6/4 = -3, -1.5, 0, 1.5, 3 and -1 + (s - 1) / 2: halves round up
    assert [emotion_of(s, -3, 3) for s in range(1, 6)] == [-3, -1, 0, 2, 3]
    assert [emotion_of(s, -1, 1) for s in range(1, 6)] == [-1, 0, 0, 1, 1]


def test_an_emotion_outside_the_scale_is_drawn_at_its_end() -> None:
    assert (score_of(-7, -2, 2), score_of(9, -2, 2)) == (1, 5)


# -- escaping -----------------------------------------------------------------------------


@given(st.text())
def test_escaped_text_reads_back_exactly_and_holds_nothing_the_grammar_acts_on(text: str) -> None:
    for actor in (False, True):
        coded = escape(text, actor=actor, task=True)
        assert unescape(coded) == re.sub("[\ud800-\udfff]", "\ufffd", text)
        plain = re.sub(r"#\d+;", "", coded)
        assert not set(plain) & set("#:;%<>\n\r"), coded
        assert not re.search("[\x00-\x1f\x7f-\x9f\u2028\u2029]", plain)
        assert coded == coded.strip()  # the lexer would drop or keep it
        assert not (actor and "," in plain)


def test_a_task_that_starts_like_a_keyword_has_its_first_letter_coded() -> None:
    assert escape("Journey planning", task=True) == "#74;ourney planning"
    assert escape("title deed", task=True) == "#116;itle deed"
    assert escape("Journeys", task=True) == "Journeys"  # `journey\b` does not match
    assert escape("title deed") == "title deed"  # a section's name follows `section `


def test_codes_mermaid_knows_are_decoded_and_others_kept() -> None:
    assert unescape("a#58;b #quot;c#quot; #nosuch; #55296; #99999999;") == (
        'a:b "c" #nosuch; \ufffd \ufffd'
    )


# -- export, then import: the same journey ------------------------------------------------


@pytest.mark.parametrize("folder", WORKSPACES, ids=lambda p: p.name)
def test_every_exported_journey_imports_as_the_same_stages_and_steps(folder: Path) -> None:
    workspace = loaded(folder)
    config = (folder / "journeyops.yaml").read_bytes()
    for journey_id, located in workspace.journeys.items():
        original = located.model
        back = imported(workspace, exported(workspace, journey_id))
        assert back.warnings == []
        # The file (and the plan that shows it) holds every control or bidi character escaped.
        assert not UNSAFE.search(back.text.replace("\n", ""))
        again = journey_of(back.text, config)
        assert (again.id, again.title, again.personas) == (
            original.id,
            original.title,
            original.personas,
        )
        assert [(s.id, s.name) for s in again.stages] == [(s.id, s.name) for s in original.stages]
        assert [(s.id, s.name, s.emotion) for _, _, s in again.steps()] == [
            (s.id, s.name, s.emotion) for _, _, s in original.steps()
        ]


# Names made of what the grammar acts on, and anything else (no surrogates: no file holds one).
NAMES = st.lists(
    st.sampled_from(["##[", *"#;:%,<>{}&ﬂ°¶ß \n\t\r\x1b\u2028\u202e"])
    | st.characters(exclude_categories=["Cs"]),
    min_size=1,
    max_size=12,
).map("".join)


def synthetic_journey(names: list[str], personas: list[str]) -> Journey:
    steps = [{"id": f"s{i}", "name": n, "emotion": i % 11} for i, n in enumerate(names)]
    stage = {"id": "stage", "name": names[0], "steps": steps}
    return Journey.model_validate(
        {"kind": "journey", "id": "j", "title": names[-1], "personas": personas, "stages": [stage]}
    )


@settings(deadline=None, max_examples=50)  # each example loads a workspace
@given(st.lists(NAMES, min_size=1, max_size=6), st.lists(NAMES, max_size=3))
def test_any_names_come_back_from_a_diagram(names: list[str], actor_names: list[str]) -> None:
    personas = {
        f"p{i}": Persona(kind="persona", id=f"p{i}", name=n) for i, n in enumerate(actor_names)
    }
    scale = EmotionScale(min=0, max=10)
    journey = synthetic_journey(names, list(personas))
    text = journey_to_mermaid(journey, personas, scale)
    back = mermaid_to_journey(text, scale, personas)
    assert back.warnings == [] or len(set(actor_names)) < len(actor_names)  # a shared name
    assert "##[" not in back.text
    assert not UNSAFE.search(back.text.replace("\n", ""))
    again = journey_of(back.text, b"version: 1\nname: t\ntaxonomy: {emotion: {min: 0, max: 10}}\n")
    assert (again.title, again.stages[0].name) == (journey.title, journey.stages[0].name)
    assert [(s.id, s.name, s.emotion) for _, _, s in again.steps()] == [
        (s.id, s.name, s.emotion) for _, _, s in journey.steps()
    ]


def test_the_hostile_export_is_as_reviewed(golden: Callable[[str, str], None]) -> None:
    golden("mermaid/hostile.mmd", exported(loaded(HOSTILE), "hostile"))


def test_a_score_edited_in_mermaid_wins_over_the_exported_emotion() -> None:
    workspace = loaded(HOSTILE)  # emotion 0..10
    text = exported(workspace, "hostile")
    # `two-lines` had emotion 4 (score 3); `no-emotion` none (score 3); make them 5 and 1.
    text = re.sub(r"(three: )3:", r"\g<1>5:", text)
    text = text.replace("No emotion here: 3:", "No emotion here: 1:")
    steps = {s.id: s for _, _, s in journey_of(imported(workspace, text).text).steps()}
    assert (steps["two-lines"].emotion, steps["no-emotion"].emotion) == (10, 0)
    assert (steps["percent"].emotion, steps["placeholders"].emotion) == (6, 9)  # unedited


# -- diagrams journeyops did not write ---------------------------------------------------


def test_a_hand_written_diagram_becomes_a_journey(golden: Callable[[str, str], None]) -> None:
    workspace = loaded(HOSTILE)
    result = imported(workspace, (FIXTURES / "hand-written.mmd").read_text(encoding="utf-8"))
    golden("mermaid/hand-written.yaml", result.text)
    assert result.warnings == [
        "`accDescr` is not imported (a journey has no place for it)",
        "no persona `Cat` in the workspace: create it (id `cat`) or change the journey's "
        "`personas`",
    ]
    journey = journey_of(result.text)
    assert journey.personas == ["maya", "sam", "cat"]  # by name, by id, missing
    assert [s.id for _, _, s in journey.steps()] == [
        "make-tea",
        "go-upstairs",
        "go-upstairs-2",
        "step-4",
        "do-work",
    ]


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ("", 1, 1, "starts with `journey`"),
        ("graph TD\n  a --> b\n", 1, 1, "starts with `journey`"),
        ("journey\n  section A\n  Make tea: 9: Me\n", 3, 11, "from 1 to 5, not `9`"),
        ("journey\n  Make tea: 2.5\n", 2, 11, "not `2.5`"),
        ("journey\n  Make tea\n", 2, 3, "needs `: score`"),
        ("journey\n  title A; B\n", 2, 10, "does not expect `;`"),
        ("journey\n  section A: B\n", 2, 12, "does not expect `: B`"),
    ],
)
def test_what_mermaid_would_refuse_is_an_error_at_its_position(
    text: str, line: int, column: int, message: str
) -> None:
    with pytest.raises(MermaidError) as raised:
        parse_mermaid(text)
    assert (raised.value.line, raised.value.column) == (line, column)
    assert message in raised.value.message


def test_comments_and_entity_codes_are_read_as_mermaid_reads_them() -> None:
    diagram = parse_mermaid(
        "%% a comment\njourney\n  title A #58; B # a comment\n  section S#35;1\n"
        "    Pay #59; go: 3: Ann#44; B, C # trailing\n"
    )
    assert diagram.title == "A : B"
    assert [s.name for s in diagram.sections] == ["S#1"]
    (task,) = diagram.sections[0].tasks
    assert (task.name, task.score, task.actors) == ("Pay ; go", 3, ["Ann, B", "C"])
