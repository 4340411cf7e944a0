"""Scores are finite numbers or no scores at all: whatever finite inputs a user writes, no NaN
or infinity reaches a ranking, a JSON document, the site or a diff (issue 10, item 6)."""

from __future__ import annotations

import csv
import io
import json
import math
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeyops.load.sources import MemorySource
from journeyops.model.scoring_config import ValueOptions
from journeyops.report.matrix import matrix_svg
from journeyops.scoring.run import score
from journeyops.scoring.value import Value
from tests.conftest import git

Cli = Callable[..., tuple[int, str, str]]
CONFIG = "version: 1\nname: T\n"


def strict_json(text: str) -> Any:
    """JSON as a strict parser reads it: NaN and Infinity are not JSON."""

    def refuse(constant: str) -> None:
        raise ValueError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


def opportunity(id_: str, scores: str, extra: str = "") -> str:
    return f"kind: opportunity\nid: {id_}\ntitle: {id_}\nsteps: [j/a]\n{extra}scores: {scores}\n"


OVERFLOWING = [
    opportunity("not-a-number", "{reach: 1e308, impact: 3, confidence: 0, effort: 1}"),
    opportunity("infinite", "{reach: 1e308, impact: 3, confidence: 1, effort: 0.25}"),
    opportunity("five", "{reach: 5, impact: 1, confidence: 1, effort: 1}"),
    opportunity("ten", "{reach: 10, impact: 1, confidence: 1, effort: 1}"),
]


def workspace(root: Path, *documents: str, config: str = "") -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "journeyops.yaml").write_text(CONFIG + config)
    (root / "o.yaml").write_text("---\n".join(documents))
    return root


def test_overflowing_scores_are_unscored_with_a_finding_naming_their_inputs(
    cli: Cli, tmp_path: Path
) -> None:
    root = workspace(tmp_path, *OVERFLOWING)
    status, out, err = cli("score", str(root), "--format", "json")
    assert status == 1
    document = strict_json(out)
    # The sort is not broken: what is left ranks in order.
    assert [(e["rank"], e["id"], e["score"]) for e in document["ranked"]] == [
        (1, "ten", 10),
        (2, "five", 5),
    ]
    unscored = {e["id"]: e["not_finite"] for e in document["unscored"]}
    assert unscored == {
        "infinite": "the rice score of 'infinite' is not a finite number (infinite): "
        "reach 1e+308, impact 3, confidence 1, effort 0.25",
        "not-a-number": "the rice score of 'not-a-number' is not a finite number (NaN): "
        "reach 1e+308, impact 3, confidence 0, effort 1",
    }
    assert f"{root / 'o.yaml'}:5:1: error JO503 the rice score of 'not-a-number'" in err
    assert f"{root / 'o.yaml'}:11:1: error JO503 the rice score of 'infinite'" in err
    # validate says the same, at the same place.
    status, out, _ = cli("validate", str(root), "--format", "json")
    found = [d for d in strict_json(out)["diagnostics"] if d["rule"] == "JO503"]
    assert status == 1
    assert [(d["line"], d["severity"]) for d in found] == [(5, "error"), (11, "error")]


@pytest.mark.parametrize("output_format", ["table", "markdown", "csv", "json"])
def test_no_format_shows_nan_or_infinity_as_a_score(
    cli: Cli, tmp_path: Path, output_format: str
) -> None:
    root = workspace(tmp_path / "w", *OVERFLOWING)
    matrix = tmp_path / "m.svg"
    _, out, _ = cli("score", str(root), "--format", output_format, "--matrix", str(matrix))
    if output_format == "json":
        scores = [e["score"] for e in strict_json(out)["ranked"]]
    elif output_format == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        scores = [float(r["score"]) for r in rows if r["score"]]
        assert {r["id"] for r in rows if not r["score"]} == {"infinite", "not-a-number"}
    else:  # people's text: the unscored part says why, the ranked part has no such number
        ranked = out.split("Not scored")[0].split("not scored")[0]
        assert "nan" not in ranked.lower() and "inf" not in ranked.lower()
        scores = [10, 5] if "Ten" in ranked or "ten" in ranked else []
    assert scores == [10, 5]
    svg = matrix.read_text().lower()
    assert "nan" not in svg and "inf" not in svg and len(ET.fromstring(svg)) > 2


