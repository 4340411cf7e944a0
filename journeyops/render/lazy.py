"""The site's pages as a mapping that makes them only when they are needed.

A render that finds its site intact in the output folder (render/incremental.py) lays out
and draws nothing: the site is built (ranked, drawn, its templates compiled) on the first
question about it, and `write_site` asks only once it knows it is needed. Each page is laid
out, and its diagrams filled in, when it is read, and is not kept: the writer holds one
page at a time instead of the whole site (110 MB of HTML for 2,000 journeys).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from journeyops.load.cache import Cache
from journeyops.render.incremental import SiteRecord, intact, record_site
from journeyops.render.published import Unpublished

if TYPE_CHECKING:
    from journeyops.render.site import Diagram


@dataclass(frozen=True)
class Summary:
    """What a render reports besides its files (kept with the site's record)."""

    diagrams: int
    unpublished: list[Unpublished]


class TemplateProblem(Exception):
    """A template from `--templates` does not parse or fails while rendering."""


@dataclass(frozen=True)
class Built:
    pages: dict[str, Callable[[], str]]  # each makes its page, a placeholder per diagram
    drawn: dict[str, str]  # SVG by diagram key, from Graphviz
    found: dict[str, Diagram]
    summary: Summary


class SitePages(Mapping[str, str]):
    """Every page by its path in the output folder, made by `build` when first needed."""

    def __init__(
        self, build: Callable[[], Built], key: str | None = None, cache: Cache | None = None
    ) -> None:
        self._build: Callable[[], Built] | None = build
        self._key, self._cache = key, cache
        self._built: Built | None = None
        self._reused: SiteRecord | None = None

    def _site(self) -> Built:
        if self._built is None:
            assert self._build is not None
            self._built = self._build()
            self._build = None
        return self._built

    def __getitem__(self, path: str) -> str:
        # Jinja's, imported only when pages are made.
        from journeyops.render.site import fill, template_errors  # noqa: PLC0415

        site = self._site()
        make = site.pages[path]  # KeyError for a path that is not a page, as a Mapping's
        with template_errors(path):
            page = make()
        return fill(page, site.drawn, site.found)

    def __contains__(self, path: object) -> bool:
        return path in self._site().pages  # without making the page

    def __iter__(self) -> Iterator[str]:
        return iter(self._site().pages)

    def __len__(self) -> int:
        return len(self._site().pages)

    def build(self) -> None:
        """Rank, draw and compile the templates now (raising what that raises), before
        anything is written."""
        self._site()

    @property
    def summary(self) -> Summary:
        if self._reused is not None and isinstance(self._reused.summary, Summary):
            return self._reused.summary
        return self._site().summary

    def reused(self, root: Path, manifest: str) -> list[str] | None:
        """The pages in `root` if they are this site as an earlier render left it (nothing
        to do), else None. Only the signed cache is believed, never the folder."""
        if self._key is None or self._cache is None or self._built is not None:
            return None
        record = self._cache.load(SiteRecord, self._key)
        if record is None or manifest not in record.files or not intact(root, record):
            return None
        self._reused = record
        return sorted(path for path in record.files if path != manifest)

    def remember(self, root: Path, paths: list[str]) -> None:
        """Record the site just written (its files, the manifest among them)."""
        if self._key is not None and self._cache is not None:
            record_site(self._cache, self._key, root, paths, self.summary)
