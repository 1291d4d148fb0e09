"""Survey standards scored from raw responses (NPS, CSAT, CES) and from pre-computed values."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.project import Project
from builder.scoring.score import Result, score_project
from tests.conftest import make_handbook


def survey_standard(unit: str, extra: str = "") -> str:
    return f"""
        standards:
          - id: S-001
            title: 调查
            kind: charter
            statement: 调查结果每季度达标
            measure: {{unit: {unit}, direction: at_least, target: 50, period: quarterly,
                       method: survey{extra}}}
    """


def scored(tmp_path: Path, standard: str, csv: str | bytes) -> list[Result]:
    make_handbook(tmp_path, {"standards/s.yaml": standard, "scorecards/s.csv": csv})
    report = score_project(Project(tmp_path))
    assert report.findings == []
    return report.results


def test_nps_is_promoters_minus_detractors(tmp_path: Path) -> None:
    # 10 respondents: 9, 10, 10, 9 promote; 7, 8 are passive; 0, 3, 6, 6 detract.
    answers = [9, 10, 10, 9, 7, 8, 0, 3, 6, 6]
    csv = "standard,period,response\n" + "".join(f"S-001,2026-Q1,{a}\n" for a in answers)
    (result,) = scored(tmp_path, survey_standard("nps"), csv)
    assert result.achieved == pytest.approx(0.0)
    assert (result.n, result.ci) == (10, None)


def test_nps_from_counts_per_score(tmp_path: Path) -> None:
    csv = """
        标准,周期,网点,评分,人数
        S-001,2026-Q1,东,10,30
        S-001,2026-Q1,东,9,20
        S-001,2026-Q1,东,8,25
        S-001,2026-Q1,东,6,15
        S-001,2026-Q1,东,0,10
    """
    (result,) = scored(tmp_path, survey_standard("nps"), csv)
    assert result.achieved == pytest.approx(25.0)
    assert (result.n, result.status) == (100, "red")


def test_csat_is_the_share_of_the_top_two_boxes_with_an_interval(tmp_path: Path) -> None:
    csv = "standard,period,response,count\nS-001,2026-Q1,5,9\nS-001,2026-Q1,4,9\n" \
          "S-001,2026-Q1,3,1\nS-001,2026-Q1,1,1\n"  # fmt: skip
    (result,) = scored(tmp_path, survey_standard("csat"), csv)
    assert (result.achieved, result.n) == (90.0, 20)
    assert result.as_json()["ci"] == [69.9, 97.21]


def test_csat_scale_and_satisfied_from_are_configurable(tmp_path: Path) -> None:
    standard = survey_standard("csat", ", scale: 10, satisfied_from: 8")
    csv = "standard,period,response\n" + "".join(f"S-001,2026-Q1,{a}\n" for a in (10, 8, 7, 9))
    (result,) = scored(tmp_path, standard, csv)
    assert result.achieved == pytest.approx(75.0)


def test_ces_is_the_mean_on_seven_points(tmp_path: Path) -> None:
    csv = "standard,period,response,count\nS-001,2026-Q1,1,2\nS-001,2026-Q1,7,1\n" \
          "S-001,2026-Q1,4,1\n"  # fmt: skip
    (result,) = scored(tmp_path, survey_standard("ces"), csv)
    assert (result.achieved, result.n, result.ci) == (3.25, 4, None)


def test_raw_responses_pool_with_a_precomputed_value_by_sample_size(tmp_path: Path) -> None:
    csv = """
        standard,period,unit,value,total,response,count
        S-001,2026-Q1,东,40,300,,
        S-001,2026-Q1,东,,,10,80
        S-001,2026-Q1,东,,,0,20
    """
    (result,) = scored(tmp_path, survey_standard("nps"), csv)
    # 300 respondents at NPS 40 and 100 at NPS 60: (40·300 + 60·100) / 400
    assert result.achieved == pytest.approx(45.0)
    assert result.n == 400


def test_utf16_survey_export_with_tabs(tmp_path: Path) -> None:
    csv = "标准\t周期\t评分\t人数\r\nS-001\t2026-Q1\t10\t6\r\nS-001\t2026-Q1\t2\t4\r\n"
    (result,) = scored(tmp_path, survey_standard("nps"), csv.encode("utf-16"))
    assert result.achieved == pytest.approx(20.0)


def test_responses_by_week_roll_up_to_the_quarter(tmp_path: Path) -> None:
    csv = "standard,period,response\nS-001,2026-W02,10\nS-001,2026-02-11,10\nS-001,2026-03,0\n"
    (result,) = scored(tmp_path, survey_standard("nps"), csv)
    assert (result.period.label, result.n) == ("2026-Q1", 3)
    assert result.achieved == pytest.approx(100 / 3)
