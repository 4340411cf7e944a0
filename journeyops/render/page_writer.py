"""Laying out and writing a site's pages on every core.

Laying out the pages is most of a render (12 s of Python for 2,000 journeys and 5,000
opportunities) and one process uses one core. So where the platform can fork, the pages are
shared out between forked copies of this process, each laying out and writing its share:
a copy inherits the workspace, the ranking and the compiled templates instead of receiving
them (pickling those would cost more than the layout). Each copy sends back only the paths
it wrote, or the error that stopped it.

Before anything is shared out, this process makes the first page of each kind itself: the
lookups those pages build (steps to opportunities, personas to journeys) are then built
once and inherited, and a template that fails, fails there, before any copy starts.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
import stat
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from journeyops.core.atomic import write_atomic

# Below this many pages a render takes well under a second: not worth a process.
FORK_FROM = 400
# Where forking a process that has threads is safe enough (as in load/parallel.py): Linux.
CAN_FORK = hasattr(os, "fork") and sys.platform.startswith("linux")
_MAX_WORKERS = 4
# What a page costs to lay out, relative to an opportunity's (measured on bench's site):
# a journey's map 4.5, the whole-site pages (portfolio, search index) hundreds.
_JOURNEY_COST, _SITE_COST = 4.5, 500.0


def write_pages(
    root: Path,
    paths: list[str],
    pages: Mapping[str, str],
    first_write: Callable[[], None],
    *,
    workers: int | None = None,
) -> list[str]:
    """Write each page whose bytes changed (renamed into place, not fsynced: see
    render.output) and return their paths in `paths`' order. `first_write` runs once before
    the first file is written."""
    count = workers if workers is not None else _cores()
    if count < 2 or len(paths) < FORK_FROM or not CAN_FORK:
        return _write(root, paths, pages, first_write)
    # A copy cannot ask before its first write: the folder is marked as being written now,
    # also when no page turns out to have changed.
    first_write()
    firsts = _first_of_each_kind(paths)
    changed = set(_write(root, firsts, pages, lambda: None))
    rest = [path for path in paths if path not in set(firsts)]
    shares = _shares(rest, count)
    children: list[_Child] = []
    try:
        gc.freeze()  # what exists now is not scanned in a copy, so its memory stays shared
        try:
            children.extend(_fork(root, share, pages) for share in shares[1:] if share)
        finally:
            gc.unfreeze()
        changed.update(_write(root, shares[0], pages, lambda: None))
        while children:
            changed.update(_collect(children.pop(0)))
    finally:
        for child in children:  # stopped by an error here: the copies stop too
            child.stop()
    return [path for path in paths if path in changed]


def _write(
    root: Path,
    paths: list[str],
    pages: Mapping[str, str],
    first_write: Callable[[], None],
    parent: int | None = None,
) -> list[str]:
    changed: list[str] = []
    for path in paths:
        if parent is not None and os.getppid() != parent:
            os._exit(1)  # the render was killed: a copy must not write on behind its back
        text = pages[path]  # made now and let go once written
        if same(root / path, text):
            continue
        if not changed:
            first_write()
        write_atomic(root / path, text, durable=False)
        changed.append(path)
    return changed


@dataclass(frozen=True)
class _Child:
    pid: int
    answers: int  # the pipe it writes its answer on

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            os.kill(self.pid, signal.SIGTERM)
        self.wait()

    def wait(self) -> int:
        """Its exit status, once it has gone; the pipe closed."""
        with contextlib.suppress(OSError):
            os.close(self.answers)
        try:
            return os.waitstatus_to_exitcode(os.waitpid(self.pid, 0)[1])
        except ChildProcessError:
            return -1


def _fork(root: Path, share: list[str], pages: Mapping[str, str]) -> _Child:
    """A copy of this process that writes `share`, and the pipe it answers on."""
    reading, writing = os.pipe()
    parent = os.getpid()
    try:
        pid = os.fork()
    except BaseException:
        os.close(reading)
        os.close(writing)
        raise
    if pid == 0:  # the copy: never returns, whatever happens
        code = 1
        try:
            os.close(reading)
            try:
                answer: tuple[str, object] = (
                    "written",
                    _write(root, share, pages, lambda: None, parent),
                )
                code = 0
            except BaseException as error:  # sent to the parent, which raises it
                answer = ("failed", _picklable(error))
            with os.fdopen(writing, "wb") as pipe:
                pickle.dump(answer, pipe)
        finally:
            os._exit(code)
    os.close(writing)
    return _Child(pid, reading)


def _collect(child: _Child) -> list[str]:
    """What a copy wrote, once it has finished; what stopped it, raised here."""
    try:
        with os.fdopen(os.dup(child.answers), "rb") as pipe:
            data = pipe.read()
    finally:
        status = child.wait()
    try:
        kind, value = pickle.loads(data)  # our own copy's answer
    except Exception:  # nothing, or a cut-off answer: it was killed
        raise OSError(
            f"a process writing the site's pages stopped before it finished (status {status})"
        ) from None
    if kind == "failed":
        assert isinstance(value, BaseException)
        raise value
    assert isinstance(value, list)
    return value


def _picklable(error: BaseException) -> BaseException:
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:  # any error that does not survive the pipe
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error


def _first_of_each_kind(paths: list[str]) -> list[str]:
    """The first page in each folder of pages of one kind (the whole-site pages at the top
    each share nothing with another)."""
    seen: dict[tuple[str, str], str] = {}
    for path in paths:
        folder, _, name = path.rpartition("/")
        if folder:
            seen.setdefault((folder, Path(name).suffix), path)
    return [path for path in paths if path in set(seen.values())]


def _shares(paths: list[str], count: int) -> list[list[str]]:
    """`paths` cut into `count` runs of about equal cost, in order (a journey's page and
    its SVG stay together)."""
    costs = [_cost(path) for path in paths]
    each = sum(costs) / count
    shares: list[list[str]] = [[] for _ in range(count)]
    spent = 0.0
    for path, cost in zip(paths, costs, strict=True):
        # By the page's middle: a dear page goes where most of its cost falls.
        shares[min(int((spent + cost / 2) / each), count - 1) if each else 0].append(path)
        spent += cost
    return shares


def _cost(path: str) -> float:
    if "/" not in path:
        return _SITE_COST
    return _JOURNEY_COST if path.startswith("journeys/") and path.endswith(".html") else 1.0


def _cores() -> int:
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        usable = os.cpu_count() or 1
    return min(usable, _MAX_WORKERS)


def same(target: Path, text: str) -> bool:
    """Whether a regular file (never a link's target) already holds `text`."""
    try:
        if not stat.S_ISREG(target.lstat().st_mode):
            return False
        return target.read_text(encoding="utf-8") == text
    except (OSError, UnicodeDecodeError):
        return False
