"""`import csv` against hostile and odd input: any sheet gives a plan or problems, never a
traceback; a plan that writes leaves a workspace `validate` accepts; odd files keep their
shape (line ends, other documents, text a `|` block cannot hold)."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from journeyops.authoring.csv_import import plan_import, write_plan
from journeyops.authoring.csv_report import as_json, as_text
from journeyops.load.sources import DiskSource
from journeyops.rules.validation import validate
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "csv" / "workspace"
FORMS = "opportunities/forms.yaml"
_HOSTILE = [
    "=1+1", "'=1+1", "'@x", "-2", "+1", "\x1b[2Jclear", "a\u202eb", "line\nbreak",
    "trailing \nspace", "\x00nul", "\r\n", "##[error]x", '"quoted"', "x" * 300,
    "kind: journey", "---", "'", "ü ☃ 𝄞", "\t tab", "", "Bad Id", "1,5", "nan",
]  # fmt: skip
# Text a text cell may hold; raw control characters (other than line breaks and tabs) are
# refused, as export never writes them.
_TEXT = [h for h in _HOSTILE if h and not re.search("[\x00-\x08\x0b-\x1f]", h)]
# What each column may hold, then what it may not (hostile text is fine in a text column):
# a plan with one bad cell writes nothing, so most cells must be valid for writes to happen.
_COLUMNS = {
    "title": (["New title", *_TEXT], ["", "\x00", "\x1b[2J"]),
    "status": (["", "open", "done", "planned"], ["Open", "'open", "=1"]),
    "owner": (["", "Team", *_TEXT], ["\x1b[2J"]),
    "description": (["", "One\ntwo", "One\r\ntwo", *_TEXT], ["\x00nul"]),
    "steps": (["apply/fill-form", "apply/upload-id, apply/hear-back"], ["", "x/y", "Bad"]),
    "pains": (["", "apply/fill-form/long-form"], ["apply/fill-form/nope"]),
    "personas": (["", "sam", "rosa sam"], ["nobody"]),
    "scores.reach": (["", "5", "0.5", "-0", "1e300"], ["-2", "1e999", "1,5", "80%"]),
    "scores.impact": (["", "1", "3", "0.25"], ["7"]),
    "scores.custom": (["", "1", "50%", "-2"], ["x"]),
    "rank": (["", "1", "=cmd"], []),
}
_IDS = ["shorter-form", "formula-title", "plain-words", "brand-new", "other-new"]


def _cell(draw: st.DrawFn, good: list[str], bad: list[str]) -> str:
    pool = bad if bad and (not good or draw(st.integers(0, 11)) == 0) else good
    return draw(st.sampled_from(pool))


_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path_factory.mktemp("csv") / "workspace"))


def _sheet(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


@st.composite
def _sheets(draw: st.DrawFn) -> tuple[list[str], list[list[str]]]:
    names = draw(st.lists(st.sampled_from(list(_COLUMNS)), max_size=5, unique=True))
    # A new id needs a title and steps; without those columns, only the files' own ids.
    known = _IDS if {"title", "steps"} <= set(names) else _IDS[:3]
    ids = draw(st.lists(st.sampled_from(known), min_size=1, max_size=3, unique=True))
    rows = []
    for identifier in ids:
        row = [_cell(draw, [identifier], ["Bad Id", "", "=x", _IDS[0]])]
        rows.append(row + [_cell(draw, *_COLUMNS[name]) for name in names])
    if draw(st.integers(0, 19)) == 0:  # now and then a row of the wrong length
        rows[-1].append("extra")
    return ["id", *names], rows


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sheet=_sheets())
def test_any_sheet_gives_a_plan_or_problems_and_writes_only_valid_files(
    pristine: Path,
    tmp_path_factory: pytest.TempPathFactory,
    sheet: tuple[list[str], list[list[str]]],
) -> None:
    planned = plan_import(pristine, _sheet(*sheet))
    assert not _UNSAFE.search(as_text(planned, "sheet.csv", None))
    # JSON escapes the C0 controls; other characters are its reader's to show.
    assert not re.search("[\x00-\x09\x0b-\x1f]", as_json(planned, "sheet.csv", None))
    event("problems" if not planned.ok else "writes" if planned.texts else "no change")
    if not planned.ok:
        return
    root = Path(shutil.copytree(pristine, tmp_path_factory.mktemp("write") / "workspace"))
    assert write_plan(planned, root) == sorted(planned.texts)
    errors = [d for d in validate(DiskSource(root)).diagnostics if d.is_error]
    assert errors == []
    # What was written is what the sheet says: importing it again changes nothing.
    again = plan_import(root, _sheet(*sheet))
    assert (again.plan.creates, again.plan.updates) == ([], [])


def test_a_file_with_windows_line_ends_keeps_them(tmp_path: Path) -> None:
    root = Path(shutil.copytree(FIXTURE, tmp_path / "workspace"))
    forms = root / FORMS
    original = forms.read_bytes().replace(b"\n", b"\r\n")
    forms.write_bytes(original)
    planned = plan_import(root, "id,owner\r\nshorter-form,Form squad\r\n")
    write_plan(planned, root)
    data = forms.read_bytes()
    assert data.count(b"\n") == data.count(b"\r\n") == original.count(b"\r\n")
    assert data == original.replace(b"owner: Forms team ", b"owner: Form squad ")


def test_documents_that_do_not_change_stay_byte_for_byte(tmp_path: Path) -> None:
    root = Path(shutil.copytree(FIXTURE, tmp_path / "workspace"))
    forms = root / FORMS
    forms.write_text("%YAML 1.2\n---\n" + forms.read_text().replace("---\n", "...\n---  # two\n"))
    before = forms.read_text()
    write_plan(plan_import(root, "id,title\nformula-title,New title\n"), root)
    after = forms.read_text()
    # The title keeps the double quotes it was written with.
    assert after == before.replace("=1+1 is not a formula", "New title")
    assert [d for d in validate(DiskSource(root)).diagnostics if d.is_error] == []


def test_multi_line_text_a_block_cannot_hold_is_written_quoted(tmp_path: Path) -> None:
    root = Path(shutil.copytree(FIXTURE, tmp_path / "workspace"))
    sheet = _sheet(["id", "description"], [["plain-words", "  indented \nand trailing  "]])
    planned = plan_import(root, sheet)
    assert planned.ok
    write_plan(planned, root)
    text = (root / "opportunities" / "unscored.yaml").read_text()
    assert 'description: "  indented \\nand trailing  "\n' in text
    assert [d for d in validate(DiskSource(root)).diagnostics if d.is_error] == []


def test_a_reordered_list_is_written_in_the_sheets_order(tmp_path: Path) -> None:
    root = Path(shutil.copytree(FIXTURE, tmp_path / "workspace"))
    write_plan(plan_import(root, "id,personas\nshorter-form,rosa sam\n"), root)
    assert "personas:\n  - rosa\n  - sam\n" in (root / FORMS).read_text()


def test_a_new_file_the_workspace_would_not_read_is_refused(tmp_path: Path) -> None:
    root = Path(shutil.copytree(FIXTURE, tmp_path / "workspace"))
    (root / "journeyops.yaml").write_text("version: 1\nname: T\nexclude: [opportunities/new-*]\n")
    planned = plan_import(root, "id,title,steps\nnew-one,New,apply/fill-form\n")
    [problem] = planned.plan.problems
    assert "leave opportunities/new-one.yaml out of the workspace" in problem.message
    assert write_plan(planned, root) == []
    assert not (root / "opportunities" / "new-one.yaml").exists()
