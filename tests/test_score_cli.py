"""`journeyops score` end to end: ranking, ties, unscored entries, filters, explanations."""

from __future__ import annotations

import csv
import io
import json
import random
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeyops.load.sources import MemorySource
from journeyops.scoring.filters import Filters
from journeyops.scoring.run import score
from tests.conftest import ROOT, read_tree

Cli = Callable[..., tuple[int, str, str]]
NORTHWIND = ROOT / "examples" / "northwind"


def opportunity(id_: str, scores: str, **extra: str) -> str:
    fields = "".join(f"{k}: {v}\n" for k, v in extra.items())
    head = f"kind: opportunity\nid: {id_}\ntitle: {id_.title()}\nsteps: [j/a]\n"
    return f"{head}{fields}scores: {scores}\n"


def workspace(tmp_path: Path, *documents: str, config: str = "") -> Path:
    (tmp_path / "journeyops.yaml").write_text("version: 1\nname: T\n" + config)
    (tmp_path / "o.yaml").write_text("---\n".join(documents))
    return tmp_path


def ranked(cli: Cli, root: Path, *args: str) -> tuple[int, Any, str]:
    status, out, err = cli("score", str(root), "--format", "json", *args)
    return status, json.loads(out), err


def test_equal_scores_share_a_rank_and_are_ordered_by_id(cli: Cli, tmp_path: Path) -> None:
    root = workspace(
        tmp_path,
        opportunity("b", "{reach: 100, impact: 1, confidence: 1, effort: 1}"),
        opportunity("a", "{reach: 50, impact: 2, confidence: 1, effort: 1}"),
        opportunity("c", "{reach: 1000, impact: 1, confidence: 1, effort: 1}"),
        opportunity("d", "{reach: 10, impact: 1, confidence: 1, effort: 1}"),
    )
    status, document, _ = ranked(cli, root)
    assert status == 0
    assert [(e["rank"], e["id"], e["score"]) for e in document["ranked"]] == [
        (1, "c", 1000),
        (2, "a", 100),
        (2, "b", 100),
        (4, "d", 10),
    ]


def test_missing_inputs_are_listed_apart_never_scored_zero(cli: Cli, tmp_path: Path) -> None:
    root = workspace(
        tmp_path,
        opportunity("scored", "{reach: 100, impact: 1, confidence: 1, effort: 1}"),
        opportunity("partial", "{reach: 100, impact: 1}"),
    )
    status, document, _ = ranked(cli, root)
    assert status == 0
    assert [e["id"] for e in document["ranked"]] == ["scored"]
    [unscored] = document["unscored"]
    assert (unscored["id"], unscored["missing"]) == ("partial", ["confidence", "effort"])
    assert ranked(cli, root, "--strict")[0] == 1


def test_invalid_inputs_are_diagnostics_with_positions(cli: Cli, tmp_path: Path) -> None:
    root = workspace(
        tmp_path, opportunity("o", "{reach: 100, impact: 4, confidence: 80%, effort: 1}")
    )
    status, document, err = ranked(cli, root)
    assert status == 1
    assert document["ranked"] == []
    assert (
        "impact is 4, but must be one of 3, 2, 1, 0.5, 0.25"
        in document["unscored"][0]["invalid"][0]
    )
    assert "o.yaml:5:30: error JO502 impact is 4" in err


def test_schema_errors_in_opportunities_are_reported_not_silently_dropped(
    cli: Cli, tmp_path: Path
) -> None:
    root = workspace(
        tmp_path,
        opportunity("o", "{reach: 100, impact: 1, confidence: 1, effort: 1}", statuss="open"),
    )
    status, document, err = ranked(cli, root)
    assert status == 1
    assert document["ranked"] == []
    assert "error JO010 unknown field 'statuss'" in err


def test_unknown_model_is_a_usage_error_with_suggestions(cli: Cli) -> None:
    status, _, err = cli("score", str(NORTHWIND), "--model", "wsfj")
    assert status == 2
    assert "unknown model 'wsfj'; did you mean 'wsjf'" in err


def test_filters_and_top(cli: Cli) -> None:
    _, everything, _ = ranked(cli, NORTHWIND)
    _, disputes, _ = ranked(cli, NORTHWIND, "--journey", "dispute-transaction")
    assert {e["id"] for e in disputes["ranked"]} == {
        "dispute-from-transaction",
        "dispute-status-timeline",
        "provisional-credit",
        "enriched-merchant-names",
        "dispute-case-handover",
    }
    _, ben, _ = ranked(cli, NORTHWIND, "--persona", "sole-trader-ben", "--status", "exploring")
    assert {e["id"] for e in ben["ranked"]} == {
        "same-day-virtual-card",
        "decline-reason-in-app",
        "provisional-credit",
    }
    _, top3, _ = ranked(cli, NORTHWIND, "--top", "3")
    assert top3["ranked"] == everything["ranked"][:3]


def test_northwind_ranks_under_every_configured_and_builtin_model(cli: Cli) -> None:
    for model in ("rice", "ice", "wsjf", "opportunity", "value", "rice-weighted", "cx-scorecard"):
        status, document, err = ranked(cli, NORTHWIND, "--model", model)
        assert (status, err) == (0, ""), model
        assert len(document["ranked"]) == 22 and document["unscored"] == [], model


