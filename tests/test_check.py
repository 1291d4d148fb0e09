"""`handbook check` on a whole project reads the audits too: best results feed SMART-A003."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from builder.check import check
from builder.project import Project
from tests.conftest import make_handbook

WAIT = """
standards:
  - id: W-1
    title: 等候
    kind: charter
    statement: 平均等候时间不超过10分钟
    measure: {unit: minutes, direction: at_most, target: 10, period: monthly}
"""
AUDIT = "standard,period,unit,value\nW-1,2026-05,东,14\nW-1,2026-06,东,12.5\nW-1,2026-06,西,11\n"


def test_a_limit_no_unit_has_ever_kept_is_reported(tmp_path: Path) -> None:
    make_handbook(tmp_path, {"standards/w.yaml": WAIT, "scorecards/w.csv": AUDIT})
    report = check(Project(tmp_path), today=date(2026, 11, 23))
    (finding,) = [f for f in report.all_findings if f.rule == "SMART-A003"]
    assert "best audited result is 11 (2026-06)" in finding.message


def test_checking_some_files_only_reads_no_audits(tmp_path: Path) -> None:
    make_handbook(tmp_path, {"standards/w.yaml": WAIT, "scorecards/w.csv": AUDIT})
    report = check(Project(tmp_path), [tmp_path / "standards/w.yaml"], today=date(2026, 11, 23))
    assert not [f for f in report.all_findings if f.rule == "SMART-A003"]
