"""A plain static file server for a built site, on loopback by default."""

from __future__ import annotations

import contextlib
import functools
import http.server
from collections.abc import Callable
from pathlib import Path

from builder.errors import ConfigError


def serve_site(root: Path, address: str, announce: Callable[[str], None]) -> None:
    host, _, port = address.rpartition(":")
    if not port.isdigit():
        raise ConfigError(f"address {address!r} must be host:port, e.g. 127.0.0.1:8000")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    with http.server.ThreadingHTTPServer((host or "127.0.0.1", int(port)), handler) as httpd:
        announce(f"http://{host or '127.0.0.1'}:{httpd.server_port}/")
        with contextlib.suppress(KeyboardInterrupt):
            httpd.serve_forever()
