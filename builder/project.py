"""Locate a handbook project: the first folder, walking up, that holds mkdocs.yml."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from builder.errors import ProjectNotFound

MARKER = "mkdocs.yml"


@dataclass(frozen=True)
class Project:
    root: Path

    @classmethod
    def find(cls, start: Path | None = None) -> Project:
        """The project holding `start` (default: the working directory).

        An explicit `-C DIR` must itself be a project root; the walk up is only for the
        working directory, as git does it.
        """
        if start is not None:
            root = start.resolve()
            if not (root / MARKER).is_file():
                raise ProjectNotFound(f"{start} is not a handbook project: it has no {MARKER}.")
            return cls(root)
        here = Path.cwd().resolve()
        for folder in (here, *here.parents):
            if (folder / MARKER).is_file():
                return cls(folder)
        raise ProjectNotFound(
            f"no {MARKER} found in {here} or any parent folder; "
            "run inside a handbook project or pass -C/--project DIR."
        )

    @property
    def standards_dir(self) -> Path:
        return self.root / "standards"

    @property
    def scorecards_dir(self) -> Path:
        return self.root / "scorecards"

    @property
    def pages_dir(self) -> Path:
        return self.root / "handbook"

    def relative(self, path: Path) -> str:
        """POSIX path relative to the root, as findings print it; absolute when outside."""
        written = Path(os.path.abspath(path))  # a link is named where it lies, not its target
        if written.is_relative_to(self.root):
            return written.relative_to(self.root).as_posix()
        try:  # a path given through a link to the project, e.g. a symlinked checkout
            return path.resolve().relative_to(self.root).as_posix()
        except (ValueError, OSError, RuntimeError):  # outside, or a loop of links
            return path.as_posix()
