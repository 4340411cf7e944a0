"""What every report and the site share: the JSON format version, numbers, markdown table
cells and code spans, and the console that renders a rich table into a string.

Which number for which place:
- `readable`: a score for people, `18,000` and `7,893.33` (tables, markdown, the site, diffs).
- `plain`: a number inside arithmetic, `7893.3333` (explanations, a model's inputs).
- `measured`: a survey figure or KPI with its unit, `19 days`, `58%`, `+10` for an NPS.
- `exact`: every digit a program needs to read it back, `7893.333333333333` (CSV).
JSON needs none of them: it carries the float itself.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

from journeyops.core.numbers import HUGE, plain
from journeyops.report.safe_text import printable

# The `version` of every JSON document journeyops writes (validate, score, diff, metrics,
# rules, render): one number, raised when any of them changes incompatibly.
FORMAT_VERSION = 1

__all__ = [
    "FORMAT_VERSION",
    "code_span",
    "exact",
    "markdown_cell",
    "measured",
    "plain",
    "readable",
    "string_console",
]


def readable(value: float) -> str:
    """A score for people: thousands separators and two decimals, dropped when the score is
    whole (18,000 and 7,893.33); 1.7e+308 rather than 309 digits."""
    if abs(value) >= HUGE:
        return f"{value:.4g}"
    return f"{value:,.2f}".removesuffix(".00")


def measured(value: float, unit: str = "", *, signed: bool = False) -> str:
    """A measured figure with its unit, as `metrics` and the site show it: at most two
    decimals, a space before a unit that is a word (19 days, 58%, 4.08/7), and with `signed`
    a `+` before a positive value: NPS runs from -100 to +100, and its sign is the news."""
    sign = "+" if signed and round(value, 2) > 0 else ""
    joiner = " " if unit[:1].isalpha() else ""
    return f"{sign}{plain(value, decimals=2)}{joiner}{unit}"


def exact(value: float) -> str:
    """A number for machines (CSV): every digit Python needs to read it back exactly,
    5.666666666666667 for 17/3; whole numbers without a decimal point (675)."""
    value = float(value)
    if value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    return repr(value)


def _pipes(text: str) -> str:
    # GFM splits a table row at every unescaped `|`, before it reads code spans.
    return text.replace("|", "\\|")


def markdown_cell(text: str) -> str:
    """User text in a markdown table cell: one line (control characters and newlines as
    escapes, through `printable`) with `|` escaped. Other markdown (backticks, `*`, links)
    is left as written: use `code_span` where the text must not render."""
    return _pipes(printable(text))


_TICKS = re.compile("`+")


def code_span(text: str, *, cell: bool = False) -> str:
    """User text as a markdown code span, inside which GitHub renders no HTML, links,
    mentions or emphasis: one line (printable), fenced by more backticks than any run inside
    it, padded when it starts or ends with a backtick or a space (which the span would
    otherwise eat), with `|` escaped in a table `cell` (GFM splits cells before it reads
    code spans, and removes the backslash)."""
    shown = printable(text)
    if not shown:
        return "` `"
    fence = "`" * (max((len(run) for run in _TICKS.findall(shown)), default=0) + 1)
    pad = " " if shown[0] in "` " or shown[-1] in "` " else ""
    if cell:
        shown = _pipes(shown)
    return f"{fence}{pad}{shown}{pad}{fence}"


def string_console(
    color_system: str | None, width: int | None = None
) -> tuple[Console, io.StringIO]:
    """A rich console that renders into a string: plain text unless `color_system` is given
    (the command line passes one only when standard output is a terminal)."""
    # Imported here: a plain report does not need rich, and a clean run imports none of it.
    from rich.console import Console  # noqa: PLC0415

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        color_system=color_system,  # type: ignore[arg-type]  # rich's Literal of system names
        force_terminal=color_system is not None,
        highlight=False,
        soft_wrap=width is None,
        width=width,
    )
    return console, buffer
