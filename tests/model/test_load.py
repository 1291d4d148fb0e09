"""The loader: typed standards with positions; every defect a located finding."""

from __future__ import annotations

from pathlib import Path

from builder.model.load import load_standards
from builder.project import Project
from tests.conftest import make_handbook

PHONE = """
    owner: 客服中心
    area: timeliness
    standards:
      - id: CALL-001
        title: 接听电话
        kind: process
        statement: 96%的来电在铃响三声内接听
        measure:
          unit: percent
          direction: at_least
          target: 96
      - id: CALL-002
        title: Call back
        kind: process
        owner: phone-team@example.org
        statement: Return missed calls within 2 working hours.
"""


def load(tmp_path: Path, files: dict[str, str | bytes]):  # type: ignore[no-untyped-def]
    make_handbook(tmp_path, files)
    return load_standards(Project(tmp_path))


def test_standards_keep_file_and_line(tmp_path: Path) -> None:
    loaded = load(tmp_path, {"standards/phone.yaml": PHONE})
    first, second = loaded.standards
    assert (first.id, first.file, first.line) == ("CALL-001", "standards/phone.yaml", 4)
    assert (first.statement.line, first.statement.column) == (7, 16)
    assert first.measure is not None and first.measure.line == 9
    assert first.measure.key_lines["target"] == 11
    assert (second.id, second.line) == ("CALL-002", 12)
    assert loaded.findings == []


def test_file_defaults_are_inherited_and_overridable(tmp_path: Path) -> None:
    first, second = load(tmp_path, {"standards/phone.yaml": PHONE}).standards
    assert (first.owner, first.area) == ("客服中心", "timeliness")
    assert (second.owner, second.area) == ("phone-team@example.org", "timeliness")


def test_language_is_detected(tmp_path: Path) -> None:
    first, second = load(tmp_path, {"standards/phone.yaml": PHONE}).standards
    assert (first.lang, second.lang) == ("zh", "en")


def test_text_locates_a_span_inside_the_statement(tmp_path: Path) -> None:
    (std, _) = load(tmp_path, {"standards/phone.yaml": PHONE}).standards
    start = std.statement.value.index("三声")
    assert std.statement.locate(start, start + 2) == (7, 16 + start)


def test_syntax_error_is_located_and_other_files_still_load(tmp_path: Path) -> None:
    loaded = load(
        tmp_path,
        {
            "standards/a-broken.yaml": "standards:\n  - id: X\n    title: [unclosed\n",
            "standards/phone.yaml": PHONE,
        },
    )
    assert [s.id for s in loaded.standards] == ["CALL-001", "CALL-002"]
    (finding,) = loaded.findings
    assert (finding.file, finding.rule, finding.line) == ("standards/a-broken.yaml", "LOAD-F002", 4)
    assert "syntax" in finding.message


def test_duplicate_ids_across_files_are_reported(tmp_path: Path) -> None:
    other = "standards:\n  - id: CALL-001\n    title: t\n    kind: sop\n    statement: s\n"
    loaded = load(tmp_path, {"standards/phone.yaml": PHONE, "standards/z.yaml": other})
    (finding,) = loaded.findings
    assert (finding.rule, finding.file, finding.line) == ("LOAD-S003", "standards/z.yaml", 2)
    assert "standards/phone.yaml:4" in finding.message


def test_duplicate_keys_are_reported_not_silently_dropped(tmp_path: Path) -> None:
    text = (
        "standards:\n  - id: A\n    title: t\n    kind: sop\n    statement: s\n    kind: process\n"
    )
    (finding,) = load(tmp_path, {"standards/a.yaml": text}).findings
    assert (finding.rule, finding.line, finding.column) == ("LOAD-F004", 6, 5)
    assert "first at line 4" in finding.message


def test_missing_required_keys_leave_the_standard_out(tmp_path: Path) -> None:
    loaded = load(tmp_path, {"standards/a.yaml": "standards:\n  - id: A\n    title: t\n"})
    assert loaded.standards == []
    (finding,) = loaded.findings
    assert (finding.rule, finding.line) == ("LOAD-S001", 2)
    assert "kind, statement" in finding.message


