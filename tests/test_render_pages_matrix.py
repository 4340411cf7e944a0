"""The value-versus-effort matrix made readable: named axes with scales, a legend for point
size, shortened labels that never overlap, the whole title when pointed at, and on the site
each point a link to its opportunity's page."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from bench.generate import generate
from journeyops.load.sources import DiskSource
from journeyops.report.matrix import CHAR_WIDTH, LABEL_CHARS, LABEL_HEIGHT, matrix_svg
from journeyops.scoring.ranking import Ranking
from journeyops.scoring.run import score
from tests.conftest import ROOT

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def crowded(tmp_path_factory: pytest.TempPathFactory) -> Ranking:
    root = tmp_path_factory.mktemp("crowded")
    generate(root, journeys=40, opportunities=300, seed=5)
    return score(DiskSource(root)).ranking


def labels(svg: str) -> list[tuple[str, float, float]]:
    tree = ET.fromstring(svg)
    return [
        (t.text or "", float(t.attrib["x"]), float(t.attrib["y"]))
        for t in tree.iter(f"{SVG}text")
        if t.attrib.get("font-size") == "11"
    ]


def test_labels_are_short_and_never_overlap(crowded: Ranking) -> None:
    svg = matrix_svg(crowded, "Crowded", link=lambda oid: f"opportunities/{oid}.html")
    placed = labels(svg)
    assert len(placed) >= 5
    boxes = []
    for text, x, y in placed:
        assert len(text) <= LABEL_CHARS
        boxes.append((x, y - LABEL_HEIGHT + 2, x + len(text) * CHAR_WIDTH, y + 2))
    for n, a in enumerate(boxes):
        for b in boxes[n + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)


def test_every_point_links_to_its_page_and_names_its_whole_title(crowded: Ranking) -> None:
    svg = matrix_svg(crowded, "Crowded", link=lambda oid: f"opportunities/{oid}.html")
    tree = ET.fromstring(svg)
    links = list(tree.iter(f"{SVG}a"))
    assert len(links) == len(crowded.entries)
    by_id = {e.opportunity.model.id: e for e in crowded.entries}
    for link in links:
        opportunity_id = link.attrib["href"].removeprefix("opportunities/").removesuffix(".html")
        title = link.find(f"{SVG}title")
        assert title is not None and title.text is not None
        assert title.text.startswith(f"{by_id[opportunity_id].opportunity.model.title} (rank ")
    assert tree.attrib["role"] == "group"


def test_axes_have_names_and_scales_and_the_legend_explains_size() -> None:
    ranking = score(DiskSource(ROOT / "examples" / "northwind")).ranking
    svg = matrix_svg(ranking, "Northwind")
    texts = [t.text for t in ET.fromstring(svg).iter(f"{SVG}text")]
    assert "Effort →" in texts and "Value →" in texts
    assert "Insights cited" in texts and "6 or more" in texts
    efforts = [e.computation.effort or 0.0 for e in ranking.entries]
    assert "0.5" in texts or f"{min(efforts):g}" in texts
    assert "30,000" in texts or any(re.fullmatch(r"\d{1,3}(,\d{3})+", t or "") for t in texts)
    # A lone SVG (score --matrix) has no links and stays an image.
    assert "<a " not in svg and 'role="img"' in svg


def test_an_overlong_or_hostile_title_is_shortened_and_escaped(tmp_path: Path) -> None:
    (tmp_path / "journeyops.yaml").write_text("version: 1\nname: T\n")
    (tmp_path / "j.yaml").write_text(
        "kind: journey\nid: j\ntitle: J\nstages:\n  - id: s\n    name: S\n    steps:\n"
        "      - id: a\n        name: A\n"
    )
    title = "<script>alert(1)</script> and a title far longer than any label"
    (tmp_path / "o.yaml").write_text(
        f"kind: opportunity\nid: o\ntitle: '{title}'\nsteps: [j/a]\n"
        "scores: {reach: 1, impact: 1, confidence: 1, effort: 1}\n"
    )
    svg = matrix_svg(score(DiskSource(tmp_path)).ranking, "T")
    assert "<script" not in svg
    assert [text for text, _, _ in labels(svg)] == ["<script>alert(1)</scrip…"]
    assert ET.fromstring(svg).find(f"{SVG}g/{SVG}title") is not None
