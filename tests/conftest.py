"""Shared fixtures: tiny handbooks written into tmp_path as real files."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

MINIMAL_MKDOCS = "site_name: Test handbook\ntheme:\n  name: material\n"


def make_handbook(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write a handbook project: mkdocs.yml plus the given files (text is dedented)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MINIMAL_MKDOCS, encoding="utf-8")
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return root


@pytest.fixture
def handbook(tmp_path: Path) -> Path:
    return tmp_path
