"""`journeyops metrics` output: survey figures and KPIs against their targets."""

from __future__ import annotations

import json
from dataclasses import asdict
from enum import StrEnum

from rich.table import Table

from journeyops.report.base import string_console
from journeyops.scoring.base import fmt
from journeyops.scoring.metrics import Figure


class MetricsFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


def _value(value: float | None, unit: str) -> str:
    if value is None:
        return "no data"
    joiner = " " if unit[:1].isalpha() else ""  # 19 days, 58%, 4.08/7
    return f"{fmt(round(value, 2))}{joiner}{unit}"


def _status(figure: Figure) -> str:
    met = figure.met
    return (
        ""
        if met is None
        else ("met" if met else "below target" if figure.better == "higher" else "above target")
    )


def table(figures: list[Figure], color_system: str | None) -> str:
    console, buffer = string_console(color_system, width=140)
    grid = Table("journey", "step", "id", "kind", "name", "value", "target", "status", "responses")
    for column in (5, 6, 8):
        grid.columns[column].justify = "right"
    for f in figures:
        style = {"met": "green", "": ""}.get(_status(f), "red")
        grid.add_row(
            f.journey,
            f.step or "(journey)",
            f.id,
            f.kind,
            f.name,
            _value(f.value, f.unit),
            "" if f.target is None else _value(f.target, f.unit),
            _status(f),
            "" if f.responses is None else str(f.responses),
            style=style or None,
        )
    console.print(grid)
    return buffer.getvalue()


def as_json(figures: list[Figure]) -> str:
    rows = [{**asdict(f), "status": _status(f) or None} for f in figures]
    return json.dumps({"version": 1, "figures": rows}, indent=2, ensure_ascii=False) + "\n"
