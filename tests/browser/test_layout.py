"""Pages read well on paper and on a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Reader
from tests.browser.harness import MOBILE

pytestmark = pytest.mark.browser

# The site's navigation around the page's own content (the article may hold nav elements of
# its own, such as tag links, which are content).
NAVIGATION = "nav, .md-header, .md-tabs, .md-sidebar, .md-path, .md-footer, .md-search, .md-top"
VISIBLE_JS = """els => els
  .filter(e => !e.closest('article') && e.checkVisibility())
  .map(e => e.outerHTML.slice(0, 100))"""


def test_printed_sop_page_hides_navigation_and_keeps_its_steps(reader: Reader) -> None:
    page = reader.open("standards/sop-phn-001/")
    page.emulate_media(media="print")
    shown = page.locator(NAVIGATION).evaluate_all(VISIBLE_JS)
    assert shown == [], "navigation visible in print:\n" + "\n".join(shown)
    article = page.locator("article")
    expect(article).to_be_visible()
    expect(article.locator("h2", has_text="步骤 Steps")).to_be_visible()
    expect(article.locator("ol > li").first).to_be_visible()
    reader.screenshot("sop-print", full_page=True)


MOBILE_PAGES = {
    "home": "",
    "standards": "standards/",
    "standard": "standards/prc-tim-002/",
    "sop": "standards/sop-phn-001/",
    "scorecards": "scorecards/",
    "scorecard": "scorecards/prc-tim-001/",
    "flagged": "flagged/",
    "health": "health/",
    "by-area": "by/area/",
}


@pytest.mark.parametrize("rel", MOBILE_PAGES.values(), ids=MOBILE_PAGES.keys())
def test_mobile_viewport_has_no_horizontal_scroll(reader: Reader, rel: str) -> None:
    """At 375×812 (a phone) the page is no wider than the screen; wide tables scroll inside
    their own box, not the page."""
    reader.page.set_viewport_size(MOBILE)
    page = reader.open(rel)
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.body.scrollWidth]"
    )
    assert max(widths) <= MOBILE["width"], f"page is {max(widths)}px wide on a 375px screen"
    if rel == "scorecards/prc-tim-001/":
        reader.screenshot("scorecard-mobile")
