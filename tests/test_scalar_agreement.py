"""The fast reader (libyaml) and ruamel's round-trip loader (the formatter's) must give every
scalar the same value, following YAML 1.2: `no` stays a string, `0o17` is 15."""

from __future__ import annotations

import datetime
import io
import math
from typing import Any

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from journeyops.load.yaml_reader import read_yaml

_RT = YAML(typ="rt")


def fast(text: str) -> Any:
    parsed = read_yaml(text.encode(), "f.yaml")
    assert not parsed.problems, parsed.problems
    return parsed.documents[0].value


def roundtrip(text: str) -> Any:
    return _plain(_RT.load(io.StringIO(text)))


def _plain(value: Any) -> Any:
    """ruamel's round-trip types (CommentedMap, ScalarFloat, ScalarBoolean...) as plain Python."""
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if type(value).__name__ == "TaggedScalar":  # a bare `=` keeps its text in round-trip mode
        return str(value.value)
    if type(value).__name__ == "ScalarBoolean" or isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return "nan" if math.isnan(value) else float(value)
    if isinstance(value, datetime.datetime):
        return datetime.datetime(*value.timetuple()[:6], value.microsecond, value.tzinfo)
    if isinstance(value, str):
        return str(value)
    return value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yes", "yes"),  # YAML 1.1 would say True
        ("no", "no"),
        ("on", "on"),
        ("off", "off"),
        ("Y", "Y"),
        ("true", True),
        ("False", False),
        ("0o17", 15),  # YAML 1.2 octal
        ("017", 17),  # not octal in 1.2
        ("0x1F", 31),
        ("1_000", 1000),
        ("1e3", 1000.0),
        ("12:30", "12:30"),  # YAML 1.1 sexagesimal would be 750
        ("~", None),
        ("null", None),
        ("", None),
        ("2026-11-24", datetime.date(2026, 11, 24)),
        ("1.5", 1.5),
        (".inf", math.inf),
        ("'-'", "-"),
    ],
)
def test_known_yaml_11_vs_12_differences(text: str, expected: Any) -> None:
    document = f"value: {text}\n"
    assert fast(document)["value"] == expected
    assert roundtrip(document)["value"] == expected


_TRICKY = [
    "yes",
    "no",
    "on",
    "off",
    "y",
    "n",
    "Yes",
    "NO",
    "true",
    "True",
    "TRUE",
    "false",
    "null",
    "Null",
    "NULL",
    "~",
    "0",
    "-0",
    "+1",
    "007",
    "0o17",
    "0o8",
    "0x1f",
    "0xG",
    "0b101",
    "1_000",
    "1__0",
    "_1",
    "1.",
    ".5",
    "1.5e3",
    "1e3",
    "1E-3",
    ".inf",
    "-.Inf",
    ".nan",
    "NaN",
    "12:30",
    "1:20:30",
    "2026-11-24",
    "2026-1-2",
    "2026-11-24 10:30:00",
    "2026-11-24T10:30:00Z",
    "2026-11-24t10:30:00.5+02:00",
    "=",
    "3.14.15",
    "1,000",
    "0.",
]
_WORD_CHARS = "abcxyzTFNnoy0123456789._-+~"
scalar = st.one_of(
    st.sampled_from(_TRICKY),
    st.text(alphabet=_WORD_CHARS, min_size=1, max_size=12).filter(
        lambda s: s[0] not in "-~" or len(s) > 1
    ),
)


@settings(max_examples=400, deadline=None)
@given(
    values=st.lists(scalar, min_size=1, max_size=8),
    keys=st.lists(scalar, min_size=1, max_size=4, unique=True),
)
@example(values=["no", "0o17", "1_000"], keys=["on"])
def test_fast_reader_agrees_with_roundtrip_loader(values: list[str], keys: list[str]) -> None:
    document = "items:\n" + "".join(f"  - {v}\n" for v in values)
    document += "".join(f"{k}: {v}\n" for k, v in zip(keys, values, strict=False))
    try:
        expected = roundtrip(document)
    except Exception:  # ruamel refuses it (a duplicate key, say); nothing to compare
        assume(False)
    parsed = read_yaml(document.encode(), "f.yaml")
    assume(not parsed.problems)
    assert _plain(parsed.documents[0].value) == expected
