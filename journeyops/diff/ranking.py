"""How the ranking of opportunities moved between two versions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from journeyops.scoring.ranking import Entry, Ranking

Movement = Literal["new", "dropped", "up", "down", "rescored"]


@dataclass(frozen=True)
class RankChange:
    id: str
    title: str
    movement: Movement
    before_rank: int | None
    after_rank: int | None
    before_score: float | None
    after_score: float | None
    # The inputs whose value changed: (the model's name for it, before, after).
    inputs: tuple[tuple[str, float | None, float | None], ...] = ()

    @property
    def shift(self) -> bool:
        """Moved by one place only because something else moved: same score, same inputs."""
        if self.movement not in ("up", "down") or self.inputs:
            return False
        assert self.before_rank is not None and self.after_rank is not None
        same = self.before_score == self.after_score
        return same and abs(self.before_rank - self.after_rank) == 1

    @property
    def order(self) -> tuple[int, int, str]:
        # By the new rank; dropped entries last, by their old rank.
        if self.after_rank is not None:
            return (0, self.after_rank, self.id)
        return (1, self.before_rank or 0, self.id)


def rank_changes(
    before: Ranking, after: Ranking, renamed: Mapping[str, str] | None = None
) -> list[RankChange]:
    """Every opportunity whose rank or score differs; entering or leaving the ranked list
    (a new opportunity, or one that lost or gained its inputs) counts as new or dropped.
    `renamed` maps an old id to the new id of an opportunity that looks renamed: it moved,
    it did not leave and another come."""
    renamed = renamed or {}
    old = {renamed.get(e.opportunity.model.id, e.opportunity.model.id): e for e in before.entries}
    new = {e.opportunity.model.id: e for e in after.entries}
    changes = []
    for opportunity_id in old.keys() | new.keys():
        was, now = old.get(opportunity_id), new.get(opportunity_id)
        movement = _movement(was, now)
        if movement is None:
            continue
        shown = now or was
        assert shown is not None  # one of them is there: the id came from their keys
        changes.append(
            RankChange(
                opportunity_id,
                shown.opportunity.model.title,
                movement,
                was.rank if was else None,
                now.rank if now else None,
                was.score if was else None,
                now.score if now else None,
                _inputs(was, now),
            )
        )
    return sorted(changes, key=lambda c: c.order)


def _movement(was: Entry | None, now: Entry | None) -> Movement | None:
    if was is None:
        return "new"
    if now is None:
        return "dropped"
    if now.rank < was.rank:
        return "up"
    if now.rank > was.rank:
        return "down"
    if round(now.score, 9) != round(was.score, 9):
        return "rescored"
    return None


def _inputs(
    was: Entry | None, now: Entry | None
) -> tuple[tuple[str, float | None, float | None], ...]:
    if was is None or now is None:
        return ()
    old = {i.name: i.value for i in was.inputs}
    new = {i.name: i.value for i in now.inputs}
    names = [*old, *(n for n in new if n not in old)]
    return tuple((n, old.get(n), new.get(n)) for n in names if old.get(n) != new.get(n))
