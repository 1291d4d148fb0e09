"""`handbook audit-template`: the blank CSV reads back through the ingest; the checklist
is built from the measure or the SOP's steps."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.errors import ConfigError
from builder.project import Project
from builder.scoring.csv_io import read_table
from builder.scoring.score import score_project
from builder.scoring.template import write_audit_template
from tests.conftest import make_handbook

STANDARDS = """
    standards:
      - id: CALL-001
        title: 接听
        kind: process
        statement: 96%的来电在三声内接听
        measure: {unit: percent, direction: at_least, target: 96, amber: 90, period: monthly,
                  method: mystery-shop}
      - id: WAIT-001
        title: 等候
        kind: process
        statement: 平均等候时间不超过15分钟
        measure: {unit: minutes, direction: at_most, target: 15, period: monthly, method: data}
      - id: NPS-001
        title: 推荐
        kind: charter
        statement: 每季度净推荐值不低于30
        measure: {unit: nps, direction: at_least, target: 30, period: quarterly, method: survey}
      - id: SOP-001
        title: 接听六步 | 电话
        kind: sop
        statement: 来电按以下步骤接听
        steps:
          - 铃响三声内接听
          - 先报机构和工号
"""


def template(tmp_path: Path, *ids: str, period: str | None = "2026-05",
             units: tuple[str, ...] = ()) -> tuple[Path, Path]:  # fmt: skip
    make_handbook(tmp_path, {"standards/s.yaml": STANDARDS})
    csv, md = write_audit_template(Project(tmp_path), ids, tmp_path / "out", "t", period, units)
    return csv, md


def test_the_csv_has_the_columns_each_measure_needs(tmp_path: Path) -> None:
    csv, _ = template(tmp_path, "CALL-001", "WAIT-001", units=("东", "西"))
    data = csv.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel shows the Chinese correctly
    table = read_table(data)
    assert table.names == ["standard", "period", "unit", "passed", "total", "value", "method",
                           "auditor", "date", "notes"]  # fmt: skip
    rows = [(r.cells["standard"], r.cells["period"], r.cells["unit"], r.cells["method"])
            for r in table.rows]  # fmt: skip
    assert rows == [
        ("CALL-001", "2026-05", "东", "mystery-shop"),
        ("CALL-001", "2026-05", "西", "mystery-shop"),
        ("WAIT-001", "2026-05", "东", "data"),
        ("WAIT-001", "2026-05", "西", "data"),
    ]


def test_a_survey_template_lists_every_score_counted_zero(tmp_path: Path) -> None:
    csv, md = template(tmp_path, "NPS-001", period="2026-Q2")
    table = read_table(csv.read_bytes())
    assert "response" in table.names and "passed" not in table.names
    assert [(r.cells["response"], r.cells["count"]) for r in table.rows] == [
        (str(score), "0") for score in range(11)
    ]
    assert "| 0 | |" in md.read_text() and "| 10 | |" in md.read_text()


def test_an_unfilled_template_is_reported_not_scored(tmp_path: Path) -> None:
    csv, _ = template(tmp_path, "CALL-001", "NPS-001")
    (tmp_path / "scorecards").mkdir()
    csv.rename(tmp_path / "scorecards" / "t.csv")
    report = score_project(Project(tmp_path))
    (finding,) = report.findings  # the survey rows say "0 respondents": harmless
    assert finding.line == 2 and "the row has no result" in finding.message
    (nps,) = report.results
    assert (nps.period.label, nps.n, nps.status, nps.reason) == ("2026-Q2", 0, "no-data",
                                                                 "no-result")  # fmt: skip


def test_a_filled_template_scores(tmp_path: Path) -> None:
    csv, _ = template(tmp_path, "CALL-001")
    blank, filled = ",,,mystery-shop,,,", ",19,20,mystery-shop,王静,2026-05-09,"
    text = csv.read_text(encoding="utf-8-sig").replace(blank, filled)
    (tmp_path / "scorecards").mkdir()
    (tmp_path / "scorecards" / "t.csv").write_text(text, encoding="utf-8-sig")
    report = score_project(Project(tmp_path))
    assert report.findings == []
    assert [(r.standard, r.achieved) for r in report.results] == [("CALL-001", 95.0)]


def test_the_checklist_lists_an_sops_steps_as_checks(tmp_path: Path) -> None:
    _, md = template(tmp_path, "SOP-001", "CALL-001", "WAIT-001", units=("东",))
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# 检查清单 Audit checklist")
    assert "## SOP-001 接听六步 \\| 电话" in text  # table syntax in a title is escaped
    assert "| 1 | 铃响三声内接听 | ☐ | ☐ | |" in text
    assert "| 2 | 先报机构和工号 | ☐ | ☐ | |" in text
    assert "- 标准 Target: ≥ 96% · 警戒 amber 90%" in text
    assert "- 标准 Target: ≤ 15 minutes" in text
    assert "| 东 | | | |" in text  # WAIT-001: a value line per unit


@pytest.mark.parametrize(
    ("ids", "period", "message"),
    [
        (("CALL-01",), None, "no standard 'CALL-01' (did you mean 'CALL-001'?)"),
        (("CALL-001",), "May", "period 'May' is not YYYY"),
    ],
)
def test_bad_arguments_are_usage_errors(
    tmp_path: Path, ids: tuple[str, ...], period: str | None, message: str
) -> None:
    with pytest.raises(ConfigError) as error:
        template(tmp_path, *ids, period=period)
    assert message in str(error.value.message)
    assert not (tmp_path / "out").exists()
