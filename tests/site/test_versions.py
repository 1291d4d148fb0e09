"""Releases are git tags; --all-versions builds each one once, from its own files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder.project import Project
from builder.site.build import build
from tests.conftest import make_handbook
from tests.test_releases import V1, git

pytestmark = pytest.mark.slow


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Release 2026.1 tagged at 95%; the working tree (2026.2) asks for 98%."""
    root = make_handbook(tmp_path / "hb", {"standards/a.yaml": V1,
                                            "handbook.yml": 'version: "2026.1"\n'})  # fmt: skip
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "first")
    git(root, "tag", "-a", "handbook/2026.1", "-m", "first release")
    (root / "handbook.yml").write_text('version: "2026.2"\n', encoding="utf-8")
    (root / "standards/a.yaml").write_text(V1.replace("95%", "98%"), encoding="utf-8")
    return root


def test_every_release_is_built_from_its_tag_and_the_tree_is_latest(repo: Path) -> None:
    build(Project(repo), allow_errors=True, all_versions=True)
    site = repo / "site"
    versions = json.loads((site / "versions.json").read_text(encoding="utf-8"))
    assert [(v["version"], v["aliases"]) for v in versions] == [
        ("2026.2", ["latest"]),
        ("2026.1", []),
    ]
    old = (site / "2026.1/standards/a-001/index.html").read_text(encoding="utf-8")
    new = (site / "2026.2/standards/a-001/index.html").read_text(encoding="utf-8")
    assert "95%的来电" in old and "98%的来电" in new
    changes = (repo / "build/docs/changes.md").read_text(encoding="utf-8")
    assert (
        "since 2026.1" in changes and "| 95%的来电在20秒内接通 | 98%的来电在20秒内接通 |" in changes
    )


def test_a_release_already_in_the_site_is_reused(repo: Path) -> None:
    build(Project(repo), allow_errors=True, all_versions=True)
    marker = repo / "site/2026.1/kept.txt"
    marker.write_text("built once", encoding="utf-8")
    build(Project(repo), allow_errors=True, all_versions=True)
    assert marker.read_text(encoding="utf-8") == "built once"
    assert (repo / "site/2026.2/index.html").is_file()


def test_an_unchanged_rebuild_does_not_run_the_engine_a_change_does(repo: Path) -> None:
    build(Project(repo), allow_errors=True)
    marker = repo / "site/2026.2/kept.txt"
    marker.write_text("from the first build", encoding="utf-8")
    build(Project(repo), allow_errors=True)
    assert marker.is_file(), "nothing changed: the published version was left alone"
    (repo / "standards/a.yaml").write_text(V1.replace("95%", "97%"), encoding="utf-8")
    build(Project(repo), allow_errors=True)
    assert not marker.exists(), "a changed standard rebuilt the version"
    assert "97%的来电" in (repo / "site/2026.2/standards/a-001/index.html").read_text("utf-8")