def test_renamed_inputs_are_read_from_their_keys(cli: Cli) -> None:
    _, document, _ = ranked(cli, NORTHWIND, "--model", "ice")
    assert document["model"]["inputs"] == {
        "impact": "ice_impact",
        "confidence": "ice_confidence",
        "ease": "ease",
    }
    first = document["ranked"][0]
    assert set(first["inputs"]) == {"ice_impact", "ice_confidence", "ease"}


def test_explain_shows_arithmetic_and_input_sources(cli: Cli) -> None:
    status, out, _ = cli(
        "score", str(NORTHWIND), "--explain", "live-capture-guidance", "--model", "rice-weighted"
    )
    assert status == 0
    assert "reach x impact = 14800 x 2" in out
    assert "/ effort 3" in out
    assert "x pain severity 2 (high)" in out
    assert "opportunities/onboarding.yaml:24" in out
    status, _, err = cli("score", str(NORTHWIND), "--explain", "nope")
    assert status == 2 and "no opportunity 'nope'" in err


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("markdown", "northwind.score.md"),
        ("csv", "northwind.score.csv"),
        ("json", "northwind.score.json"),
    ],
)
def test_formats_match_goldens(
    cli: Cli, golden: Callable[[str, str], None], fmt: str, name: str
) -> None:
    status, out, _ = cli("score", "examples/northwind", "--format", fmt, cwd=ROOT)
    assert status == 0
    golden(name, out)


def test_matrix_is_well_formed_accessible_svg(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "m.svg"
    assert cli("score", str(NORTHWIND), "--matrix", str(target))[0] == 0
    svg = ET.fromstring(target.read_text())
    ns = "{http://www.w3.org/2000/svg}"
    assert svg.get("role") == "img"
    assert svg.find(f"{ns}title") is not None and svg.find(f"{ns}desc") is not None
    labels = {t.text for t in svg.iter(f"{ns}text")}
    assert {"Quick wins", "Big bets", "Maybes", "Time sinks", "Effort →", "Value →"} <= labels
    points = [g for g in svg.iter(f"{ns}g") if g.find(f"{ns}circle") is not None]
    assert len(points) == 22  # each with its opportunity's whole title as a tooltip
    tooltips = [g.findtext(f"{ns}title") or "" for g in points]
    assert all(re.search(r". \(rank \d+, value [\d.]+, effort [\d.]+\)$", t) for t in tooltips)


def test_matrix_escapes_user_text(tmp_path: Path, cli: Cli) -> None:
    root = workspace(
        tmp_path,
        opportunity("o", "{reach: 1, impact: 1, confidence: 1, effort: 1}").replace(
            "title: O", 'title: "<script>&"'
        ),
    )
    target = tmp_path / "m.svg"
    cli("score", str(root), "--matrix", str(target))
    text = target.read_text()
    assert "<script>" not in text and "&lt;script&gt;&amp;" in text
    ET.fromstring(text)


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), files=st.integers(1, 6))
def test_ranking_is_stable_when_documents_move_between_files(seed: int, files: int) -> None:
    tree = read_tree(NORTHWIND)
    others = {k: v for k, v in tree.items() if not k.startswith("opportunities/")}
    documents = [
        d for k, v in tree.items() if k.startswith("opportunities/") for d in v.split(b"\n---\n")
    ]
    random.Random(seed).shuffle(documents)
    moved = {f"o{i}.yaml": b"\n---\n".join(documents[i::files]) for i in range(files)}
    baseline = score(MemorySource(tree)).ranking
    shuffled = score(MemorySource({**others, **moved})).ranking
    key = [(e.rank, e.opportunity.model.id, e.score) for e in baseline.entries]
    assert [(e.rank, e.opportunity.model.id, e.score) for e in shuffled.entries] == key
    assert score(MemorySource(tree), filters=Filters(statuses=frozenset({"open"}))).ranking.entries


def test_table_matches_golden(cli: Cli, golden: Callable[[str, str], None]) -> None:
    status, out, _ = cli("score", "examples/northwind", "--top", "5", cwd=ROOT)
    assert status == 0
    golden("northwind.score.table.txt", out)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--status", "closed"], "no status 'closed'; statuses: open, exploring, planned"),
        (["--status", "don"], "no status 'don'; did you mean 'done'?"),
        (["--journey", "nosuch"], "no journey 'nosuch'; "),
        (["--journey", "open-acount"], "no journey 'open-acount'; did you mean 'open-account'"),
        (["--persona", "sofia"], "no persona 'sofia'; personas: busy-parent-priya, retiree-rosa"),
        (["--persona", "student-sammy"], "no persona 'student-sammy'; did you mean 'student-sam'?"),
        (
            ["--explain", "live-capture-guidanc"],
            "no opportunity 'live-capture-guidanc'; did you mean 'live-capture-guidance'?",
        ),
        (
            ["--explain", "live-capture-guidance", "--status", "done"],
            "opportunity 'live-capture-guidance' is left out by --journey, --persona or --status",
        ),
        (["--model", "ricee"], "unknown model 'ricee'; did you mean 'rice'"),
        (["--top", "0"], "--top"),
        (["--top", "-3"], "--top"),
        (["--format", "xml"], "--format"),
    ],
)
def test_values_that_name_nothing_are_usage_errors_with_a_suggestion(
    cli: Cli, args: list[str], message: str
) -> None:
    status, out, err = cli("score", str(NORTHWIND), *args)
    assert (status, out) == (2, "")
    assert message in " ".join(err.split()), err


