"""What lets a render of an unchanged workspace write nothing, and redraw nothing it drew.

A site is a function of the workspace's files, journeyops.yaml, the date (validate's
findings decide what is published), the options, the templates and the code: `site_key`
digests them all. After writing, render keeps in the cache (`SiteRecord`) that key, the
folder, and each file it left there with its metadata and content hash. A later render with
the same key writes nothing when every one of those files is still what it wrote.

The output folder is not trusted (a committed site can be changed by a pull request; see
render/output.py), so nothing about the decision is read from it: the record lives in the
signed cache, and each file is checked by its metadata (size, inode, modification and change
time; an edit or a replacement changes one). A file changed so soon after the record that
its times may not show it is hashed and compared instead, as in load/file_stats.py. Any
difference, or no record, and the site is rendered and written as usual.

Graphviz's drawings are kept the same way, by the digest of their DOT source and the `dot`
binary that drew them (`DrawnRecord`), so a changed workspace redraws only what changed.
"""

from __future__ import annotations

import os
import shutil
import stat
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from journeyops.load.cache import Cache, Record, content_hash
from journeyops.load.file_stats import RACY_NS, Signature, signature
from journeyops.load.regular_files import read_descriptor
from journeyops.load.run_key import run_key
from journeyops.render.output_paths import UnsafePath, check_inside

# Templates larger than this are not a theme: the key then never matches (render runs).
_MAX_TEMPLATE_BYTES = 1 << 26


@dataclass(frozen=True)
class SiteRecord(Record):
    """The last site written with this cache: where, from what, and what it left there."""

    NAME: ClassVar[str] = "site"
    VERSION: ClassVar[int] = 1

    folder: str  # the real output folder
    written: int  # time.time_ns() when recorded
    files: dict[str, tuple[Signature, str]]  # every file, the manifest too -> (meta, hash)
    summary: object  # what the render reports besides its files (render.Built.summary)


@dataclass(frozen=True)
class DrawnRecord(Record):
    """SVG drawn by `dot`, by the digest of its DOT source."""

    NAME: ClassVar[str] = "drawn"
    VERSION: ClassVar[int] = 1

    svgs: dict[str, str]


def site_key(
    config: bytes,
    digests: Mapping[str, str],
    options: Sequence[str],
    templates: Path | None,
) -> str | None:
    """The key of everything a site is made of; None when the templates cannot be read
    whole (then no key: render runs)."""
    listed = "\n".join(f"{file}\0{digest}" for file, digest in sorted(digests.items()))
    theme = templates_digest(templates) if templates is not None else ""
    if theme is None:
        return None
    parts = [listed, "\0".join(options), theme, graphviz_tag()]
    # A file name that is not UTF-8 holds lone surrogates (os.fsdecode): kept as its bytes.
    return run_key(config, *(part.encode(errors="surrogateescape") for part in parts))


def templates_digest(folder: Path) -> str | None:
    """The names and bytes of a `--templates` folder's files, without following links (a
    link's own text stands for it) or reading anything but regular files."""
    parts: list[bytes] = []
    total = 0
    for current, folders, files in os.walk(folder):
        folders.sort()
        for name in sorted(files) + [f for f in folders if Path(current, f).is_symlink()]:
            path = os.path.join(current, name)  # noqa: PTH118
            relative = os.path.relpath(path, folder).encode(errors="surrogateescape")
            try:
                mode = os.lstat(path).st_mode
                if stat.S_ISLNK(mode):
                    data = b"link:" + os.fsencode(Path(path).readlink())
                elif stat.S_ISREG(mode):
                    data = _read(path)
                else:
                    data = b"other"
            except OSError:
                return None
            total += len(data)
            if total > _MAX_TEMPLATE_BYTES:
                return None
            parts += [len(relative).to_bytes(4, "little"), relative, content_hash(data).encode()]
    return content_hash(b"".join(parts))


def graphviz_tag() -> str:
    """Which `dot` would draw: its path and metadata (an upgrade changes them)."""
    found = shutil.which("dot")
    if found is None:
        return "no dot"
    try:
        status = Path(found).stat()
    except OSError:
        return found
    return f"{found}\0{status.st_size}\0{status.st_mtime_ns}\0{status.st_ino}"


def intact(root: Path, record: SiteRecord) -> bool:
    """Whether every file the record names is, inside `root`, what render left there: each
    folder on the way a real folder (no link), each file a regular file with the recorded
    metadata (and, if recorded too soon to tell, the recorded bytes)."""
    if record.folder != str(root):
        return False
    base = str(root)
    folders: dict[str, bool] = {"": True}
    for path, (recorded, digest) in record.files.items():
        folder = path.rpartition("/")[0]
        if folder not in folders:
            folders[folder] = _real_folders(base, folder)
        try:
            now = signature(os.path.join(base, path))  # noqa: PTH118 - 2,000 files: no Path
        except OSError:  # gone, or not a regular file (a link has no signature)
            return False
        if not folders[folder] or now != recorded:
            return False
        if now[0] >= record.written - RACY_NS and _hash(root / path) != digest:
            return False
    return True


def _real_folders(base: str, folder: str) -> bool:
    current = base
    for part in folder.split("/"):
        current = os.path.join(current, part)  # noqa: PTH118
        try:
            if not stat.S_ISDIR(os.lstat(current).st_mode):
                return False
        except OSError:
            return False
    return True


def stamps(root: Path, paths: Sequence[str]) -> dict[str, tuple[Signature, str]] | None:
    """Each file's metadata and content hash as render just left it; None if one is
    missing or not a regular file (then nothing is recorded)."""
    found = {}
    for path in paths:
        try:
            check_inside(root, path)
            found[path] = (signature(str(root / path)), _hash(root / path))
        except (UnsafePath, OSError):
            return None
    return found


def record_site(cache: Cache, key: str, root: Path, paths: Sequence[str], summary: object) -> None:
    written = time.time_ns()
    files = stamps(root, paths)
    if files is not None:
        cache.store(SiteRecord(str(root), written, files, summary), key)


def draw_cached(
    sources: Mapping[str, str],
    cache: Cache | None,
    draw: Callable[[dict[str, str]], dict[str, str]],
) -> dict[str, str]:
    """Every diagram drawn, by its key: from the cache when its DOT was drawn before by the
    same `dot`, the rest by `draw`; the cache then holds this run's drawings."""
    tag = graphviz_tag()
    digests = {key: content_hash(source.encode()) for key, source in sources.items()}
    stored = cache.load(DrawnRecord, tag) if cache is not None else None
    known = stored.svgs if stored is not None else {}
    todo = {key: source for key, source in sources.items() if digests[key] not in known}
    drawn = draw(todo) if todo else {}
    svgs = {key: drawn[key] if key in drawn else known[digests[key]] for key in sources}
    if cache is not None and todo:
        cache.store(DrawnRecord({digests[key]: svg for key, svg in svgs.items()}), tag)
    return svgs


def _hash(path: Path) -> str:
    return content_hash(_read(str(path)))


def _read(path: str) -> bytes:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        return read_descriptor(fd, _MAX_TEMPLATE_BYTES)
    finally:
        os.close(fd)
