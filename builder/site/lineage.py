"""A version's place among the releases: what changed since the last one, and each
standard's history across releases.

Releases are read from git tags (builder.releases) into temporary folders and loaded with
the ordinary loader, so an old release is read exactly as it was written.
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from builder.changes import Changes, compare
from builder.model.load import load_standards
from builder.model.standard import Standard
from builder.project import Project
from builder.releases import Release, export, releases


@dataclass(frozen=True)
class Lineage:
    previous: str | None = None  # the release this version is compared with
    changes: Changes = field(default_factory=Changes)
    # standard id -> (version, standard) for every release that has it, oldest first
    history: dict[str, list[tuple[str, Standard]]] = field(default_factory=dict)


@lru_cache(maxsize=64)
def release_standards(root: Path, release: Release) -> tuple[Standard, ...]:
    """The standards as they were in `release` (defects are the release's own business).

    Kept per tag object: `--all-versions` builds every release, and each one's lineage
    reads all the releases before it.
    """
    with tempfile.TemporaryDirectory(prefix="handbook-release-") as tmp:
        folder = export(root, release, Path(tmp))
        return tuple(load_standards(Project(folder)).standards)


def lineage(root: Path, version: str, current: Sequence[Standard]) -> Lineage:
    """Compare `current` (the standards of `version`) with the releases before it."""
    earlier: list[tuple[str, Sequence[Standard]]] = []
    for release in releases(root):
        if release.version == version:
            break  # building a release: later tags are not its past
        earlier.append((release.version, release_standards(root, release)))
    history: dict[str, list[tuple[str, Standard]]] = defaultdict(list)
    for name, standards in [*earlier, (version, list(current))]:
        for std in standards:
            history[std.id].append((name, std))
    if not earlier:
        return Lineage(history=dict(history))
    previous, before = earlier[-1]
    return Lineage(previous, compare(before, current), dict(history))
