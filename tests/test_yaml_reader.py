"""The fast reader on good and bad bytes: positions, and a problem (never a traceback) for
every kind of bad input."""

from __future__ import annotations

import datetime
import time
import tracemalloc

import pytest

from journeyops.core.diagnostics import Span
from journeyops.core.sourcemap import MAX_FILE_BYTES, SourceMap
from journeyops.load.sources import DiskSource
from journeyops.load.yaml_builder import MAX_DEPTH
from journeyops.load.yaml_reader import LazyPositions, Rejected, read_yaml
from journeyops.rules import RunOptions
from journeyops.rules.validation import validate
from tests.conftest import ROOT


def problems(data: bytes) -> list[tuple[str, int, int, str]]:
    return [
        (rule, p.span.line, p.span.column, p.message)
        for rule, p in read_yaml(data, "f.yaml").problems
    ]


def test_positions_of_keys_values_and_items_use_pydantic_loc_paths() -> None:
    data = b"kind: journey\nstages:\n  - id: apply\n    steps: [a, bb]\n"
    source = read_yaml(data, "f.yaml").documents[0].source
    assert source.span(("kind",)) == Span(1, 7, 1, 14)
    assert source.span(("kind",), key=True) == Span(1, 1, 1, 5)
    assert source.span(("stages", 0, "id")) == Span(3, 9, 3, 14)
    assert source.span(("stages", 0, "steps", 1)) == Span(4, 16, 4, 18)
    # A path with no position of its own falls back to the nearest ancestor that has one.
    assert source.span(("stages", 0, "name")) == source.span(("stages", 0))
    assert source.span(("stages", 0, "name")).line == 3


def test_later_documents_keep_file_positions() -> None:
    parsed = read_yaml(b"a: 1\n---\nb: 2\n---\nc: [x]\n", "f.yaml")
    assert [d.value for d in parsed.documents] == [{"a": 1}, {"b": 2}, {"c": ["x"]}]
    assert parsed.documents[2].source.span(("c", 0)).line == 5


def test_syntax_error_reports_the_parser_position() -> None:
    assert problems(b"kind: persona\nname: Maya: buyer\n")[0][:3] == ("yaml-syntax", 2, 11)


def test_documents_before_a_syntax_error_are_kept() -> None:
    parsed = read_yaml(b"a: 1\n---\nb: [\n", "f.yaml")
    assert [d.value for d in parsed.documents] == [{"a": 1}]
    assert parsed.problems[0][0] == "yaml-syntax"


def test_duplicate_key_names_both_lines_and_keeps_the_document() -> None:
    parsed = read_yaml(b"name: A\nid: x\nname: B\n", "f.yaml")
    [(rule, problem)] = parsed.problems
    assert rule == "duplicate-key"
    assert (problem.span.line, problem.span.column) == (3, 1)
    assert "line 1" in problem.message
    assert problem.hint is not None and "lines 1 and 3" in problem.hint
    assert parsed.documents[0].value == {"name": "A", "id": "x"}


def test_tab_indentation_points_at_the_tab() -> None:
    assert problems(b"a:\n  b: 1\n  \tc: 2\n")[0][:3] == ("tab-indentation", 3, 3)


def test_non_utf8_bytes_point_at_the_bad_byte() -> None:
    rule, line, column, message = problems(b"a: ok\nname: Caf\xe9\n")[0]
    assert (rule, line, column) == ("invalid-encoding", 2, 10)
    assert "0xe9" in message


def test_utf8_bom_is_accepted() -> None:
    assert read_yaml(b"\xef\xbb\xbfa: 1\n", "f.yaml").documents[0].value == {"a": 1}


def test_empty_file_has_no_documents_and_no_problems() -> None:
    # The documents layer turns "no documents" into the empty-document finding.
    parsed = read_yaml(b"# only a comment\n", "f.yaml")
    assert (parsed.documents, parsed.problems) == ([], [])


@pytest.mark.parametrize(
    "data",
    [
        b"a: !!python/object/apply:os.system [echo]\n",
        b"a: !!python/name:os.system\n",
        b"!!python/object:builtins.dict {a: 1}\n",
        b"a: !custom value\n",
        b"a: !!set {x}\n",
    ],
)
def test_object_tags_are_refused(data: bytes) -> None:
    parsed = read_yaml(data, "f.yaml")
    assert [rule for rule, _ in parsed.problems] == ["unsupported-tag"]
    assert isinstance(parsed.documents[0].value, Rejected)


def test_standard_data_tags_are_allowed() -> None:
    data = b"a: !!str 0123\nb: !!int '7'\nc: !!float 1\nd: !!map {x: 1}\n"
    assert read_yaml(data, "f.yaml").documents[0].value == {
        "a": "0123",
        "b": 7,
        "c": 1.0,
        "d": {"x": 1},
    }


