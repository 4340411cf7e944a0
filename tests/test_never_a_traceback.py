"""Whatever bytes a user commits, validate answers with diagnostics, and render and diff do
their work around the broken file: never a traceback."""

from __future__ import annotations

import json
import os
import re
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from journeyops.cli import app
from journeyops.diff import diff
from journeyops.diff.documents import KIND_ORDER
from journeyops.render import render
from journeyops.rules import RULES
from journeyops.rules.validation import validate
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
    # control characters, as raw bytes and as YAML escapes, and numbers that overflow
    b"\x1b[2J",
    b"\x07",
    b"\xc2\x85",
    b"\xe2\x80\xae",
    b'"x\\n::error::INJECTED\\e[2J"',
    b"\n::error file=README.md::INJECTED\n",
    b"1e308",
    b".nan",
    b"-.inf",
    b"9" * 400,
    b"emotion: ",
    b"reach: ",
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


# --- Hostile workspaces on disk: names, links, special files and numbers a user can commit ---

_HOSTILE_TEXT = [
    "x\n::error file=README.md,line=1::INJECTED",
    "::add-mask::secret",
    "\x1b[2J\x1b]0;title\x07",
    "\r::stop-commands::token",
    "\x85\u2028\u202e",
    "[red]markup[/]",
    "<img src=x onerror=alert(1)>",
    "a|b`c",
]
_HOSTILE_NUMBERS = ["1e308", ".nan", ".inf", "-.inf", "9" * 400, "-" + "9" * 400, "0", "1e-320"]
_NAME_BYTES = [b"", b"\n", b"\x1b[2J", b"\xff", b"\xe9", b" ", b"::error::", b"%0A"]
_LINKS = ["inside", "outside", "dangling", "loop", "fifo", "devzero"]


def _hostile_files(texts: list[str], numbers: list[str]) -> dict[str, str]:
    text = [json.dumps(t) for t in texts]  # a YAML flow scalar that keeps every character
    number = numbers + ["1"] * 4
    return {
        "personas/p.yaml": f"kind: persona\nid: p\nname: {text[0]}\n",
        "journeys/j.yaml": (
            "kind: journey\nid: j\ntitle: " + text[1] + "\nlevel: " + text[2] + "\n"
            "personas: [p, " + text[3] + "]\n"
            "stages:\n  - id: s\n    name: S\n    steps:\n"
            "      - id: a\n        name: " + text[0] + "\n        emotion: " + number[0] + "\n"
        ),
        "opportunities/o.yaml": (
            "kind: opportunity\nid: o\ntitle: " + text[1] + "\nstatus: idea\n"
            f"reach: {number[1]}\nimpact: {number[2]}\nconfidence: {number[3]}\n"
            f"effort: {number[4]}\n"
        ),
    }


def _write_hostile(root: Path, files: dict[str, str], name: bytes, links: list[str]) -> Path:
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text("kind: persona\nid: SECRET-CONTENT\nname: s\n")
    workspace = root / "ws"
    (workspace / "journeys").mkdir(parents=True)
    (workspace / "journeyops.yaml").write_bytes(b"version: 1\nname: Hostile\n")
    for path, text in files.items():
        (workspace / path).parent.mkdir(parents=True, exist_ok=True)
        (workspace / path).write_text(text, encoding="utf-8")
    odd = os.fsencode(workspace / "journeys") + b"/odd" + name + b".yaml"
    with open(odd, "wb") as handle:  # noqa: PTH123 - a name that is bytes
        handle.write(b"kind: persona\nid: odd\nname: Odd\n")
    for index, kind in enumerate(links):
        link = workspace / f"link{index}.yaml"
        if kind == "inside":
            link.symlink_to("personas/p.yaml")
        elif kind == "outside":
            link.symlink_to(outside / "secret.yaml")
        elif kind == "dangling":
            link.symlink_to("nowhere.yaml")
        elif kind == "loop":
            (workspace / f"loop{index}").symlink_to(".")
        elif kind == "fifo":
            os.mkfifo(link)
        else:
            link.symlink_to("/dev/zero")
    return workspace


_FORMATS = ("text", "json", "github", "junit", "sarif")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    texts=st.lists(st.sampled_from(_HOSTILE_TEXT), min_size=4, max_size=4),
    numbers=st.lists(st.sampled_from(_HOSTILE_NUMBERS), min_size=1, max_size=5),
    name=st.lists(st.sampled_from(_NAME_BYTES), max_size=3).map(b"".join),
    links=st.lists(st.sampled_from(_LINKS), max_size=3, unique=True),
)
def test_hostile_workspace_on_disk_gives_valid_reports_and_never_raises(
    texts: list[str], numbers: list[str], name: bytes, links: list[str]
) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        workspace = _write_hostile(root, _hostile_files(texts, numbers), name, links)
        reports = root / "reports"
        args = ["validate", str(workspace), "--no-cache"]
        for index, output_format in enumerate(_FORMATS):
            args += ["-f", output_format, "-o", str(reports / f"{index}.{output_format}")]
        status, out, err = _invoke(args, env={"GITHUB_ACTIONS": "true"})
        assert status in (0, 1)
        _assert_no_raw_controls(out + err)
        for index, output_format in enumerate(_FORMATS):
            data = (reports / f"{index}.{output_format}").read_bytes()
            _assert_valid_report(output_format, data)
        status, out, err = _invoke(["score", str(workspace), "--format", "json", "--no-cache"])
        assert status in (0, 1)
        _strict_json(out)
        _assert_no_raw_controls(err)
        status, out, err = _invoke(["score", str(workspace), "--no-cache"])
        assert status in (0, 1)
        _assert_no_raw_controls(out + err)
        site = root / "site"
        status, out, err = _invoke(["render", str(workspace), "--out", str(site), "--no-diagrams"])
        assert status in (0, 1)
        _assert_no_raw_controls(out + err)
        for page in site.rglob("*.html"):
            assert b"SECRET-CONTENT" not in page.read_bytes()
        assert (root / "outside" / "secret.yaml").is_file()


def _invoke(args: list[str], env: dict[str, str] | None = None) -> tuple[int, bytes, bytes]:
    """The real command line in-process: status, and stdout and stderr as a terminal gets them."""
    result = CliRunner().invoke(app, args, prog_name="journeyops", env=env)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout_bytes, result.stderr_bytes


def _assert_valid_report(output_format: str, data: bytes) -> None:
    text = data.decode("utf-8")  # every report is UTF-8, whatever a file was named
    assert b"SECRET-CONTENT" not in data
    if output_format in ("json", "sarif"):
        _strict_json(data)
    elif output_format == "junit":
        ET.fromstring(data)  # well-formed XML 1.0
    elif output_format == "github":
        for line in text.splitlines():
            assert re.match(r"::(error|warning) file=[^:\n]*::", line), line
    else:
        _assert_no_raw_controls(data)


def _strict_json(data: bytes) -> None:
    def refuse(constant: str) -> None:
        raise AssertionError(f"not standard JSON: {constant}")

    json.loads(data.decode("utf-8"), parse_constant=refuse)


def _assert_no_raw_controls(data: bytes) -> None:
    text = data.decode("utf-8")
    for line in text.split("\n"):
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e]", line), line
        assert not line.startswith(("::", "##[")), line
