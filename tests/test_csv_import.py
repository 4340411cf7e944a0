"""`journeyops import csv`: the plan, the writes (checked with `validate`), and bad rows."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, read_tree

Cli = Callable[..., tuple[int, str, str]]
FIXTURE = ROOT / "tests" / "csv" / "workspace"
FORMS = "opportunities/forms.yaml"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "workspace"))


def exported(cli: Cli, root: Path) -> list[list[str]]:
    target = root.parent / "export.csv"
    cli("export", "csv", "--kind", "opportunity", str(root), "--out", str(target))
    return list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"), newline="")))


def save(root: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    target = root.parent / "sheet.csv"
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    target.write_text("\ufeff" + buffer.getvalue(), encoding="utf-8", newline="")
    return target


def edit(rows: list[list[str]], identifier: str, **cells: str) -> list[list[str]]:
    header = rows[0]
    for row in rows[1:]:
        if row[0] == identifier:
            for name, value in cells.items():
                row[header.index(name.replace("__", "."))] = value
    return rows


def new_row(rows: list[list[str]], **cells: str) -> list[list[str]]:
    header = rows[0]
    row = [""] * len(header)
    for name, value in cells.items():
        row[header.index(name.replace("__", "."))] = value
    return [*rows, row]


def import_csv(cli: Cli, root: Path, sheet: Path, *args: str) -> tuple[int, Any, str]:
    status, out, err = cli(
        "import", "csv", str(sheet), "--kind", "opportunity", str(root), "-f", "json", *args
    )
    return status, json.loads(out), err


def assert_valid(cli: Cli, root: Path) -> None:
    """What import wrote is what validate accepts: no errors anywhere in the workspace."""
    status, out, _ = cli("validate", str(root), "--no-cache", "--format", "json")
    errors = [d for d in json.loads(out)["diagnostics"] if d["severity"] == "error"]
    assert (status, errors) == (0, [])


def test_an_export_imported_unchanged_changes_no_file(cli: Cli, root: Path) -> None:
    before = read_tree(root)
    sheet = save(root, exported(cli, root))
    status, plan, _ = import_csv(cli, root, sheet, "--write")
    assert status == 0
    assert (plan["create"], plan["update"], plan["written"]) == ([], [], [])
    assert sorted(plan["unchanged"]) == ["formula-title", "plain-words", "shorter-form"]
    assert read_tree(root) == before


def test_hostile_text_round_trips_without_a_change(cli: Cli, root: Path) -> None:
    forms = root / FORMS
    forms.write_text(forms.read_text().replace("A shorter form", '"A \\e[2J ##[group] form"'))
    before = read_tree(root)
    status, plan, _ = import_csv(cli, root, save(root, exported(cli, root)), "--write")
    assert (status, plan["update"]) == (0, [])
    assert read_tree(root) == before


def test_the_plan_writes_nothing_without_write(cli: Cli, root: Path) -> None:
    before = read_tree(root)
    rows = edit(exported(cli, root), "shorter-form", title="A much shorter form")
    status, out, _ = cli("import", "csv", str(save(root, rows)), "-k", "opportunity", str(root))
    assert status == 0
    assert out == (
        "update opportunities/forms.yaml: shorter-form\n"
        '  title: "A shorter form" -> "A much shorter form"\n'
        "unchanged: 2 opportunities\n"
        "nothing written yet: run again with --write to write 1 files\n"
    )
    assert read_tree(root) == before


def test_an_update_changes_only_its_fields_and_keeps_every_comment(cli: Cli, root: Path) -> None:
    rows = edit(
        exported(cli, root),
        "shorter-form",
        title="A much shorter form",
        scores__reach="25000",
        personas="sam",
        status="",
    )
    status, plan, _ = import_csv(cli, root, save(root, rows), "--write")
    assert status == 0
    assert plan["written"] == [FORMS]
    changes = {c["field"]: (c["before"], c["after"]) for c in plan["update"][0]["changes"]}
    assert changes == {
        "title": ("A shorter form", "A much shorter form"),
        "status": ("planned", None),
        "scores.reach": (30000, 25000),
        "personas": (["sam", "rosa"], ["sam"]),
    }
    old = (FIXTURE / FORMS).read_text().splitlines()
    new = (root / FORMS).read_text().splitlines()
    removed = [line for line in old if line not in new]
    added = [line for line in new if line not in old]
    assert removed == [
        "title: A shorter form",
        "status: planned",
        "  - rosa",
        "  reach: 30000  # a quarter's applicants",
    ]
    assert added == ["title: A much shorter form", "  reach: 25000  # a quarter's applicants"]
    assert_valid(cli, root)


def test_a_new_row_creates_a_file_in_the_opportunities_folder(cli: Cli, root: Path) -> None:
    rows = new_row(
        exported(cli, root),
        id="save-and-resume",
        title="Save the form and resume later",
        steps="apply/fill-form",
        pains="apply/fill-form/long-form",
        scores__reach="8000",
        scores__impact="2",
        scores__confidence="50%",
        scores__effort="3",
        description="'=first line\nsecond line",
    )
    status, plan, _ = import_csv(cli, root, save(root, rows), "--write")
    assert status == 0
    assert plan["written"] == ["opportunities/save-and-resume.yaml"]
    assert (root / "opportunities" / "save-and-resume.yaml").read_text() == (
        "kind: opportunity\n"
        "id: save-and-resume\n"
        "title: Save the form and resume later\n"
        "description: |-\n"
        "  =first line\n"
        "  second line\n"
        "steps: [apply/fill-form]\n"
        "pains: [apply/fill-form/long-form]\n"
        "scores:\n"
        "  reach: 8000\n"
        "  impact: 2\n"
        "  confidence: 50%\n"
        "  effort: 3\n"
    )
    assert_valid(cli, root)
    _, out, _ = cli("score", str(root), "--format", "json")
    assert "save-and-resume" in [e["id"] for e in json.loads(out)["ranked"]]


def test_a_bad_row_is_reported_at_its_cell_and_nothing_is_written(cli: Cli, root: Path) -> None:
    before = read_tree(root)
    rows = edit(exported(cli, root), "shorter-form", title="Fine change")
    rows = edit(rows, "formula-title", status="Planned", scores__reach="1,5")
    rows = edit(rows, "plain-words", steps="apply/no-such-step", personas="sam nobody")
    rows = new_row(rows, id="Bad Id", title="x", steps="apply/fill-form")
    rows = new_row(rows, id="no-steps", title="Forgot the steps")
    status, out, _ = cli("import", "csv", str(save(root, rows)), "-k", "opportunity", str(root))
    assert status == 1
    sheet = root.parent / "sheet.csv"
    problems = [line for line in out.splitlines() if line.startswith(str(sheet))]
    assert problems == [
        f"{sheet}:3: row 3, column C (status): status: 'Planned' is not allowed; use 'open', "
        "'exploring', 'planned', 'in-progress', 'done' or 'dismissed'",
        f"{sheet}:3: row 3, column H (scores.reach): '1,5' is not a number or a percentage "
        "(use a point as the decimal separator)",
        # Row 3's description has two lines: row 4 starts on line 6.
        f"{sheet}:6: row 4, column M (steps): there is no step 'apply/no-such-step'",
        f"{sheet}:6: row 4, column O (personas): there is no persona 'nobody'",
        f"{sheet}:7: row 5, column A (id): 'Bad Id' is not an id",
        f"{sheet}:8: row 6, column M (steps): missing required field 'steps'",
    ]
    assert out.endswith("nothing written: 6 problems in " + str(sheet) + "\n")
    status, plan, _ = import_csv(cli, root, sheet, "--write")
    assert (status, plan["written"]) == (1, [])
    assert read_tree(root) == before


def test_a_row_without_a_required_column_names_the_field(cli: Cli, root: Path) -> None:
    sheet = save(root, [["id", "title"], ["brand-new", "No steps column"]])
    status, plan, _ = import_csv(cli, root, sheet)
    assert status == 1
    [problem] = plan["problems"]
    assert (problem["row"], problem["column"], problem["letter"]) == (2, "steps", None)
    assert "steps" in problem["message"]


def test_a_partial_sheet_changes_only_its_columns(cli: Cli, root: Path) -> None:
    sheet = save(root, [["id", "scores.effort"], ["shorter-form", "4"], ["plain-words", "1"]])
    status, plan, _ = import_csv(cli, root, sheet, "--write")
    assert status == 0
    assert [(u["id"], u["changes"]) for u in plan["update"]] == [
        ("shorter-form", [{"field": "scores.effort", "before": 2, "after": 4}]),
        ("plain-words", [{"field": "scores.effort", "before": None, "after": 1}]),
    ]
    assert "  effort: 4\n" in (root / FORMS).read_text()
    assert (
        (root / "opportunities" / "unscored.yaml")
        .read_text()
        .endswith("scores:\n  reach: 1000\n  strategic_fit: 3\n  effort: 1\n")
    )
    assert_valid(cli, root)


def test_a_neutralised_cell_is_read_back_as_its_text(cli: Cli, root: Path) -> None:
    rows = edit(exported(cli, root), "shorter-form", owner="'@forms-team", title="'-minus")
    status, _, _ = import_csv(cli, root, save(root, rows), "--write")
    assert status == 0
    text = (root / FORMS).read_text()
    assert "title: -minus\n" in text
    assert "owner: '@forms-team' # the squad, not a person\n" in text
    assert_valid(cli, root)


def test_a_sheet_saved_with_semicolons_is_read(cli: Cli, root: Path) -> None:
    rows = edit(exported(cli, root), "plain-words", owner="Content team")
    status, plan, _ = import_csv(cli, root, save(root, rows, delimiter=";"))
    assert status == 0
    assert [c["after"] for c in plan["update"][0]["changes"]] == ["Content team"]


def test_sheet_problems_before_any_row(cli: Cli, root: Path) -> None:
    sheet = save(root, [["id", "titel", "id"], ["a", "b", "c", "d"]])
    status, plan, _ = import_csv(cli, root, sheet)
    assert status == 1
    assert [(p["row"], p["letter"], p["message"], p["hint"]) for p in plan["problems"]] == [
        (1, "B", "unknown column 'titel'", "did you mean 'title'?"),
        (1, "C", "column 'id' is twice", None),
        (2, None, "the row has 4 cells and the header 3", None),
    ]


def test_the_same_id_on_two_rows_is_a_problem(cli: Cli, root: Path) -> None:
    sheet = save(root, [["id", "owner"], ["shorter-form", "A"], ["shorter-form", "B"]])
    status, plan, _ = import_csv(cli, root, sheet)
    assert status == 1
    assert [p["message"] for p in plan["problems"]] == ["'shorter-form' is also on row 2"]


def test_hostile_cells_are_escaped_in_the_plan(cli: Cli, root: Path) -> None:
    sheet = save(root, [["id", "owner"], ["shorter-form", "\u202eteam\u2066"]])
    status, out, _ = cli("import", "csv", str(sheet), "-k", "opportunity", str(root))
    assert status == 0
    assert '-> "\\u202eteam\\u2066"' in out
    assert not any(ch in out for ch in "\u202e\u2066")


def test_a_file_that_does_not_parse_is_never_rewritten(cli: Cli, root: Path) -> None:
    broken = root / "opportunities" / "broken.yaml"
    broken.write_text("kind: opportunity\nid: [unclosed\n")
    rows = edit(exported(cli, root), "shorter-form", title="Changed")
    status, plan, _ = import_csv(cli, root, save(root, rows), "--write")
    assert status == 0  # the other files are fine
    assert plan["unparsed"] == ["opportunities/broken.yaml"]
    assert broken.read_text() == "kind: opportunity\nid: [unclosed\n"
    # A new id may be in the file that does not parse: it is not created twice.
    status, plan, _ = import_csv(cli, root, save(root, [["id"], ["unclosed"]]), "--write")
    assert status == 1
    assert "broken.yaml does not parse" in plan["problems"][0]["message"]
    assert not (root / "opportunities" / "unclosed.yaml").exists()


def test_an_opportunity_with_a_schema_error_can_be_fixed_from_the_sheet(
    cli: Cli, root: Path
) -> None:
    (root / "opportunities" / "fix-me.yaml").write_text(
        "# keep this comment\nkind: opportunity\nid: fix-me\ntitle: Missing its steps\n"
    )
    sheet = save(root, [["id", "steps"], ["fix-me", "apply/hear-back"]])
    status, plan, _ = import_csv(cli, root, sheet, "--write")
    assert (status, plan["written"]) == (0, ["opportunities/fix-me.yaml"])
    assert (root / "opportunities" / "fix-me.yaml").read_text() == (
        "# keep this comment\nkind: opportunity\nid: fix-me\ntitle: Missing its steps\n"
        "steps: [apply/hear-back]\n"
    )
    assert_valid(cli, root)


def test_a_new_file_never_replaces_one_that_exists(cli: Cli, root: Path) -> None:
    (root / "opportunities" / "taken.yaml").write_text("# not an opportunity yet\n")
    sheet = save(root, [["id", "title", "steps"], ["taken", "T", "apply/fill-form"]])
    status, plan, _ = import_csv(cli, root, sheet, "--write")
    assert status == 1
    assert "opportunities/taken.yaml exists" in plan["problems"][0]["message"]
    assert (root / "opportunities" / "taken.yaml").read_text() == "# not an opportunity yet\n"


def test_a_sheet_that_is_not_utf8_is_a_usage_error(cli: Cli, root: Path) -> None:
    sheet = root.parent / "latin1.csv"
    sheet.write_bytes("id,owner\nshorter-form,Zoë\n".encode("latin-1"))
    status, out, err = cli("import", "csv", str(sheet), "-k", "opportunity", str(root))
    assert (status, out) == (2, "")
    assert "is not UTF-8 text (byte 25)" in err
    assert "CSV UTF-8" in err


def test_a_raw_control_character_in_a_cell_is_refused(cli: Cli, root: Path) -> None:
    before = read_tree(root)
    sheet = save(root, [["id", "owner"], ["shorter-form", "team\x1b[2J"]])
    status, plan, _ = import_csv(cli, root, sheet, "--write")
    assert status == 1
    [problem] = plan["problems"]
    assert (problem["letter"], problem["message"]) == (
        "B",
        "the cell holds a control character (\\x1b): remove it",
    )
    assert read_tree(root) == before
