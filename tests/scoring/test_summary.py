"""Roll-ups across standards: per period, the share of standards met by group."""

from __future__ import annotations

from pathlib import Path

from builder.project import Project
from builder.scoring.score import score_project
from tests.conftest import make_handbook

STANDARDS = """
    standards:
      - id: A-1
        title: 甲
        kind: process
        area: timeliness
        tier: basic
        statement: 96%的来电在三声内接听
        measure: {unit: percent, direction: at_least, target: 90, amber: 80, period: monthly}
      - id: A-2
        title: 乙
        kind: process
        area: timeliness
        tier: expected
        statement: 96%的来电在三声内接听
        measure: {unit: percent, direction: at_least, target: 90, amber: 80, period: monthly}
      - id: B-1
        title: 丙
        kind: process
        area: flow
        tier: basic
        statement: 96%的来电在三声内接听
        measure: {unit: percent, direction: at_least, target: 90, amber: 80, period: monthly}
      - id: Q-1
        title: 丁
        kind: charter
        tier: basic
        statement: 每季度净推荐值不低于30
        measure: {unit: nps, direction: at_least, target: 30, period: quarterly}
"""
AUDITS = """
    standard,period,unit,passed,total,value
    A-1,2026-05,东,19,20,
    A-1,2026-05,西,17,20,
    A-2,2026-05,东,15,20,
    B-1,2026-05,,20,20,
    B-1,2026-06,,10,20,
    Q-1,2026-Q2,,,,35
"""


def test_share_of_standards_met_by_organisation_area_tier_and_unit(tmp_path: Path) -> None:
    make_handbook(tmp_path, {"standards/s.yaml": STANDARDS, "scorecards/a.csv": AUDITS})
    summary = [s.as_json() for s in score_project(Project(tmp_path)).summary]
    may = [(s["by"], s["group"], s["green"], s["standards"], s["met_share"])
           for s in summary if s["period"] == "2026-05"]  # fmt: skip
    assert may == [
        # A-1 pooled 36/40 = 90% green; A-2 (only 东) 75% red; B-1 100% green.
        ("organisation", None, 2, 3, 66.7),
        ("area", "flow", 1, 1, 100.0),
        ("area", "timeliness", 1, 2, 50.0),
        ("tier", "basic", 2, 2, 100.0),
        ("tier", "expected", 0, 1, 0.0),
        ("unit", "东", 1, 2, 50.0),  # A-1 东 95% green, A-2 东 75% red
        ("unit", "西", 0, 1, 0.0),  # A-1 西 85% amber
    ]
    quarter = [(s["by"], s["group"], s["met_share"]) for s in summary if s["period"] == "2026-Q2"]
    assert quarter == [("organisation", None, 100.0), ("area", None, 100.0),
                       ("tier", "basic", 100.0)]  # fmt: skip


def test_standards_without_a_colour_are_counted_apart(tmp_path: Path) -> None:
    make_handbook(tmp_path, {
        "standards/s.yaml": STANDARDS,
        "handbook.yml": "scoring: {min_sample: 30}\n",
        "scorecards/a.csv": "standard,period,passed,total\nA-1,2026-05,19,20\n",
    })  # fmt: skip
    (organisation, *_) = score_project(Project(tmp_path)).summary
    assert organisation.as_json() == {
        "period": "2026-05", "by": "organisation", "group": None, "standards": 0,
        "green": 0, "amber": 0, "red": 0, "no_data": 1, "met_share": None,
    }  # fmt: skip
