"""What an opportunity's page shows beyond its own fields: its score explained as
`journeyops score --explain` explains it, and the evidence chain behind it.

The numbers are the ones the CLI prints: inputs and arithmetic as `plain` (7893.3333), the
score as `readable` (7,893.33), so a reader can check one against the other.
"""

from __future__ import annotations

from dataclasses import dataclass

from journeyops.model import Insight, Opportunity
from journeyops.render.relations import PainLink, Relations, StepLink
from journeyops.report.formatting import plain, readable


@dataclass(frozen=True)
class InputLine:
    key: str  # the `scores` key
    value: str
    where: str  # file:line of the value


@dataclass(frozen=True)
class Explanation:
    model: str  # `rice: RICE (Intercom)`
    inputs: tuple[InputLine, ...]
    arithmetic: tuple[tuple[str, str], ...]  # (what, result)
    score: str | None  # None: not scored
    rank: int | None
    ranked: int  # how many opportunities are ranked
    not_scored: str | None = None  # why, in the words `score` uses


@dataclass(frozen=True)
class Evidence:
    """One insight behind an opportunity, and the steps (and so journeys) it is about."""

    id: str
    insight: Insight | None  # None: not published
    steps: tuple[StepLink, ...]


@dataclass(frozen=True)
class OpportunityView:
    opportunity: Opportunity
    file: str
    explanation: Explanation
    steps: tuple[StepLink, ...]
    pains: tuple[PainLink, ...]
    evidence: tuple[Evidence, ...]


def explain(relations: Relations, opportunity_id: str) -> Explanation:
    """The score of one opportunity with every number behind it, as `score --explain`."""
    ranking = relations.data.ranking
    model = f"{ranking.model.name}: {ranking.model.model.title}"
    entry = relations.entries.get(opportunity_id)
    found = entry or relations.unscored[opportunity_id]
    doc = found.opportunity
    inputs = tuple(
        InputLine(i.key, plain(i.value), f"{doc.file}:{doc.span(*i.path).line}")
        for i in found.inputs
    )
    ranked = len(ranking.entries)
    if entry is None:
        evaluation = relations.unscored[opportunity_id]
        reasons = []
        if evaluation.missing:
            reasons.append("missing " + ", ".join(evaluation.missing))
        reasons += [p.message for p in evaluation.problems]
        if evaluation.not_finite:
            reasons.append(evaluation.not_finite.message)
        return Explanation(model, inputs, (), None, None, ranked, "; ".join(reasons))
    steps = (*entry.computation.steps, *entry.multipliers)
    arithmetic = tuple((s.what, plain(s.result)) for s in steps)
    return Explanation(model, inputs, arithmetic, readable(entry.score), entry.rank, ranked)


def view(relations: Relations, opportunity_id: str) -> OpportunityView:
    scored = relations.scored_by_id[opportunity_id]
    opportunity = scored.opportunity
    insights = relations.data.insights
    evidence = tuple(
        Evidence(iid, insights.get(iid), tuple(relations.insight_steps(iid)))
        for iid in dict.fromkeys(opportunity.evidence)
    )
    return OpportunityView(
        opportunity,
        scored.file,
        explain(relations, opportunity_id),
        tuple(relations.step(ref) for ref in dict.fromkeys(opportunity.steps)),
        tuple(relations.pain(ref) for ref in dict.fromkeys(opportunity.pains)),
        evidence,
    )
