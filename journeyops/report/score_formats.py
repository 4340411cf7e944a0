"""`journeyops score` output: table (people), json (tools), csv (spreadsheets), markdown
(pull-request comments), and the step-by-step explanation of one score."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from journeyops.report.base import ReportContext, Reporters
from journeyops.report.formatting import (
    FORMAT_VERSION,
    exact,
    markdown_cell,
    plain,
    readable,
    string_console,
)
from journeyops.report.safe_text import dumps_json, printable
from journeyops.scoring.ranking import Entry, Evaluation, Ranking

if TYPE_CHECKING:
    from rich.text import Text


class ScoreFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"


def _where(entry: Entry | Evaluation) -> str:
    steps = entry.opportunity.model.steps
    return steps[0] + (f" (+{len(steps) - 1})" if len(steps) > 1 else "")


def _unscored_reason(evaluation: Evaluation) -> str:
    parts = []
    if evaluation.missing:
        parts.append("missing " + ", ".join(evaluation.missing))
    parts += [p.message for p in evaluation.problems]
    if evaluation.not_finite:
        parts.append(evaluation.not_finite.message)
    return "; ".join(parts)


def _cell(text: str) -> Text:
    """User text for a rich table: control characters escaped, and `[red]` shown as
    written (a plain str cell would be read as rich markup)."""
    from rich.text import Text  # noqa: PLC0415

    return Text(printable(text))


def _header(ranking: Ranking) -> str:
    model = ranking.model
    return f"{model.name}: {model.model.title}"


def table(ranking: Ranking, context: ReportContext) -> str:
    # rich only when a table is shown: `validate` imports this module for no table.
    from rich.table import Table  # noqa: PLC0415

    console, buffer = string_console(context.color_system, width=160)
    console.print(f"[bold]{_header(ranking)}[/]", highlight=False)
    grid = Table("rank", "id", "title", "score", "inputs", "journey/step", "status", "owner")
    grid.columns[0].justify = grid.columns[3].justify = "right"
    grid.columns[1].no_wrap = grid.columns[6].no_wrap = True
    grid.columns[5].overflow = "fold"
    for entry in ranking.entries:
        opportunity = entry.opportunity.model
        inputs = " ".join(f"{i.key}={plain(i.value)}" for i in entry.inputs)
        grid.add_row(
            str(entry.rank),
            *map(
                _cell,
                (
                    opportunity.id,
                    opportunity.title,
                    readable(entry.score),
                    inputs,
                    _where(entry),
                    opportunity.status,
                    opportunity.owner or "",
                ),
            ),
        )
    console.print(grid)
    if ranking.unscored:
        console.print(f"[bold]Not scored ({len(ranking.unscored)})[/]", highlight=False)
        for evaluation in ranking.unscored:
            console.print(
                printable(f"  {evaluation.opportunity.model.id}: {_unscored_reason(evaluation)}"),
                highlight=False,
                markup=False,
            )
    return buffer.getvalue()


def as_json(ranking: Ranking, context: ReportContext) -> str:
    model = ranking.model
    document = {
        "version": FORMAT_VERSION,
        "model": {
            "name": model.name,
            "type": model.options.type,
            "title": model.model.title,
            "parameters": model.model.parameters(),
            "inputs": {spec.name: model.key(spec.name) for spec in model.inputs},
            "multipliers": {
                "persona_weight": model.options.persona_weight,
                "pain_severity": model.options.pain_severity,
            },
        },
        "ranked": [_entry(e) for e in ranking.entries],
        "unscored": [
            {
                "id": e.opportunity.model.id,
                "title": e.opportunity.model.title,
                "file": e.opportunity.file,
                "line": e.opportunity.span("id").line,
                "missing": list(e.missing),
                "invalid": [p.message for p in e.problems],
                "not_finite": e.not_finite.message if e.not_finite else None,
            }
            for e in ranking.unscored
        ],
    }
    return dumps_json(document) + "\n"


def _entry(entry: Entry) -> dict[str, Any]:
    opportunity = entry.opportunity.model
    return {
        "rank": entry.rank,
        "id": opportunity.id,
        "title": opportunity.title,
        "score": entry.score,  # full precision: only text for people rounds
        "inputs": {i.key: i.value for i in entry.inputs},
        "steps": opportunity.steps,
        "status": opportunity.status,
        "owner": opportunity.owner,
        "file": entry.opportunity.file,
        "line": entry.opportunity.span("id").line,
    }


def as_csv(ranking: Ranking, context: ReportContext) -> str:
    """Numbers with every digit (a spreadsheet computes with them); text escaped, since
    CSV is often read in a terminal too."""
    keys = [ranking.model.key(spec.name) for spec in ranking.model.inputs]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["rank", "id", "title", "score", *keys, "status", "owner", "steps", "note"])
    for entry in ranking.entries:
        o = entry.opportunity.model
        values = {i.key: exact(i.value) for i in entry.inputs}
        row = [o.id, o.title, exact(entry.score), *(values[k] for k in keys), o.status]
        writer.writerow([entry.rank, *map(printable, [*row, o.owner or "", " ".join(o.steps)]), ""])
    for evaluation in ranking.unscored:
        o = evaluation.opportunity.model
        raw = [_raw(o.scores.get(k)) for k in keys]
        row = [o.id, o.title, "", *raw, o.status, o.owner or "", " ".join(o.steps)]
        writer.writerow(
            ["", *map(printable, [*row, "not scored: " + _unscored_reason(evaluation)])]
        )
    return buffer.getvalue()


def _raw(value: float | str | None) -> str:
    """An input as written: a number with every digit, a percentage as text, or nothing."""
    return "" if value is None else value if isinstance(value, str) else exact(value)


def as_markdown(ranking: Ranking, context: ReportContext) -> str:
    lines = [
        f"**Opportunities ranked by {_header(ranking)}**",
        "",
        "| Rank | Opportunity | Score | Status | Owner |",
        "|---:|---|---:|---|---|",
    ]
    for entry in ranking.entries:
        o = entry.opportunity.model
        cells = [str(entry.rank), f"{markdown_cell(o.title)} (`{o.id}`)", readable(entry.score)]
        cells += [o.status, markdown_cell(o.owner or "")]
        lines.append("| " + " | ".join(cells) + " |")
    if ranking.unscored:
        lines += ["", f"Not scored ({len(ranking.unscored)}):", ""]
        lines += [
            f"- `{e.opportunity.model.id}`: {markdown_cell(_unscored_reason(e))}"
            for e in ranking.unscored
        ]
    return "\n".join(lines) + "\n"


# Each shows the whole ranking it is given: `Ranking.top` keeps the best N.
REPORTERS: Reporters[ScoreFormat, Ranking] = {
    ScoreFormat.TABLE: table,
    ScoreFormat.JSON: as_json,
    ScoreFormat.CSV: as_csv,
    ScoreFormat.MARKDOWN: as_markdown,
}


def explain(ranking: Ranking, opportunity_id: str, display: Callable[[str], str]) -> str | None:
    """Every number behind one opportunity's score, with where its inputs are written."""
    entry = next((e for e in ranking.entries if e.opportunity.model.id == opportunity_id), None)
    unscored = next((e for e in ranking.unscored if e.opportunity.model.id == opportunity_id), None)
    found = entry or unscored
    if found is None:
        return None
    doc = found.opportunity
    out = [printable(f"{doc.model.id}: {doc.model.title}"), f"model {_header(ranking)}", ""]
    inputs = entry.inputs if entry else unscored.inputs if unscored else ()
    if inputs:
        out.append("inputs")
        width = max(len(i.key) for i in inputs)
        for i in inputs:
            out.append(
                f"  {i.key:<{width}}  {plain(i.value):>10}   "
                f"{printable(display(doc.file))}:{doc.span(*i.path).line}"
            )
    if entry is None:
        assert unscored is not None
        out += ["", printable(f"not scored: {_unscored_reason(unscored)}")]
        return "\n".join(out) + "\n"
    out += ["", "arithmetic"]
    steps = (*entry.computation.steps, *entry.multipliers)
    width = max(len(s.what) for s in steps)
    out += [f"  {s.what:<{width}}  = {plain(s.result)}" for s in steps]
    out += ["", f"score {readable(entry.score)}, rank {entry.rank} of {len(ranking.entries)}"]
    return "\n".join(out) + "\n"