def test_a_persona_weight_of_infinity_is_named_in_the_finding(cli: Cli, tmp_path: Path) -> None:
    root = workspace(
        tmp_path,
        "kind: persona\nid: p\nname: P\nweight: .inf\n",
        opportunity(
            "weighted", "{reach: 1, impact: 1, confidence: 1, effort: 1}", "personas: [p]\n"
        ),
        opportunity("zero", "{reach: 0, impact: 1, confidence: 1, effort: 1}", "personas: [p]\n"),
        config="scoring:\n  default: rice-weighted\n  models:\n"
        "    rice-weighted: {type: rice, persona_weight: true}\n",
    )
    status, out, err = cli("score", str(root), "--format", "json")
    document = strict_json(out)
    assert (status, document["ranked"]) == (1, [])
    reasons = {e["id"]: e["not_finite"] for e in document["unscored"]}
    assert (
        "(infinite): reach 1, impact 1, confidence 1, effort 1, then x persona weight inf"
        in (reasons["weighted"])
    )
    assert "(NaN): reach 0" in reasons["zero"]  # 0 x inf
    assert err.count("JO503") == 2


def test_the_matrix_places_extreme_but_finite_scores(cli: Cli, tmp_path: Path) -> None:
    # 1.7e308 - -1.7e308 overflows: the plot must not put a point at NaN.
    root = workspace(
        tmp_path / "w",
        opportunity("a", "{fit: 1.7e308, effort: 1}"),
        opportunity("b", "{fit: -1.7e308, effort: 1.5}"),
        opportunity("c", "{fit: 1.6e308, effort: 1.2}"),
        opportunity("d", "{fit: 1.5e308, effort: 1.3}"),
        config="scoring:\n  default: card\n  models:\n    card:\n      type: weighted\n"
        "      criteria: [{input: fit, min: -1.7e308, max: 1.7e308}]\n"
        "      divisor: {input: effort}\n",
    )
    matrix = tmp_path / "m.svg"
    status, out, _ = cli("score", str(root), "--matrix", str(matrix))
    assert status == 0 and "1.7e+308" in out and "-1.133e+308" in out
    ns = "{http://www.w3.org/2000/svg}"
    svg = ET.fromstring(matrix.read_text())
    circles = [c for g in svg.iter(f"{ns}g") for c in g.iter(f"{ns}circle")]  # not the legend's
    places = [(float(c.get("cx", "")), float(c.get("cy", ""))) for c in circles]
    assert len(places) == 4 and all(math.isfinite(x) and math.isfinite(y) for x, y in places)
    assert {x for x, _ in places} >= {110, 680} and {y for _, y in places} >= {60, 510}
    # The axes' scales too: every coordinate a finite number, every tick a number.
    for part in svg.iter():
        for name in ("x", "y", "x1", "x2", "y1", "y2"):
            if name in part.attrib:
                assert math.isfinite(float(part.attrib[name])), (part.tag, part.attrib)
    ticks = [t.text or "" for t in svg.iter(f"{ns}text") if t.get("text-anchor") == "end"]
    assert "1.7e+308" in ticks and not any("inf" in t or "nan" in t for t in ticks)


def test_huge_value_weights_give_the_right_mean_not_zero() -> None:
    # (1e308 x 1 + 1e308 x 0) / (1e308 + 1e308) is 0.5; computed naively it is 1e308 / inf = 0.
    for weight in (1e308, 1.7e308, 5e-324):
        model = Value(ValueOptions(type="value", customer_weight=weight, business_weight=weight))
        computation = model.compute({"customer_value": 1, "business_value": 0})
        assert computation.score == pytest.approx(0.5)
        assert computation.finite


NUMBERS = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([0.0, 1e308, 1.7976931348623157e308, 5e-324, 1e-300, 3.0, 0.25, 1.0]),
)


