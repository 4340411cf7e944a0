"""SARIF, GitHub annotations and JUnit: validated against their specs and pinned by goldens."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from journeyops.core.diagnostics import Diagnostic, Severity, Span
from journeyops.report import ReportContext
from journeyops.report.github import GithubReporter
from journeyops.rules import RULES
from journeyops.rules.validation import ValidationResult
from tests.conftest import ROOT, git

Cli = Callable[..., tuple[int, str, str]]
SARIF_SCHEMA = json.loads((Path(__file__).parent / "sarif" / "sarif-2.1.0.json").read_text())
BROKEN = ("validate", "examples/broken", "--today", "2026-11-24")


@pytest.fixture
def broken_json(cli: Cli) -> dict[str, object]:
    status, out, _ = cli(*BROKEN, "--format", "json", cwd=ROOT)
    assert status == 1
    document: dict[str, object] = json.loads(out)
    return document


def test_sarif_validates_against_the_official_schema(cli: Cli) -> None:
    status, out, _ = cli(*BROKEN, "--format", "sarif", cwd=ROOT)
    assert status == 1
    sarif = json.loads(out)
    jsonschema.Draft202012Validator(SARIF_SCHEMA).validate(sarif)


def test_sarif_carries_rules_results_and_repository_paths(
    cli: Cli, broken_json: dict[str, object]
) -> None:
    _, out, _ = cli(*BROKEN, "--format", "sarif", cwd=ROOT)
    [run] = json.loads(out)["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["informationUri"]) == (
        "journeyops",
        "https://github.com/journeyops/journeyops",
    )
    assert [r["id"] for r in driver["rules"]] == list(RULES)
    jo404 = driver["rules"][list(RULES).index("JO404")]
    assert jo404["name"] == "unaddressed-high-pain"
    assert jo404["defaultConfiguration"] == {"level": "warning"}
    assert {"shortDescription", "fullDescription", "help"} <= set(jo404)
    diagnostics = broken_json["diagnostics"]
    assert isinstance(diagnostics, list)
    assert len(run["results"]) == len(diagnostics)
    for result, diagnostic in zip(run["results"], diagnostics, strict=True):
        assert result["ruleId"] == diagnostic["rule"]
        assert driver["rules"][result["ruleIndex"]]["id"] == diagnostic["rule"]
        assert result["level"] == diagnostic["severity"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "examples/broken/" + diagnostic["file"]
        assert location["region"]["startLine"] == diagnostic["line"]
        assert location["region"]["startColumn"] == diagnostic["column"]
    fingerprints = [r["partialFingerprints"]["journeyops/v1"] for r in run["results"]]
    assert len(set(fingerprints)) == len(fingerprints)


def test_sarif_fingerprints_survive_lines_moving(tmp_path: Path, cli: Cli) -> None:
    (tmp_path / "journeyops.yaml").write_text("version: 1\nname: X\nlint: {select: [JO0]}\n")
    (tmp_path / "p.yaml").write_text("kind: persona\nid: p\n")
    first = json.loads(cli("validate", str(tmp_path), "-f", "sarif")[1])
    (tmp_path / "p.yaml").write_text("# a comment moves everything down\n\nkind: persona\nid: p\n")
    second = json.loads(cli("validate", str(tmp_path), "-f", "sarif")[1])
    [a], [b] = first["runs"][0]["results"], second["runs"][0]["results"]
    assert a["locations"] != b["locations"]
    assert a["partialFingerprints"] == b["partialFingerprints"]


def test_github_annotations_match_golden(cli: Cli, golden: Callable[[str, str], None]) -> None:
    status, out, _ = cli(*BROKEN, "--format", "github", cwd=ROOT)
    assert status == 1
    golden("broken.github.txt", out)


def test_github_escapes_data_and_properties() -> None:
    """User line breaks are shown escaped (printable), then the runner's %-escapes apply:
    the only real line break in an annotation is the one before the hint."""
    diagnostic = Diagnostic(
        "a,b:c.yaml",
        Span(1, 2, 3, 4),
        "JO101",
        "unknown-persona",
        Severity.WARNING,
        "50% done\r\nnext %0A ##[add-mask]x",
        "x",
    )
    result = ValidationResult([diagnostic])
    line = GithubReporter(ReportContext()).render(result)
    assert line == (
        "::warning file=a%2Cb%3Ac.yaml,line=1,col=2,endLine=3,endColumn=4,"
        "title=JO101 unknown-persona::50%25 done\\r\\nnext %250A ##\\x5badd-mask]x%0Ahint: x\n"
    )


def test_junit_matches_golden_and_counts(
    cli: Cli, golden: Callable[[str, str], None], broken_json: dict[str, object]
) -> None:
    status, out, _ = cli(*BROKEN, "--format", "junit", cwd=ROOT)
    assert status == 1
    golden("broken.junit.xml", out)
    suite = ET.fromstring(out).find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    summary = broken_json["summary"]
    assert isinstance(summary, dict)
    assert len(cases) == summary["files_checked"] == int(suite.get("tests", "0"))
    failures = [f for case in cases for f in case.findall("failure")]
    assert (
        len(failures) == summary["errors"] + summary["warnings"] == int(suite.get("failures", "0"))
    )


def test_two_formats_with_outputs_in_one_run(cli: Cli, tmp_path: Path) -> None:
    sarif, annotations = tmp_path / "r.sarif", tmp_path / "r.txt"
    status, out, _ = cli(
        *BROKEN, "-f", "sarif", "-o", str(sarif), "-f", "github", "-o", str(annotations), cwd=ROOT
    )
    assert (status, out) == (1, "")
    assert json.loads(sarif.read_text())["version"] == "2.1.0"
    assert annotations.read_text().startswith("::error file=examples/broken/")


def test_one_format_to_a_file_and_one_to_stdout(cli: Cli, tmp_path: Path) -> None:
    status, out, _ = cli(
        *BROKEN, "-f", "json", "-o", str(tmp_path / "r.json"), "-f", "github", cwd=ROOT
    )
    assert status == 1
    assert out.startswith("::error ")
    assert json.loads((tmp_path / "r.json").read_text())["version"] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("-f", "json", "-f", "github"), "only one report can go to standard output"),
        (("-f", "json", "-o", "a", "-o", "b"), "more --output than --format"),
    ],
)
def test_ambiguous_outputs_are_usage_errors(cli: Cli, args: tuple[str, ...], message: str) -> None:
    status, _, err = cli(*BROKEN, *args, cwd=ROOT)
    assert status == 2
    assert message in err


def test_github_actions_adds_annotations_to_text(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, out, _ = cli(*BROKEN, cwd=ROOT)
    lines = out.splitlines()
    assert lines[0].startswith("examples/broken/journeys/apply.yaml:5:12: error JO101")
    assert any(
        line.startswith("::error file=examples/broken/journeys/apply.yaml,line=5,")
        for line in lines
    )
    _, out, _ = cli(*BROKEN, "--format", "json", cwd=ROOT)
    assert "::error" not in out  # an explicit format is what the user asked for


def test_changed_since_summary_counts_what_it_says(cli: Cli, tmp_path: Path) -> None:
    """A renamed persona breaks four unchanged journeys: the summary must not read
    "5 errors in 5 of 1 file" (findings in unchanged files counted against the changed one)."""
    (tmp_path / "journeyops.yaml").write_text("version: 1\nname: X\nlint: {select: [JO0, JO1]}\n")
    (tmp_path / "personas.yaml").write_text("kind: persona\nid: maya\nname: Maya\n")
    for name in "abcd":
        journey = f"kind: journey\nid: {name}\ntitle: J\npersonas: [maya]\n"
        (tmp_path / f"{name}.yaml").write_text(journey)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    renamed = "kind: persona\nid: maya-b\nname: Maya\n---\nkind: persona\nid: nameless\n"
    (tmp_path / "personas.yaml").write_text(renamed)
    status, out, _ = cli("validate", str(tmp_path), "--changed-since", "main")
    assert status == 1
    summary, scope = out.splitlines()[-2:]
    assert summary == (
        "✗ 5 errors in 5 files (1 changed file checked; 4 findings in 4 unchanged files it affects)"
    )
    assert scope == "  only what changed since main is reported"
    status, out, _ = cli("validate", str(tmp_path), "--changed-since", "main", "-f", "json")
    counted = json.loads(out)["summary"]
    assert (counted["files_checked"], counted["files_with_findings"]) == (1, 5)
    assert counted["unchanged_files_with_findings"] == 4
    assert counted["changed_since"]["in_unchanged_files"] == 4


def test_text_report_plain_and_through_rich_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    """Plain text is written without rich (a clean run in CI does not import it); it must
    be what rich itself prints without colour, and colour must only add styles."""
    from rich.text import Text  # noqa: PLC0415

    from journeyops.load.sources import DiskSource  # noqa: PLC0415
    from journeyops.report import text as text_module  # noqa: PLC0415
    from journeyops.report.formatting import string_console  # noqa: PLC0415
    from journeyops.rules.validation import validate  # noqa: PLC0415

    result = validate(DiskSource(ROOT / "examples" / "broken"))
    assert result.diagnostics and any(d.hint for d in result.diagnostics)
    captured: list[list[text_module.Line]] = []
    real = text_module.styled

    def capture(lines: list[text_module.Line], color_system: str | None) -> str:
        captured.append(lines)
        return real(lines, color_system)

    monkeypatch.setattr(text_module, "styled", capture)
    plain = text_module.TextReporter(ReportContext()).render(result)
    console, buffer = string_console(None)
    for line in captured[0]:
        console.print(Text.assemble(*line))
    assert plain == buffer.getvalue()
    colored = text_module.TextReporter(ReportContext(color_system="truecolor")).render(result)
    assert "\x1b[" in colored
    assert Text.from_ansi(colored).plain == plain


# GitLab's code-quality issue, as its documentation describes the fields it reads.
GITLAB_ISSUE = {
    "type": "object",
    "required": ["description", "check_name", "fingerprint", "severity", "location"],
    "properties": {
        "description": {"type": "string", "minLength": 1},
        "check_name": {"type": "string", "minLength": 1},
        "fingerprint": {"type": "string", "pattern": "^[0-9a-f]{32}$"},
        "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
        "location": {
            "type": "object",
            "required": ["path", "lines"],
            "properties": {
                "path": {"type": "string"},
                "lines": {
                    "type": "object",
                    "required": ["begin"],
                    "properties": {"begin": {"type": "integer", "minimum": 1}},
                },
            },
        },
    },
}


def test_gitlab_code_quality_matches_golden_and_the_findings(
    cli: Cli, golden: Callable[[str, str], None], broken_json: dict[str, object]
) -> None:
    status, out, _ = cli(*BROKEN, "--format", "gitlab", cwd=ROOT)
    assert status == 1
    golden("broken.gitlab.json", out)
    issues = json.loads(out)
    jsonschema.validate(issues, {"type": "array", "items": GITLAB_ISSUE})
    diagnostics = broken_json["diagnostics"]
    assert isinstance(diagnostics, list)
    assert [(i["location"]["lines"]["begin"], i["severity"]) for i in issues] == [
        (d["line"], "major" if d["severity"] == "error" else "minor") for d in diagnostics
    ]
    # Paths are the repository's (what GitLab resolves them against), not the workspace's.
    assert {i["location"]["path"].split("/")[0] for i in issues} == {"examples"}
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_gitlab_fingerprints_survive_lines_moving_and_match_sarif(tmp_path: Path, cli: Cli) -> None:
    (tmp_path / "journeyops.yaml").write_text("version: 1\nname: X\nlint: {select: [JO0]}\n")
    (tmp_path / "p.yaml").write_text("kind: persona\nid: p\n")
    first = json.loads(cli("validate", str(tmp_path), "-f", "gitlab")[1])
    sarif = json.loads(cli("validate", str(tmp_path), "-f", "sarif")[1])
    (tmp_path / "p.yaml").write_text("# a comment moves everything down\n\nkind: persona\nid: p\n")
    second = json.loads(cli("validate", str(tmp_path), "-f", "gitlab")[1])
    [a], [b] = first, second
    assert a["location"]["lines"]["begin"] != b["location"]["lines"]["begin"]
    assert a["fingerprint"] == b["fingerprint"]
    [result] = sarif["runs"][0]["results"]
    assert result["partialFingerprints"]["journeyops/v1"] == a["fingerprint"]


def test_gitlab_shows_user_text_escaped() -> None:
    from journeyops.report.gitlab import GitlabReporter  # noqa: PLC0415

    diagnostic = Diagnostic(
        "a.yaml",
        Span(3, 1, 3, 2),
        "JO101",
        "unknown-persona",
        Severity.ERROR,
        "x\x1b[31m\ny",
        "h\x07",
    )
    [issue] = json.loads(GitlabReporter(ReportContext()).render(ValidationResult([diagnostic])))
    assert issue["description"] == "JO101 x\\x1b[31m\\ny (hint: h\\x07)"
    assert issue["location"] == {"path": "a.yaml", "lines": {"begin": 3}}
