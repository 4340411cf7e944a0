"""`journeyops export csv`: a workspace as a sheet, one row per opportunity or per step.

The opportunity sheet is also what `journeyops import csv` reads (`OPPORTUNITY_FIXED` and
`scores.<key>` columns); its `score`, `rank` and `note` columns are the ranking under one
model, shown for sorting and ignored on import. The journey sheet is for reading only.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from journeyops.authoring.csv_cells import list_cell, number_cell, score_cell, text_cell
from journeyops.model import Opportunity
from journeyops.model.journey import Journey, Pain
from journeyops.model.workspace import Workspace
from journeyops.scoring.ranking import Evaluation, Ranking

Cell = str | int | float | None
SCORES = "scores."  # a scoring input's column is `scores.` and its key: `scores.reach`
DERIVED = ("score", "rank", "note")  # computed by export, ignored by import
TEXT_FIELDS = ("title", "status", "owner", "description")
LIST_FIELDS = ("steps", "pains", "personas", "evidence")
JOURNEY_COLUMNS = (
    "journey",
    "journey_title",
    "stage",
    "stage_name",
    "step",
    "step_name",
    "emotion",
    "moment_of_truth",
    "touchpoints",
    "pains",
    "insights",
)
BOM = "\ufeff"  # without it, Excel reads UTF-8 as the system's code page


def score_keys(ranking: Ranking, workspace: Workspace) -> list[str]:
    """The model's inputs in its order, then every other key an opportunity uses, sorted."""
    keys = [ranking.model.key(spec.name) for spec in ranking.model.inputs]
    used = {k for doc in workspace.of(Opportunity) for k in doc.model.scores}
    return keys + sorted(used - set(keys))


def opportunity_header(keys: Sequence[str]) -> list[str]:
    scores = [SCORES + k for k in keys]
    return ["id", "title", "status", "owner", *DERIVED, *scores, *LIST_FIELDS, "description"]


def opportunity_rows(workspace: Workspace, ranking: Ranking) -> list[list[Cell]]:
    """The header, then every opportunity in ranking order (unscored ones last, by id)."""
    keys = score_keys(ranking, workspace)
    rows: list[list[Cell]] = [list(opportunity_header(keys))]
    for entry in ranking.entries:
        rows.append(_opportunity(entry.opportunity.model, keys, entry.score, entry.rank, ""))
    for evaluation in ranking.unscored:
        rows.append(_opportunity(evaluation.opportunity.model, keys, None, None, _note(evaluation)))
    return rows


def _opportunity(
    o: Opportunity, keys: Sequence[str], score: float | None, rank: int | None, note: str
) -> list[Cell]:
    return [
        *map(text_cell, (o.id, o.title, o.status, o.owner or "")),
        None if score is None else number_cell(score),
        rank,
        text_cell(note),
        *(score_cell(o.scores.get(k)) for k in keys),
        *(list_cell(getattr(o, name)) for name in LIST_FIELDS),
        text_cell(o.description or ""),
    ]


def _note(evaluation: Evaluation) -> str:
    parts = ["missing " + ", ".join(evaluation.missing)] if evaluation.missing else []
    parts += [p.message for p in evaluation.problems]
    if evaluation.not_finite:
        parts.append(evaluation.not_finite.message)
    return "not scored: " + "; ".join(parts)


def journey_rows(workspace: Workspace) -> list[list[Cell]]:
    """The header, then one row per step of every journey, in file order."""
    rows: list[list[Cell]] = [list(JOURNEY_COLUMNS)]
    for doc in workspace.of(Journey):
        journey = doc.model
        for stage in journey.stages:
            for step in stage.steps:
                texts = [journey.id, journey.title, stage.id, stage.name, step.id, step.name]
                rows.append(
                    [
                        *map(text_cell, texts),
                        step.emotion,
                        "yes" if step.moment_of_truth else "no",
                        text_cell("; ".join(step.touchpoints)),
                        text_cell("; ".join(map(_pain, step.pains))),
                        list_cell(step.insights),
                    ]
                )
    return rows


def _pain(pain: Pain) -> str:
    return f"{pain.id} ({pain.severity or 'unrated'}): {pain.text}"


def to_csv(rows: Iterable[Sequence[Cell]]) -> str:
    """RFC 4180 (CRLF between records, quotes doubled) behind a UTF-8 byte order mark; text
    in quotes and numbers bare, so a spreadsheet reads the numbers as numbers."""
    buffer = io.StringIO()
    buffer.write(BOM)
    csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()
