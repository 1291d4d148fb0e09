"""`handbook init` starts a handbook that checks clean; `handbook new standard` adds one."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from builder.cli import cli
from builder.model.load import load_standards
from builder.project import Project
from tests.conftest import make_handbook


def test_a_new_handbook_passes_check_with_no_findings(tmp_path: Path) -> None:
    target = tmp_path / "new-handbook"
    result = CliRunner().invoke(cli, ["init", str(target)])
    assert result.exit_code == 0, result.output
    for name in ("mkdocs.yml", "handbook.yml", ".gitignore", ".pre-commit-config.yaml",
                 "schema/standard.schema.json", "standards/charter.yaml"):  # fmt: skip
        assert (target / name).is_file(), name
    check = CliRunner().invoke(cli, ["check", "-C", str(target)])
    assert check.exit_code == 0, check.output
    assert "0 errors, 0 warnings" in check.output


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    result = CliRunner().invoke(cli, ["init", str(tmp_path)])
    assert result.exit_code == 2 and "is not empty" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_new_standard_continues_its_files_series_and_keeps_comments(tmp_path: Path) -> None:
    CliRunner().invoke(cli, ["init", str(tmp_path / "hb")])
    root = tmp_path / "hb"
    args = ["new", "standard", "-C", str(root), "--kind", "process", "--area", "timeliness",
            "--title", "柜面等候", "--statement", "客户取号后平均等候不超过15分钟",
            "--owner", "ops@example.org", "--unit", "minutes", "--direction", "at_most",
            "--target", "15"]  # fmt: skip
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "added PRC-TIM-002 to standards/process/timeliness.yaml" in result.output
    text = (root / "standards/process/timeliness.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server:") and "流程标准 · 及时性" in text
    new = {s.id: s for s in load_standards(Project(root)).standards}["PRC-TIM-002"]
    assert new.measure is not None and (new.measure.target, new.measure.unit) == (15, "minutes")
    assert new.statement.value == "客户取号后平均等候不超过15分钟"


def test_a_new_standard_in_a_new_file_and_a_prompted_area(tmp_path: Path) -> None:
    root = make_handbook(tmp_path, {})
    result = CliRunner().invoke(
        cli, ["new", "standard", "-C", str(root), "--kind", "personal"],
        input="仪容\n员工佩戴工牌,工牌正面朝外\nhr@example.org\nappearance\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "added PER-APP-001 to standards/personal/appearance.yaml" in result.output
    (std,) = load_standards(Project(root)).standards
    assert (std.kind, std.area, std.owner) == ("personal", "appearance", "hr@example.org")


def test_a_file_that_cannot_take_a_standard_is_left_as_it_was(tmp_path: Path) -> None:
    std = "  - id: PRC-TIM-001\n    title: t\n    kind: process\n    statement: s\n"
    odd = f"standards:\n{std}owner: x\n"  # 'standards:' is not the last key
    root = make_handbook(tmp_path, {"standards/process/timeliness.yaml": odd})
    before = (root / "standards/process/timeliness.yaml").read_bytes()
    result = CliRunner().invoke(cli, ["new", "standard", "-C", str(root), "--kind", "process",
                                      "--area", "timeliness", "--title", "t", "--statement",
                                      "当日办结", "--owner", "o"])  # fmt: skip
    assert result.exit_code == 1 and "nothing changed" in result.output
    assert (root / "standards/process/timeliness.yaml").read_bytes() == before
