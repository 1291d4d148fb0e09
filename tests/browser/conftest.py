"""Session fixtures for the browser tests: one site build (shared with tests/site), one
loopback server, one Chromium; a fresh, watched browser context for every test."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.browser.harness import DESKTOP, SCREENSHOTS, Watch, launch_chromium, serve, watch


@dataclass(frozen=True)
class Version:
    name: str
    title: str


@dataclass(frozen=True)
class Site:
    """The served example site: its base URL and the versions it publishes, newest first."""

    base: str
    versions: list[Version]

    @property
    def current(self) -> Version:
        return self.versions[0]

    def url(self, rel: str = "", version: Version | None = None) -> str:
        """The URL of page `rel` (e.g. "standards/ch-001/") in a version (the newest)."""
        return f"{self.base}{(version or self.current).name}/{rel}"


@pytest.fixture(scope="session")
def site(example_site: Path) -> Iterator[Site]:
    entries: list[dict[str, Any]] = json.loads(
        (example_site / "versions.json").read_text(encoding="utf-8")
    )
    versions = [Version(e["version"], e.get("title") or e["version"]) for e in entries]
    with serve(example_site) as base:
        yield Site(base, versions)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@dataclass
class Reader:
    """A person reading the site in a fresh browser context; everything they do is watched."""

    page: Page
    site: Site
    watch: Watch

    def open(self, rel: str = "", version: Version | None = None) -> Page:
        self.page.goto(self.site.url(rel, version))
        return self.page

    def screenshot(self, name: str, *, full_page: bool = False) -> Path:
        """Save what the reader sees as a test artefact, build/screenshots/<name>.png."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=path, full_page=full_page)
        return path


@pytest.fixture
def reader(browser: Browser, site: Site) -> Iterator[Reader]:
    """A new context per test (no shared storage or history). After the test, any request
    to a host other than 127.0.0.1 and any console error fail it."""
    context = browser.new_context(viewport=DESKTOP, locale="zh-CN", service_workers="block")
    context.set_default_timeout(10_000)  # a local page answers in well under a second
    seen = watch(context)
    try:
        yield Reader(context.new_page(), site, seen)
    finally:
        context.close()
    if seen.problems():
        pytest.fail("the browser saw:\n  " + "\n  ".join(seen.problems()), pytrace=False)
