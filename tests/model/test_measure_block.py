"""The measure block's scoring keys: survey scales and the target history, each checked
with a located LOAD-S002 finding."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from builder.model.load import Loaded, load_standards
from builder.model.standard import PastTarget
from builder.project import Project
from tests.conftest import make_handbook


def load(tmp_path: Path, measure: str, effective: str = "2026-07-01") -> Loaded:
    standard = f"""
        standards:
          - id: CALL-001
            title: 接听
            kind: process
            effective: {effective}
            statement: 96%的来电在三声内接听
            measure:
{measure}
    """
    make_handbook(tmp_path, {"standards/s.yaml": standard})
    return load_standards(Project(tmp_path))


HISTORY = """\
              unit: percent
              direction: at_least
              target: 96
              amber: 90
              history:
                - {effective: 2026-04-01, target: 90, amber: 85}
                - effective: 2026-01-01
                  target: 85
"""


def test_history_is_read_oldest_first_with_lines(tmp_path: Path) -> None:
    loaded = load(tmp_path, HISTORY)
    assert loaded.findings == []
    (std,) = loaded.standards
    assert std.measure is not None and std.measure.history == (
        PastTarget(date(2026, 1, 1), 85.0, None, 14),
        PastTarget(date(2026, 4, 1), 90.0, 85.0, 13),
    )


@pytest.mark.parametrize(
    ("measure", "effective", "line", "column", "message"),
    [
        ("              unit: percent\n              history: 85\n", "2026-07-01", 9, 16,
         "'history' must be a list of earlier targets"),
        ("              unit: percent\n              history: [85]\n", "2026-07-01", 9, 17,
         "a history entry must be a mapping"),
        ("              unit: percent\n              history: [{target: 85}]\n", "2026-07-01",
         9, 17, "history entry lacks effective"),
        ("              unit: percent\n              history: [{effective: 2026-01-01}]\n",
         "2026-07-01", 9, 17, "history entry lacks target"),
        ("              unit: percent\n"
         "              history: [{effective: soon, target: 85}]\n", "2026-07-01", 9, 29,
         "effective 'soon' is not a date"),
        ("              unit: percent\n"
         "              history: [{effective: 2026-01-01, target: high}]\n", "2026-07-01", 9,
         49, "target 'high' is not a number"),
        ("              unit: percent\n"
         "              history: [{effective: 2026-08-01, target: 85}]\n", "2026-07-01", 9, 29,
         "history entry effective 2026-08-01 is not before the standard's effective date "
         "2026-07-01"),
        ("              unit: percent\n"
         "              history: [{effective: 2026-01-01, target: 85}]\n", "", 9, 16,
         "a target history needs the standard's 'effective' date"),
        ("              unit: percent\n              direction: at_least\n"
         "              history: [{effective: 2026-01-01, target: 85, amber: 90}]\n",
         "2026-07-01", 10, 60, "amber 90 is on the wrong side of the target 85"),
        ("              unit: percent\n              history:\n"
         "                - {effective: 2026-01-01, target: 85}\n"
         "                - {effective: 2026-01-01, target: 88}\n", "2026-07-01", 11, 23,
         "two history entries take effect on 2026-01-01"),
        ("              unit: csat\n              scale: 1\n", "2026-07-01", 9, 14,
         "scale 1 must be a whole number from 2 to 100"),
        ("              unit: nps\n              scale: 5\n", "2026-07-01", 9, 14,
         "scale applies to csat and ces survey standards, not unit 'nps'"),
        ("              unit: csat\n              satisfied_from: 6\n", "2026-07-01", 9, 23,
         "satisfied_from 6 must be a whole number from 1 to 5"),
        ("              unit: ces\n              satisfied_from: 3\n", "2026-07-01", 9, 23,
         "satisfied_from applies to csat standards only"),
    ],
)  # fmt: skip
def test_bad_scoring_keys_are_located(
    tmp_path: Path, measure: str, effective: str, line: int, column: int, message: str
) -> None:
    loaded = load(tmp_path, measure, effective or "null")
    (finding,) = [f for f in loaded.findings if f.rule == "LOAD-S002"]
    assert (finding.line, finding.column) == (line, column)
    assert message in finding.message


def test_survey_scale_and_satisfied_from(tmp_path: Path) -> None:
    loaded = load(tmp_path, "              unit: csat\n              scale: 7\n"
                            "              satisfied_from: 6\n")  # fmt: skip
    (std,) = loaded.standards
    assert loaded.findings == []
    assert std.measure is not None and (std.measure.scale, std.measure.satisfied_from) == (7, 6)


def test_an_unknown_history_key_is_a_warning_with_a_hint(tmp_path: Path) -> None:
    typo = "              history: [{effective: 2026-01-01, traget: 85}]\n"
    loaded = load(tmp_path, "              unit: percent\n" + typo)
    rules = sorted((f.rule, f.severity) for f in loaded.findings)
    assert rules == [("LOAD-S002", "error"), ("LOAD-S004", "warning")]
    warning = next(f for f in loaded.findings if f.rule == "LOAD-S004")
    assert warning.suggestion == "did you mean 'target'?"
