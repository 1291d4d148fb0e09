"""Search, in Chinese and in English, runs in the browser against the built index."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Reader
from tests.browser.harness import search

pytestmark = pytest.mark.browser


def test_chinese_word_inside_a_sentence_finds_its_standard(reader: Reader) -> None:
    """「双手」 is in the middle of PER-ATT-002's statement (业务办结时，柜员双手递交…), so only
    an index segmented into words (jieba) can find it: Chinese has no spaces."""
    page = reader.open()
    results = search(page, "双手")
    assert results, "no result for 双手"
    assert results[0].startswith(reader.site.url("standards/per-att-002/")), results
    reader.screenshot("search-chinese")

    page.locator(".md-search-result__item > .md-search-result__link").first.click()
    page.wait_for_url(re.compile(r"/standards/per-att-002/"))
    statement = page.locator("article blockquote").first.inner_text()
    assert "双手" in statement and not statement.startswith("双手"), statement


def test_english_word_finds_its_standard(reader: Reader) -> None:
    """The word "rings" is inside PRC-TIM-004's statement (…answered within three rings…)."""
    page = reader.open()
    results = search(page, "rings")
    assert results, "no result for rings"
    assert results[0].startswith(reader.site.url("standards/prc-tim-004/")), results
    expect(page.locator(".md-search-result mark").first).to_contain_text(re.compile("ring", re.I))
