"""One run tells the whole truth: every independent mistake at once, and no finding that a
part that could not be read might contradict. Through the real CLI, with and without the
cache."""

from __future__ import annotations

import datetime
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from journeyops.load.cache import Cache
from journeyops.load.sources import DiskSource
from journeyops.rules import RunOptions
from journeyops.rules.validation import ValidationResult, validate
from tests.conftest import ROOT, memory_workspace

Cli = Callable[..., tuple[int, str, str]]
CASE = ROOT / "tests" / "cases" / "JO010-schema" / "fail-with-other-mistakes"
FINDING = re.compile(
    r"^(?P<file>[^:\s]+):(?P<line>\d+):(?P<column>\d+): (?P<severity>\w+) (?P<rule>JO\d+) "
)
OPTIONS = RunOptions(today=datetime.date(2026, 11, 24))


@pytest.fixture(autouse=True)
def private_cache_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))


def findings(out: str) -> set[tuple[str, int, str]]:
    return {
        (m["file"], int(m["line"]), m["rule"])
        for m in (FINDING.match(line) for line in out.splitlines())
        if m
    }


def test_text_output_lists_three_independent_mistakes_in_one_run(cli: Cli, tmp_path: Path) -> None:
    """An unknown field on a step, a persona typo and a level outside the taxonomy, all in
    one journey: the first run shows all three (today's main showed only the first)."""
    workspace = tmp_path / "ws"
    shutil.copytree(CASE, workspace)
    (workspace / "journeyops.yaml").write_text("version: 1\nname: A new user's first journey\n")
    status, out, _ = cli("validate", ".", "--today", "2026-11-24", "--no-cache", cwd=workspace)
    assert status == 1
    assert findings(out) == {
        ("journey.yaml", 4, "JO202"),
        ("journey.yaml", 5, "JO101"),
        ("journey.yaml", 12, "JO010"),
        # maya is really unused: the journey names `mya`. Fixing the typo fixes both.
        ("personas.yaml", 2, "JO407"),
    }
    assert "unknown level 'epic'" in out
    assert "unknown persona 'mya'" in out and "did you mean 'maya'?" in out
    assert "unknown field 'colour' in stages[0].steps[0]" in out
    assert "3 errors, 1 warning" in out


def signature(result: ValidationResult) -> tuple[object, ...]:
    return (result.diagnostics, result.files, result.counts)


EDITS: list[tuple[str, str, str]] = [
    # (file, old text, new text), applied one after the other
    ("journey.yaml", "        colour: red  # expect: JO010\n", ""),  # now valid
    ("journey.yaml", "personas: [mya]", "personas: mya"),  # personas unreadable
    ("broken.yaml", '"', ""),  # the broken file parses now
    ("journey.yaml", "id: open-account", "id: Open Account"),  # its id fails
]


def test_cached_runs_agree_with_uncached_ones_through_schema_errors(tmp_path: Path) -> None:
    """The facts of documents that failed their schema are cached with their file: cold,
    warm and after each edit, a cached run reports what an uncached one does."""
    workspace = tmp_path / "ws"
    shutil.copytree(CASE, workspace)
    (workspace / "journeyops.yaml").write_text("version: 1\nname: T\n")
    (workspace / "broken.yaml").write_text(
        'kind: journey\nid: other\ntitle: "Other\npersonas: [sam]\n'
    )
    with (workspace / "personas.yaml").open("a") as personas:
        personas.write("---\nkind: persona\nid: sam\nname: Sam\n")
    source = DiskSource(workspace)
    seen = []
    for step in range(len(EDITS) + 1):
        if step:
            file, old, new = EDITS[step - 1]
            path = workspace / file
            assert old in path.read_text()
            path.write_text(path.read_text().replace(old, new, 1))
        plain = validate(source, options=OPTIONS)
        cold_or_edited = validate(source, options=OPTIONS, cache=Cache(workspace))
        warm = validate(source, options=OPTIONS, cache=Cache(workspace))
        assert signature(cold_or_edited) == signature(warm) == signature(plain)
        seen.append({f"{d.rule} {d.message}" for d in plain.diagnostics})
    # The edits did what they say, so the runs compared above differ from one another.
    maya, sam = (f"JO407 persona '{p}' is not used by any journey" for p in ("maya", "sam"))
    # Only `mya` names her; sam is named in a file that does not parse, so may be used.
    assert "JO101 unknown persona 'mya'" in seen[0] and maya in seen[0] and sam not in seen[0]
    assert not any(s.startswith("JO010") for s in seen[1])
    # `personas: mya` is one mistake, not two; what it holds does not mention maya.
    assert not any(s.startswith("JO101") for s in seen[2]) and maya in seen[2]
    assert not any(s.startswith("JO001") for s in seen[3]) and sam not in seen[3]
    assert "JO010 id 'Open Account' is not a valid id" in seen[4]
    assert not any(s.startswith("JO106") for s in seen[4])


_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.sampled_from(["mya", "maya", "Bob Smith", "j/a", "j/a/p", "future", "epic", "high"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
_FIELDS = [
    "id",
    "personas",
    "level",
    "state",
    "parent",
    "replaces",
    "stages",
    "steps",
    "pains",
    "evidence",
    "status",
    "insights",
    "colour",
]


@settings(max_examples=150, deadline=None)
@given(
    kind=st.sampled_from(["journey", "insight", "opportunity"]),
    fields=st.dictionaries(st.sampled_from(_FIELDS), _VALUES, max_size=5),
)
def test_a_half_valid_document_never_breaks_a_run_nor_invents_a_reference(
    kind: str, fields: dict[str, object]
) -> None:
    """Whatever its fields hold, a document gives findings, never a traceback, and an
    unknown persona is reported only for an id written as an item of a `personas` list."""
    document = yaml.safe_dump({"kind": kind, "title": "T", "source": "survey", **fields})
    persona = "kind: persona\nid: maya\nname: Maya\n"
    result = validate(memory_workspace({"p.yaml": persona.encode(), "d.yaml": document.encode()}))
    personas = fields.get("personas")
    written = {p for p in personas if isinstance(p, str)} if isinstance(personas, list) else set()
    for diagnostic in result.diagnostics:
        if diagnostic.rule == "JO101":
            named = diagnostic.message.split("'")[1]
            assert named in written and named != "maya"
