"""Writing a rendered site into its folder without ever touching what someone else put there.

The folder keeps a manifest of the files journeyops wrote. A later render removes only the
pages it wrote before and no longer produces (a deleted journey); a folder that is not empty
and has no manifest is not a journeyops site, and nothing is written into it.

The folder's content is not trusted: a site folder may be committed, and a pull request can
change it. So `--out` itself may be a link (the user named it), but below it render writes
and removes only regular files whose every parent is a real folder, and a manifest entry is
a claim to check, never an instruction: one that leaves the folder, goes through a link or
names anything but a regular file is ignored and reported.

A render that is killed leaves its manifest marked incomplete: it is written first, naming
every file the render may leave behind, and marked complete at the end. The next render
finishes the job, temporary files included.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from journeyops.core.atomic import write_atomic
from journeyops.render.lazy import SitePages
from journeyops.render.output_paths import UnsafePath, check_inside, is_our_page, is_temporary_of
from journeyops.render.page_writer import same, write_pages

MANIFEST = ".journeyops-site"


class OutputError(Exception):
    """The output folder cannot be used; the message says why and what to do."""


@dataclass(frozen=True)
class Written:
    written: list[str]
    unchanged: list[str]
    removed: list[str]
    # Damage found in the folder (manifest entries that were ignored): for stderr.
    warnings: list[str] = field(default_factory=list)


def write_site(out: Path, pages: Mapping[str, str], *, keep_others: bool = False) -> Written:
    """Write `pages` into `out`, one at a time, each only if its bytes changed. Pages made
    on demand (render.lazy) are not made at all when the site there is intact and made from
    the same inputs; the site is built (drawn by Graphviz, its templates compiled) before
    anything is created, so a render that fails there leaves the folder as it was, and a
    template that fails on some page leaves the manifest marked incomplete (see above).
    With `keep_others` (one journey rendered) the pages an earlier render wrote stay, and
    stay in the manifest."""
    lazy = pages if isinstance(pages, SitePages) else None
    if lazy is not None:
        reused = lazy.reused(out.resolve(), MANIFEST)
        if reused is not None:
            return Written([], reused, [])
        lazy.build()
    root = _folder(out)
    previous, warnings = _previous(root, out, pages)
    paths = sorted(pages)
    kept = previous - set(paths) if keep_others else set()
    for path in paths:
        try:
            check_inside(root, path)
        except UnsafePath as error:
            raise OutputError(
                f"{out / path} {error}; journeyops writes only regular files in --out: "
                "remove it, or choose another folder with --out"
            ) from None
    stale = sorted(previous - set(paths) - kept)
    marked = False

    def mark() -> None:
        # Named before anything is written, so that a killed render is ours.
        nonlocal marked
        _write_manifest(root, sorted(previous | set(paths)), complete=False)
        marked = True

    changed = write_pages(root, paths, pages, mark)
    if stale and not marked:
        _write_manifest(root, sorted(previous | set(paths)), complete=False)
    removed = [path for path in stale if _remove(root, path)]
    _remove_temporaries(root, [*paths, MANIFEST])
    _write_manifest(root, sorted(set(paths) | kept), complete=True)
    if lazy is not None and not warnings:
        lazy.remember(root, [*paths, MANIFEST])
    written = set(changed)
    unchanged = [p for p in paths if p not in written]
    return Written(changed, unchanged, removed, warnings)


def _folder(out: Path) -> Path:
    """The real folder behind `--out` (a link there is the user's choice and is followed)."""
    root = out.resolve()
    if root.exists() and not root.is_dir():
        raise OutputError(f"{out} is a file; choose a folder with --out")
    root.mkdir(parents=True, exist_ok=True)
    return root


def _previous(root: Path, out: Path, pages: Mapping[str, str]) -> tuple[set[str], list[str]]:
    """The files an earlier render wrote here, and the damage found in its manifest."""
    manifest = root / MANIFEST
    try:
        mode = manifest.lstat().st_mode
    except FileNotFoundError:
        if not _only_ours(root, "", pages):
            raise OutputError(
                f"{out} is not empty and was not written by journeyops render (it has no "
                f"{MANIFEST}); choose another folder with --out, or empty this one"
            ) from None
        return set(), []
    damaged = f"{out / MANIFEST} is damaged; delete the folder {out} and render again"
    if not stat.S_ISREG(mode):
        raise OutputError(f"{damaged} (it is not a regular file)")
    try:
        files = json.loads(manifest.read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        raise OutputError(damaged) from None
    if not isinstance(files, list):
        raise OutputError(damaged)
    kept, warnings = set(), []
    for entry in files:
        try:
            check_inside(root, entry)
        except UnsafePath as error:
            warnings.append(f"{out / MANIFEST}: ignored the entry {entry!r}: it {error}")
            continue
        kept.add(entry)
    return kept, warnings


def _only_ours(folder: Path, prefix: str, pages: Mapping[str, str]) -> bool:
    """Whether everything in the folder is what a render of these pages leaves when it is
    killed before its manifest exists: some of the pages (by their generator tag, or their
    exact text), temporary files of them or of the manifest, and the folders around them.
    Anything else (a user's notes, a link) means the folder is not ours."""
    names = {p.removeprefix(prefix) for p in [*pages, MANIFEST] if p.startswith(prefix)}
    here = {n for n in names if "/" not in n}
    folders = {n.split("/")[0] for n in names if "/" in n}
    with os.scandir(folder) as entries:
        return all(_is_ours(entry, prefix, here, folders, pages) for entry in entries)


def _is_ours(
    entry: os.DirEntry[str],
    prefix: str,
    here: set[str],
    folders: set[str],
    pages: Mapping[str, str],
) -> bool:
    if entry.is_dir(follow_symlinks=False):
        return entry.name in folders and _only_ours(
            Path(entry.path), f"{prefix}{entry.name}/", pages
        )
    if not entry.is_file(follow_symlinks=False):
        return False  # a link, a fifo: never something render leaves
    if is_temporary_of(entry.name, here):
        return True
    page = prefix + entry.name
    return page in pages and is_our_page(Path(entry.path), pages[page])


def _remove(root: Path, path: str) -> bool:
    """Remove a page an earlier render wrote, if it is still a regular file inside."""
    try:
        check_inside(root, path)
        (root / path).unlink()
    except (UnsafePath, FileNotFoundError):
        return False
    return True


def _remove_temporaries(root: Path, paths: list[str]) -> None:
    """Temporary files a killed render left beside the files it was writing."""
    by_folder: dict[str, set[str]] = {}
    for path in paths:
        folder, _, name = path.rpartition("/")
        by_folder.setdefault(folder, set()).add(name)
    for folder, names in by_folder.items():
        try:
            if folder:
                check_inside(root, folder, folder=True)
            entries = list(os.scandir(root / folder))
        except (UnsafePath, FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            if entry.is_file(follow_symlinks=False) and is_temporary_of(entry.name, names):
                Path(entry.path).unlink(missing_ok=True)


def _write_manifest(root: Path, files: list[str], *, complete: bool) -> None:
    text = json.dumps({"files": files, "complete": complete}, indent=1) + "\n"
    if not same(root / MANIFEST, text):
        write_atomic(root / MANIFEST, text)
