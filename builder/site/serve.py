"""Serve a built site on loopback; optionally rebuild on change and reload open pages.

Live reload needs no other host and no extra package: every HTML page is served with a
small script that asks `/__handbook/build` for the build number once a second and reloads
the page when it changes. Files on disk are never modified.
"""

from __future__ import annotations

import contextlib
import http.server
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from builder.errors import ConfigError

BUILD_ENDPOINT = "/__handbook/build"
RELOAD_SCRIPT = (
    "<script>(function(){var n=null;setInterval(function(){fetch('" + BUILD_ENDPOINT + "')"
    ".then(function(r){return r.text()}).then(function(t){if(n===null){n=t}"
    "else if(t!==n){location.reload()}}).catch(function(){})},1000)})();</script>"
)


class BuildCounter:
    """How many builds have been published since the server started (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._count = 0

    def bump(self) -> None:
        with self._lock:
            self._count += 1

    @property
    def value(self) -> int:
        with self._lock:
            return self._count


def _handler(root: Path, counter: BuildCounter | None) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(root), **kwargs)  # type: ignore[arg-type]

        def do_GET(self) -> None:
            if counter is not None and self.path == BUILD_ENDPOINT:
                self._send(str(counter.value).encode(), "text/plain")
                return
            page = self._html_file()
            if counter is None or page is None:
                super().do_GET()
                return
            html = page.read_bytes()
            script = RELOAD_SCRIPT.encode()
            body = html.replace(b"</body>", script + b"</body>", 1) if b"</body>" in html else html
            self._send(body, "text/html; charset=utf-8")

        def _html_file(self) -> Path | None:
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            return path if path.suffix == ".html" and path.is_file() else None

        def _send(self, body: bytes, content_type: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass  # the terminal shows builds, not every request

    return Handler


def serve_site(
    root: Path,
    address: str,
    announce: Callable[[str], None],
    rebuild: Callable[[], None] | None = None,
    watched: Iterable[Path] = (),
) -> None:
    """Serve `root`; with `rebuild`, watch `watched` and rebuild + reload on each change."""
    host, _, port = address.rpartition(":")
    if not port.isdigit():
        raise ConfigError(f"address {address!r} must be host:port, e.g. 127.0.0.1:8000")
    counter = BuildCounter() if rebuild else None
    handler = _handler(root, counter)
    paths = list(watched)
    before = snapshot(paths)  # taken before we announce, so no early edit is missed
    with http.server.ThreadingHTTPServer((host or "127.0.0.1", int(port)), handler) as httpd:
        announce(f"http://{host or '127.0.0.1'}:{httpd.server_port}/")
        if rebuild is not None and counter is not None:
            watcher = threading.Thread(
                target=_watch, args=(paths, before, rebuild, counter), daemon=True
            )
            watcher.start()
        with contextlib.suppress(KeyboardInterrupt):
            httpd.serve_forever()


def snapshot(paths: Iterable[Path]) -> dict[Path, float]:
    """Modification times of every file under `paths` (a change adds, removes or edits one)."""
    seen: dict[Path, float] = {}
    for top in paths:
        files = [top] if top.is_file() else (p for p in top.rglob("*") if p.is_file())
        for path in files:
            with contextlib.suppress(OSError):
                seen[path] = path.stat().st_mtime
    return seen


def _watch(
    paths: list[Path], last: dict[Path, float], rebuild: Callable[[], None], counter: BuildCounter
) -> None:
    while True:
        time.sleep(1.0)
        now = snapshot(paths)
        if now != last:
            last = now
            rebuild()  # reports its own errors; the previous site stays up on failure
            counter.bump()
