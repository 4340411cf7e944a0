"""Pages laid out and written by forked copies of the render (render/page_writer.py): the
same files as one process writes, errors raised where they are seen, nothing written twice."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from journeyops.render import page_writer
from journeyops.render.page_writer import write_pages

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


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
    # Unchanged: nothing written, the first-write hook not called again.
    assert write_pages(tmp_path, paths, pages, lambda: marks.append(1), workers=3) == []
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


def test_an_error_here_stops_the_copies_and_leaves_no_process_behind(tmp_path: Path) -> None:
    pages = Pages(200, broken="journeys/j001.html")  # in this process's share, after forking
    (tmp_path / "journeys").mkdir()
    with pytest.raises(ValueError, match="cannot make"):
        write_pages(tmp_path, sorted(pages), pages, lambda: None, workers=3)
    with pytest.raises(ChildProcessError):  # every copy stopped and was waited for
        os.waitpid(-1, os.WNOHANG)


def test_one_core_or_few_pages_write_in_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_fork() -> int:
        raise AssertionError("forked")

    monkeypatch.setattr(page_writer.os, "fork", no_fork)
    pages = Pages(5)
    (tmp_path / "journeys").mkdir()
    assert write_pages(tmp_path, sorted(pages), pages, lambda: None, workers=1) == sorted(pages)
    monkeypatch.setattr(page_writer, "FORK_FROM", 400)
    pages.texts["search.js"] = "// changed"
    assert write_pages(tmp_path, sorted(pages), pages, lambda: None, workers=2) == ["search.js"]
