"""Older versions stay reachable: the selector lists them and switches between them.

The example site is built twice by the shared fixture (an older, charter-only 2026.1, then
the example as it stands), so there are two versions to switch between.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Reader, Version

pytestmark = pytest.mark.browser


def choose_version(page: Page, version: Version) -> None:
    page.locator(".md-version").hover()
    page.locator(".md-version__link", has_text=version.title).click()


def test_site_root_and_latest_open_the_newest_version(reader: Reader) -> None:
    newest = reader.site.url()
    for entry in ("", "latest/"):
        reader.page.goto(reader.site.base + entry)
        reader.page.wait_for_url(newest)
        expect(reader.page.locator("article h1")).to_be_visible()


def test_version_selector_lists_every_published_version(reader: Reader) -> None:
    versions = reader.site.versions
    assert len(versions) >= 2, "the example site should publish an older version too"
    page = reader.open()
    current = page.locator(".md-version__current")
    expect(current).to_have_text(reader.site.current.title)
    page.locator(".md-version").hover()
    links = page.locator(".md-version__link")
    expect(links).to_have_text([v.title for v in versions])
    reader.screenshot("version-selector")


def test_version_selector_switches_to_an_older_version_and_back(reader: Reader) -> None:
    newest, older = reader.site.versions[0], reader.site.versions[1]
    page = reader.open()

    choose_version(page, older)
    page.wait_for_url(re.compile(rf"/{re.escape(older.name)}/"))
    expect(page.locator(".md-version__current")).to_have_text(older.title)
    expect(page.locator("article h1")).to_be_visible()

    choose_version(page, newest)
    page.wait_for_url(re.compile(rf"/{re.escape(newest.name)}/"))
    expect(page.locator(".md-version__current")).to_have_text(newest.title)
