"""Drawing DOT source as SVG with the Graphviz `dot` binary: the one place that runs it.

Starting `dot` costs more than drawing a small graph (measured on 200 journeys' flows: 1.5 s
with a process per diagram, 0.3 s with one process per core), so diagrams go to `dot` in
batches, one per core, several graphs to a batch; `dot` writes one SVG document per graph.
Today only the hierarchy is drawn here (flows are laid out in Python, render/flow.py), and
render/incremental.py keeps what was drawn, so most renders run no `dot` at all.

Which graphs share a batch depends on the number of cores, so a drawing must not depend on
what `dot` drew before it in the same process: it is byte for byte what a `dot` of its own
would draw (tests/test_render_determinism.py checks it). Two things of Graphviz's would
make it depend: named subgraphs, which Graphviz 2.42/2.43 keeps in the order of their names'
memory addresses (issue #1614; a cluster must be wrapped alone in an anonymous subgraph,
as the flows' DOT did before render/flow.py), and the page prefix on the graph's id, taken
off here.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from concurrent.futures import Future, ThreadPoolExecutor

INSTALL_HINT = (
    "install Graphviz (Debian/Ubuntu: `sudo apt-get install graphviz`, macOS: "
    "`brew install graphviz`), or render without diagrams: --no-diagrams"
)
# dot writes an XML declaration, a doctype and comments before each <svg>; none of them
# belong inside an HTML page.
_DOCUMENT = re.compile(r"<\?xml\b.*?(<svg\b.*?</svg>)", re.DOTALL)
_PAGE_PREFIX = re.compile(r'\bid="page\d+,\d+_')


class GraphvizError(Exception):
    """`dot` is missing or failed; the message says what to do."""


class Drawing:
    """Diagrams being drawn in the background while the caller does other work."""

    def __init__(self, sources: Mapping[str, str], workers: int | None = None) -> None:
        keys = sorted(sources, key=lambda k: -len(sources[k]))
        count = max(1, min(workers or os.cpu_count() or 1, len(keys)))
        # Largest first, each to the lightest batch: the batches finish close together.
        batches: list[list[str]] = [[] for _ in range(count)]
        sizes = [0] * count
        for key in keys:
            lightest = sizes.index(min(sizes))
            batches[lightest].append(key)
            sizes[lightest] += len(sources[key])
        self._pool = ThreadPoolExecutor(max_workers=count)
        self._jobs: list[tuple[list[str], Future[list[str]]]] = [
            (batch, self._pool.submit(_draw_batch, [sources[k] for k in batch]))
            for batch in batches
            if batch
        ]

    def result(self) -> dict[str, str]:
        """Every diagram as SVG markup ready to inline, by its key."""
        try:
            return {
                key: svg
                for batch, job in self._jobs
                for key, svg in zip(batch, job.result(), strict=True)
            }
        finally:
            self._pool.shutdown()


def draw(sources: Mapping[str, str], workers: int | None = None) -> dict[str, str]:
    return Drawing(sources, workers).result()


def _draw_batch(sources: list[str]) -> list[str]:
    import graphviz  # noqa: PLC0415 - only a render that draws needs it

    try:
        output = graphviz.pipe("dot", "svg", "".join(sources).encode(), quiet=True)
    except graphviz.ExecutableNotFound:
        raise GraphvizError(f"Graphviz's `dot` was not found on PATH: {INSTALL_HINT}") from None
    except graphviz.CalledProcessError as error:
        detail = (error.stderr or b"").decode(errors="replace").strip()
        raise GraphvizError(f"dot failed: {detail or error}") from None
    # After the first graph of a run, dot prefixes each graph's id with a page number
    # (`page0,1_journey-flow`); a graph drawn alone has none, and ours are unique already.
    drawn = _DOCUMENT.findall(_PAGE_PREFIX.sub('id="', output.decode()))
    if len(drawn) != len(sources):
        raise GraphvizError(f"dot drew {len(drawn)} diagrams out of {len(sources)}")
    return drawn
