"""A build killed midway leaves the previous site as it was; the next build cleans up.

The new site is staged beside `site/` and swapped in at the end in one step, so a build
killed while the engine writes it (here: SIGKILL, which no code can catch) publishes
nothing. Its staging folder, named after its process, is removed by the next build.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from builder.project import Project
from builder.site.build import build
from tests.conftest import make_handbook

pytestmark = pytest.mark.slow

STANDARD = """
    standards:
      - id: CALL-001
        title: {title}
        kind: process
        statement: Answer 96% of incoming calls by the third ring.
"""


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` and a hash of its bytes."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}  # fmt: skip


def leftovers(root: Path) -> list[Path]:
    return sorted(root.glob(".site-*"))


def kill_while_the_engine_writes(root: Path) -> Path:
    """Run `handbook build` as its own process group; SIGKILL it (the engine too) once the
    engine has written its first file into the staging folder. Returns that folder."""
    proc = subprocess.Popen(
        [sys.executable, "-c", "from builder.cli import main; main()", "build", "-C", str(root)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            for staging in leftovers(root):
                if any(p.is_file() for p in staging.rglob("*")):
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()
                    return staging
            time.sleep(0.005)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    pytest.fail("the build ended before the engine wrote anything")


def test_a_build_killed_midway_leaves_the_previous_site_intact(tmp_path: Path) -> None:
    root = make_handbook(tmp_path, {"standards/a.yaml": STANDARD.format(title="Old title")})
    build(Project(root))
    before = snapshot(root / "site")
    (root / "standards/a.yaml").write_text(
        STANDARD.format(title="New title").replace("\n    ", "\n"), encoding="utf-8"
    )

    staging = kill_while_the_engine_writes(root)

    assert snapshot(root / "site") == before
    assert staging.name.startswith(".site-new-") and staging.parent == root  # not published
    build(Project(root))
    assert leftovers(root) == []
    page = (root / "site/current/standards/call-001/index.html").read_text(encoding="utf-8")
    assert "New title" in page


def test_a_site_moved_aside_by_a_killed_build_is_put_back(tmp_path: Path) -> None:
    """Where the file system cannot swap two folders in one step, the old site is renamed
    aside first; a build killed right then leaves it aside, and the next build puts it back
    before anything else."""
    root = make_handbook(tmp_path, {"standards/a.yaml": STANDARD.format(title="Old title")})
    build(Project(root))
    before = snapshot(root / "site")
    ended = subprocess.Popen(["true"])
    ended.wait()  # its process id now names a build that died
    (root / "site").rename(root / f".site-old-{ended.pid}")

    build(Project(root))  # nothing changed: the engine does not even run

    assert snapshot(root / "site") == before
    assert leftovers(root) == []
