"""Hostile text through the real command line and every report: parsed back, line by line.

A workspace whose values and file names try to inject GitHub workflow commands, clear the
terminal and break UTF-8 runs through `journeyops` as a subprocess (real streams, real
encodings), and each output is read back the way its consumer reads it: strict JSON, expat,
UTF-8, a markdown renderer, and the GitHub runner's own rules for what is a command.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from urllib.parse import unquote_to_bytes

import jsonschema
import pytest
from markdown_it import MarkdownIt

from journeyops.core.diagnostics import Diagnostic
from journeyops.load.sources import DiskSource
from journeyops.report.safe_text import printable, unicode_safe
from journeyops.rules.validation import validate
from tests.conftest import ROOT, git

SARIF_SCHEMA = json.loads((Path(__file__).parent / "sarif" / "sarif-2.1.0.json").read_text())
INJECTED = "x\n::error file=README.md,line=1::INJECTED"
STOP = "y\n::stop-commands::tok"
LEGACY = "z ##[add-mask]hidden"
CLEAR = "\x1b[2Jclear"
JOURNEY = f"""kind: journey
id: j
title: J
owner: Team
level: {json.dumps(CLEAR)}
personas: [{json.dumps(INJECTED)}, {json.dumps(STOP)}, {json.dumps(LEGACY)}, "w\\r::add-mask::s"]
"""
# A newline and a byte that is not UTF-8; a name that starts a line with `::` when shown
# relative to the workspace; one that does after the runner trims a no-break space.
NAMES = (
    os.fsdecode(b"n\n::error file=README.md,line=1::NAMED\xff.yaml"),
    "::warning file=README.md::LEAD.yaml",
    "\u00a0::notice::nbsp.yaml",
)
# Exactly what GithubReporter writes: nothing else may reach the runner as a command.
OURS = re.compile(
    r"::(error|warning) file=(?P<file>[^,:]*),line=\d+,col=\d+,endLine=\d+,endColumn=\d+,"
    r"title=JO\d{3} [a-z0-9-]+::[^\n]*"
)
# What a report may contain besides text: line breaks only.
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _reject(constant: str) -> None:
    raise ValueError(f"not standard JSON: {constant}")


def strict_json(raw: bytes) -> Any:
    return json.loads(raw.decode("utf-8"), parse_constant=_reject)


def runner_commands(output: str) -> list[str]:
    """The lines a GitHub runner acts on, read as the runner reads them: a line that starts
    with `::` once leading blanks are trimmed, or (legacy form) holds `##[` anywhere."""
    return [line for line in output.splitlines() if line.lstrip().startswith("::") or "##[" in line]


def runner_property(value: str) -> str:
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(escaped, raw)
    return value


def run(cwd: Path, *args: str, github: bool = False) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(cwd.parent / "cache")}
    env.pop("GITHUB_ACTIONS", None)
    if github:
        env["GITHUB_ACTIONS"] = "true"
    return subprocess.run(
        [sys.executable, "-m", "journeyops", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        check=False,
    )


def stdout(done: subprocess.CompletedProcess[bytes], status: int = 1) -> str:
    """Standard output as UTF-8 (strictly: bytes that are not UTF-8 raise), after checking
    that the run ended as expected, without a traceback."""
    assert b"Traceback" not in done.stderr, done.stderr.decode(errors="replace")
    assert done.returncode == status, done.stderr.decode(errors="replace")
    return done.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile") / "ws"
    root.mkdir()
    (root / "journeyops.yaml").write_text("version: 1\nname: Hostile\n")
    (root / "personas.yaml").write_text("kind: persona\nid: maya\nname: Maya\n")
    (root / "j.yaml").write_text(JOURNEY)
    for number, name in enumerate(NAMES):
        try:
            (root / name).write_text(f"kind: journey\nid: k{number}\ntitle: K\npersonas: [no]\n")
        except (OSError, UnicodeEncodeError) as error:  # e.g. a file system that wants UTF-8
            pytest.skip(f"this file system cannot hold the name {name!r}: {error}")
    return root


@pytest.fixture(scope="module")
def reports(hostile: Path) -> dict[str, subprocess.CompletedProcess[bytes]]:
    """Each report of the hostile workspace, run once under GitHub Actions; "annotated" is
    the default text report, which then comes with the annotations."""
    runs = {fmt: ("validate", "-f", fmt) for fmt in ("text", "json", "junit", "sarif", "github")}
    done = {name: run(hostile, *args, github=True) for name, args in runs.items()}
    done["annotated"] = run(hostile, "validate", github=True)
    return done


@pytest.fixture(scope="module")
def found(hostile: Path) -> list[Diagnostic]:
    """The findings, from the library: what every report must carry, no more, no less."""
    return validate(DiskSource(hostile)).diagnostics


def shown_files() -> set[str]:
    return {printable(name) for name in (*NAMES, "j.yaml", "personas.yaml")}


def test_json_is_standard_utf8_and_carries_the_exact_text(
    reports: dict[str, subprocess.CompletedProcess[bytes]], found: list[Diagnostic]
) -> None:
    diagnostics = strict_json(stdout(reports["json"]).encode())["diagnostics"]
    assert [d["message"] for d in diagnostics] == [d.message for d in found]
    messages = " ".join(d["message"] for d in diagnostics)
    for raw in (INJECTED, STOP, LEGACY, CLEAR):
        assert raw in messages
    assert [d["file"] for d in diagnostics] == [unicode_safe(d.file) for d in found]


@pytest.mark.parametrize("fmt", ["text", "json", "junit", "sarif"])
def test_no_report_holds_a_workflow_command_or_a_control_character(
    reports: dict[str, subprocess.CompletedProcess[bytes]], fmt: str
) -> None:
    done = reports[fmt]
    out = stdout(done)
    assert runner_commands(out) == []
    assert not CONTROL.search(out)
    assert runner_commands(done.stderr.decode("utf-8")) == []


def test_text_shows_user_text_escaped_on_its_own_line(
    reports: dict[str, subprocess.CompletedProcess[bytes]],
) -> None:
    out = stdout(reports["text"])
    assert "'x\\n::error file=README.md,line=1::INJECTED' is not a valid id" in out
    assert "level '\\x1b[2Jclear'" in out
    assert "'z ##\\x5badd-mask]hidden'" in out
    assert "n\\n::error file=README.md,line=1::NAMED\\xff.yaml:4:" in out
    assert "./::warning file=README.md::LEAD.yaml:4:" in out


@pytest.mark.parametrize("name", ["github", "annotated"])
def test_github_lines_are_only_the_annotations_journeyops_wrote(
    reports: dict[str, subprocess.CompletedProcess[bytes]], found: list[Diagnostic], name: str
) -> None:
    out = stdout(reports[name])
    commands = runner_commands(out)
    assert len(commands) == len(found)
    for line in commands:
        match = OURS.fullmatch(line)
        assert match, line
        assert runner_property(match["file"]) in shown_files()


def test_junit_is_well_formed_xml(
    reports: dict[str, subprocess.CompletedProcess[bytes]], found: list[Diagnostic]
) -> None:
    raw = stdout(reports["junit"]).encode()
    suite = ET.fromstring(raw).find("testsuite")  # expat: XML 1.0 characters only
    assert suite is not None
    cases = suite.findall("testcase")
    assert {case.get("name") for case in cases} == shown_files()
    failures = [f for case in cases for f in case.findall("failure")]
    assert len(failures) == len(found) == int(suite.get("failures", "0"))
    assert any("'x\\n::error file=README.md" in (f.get("message") or "") for f in failures)


def test_sarif_is_valid_and_names_files_by_their_own_bytes(
    reports: dict[str, subprocess.CompletedProcess[bytes]], found: list[Diagnostic]
) -> None:
    sarif = strict_json(stdout(reports["sarif"]).encode())
    jsonschema.Draft202012Validator(SARIF_SCHEMA).validate(sarif)
    [result_run] = sarif["runs"]
    results = result_run["results"]
    assert len(results) == len(found)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert all(uri.isascii() and " " not in uri for uri in uris)
    assert {unquote_to_bytes(uri) for uri in uris} >= {os.fsencode(name) for name in NAMES}
    fingerprints = [r["partialFingerprints"]["journeyops/v1"] for r in results]
    assert len(set(fingerprints)) == len(fingerprints)


def test_errors_on_stderr_are_one_escaped_line(hostile: Path) -> None:
    done = run(hostile, "explain", INJECTED)
    stdout(done, status=2)
    assert done.stderr.decode("utf-8") == (
        "error: no rule 'x\\n::error file=README.md,line=1::INJECTED'; see `journeyops rules`\n"
    )
    done = run(hostile, "validate", "[/x]\x1b[2J")  # rich markup and an escape in a path
    stdout(done, status=2)
    assert done.stderr.decode("utf-8") == "error: [/x]\\x1b[2J does not exist\n"
    done = run(hostile, "score")  # file errors of a command that is not validate
    errors = done.stderr.decode("utf-8")
    assert "'x\\n::error file=README.md,line=1::INJECTED' is not a valid id" in errors
    assert runner_commands(errors) == [] and not CONTROL.search(errors)


# `diff`: hostile titles between two commits.
TITLE = "A | B\n| C `x` ``y`` <img src=https://e.example/p.png> @org/team ##[add-mask]k \x1b[2J"
CONFIG = "version: 1\nname: D\n"
STEPS = "kind: journey\nid: j\ntitle: J\nstages: [{id: s, name: S, steps: [{id: t, name: T}]}]\n"
OPPORTUNITY = """kind: opportunity
id: {id}
title: {title}
status: open
steps: [j/t]
scores: {{reach: {reach}, impact: 1, confidence: 1, effort: 1}}
"""


@pytest.fixture(scope="module")
def changed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("diff") / "repo"
    repo.mkdir()
    (repo / "journeyops.yaml").write_text(CONFIG)
    (repo / "j.yaml").write_text(STEPS)
    for name, reach in (("a", 10), ("b", 20)):
        text = OPPORTUNITY.format(id=name, title=name.upper(), reach=reach)
        (repo / f"{name}.yaml").write_text(text)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "base")
    hostile = OPPORTUNITY.format(id="a", title=json.dumps(TITLE), reach=30)
    (repo / "a.yaml").write_text(hostile)
    return repo


def diff_output(repo: Path, fmt: str) -> str:
    out = stdout(run(repo, "diff", "main", "--format", fmt), status=0)
    assert runner_commands(out) == []
    assert not CONTROL.search(out)
    return out


def test_diff_json_is_standard_and_exact(changed: Path) -> None:
    document = strict_json(diff_output(changed, "json").encode())
    [change] = document["documents"]
    [title] = [f for f in change["fields"] if f["path"] == "title"]
    assert title["after"] == TITLE


def test_diff_text_keeps_each_change_on_its_line(changed: Path) -> None:
    out = diff_output(changed, "text")
    assert ': title "A" -> "A | B\\n| C' in out
    ranking = out.split("Ranking (rice)\n")[1].splitlines()
    assert len(ranking) == 2 and ranking[0].startswith("  #1 ")


def test_diff_markdown_renders_user_text_only_as_code(changed: Path) -> None:
    out = diff_output(changed, "markdown")
    html = MarkdownIt("commonmark").enable("table").render(out)
    # Raw HTML is rendered by this renderer (as GitHub renders its safe subset): none
    # may come from user text, which must sit in code spans, as must mentions.
    assert "<img" not in html
    outside_code = re.sub(r"<code>.*?</code>", "", html, flags=re.S)
    assert "@org" not in outside_code and "e.example" not in outside_code
    rows = re.findall(r"<tr>(.*?)</tr>", html, flags=re.S)
    # The documents' table (its header, the changed opportunity) and the ranking's (its
    # header, the one that moved; the other shifted one place): no row broken or added.
    assert [row.count("<td") for row in rows] == [0, 4, 0, 5]
    cell = printable(TITLE).replace("##[", "##\\x5b")
    cell = cell.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert f"<code>{cell}</code>" in html  # the whole title, exact, in one code span


def test_the_matrix_svg_is_well_formed_xml(changed: Path, tmp_path: Path) -> None:
    svg = tmp_path / "matrix.svg"
    stdout(run(changed, "score", "--matrix", str(svg)), status=0)
    titles = [e.text or "" for e in ET.parse(svg).iter("{http://www.w3.org/2000/svg}title")]
    assert any(title.startswith(printable(TITLE)[:20]) for title in titles)
