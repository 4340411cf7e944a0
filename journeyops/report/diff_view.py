"""What a diff report shows of a diff: the result, the part of the ranking asked for, and
where the rendered site is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    from journeyops.diff import DocumentChange, RankChange, WorkspaceDiff


@dataclass(frozen=True)
class DiffReport:
    diff: WorkspaceDiff
    top: int | None = None  # only rank moves into (or out of) the best `top` places
    site_url: str | None = None  # the rendered site, to link documents to their pages

    @property
    def ranking(self) -> list[RankChange]:
        if self.top is None:
            return self.diff.ranking
        return [c for c in self.diff.ranking if _best(c) <= self.top]

    @property
    def ranking_left_out(self) -> int:
        return len(self.diff.ranking) - len(self.ranking)

    def page(self, change: DocumentChange) -> str | None:
        """The rendered page of a document, when the site's address is known and the
        document has a page (a journey) or a place on the index (an opportunity, a persona)."""
        if self.site_url is None or change.change == "removed":
            return None
        site = self.site_url.rstrip("/")
        name = quote(change.id, safe="")
        if change.kind == "journey":
            return f"{site}/journeys/{name}.html"
        if change.kind in ("opportunity", "persona"):
            return f"{site}/index.html#{change.kind}-{name}"
        return None


def _best(change: RankChange) -> int:
    ranks = [r for r in (change.after_rank, change.before_rank) if r is not None]
    return min(ranks, default=0)
