"""The formatter on one file's bytes: the layout it gives (goldens of tests/fmt/*.yaml), and
everything it keeps: data, comments, quotes, block scalars, anchors, documents, a BOM and
CRLF line breaks. A file it cannot format safely is left exactly as it was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from journeyops.authoring import fmt as fmt_module
from journeyops.authoring.fmt import format_yaml

FIXTURES = Path(__file__).resolve().parent / "fmt"
CASES = sorted(p.name for p in FIXTURES.glob("*.yaml"))


class _AnyTag(yaml.SafeLoader):
    """safe_load that also reads documents with tags of their own, as (tag, value)."""


def _tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return (node.tag, loader.construct_mapping(node, deep=True))
    if isinstance(node, yaml.SequenceNode):
        return (node.tag, loader.construct_sequence(node, deep=True))
    return (node.tag, loader.construct_scalar(node))  # type: ignore[arg-type]


_AnyTag.add_multi_constructor("!", _tagged)
_AnyTag.add_multi_constructor("tag:", _tagged)


def loaded(data: bytes) -> list[Any]:
    return list(yaml.load_all(data, Loader=_AnyTag))  # a SafeLoader


def comments(data: bytes) -> list[str]:
    """Every `#` comment, in order (the fixtures keep `#` inside quotes apart by quoting)."""
    found = []
    for line in data.decode("utf-8").splitlines():
        text = line.replace("'Second # still text'", "").replace('"# not a comment"', "")
        if "#" in text:
            found.append(text[text.index("#") :].rstrip())
    return found


@pytest.mark.parametrize("name", CASES)
def test_fixture_gets_the_canonical_layout(name: str, golden: Callable[[str, str], None]) -> None:
    data = (FIXTURES / name).read_bytes()
    result = format_yaml(data, name)
    assert result.problem is None
    golden(f"fmt/{name}", result.after.decode("utf-8"))


@pytest.mark.parametrize("name", CASES)
def test_fixture_keeps_data_and_comments_and_is_stable(name: str) -> None:
    data = (FIXTURES / name).read_bytes()
    after = format_yaml(data, name).after
    assert loaded(after) == loaded(data)
    assert comments(after) == comments(data)
    again = format_yaml(after, name)
    assert again.after == after and not again.changed


def test_an_already_canonical_file_is_not_changed() -> None:
    data = (FIXTURES / "canonical.yaml").read_bytes()
    assert not format_yaml(data, "canonical.yaml").changed


def test_bom_and_crlf_line_breaks_are_kept() -> None:
    lf = (FIXTURES / "comments.yaml").read_bytes()
    crlf = b"\xef\xbb\xbf" + lf.replace(b"\n", b"\r\n")
    after = format_yaml(crlf, "crlf.yaml").after
    assert after.startswith(b"\xef\xbb\xbf") and after.count(b"\xef\xbb\xbf") == 1
    assert after.count(b"\n") == after.count(b"\r\n")  # no bare LF crept in
    expected = format_yaml(lf, "lf.yaml").after
    assert after == b"\xef\xbb\xbf" + expected.replace(b"\n", b"\r\n")
    assert loaded(after) == loaded(crlf)


def test_the_final_newline_is_added_in_the_file_s_own_style() -> None:
    assert format_yaml(b"a: 1\r\nb: 2", "f.yaml").after == b"a: 1\r\nb: 2\r\n"
    assert format_yaml(b"a: 1", "f.yaml").after == b"a: 1\n"
    assert format_yaml(b"", "f.yaml").after == b""


def test_no_newline_is_added_where_it_would_join_a_block_scalar() -> None:
    data = b"text: |\n  no final line break"
    result = format_yaml(data, "f.yaml")
    assert result.after == data and result.problem is None


def test_trailing_white_space_goes_except_where_it_is_text() -> None:
    data = b'a: 1   \nb: "x\\ \n  y"\nc: |\n  kept   \n'
    after = format_yaml(data, "f.yaml").after
    assert after == b'a: 1\nb: "x\\ \n  y"\nc: |\n  kept   \n'
    assert loaded(after) == loaded(data)


def test_a_long_line_is_never_wrapped() -> None:
    long = "word " * 80
    data = f"stages:\n    - name: {long.strip()}\n".encode()
    assert format_yaml(data, "f.yaml").after == f"stages:\n  - name: {long.strip()}\n".encode()


@pytest.mark.parametrize(
    ("data", "rule", "line", "column"),
    [
        (b"id: x\nsteps: [a, b\n", "yaml-syntax", 3, 1),
        (b"a:\n\t- tab\n", "tab-indentation", 2, 1),
        (b"name: caf\xe9\n", "invalid-encoding", 1, 10),
        (b"a: 1\nb: \x07bell\n", "yaml-syntax", 2, 4),
    ],
)
def test_a_file_that_does_not_parse_is_left_alone_with_where_and_why(
    data: bytes, rule: str, line: int, column: int
) -> None:
    result = format_yaml(data, "bad.yaml")
    assert result.after == data and not result.changed
    assert result.problem is not None
    assert result.problem.rule == rule
    span = result.problem.problem.span
    assert (result.problem.problem.file, span.line, span.column) == ("bad.yaml", line, column)


def test_a_layout_that_would_change_the_data_is_never_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The safety net: were the layout ever wrong, the file stays as it was."""
    monkeypatch.setattr(fmt_module, "layout", lambda text, scanned: text.replace("1", "2"))
    data = b"a:    1\n"
    result = format_yaml(data, "f.yaml")
    assert result.after == data
    assert result.problem is not None and result.problem.rule == "unsupported-yaml"
    assert "change what the file means" in result.problem.problem.message


def test_a_layout_that_would_drop_a_comment_is_never_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(fmt_module, "layout", lambda text, scanned: text.split("  #")[0] + "\n")
    result = format_yaml(b"a:    1  # keep me\n", "f.yaml")
    assert result.problem is not None and "comment" in result.problem.problem.message


def test_a_tab_between_tokens_is_read_as_the_loader_reads_it() -> None:
    """Only indentation must be spaces (libyaml, which validate uses, agrees)."""
    data = b"key:\tvalue\t# note\nflow: [1,\t2]\n"
    result = format_yaml(data, "f.yaml")
    assert result.problem is None
    assert result.after == b"key: value # note\nflow: [1,\t2]\n"


def test_a_comment_after_a_block_scalar_does_not_become_its_text() -> None:
    """Found by the property test: the text moves 2 in from its entry; the comment under it
    must stay left of the text, or it would be read as a line of it."""
    data = b"- |-\n   text\n  # a comment line\n"
    result = format_yaml(data, "f.yaml")
    assert result.problem is None
    assert result.after == b"- |-\n  text\n # a comment line\n"
    assert loaded(result.after) == loaded(data) == [["text"]]
