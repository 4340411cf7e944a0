"""Pages laid out and written by forked copies of the render (render/page_writer.py): the
same files as one process writes, errors raised where they are seen, nothing written twice."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from journeyops.render import page_writer
from journeyops.render.page_writer import write_pages

pytestmark = pytest.mark.skipif(not page_writer.CAN_FORK, reason="forks on Linux only")


class Pages(Mapping[str, str]):
    """Pages made when read, like render.lazy's; `broken` raises when it is made."""

    def __init__(self, count: int, broken: str | None = None, error: Exception | None = None):
        self.texts = {
            "index.html": "<p>index</p>",
            **{f"journeys/j{n:03}.html": f"<p>journey {n}</p>" for n in range(count)},
            **{f"journeys/j{n:03}.svg": f"<svg>{n}</svg>" for n in range(count)},
            "search.js": "// search",
        }
        self.broken, self.error = broken, error

    def __getitem__(self, path: str) -> str:
        if path == self.broken:
            raise self.error or ValueError(f"cannot make {path}")
        return self.texts[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self.texts)

    def __len__(self) -> int:
        return len(self.texts)


@pytest.fixture(autouse=True)
def fork_always(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(page_writer, "FORK_FROM", 1)


def files(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text() for p in root.rglob("*") if p.is_file()}


def test_copies_write_every_page_once_and_say_which_they_wrote(tmp_path: Path) -> None:
    pages = Pages(60)
    paths = sorted(pages)
    (tmp_path / "journeys").mkdir()
    marks: list[int] = []
    changed = write_pages(tmp_path, paths, pages, lambda: marks.append(1), workers=3)
    assert changed == paths and marks == [1]
    assert files(tmp_path) == pages.texts
    # Unchanged: nothing written. A copy cannot ask before it writes, so the folder is
    # marked as being written before the pages are shared out, whatever they turn out to be.
    assert write_pages(tmp_path, paths, pages, lambda: marks.append(1), workers=3) == []
    assert marks == [1, 1]
    pages.texts["journeys/j059.svg"] = "<svg>new</svg>"  # in the last copy's share
    pages.texts["index.html"] = "<p>new index</p>"  # in this process's share
    changed = write_pages(tmp_path, paths, pages, lambda: None, workers=3)
    assert changed == ["index.html", "journeys/j059.svg"]
    assert files(tmp_path) == pages.texts
    assert not list(tmp_path.rglob("*.tmp"))


def test_shares_are_runs_in_order_of_about_equal_cost() -> None:
    paths = sorted(Pages(40))
    for count in (2, 3):
        shares = page_writer._shares(paths, count)
        assert [p for share in shares for p in share] == paths
        costs = [sum(page_writer._cost(p) for p in share) for share in shares]
        # Equal to within the dearest journey page, whatever the whole-site pages add.
        dearest = max(page_writer._cost(p) for p in paths if "/" in p)
        assert max(costs) - min(costs) <= max(dearest, page_writer._SITE_COST)
        assert len(shares) == count and all(shares)


def test_an_error_in_a_copy_is_raised_here_with_its_message(tmp_path: Path) -> None:
    pages = Pages(60, broken="journeys/j058.html")
    (tmp_path / "journeys").mkdir()
    with pytest.raises(ValueError, match=r"cannot make journeys/j058\.html"):
        write_pages(tmp_path, sorted(pages), pages, lambda: None, workers=2)


def test_an_error_that_cannot_travel_still_says_what_it_was(tmp_path: Path) -> None:
    class Unpicklable(Exception):
        def __reduce__(self) -> str | tuple[object, ...]:
            raise TypeError("no")

    pages = Pages(60, broken="journeys/j059.svg", error=Unpicklable("the theme broke"))
    (tmp_path / "journeys").mkdir()
    with pytest.raises(RuntimeError, match="Unpicklable: the theme broke"):
        write_pages(tmp_path, sorted(pages), pages, lambda: None, workers=2)


@pytest.fixture
def forked(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The pids of the copies forked during the test."""
    pids: list[int] = []
    fork = os.fork

    def recorded() -> int:
        pid = fork()
        if pid:
            pids.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", recorded)
    return pids


def gone(pids: list[int]) -> bool:
    """Whether every copy has ended and been waited for (none left as a zombie)."""
    for pid in pids:
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            continue
        return False
    return True


@pytest.mark.parametrize("broken", ["journeys/j001.html", "journeys/j080.svg"])
def test_an_error_stops_every_copy_and_leaves_no_process_behind(
    tmp_path: Path, forked: list[int], broken: str
) -> None:
    """Raised in this process's share (j001) or in the middle copy's (j080) while the last
    copy is still writing: the error is raised, and no copy is left running or unreaped."""
    pages = Pages(200, broken=broken)
    (tmp_path / "journeys").mkdir()
    with pytest.raises(ValueError, match="cannot make"):
        write_pages(tmp_path, sorted(pages), pages, lambda: None, workers=3)
    assert len(forked) == 2 and gone(forked)
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_a_fork_that_fails_stops_the_copies_already_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forked: list[int]
) -> None:
    fork = os.fork

    def once() -> int:
        if forked:
            raise BlockingIOError("fork: resource temporarily unavailable")
        return fork()

    monkeypatch.setattr(os, "fork", once)
    pages = Pages(200)
    (tmp_path / "journeys").mkdir()
    descriptors = len(list(Path("/proc/self/fd").iterdir()))
    with pytest.raises(BlockingIOError):
        write_pages(tmp_path, sorted(pages), pages, lambda: None, workers=3)
    assert len(forked) == 1 and gone(forked) and gc.get_freeze_count() == 0
    assert len(list(Path("/proc/self/fd").iterdir())) == descriptors  # both pipes closed


def test_one_core_or_few_pages_write_in_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_fork() -> int:
        raise AssertionError("forked")

    monkeypatch.setattr(os, "fork", no_fork)
    pages = Pages(5)
    (tmp_path / "journeys").mkdir()
    assert write_pages(tmp_path, sorted(pages), pages, lambda: None, workers=1) == sorted(pages)
    monkeypatch.setattr(page_writer, "FORK_FROM", 400)
    pages.texts["search.js"] = "// changed"
    assert write_pages(tmp_path, sorted(pages), pages, lambda: None, workers=2) == ["search.js"]
