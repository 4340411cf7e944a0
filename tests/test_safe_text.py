"""User text made safe for terminals, CI logs, XML, JSON and URIs."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journeyops.report.safe_text import dumps_json, printable, unicode_safe, uri_path


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain text, café ✓", "plain text, café ✓"),
        ("x\n::error file=README.md::INJECTED", "x\\n::error file=README.md::INJECTED"),
        ("\x1b[2Jcleared", "\\x1b[2Jcleared"),
        ("a\rb\tc\x00d\x7fe\x85f\x9b", "a\\rb\\tc\\x00d\\x7fe\\x85f\\x9b"),
        ("line\u2028sep", "line\\u2028sep"),
        ("admin\u202e\u2066", "admin\\u202e\\u2066"),
        (os.fsdecode(b"caf\xe9.yaml"), "caf\\xe9.yaml"),
    ],
)
def test_printable_escapes_what_a_terminal_or_runner_would_act_on(raw: str, shown: str) -> None:
    assert printable(raw) == shown


@given(st.text())
def test_printable_is_one_line_of_utf8_and_xml(text: str) -> None:
    shown = printable(text)
    assert "\n" not in shown and "\r" not in shown
    shown.encode("utf-8")  # raises on a lone surrogate
    element = ET.Element("case", name=shown)
    element.text = shown
    parsed = ET.fromstring(ET.tostring(element, encoding="unicode"))  # expat: XML 1.0 only
    assert parsed.get("name") == shown
    assert (parsed.text or "") == shown


def test_printable_keeps_safe_text_identical() -> None:
    text = "Sign up \u203a Verify the email \u2014 \U0001f600 \u200d ok"
    assert printable(text) is text


def test_unicode_safe_escapes_only_undecodable_bytes() -> None:
    name = os.fsdecode(b"\xff\n.yaml")
    assert unicode_safe(name) == "\\xff\n.yaml"


def test_uri_path_keeps_the_file_names_own_bytes() -> None:
    assert uri_path(os.fsdecode(b"journeys/caf\xe9 x.yaml")) == "journeys/caf%E9%20x.yaml"
    assert uri_path("journeys/café.yaml") == "journeys/caf%C3%A9.yaml"


def test_dumps_json_is_strict_utf8_json() -> None:
    document = {"file": os.fsdecode(b"a\xff.yaml"), "message": "x\n\x1b", "score": 1 / 3}
    text = dumps_json(document)
    text.encode("utf-8")
    loaded = json.loads(text, parse_constant=lambda name: pytest.fail(f"non-standard {name}"))
    assert loaded == {"file": "a\\xff.yaml", "message": "x\n\x1b", "score": 1 / 3}
    with pytest.raises(ValueError, match="not JSON compliant"):
        dumps_json({"score": float("nan")})


def test_the_runners_legacy_command_form_is_escaped_in_text_and_json() -> None:
    assert printable("ok ##[add-mask]secret") == "ok ##\\x5badd-mask]secret"
    text = dumps_json({"title": "##[error]x"})
    assert "##[" not in text
    assert json.loads(text) == {"title": "##[error]x"}
