"""The markdown of `diff` for a pull-request comment: under GitHub's limit whatever the change,
saying what it left out; long tables folded; links to the rendered site."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from journeyops.diff import DocumentChange, FieldChange, RankChange, WorkspaceDiff
from journeyops.report.base import ReportContext
from journeyops.report.diff_markdown import LIMIT, markdown
from journeyops.report.diff_text import text
from journeyops.report.diff_view import DiffReport


def moves(count: int, shifted: int) -> list[RankChange]:
    """`count` real moves (new scores), then `shifted` pure one-place shifts."""
    found = [
        RankChange(f"o-{n}", f"Opportunity {n}", "up", n + 50, n + 1, 10.0, 20.0 + n)
        for n in range(count)
    ]
    found += [
        RankChange(f"s-{n}", f"Shifted {n}", "down", n + count, n + count + 1, 5.0, 5.0)
        for n in range(shifted)
    ]
    return found


def journeys(count: int) -> list[DocumentChange]:
    field = FieldChange("title", "changed", "Old", "New", (), "title")
    return [
        DocumentChange("journey", f"j-{n}", "changed", f"J {n}", f"j/{n}.yaml", fields=(field,))
        for n in range(count)
    ]


def test_thousands_of_rank_moves_stay_under_the_limit_and_say_what_was_left_out() -> None:
    result = WorkspaceDiff("main", "head", "rice", journeys(300), moves(4_000, 2_998))
    out = markdown(DiffReport(result), ReportContext())
    assert len(out) < LIMIT
    assert "2,998 others moved by one place." in out
    [note] = re.findall(r"_Cut to stay under 65,000 characters: left out (.*?)\. ", out)
    left_out = int(note.split(" rows of ")[0].replace(",", ""))
    shown = len(re.findall(r"^\| `#\d+` \| up ", out, flags=re.M))
    assert note.endswith("of Ranking (`rice`)") and shown + left_out == 4_000
    assert out.count("| changed | `j-") == 300  # the journeys came first and all fit


def test_a_long_table_is_folded_and_a_short_one_is_not() -> None:
    out = markdown(DiffReport(WorkspaceDiff("a", "b", "rice", journeys(11))), ReportContext())
    assert "<details><summary>11 rows</summary>" in out
    html = MarkdownIt("commonmark").enable("table").render(out)
    assert html.count("<tr>") == 12  # the table still renders inside <details>
    out = markdown(DiffReport(WorkspaceDiff("a", "b", "rice", journeys(10))), ReportContext())
    assert "<details>" not in out


def test_site_url_links_documents_to_their_pages() -> None:
    changes = [
        DocumentChange("journey", "open-account", "changed", "Open", "j.yaml"),
        DocumentChange("opportunity", "o%1", "added", "O", "o.yaml"),
        DocumentChange("journey", "gone", "removed", "Gone", "g.yaml"),
    ]
    report = DiffReport(WorkspaceDiff("a", "b", "rice", changes), site_url="https://x.org/cx/")
    out = markdown(report, ReportContext())
    assert "([page](https://x.org/cx/journeys/open-account.html))" in out
    assert "([page](https://x.org/cx/index.html#opportunity-o%251))" in out
    assert out.count("[page]") == 2  # a removed document has no page


def test_top_and_shifts_in_text() -> None:
    result = WorkspaceDiff("main", "head", "rice", [], moves(30, 5))
    out = text(DiffReport(result, top=10), ReportContext())
    assert out.count("\n  #") == 10
    assert "25 moves outside the top 10 not shown." in out  # 20 moves, 5 shifts
