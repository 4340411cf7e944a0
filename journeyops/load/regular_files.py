"""Reading from disk only what a workspace may hold: regular files inside its root.

A workspace arrives in pull requests from people its owner may not trust, so what is on disk
is input too: a committed link may point at a secret (`~/.git-credentials`), a fifo blocks
a read forever and a device such as `/dev/zero` never ends. So journeyops

- follows a link only when its fully resolved target is inside the root, and never reads or
  quotes anything of a target outside it (only the link's own, committed text);
- never enters a folder link (a folder inside the root is read where it really is, one
  outside is reported), so a link to an ancestor cannot make the listing loop;
- opens only what is regular, without following a final link (O_NOFOLLOW) and without
  blocking (O_NONBLOCK), and checks the open descriptor (fstat), so that what is read is
  what was checked even if the file was swapped in between;
- reads through that descriptor and never more than the size limit.

What is refused becomes a `Refused` error naming the finding, so that every caller that
already reports an unreadable file reports it, at the file, with a rule and a fix.
"""

# Paths stay strings joined by os.path: a Path object per file costs more than reading it.
# ruff: noqa: PTH118

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from journeyops.core.diagnostics import FILE_START, Finding, Problem
from journeyops.core.sourcemap import MAX_FILE_BYTES

# What one of the listing's entries is, as the folder listing told it (for free: the
# entry's type comes with its name): a regular file, a link to resolve, or refused already.
REGULAR = "regular"
LINK = "link"
Kind = str | OSError

_READ = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)
_CHUNK = 1 << 20
_EXCLUDE_HINT = "or leave it out with `exclude:` in journeyops.yaml"


class Refused(OSError):
    """A path journeyops will not read, with the finding that says why."""

    def __init__(self, rule: str, message: str, hint: str) -> None:
        super().__init__(message)
        self.rule, self.message, self.hint = rule, message, hint

    def __reduce__(self) -> tuple[type[Refused], tuple[str, str, str]]:
        return (Refused, (self.rule, self.message, self.hint))

    def problem(self, file: str) -> Finding:
        return Finding(self.rule, Problem(self.message, file, FILE_START, self.hint))


def too_large_message(size: int) -> tuple[str, str]:
    """The message and hint for a file at or above the size limit (JO013)."""
    message = f"the file is {size / 2**20:.0f} MiB; journeyops reads files below 16 MiB"
    return message, "split it into several files (a file may hold many `---` separated documents)"


def read_regular(root: str, path: str, kind: Kind | None = None) -> bytes:
    """The bytes of `path` (relative, POSIX) below `root` (a resolved folder), read only if
    it is a regular file inside `root`; `kind` is what the listing saw there (None: look).
    Raises Refused, or OSError when the file cannot be read."""
    full = os.path.join(root, path)
    if kind is None:
        kind = _kind(os.lstat(full))
    if isinstance(kind, OSError):
        raise kind
    if kind == LINK:
        full = _link_target(root, full)
    try:
        fd = os.open(full, _READ)
    except OSError as error:
        if error.errno not in {errno.ELOOP, errno.EMLINK} or kind == LINK:
            raise
        # swapped for a link since it was listed: check the link like any other
        fd = os.open(_link_target(root, full), _READ)
    try:
        return read_descriptor(fd, MAX_FILE_BYTES, link=kind == LINK)
    finally:
        os.close(fd)


def read_descriptor(fd: int, limit: int, *, link: bool = False) -> bytes:
    """At most `limit` bytes of the open regular file `fd` (more are never read: a file of
    `limit` bytes or more is refused); Refused when it is not a regular file."""
    status = os.fstat(fd)
    if not stat.S_ISREG(status.st_mode):
        raise not_regular(status.st_mode, link=link)
    size = status.st_size
    if size >= limit:
        raise Refused("unsupported-yaml", *too_large_message(size))
    data = os.read(fd, size + 1)  # one byte more than the size tells a file that grew
    if len(data) == size:
        return data  # the usual case: the whole file in one call
    parts, total = [data], len(data)
    while data and total < limit:  # a short read, or a file that grew (or lies, as /proc)
        data = os.read(fd, min(_CHUNK, limit - total))
        parts.append(data)
        total += len(data)
    return b"".join(parts)


