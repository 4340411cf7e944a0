"""Whatever bytes a user commits, validate answers with diagnostics, and render and diff do
their work around the broken file: never a traceback."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from journeyops.diff import diff
from journeyops.diff.documents import KIND_ORDER
from journeyops.render import render
from journeyops.rules import RULES
from journeyops.validation import validate
from tests.conftest import ROOT, memory_workspace

SEED = (ROOT / "examples" / "northwind" / "journeys" / "open-account.yaml").read_bytes()
_PIECES = [
    b"\n",
    b" ",
    b"  ",
    b"\t",
    b"-",
    b": ",
    b":",
    b"[",
    b"]",
    b"{",
    b"}",
    b"#",
    b"&a ",
    b"*a",
    b"!!python/object ",
    b"!x ",
    b"|",
    b">",
    b"'",
    b'"',
    b"%YAML 1.1\n",
    b"---\n",
    b"...\n",
    b"? ",
    b",",
    b"~",
    b"<<: ",
    b"kind: ",
    b"journey",
    b"persona",
    b"id: ",
    b"x",
    b"\xff",
    b"\xc3",
    b"\x00",
    b"2026-02-30",
    b"1e999",
    b"0o17",
    b"-\n  - ",
    b"stages:\n  - ",
]


@settings(max_examples=300, deadline=None)
@given(
    position=st.integers(0, len(SEED)),
    cut=st.integers(0, 40),
    insert=st.lists(st.sampled_from(_PIECES), max_size=4),
)
def test_mutated_journey_never_raises(position: int, cut: int, insert: list[bytes]) -> None:
    data = SEED[:position] + b"".join(insert) + SEED[position + cut :]
    _check(data)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_random_yaml_pieces_never_raise(pieces: list[bytes]) -> None:
    _check(b"".join(pieces))


def _check(data: bytes) -> None:
    result = validate(memory_workspace({"f.yaml": data}))
    for diagnostic in result.diagnostics:
        assert diagnostic.rule in RULES
        assert diagnostic.span.line >= 1 and diagnostic.span.column >= 1
        assert diagnostic.message


@settings(max_examples=100, deadline=None)
@given(
    position=st.integers(0, len(SEED)),
    cut=st.integers(0, 40),
    insert=st.lists(st.sampled_from(_PIECES), max_size=4),
)
def test_render_and_diff_of_a_mutated_journey_never_raise(
    position: int, cut: int, insert: list[bytes]
) -> None:
    data = SEED[:position] + b"".join(insert) + SEED[position + cut :]
    head = memory_workspace({"f.yaml": data})
    pages = render(head, diagrams=False).pages
    assert "index.html" in pages
    result = diff(memory_workspace({"f.yaml": SEED}), head, "base", "head")
    assert all(change.kind in KIND_ORDER for change in result.documents)
