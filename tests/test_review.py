"""`handbook diff`: a pull request's effect on the standards, as a Markdown comment."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from click.testing import CliRunner

from builder.cli import cli
from builder.model.standard import Standard, Text
from builder.review import codeowners
from tests.conftest import make_handbook
from tests.test_releases import git

BASE = """
standards:
  - id: A-001
    title: 接听
    kind: process
    owner: "@phone-team"
    statement: 95%的来电在20秒内接通
    measure: {unit: percent, direction: at_least, target: 95}
  - id: B-001
    title: 回复
    kind: process
    owner: ops@example.org
    statement: 投诉5个工作日内答复
"""


def repo(tmp_path: Path) -> Path:
    root = make_handbook(tmp_path, {"standards/a.yaml": BASE})
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "base")
    return root


def test_the_comment_lists_rewording_target_moves_new_findings_and_reviewers(
    tmp_path: Path,
) -> None:
    root = repo(tmp_path)
    added = "  - id: C-001\n    title: 新\n    kind: process\n    statement: 热情接待\n"
    head = BASE.replace("target: 95", "target: 90").replace("5个工作日内答复", "尽快答复") + added
    (root / "standards/a.yaml").write_text(head, encoding="utf-8")
    result = CliRunner().invoke(cli, ["diff", "-C", str(root)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "<code>HEAD</code> → <code>working tree</code>" in out
    assert "#### 新增 Added" in out and "<code>C-001</code>" in out
    assert "| <code>B-001</code> | 投诉5个工作日内答复 | 投诉尽快答复 |" in out
    assert "| <code>A-001</code> | 95% | 90% | **放宽 looser** |" in out
    assert "#### 新问题 New findings" in out and "SMART-S002" in out and "SMART-S001" in out
    assert "@phone-team, ops@example.org" in out


def test_an_unchanged_tree_says_so(tmp_path: Path) -> None:
    root = repo(tmp_path)
    result = CliRunner().invoke(cli, ["diff", "-C", str(root)])
    assert "没有标准变更。 No standard changed." in result.stdout


def test_an_unknown_revision_is_a_clear_error(tmp_path: Path) -> None:
    root = repo(tmp_path)
    result = CliRunner().invoke(cli, ["diff", "-C", str(root), "no-such-branch"])
    assert result.exit_code == 1
    assert "cannot read no-such-branch from git" in result.output


def test_codeowners_keeps_only_owners_a_code_host_can_resolve() -> None:
    def std(sid: str, file: str, owner: str) -> Standard:
        return Standard(sid, Text("t", 1, 1), "process", Text("s", 1, 1), file, 1, "zh",
                        owner=owner)  # fmt: skip

    text = codeowners([std("A", "standards/a.yaml", "@org/phone"),
                       std("B", "standards/a.yaml", "ops@example.org"),
                       std("C", "standards/b.yaml", "客服中心")], date(2026, 11, 23))  # fmt: skip
    assert text.splitlines()[1:] == [
        "/standards/a.yaml @org/phone ops@example.org",
        "# /standards/b.yaml: 客服中心 (not a user, team or e-mail)",
    ]
