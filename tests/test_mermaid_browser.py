"""Exported diagrams read by Mermaid itself (npm `mermaid`, pinned in the Makefile) in
Debian's headless Chromium: `mermaid.parse` accepts each one, Mermaid's own database of the
diagram holds exactly our names, scores and actors, and the drawn SVG shows hostile names
as text. The page loads mermaid's bundle from node_modules and fetches nothing."""

from __future__ import annotations

import html
import os
import random
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from journeyops.authoring.mermaid_export import journey_to_mermaid
from journeyops.authoring.mermaid_parse import MermaidError, parse_mermaid
from journeyops.authoring.mermaid_text import NEUTRAL_SCORE, score_of
from journeyops.model.config import EmotionScale
from journeyops.model.journey import Journey
from journeyops.model.persona import Persona
from tests.browser import CHROMIUM, CHROMIUM_ARGS, require
from tests.conftest import GOLDENS, ROOT
from tests.test_mermaid import FIXTURES, HOSTILE, WORKSPACES, exported, loaded, synthetic_journey

MERMAID = Path(
    os.environ.get(
        "JOURNEYOPS_MERMAID", ROOT / ".venv/mermaid/node_modules/mermaid/dist/mermaid.min.js"
    )
)

# What Mermaid's database holds for a diagram: its title, sections and tasks.
_READ = """async (text) => {
  await mermaid.parse(text);
  const db = (await mermaid.mermaidAPI.getDiagramFromText(text)).db;
  return {
    title: db.getDiagramTitle(),
    sections: db.getSections(),
    tasks: db.getTasks().map((t) => [t.section, t.task, t.score, t.people]),
  };
}"""
_DRAW = """async (text) => {
  const { svg } = await mermaid.render("journey", text);
  document.body.innerHTML = svg;
  const root = document.querySelector("svg");
  return {
    elements: [...new Set([...root.querySelectorAll("*")].map((e) => e.localName))],
    texts: [...root.querySelectorAll("text, foreignObject")].map((e) => e.textContent),
  };
}"""


class MermaidPage:
    """A blank page with mermaid loaded, recording what it must never do."""

    def __init__(self, browser: Any) -> None:
        self.context = browser.new_context()
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.context.route("**/*", self._refuse)
        self.page.on("dialog", self._dialog)
        self.page.goto("about:blank")
        self.page.add_script_tag(path=str(MERMAID))
        self.page.evaluate("mermaid.initialize({ startOnLoad: false })")

    def _refuse(self, route: Any) -> None:
        self.requests.append(route.request.url)
        route.abort()

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def read(self, text: str) -> dict[str, Any]:
        found: dict[str, Any] = self.page.evaluate(_READ, text)
        return found

    def draw(self, text: str) -> dict[str, Any]:
        found: dict[str, Any] = self.page.evaluate(_DRAW, text)
        return found


@pytest.fixture(scope="module")
def mermaid_page() -> Iterator[MermaidPage]:
    require(Path(CHROMIUM).is_file(), f"Chromium ({CHROMIUM})")
    require(MERMAID.is_file(), f"mermaid ({MERMAID})")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = MermaidPage(browser)
        yield page
        assert (page.requests, page.dialogs) == ([], [])
        browser.close()


def shown(text: str) -> str:
    """A name in mermaid's database as mermaid shows it: its entity pre-pass turned each
    `#58;` into a placeholder, which the drawing turns into `&#58;` for the browser to read
    (mermaid's decodeEntities); both in one pass, as a browser reads a reference once."""

    def decode(match: re.Match[str]) -> str:
        number, name = match.groups()
        return chr(int(number)) if number else html.unescape(f"&{name};")

    return re.sub("\ufb02\u00b0(?:\u00b0(\\d+)|(\\w+))\u00b6\u00df", decode, text)


