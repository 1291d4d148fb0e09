"""Releases are git tags `handbook/<version>`, read without touching the working tree."""

from __future__ import annotations

import subprocess
from pathlib import Path

from builder.releases import export, releases
from tests.conftest import make_handbook

V1 = """
standards:
  - id: A-001
    title: 接听
    kind: process
    statement: 95%的来电在20秒内接通
"""


GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
    "GIT_AUTHOR_DATE": "2026-01-05T10:00:00",
    "GIT_COMMITTER_DATE": "2026-01-05T10:00:00",
    "PATH": "/usr/bin:/bin",
}


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=GIT_ENV)


def repo_with_release(tmp_path: Path, sub: str = "") -> Path:
    root = tmp_path / sub if sub else tmp_path
    make_handbook(root, {"standards/a.yaml": V1})
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "v1")
    git(tmp_path, "tag", "-a", "handbook/2026.1", "-m", "first release")
    return root


def test_tags_with_the_prefix_are_releases(tmp_path: Path) -> None:
    root = repo_with_release(tmp_path)
    git(tmp_path, "tag", "other-tag")
    (release,) = releases(root)
    assert (release.tag, release.version, release.date.isoformat()) == (
        "handbook/2026.1",
        "2026.1",
        "2026-01-05",
    )
    assert len(release.object) == 40, "the tag's object id keys the cache of old releases"


def test_export_reads_the_release_not_the_working_tree(tmp_path: Path) -> None:
    root = repo_with_release(tmp_path)
    (root / "standards/a.yaml").write_text(V1.replace("95%", "98%"), encoding="utf-8")
    (release,) = releases(root)
    out = export(root, release, tmp_path / "out")
    assert "95%" in (out / "standards/a.yaml").read_text(encoding="utf-8")
    assert "98%" in (root / "standards/a.yaml").read_text(encoding="utf-8")  # untouched
    status = subprocess.run(["git", "-C", str(root), "status", "--porcelain"],
                            capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert status.split() == ["M", "standards/a.yaml", "??", "out/"]


def test_a_handbook_in_a_sub_folder_exports_that_folder(tmp_path: Path) -> None:
    root = repo_with_release(tmp_path, "docs/handbook")
    (release,) = releases(root)
    out = export(root, release, tmp_path / "out")
    assert (out / "mkdocs.yml").is_file() and (out / "standards/a.yaml").is_file()


def test_no_repository_means_no_releases(tmp_path: Path) -> None:
    make_handbook(tmp_path, {"standards/a.yaml": V1})
    assert releases(tmp_path) == []
