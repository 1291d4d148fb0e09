"""A reader opens the handbook and finds their way to the standards, in a real browser."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from builder.site.labels import KIND
from tests.browser.conftest import Reader

pytestmark = pytest.mark.browser

STANDARDS = "标准 Standards"


def test_home_page_renders_with_title_navigation_and_search(reader: Reader) -> None:
    page = reader.open()
    expect(page.locator("article h1")).to_be_visible()
    expect(page.locator(".md-header__title")).not_to_be_empty()
    nav = page.locator("nav.md-nav--primary")
    for section in (STANDARDS, "记分卡 Scorecards", "待改进 Flagged"):
        expect(nav.get_by_text(section, exact=True).first).to_be_visible()
    expect(page.locator(".md-search__input")).to_be_visible()
    reader.screenshot("home")


@pytest.mark.parametrize("kind", list(KIND), ids=list(KIND))
def test_navigation_reaches_a_standard_of_each_kind(reader: Reader, kind: str) -> None:
    """Home → Standards → the kind's section → a standard of that kind, by clicking.

    A kind's section either unfolds (then its first standard is clicked) or, with
    Material's pruned navigation, is itself a link to its first standard."""
    label = KIND[kind]
    page = reader.open()
    nav = page.locator("nav.md-nav--primary")
    nav.get_by_role("link", name=STANDARDS, exact=True).click()
    page.wait_for_url(re.compile(r"/standards/$"))
    section = nav.locator(".md-nav__link", has_text=re.compile(rf"^\s*{re.escape(label)}\s*$"))
    unfolds = section.evaluate("e => e.tagName") == "LABEL"
    section.click()
    if unfolds:
        nav.get_by_role("navigation", name=label).get_by_role("link").first.click()

    page.wait_for_url(re.compile(r"/standards/[a-z0-9-]+/$"))
    article = page.locator("article")
    expect(article.locator("h1")).not_to_be_empty()
    standard_id = article.locator("p > code").first.inner_text()
    assert page.url.endswith(f"/standards/{standard_id.lower()}/"), (page.url, standard_id)
    expect(article).to_contain_text(f"{standard_id} · {label}")
    if kind == "sop":
        reader.screenshot("standard-sop")
