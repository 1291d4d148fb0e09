"""Every output file is written whole or not at all: a temporary file, then one rename."""

from __future__ import annotations

import ast
import os
import stat
from pathlib import Path

import pytest

from builder.atomic import write_atomic

BUILDER = Path(__file__).resolve().parents[1] / "builder"
# Writes that need no temporary file, and why.
DIRECT_WRITES_ALLOWED = {
    # versions.json and the redirects go into the staging folder, which is published as a
    # whole by one rename (builder/site/build.py, `_swap`).
    ("site/build.py", "publish_versions"),
}


def test_a_file_is_replaced_with_no_temporary_file_left(tmp_path: Path) -> None:
    path = tmp_path / "out" / "page.md"
    write_atomic(path, "old")
    write_atomic(path, "新的 new")
    assert path.read_text(encoding="utf-8") == "新的 new"
    assert os.listdir(path.parent) == ["page.md"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "page.md"
    path.write_text("old", encoding="utf-8")

    def interrupted(src: object, dst: object) -> None:
        raise KeyboardInterrupt  # Ctrl+C between writing and renaming

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, "new")
    assert path.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["page.md"]


def test_the_file_is_readable_as_the_umask_allows(tmp_path: Path) -> None:
    """Unlike tempfile.mkstemp's private 0600: a web server must be able to read a page."""
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "index.html", b"<html></html>")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "index.html").stat().st_mode) == 0o644


def direct_writes(folder: Path) -> set[tuple[str, str]]:
    """(module, function) of every call that writes a file in place: Path.write_text,
    Path.write_bytes, open() for writing or appending, shutil's copies."""
    found = set()
    for path in folder.rglob("*.py"):
        if path.name == "atomic.py":
            continue
        rel = path.relative_to(BUILDER).as_posix()
        for function in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                found |= {(rel, function.name) for call in ast.walk(function)
                          if isinstance(call, ast.Call) and _writes(call)}  # fmt: skip
    return found


def _writes(call: ast.Call) -> bool:
    name = getattr(call.func, "attr", getattr(call.func, "id", ""))
    owner = getattr(getattr(call.func, "value", None), "id", None)
    if name in ("write_text", "write_bytes") or (owner == "shutil" and "copy" in name):
        return True
    if name == "open":
        modes = [a.value for a in call.args[1:2] if isinstance(a, ast.Constant)]
        modes += [k.value.value for k in call.keywords
                  if k.arg == "mode" and isinstance(k.value, ast.Constant)]  # fmt: skip
        return any(isinstance(m, str) and set(m) & set("wax+") for m in modes)
    return False


def test_every_output_file_is_written_through_write_atomic() -> None:
    outside_scoring = {w for w in direct_writes(BUILDER) if not w[0].startswith("scoring/")}
    assert outside_scoring == DIRECT_WRITES_ALLOWED


def test_scoring_writes_its_files_through_write_atomic() -> None:
    assert direct_writes(BUILDER / "scoring") == set()
