"""schemas/ is generated from the models and must never go stale."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from journeyops.model.json_schema import DRAFT_07, all_schemas
from tests.conftest import ROOT

Cli = Callable[..., tuple[int, str, str]]


def test_committed_schemas_match_the_models() -> None:
    committed = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "schemas").glob("*.json")}
    assert committed == all_schemas(), "schemas/ is stale: run `make schemas`"


def test_schemas_are_draft_07_and_document_every_field() -> None:
    for name, text in all_schemas().items():
        schema = json.loads(text)
        assert schema["$schema"] == DRAFT_07, name
        assert "$defs" not in text and '"#/$defs' not in text, name
        for section in [schema, *schema.get("definitions", {}).values()]:
            for field, spec in section.get("properties", {}).items():
                assert spec.get("description"), f"{name}: {field} has no description"


def test_schema_check_detects_a_stale_file(cli: Cli, tmp_path: Path) -> None:
    status, _, _ = cli("schema", "--out", str(tmp_path))
    assert status == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(all_schemas())
    assert cli("schema", "--out", str(tmp_path), "--check")[0] == 0
    (tmp_path / "persona.schema.json").write_text("{}", encoding="utf-8")
    status, out, _ = cli("schema", "--out", str(tmp_path), "--check")
    assert status == 1
    assert "persona.schema.json" in out
    assert (tmp_path / "persona.schema.json").read_text(encoding="utf-8") == "{}"


def test_a_schema_file_that_is_not_text_is_stale_not_a_traceback(cli: Cli, tmp_path: Path) -> None:
    assert cli("schema", "--out", str(tmp_path))[0] == 0
    (tmp_path / "journey.schema.json").write_bytes(b"\xff\xfe{")
    status, out, err = cli("schema", "--out", str(tmp_path), "--check")
    assert (status, err) == (1, "")
    assert "stale schemas in" in out and "journey.schema.json" in out
    status, out, err = cli("schema", "--out", str(tmp_path))
    assert (status, err) == (0, "")
    assert (tmp_path / "journey.schema.json").read_text(encoding="utf-8") == all_schemas()[
        "journey.schema.json"
    ]
