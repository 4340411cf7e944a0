"""The one way a number is written inside an explanation: `675`, `0.8`, `4.08`, `7893.3333`.

It lives here, below everything, because two layers write it: the scoring models build
their explanation lines with it (`reach x impact = 30000 x 1`, library text that `scoring`
may not import `report` for), and the reports show inputs and arithmetic with it. Every
other way of showing a number (with thousands separators, with a unit, with every digit)
is a report's choice and lives in `journeyops.report.formatting`.
"""

from __future__ import annotations

import math

HUGE = 1e15  # beyond this many digits a person reads the magnitude, not the digits


def plain(value: float, decimals: int = 4) -> str:
    """`value` rounded to at most `decimals` places, without trailing zeros or thousands
    separators: 675, 0.8, 24, 4.08, 7893.3333; `1e+308` beyond 15 digits; `nan` and `inf`
    as such. Rounded before it is written, so a tiny negative reads `0`, not `-0`."""
    value = float(value)
    if value.is_integer() and abs(value) < HUGE:  # the common case, and the quickest
        return str(int(value))
    if not math.isfinite(value) or abs(value) >= HUGE:
        return f"{value:.4g}"
    value = round(value, decimals)
    if value.is_integer():
        return str(int(value))
    return f"{value:.{decimals}f}".rstrip("0").rstrip(".")
