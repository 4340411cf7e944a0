"""How far an NPS from a sample may be from the NPS of everyone asked: its 95% interval.

The adjusted-Wald interval of Rocks (2016), "Interval Estimation for the 'Net Promoter
Score'", The American Statistician 70(4), which performed best of the six methods it
compared; MeasuringU's "Confidence Intervals for Net Promoter Scores" (Lewis and Sauro) gives
the same recipe for 95%: add 3 responses to the sample, 3/4 of one to the promoters and 3/4
to the detractors (the other 3/2 are passives), and take the standard error of a difference
of two proportions from those adjusted shares. The constant stands for z^2 = 1.96^2 = 3.84
rounded down to 3, as both sources use it, so the interval matches their published figures.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

Z_95 = 1.959963984540054  # the two-sided 95% quantile of the normal distribution
ADDED = 3.0  # responses added to the sample; a quarter of them each to promoters, detractors


@dataclass(frozen=True)
class NpsInterval:
    """In NPS points (-100..100): the adjusted NPS the interval is centred on, and its
    margin of error; `low` and `high` stay inside the scale."""

    centre: float
    margin: float

    @property
    def low(self) -> float:
        return max(-100.0, self.centre - self.margin)

    @property
    def high(self) -> float:
        return min(100.0, self.centre + self.margin)


def nps_interval(promoters: int, passives: int, detractors: int) -> NpsInterval | None:
    """The 95% adjusted-Wald interval; None without responses. 50 promoters, 30 passives
    and 20 detractors (NPS +30) give 29.13 +- 15.08: from +14.05 to +44.21."""
    total = promoters + passives + detractors
    if total == 0:
        return None
    n = total + ADDED
    pro = (promoters + ADDED / 4) / n
    det = (detractors + ADDED / 4) / n
    variance = pro + det - (pro - det) ** 2
    return NpsInterval((pro - det) * 100, Z_95 * math.sqrt(variance / n) * 100)
