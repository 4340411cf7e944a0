"""Reading an opportunity sheet: its header, and each row as the values it asks for.

Nothing here knows the workspace: a row says what its opportunity should hold, `csv_plan`
compares that with the files. Rows are numbered as a spreadsheet numbers them (the header is
row 1), columns by letter and name, so a problem points at the cell to fix.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from typing import Any

from journeyops.authoring.csv_cells import CellError, cell_text, column_letter, parse_list
from journeyops.authoring.csv_cells import parse_score as _score
from journeyops.authoring.csv_export import BOM, DERIVED, LIST_FIELDS, SCORES, TEXT_FIELDS
from journeyops.core.suggest import did_you_mean, slugify
from journeyops.model.base import INPUT_NAME_PATTERN, SLUG_PATTERN
from journeyops.report.safe_text import printable

KNOWN = ("id", *TEXT_FIELDS, *LIST_FIELDS, *DERIVED)
# What no YAML text should hold raw; export writes these as escapes, so a sheet it wrote has
# none (line breaks and tabs are text).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True, order=True)
class CellProblem:
    """A problem with one row (and, when known, one column) of the sheet."""

    row: int  # as the spreadsheet shows it: the header is row 1
    line: int  # the line of the file the row starts on
    column: str = ""  # the header's name for it
    letter: str = ""
    message: str = ""
    hint: str | None = None


@dataclass(frozen=True)
class SheetRow:
    number: int
    line: int
    id: str
    # What the row asks for, by field: `title`, `steps`, `scores.reach`; None empties it.
    values: dict[str, Any]
    cells: dict[str, str] = field(default_factory=dict)  # the cells as written, by column


@dataclass
class Sheet:
    columns: list[str] = field(default_factory=list)
    rows: list[SheetRow] = field(default_factory=list)
    problems: list[CellProblem] = field(default_factory=list)

    def letter(self, name: str) -> str:
        return column_letter(self.columns.index(name)) if name in self.columns else ""


def read_sheet(text: str) -> Sheet:
    """Every row of `text` (a CSV with or without a byte order mark; comma, semicolon or
    tab separated, as spreadsheets save it in different locales)."""
    text = text.removeprefix(BOM)
    first = text.split("\n", 1)[0]
    delimiter = "," if "," in first else ";" if ";" in first else "\t" if "\t" in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    sheet = Sheet()
    line = 1
    try:
        for number, record in enumerate(reader, start=1):
            if number == 1:
                sheet.columns = [cell.strip() for cell in record]
                _check_header(sheet)
            elif any(cell.strip() for cell in record):
                _add_row(sheet, number, line, record)
            line = reader.line_num + 1
    except csv.Error as error:
        sheet.problems.append(CellProblem(reader.line_num, line, message=f"not CSV: {error}"))
    if not sheet.columns:
        sheet.problems.append(CellProblem(1, 1, message="the sheet is empty: it has no header"))
    return sheet


def _check_header(sheet: Sheet) -> None:
    seen: set[str] = set()
    for index, name in enumerate(sheet.columns):
        letter = column_letter(index)
        if name in seen:
            sheet.problems.append(CellProblem(1, 1, name, letter, f"column '{name}' is twice"))
        seen.add(name)
        if not _importable(name):
            hint = did_you_mean(name, KNOWN) or "columns: " + ", ".join(KNOWN) + ", scores.KEY"
            message = f"unknown column '{printable(name)}'"
            sheet.problems.append(CellProblem(1, 1, printable(name), letter, message, hint))
    if "id" not in sheet.columns:
        hint = "the first row names the columns, as `journeyops export csv` writes them"
        sheet.problems.append(CellProblem(1, 1, message="the sheet has no 'id' column", hint=hint))


def _add_row(sheet: Sheet, number: int, line: int, record: list[str]) -> None:
    if len(record) != len(sheet.columns):
        message = f"the row has {len(record)} cells and the header {len(sheet.columns)}"
        sheet.problems.append(CellProblem(number, line, message=message))
        return
    values: dict[str, Any] = {}
    for index, (name, cell) in enumerate(zip(sheet.columns, record, strict=True)):
        if name in DERIVED or name == "id" or not _importable(name):
            continue  # an unknown column is a problem of the header, reported once
        try:
            values[name] = _value(name, cell)
        except CellError as error:
            problem = CellProblem(number, line, name, column_letter(index), str(error))
            sheet.problems.append(problem)
    if "id" not in sheet.columns:
        return
    identifier = cell_text(record[sheet.columns.index("id")]).strip()
    wrong = _id_problem(identifier)
    if wrong:
        sheet.problems.append(CellProblem(number, line, "id", sheet.letter("id"), *wrong))
    else:
        cells = dict(zip(sheet.columns, record, strict=True))
        sheet.rows.append(SheetRow(number, line, identifier, values, cells))


def _importable(name: str) -> bool:
    if name.startswith(SCORES):
        return re.fullmatch(INPUT_NAME_PATTERN, name.removeprefix(SCORES)) is not None
    return name in KNOWN


def _value(name: str, cell: str) -> Any:
    cell = cell.replace("\r\n", "\n")  # Excel on Windows ends lines in a cell so
    control = _CONTROL.search(cell)
    if control:
        shown = printable(control.group())
        raise CellError(f"the cell holds a control character ({shown}): remove it")
    if name.startswith(SCORES):
        return _score(cell)
    if name in LIST_FIELDS:
        return parse_list(cell)
    text = cell_text(cell)
    if name == "status":
        text = text.strip()
    return text if text or name == "title" else None


def _id_problem(identifier: str) -> tuple[str, str | None] | None:
    if not identifier:
        return "the row has no id", "give every row the id of its opportunity"
    if re.fullmatch(SLUG_PATTERN, identifier) and len(identifier) <= 64:
        return None
    message = f"'{printable(identifier)}' is not an id"
    return (
        message,
        f"use lowercase letters, digits and single hyphens, e.g. '{slugify(identifier)}'",
    )
