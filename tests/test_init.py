"""`journeyops init`: a workspace that validates clean, and nothing overwritten."""

from __future__ import annotations

import datetime
import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

from journeyops.authoring.scaffold import Exists, write_all, write_new
from journeyops.authoring.skeletons import FOLDERS
from journeyops.authoring.starter import starter_files
from journeyops.load.sources import DiskSource
from journeyops.load.workspace import load_config, load_workspace
from journeyops.model import Config
from journeyops.model.json_schema import all_schemas
from tests.conftest import git, read_tree

Cli = Callable[..., tuple[int, str, str]]


def _validate_json(cli: Cli, folder: Path, *extra: str) -> dict[str, object]:
    status, out, err = cli("validate", str(folder), "--format", "json", "--no-cache", *extra)
    report: dict[str, object] = json.loads(out)
    assert (status, report["diagnostics"], err) == (0, [], "")
    return report


def test_a_new_workspace_validates_clean_with_a_document_of_each_kind(
    cli: Cli, tmp_path: Path
) -> None:
    status, out, _ = cli("init", str(tmp_path / "ws"))
    assert status == 0
    assert "wrote " in out and "journeyops validate" in out
    report = _validate_json(cli, tmp_path / "ws")
    assert report["summary"] == {
        "errors": 0,
        "warnings": 0,
        "files_checked": 4,
        "files_with_findings": 0,
    }
    # Every rule is on by default; still clean 179 days on (the review interval is 180).
    _validate_json(cli, tmp_path / "ws", "--today", _days_later(tmp_path / "ws", 179))
    loaded = load_workspace(DiskSource(tmp_path / "ws")).workspace
    kinds = sorted(type(d.model).__name__ for d in loaded.documents)
    assert kinds == ["Insight", "Journey", "Opportunity", "Persona"]


def _days_later(root: Path, days: int) -> str:
    text = (root / "journeys/customer-lifecycle.yaml").read_text()
    reviewed = next(line.split()[1] for line in text.splitlines() if line.startswith("reviewed"))
    return (datetime.date.fromisoformat(reviewed) + datetime.timedelta(days=days)).isoformat()


def test_the_config_names_every_setting_at_its_default(tmp_path: Path) -> None:
    text = starter_files("Acme journeys", _today())["journeyops.yaml"]
    (tmp_path / "journeyops.yaml").write_text(text)
    config, _, _ = load_config(DiskSource(tmp_path))
    assert config == Config(version=1, name="Acme journeys")
    written = _keys(yaml.safe_load(text))
    missing = [key for key in _setting_names(Config) if key not in written]
    assert missing == [], "settings journeyops.yaml from init does not show"
    assert text.count("#") > 15  # commented: each setting says what it does


def _keys(value: object) -> set[str]:
    if not isinstance(value, dict):
        return set()
    return {str(k) for k in value} | {k for v in value.values() for k in _keys(v)}


def _setting_names(model: type[BaseModel]) -> list[str]:
    """Every field name of the config, its sections' fields included (not the scoring
    models' options: `models` is a mapping of the user's own names)."""
    names = []
    for name, info in model.model_fields.items():
        names.append(name)
        kind = info.annotation
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            names += _setting_names(kind)
    return names


def _today() -> datetime.date:
    return datetime.date(2026, 12, 3)


def test_modelines_point_at_the_schemas_init_wrote(cli: Cli, tmp_path: Path) -> None:
    cli("init", str(tmp_path))
    yaml_files = sorted(tmp_path.glob("**/*.yaml"))
    assert len(yaml_files) == 5
    for file in yaml_files:
        first = file.read_text().splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), file
        schema = (file.parent / first.split("=", 1)[1]).resolve()
        kinds = {folder: kind for kind, folder in FOLDERS.items()}
        kind = "journeyops" if file.name == "journeyops.yaml" else kinds[file.parent.name]
        assert schema.name == f"{kind}.schema.json"
        assert schema.read_text() == all_schemas()[schema.name]
    status, _, _ = cli("schema", "--check", "--out", str(tmp_path / "schemas"))
    assert status == 0


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_gitignore_keeps_the_site_and_the_cache_out_of_git(cli: Cli, tmp_path: Path) -> None:
    cli("init", str(tmp_path))
    git(tmp_path, "init", "-q")
    paths = ["site/index.html", ".journeyops-cache/entry", "journeys/customer-lifecycle.yaml"]
    result = subprocess.run(
        ["git", "check-ignore", *paths], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.stdout.split() == paths[:2]


def test_init_refuses_when_any_file_exists_and_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("mine\n")
    (tmp_path / "notes.txt").write_text("unrelated files are fine\n")
    before = read_tree(tmp_path)
    status, out, err = cli("init", str(tmp_path))
    assert status == 2
    assert out == ""
    assert ".gitignore already exists" in err and "nothing was written" in err
    assert read_tree(tmp_path) == before


def test_init_into_a_fresh_folder_then_again_is_refused(cli: Cli, tmp_path: Path) -> None:
    assert cli("init", cwd=tmp_path)[0] == 0
    before = read_tree(tmp_path)
    status, _, err = cli("init")
    assert status == 2
    assert "journeyops.yaml, .gitignore" in err and "in the current folder" in err
    assert read_tree(tmp_path) == before


def test_init_on_a_file_is_a_usage_error(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    status, _, err = cli("init", str(tmp_path / "file"))
    assert status == 2
    assert "is not a folder" in err
    assert "Traceback" not in err


def test_write_new_never_replaces_a_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    write_new(target, "first\n")
    with pytest.raises(FileExistsError):
        write_new(target, "second\n")
    assert target.read_text() == "first\n"
    (tmp_path / "link.yaml").symlink_to(tmp_path / "gone")
    with pytest.raises(FileExistsError):
        write_new(tmp_path / "link.yaml", "through a dangling link\n")
    assert not (tmp_path / "gone").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "link.yaml"]


def test_a_failed_write_takes_back_what_it_wrote(tmp_path: Path) -> None:
    (tmp_path / "b").write_text("a file where a folder is needed")
    with pytest.raises(OSError):
        write_all(tmp_path, {"a.yaml": "x\n", "b/c.yaml": "y\n"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b"]
    with pytest.raises(Exists):
        write_all(tmp_path, {"z.yaml": "x\n", "b": "y\n"})
    assert not (tmp_path / "z.yaml").exists()


def test_a_hostile_workspace_name_reads_back_as_written(cli: Cli, tmp_path: Path) -> None:
    name = 'Acme: "journeys" # not a comment\u001b[31m'
    assert cli("init", str(tmp_path), "--name", name)[0] == 0
    config, _, _ = load_config(DiskSource(tmp_path))
    assert config.name == name


def test_a_workspace_inside_another_is_refused_unless_excluded(cli: Cli, tmp_path: Path) -> None:
    cli("init", str(tmp_path))
    status, _, err = cli("init", str(tmp_path / "team" / "inner"))
    assert status == 2
    assert "is inside the workspace at" in err and "`team/inner/**` to `exclude:`" in err
    assert not (tmp_path / "team").exists()
    config = tmp_path / "journeyops.yaml"
    config.write_text(config.read_text().replace("exclude: []", "exclude: [team/**]"))
    assert cli("init", str(tmp_path / "team" / "inner"))[0] == 0
    _validate_json(cli, tmp_path)
    _validate_json(cli, tmp_path / "team" / "inner")
