"""Scoring: pooling, status against the target, roll-ups, and located bad rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.model.standard import Measure
from builder.project import Project
from builder.scoring.periods import parse_period
from builder.scoring.score import score_project, status_of
from tests.conftest import make_handbook

STANDARDS = """
    standards:
      - id: CALL-001
        title: 接听
        kind: process
        statement: 96%的来电在三声内接听
        measure: {unit: percent, direction: at_least, target: 96, amber: 90}
      - id: WAIT-001
        title: 等候
        kind: process
        statement: 平均等候时间不超过15分钟
        measure: {unit: minutes, direction: at_most, target: 15, amber: 20}
"""


@pytest.mark.parametrize(
    ("achieved", "direction", "expected"),
    [
        (96, "at_least", "green"),
        (95.9, "at_least", "amber"),
        (90, "at_least", "amber"),
        (89.9, "at_least", "red"),
        (15, "at_most", "green"),
        (18, "at_most", "amber"),
        (20.1, "at_most", "red"),
    ],
)
def test_status_against_target_and_amber_band(
    achieved: float, direction: str, expected: str
) -> None:
    target, amber = (96, 90) if direction == "at_least" else (15, 20)
    measure = Measure(unit="x", direction=direction, target=target, amber=amber)
    assert status_of(achieved, measure) == expected


def test_missed_target_without_amber_band_is_red() -> None:
    assert status_of(95, Measure(unit="percent", direction="at_least", target=96)) == "red"


def test_no_target_is_no_data() -> None:
    assert status_of(95, Measure(unit="percent")) == "no-data"


@pytest.mark.parametrize(
    ("text", "label", "grain"),
    [("2026", "2026", "year"), ("2026-q1", "2026-Q1", "quarter"), ("2026-05", "2026-05", "month"),
     ("2026-W07", "2026-W07", "week"), ("2026-05-31", "2026-05-31", "day")],
)  # fmt: skip
def test_period_forms(text: str, label: str, grain: str) -> None:
    period = parse_period(text)
    assert period is not None and (period.label, period.grain) == (label, grain)


@pytest.mark.parametrize("text", ["May 2026", "2026-13", "2026-Q5", "2026-W54", "2026-02-30", ""])
def test_bad_periods(text: str) -> None:
    assert parse_period(text) is None


def test_counts_are_pooled_and_rolled_up(tmp_path: Path) -> None:
    make_handbook(
        tmp_path,
        {
            "standards/s.yaml": STANDARDS,
            "scorecards/a.csv": """
                standard,period,unit,passed,total,method
                CALL-001,2026-05,东,18,20,mystery-shop
                CALL-001,2026-05,东,20,20,mystery-shop
                CALL-001,2026-05,西,35,40,announced-audit
            """,
        },
    )
    report = score_project(Project(tmp_path))
    assert report.findings == []
    got = [(r.unit, r.achieved, r.status, r.n) for r in report.results]
    assert got == [(None, 91.25, "amber", 80), ("东", 95.0, "amber", 40), ("西", 87.5, "red", 40)]


def test_values_are_averaged_weighted_by_total(tmp_path: Path) -> None:
    make_handbook(
        tmp_path,
        {
            "standards/s.yaml": STANDARDS,
            "scorecards/w.csv": """
                standard,period,value,total
                WAIT-001,2026-Q1,10,300
                WAIT-001,2026-Q1,20,100
            """,
        },
    )
    (result,) = score_project(Project(tmp_path)).results
    assert (result.period.label, result.achieved, result.status, result.n) == (
        "2026-Q1", 12.5, "green", 400,
    )  # fmt: skip
    assert result.as_json()["gap"] == 2.5


def test_bad_rows_are_located_findings_and_good_rows_still_count(tmp_path: Path) -> None:
    make_handbook(
        tmp_path,
        {
            "standards/s.yaml": STANDARDS,
            "scorecards/bad.csv": """
                standard,period,passed,total,value
                CALL-01,2026-05,18,20,
                CALL-001,May 2026,18,20,
                CALL-001,2026-05,21,20,
                CALL-001,2026-05,x,20,
                CALL-001,2026-06,19,20,
            """,
        },
    )
    report = score_project(Project(tmp_path))
    assert [(f.rule, f.line) for f in report.findings] == [
        ("AUDIT-R001", 2), ("AUDIT-R002", 3), ("AUDIT-R002", 4), ("AUDIT-R002", 5),
    ]  # fmt: skip
    assert report.findings[0].suggestion == "did you mean 'CALL-001'?"
    assert [(r.period.label, r.achieved) for r in report.results] == [("2026-06", 95.0)]


def test_header_without_required_columns_is_one_finding(tmp_path: Path) -> None:
    make_handbook(
        tmp_path, {"standards/s.yaml": STANDARDS, "scorecards/x.csv": "id,month,score\nA,1,2\n"}
    )
    (finding,) = score_project(Project(tmp_path)).findings
    assert finding.rule == "AUDIT-F001" and "period" in finding.message
