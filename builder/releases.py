"""Releases are git tags: `handbook/<version>`, e.g. `handbook/2026.1`.

A release is read by exporting its tree with `git archive` into a temporary folder, so the
user's working tree, index and checked-out branch are never touched. Without git, or
outside a repository, there are simply no releases.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from builder.errors import BuildFailed

TAG_PREFIX = "handbook/"


@dataclass(frozen=True)
class Release:
    tag: str  # handbook/2026.1
    version: str  # 2026.1
    date: date  # the tag's (or its commit's) date
    object: str = ""  # the tag's git object id: a tag moved elsewhere is another release


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)


def releases(root: Path) -> list[Release]:
    """Every `handbook/*` tag, oldest first (by tag date, then by name)."""
    try:
        fields = "%(refname:short)\t%(creatordate:short)\t%(objectname)"
        proc = _git(root, "for-each-ref", f"--format={fields}", f"refs/tags/{TAG_PREFIX}")
    except OSError:  # git is not installed
        return []
    if proc.returncode != 0:
        return []
    found = []
    for line in proc.stdout.decode("utf-8", "replace").splitlines():
        tag, day, obj = [*line.split("\t"), "", ""][:3]
        version = tag.removeprefix(TAG_PREFIX)
        if version and day:
            found.append(Release(tag, version, date.fromisoformat(day), obj))
    return sorted(found, key=lambda r: (r.date, _natural(r.version)))


def _natural(version: str) -> tuple[tuple[int, str], ...]:
    """2026.10 sorts after 2026.9."""
    return tuple((int(p), "") if p.isdigit() else (0, p) for p in version.split("."))


def export(root: Path, release: Release, dest: Path) -> Path:
    """Write the release's project files into `dest` and return it."""
    return export_ref(root, f"refs/tags/{release.tag}", dest)


def export_ref(root: Path, ref: str, dest: Path) -> Path:
    """Write the project's files as they are at git `ref` into `dest` and return it.

    Run in the project's folder, `git archive` exports that folder only, with paths relative
    to it, so a handbook in a sub-folder of a larger repository works the same.
    """
    if ref.startswith("-"):
        raise BuildFailed(f"{ref!r} is not a git revision")
    proc = _git(root, "archive", "--format=tar", ref, ".")
    if proc.returncode != 0:
        why = proc.stderr.decode("utf-8", "replace").strip()
        raise BuildFailed(f"cannot read {ref} from git: {why}")
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(proc.stdout)) as archive:
        archive.extractall(dest, filter="data")  # no absolute paths, links out, devices
    return dest