def not_regular(mode: int, *, link: bool = False) -> Refused:
    what = _special_name(mode)
    message = (
        f"the link points to a {what}, not a regular file; journeyops reads regular files only"
        if link
        else f"this is a {what}, not a regular file; journeyops reads regular files only"
    )
    hint = f"replace it with a regular YAML file, {_EXCLUDE_HINT}"
    return Refused("not-a-regular-file", message, hint)


def link_outside(text: str, *, folder: bool = False) -> Refused:
    """`text` is the link's own target as committed, never anything read through it."""
    what = "folder link" if folder else "link"
    message = (
        f"the {what} points outside the workspace (to `{text}`); "
        "journeyops reads nothing outside the workspace root"
    )
    hint = (
        "move what it points to into the workspace and link to it there (or copy it), "
        + _EXCLUDE_HINT
    )
    return Refused("link-outside-workspace", message, hint)


def unreadable_folder(error: OSError) -> Refused:
    message = f"cannot read the folder: {error.strerror or 'not found'}"
    hint = f"fix the folder's permissions, {_EXCLUDE_HINT}"
    return Refused("unreadable-file", message, hint)


def walk(root: str, suffixes: tuple[str, ...]) -> Iterator[tuple[str, Kind]]:
    """The candidate files below `root` (hidden names left out) with what each one is:
    regular files and links named `*.yaml`, anything else so named (refused), folder links
    that lead outside and folders that cannot be listed (both refused)."""
    folders = [""]
    while folders:
        prefix = folders.pop()
        try:
            with os.scandir(os.path.join(root, prefix) if prefix else root) as listing:
                entries = {e.name: e for e in listing if not e.name.startswith(".")}
        except OSError as error:
            yield prefix.rstrip("/") or ".", unreadable_folder(error)
            continue
        below = []
        for name in sorted(entries):
            entry, path = entries[name], prefix + name
            # Cheapest first: a folder, then a regular YAML file (all the entry's type, known
            # from the listing without a system call); links and the rest are rare.
            if entry.is_dir(follow_symlinks=False):
                below.append(path + "/")
            elif name.endswith(suffixes) and entry.is_file(follow_symlinks=False):
                yield path, REGULAR
            elif entry.is_symlink():
                found = _link_entry(root, entry, path, suffixes)
                if found is not None:
                    yield path, found
            elif name.endswith(suffixes):
                yield path, _kind(entry.stat(follow_symlinks=False))
        folders.extend(reversed(below))


def _link_entry(
    root: str, entry: os.DirEntry[str], path: str, suffixes: tuple[str, ...]
) -> Kind | None:
    try:
        is_folder = entry.is_dir()
    except OSError:
        is_folder = False
    if not is_folder:
        return LINK if entry.name.endswith(suffixes) else None
    if _inside(root, os.path.realpath(entry.path)):
        return None  # read where it really is
    return link_outside(_link_text(entry.path), folder=True)


def _kind(status: os.stat_result) -> Kind:
    if stat.S_ISREG(status.st_mode):
        return REGULAR
    if stat.S_ISLNK(status.st_mode):
        return LINK
    return not_regular(status.st_mode)


def _link_target(root: str, full: str) -> str:
    """The resolved target of the link `full`, when it is a regular file inside `root`."""
    target = os.path.realpath(full)
    if not _inside(root, target):
        raise link_outside(_link_text(full))
    status = Path(target).stat()  # a dangling link or a loop: OSError, reported as unreadable
    if not stat.S_ISREG(status.st_mode):
        raise not_regular(status.st_mode, link=True)
    return target


def _inside(root: str, path: str) -> bool:
    return path == root or path.startswith(os.path.join(root, ""))


def _link_text(full: str) -> str:
    try:
        return str(Path(full).readlink())
    except OSError:  # pragma: no cover - it was a link a moment ago
        return "?"


def _special_name(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "fifo (named pipe)"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode):
        return "character device"
    if stat.S_ISBLK(mode):
        return "block device"
    if stat.S_ISDIR(mode):
        return "folder"
    return "special file"  # pragma: no cover - doors, whiteouts: not on Linux
