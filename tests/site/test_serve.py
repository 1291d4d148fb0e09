"""`handbook serve`: pages get a reload script, and a changed file rebuilds and reloads."""

from __future__ import annotations

import threading
import time
import urllib.request
from pathlib import Path

from builder.site.serve import BUILD_ENDPOINT, RELOAD_SCRIPT, serve_site


def start(root: Path, watched: Path, rebuilds: list[int]) -> str:
    """Serve `root` on a free port in the background; return its URL."""
    urls: list[str] = []
    ready = threading.Event()

    def announce(url: str) -> None:
        urls.append(url)
        ready.set()

    def rebuild() -> None:
        rebuilds.append(1)
        (root / "index.html").write_text(f"<html><body>build {len(rebuilds)}</body></html>")

    thread = threading.Thread(target=serve_site, args=(root, "127.0.0.1:0", announce, rebuild,
                                                       [watched]), daemon=True)  # fmt: skip
    thread.start()
    assert ready.wait(5)
    return urls[0]


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def test_pages_carry_the_reload_script_and_files_stay_untouched(tmp_path: Path) -> None:
    site, source = tmp_path / "site", tmp_path / "standards"
    site.mkdir()
    source.mkdir()
    (site / "index.html").write_text("<html><body>hello</body></html>")
    (site / "data.csv").write_text("a,b\n")
    url = start(site, source, [])
    assert get(url).endswith(RELOAD_SCRIPT + "</body></html>")
    assert get(url + "data.csv") == "a,b\n"
    assert "script" not in (site / "index.html").read_text()
    assert get(url + BUILD_ENDPOINT.lstrip("/")) == "0"


def test_a_changed_source_file_rebuilds_and_bumps_the_build_number(tmp_path: Path) -> None:
    site, source = tmp_path / "site", tmp_path / "standards"
    site.mkdir()
    source.mkdir()
    (site / "index.html").write_text("<html><body>build 0</body></html>")
    rebuilds: list[int] = []
    url = start(site, source, rebuilds)
    (source / "a.yaml").write_text("standards: []\n")
    deadline = time.monotonic() + 10
    while get(url + BUILD_ENDPOINT.lstrip("/")) == "0" and time.monotonic() < deadline:
        time.sleep(0.2)
    assert get(url + BUILD_ENDPOINT.lstrip("/")) == "1" and rebuilds == [1]
    assert "build 1" in get(url)
