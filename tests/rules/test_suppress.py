"""Suppressions: comments and `ignore:` lists silence named codes; unused ones are reported."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from builder.check import check
from builder.model.suppressions import parse_suppressions
from builder.project import Project
from tests.conftest import make_handbook

TODAY = date(2026, 11, 23)


def findings(tmp_path: Path, yaml_text: str) -> list[tuple[str, int]]:
    make_handbook(tmp_path, {"standards/a.yaml": yaml_text})
    report = check(Project(tmp_path), today=TODAY)
    return [(f.rule, f.line) for f in report.all_findings if f.rule.startswith(("SMART-S", "SUPP"))]


def standard(statement_line: str, extra: str = "") -> str:
    return f"standards:\n  - id: A\n    title: t\n    kind: sop\n{statement_line}\n{extra}"


def test_parse_codes_and_reason() -> None:
    (sup,) = parse_suppressions(
        "a: 1\nb: 尽快  # handbook: ignore[smart-s002, SMART-S1] 监管原文\n"
    ).values()
    assert (sup.line, sup.codes, sup.reason) == (2, ("SMART-S002", "SMART-S1"), "监管原文")


def test_comment_silences_the_named_code_on_its_line(tmp_path: Path) -> None:
    text = standard("    statement: 尽快处理  # handbook: ignore[SMART-S002] 监管原文,不得改写")
    assert findings(tmp_path, text) == []


def test_comment_with_a_prefix(tmp_path: Path) -> None:
    text = standard("    statement: 尽快热情处理  # handbook: ignore[SMART-S] 监管原文")
    assert findings(tmp_path, text) == []


def test_comment_for_another_code_silences_nothing_and_is_reported(tmp_path: Path) -> None:
    text = standard("    statement: 尽快处理  # handbook: ignore[SMART-S001] wrong code")
    assert findings(tmp_path, text) == [("SMART-S002", 5), ("SUPP-U001", 5)]


def test_blanket_and_reasonless_comments_are_reported(tmp_path: Path) -> None:
    assert ("SUPP-U002", 5) in findings(
        tmp_path, standard("    statement: 尽快  # handbook: ignore")
    )
    text = standard("    statement: 尽快  # handbook: ignore[SMART-S002]")
    assert findings(tmp_path, text) == [("SUPP-U002", 5)]


def test_ignore_list_on_the_standard(tmp_path: Path) -> None:
    text = standard("    statement: 尽快处理", "    ignore: [SMART-S002, SMART-S003]\n")
    assert findings(tmp_path, text) == [("SUPP-U001", 6)]  # S003 never fired
