"""The tools that check rendered pages: Debian's Chromium driven by Playwright, and the Nu
HTML checker (vnu.jar). Locally, a missing tool skips its tests; `make test` (and so CI)
installs them and sets JOURNEYOPS_REQUIRE_BROWSER=1, so there nothing is skipped."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

CHROMIUM = os.environ.get("JOURNEYOPS_CHROMIUM", "/usr/bin/chromium")
VNU_JAR = Path(
    os.environ.get(
        "JOURNEYOPS_VNU_JAR", ROOT / ".venv" / "vnu" / "node_modules/vnu-jar/build/dist/vnu.jar"
    )
)
# Chromium's own background traffic would be refused by a closed network, many times over.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def require(available: bool, what: str) -> None:
    if available:
        return
    if os.environ.get("JOURNEYOPS_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{what} is missing; `make test` installs it")
    pytest.skip(f"{what} is not installed (`make test` installs it)")


def require_tools() -> None:
    require(Path(CHROMIUM).is_file(), f"Chromium ({CHROMIUM})")
    require(shutil.which("dot") is not None, "Graphviz's dot")


def html_errors(pages: list[Path]) -> str:
    """What the Nu HTML checker finds wrong with `pages` (empty when they are all valid);
    skips, or fails under `make test`, without Java and the checker."""
    require(shutil.which("java") is not None and VNU_JAR.is_file(), f"java and {VNU_JAR}")
    done = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "text", *map(str, pages)],
        capture_output=True,
        text=True,
        check=False,
    )
    return "" if done.returncode == 0 else (done.stdout + done.stderr or "vnu failed")


class Tab:
    """A page opened in a context of its own (a colour scheme, a viewport), recording what a
    page must never do: requests that leave file://, console errors, dialogs."""

    def __init__(
        self,
        browser: Any,
        path: Path,
        *,
        color_scheme: str = "light",
        width: int = 1280,
        height: int = 900,
    ) -> None:
        self.context = browser.new_context(
            viewport={"width": width, "height": height}, color_scheme=color_scheme
        )
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", self._console)
        self.page.on("dialog", self._dialog)
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    @property
    def outside(self) -> list[str]:
        """Requests that left file:// (none may)."""
        return [url for url in self.requests if not url.startswith("file://")]

    def close(self) -> None:
        self.context.close()


def serious_violations(response: dict[str, Any]) -> list[str]:
    """axe-core's serious and critical violations in a run's response, one line each."""
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
        for v in response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def chromium(playwright: Any) -> Any:
    """Debian's Chromium, launched as every browser test launches it."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


NASTY_WORKSPACE = ROOT / "tests" / "render" / "nasty"
NORTHWIND_WORKSPACE = ROOT / "examples" / "northwind"


def rendered_sites(factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example's site and the hostile fixture's, rendered into folders of their own."""
    from journeyops.load.sources import DiskSource  # noqa: PLC0415 - only where sites are made
    from journeyops.render import render  # noqa: PLC0415
    from journeyops.render.output import write_site  # noqa: PLC0415

    require_tools()
    found = {}
    for name, source in (("northwind", NORTHWIND_WORKSPACE), ("nasty", NASTY_WORKSPACE)):
        out = factory.mktemp(name)
        write_site(out, render(DiskSource(source)).pages)
        found[name] = out
    return found


@contextmanager
def launched_chromium() -> Iterator[Any]:
    """Debian's Chromium, driven by Playwright, for as long as the block runs."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    require_tools()
    with sync_playwright() as playwright:
        launched = chromium(playwright)
        yield launched
        launched.close()


# Every link's target as the browser resolves it (an SVG link's href is an object).
_HREFS = (
    "els => els.map(e => e.href && e.href.baseVal !== undefined"
    " ? new URL(e.href.baseVal, document.baseURI).href : e.href)"
)


def local_links(browser: Any, path: Path, selector: str = "a[href]") -> list[str]:
    """The links of the page at `path`, as absolute URLs."""
    tab = Tab(browser, path)
    try:
        links: list[str] = tab.page.eval_on_selector_all(selector, _HREFS)
    finally:
        tab.close()
    return links


def assert_lands(page: Path, link: str) -> None:
    """`link` (a file:// URL from `page`) names a file that exists, and its anchor an id
    in that file."""
    target, _, anchor = link.removeprefix("file://").partition("#")
    assert Path(target).is_file(), f"{page.name} links to missing {target}"
    if anchor:
        assert f'id="{anchor}"' in Path(target).read_text(), f"{page.name}: #{anchor}"
