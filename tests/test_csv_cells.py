"""CSV cells: formula neutralising that import undoes, escapes, numbers, column letters."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journeyops.authoring.csv_cells import (
    CellError,
    cell_text,
    column_letter,
    parse_list,
    parse_score,
    text_cell,
)
from journeyops.authoring.csv_export import to_csv

# Text without the control characters export escapes (newline and tab are carried as is).
SAFE_TEXT = st.text(
    st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\u2028\u2029")
    | st.sampled_from("\n\t'=+-@"),
).filter(lambda text: "##[" not in text)  # what a CI runner acts on is escaped too


@pytest.mark.parametrize("text", ["=1+1", "+44 line", "-2 points", "@everyone", "\tx", "''=x"])
def test_a_cell_that_a_spreadsheet_would_run_starts_with_a_quote(text: str) -> None:
    assert text_cell(text) == "'" + text
    assert cell_text(text_cell(text)) == text


@pytest.mark.parametrize("text", ["plain", "'tis", "a=b", "100%", ""])
def test_other_text_is_written_as_it_is(text: str) -> None:
    assert text_cell(text) == text
    assert cell_text(text) == text


def test_a_carriage_return_is_escaped_so_it_cannot_start_a_formula_or_a_line() -> None:
    assert text_cell("\r=cmd") == "\\r=cmd"


def test_control_characters_are_escaped_and_newlines_kept() -> None:
    assert text_cell("red \x1b[31m\nnext\tcolumn") == "red \\x1b[31m\nnext\tcolumn"


@given(SAFE_TEXT)
def test_text_survives_a_round_trip_through_a_csv_file(text: str) -> None:
    written = to_csv([[text_cell(text)]])
    read = next(csv.reader(io.StringIO(written.removeprefix("\ufeff"), newline="")))
    assert cell_text(read[0]) == text


@pytest.mark.parametrize(
    ("cell", "value"),
    [("-2", -2), (" 30000 ", 30000), ("0.8", 0.8), ("1e3", 1000.0), ("80%", "80%"), ("", None)],
)
def test_scores_are_read_as_numbers_or_percentages(cell: str, value: object) -> None:
    parsed = parse_score(cell)
    assert parsed == value
    assert type(parsed) is type(value)


@pytest.mark.parametrize(
    ("cell", "says"),
    [
        ("1,5", "use a point as the decimal separator"),
        ("nan", "is not a number"),
        ("=1+1", "is not a number"),
        ("1e999", "too large"),
    ],
)
def test_a_score_that_is_not_a_number_says_what_it_should_be(cell: str, says: str) -> None:
    with pytest.raises(CellError, match=says):
        parse_score(cell)


def test_lists_are_split_on_spaces_commas_and_semicolons() -> None:
    assert parse_list("a/b, c/d;e/f  g/h") == ["a/b", "c/d", "e/f", "g/h"]
    assert parse_list("") == []


def test_columns_are_named_as_spreadsheets_name_them() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]
