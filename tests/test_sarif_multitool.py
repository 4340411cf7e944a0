"""Our SARIF read by Microsoft's own SARIF validator (the SARIF multitool's `validate`),
beside the schema test in test_reports.py: the validator also checks the rules of the
specification a schema cannot express (URIs, rule references, regions, fingerprints)."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.browser import require
from tests.conftest import ROOT

Cli = Callable[..., tuple[int, str, str]]
MULTITOOL = Path(
    os.environ.get(
        "JOURNEYOPS_SARIF_MULTITOOL",
        ROOT / ".venv/sarif/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool",
    )
)


def validator_results(sarif: Path, tmp_path: Path) -> list[dict[str, Any]]:
    """What the multitool reports about `sarif`, as the results of its own SARIF log."""
    require(MULTITOOL.is_file(), f"the SARIF multitool ({MULTITOOL})")
    log = tmp_path / f"{sarif.stem}.validation.sarif"
    done = subprocess.run(
        [str(MULTITOOL), "validate", str(sarif), "--output", str(log)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    results: list[dict[str, Any]] = json.loads(log.read_text(encoding="utf-8"))["runs"][0].get(
        "results", []
    )
    return results


def _problems(results: list[dict[str, Any]]) -> list[str]:
    # A result without a level is a warning (SARIF's default).
    return [
        f"{r.get('ruleId')}: {r['message'].get('text', r['message'])}"
        for r in results
        if r.get("level", "warning") in ("error", "warning")
    ]


@pytest.mark.parametrize("workspace", ["examples/broken", "examples/northwind"])
def test_our_sarif_has_no_error_or_warning_in_the_multitool(
    cli: Cli, tmp_path: Path, workspace: str
) -> None:
    sarif = tmp_path / "journeyops.sarif"
    cli("validate", workspace, "-f", "sarif", "-o", str(sarif), cwd=ROOT)
    assert sarif.is_file()
    assert _problems(validator_results(sarif, tmp_path)) == []


def test_the_multitool_does_find_a_broken_log(cli: Cli, tmp_path: Path) -> None:
    """The check above is only worth something if the validator reads what it is given."""
    sarif = tmp_path / "broken.sarif"
    cli("validate", "examples/broken", "-f", "sarif", "-o", str(sarif), cwd=ROOT)
    document = json.loads(sarif.read_text(encoding="utf-8"))
    document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    sarif.write_text(json.dumps(document), encoding="utf-8")
    assert _problems(validator_results(sarif, tmp_path)) != []