def assert_mermaid_reads(
    page: MermaidPage, journey: Journey, personas: Mapping[str, Persona], scale: EmotionScale
) -> None:
    """Mermaid's database of the exported diagram holds the journey's names exactly."""
    actors = [personas[p].name if p in personas else p for p in journey.personas]
    read = page.read(journey_to_mermaid(journey, personas, scale))
    assert shown(read["title"]) == journey.title
    assert [shown(s) for s in read["sections"]] == [s.name for s in journey.stages]
    assert [
        (shown(section), shown(task), score, [shown(a) for a in people])
        for section, task, score, people in read["tasks"]
    ] == [
        (
            journey.stages[i].name,
            step.name,
            NEUTRAL_SCORE if step.emotion is None else score_of(step.emotion, scale.min, scale.max),
            actors,
        )
        for i, _, step in journey.steps()
    ]


@pytest.mark.parametrize("folder", WORKSPACES, ids=lambda p: p.name)
def test_mermaid_reads_every_exported_diagram_as_the_journey(
    mermaid_page: MermaidPage, folder: Path
) -> None:
    workspace = loaded(folder)
    personas = {pid: p.model for pid, p in workspace.personas.items()}
    for located in workspace.journeys.values():
        assert_mermaid_reads(
            mermaid_page, located.model, personas, workspace.config.taxonomy.emotion
        )


def test_mermaid_reads_random_hostile_names_exactly(mermaid_page: MermaidPage) -> None:
    # Fixed seed: the same 200 names every run, from what the grammar acts on and beyond.
    rng = random.Random(14)
    alphabet = "#;:%,<>{}&ﬂ°¶ß \n\t\r\x1b\x00\u2028\u202eaZ9-_'\"\\/=é語😀"
    names = ["".join(rng.choices(alphabet, k=rng.randint(1, 10))) for _ in range(200)]
    personas = {f"p{i}": Persona(kind="persona", id=f"p{i}", name=names[i]) for i in range(5)}
    for batch in range(0, 200, 40):
        journey = synthetic_journey(names[batch : batch + 40], list(personas))
        assert_mermaid_reads(mermaid_page, journey, personas, EmotionScale(min=0, max=10))


def test_the_drawn_diagram_shows_hostile_names_as_text(mermaid_page: MermaidPage) -> None:
    workspace = loaded(HOSTILE)
    drawn = mermaid_page.draw(exported(workspace, "hostile"))
    assert not {"script", "img", "b", "iframe"} & set(drawn["elements"])
    texts = "\n".join(drawn["texts"])
    for name in (
        "Pay #1; now: <script>alert('t')</script> 100%%{init",
        "Sign up: step 1; #2",
        "&amp; <b>bold</b> <img src=x onerror=alert(1)>",
        "%start a%%b 50% off",
        "already #58; coded #quot;",
        "ﬂ°°58¶ß and ﬂ°lt¶ß",
        "Sam: admin; #1",
    ):
        assert name in texts


@pytest.mark.parametrize(
    "path",
    [FIXTURES / "hand-written.mmd", FIXTURES / "tricky.mmd", GOLDENS / "mermaid/hostile.mmd"],
    ids=lambda p: p.name,
)
def test_our_reader_agrees_with_mermaid(mermaid_page: MermaidPage, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    read = mermaid_page.read(text)
    ours = parse_mermaid(text)
    assert shown(read["title"]).strip() == ours.title
    assert [shown(s).strip() for s in read["sections"]] == [
        s.name for s in ours.sections if s.name is not None
    ]
    assert [
        (shown(t.strip()), score, [shown(a) for a in people if a])
        for _, t, score, people in read["tasks"]
    ] == [(t.name, t.score, t.actors) for s in ours.sections for t in s.tasks]


@pytest.mark.parametrize(
    "text",
    [
        "journey\n  title A; B\n",
        "journey\n  section A: B\n",
        "journey\n  Make tea\n",
        "journey\n  title #\n  Pay: 3\n  Go; now: 2\n",
    ],
)
def test_what_our_reader_refuses_mermaid_refuses(mermaid_page: MermaidPage, text: str) -> None:
    with pytest.raises(MermaidError):
        parse_mermaid(text)
    with pytest.raises(PlaywrightError, match="Parse error"):
        mermaid_page.read(text)
