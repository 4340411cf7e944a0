"""NPS, CSAT and CES from raw counts, and `journeyops metrics`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from journeyops.metrics.figures import ces, csat, nps
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
        "worse",
    )
    assert rows[("dispute-transaction", "submit-dispute", "dispute-ces")]["value"] == pytest.approx(
        4.08
    )
    assert rows[("open-account", "set-up-app", "app-setup-csat")]["value"] == pytest.approx(75)
    kpi = rows[("open-account", None, "time-to-card")]
    assert (kpi["kind"], kpi["better"], kpi["status"]) == ("kpi", "lower", "worse")
    assert kpi["file"] == "journeys/open-account.yaml" and kpi["line"] > 1


def test_metrics_table_and_journey_filter(cli: Cli) -> None:
    status, out, _ = cli(
        "metrics", "examples/northwind", "--journey", "dispute-transaction", cwd=ROOT
    )
    assert status == 0
    assert "4.08/7" in out and "19 days" in out and "open-account" not in out
    status, _, err = cli("metrics", "examples/northwind", "--journey", "nope", cwd=ROOT)
    assert status == 2 and "no journey 'nope'" in err
    status, out, err = cli("metrics", "examples/northwind", "--journey", "open-acount", cwd=ROOT)
    assert (status, out) == (2, "")
    assert "no journey 'open-acount'; did you mean 'open-account'" in err


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


def journey_with(tmp_path: Path, figures: str) -> Path:
    (tmp_path / "journeyops.yaml").write_text("version: 1\nname: X\n")
    (tmp_path / "j.yaml").write_text(f"kind: journey\nid: j\ntitle: J\n{figures}")
    return tmp_path


def test_targets_are_met_or_missed_in_the_figures_own_direction(cli: Cli, tmp_path: Path) -> None:
    root = journey_with(
        tmp_path,
        "kpis:\n"
        "  - {id: slow, name: Days to card, value: 6.5, target: 3, better: lower}\n"
        "  - {id: fast, name: Days to close, value: 2, target: 3, better: lower}\n"
        "  - {id: exact, name: Days to reply, value: 3, target: 3, better: lower}\n"
        "  - {id: low-rate, name: Completion, value: 58, target: 75, unit: '%'}\n"
        "  - {id: no-target, name: Calls, value: 12}\n",
    )
    status, out, _ = cli("metrics", str(root), "--format", "json")
    assert status == 0
    statuses = {f["id"]: f["status"] for f in json.loads(out)["figures"]}
    assert statuses == {
        "slow": "worse",
        "fast": "better",
        "exact": "on-target",
        "low-rate": "worse",
        "no-target": None,
    }
    status, out, _ = cli("metrics", str(root))
    rows = {line.split("│")[3].strip(): line for line in out.splitlines() if line.count("│") > 5}
    assert "worse than target" in rows["slow"] and "better than target" in rows["fast"]
    assert "on target" in rows["exact"] and "worse than target" in rows["low-rate"]
    assert "above target" not in out and "below target" not in out


def test_nps_is_shown_signed(cli: Cli, tmp_path: Path) -> None:
    root = journey_with(
        tmp_path,
        "surveys:\n"
        "  - {id: up, type: nps, promoters: 191, passives: 709, detractors: 100, target: 20}\n"
        "  - {id: down, type: nps, promoters: 100, passives: 680, detractors: 220, target: -5}\n"
        "  - {id: flat, type: nps, promoters: 10, passives: 0, detractors: 10, target: 0}\n",
    )
    status, out, _ = cli("metrics", str(root))
    assert status == 0
    cells = {
        cols[3].strip(): (cols[6].strip(), cols[7].strip(), cols[8].strip())
        for cols in (line.split("│") for line in out.splitlines() if line.count("│") > 5)
    }
    assert cells["up"] == ("+9.1", "+20", "worse than target")
    assert cells["down"] == ("-12", "-5", "worse than target")
    assert cells["flat"] == ("0", "0", "on target")
    status, out, _ = cli("metrics", str(root), "--format", "json")
    values = {f["id"]: f["value"] for f in json.loads(out)["figures"]}
    assert values == {"up": 9.1, "down": -12, "flat": 0}  # numbers stay numbers in JSON


def test_metrics_json_has_full_precision(cli: Cli, tmp_path: Path) -> None:
    root = journey_with(
        tmp_path, "surveys:\n  - {id: effort, type: ces, ratings: [0, 0, 0, 0, 1, 2, 0]}\n"
    )
    _, out, _ = cli("metrics", str(root), "--format", "json")
    [figure] = json.loads(out)["figures"]
    assert figure["value"] == 17 / 3 and "5.666666666666667" in out
    assert "5.67/7" in cli("metrics", str(root))[1]  # only text for people rounds


def test_user_text_in_the_metrics_table_is_shown_escaped(cli: Cli, tmp_path: Path) -> None:
    root = journey_with(
        tmp_path,
        'kpis:\n  - {id: k, name: "Clear\\e[2J [red]red[/red]\\nnext", value: 1, unit: "d\\x07"}\n',
    )
    status, out, _ = cli("metrics", str(root))
    assert status == 0
    assert "\x1b" not in out and "\x07" not in out
    flat = "".join(line.split("│")[5].strip() for line in out.splitlines() if "│" in line)
    assert "Clear\\x1b[2J [red]red[/red]\\nnext" in flat
    assert "1 d\\x07" in out
