"""Scoring: pooling, status against the target, roll-ups, and located bad rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.errors import ConfigError
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


HISTORY = """
    standards:
      - id: CALL-001
        title: 接听
        kind: process
        effective: 2026-07-01
        statement: 96%的来电在三声内接听
        measure:
          unit: percent
          direction: at_least
          target: 96
          amber: 90
          period: monthly
          history:
            - {effective: 2026-01-01, target: 85}
            - {effective: 2026-04-01, target: 90, amber: 80}
"""


def test_each_period_is_scored_against_the_target_in_force_then(tmp_path: Path) -> None:
    make_handbook(tmp_path, {
        "standards/s.yaml": HISTORY,
        "scorecards/a.csv": """
            standard,period,passed,total
            CALL-001,2026-03,88,100
            CALL-001,2026-05,88,100
            CALL-001,2026-07,88,100
            CALL-001,2025-12,88,100
        """,
    })  # fmt: skip
    results = score_project(Project(tmp_path)).results
    got = [(r.period.label, r.target, r.amber, r.status, r.gap, str(r.target_effective))
           for r in results]  # fmt: skip
    assert got == [
        ("2025-12", 85, None, "green", 3.0, "2026-01-01"),  # before any record: the earliest
        ("2026-03", 85, None, "green", 3.0, "2026-01-01"),
        ("2026-05", 90, 80, "amber", -2.0, "2026-04-01"),
        ("2026-07", 96, 90, "red", -8.0, "2026-07-01"),  # raised: the new target applies
    ]


def test_a_small_sample_is_no_data_with_the_reason(tmp_path: Path) -> None:
    make_handbook(tmp_path, {
        "standards/s.yaml": STANDARDS,
        "handbook.yml": "scoring:\n  min_sample: 30\n",
        "scorecards/a.csv": """
            standard,period,unit,passed,total
            CALL-001,2026-05,东,20,20
            CALL-001,2026-05,西,19,20
        """,
    })  # fmt: skip
    results = score_project(Project(tmp_path)).results
    got = [(r.unit, r.achieved, r.status, r.reason, r.n) for r in results]
    assert got == [
        (None, 97.5, "green", None, 40),  # the roll-up is big enough
        ("东", 100.0, "no-data", "insufficient-sample", 20),  # not green: 20 checks prove little
        ("西", 95.0, "no-data", "insufficient-sample", 20),
    ]


def test_no_target_and_no_result_say_why(tmp_path: Path) -> None:
    standards = (
        STANDARDS
        + """
      - id: OPEN-001
        title: 无目标
        kind: process
        statement: 记录来电
        measure: {unit: percent}
    """
    )
    make_handbook(tmp_path, {
        "standards/s.yaml": standards,
        "scorecards/a.csv": """
            standard,period,value,response,count
            OPEN-001,2026-05,50,,
        """,
    })  # fmt: skip
    (result,) = score_project(Project(tmp_path)).results
    assert (result.status, result.reason) == ("no-data", "no-target")


def test_count_form_results_carry_a_wilson_interval(tmp_path: Path) -> None:
    make_handbook(tmp_path, {
        "standards/s.yaml": STANDARDS,
        "scorecards/a.csv": "standard,period,passed,total\nCALL-001,2026-05,482,500\n",
    })  # fmt: skip
    (result,) = score_project(Project(tmp_path)).results
    assert result.as_json()["ci"] == [94.38, 97.71]


def test_values_have_no_interval(tmp_path: Path) -> None:
    make_handbook(tmp_path, {
        "standards/s.yaml": STANDARDS,
        "scorecards/a.csv": "standard,period,value,total\nWAIT-001,2026-05,12,300\n",
    })  # fmt: skip
    (result,) = score_project(Project(tmp_path)).results
    assert (result.ci, result.as_json()["measure_unit"]) == (None, "minutes")


def test_trend_over_the_last_three_periods_of_each_series(tmp_path: Path) -> None:
    # WAIT-001: at_most 15, amber 20, so a change within 2.5 minutes is stable.
    rows = [("2026-01", 20), ("2026-02", 18), ("2026-03", 14), ("2026-04", 14.5),
            ("2026-05", 15), ("2026-06", 19)]  # fmt: skip
    csv = "standard,period,value\n" + "".join(f"WAIT-001,{p},{v}\n" for p, v in rows)
    make_handbook(tmp_path, {"standards/s.yaml": STANDARDS, "scorecards/a.csv": csv})
    results = score_project(Project(tmp_path)).results
    assert [r.trend for r in results] == [
        None,  # first period: nothing to compare
        "stable",  # 20 -> 18: 2 minutes better, within 2.5
        "improving",  # 20, 18, 14: waits fell
        "improving",  # 18, 14, 14.5
        "stable",  # 14, 14.5, 15
        "declining",  # 14.5, 15, 19: waits rose
    ]


def test_small_samples_do_not_make_a_trend(tmp_path: Path) -> None:
    make_handbook(tmp_path, {
        "standards/s.yaml": STANDARDS,
        "handbook.yml": "scoring:\n  min_sample: 10\n  trend_periods: 2\n",
        "scorecards/a.csv": """
            standard,period,passed,total
            CALL-001,2026-05,80,100
            CALL-001,2026-06,1,2
            CALL-001,2026-07,95,100
        """,
    })  # fmt: skip
    results = score_project(Project(tmp_path)).results
    assert [(r.reason, r.trend) for r in results] == [
        (None, None), ("insufficient-sample", None), (None, "improving"),
    ]  # fmt: skip


def test_days_and_weeks_roll_up_to_the_standards_month(tmp_path: Path) -> None:
    make_handbook(tmp_path, {
        "standards/s.yaml": STANDARDS.replace("amber: 90}", "amber: 90, period: monthly}"),
        "scorecards/daily.csv": """
            standard,period,unit,passed,total
            CALL-001,2026-05-04,东,9,10
            CALL-001,2026-05-05,东,10,10
            CALL-001,2026-W22,东,19,20
            CALL-001,2026-W23,东,20,20
        """,
    })  # fmt: skip
    results = score_project(Project(tmp_path)).results
    assert [(r.period.label, r.unit, r.n, r.achieved) for r in results] == [
        ("2026-05", "东", 40, 95.0),  # W22 is Mon 25 – Sun 31 May
        ("2026-06", "东", 20, 100.0),  # W23 is Mon 1 – Sun 7 June
    ]


def test_a_longer_period_than_the_standards_is_scored_as_given(tmp_path: Path) -> None:
    """A quarter's figure cannot be split into months; it keeps its own period (SPEC §4)."""
    make_handbook(tmp_path, {
        "standards/s.yaml": STANDARDS.replace("amber: 90}", "amber: 90, period: monthly}"),
        "scorecards/q.csv": "standard,period,passed,total\nCALL-001,2026-Q1,482,500\n",
    })  # fmt: skip
    report = score_project(Project(tmp_path))
    assert report.findings == []
    assert [(r.period.label, r.status) for r in report.results] == [("2026-Q1", "green")]


def test_scoring_config_is_validated_with_its_line(tmp_path: Path) -> None:
    make_handbook(tmp_path, {"handbook.yml": "scoring:\n  min_sample: -1\n  trend_periods: 1\n"})
    with pytest.raises(ConfigError) as error:
        score_project(Project(tmp_path))
    assert "handbook.yml:2:15: min_sample must be a whole number, 0 or more" in str(error.value)
    assert "handbook.yml:3:18: trend_periods must be a whole number, 2 or more" in str(error.value)