def _billion_laughs(levels: int) -> bytes:
    lines = [b'l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels):
        aliases = b",".join([b"*l%d" % (level - 1)] * 9)
        lines.append(b"l%d: &l%d [%s]" % (level, level, aliases))
    return b"\n".join(lines) + b"\n"


def test_billion_laughs_is_refused_without_expanding() -> None:
    tracemalloc.start()
    started = time.perf_counter()
    parsed = read_yaml(_billion_laughs(9), "f.yaml")
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert [rule for rule, _ in parsed.problems] == ["alias-limit"]
    assert peak < 5_000_000  # bytes: the 9**9 expansion never happens
    # A generous bound that only catches an accidental expansion (which takes minutes).
    assert elapsed < 1.0


def test_small_aliases_and_merge_keys_work() -> None:
    data = b"base: &b {touchpoints: [app], emotion: 1}\nstep:\n  <<: *b\n  emotion: 2\n"
    value = read_yaml(data, "f.yaml").documents[0].value
    assert value["step"] == {"emotion": 2, "touchpoints": ["app"]}


def test_recursive_alias_is_refused() -> None:
    assert problems(b"a: &a [x, *a]\n")[0][0] == "alias-limit"


def test_nesting_is_capped() -> None:
    deep = b"a: " + b"[" * (MAX_DEPTH + 5) + b"]" * (MAX_DEPTH + 5) + b"\n"
    assert problems(deep)[0][0] == "unsupported-yaml"


def test_libyaml_nesting_limit_is_a_syntax_problem_not_a_crash() -> None:
    assert problems(b"a: " + b"[" * 5000 + b"\n")[0][0] == "yaml-syntax"


def test_control_characters_are_reported_with_position() -> None:
    assert problems(b"a: ok\nb: bell\x07\n")[0][:3] == ("yaml-syntax", 2, 8)


def test_invalid_date_like_plain_value_is_reported() -> None:
    assert problems(b"reviewed: 2026-02-30\n")[0][:2] == ("yaml-syntax", 1)


def test_files_too_large_for_the_position_encoding_are_refused() -> None:
    data = b"a: " + b"x" * MAX_FILE_BYTES + b"\n"
    [(rule, problem)] = read_yaml(data, "f.yaml").problems
    assert rule == "unsupported-yaml"
    assert "16 MiB" in problem.message


def test_positions_survive_packing_on_long_files() -> None:
    data = b"".join(b"k%d: v\n" % i for i in range(70_000)) + b"last: " + b"y" * 70_000 + b"\n"
    source = read_yaml(data, "f.yaml").documents[0].source
    assert source.span(("last",)) == Span(70_001, 7, 70_001, 70_007)


def test_empty_documents_point_at_their_own_separator() -> None:
    parsed = read_yaml(b"---\n---\nkind: x\n---\n", "f.yaml")
    assert [d.source.span(()).line for d in parsed.documents] == [1, 3, 4]


def test_positions_are_built_only_when_asked_for() -> None:
    data = b"kind: persona\nid: p\nname: P\n---\nkind: persona\nid: q\nname: Q\n"
    parsed = read_yaml(data, "f.yaml", positions=False)
    assert [d.value["id"] for d in parsed.documents] == ["p", "q"]
    first, second = (d.source for d in parsed.documents)
    assert first.fill is not None and first.values == {}
    assert second.span(("name",)) == Span(7, 7, 7, 8)  # built on demand, same positions
    assert first.span(("id",)) == read_yaml(data, "f.yaml").documents[0].source.span(("id",))


def test_a_duplicate_key_is_reported_with_both_lines_without_positions_too() -> None:
    parsed = read_yaml(b"name: A\nid: x\nname: B\n", "f.yaml", positions=False)
    [(rule, problem)] = parsed.problems
    assert (rule, problem.span.line) == ("duplicate-key", 3)
    assert "line 1" in problem.message


def test_validating_a_clean_workspace_builds_no_positions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built: list[str] = []
    original = LazyPositions._document

    def counting(self: LazyPositions, index: int) -> SourceMap:
        built.append(self.file)
        return original(self, index)

    monkeypatch.setattr(LazyPositions, "_document", counting)
    options = RunOptions(today=datetime.date(2026, 11, 24))
    result = validate(DiskSource(ROOT / "examples" / "northwind"), options=options)
    assert result.diagnostics == [] and result.files_checked == 18
    assert built == []
    broken = validate(DiskSource(ROOT / "examples" / "broken"), options=options)
    assert broken.diagnostics and built  # the same counter does see positions being built
