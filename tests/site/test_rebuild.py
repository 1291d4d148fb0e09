"""Rebuilds: the same data gives the same bytes, and unchanged charts are not drawn again."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from matplotlib import pyplot

from builder.config import load_config
from builder.project import Project
from builder.site.build import gather, write_docs
from builder.site.chart_cache import ChartCache
from builder.site.charts import cache_salt
from tests.conftest import EXAMPLE_TODAY, ROOT

pytestmark = pytest.mark.slow  # draws every chart of the example, twice

# A second build in its own process: a different hash seed orders every set differently.
SECOND_BUILD = """
import sys
from pathlib import Path
from builder.config import load_config
from builder.project import Project
from builder.site.build import gather, write_docs
from builder.site.chart_cache import ChartCache
from builder.site.charts import cache_salt
from tests.conftest import EXAMPLE_TODAY

root, out = Path(sys.argv[1]), Path(sys.argv[2])
handbook = gather(Project(root), load_config(root), EXAMPLE_TODAY)
write_docs(handbook, out / "docs", ChartCache(out / "cache", cache_salt()))
"""


def copy_example(root: Path) -> Path:
    """The repository's example, copied: what others edit meanwhile cannot differ between builds."""
    root.mkdir()
    for name in ("mkdocs.yml", "handbook.yml"):
        shutil.copy(ROOT / name, root / name)
    for name in ("standards", "scorecards", "handbook"):
        shutil.copytree(ROOT / name, root / name)
    return root


def docs_tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file()}  # fmt: skip


def test_charts_are_reproducible_and_unchanged_ones_are_not_redrawn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two builds from a clean cache, in separate processes, give the same bytes; a build
    after them draws nothing and still gives the same bytes."""
    root = copy_example(tmp_path / "example")
    handbook = gather(Project(root), load_config(root), EXAMPLE_TODAY)
    first = ChartCache(tmp_path / "cache", cache_salt())
    write_docs(handbook, tmp_path / "first", first)
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    second = [sys.executable, "-c", SECOND_BUILD, str(root), str(tmp_path / "second")]
    subprocess.run(second, check=True, env=env, cwd=ROOT)
    assert docs_tree(tmp_path / "second" / "docs") == docs_tree(tmp_path / "first")

    def no_drawing(*args: object, **kwargs: object) -> None:
        raise AssertionError("a chart was drawn although its data did not change")

    monkeypatch.setattr(pyplot, "subplots", no_drawing)
    warm = ChartCache(tmp_path / "cache", cache_salt())
    write_docs(handbook, tmp_path / "warm", warm)
    assert warm.drawn == [] and sorted(warm.reused) == sorted(first.drawn)
    assert docs_tree(tmp_path / "warm") == docs_tree(tmp_path / "first")
