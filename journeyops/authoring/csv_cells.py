"""One spreadsheet cell: how a value is written into a CSV cell and read back from one.

Text cells are made safe for the two readers a CSV has. A spreadsheet runs a cell that
starts with `=`, `+`, `-` or `@` (and, in some, a tab or carriage return) as a formula:
such a cell gets a leading `'`, as OWASP's "CSV Injection" page recommends. A terminal acts
on control characters: they are written as escapes (`\\x1b`), except the newline and the
tab, which RFC 4180 quoting carries and a multi-line description needs.

The `'` is undone on import, so text survives a round trip exactly: a cell is prefixed when
its text is any number of `'` followed by a dangerous character, and import removes one `'`
from a cell that is one or more `'` followed by a dangerous character. Numbers are not text:
they are written as numbers (a score of -2 stays the number -2), in columns that import
reads as numbers only.
"""

from __future__ import annotations

import math
import re

from journeyops.report.safe_text import printable

# OWASP's list of characters that make a cell a formula.
_DANGEROUS = re.compile(r"'*[=+\-@\t\r]")
_NEUTRALISED = re.compile(r"'+[=+\-@\t\r]")
# What RFC 4180 quoting carries and a description may hold; every other control is escaped.
_KEPT = re.compile(r"([\n\t])")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_PERCENTAGE = re.compile(r"\d+(\.\d+)?%")
_SEPARATORS = re.compile(r"[\s,;]+")


def text_cell(text: str) -> str:
    """User text for a cell: control characters escaped, a formula neutralised."""
    parts = _KEPT.split(text)
    safe = "".join(p if _KEPT.fullmatch(p) else printable(p) for p in parts)
    return "'" + safe if _DANGEROUS.match(safe) else safe


def cell_text(cell: str) -> str:
    """The text a cell holds, with `text_cell`'s neutralising `'` removed."""
    return cell[1:] if _NEUTRALISED.match(cell) else cell


def number_cell(value: float) -> int | float:
    """A number for the csv writer, which writes it unquoted: whole numbers without a
    decimal point (675), others with every digit Python needs to read them back."""
    if value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def score_cell(value: float | str | None) -> int | float | str | None:
    """A scoring input as written: a number, a percentage (`80%`, text), or no cell."""
    if value is None or isinstance(value, str):
        return value
    return number_cell(value)


class CellError(ValueError):
    """A cell whose text cannot be what its column holds; the message says what it should be."""


def parse_score(cell: str) -> int | float | str | None:
    """A scoring-input cell: empty for none, `80%` for a percentage, else a finite number
    (a whole number stays whole, so `30000` is written back as `30000`, not `30000.0`)."""
    text = cell.strip()
    if not text:
        return None
    if _PERCENTAGE.fullmatch(text):
        return text
    if not _NUMBER.fullmatch(text):
        hint = " (use a point as the decimal separator)" if re.fullmatch(r"\d+,\d+", text) else ""
        raise CellError(f"'{printable(text)}' is not a number or a percentage{hint}")
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    value = float(text)
    if not math.isfinite(value):
        raise CellError(f"'{printable(text)}' is too large a number")
    return value


def list_cell(items: list[str]) -> str:
    """Ids and references, which hold no spaces, separated by spaces."""
    return text_cell(" ".join(items))


def parse_list(cell: str) -> list[str]:
    """Ids separated by spaces, commas or semicolons (what people type in a sheet)."""
    return [item for item in _SEPARATORS.split(cell_text(cell)) if item]


def column_letter(index: int) -> str:
    """The spreadsheet's name of a column: 0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
