"""Shared fixtures: tiny handbooks written into tmp_path as real files, and the example site."""

from __future__ import annotations

import shutil
import textwrap
from datetime import date
from pathlib import Path

import pytest
import yaml

from tests import injection

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_TODAY = date(2026, 11, 23)  # the example's audits run to 2026-10
OLDER_VERSION = {"version": "2026.1", "version_title": "2026.1 (2026年5月)"}

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


def build_example(root: Path, today: date = EXAMPLE_TODAY, *, hostile: bool = True) -> Path:
    """Copy the repository's example handbook into `root`, build it and return the site folder.

    The site gets a history, as a real one has: first an older version holding only the
    service charter is published, then the example as it stands, which keeps the older
    version beside it. So the version selector has two versions to switch between.

    With `hostile`, the copy also holds a hostile draft standard and audit file
    (tests/injection.py), so that the same build shows the injection tests that markup in a
    field stays text.
    """
    from builder.project import Project  # here, so a broken builder fails only the site tests
    from builder.site.build import build

    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "handbook", root / "handbook")
    (root / "standards").mkdir()
    shutil.copy(ROOT / "standards" / "charter.yaml", root / "standards" / "charter.yaml")
    settings = yaml.safe_load((ROOT / "handbook.yml").read_text(encoding="utf-8")) or {}
    assert settings.get("version") != OLDER_VERSION["version"], "the example must be newer"
    settings.update(OLDER_VERSION)
    older = yaml.safe_dump(settings, allow_unicode=True, sort_keys=False)
    (root / "handbook.yml").write_text(older, encoding="utf-8")
    build(Project(root), today=today, allow_errors=True)  # history, not what is under test

    shutil.copy(ROOT / "handbook.yml", root / "handbook.yml")
    shutil.copytree(ROOT / "standards", root / "standards", dirs_exist_ok=True)
    shutil.copytree(ROOT / "scorecards", root / "scorecards")
    if hostile:
        injection.add_to(root)
    build(Project(root), today=today)
    return root / "site"


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example handbook's site, built once per test run on a copy of the repository.

    Shared by the site tests (which read its files) and the browser tests (which serve it).
    """
    return build_example(tmp_path_factory.mktemp("example"))
