"""Which files are workspace files: hidden folders, the render output, include and exclude."""

from __future__ import annotations

from pathlib import Path

from journeyops.core.outputs import NOT_INPUT
from journeyops.load.scan import scan
from journeyops.load.selection import select_files
from journeyops.load.sources import DiskSource, MemorySource
from journeyops.model import Config

PATHS = [
    "journeyops.yaml",
    "journeys/a.yaml",
    "journeys/drafts/b.yaml",
    "personas/p.yml",
    "site/index.yaml",
    "notes/readme.yaml",
]


def config(**kwargs: list[str]) -> Config:
    return Config.model_validate({"version": 1, "name": "X", **kwargs})


def test_default_takes_every_yaml_but_config_and_render_output() -> None:
    assert select_files(PATHS, config(), NOT_INPUT) == [
        "journeys/a.yaml",
        "journeys/drafts/b.yaml",
        "notes/readme.yaml",
        "personas/p.yml",
    ]


def test_exclude_globs_match_files_and_folders() -> None:
    assert select_files(PATHS, config(exclude=["**/drafts", "notes/*.yaml"]), NOT_INPUT) == [
        "journeys/a.yaml",
        "personas/p.yml",
    ]


def test_include_narrows_and_single_star_stays_in_one_folder() -> None:
    assert select_files(PATHS, config(include=["journeys/*.yaml", "personas/**"])) == [
        "journeys/a.yaml",
        "personas/p.yml",
    ]


def test_hidden_folders_are_skipped_on_disk_and_in_memory(tmp_path: Path) -> None:
    for name in ["a.yaml", ".git/x.yaml", ".cache/y.yml", "b/.hidden.yaml", "b/c.yml", "b/d.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x: 1\n")
    on_disk = list(DiskSource(tmp_path).yaml_files())
    in_memory = list(
        MemorySource(
            dict.fromkeys([".git/x.yaml", "a.yaml", "b/c.yml", "b/d.txt"], b"")
        ).yaml_files()
    )
    assert on_disk == ["a.yaml", "b/c.yml"]
    assert in_memory == ["a.yaml", "b/c.yml"]


def test_what_journeyops_writes_is_left_out_only_where_the_caller_says(tmp_path: Path) -> None:
    """The loader knows no command's output folder: scan leaves out NOT_INPUT by default,
    and select_files leaves out only the folders it is given."""
    source = MemorySource(
        {
            "journeyops.yaml": b"version: 1\nname: X\n",
            "a.yaml": b"",
            "site/page.yaml": b"",
            "public/page.yaml": b"",
        }
    )
    assert list(scan(source).files) == ["a.yaml", "public/page.yaml"]
    assert list(scan(source, leave_out=["public", "site"]).files) == ["a.yaml"]
    assert select_files(PATHS, config()) == sorted(p for p in PATHS if p != "journeyops.yaml")
