"""docs/authoring.md's spreadsheet section documents every column export writes."""

from __future__ import annotations

import re

from journeyops.authoring.csv_export import JOURNEY_COLUMNS, opportunity_header
from tests.conftest import ROOT


def _section() -> str:
    text = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    start = text.index("## Spreadsheets:")
    return text[start : text.index("\n## ", start + 1)]


def test_every_opportunity_column_is_documented() -> None:
    section = _section()
    opportunities = section[section.index("### Opportunity columns") :]
    columns = [c for c in opportunity_header([]) if f"`{c}`" not in opportunities]
    assert columns == []
    assert "`scores.KEY`" in opportunities


def test_every_journey_column_is_documented() -> None:
    section = _section()
    journeys = section[section.index("### Journey columns") : section.index("### Importing")]
    assert [c for c in JOURNEY_COLUMNS if not re.search(rf"`{c}`", journeys)] == []
