"""`journeyops metrics` output: survey figures and KPIs against their targets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from enum import StrEnum

from journeyops.metrics.figures import Figure
from journeyops.report.base import ReportContext, Reporters
from journeyops.report.formatting import FORMAT_VERSION, measured, string_console
from journeyops.report.safe_text import dumps_json, printable


class MetricsFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


# Said in the figure's own direction: "above target" sounds good for a lower-is-better KPI.
STANDING_TEXT = {
    "better": "better than target",
    "worse": "worse than target",
    "on-target": "on target",
}
STANDING_STYLE = {"better": "green", "on-target": "green", "worse": "red"}


def _value(value: float | None, figure: Figure) -> str:
    if value is None:
        return "no data"
    return measured(value, figure.unit, signed=figure.kind == "nps")


def standing_text(figure: Figure) -> str:
    standing = figure.standing
    return "" if standing is None else STANDING_TEXT[standing]


def table(figures: Sequence[Figure], context: ReportContext) -> str:
    # rich only when a table is shown: `validate` imports this module for no table.
    from rich.table import Table  # noqa: PLC0415
    from rich.text import Text  # noqa: PLC0415

    console, buffer = string_console(context.color_system, width=140)
    grid = Table("journey", "step", "id", "kind", "name", "value", "target", "status", "responses")
    for column in (5, 6, 8):
        grid.columns[column].justify = "right"
    for column in (0, 1, 2, 3, 7):  # ids and statuses are read whole; names wrap
        grid.columns[column].no_wrap = True
    for f in figures:
        cells = [
            f.journey,
            f.step or "(journey)",
            f.id,
            f.kind,
            f.name,
            _value(f.value, f),
            "" if f.target is None else _value(f.target, f),
            standing_text(f),
            "" if f.responses is None else str(f.responses),
        ]
        # Text cells: user text is shown as written, never read as rich markup.
        style = STANDING_STYLE.get(f.standing or "")
        grid.add_row(*(Text(printable(c)) for c in cells), style=style)
    console.print(grid)
    return buffer.getvalue()


def as_json(figures: Sequence[Figure], context: ReportContext) -> str:
    """Values at full precision; `status` is better, worse, on-target or null."""
    rows = [{**asdict(f), "status": f.standing} for f in figures]
    return dumps_json({"version": FORMAT_VERSION, "figures": rows}) + "\n"


REPORTERS: Reporters[MetricsFormat, Sequence[Figure]] = {
    MetricsFormat.TABLE: table,
    MetricsFormat.JSON: as_json,
}
