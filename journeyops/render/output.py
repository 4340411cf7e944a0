"""Writing a rendered site into its folder without ever deleting what someone else put there.

The folder keeps a manifest of the files journeyops wrote. A later render removes only the
pages it wrote before and no longer produces (a deleted journey); a folder that is not empty
and has no manifest is not a journeyops site, and nothing is written into it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from journeyops.atomic import write_atomic

MANIFEST = ".journeyops-site"


class OutputError(Exception):
    """The output folder cannot be used; the message says why and what to do."""


@dataclass(frozen=True)
class Written:
    written: list[str]
    unchanged: list[str]
    removed: list[str]


def write_site(out: Path, pages: dict[str, str]) -> Written:
    previous = _previous(out)
    written, unchanged = [], []
    for path, text in sorted(pages.items()):
        target = out / path
        if _same(target, text):
            unchanged.append(path)
            continue
        write_atomic(target, text)
        written.append(path)
    removed = []
    for path in sorted(previous - pages.keys()):
        target = out / path
        if target.is_file():
            target.unlink()
            removed.append(path)
    write_atomic(out / MANIFEST, json.dumps({"files": sorted(pages)}, indent=1) + "\n")
    return Written(written, unchanged, removed)


def _previous(out: Path) -> set[str]:
    if not out.exists():
        return set()
    if not out.is_dir():
        raise OutputError(f"{out} is a file; choose a folder with --out")
    manifest = out / MANIFEST
    if not manifest.is_file():
        if any(out.iterdir()):
            raise OutputError(
                f"{out} is not empty and was not written by journeyops render (it has no "
                f"{MANIFEST}); choose another folder with --out, or empty this one"
            )
        return set()
    try:
        files = json.loads(manifest.read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        raise OutputError(
            f"{manifest} is damaged; delete the folder {out} and render again"
        ) from None
    # Only plain relative paths inside the folder: a manifest is never a way out of it.
    return {
        f
        for f in files
        if isinstance(f, str) and ".." not in f.split("/") and not f.startswith("/")
    }


def _same(target: Path, text: str) -> bool:
    try:
        return target.read_text(encoding="utf-8") == text
    except (OSError, UnicodeDecodeError):
        return False
