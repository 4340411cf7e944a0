"""Which paths in a site folder render may touch, judged without following any link.

A site folder may come from a pull request, so nothing in it is trusted: a path is written or
removed only if it is a plain relative path whose parents are real folders inside the site
and whose file, if there is one, is a regular file.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Collection
from pathlib import Path

# What base.html writes in every page's head: how a page of a killed render is recognised.
GENERATOR_MARK = b'<meta name="generator" content="journeyops '
# `atomic.write_atomic` writes `.NAME.RANDOM.tmp` beside NAME, then renames it.
_TEMPORARY = re.compile(r"\.(?P<name>.+)\.[A-Za-z0-9_]+\.tmp")


class UnsafePath(Exception):
    """The message completes a sentence about the path: `x/notes.txt goes through a link`."""


def check_inside(root: Path, path: object, *, folder: bool = False) -> None:
    """Raise UnsafePath unless `path` names a regular file (a real folder with `folder`), or
    nothing yet, strictly inside the real folder `root`, reached through real folders only."""
    if not isinstance(path, str) or not path:
        raise UnsafePath("is not a file name")
    parts = path.split("/")
    if path.startswith("/") or any(p in ("", ".", "..") for p in parts):
        raise UnsafePath("is not a plain path inside the folder")
    if "\\" in path or "\0" in path:
        raise UnsafePath("is not a plain path inside the folder")
    current = root
    for n, part in enumerate(parts):
        current /= part
        try:
            mode = current.lstat().st_mode
        except FileNotFoundError:
            return  # nothing there yet: a write creates real folders, a removal does nothing
        except OSError as error:
            raise UnsafePath(f"cannot be checked ({error.strerror})") from None
        shown = "/".join(parts[: n + 1])
        if stat.S_ISLNK(mode):
            raise UnsafePath("is a link" if shown == path else f"goes through the link {shown}")
        if n < len(parts) - 1 or folder:
            if not stat.S_ISDIR(mode):
                raise UnsafePath(f"goes through {shown}, which is not a folder")
        elif not stat.S_ISREG(mode):
            raise UnsafePath("is not a regular file")


def is_temporary_of(name: str, names: Collection[str]) -> bool:
    """Whether `name` is a temporary file that writing one of `names` leaves when killed."""
    match = _TEMPORARY.fullmatch(name)
    return match is not None and match["name"] in names


def is_our_page(path: Path, text: str) -> bool:
    """Whether a regular file holds a page a render wrote: the page it is about to write
    (renders are deterministic), or any page with journeyops' generator tag in its head."""
    expected = text.encode()
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            return False
        data = handle.read(len(expected) + 1)
    return data == expected or GENERATOR_MARK in data[:4096]
