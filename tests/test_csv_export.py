"""`journeyops export csv`: what a spreadsheet gets, for opportunities and for journey steps."""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT

Cli = Callable[..., tuple[int, str, str]]
FIXTURE = ROOT / "tests" / "csv" / "workspace"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "workspace"))


def sheet(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff"), "Excel needs the byte order mark to read UTF-8"
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def test_one_row_per_opportunity_with_its_inputs_and_score(cli: Cli, root: Path) -> None:
    status, out, err = cli("export", "csv", "--kind", "opportunity", str(root))
    assert (status, err) == (0, "")
    rows = {row["id"]: row for row in sheet(out)}
    assert list(rows) == ["shorter-form", "formula-title", "plain-words"]  # ranked, then unscored
    shorter = rows["shorter-form"]
    assert shorter["score"] == "12000"  # 30000 x 1 x 0.8 / 2
    assert shorter["rank"] == "1"
    assert shorter["scores.reach"] == "30000"
    assert shorter["personas"] == "sam rosa"
    assert shorter["owner"] == "Forms team"
    assert rows["formula-title"]["scores.confidence"] == "80%"
    unscored = rows["plain-words"]
    assert unscored["score"] == unscored["rank"] == ""
    assert unscored["note"] == "not scored: missing impact, confidence, effort"
    assert unscored["scores.strategic_fit"] == "3"  # a key of no model still has its column


def test_the_file_is_rfc_4180_with_crlf_quoted_text_and_bare_numbers(cli: Cli, root: Path) -> None:
    target = root / "sheet.csv"
    cli("export", "csv", "--kind", "opportunity", str(root), "--out", str(target))
    out = target.read_bytes().decode("utf-8")  # as written: the test runner's stdout drops CR
    first = out.split("\r\n")[1]
    assert first.startswith('"shorter-form","A shorter form","planned","Forms team",12000,1,')
    assert ",30000,1,0.8,2," in first
    # The description's line break is inside its quoted cell, not a record's end.
    assert '"\'-2 points on the emotion scale.\n@everyone reads this line.\n"\r\n' in out


def test_formula_cells_are_neutralised(cli: Cli, root: Path) -> None:
    _, out, _ = cli("export", "csv", "--kind", "opportunity", str(root))
    row = next(r for r in sheet(out) if r["id"] == "formula-title")
    assert row["title"] == "'=1+1 is not a formula"
    assert row["owner"] == "'+44 support line"
    assert row["description"].startswith("'-2 points")


def test_one_row_per_step_with_emotion_pains_and_insights(cli: Cli, root: Path) -> None:
    status, out, _ = cli("export", "csv", "--kind", "journey", str(root))
    assert status == 0
    rows = sheet(out)
    assert [(r["stage"], r["step"]) for r in rows] == [
        ("start", "fill-form"),
        ("start", "upload-id"),
        ("wait", "hear-back"),
    ]
    fill = rows[0]
    assert fill["emotion"] == "-2"
    assert fill["touchpoints"] == "website; =mobile app"  # not at the cell's start: no formula
    assert fill["pains"] == (
        "long-form (high): The form is long; jargon (unrated): @Terms nobody understands"
    )
    assert fill["insights"] == "form-survey"
    assert rows[1]["moment_of_truth"] == "yes"
    assert rows[2]["emotion"] == ""
    # -2 is a number, written bare: a spreadsheet reads it as -2, not as a formula.
    assert ',"Fill in the form",-2,"no",' in out


def test_a_step_name_that_looks_like_a_formula_is_neutralised(cli: Cli, root: Path) -> None:
    journey = root / "journeys" / "apply.yaml"
    journey.write_text(journey.read_text().replace("name: Hear back", 'name: "@SUM(A1)"'))
    _, out, _ = cli("export", "csv", "--kind", "journey", str(root))
    assert sheet(out)[2]["step_name"] == "'@SUM(A1)"


def test_control_characters_never_reach_the_terminal(cli: Cli, root: Path) -> None:
    forms = root / "opportunities" / "forms.yaml"
    forms.write_text(forms.read_text().replace("A shorter form", '"A \\e[2J shorter\\u202e form"'))
    _, out, _ = cli("export", "csv", "--kind", "opportunity", str(root))
    assert "\x1b" not in out and "\u202e" not in out
    assert sheet(out)[0]["title"] == "A \\x1b[2J shorter\\u202e form"


def test_out_writes_the_file_and_nothing_on_standard_output(cli: Cli, root: Path) -> None:
    target = root / "sheet.csv"
    status, out, _ = cli("export", "csv", "-k", "journey", str(root), "--out", str(target))
    assert (status, out) == (0, "")
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    assert len(sheet(target.read_text(encoding="utf-8"))) == 3


def test_documents_with_errors_are_left_out_and_reported(cli: Cli, root: Path) -> None:
    (root / "opportunities" / "broken.yaml").write_text(
        "kind: opportunity\nid: broken\ntitle: No steps\n"
    )
    status, out, err = cli("export", "csv", "--kind", "opportunity", str(root))
    assert status == 1
    assert "broken" not in [r["id"] for r in sheet(out)]
    assert "broken.yaml:1:1" in err and "steps" in err


def test_the_score_columns_follow_the_model_asked_for(cli: Cli, root: Path) -> None:
    _, out, _ = cli("export", "csv", "--kind", "opportunity", "--model", "ice", str(root))
    header = next(csv.reader(io.StringIO(out.removeprefix("\ufeff"))))
    inputs = [c for c in header if c.startswith("scores.")]
    assert inputs[:3] == ["scores.impact", "scores.confidence", "scores.ease"]
    assert {r["score"] for r in sheet(out)} == {""}  # nobody has an ease


def test_kind_is_required(cli: Cli, root: Path) -> None:
    status, _, err = cli("export", "csv", str(root))
    assert status == 2
    assert "--kind" in err
