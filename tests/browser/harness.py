"""What the browser tests and the screenshot command share: a loopback server, Debian's
Chromium driven by Playwright, a guard against other hosts, and axe-core.

Playwright's own browser download does not work here (no network but the package
registries), so Playwright drives Debian's `chromium` package through `executable_path`.
"""

from __future__ import annotations

import functools
import http.server
import importlib.resources
import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Playwright,
    Route,
    ViewportSize,
    WebError,
)

CHROMIUM = Path("/usr/bin/chromium")
# Headless, and quiet: without the background-networking flags Chromium keeps trying to
# reach Google's hosts, which this machine's closed network refuses. Playwright adds a
# fresh temporary --user-data-dir for every launch and removes it on close.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOST = "127.0.0.1"
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
MOBILE: ViewportSize = {"width": 375, "height": 812}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def launch_chromium(playwright: Playwright) -> Browser:
    if not CHROMIUM.is_file():
        raise RuntimeError(
            f"{CHROMIUM} is missing: install Debian's `chromium` package "
            "(`./quickstart.sh test` does), or deselect these tests with -m 'not browser'"
        )
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 at a free port, in a thread; yield the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    with http.server.ThreadingHTTPServer((LOCAL_HOST, 0), handler) as httpd:
        thread = threading.Thread(target=httpd.serve_forever, name="site-server", daemon=True)
        thread.start()
        try:
            yield f"http://{LOCAL_HOST}:{httpd.server_port}/"
        finally:
            httpd.shutdown()
            thread.join(timeout=5)


def is_local(url: str) -> bool:
    """True for the site's own server (any port on 127.0.0.1) and for in-page data."""
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname == LOCAL_HOST


@dataclass
class Watch:
    """What one browser context did that a reader must never see."""

    requests: list[str] = field(default_factory=list)  # every request, local ones included
    foreign_requests: list[str] = field(default_factory=list)  # blocked: not 127.0.0.1
    console_errors: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return [f"request to another host: {url}" for url in self.foreign_requests] + [
            f"console error: {text}" for text in self.console_errors
        ]


# Every URL that is not the site's own server. The pattern is matched inside the browser
# driver, so the site's own requests are not slowed by a round trip to Python.
NOT_LOCAL = re.compile(rf"^(?!(?:https?|wss?)://{re.escape(LOCAL_HOST)}(?::\d+)?/)")


def watch(context: BrowserContext) -> Watch:
    """Route every request of `context` (workers' too) that is not for 127.0.0.1: record it
    and abort it before it leaves the browser. Record console errors and uncaught page
    errors, and every request made."""
    seen = Watch()

    def block(route: Route) -> None:
        url = route.request.url
        if is_local(url):  # data: and the like, should the driver route them
            route.continue_()
        else:
            seen.foreign_requests.append(url)
            route.abort("blockedbyclient")

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            where = message.location.get("url", "")
            seen.console_errors.append(f"{message.text} ({where})")

    def web_error(error: WebError) -> None:
        seen.console_errors.append(f"uncaught {error.error}")

    context.route(NOT_LOCAL, block)
    context.on("request", lambda request: seen.requests.append(request.url))
    context.on("console", console)
    context.on("weberror", web_error)
    return seen


# --- what a reader does -------------------------------------------------------------------


def search(page: Page, query: str) -> list[str]:
    """Type `query` into the search box; return the result links, best first.

    Material reads the box on keyup. Chinese arrives through an input method, whose
    committing keystroke ends in a keyup; `fill` types no keys, so one key is pressed after.
    """
    meta = page.locator(".md-search-result__meta")
    before = meta.text_content()  # "type to start searching", in the site's language
    box = page.locator(".md-search__input")
    box.click()
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        "before => document.querySelector('.md-search-result__meta').textContent !== before",
        arg=before,
    )
    links = page.locator(".md-search-result__item > .md-search-result__link")
    hrefs: list[str] = links.evaluate_all("els => els.map(a => a.href)")
    return hrefs


# --- axe-core -----------------------------------------------------------------------------

# axe-playwright-python ships axe-core's axe.min.js; we inject that file ourselves, so no
# CDN is involved and nothing of the package but the file is used.
AXE_JS = "axe.min.js"


@functools.cache
def axe_script() -> str:
    return (importlib.resources.files("axe_playwright_python") / AXE_JS).read_text("utf-8")


BLOCKING_IMPACTS = ("serious", "critical")


def format_violations(violations: list[dict[str, Any]]) -> str:
    """axe's violations as a reader would want them: rule, impact, help, and each element."""
    lines: list[str] = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} — {v['helpUrl']}")
        for node in v["nodes"]:
            target = " ".join(json.dumps(t, ensure_ascii=False) for t in node["target"])
            summary = " ".join(str(node.get("failureSummary", "")).split())
            lines.append(f"    at {target}: {summary}")
    return "\n".join(lines)
