"""Properties of the formatter over generated YAML: whatever the layout it is given, the
data loaded before and after are equal (every document), the comments are the same, a second
run changes nothing, and it never needs its safety net (the layout alone is right)."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from journeyops.authoring.fmt import format_yaml
from journeyops.authoring.fmt_scan import scan

_TEXT = st.text(alphabet="ab é#:-'\"\\\n\t", max_size=20)
_KEYS = st.text(alphabet="abcdefgh-_ #:", min_size=1, max_size=8)
_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _TEXT
_DATA = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=4),
    max_leaves=20,
)


@st.composite
def documents(draw: st.DrawFn) -> bytes:
    """Data dumped in a random layout, then with its lines' indentation scaled, comments
    added and trailing spaces left about: what people write by hand, roughly."""
    data = [draw(_DATA) for _ in range(draw(st.integers(1, 3)))]
    text = yaml.safe_dump_all(
        data,
        indent=draw(st.integers(2, 6)),
        default_flow_style=draw(st.sampled_from([False, None])),
        default_style=draw(st.sampled_from([None, None, "'", '"', "|"])),
        width=draw(st.integers(20, 200)),
        explicit_start=draw(st.booleans()),
        allow_unicode=draw(st.booleans()),
    )
    scale = draw(st.sampled_from([1, 1, 2, 3]))
    lines = []
    for dumped in text.split("\n"):
        spaces = len(dumped) - len(dumped.lstrip(" "))
        line = " " * (spaces * scale) + dumped[spaces:]
        if line and draw(st.integers(0, 5)) == 0:
            line += " " * draw(st.integers(1, 3))
        if line.strip() and draw(st.integers(0, 4)) == 0:
            line += " " * draw(st.integers(1, 4)) + "# note"
        if draw(st.integers(0, 6)) == 0:
            lines.append(" " * draw(st.integers(0, 8)) + "# a comment line")
        lines.append(line)
    return "\n".join(lines).encode()


def _load(data: bytes) -> list[Any] | None:
    try:
        return list(yaml.safe_load_all(data))
    except Exception:  # any reason not to load: not a case for fmt's promise
        return None


def comments(data: bytes) -> list[str]:
    return [c.text.rstrip() for c in scan(data.decode("utf-8").removeprefix("\ufeff")).comments]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_formatting_keeps_the_data_and_comments_and_is_stable(data: bytes) -> None:
    before = _load(data)
    assume(before is not None)  # a comment or indentation added inside a scalar can break it
    result = format_yaml(data, "generated.yaml")
    assert result.problem is None, result.problem
    assert _load(result.after) == before
    assert comments(result.after) == comments(data)
    again = format_yaml(result.after, "generated.yaml")
    assert again.after == result.after


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_are_formatted_or_left_exactly_alone(data: bytes) -> None:
    result = format_yaml(data, "noise.yaml")
    if result.problem is not None:
        assert result.after == data
    else:
        assert _load(result.after) == _load(data)
        assert format_yaml(result.after, "noise.yaml").after == result.after
