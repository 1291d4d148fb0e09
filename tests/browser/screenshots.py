"""Regenerate the README's screenshot from the example handbook, in Debian's Chromium.

    ./quickstart.sh screenshots        (or: .venv/bin/python -m tests.browser.screenshots)

Builds the example (as the tests do, on a copy), serves it on 127.0.0.1 and saves
PRC-TIM-001's scorecard page at 1280×900 to handbook/assets/screenshot-scorecard.png.
The test run saves the same view, and the other key pages, under build/screenshots/.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.harness import DESKTOP, launch_chromium, serve, watch
from tests.conftest import ROOT, build_example

README_PAGE = "scorecards/prc-tim-001/"
README_SCREENSHOT = ROOT / "handbook" / "assets" / "screenshot-scorecard.png"


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="handbook-screenshots-") as tmp:
        site = build_example(Path(tmp) / "example", hostile=False)
        newest = json.loads((site / "versions.json").read_text(encoding="utf-8"))[0]["version"]
        with serve(site) as base, sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
            seen = watch(context)
            page = context.new_page()
            page.goto(f"{base}{newest}/{README_PAGE}")
            page.wait_for_load_state("networkidle")
            page.screenshot(path=README_SCREENSHOT)
            browser.close()
    for problem in seen.problems():
        print(problem, file=sys.stderr)
    print(f"wrote {README_SCREENSHOT.relative_to(ROOT)}")
    return 1 if seen.problems() else 0


if __name__ == "__main__":
    sys.exit(main())
