"""The example workspaces are the end-to-end fixtures: northwind is clean, and every mistake
planted in broken is reported on the line its `# expect:` comment is on, and nothing else."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from journeyops.load.sources import DiskSource
from journeyops.rules import RULES, RunOptions
from journeyops.rules.validation import validate
from tests.conftest import ROOT, expectations, observed, read_tree

NORTHWIND = ROOT / "examples" / "northwind"
BROKEN = ROOT / "examples" / "broken"
# The examples' review dates are checked against this day, not the real one.
TODAY = RunOptions(today=datetime.date(2026, 11, 24))


def test_northwind_is_clean() -> None:
    result = validate(DiskSource(NORTHWIND), options=TODAY)
    assert result.diagnostics == []
    assert result.files_checked == 18
    assert result.counts == {"persona": 4, "journey": 8, "insight": 10, "opportunity": 22}


def test_every_planted_mistake_is_reported_where_planted() -> None:
    result = validate(DiskSource(BROKEN), options=TODAY)
    assert observed(result.diagnostics) == expectations(read_tree(BROKEN))


def test_broken_covers_every_family() -> None:
    reported = {d.rule for d in validate(DiskSource(BROKEN), options=TODAY).diagnostics}
    assert {rule[:3] for rule in reported} >= {"JO0", "JO1", "JO2"}
    assert {rule[:3] for rule in reported} >= {"JO3", "JO4"}
    # Every rule is planted but a broken journeyops.yaml (it stops everything else), an
    # unreadable file (git cannot hold one portably), a link out of the workspace and a fifo
    # (no example to copy) and the two size limits (a 31-step stage is no example for
    # people); tests/test_cli.py, tests/test_file_safety.py and tests/cases/ cover those.
    assert reported == set(RULES) - {"JO011", "JO014", "JO016", "JO017", "JO408", "JO409"}


def test_broken_json_matches_golden(
    cli: Callable[..., tuple[int, str, str]], golden: Callable[[str, str], None]
) -> None:
    status, out, _ = cli("validate", str(BROKEN), "--format", "json", "--today", "2026-11-24")
    assert status == 1
    golden("broken.json", out)


def test_broken_text_matches_golden(
    cli: Callable[..., tuple[int, str, str]], golden: Callable[[str, str], None]
) -> None:
    status, out, _ = cli("validate", "examples/broken", "--today", "2026-11-24", cwd=ROOT)
    assert status == 1
    golden("broken.txt", out)