def test_unknown_key_suggests_the_closest(tmp_path: Path) -> None:
    text = "standards:\n  - id: A\n    title: t\n    kind: sop\n    statement: s\n    reveiw_by: 2027-01-01\n"  # noqa: E501
    (finding,) = load(tmp_path, {"standards/a.yaml": text}).findings
    assert (finding.rule, finding.severity, finding.line) == ("LOAD-S004", "warning", 6)
    assert finding.suggestion == "did you mean 'review_by'?"


def test_wrong_types_are_findings_not_crashes(tmp_path: Path) -> None:
    text = """
        standards:
          - id: A
            title: t
            kind: proccess
            statement: s
            effective: next week
            measure: {target: "ninety", unit: percent}
    """
    loaded = load(tmp_path, {"standards/a.yaml": text})
    problems = {(f.rule, f.line) for f in loaded.findings}
    assert problems == {("LOAD-S002", 4), ("LOAD-S002", 6), ("LOAD-S002", 7)}
    kind = next(f for f in loaded.findings if f.line == 4)
    assert kind.suggestion == "did you mean 'process'?"
    (std,) = loaded.standards
    assert std.measure is not None and std.measure.target is None


def test_non_utf8_and_empty_files_are_findings(tmp_path: Path) -> None:
    loaded = load(
        tmp_path,
        {"standards/gbk.yaml": "standards: []\n# 中文".encode("gbk"), "standards/empty.yaml": ""},
    )
    assert sorted((f.file, f.rule) for f in loaded.findings) == [
        ("standards/empty.yaml", "LOAD-F003"),
        ("standards/gbk.yaml", "LOAD-F001"),
    ]


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join(f'*a{i - 1}' for _ in range(10))}]" for i in range(1, 9)]
    (finding,) = load(tmp_path, {"standards/bomb.yaml": "\n".join(lines)}).findings
    assert finding.rule == "LOAD-F005"


def test_sop_steps_keep_their_lines(tmp_path: Path) -> None:
    text = """
        standards:
          - id: SOP-1
            title: 接听
            kind: sop
            statement: 按以下步骤接听来电
            steps:
              - 铃响三声内接听
              - text: 自报网点和工号
                measure: {metric: 自报率, unit: percent, direction: at_least, target: 95}
    """
    (std,) = load(tmp_path, {"standards/sop.yaml": text}).standards
    assert [(s.text.value, s.text.line) for s in std.steps] == [
        ("铃响三声内接听", 7),
        ("自报网点和工号", 8),
    ]
    assert std.steps[1].measure is not None and std.steps[1].measure.target == 95


def test_an_impossible_date_is_a_located_finding_not_a_crash(tmp_path: Path) -> None:
    text = "standards:\n  - id: A-1\n    title: t\n    kind: process\n    statement: s\n"
    make_handbook(tmp_path, {"standards/a.yaml": text + "    effective: 2026-13-01\n"})
    loaded = load_standards(Project(tmp_path))
    (finding,) = [f for f in loaded.findings if f.rule == "LOAD-S002"]
    assert (finding.line, finding.column) == (6, 16)
    assert "'2026-13-01' is not a date" in finding.message


def test_ids_and_versions_are_kept_as_written_not_as_yaml_numbers(tmp_path: Path) -> None:
    """YAML reads 007 as the number 7 and 1.10 as 1.1: an audit row naming 007 would then
    find no standard, and version 1.10 would print as 1.1."""
    text = "standards:\n  - id: 007\n    title: t\n    kind: process\n    statement: s\n"
    (std,) = load(tmp_path, {"standards/a.yaml": "version: 1.10\n" + text}).standards
    assert (std.id, std.version) == ("007", "1.10")


def test_a_link_to_a_file_inside_the_project_is_read_under_its_own_name(tmp_path: Path) -> None:
    make_handbook(tmp_path, {"shared/phone.yaml": PHONE})
    (tmp_path / "standards").mkdir()
    (tmp_path / "standards" / "phone.yaml").symlink_to(tmp_path / "shared" / "phone.yaml")
    loaded = load_standards(Project(tmp_path))
    assert [(s.id, s.file) for s in loaded.standards] == [
        ("CALL-001", "standards/phone.yaml"),
        ("CALL-002", "standards/phone.yaml"),
    ]
    assert loaded.findings == []
