"""Markup in a standard or an audit file is shown as text and never runs, in a real browser.

The example site holds a draft standard and an audit file whose every free-text field
carries a payload that, if it ever ran, would set window.__pwned to its own name
(tests/injection.py). Each page that shows them is loaded; nothing may have run, no
payload may have become an element or a javascript: link, and each payload's text must
be on the page as written.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Dialog, Page

from tests.browser.conftest import Reader
from tests.browser.harness import search
from tests.injection import FIELDS, INJECTION_SLUG, payload

pytestmark = pytest.mark.browser

# Page -> the fields whose payload it shows (the English title is shown nowhere yet).
PAGES = {
    f"standards/{INJECTION_SLUG}/": ["title", "statement", "owner", "version", "area", "serves",
                                     "en.statement", "metric", "step", "roles"],
    f"scorecards/{INJECTION_SLUG}/": ["title", "unit"],
    "scorecards/report/": ["title"],
    "scorecards/": ["title"],
    "standards/": ["title"],
    "owners/": ["owner"],
    "tags/": ["area", "roles"],
    "print/": ["title", "statement", "step"],
}  # fmt: skip

# What a payload would leave in the page had it become markup, rather than text.
TRACES = """() => {
    const all = [...document.querySelectorAll('*')];
    return {
        pwned: window.__pwned ?? null,
        handlers: all.flatMap(e => [...e.attributes])
            .filter(a => a.name.startsWith('on')).map(a => `${a.ownerElement.tagName} ${a.name}`),
        scripts: [...document.scripts].filter(s => s.textContent.includes('__pwned')).length,
        javascript_links: [...document.querySelectorAll('a[href], img[src]')]
            .map(e => e.getAttribute('href') ?? e.getAttribute('src'))
            .filter(url => /^\\s*javascript:/i.test(url)),
        frames: document.querySelectorAll('iframe').length,
    };
}"""
CLEAN: dict[str, Any] = {
    "pwned": None,
    "handlers": [],
    "scripts": 0,
    "javascript_links": [],
    "frames": 0,
}


def watch_dialogs(page: Page) -> list[str]:
    dialogs: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    return dialogs


def traces(page: Page) -> dict[str, Any]:
    page.mouse.move(300, 300)  # over the article: an onmouseover that got through would fire
    found: dict[str, Any] = page.evaluate(TRACES)
    return found


@pytest.mark.parametrize("rel", list(PAGES))
def test_hostile_text_runs_nothing_and_reads_as_written(reader: Reader, rel: str) -> None:
    dialogs = watch_dialogs(reader.page)
    page = reader.open(rel)
    page.wait_for_load_state("networkidle")
    assert traces(page) == CLEAN
    assert dialogs == []
    shown = page.locator("body").inner_text()
    missing = [f for f in PAGES[rel] if payload(FIELDS[f]) not in shown]
    assert missing == [], f"not shown as text on {rel}: {missing}"


def test_searching_for_hostile_text_runs_nothing(reader: Reader) -> None:
    """Material renders search results as HTML from the index: titles and text included."""
    dialogs = watch_dialogs(reader.page)
    page = reader.open()
    results = search(page, "pwned")
    assert any(INJECTION_SLUG in url for url in results), results
    page.locator(".md-search-result__item").first.hover()
    assert traces(page) == CLEAN
    assert dialogs == []
