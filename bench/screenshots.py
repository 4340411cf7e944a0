"""`make screenshots`: the README's picture of a journey map, taken from examples/northwind
by Playwright in Debian's Chromium (the same browser the site's tests use), so the picture
always shows what `journeyops render` draws today. No hand-made images.

    python bench/screenshots.py [OUT.png]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from journeyops.load.sources import DiskSource
from journeyops.render import render
from journeyops.render.output import write_site
from tests.browser import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
JOURNEY = "open-account-future"  # a redesign: its curve over the one it replaces
PICTURE = ROOT / "docs" / "images" / "journey-map.png"


def screenshot(out: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        write_site(site, render(DiskSource(ROOT / "examples" / "northwind")).pages)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1200, "height": 760})
            page.goto((site / "journeys" / f"{JOURNEY}.html").as_uri())
            # The emotion curve over the as-is one, the flow and the top of the map.
            page.evaluate("document.getElementById('emotion').scrollIntoView()")
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out), full_page=False, animations="disabled")
            browser.close()


if __name__ == "__main__":
    screenshot(Path(sys.argv[1]) if len(sys.argv) > 1 else PICTURE)
