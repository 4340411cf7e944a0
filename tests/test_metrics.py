"""NPS, CSAT and CES from raw counts, and `journeyops metrics`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from journeyops.scoring.metrics import ces, csat, nps
from tests.conftest import ROOT

Cli = Callable[..., tuple[int, str, str]]


def test_nps_is_percent_promoters_minus_percent_detractors() -> None:
    assert nps(promoters=30, passives=50, detractors=20) == pytest.approx(10)
    assert nps(promoters=0, passives=0, detractors=5) == pytest.approx(-100)
    assert nps(0, 0, 0) is None


def test_csat_is_the_share_of_fours_and_fives() -> None:
    assert csat([40, 60, 150, 420, 330]) == pytest.approx(75)
    assert csat([0, 0, 0, 0, 0]) is None


def test_ces_is_the_mean_rating() -> None:
    assert ces([80, 210, 140, 110, 160, 180, 120]) == pytest.approx(4.08)
    assert ces([0, 0, 0, 0, 0, 0, 9]) == 7


def test_metrics_lists_figures_against_targets(cli: Cli) -> None:
    status, out, _ = cli("metrics", "examples/northwind", "--format", "json", cwd=ROOT)
    assert status == 0
    rows = {(f["journey"], f["step"], f["id"]): f for f in json.loads(out)["figures"]}
    nps_row = rows[("customer-lifecycle", None, "relationship-nps")]
    assert (nps_row["kind"], nps_row["value"], nps_row["responses"], nps_row["status"]) == (
        "nps",
        10,
        1000,
        "below target",
    )
    assert rows[("dispute-transaction", "submit-dispute", "dispute-ces")]["value"] == pytest.approx(
        4.08
    )
    assert rows[("open-account", "set-up-app", "app-setup-csat")]["value"] == pytest.approx(75)
    kpi = rows[("open-account", None, "time-to-card")]
    assert (kpi["kind"], kpi["better"], kpi["status"]) == ("kpi", "lower", "above target")
    assert kpi["file"] == "journeys/open-account.yaml" and kpi["line"] > 1


def test_metrics_table_and_journey_filter(cli: Cli) -> None:
    status, out, _ = cli(
        "metrics", "examples/northwind", "--journey", "dispute-transaction", cwd=ROOT
    )
    assert status == 0
    assert "4.08/7" in out and "19 days" in out and "open-account" not in out
    status, _, err = cli("metrics", "examples/northwind", "--journey", "nope", cwd=ROOT)
    assert status == 2 and "no journey 'nope'" in err


def test_survey_counts_are_validated(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "journeyops.yaml").write_text("version: 1\nname: X\nlint: {select: [JO0]}\n")
    (tmp_path / "j.yaml").write_text(
        "kind: journey\nid: j\ntitle: J\nsurveys:\n  - {id: c, type: csat, ratings: [1, 2, 3]}\n"
        "  - {id: n, type: nps, promoters: -1, passives: 0, detractors: 0}\n"
    )
    status, out, _ = cli("validate", str(tmp_path), "--format", "json")
    assert status == 1
    messages = [d["message"] for d in json.loads(out)["diagnostics"]]
    assert any("surveys[0].ratings" in m for m in messages)
    assert any("surveys[1].promoters" in m for m in messages)


def test_metrics_table_matches_golden(cli: Cli, golden: Callable[[str, str], None]) -> None:
    status, out, _ = cli("metrics", "examples/northwind", cwd=ROOT)
    assert status == 0
    golden("northwind.metrics.txt", out)
