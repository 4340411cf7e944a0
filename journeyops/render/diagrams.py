"""Drawing DOT source as SVG with the Graphviz `dot` binary: the one place that runs it."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor

import graphviz

INSTALL_HINT = (
    "install Graphviz (Debian/Ubuntu: `sudo apt-get install graphviz`, macOS: "
    "`brew install graphviz`), or render without diagrams: --no-diagrams"
)
# dot writes an XML declaration, a doctype and comments before <svg>; none of them belong
# inside an HTML page.
_PROLOGUE = re.compile(r"\A.*?(?=<svg\b)", re.DOTALL)


class GraphvizError(Exception):
    """`dot` is missing or failed; the message says what to do."""


def draw(sources: Mapping[str, str], workers: int | None = None) -> dict[str, str]:
    """Every DOT source as SVG markup ready to inline, by the same key. The drawings run in
    parallel, one `dot` process per core (the threads only wait on the processes)."""
    if not sources:
        return {}
    count = workers or os.cpu_count() or 1
    with ThreadPoolExecutor(max_workers=count) as pool:
        drawn = dict(zip(sources, pool.map(_draw_one, sources.values()), strict=True))
    return drawn


def _draw_one(source: str) -> str:
    try:
        svg = graphviz.pipe("dot", "svg", source.encode(), quiet=True)
    except graphviz.ExecutableNotFound:
        raise GraphvizError(f"Graphviz's `dot` was not found on PATH: {INSTALL_HINT}") from None
    except graphviz.CalledProcessError as error:
        detail = (error.stderr or b"").decode(errors="replace").strip()
        raise GraphvizError(f"dot failed: {detail or error}") from None
    return _PROLOGUE.sub("", svg.decode())
