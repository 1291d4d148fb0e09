"""A version among the releases: changes since the previous tag and each standard's history."""

from __future__ import annotations

from pathlib import Path

from builder.model.load import load_standards
from builder.model.standard import Standard
from builder.project import Project
from builder.site.lineage import lineage
from builder.site.reader import history_section
from tests.conftest import make_handbook
from tests.test_releases import V1, git


def tagged_twice(tmp_path: Path) -> Path:
    """A repository with releases 2026.1 (95%) and 2026.2 (98%), and a working tree at 99%."""
    make_handbook(tmp_path, {"standards/a.yaml": V1})
    git(tmp_path, "init", "-q")
    for version, level in (("2026.1", "95%"), ("2026.2", "98%")):
        (tmp_path / "standards/a.yaml").write_text(V1.replace("95%", level), encoding="utf-8")
        git(tmp_path, "add", ".")
        git(tmp_path, "commit", "-qm", version)
        git(tmp_path, "tag", "-a", f"handbook/{version}", "-m", version)
    (tmp_path / "standards/a.yaml").write_text(V1.replace("95%", "99%"), encoding="utf-8")
    return tmp_path


def current(root: Path) -> list[Standard]:
    return load_standards(Project(root)).standards


def test_the_working_tree_is_compared_with_the_newest_release(tmp_path: Path) -> None:
    root = tagged_twice(tmp_path)
    line = lineage(root, "2026.3", current(root))
    assert line.previous == "2026.2"
    assert [c.id for c in line.changes.reworded] == ["A-001"]
    assert [v for v, _ in line.history["A-001"]] == ["2026.1", "2026.2", "2026.3"]


def test_a_release_is_compared_with_the_one_before_it(tmp_path: Path) -> None:
    root = tagged_twice(tmp_path)
    line = lineage(root, "2026.2", current(root))
    assert line.previous == "2026.1"
    assert [v for v, _ in line.history["A-001"]] == ["2026.1", "2026.2"]


def test_the_history_section_shows_each_release(tmp_path: Path) -> None:
    root = tagged_twice(tmp_path)
    section = history_section(lineage(root, "2026.3", current(root)).history["A-001"])
    assert "## 版本历史 History" in section
    assert "| 2026.1 | 95%的来电在20秒内接通 | — |" in section


def test_without_releases_there_is_nothing_to_compare(tmp_path: Path) -> None:
    make_handbook(tmp_path, {"standards/a.yaml": V1})
    line = lineage(tmp_path, "2026.1", current(tmp_path))
    assert line.previous is None and line.changes.empty
    assert history_section(line.history["A-001"]) == ""
