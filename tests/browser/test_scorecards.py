"""Every chart on the scorecard pages loads in the browser and can be read without seeing it."""

from __future__ import annotations

from typing import TypedDict

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import Reader

pytestmark = pytest.mark.browser


class Chart(TypedDict):
    page: str
    src: str
    alt: str
    width: int  # naturalWidth: 0 for an image that did not load or decode


# The charts of the open page, each decoded (so a broken or lazy image cannot pass).
RENDERED_CHARTS_JS = """async () => Promise.all(
  [...document.querySelectorAll('article img')].map(async (img) => {
    img.loading = 'eager';
    try { await img.decode(); } catch (e) { /* broken: naturalWidth stays 0 */ }
    return {page: location.href, src: img.getAttribute('src'), alt: img.getAttribute('alt') ?? '',
            width: img.naturalWidth};
  }))"""

# The charts of many pages at once, from the open page: each page's HTML is fetched and
# parsed, and each of its <img> is loaded by the browser from its resolved URL, as the
# page would load it. Much faster than opening every page (no scripts, no search worker).
PAGES_CHARTS_JS = """async (urls) => (await Promise.all(urls.map(async (url) => {
  const html = await (await fetch(url)).text();
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return Promise.all([...doc.querySelectorAll('article img')].map(async (tag) => {
    const img = new Image();
    img.src = new URL(tag.getAttribute('src'), url).href;
    try { await img.decode(); } catch (e) { /* broken: naturalWidth stays 0 */ }
    return {page: url, src: tag.getAttribute('src'), alt: tag.getAttribute('alt') ?? '',
            width: img.naturalWidth};
  }));
}))).flat()"""


def rendered_charts(page: Page) -> list[Chart]:
    charts: list[Chart] = page.evaluate(RENDERED_CHARTS_JS)
    return charts


def scorecard_pages(index: Page) -> list[str]:
    """The scorecard pages linked from the scorecard index (the page open in `index`)."""
    hrefs: list[str] = index.locator("article a[href$='/']").evaluate_all(
        "els => [...new Set(els.map(a => a.href))]"
    )
    return [h for h in hrefs if h.startswith(index.url) and h != index.url]


def problems(charts: list[Chart]) -> list[str]:
    found = []
    for chart in charts:
        if chart["width"] <= 0:
            found.append(f"{chart['page']}: chart {chart['src']} did not load")
        if not chart["alt"].strip():
            found.append(f"{chart['page']}: chart {chart['src']} has no text alternative (alt)")
    return found


def test_every_scorecard_chart_loads_and_has_a_text_alternative(reader: Reader) -> None:
    index = reader.open("scorecards/")
    pages = scorecard_pages(index)
    assert len(pages) > 10, pages
    charts = rendered_charts(index) + reader.page.evaluate(PAGES_CHARTS_JS, pages)
    assert len({c["page"] for c in charts}) > 10, "most scorecard pages have charts"
    assert problems(charts) == []


def test_scorecard_page_shows_its_trend_chart(reader: Reader) -> None:
    """The README's screenshot page: PRC-TIM-001's trend, amber band and units, rendered."""
    page = reader.open("scorecards/prc-tim-001/")
    charts = rendered_charts(page)
    assert problems(charts) == []
    assert any("趋势图" in c["alt"] and "prc-tim-001" in c["src"] for c in charts), charts
    reader.screenshot("scorecard")