def test_a_filter_value_known_only_from_an_opportunity_still_selects(
    cli: Cli, tmp_path: Path
) -> None:
    # The journey's own file did not load (or is not written yet): the filter is no typo.
    root = workspace(tmp_path, opportunity("o", "{reach: 1, impact: 1, confidence: 1, effort: 1}"))
    status, document, _ = ranked(cli, root, "--journey", "j")
    assert (status, [e["id"] for e in document["ranked"]]) == (0, ["o"])


def test_machine_output_has_full_precision_and_text_rounds(cli: Cli, tmp_path: Path) -> None:
    root = workspace(
        tmp_path,
        opportunity("o", "{impact: 8, confidence: 6, ease: 3}"),
        config="scoring: {default: ice-mean, models: {ice-mean: {type: ice, combine: mean}}}\n",
    )
    status, document, _ = ranked(cli, root)
    assert (status, document["ranked"][0]["score"]) == (0, 17 / 3)
    _, out, _ = cli("score", str(root), "--format", "json")
    assert '"score": 5.666666666666667' in out
    _, out, _ = cli("score", str(root), "--format", "csv")
    assert next(csv.DictReader(io.StringIO(out)))["score"] == "5.666666666666667"
    assert "5.67" in cli("score", str(root))[1]
    assert "5.67" in cli("score", str(root), "--format", "markdown")[1]
    assert "score 5.67, rank 1 of 1" in cli("score", str(root), "--explain", "o")[1]


NASTY_TITLE = r'"Clear\e[2J [red]red[/red] [bold]b\nnext\u202e|pipe"'


def test_user_text_is_escaped_in_every_text_format(cli: Cli, tmp_path: Path) -> None:
    root = workspace(
        tmp_path,
        opportunity("o", "{reach: 1, impact: 1, confidence: 1, effort: 1}").replace(
            "title: O", f"title: {NASTY_TITLE}\nowner: '[link=x]team'"
        ),
        opportunity("u", "{reach: 1, impact: 1}").replace("title: U", f"title: {NASTY_TITLE}"),
    )
    outputs = {
        "table": cli("score", str(root))[1],
        "markdown": cli("score", str(root), "--format", "markdown")[1],
        "csv": cli("score", str(root), "--format", "csv")[1],
        "explain": cli("score", str(root), "--explain", "o")[1],
        "explain-unscored": cli("score", str(root), "--explain", "u")[1],
    }
    for name, out in outputs.items():
        assert "\x1b" not in out and "\u202e" not in out, name
        assert all(line == line.strip("\r") for line in out.splitlines()), name
        assert "\\x1b[2J" in out, name
    # Shown as written: rich markup in a title is not applied, so its brackets survive.
    table = outputs["table"]
    flat = "".join(line.split("│")[3].strip() for line in table.splitlines() if "│" in line)
    assert "Clear\\x1b[2J[red]red[/red][bold]b\\nnext\\u202e|pipe" in flat.replace(" ", "")
    assert "[link=x]team" in table
    assert "Clear\\x1b[2J [red]red[/red] [bold]b\\nnext\\u202e\\|pipe (`o`)" in outputs["markdown"]
    assert "o: Clear\\x1b[2J [red]red[/red] [bold]b\\nnext\\u202e|pipe\n" in outputs["explain"]
    rows = list(csv.reader(io.StringIO(outputs["csv"])))
    assert rows[1][2] == "Clear\\x1b[2J [red]red[/red] [bold]b\\nnext\\u202e|pipe"
    # JSON keeps the exact text: its own escapes are safe, and a strict parser reads it back.
    document = json.loads(cli("score", str(root), "--format", "json")[1])
    assert document["ranked"][0]["title"] == "Clear\x1b[2J [red]red[/red] [bold]b\nnext\u202e|pipe"


def test_a_filter_value_with_control_characters_is_shown_escaped(cli: Cli) -> None:
    status, _, err = cli("score", str(NORTHWIND), "--journey", "x\x1b[2J[red]\n::error::x")
    assert status == 2
    assert "\x1b" not in err and "no journey 'x\\x1b[2J[red]\\n::error::x'" in err
    assert not any(line.startswith("::") for line in err.splitlines())


def test_a_matrix_that_cannot_be_written_is_a_usage_error(cli: Cli, tmp_path: Path) -> None:
    status, _, err = cli("score", str(NORTHWIND), "--matrix", str(tmp_path))
    assert status == 2
    assert f"cannot write {tmp_path}: Is a directory" in " ".join(err.split())
