"""The site works on an intranet: nothing is loaded from another host, nothing logs an error.

Every test's browser context is watched (see `reader` in conftest.py), so each test fails
on a foreign request or a console error; these tests say so explicitly for the key pages.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import Site
from tests.browser.harness import Watch, search, serve, watch

pytestmark = pytest.mark.browser

KEY_PAGES = ["", "standards/", "standards/prc-tim-002/", "standards/sop-phn-001/",
             "scorecards/", "scorecards/prc-tim-001/", "flagged/", "health/", "by/area/",
             "rules/", "glossary/"]  # fmt: skip


@pytest.fixture(scope="module")
def walk(browser: Browser, site: Site) -> Watch:
    """A reader visits every key page and searches once; what the browser saw, for both
    tests. Each page stays open until its search worker has fetched the index."""
    context = browser.new_context(service_workers="block")
    context.set_default_timeout(10_000)
    seen = watch(context)
    try:
        page = context.new_page()
        for rel in KEY_PAGES:
            with page.expect_response(lambda r: r.url.endswith("/search/search_index.json")):
                page.goto(site.url(rel))
        search(page, "接通")
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    return seen


def test_key_pages_request_nothing_from_another_host(walk: Watch) -> None:
    assert walk.foreign_requests == []
    # The watch did see the site's own requests, the ones made by scripts included.
    assert any(url.endswith("/search/search_index.json") for url in walk.requests)
    assert any(url.endswith("/versions.json") for url in walk.requests)


def test_key_pages_log_no_console_errors(walk: Watch) -> None:
    assert walk.console_errors == []


def test_a_request_to_another_host_is_caught_and_blocked(browser: Browser) -> None:
    """The guard itself: a page that asks another host is recorded and gets nothing."""
    context = browser.new_context()
    seen = watch(context)
    try:
        page = context.new_page()
        page.set_content('<img src="http://example.com/logo.png" alt="logo">')
        page.wait_for_load_state("networkidle")
        width = page.locator("img").evaluate("img => img.naturalWidth")
    finally:
        context.close()
    assert seen.foreign_requests == ["http://example.com/logo.png"]
    assert width == 0


def test_the_site_works_under_a_sub_path(browser: Browser, example_site: Path,
                                         tmp_path: Path) -> None:  # fmt: skip
    """Intranets often publish under a path (http://intranet/handbook/): every link is
    relative, so the same files work there, from the root redirect to search."""
    (tmp_path / "handbook").symlink_to(example_site, target_is_directory=True)
    context = browser.new_context(service_workers="block")
    context.set_default_timeout(10_000)
    seen = watch(context)
    try:
        with serve(tmp_path) as base:
            page = context.new_page()
            page.goto(base + "handbook/")
            page.wait_for_url("**/handbook/2026.2/")
            page.goto(base + "handbook/2026.2/standards/sop-phn-001/")
            assert page.locator("h1").first.inner_text().startswith("电话接听六步法")
            assert search(page, "接通"), "search finds something under the sub-path"
            page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert seen.problems() == []