def _yaml_number(value: float) -> str:
    return repr(value)  # a YAML float as PyYAML and ruamel read it back


@settings(max_examples=60, deadline=None)
@given(values=st.lists(st.lists(NUMBERS, min_size=14, max_size=14), min_size=1, max_size=4))
def test_no_model_ranks_a_number_that_is_not_finite(values: list[list[float]]) -> None:
    """Extreme but finite inputs and weights under all six models: every ranked score is
    finite, every unscored entry says why, and the ranking is in order."""
    names = [
        "reach", "impact", "confidence", "effort", "ice_impact", "ease", "business_value",
        "time_criticality", "risk_reduction", "job_size", "importance", "satisfaction",
        "customer_value", "fit",
    ]  # fmt: skip
    documents = []
    for n, row in enumerate(values):
        scores = ", ".join(f"{k}: {_yaml_number(v)}" for k, v in zip(names, row, strict=True))
        documents.append(opportunity(f"o{n}", "{" + scores + "}", "personas: [p]\n").encode())
    weight = _yaml_number(abs(values[0][0]) or 1.0)
    config = (
        CONFIG + "scoring:\n  models:\n"
        f"    value-heavy: {{type: value, customer_weight: {weight}, business_weight: 1e308}}\n"
        f"    weighted-persona: {{type: rice, persona_weight: true}}\n"
        "    scorecard:\n      type: weighted\n"
        "      criteria: [{input: fit, min: -1.7e308, max: 1.7e308, weight: 1.7e308},"
        " {input: reach, min: -1e308, max: 1.7e308, weight: 1e308}]\n"
        "      divisor: {input: effort, min: 5e-324}\n"
    )
    persona = f"kind: persona\nid: p\nname: P\nweight: {weight}\n".encode()
    files = {
        "journeyops.yaml": config.encode(),
        "o.yaml": b"---\n".join(documents),
        "p.yaml": persona,
    }
    for model in ("rice", "ice", "wsjf", "opportunity", "value", "value-heavy", "scorecard"):
        ranking = score(MemorySource(files), model).ranking
        results = [e.score for e in ranking.entries]
        assert all(math.isfinite(s) for s in results), model
        shown = [round(s, 9) for s in results]  # equal to 9 decimals is a tie, by design
        assert shown == sorted(shown, reverse=True), model
        for entry in ranking.entries:
            assert entry.computation.finite, model
        svg = matrix_svg(ranking, "T").lower()
        assert "nan" not in svg and "inf" not in svg, model
        for evaluation in ranking.unscored:
            assert evaluation.missing or evaluation.problems or evaluation.not_finite, model
    ranking = score(MemorySource(files), "weighted-persona").ranking
    assert all(math.isfinite(e.score) for e in ranking.entries)


def test_diff_of_an_unchanged_tree_reports_no_change(cli: Cli, tmp_path: Path) -> None:
    """NaN != NaN: a NaN score in both versions would read as rescored on every run."""
    root = workspace(tmp_path / "cx", *OVERFLOWING)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    _, out, _ = cli("diff", "main", "--workspace", str(root), "--format", "json")
    report = strict_json(out)
    assert report["ranking"] == [] and report["documents"] == []
    status, out, _ = cli("diff", "main", "--workspace", str(root), "--exit-code")
    assert (status, out) == (0, "No changes.\n") or (status == 0 and "rescored" not in out)


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_the_site_shows_no_nan(cli: Cli, tmp_path: Path) -> None:
    journey = "kind: journey\nid: j\ntitle: J\nstages:\n  - id: s\n    name: S\n    steps:\n"
    journey += "      - {id: a, name: A}\n"
    root = workspace(tmp_path / "w", journey, *OVERFLOWING)
    cli("render", str(root), "--out", str(tmp_path / "site"), "--no-cache")
    index = (tmp_path / "site" / "index.html").read_text()
    cells = re.findall(r'<td class="num">([^<]*)</td>', index)
    assert "nan" not in cells and "inf" not in cells
    assert {"10", "5"} <= set(cells)
