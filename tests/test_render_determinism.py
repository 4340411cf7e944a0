"""`render` gives the same bytes for the same workspace: whatever folder it writes into, how
many `dot` processes share the diagrams, whether forked copies lay the pages out, Python's
hash seed, and what else one `dot` drew before. The hierarchy is drawn by the real Graphviz,
the flows in Python (render/flow.py)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bench.generate import generate
from journeyops.load.sources import DiskSource
from journeyops.render.diagrams import draw
from journeyops.render.pages import SiteData
from journeyops.render.site import diagrams
from journeyops.scoring.run import score
from tests.conftest import ROOT, read_tree

pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")

JOURNEYS = 240
# The library call the CLI makes, with what the CLI does not let a user choose: how many
# `dot` processes share the diagrams (the CLI takes the number of cores), and whether the
# pages are laid out by forked copies (the CLI forks from page_writer.FORK_FROM pages on).
RENDER = """
import sys
from pathlib import Path
from journeyops.load.sources import DiskSource
from journeyops.render import page_writer, render
from journeyops.render.output import write_site
page_writer.FORK_FROM = int(sys.argv[4])  # 10**9: laid out in this process alone
rendered = render(DiskSource(Path(sys.argv[1])), workers=int(sys.argv[3]))
write_site(Path(sys.argv[2]), rendered.pages)
"""
STAGE = re.compile(r'<g id="stage-(\d+)" class="cluster">')


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("generated")
    generate(root, journeys=JOURNEYS, opportunities=120, seed=3)
    return root


def python(*args: str, hash_seed: str) -> subprocess.CompletedProcess[str]:
    """A fresh interpreter with its own hash seed, so set and dict order of strings differ."""
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )


def test_three_renders_write_the_same_bytes_into_any_folder_with_any_worker_count(
    workspace: Path, tmp_path: Path
) -> None:
    runs = [("site", 1, "0", 10**9), ("another name", 2, "1", 1), ("nested/ünï cöde", 7, "4242", 1)]
    trees = []
    for folder, workers, seed, fork_from in runs:
        done = python(
            "-c", RENDER, str(workspace), str(tmp_path / folder), str(workers), str(fork_from),
            hash_seed=seed,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        trees.append(read_tree(tmp_path / folder))
    first = trees[0]
    pages = [p for p in first if p.startswith("journeys/") and p.endswith(".html")]
    assert len(pages) == JOURNEYS
    assert len([p for p in first if p.startswith("journeys/") and p.endswith(".svg")]) == JOURNEYS
    for tree in trees[1:]:
        assert tree.keys() == first.keys()
        differ = sorted(path for path in first if tree[path] != first[path])
        assert differ == [], f"{len(differ)} files differ, e.g. {differ[:3]}"
    # Not merely the same three times: every flow shows its five stages in the written order.
    for page in pages:
        stages = STAGE.findall(first[page].decode())
        assert stages == ["0", "1", "2", "3", "4"], page

    # The CLI itself (one `dot` per core, another hash seed) finds nothing to rewrite.
    done = python(
        "-m", "journeyops", "render", str(workspace), "--out", str(tmp_path / "site"),
        "--no-cache", "-f", "json", hash_seed="99",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["written"] == [] and len(report["unchanged"]) == len(first) - 1  # manifest
    assert read_tree(tmp_path / "site") == first


def test_a_diagram_is_drawn_as_a_dot_of_its_own_would_draw_it(workspace: Path) -> None:
    """All Graphviz diagrams in one `dot` process, each after others, against each drawn by a
    fresh `dot`: the same bytes (the hierarchies of northwind, of the nasty example's
    escapes, and of a generated workspace)."""
    sources: dict[str, str] = {}
    for root in (ROOT / "examples" / "northwind", ROOT / "tests" / "render" / "nasty", workspace):
        run = score(DiskSource(root))
        for key, diagram in diagrams(SiteData(run.workspace, run.ranking)).items():
            if diagram.dot:  # the hierarchy: flows are no graph layout (render/flow.py)
                sources[f"{root.name}:{key}"] = diagram.dot
    assert len(sources) == 3
    picked = dict(list(sources.items())[:60])
    together = draw(picked, workers=1)
    alone = {key: draw({key: source})[key] for key, source in picked.items()}
    differ = [key for key in picked if together[key] != alone[key]]
    assert differ == [], f"{len(differ)} of {len(picked)} drawn differently after others"
    for key, svg in alone.items():
        stages = [int(n) for n in STAGE.findall(svg)]
        assert stages == sorted(stages), key
