"""Audit ingest: every bad row is a finding at its cell, saying what is wrong and how to fix it.

Bad rows are never scored and never silently dropped; the good rows around them still count.
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.model.load import load_standards
from builder.project import Project
from builder.scoring import audits as audits_module
from builder.scoring.audits import Audits, load_audits
from tests.conftest import make_handbook

STANDARDS = """
    standards:
      - id: CALL-001
        title: 接听
        kind: process
        statement: 96%的来电在三声内接听
        measure: {unit: percent, direction: at_least, target: 96, amber: 90, period: monthly}
      - id: WAIT-001
        title: 等候
        kind: process
        statement: 平均等候时间不超过15分钟
        measure: {unit: minutes, direction: at_most, target: 15, amber: 20, period: monthly}
      - id: NPS-001
        title: 推荐
        kind: charter
        statement: 每季度净推荐值不低于30
        measure: {unit: nps, direction: at_least, target: 30, period: quarterly, method: survey}
      - id: CSAT-001
        title: 满意
        kind: charter
        statement: 每月满意度不低于90%
        measure: {unit: csat, direction: at_least, target: 90, period: monthly, method: survey}
      - id: CES-001
        title: 费力度
        kind: process
        statement: 每月费力度平均分不高于2.5
        measure: {unit: ces, direction: at_most, target: 2.5, period: monthly, method: survey}
"""
HEADER = "standard,period,unit,passed,total,value,response,count"


def ingest(tmp_path: Path, files: dict[str, str | bytes]) -> Audits:
    make_handbook(tmp_path, {"standards/s.yaml": STANDARDS, **files})
    project = Project(tmp_path)
    standards = {s.id: s for s in load_standards(project).standards}
    return load_audits(project, standards)


def cell_column(row: str, letter: str) -> int:
    """1-based character column where the cell in spreadsheet column `letter` starts."""
    index = ord(letter) - ord("A")
    return 1 if index == 0 else len(",".join(row.split(",")[:index])) + 2


@pytest.mark.parametrize(
    ("row", "code", "letter", "message", "hint"),
    [
        ("CALL-01,2026-05,,18,20,,,", "AUDIT-R001", "A", "unknown standard 'CALL-01'",
         "did you mean 'CALL-001'?"),
        (",2026-05,,18,20,,,", "AUDIT-R001", "A", "standard is blank", "id of the standard"),
        ("CALL-001,May 2026,,18,20,,,", "AUDIT-R002", "B", "'May 2026' is not a period",
         "YYYY-MM"),
        ("CALL-001,2026-05,,21,20,,,", "AUDIT-R002", "D",
         "passed (21) is greater than total (20)", "out of total"),
        ("CALL-001,2026-05,,-3,20,,,", "AUDIT-R002", "D", "-3 is negative", "0 or more"),
        ("CALL-001,2026-05,,18,x,,,", "AUDIT-R002", "E", "'x' is not a number", "plain number"),
        ("CALL-001,2026-05,,18.5,20,,,", "AUDIT-R002", "D", "18.5 is not a whole number",
         "whole numbers"),
        ("CALL-001,2026-05,,,,120,,", "AUDIT-R004", "F",
         "120 is outside 0–100, the range of percent", "write 96 for 96%"),
        ("CALL-001,2026-05,,,,0.5%x,,", "AUDIT-R002", "F", "'0.5%x' is not a number", None),
        ("NPS-001,2026-Q1,,,,150,,", "AUDIT-R004", "F", "150 is outside -100–100", None),
        ("CES-001,2026-05,,,,9,,", "AUDIT-R004", "F", "9 is outside 1–7", None),
        ("WAIT-001,2026-05,,,,-2,,", "AUDIT-R004", "F", "-2 is below 0, impossible in minutes",
         None),
        ("WAIT-001,2026-05,,18,20,,,", "AUDIT-R002", "D",
         "passed/total give a percentage, but WAIT-001 is measured in minutes",
         "put the measured minutes in value"),
        ("CALL-001,2026-05,,18,,,,", "AUDIT-R002", "E", "total is blank",
         "give both passed and total"),
        ("CALL-001,2026-05,,,,,,", "AUDIT-R002", "F", "the row has no result",
         "fill passed and total, or value"),
        ("CALL-001,2026-05,,0,0,,,", "AUDIT-R002", "E", "total is 0: nothing was checked", None),
        ("CALL-001,2026-05,,18,20,90,,", "AUDIT-R002", "F",
         "the row gives both passed and a value", None),
        ("NPS-001,2026-Q1,,,,,11,", "AUDIT-R002", "G", "11 is outside 0–10, the NPS scale",
         "answers run from 0 to 10"),
        ("CSAT-001,2026-05,,,,,6,", "AUDIT-R002", "G", "6 is outside 1–5, the CSAT scale", None),
        ("CALL-001,2026-05,,,,,4,", "AUDIT-R002", "G",
         "survey responses need an nps, csat or ces standard; CALL-001 is measured in percent",
         None),
        ("NPS-001,2026-Q1,,,,,,3", "AUDIT-R002", "H", "the row has no response", None),
        ("NPS-001,2026-Q1,,,,30,9,", "AUDIT-R002", "G",
         "the row gives a response and also a value", None),
        ("CALL-001,2026-05,,18,20,,,,surplus", "AUDIT-R002", "I",
         "the row has 1 cell(s) more than the header", "quote the text"),
    ],
)  # fmt: skip
def test_each_bad_row_is_located_at_the_offending_cell(
    tmp_path: Path, row: str, code: str, letter: str, message: str, hint: str | None
) -> None:
    good = "CALL-001,2026-05,,19,20,,,"
    audits = ingest(tmp_path, {"scorecards/a.csv": f"{HEADER}\n{row}\n{good}\n"})
    (finding,) = audits.findings
    assert (finding.file, finding.line, finding.rule) == ("scorecards/a.csv", 2, code)
    assert finding.column == cell_column(row, letter)
    assert f"(column {letter}): " in finding.message and message in finding.message
    if hint:
        assert finding.suggestion is not None and hint in finding.suggestion
    assert [r.line for r in audits.rows] == [3]  # the good row still counts


def test_every_problem_of_a_row_is_reported(tmp_path: Path) -> None:
    audits = ingest(tmp_path, {"scorecards/a.csv": f"{HEADER}\nCALL-001,2026-13,,x,-1,,,\n"})
    assert [(f.column, f.text) for f in audits.findings] == [(10, "2026-13"), (19, "x"),
                                                              (21, "-1")]  # fmt: skip
    assert audits.rows == []


def test_chinese_headers_name_the_cell_as_the_auditor_wrote_it(tmp_path: Path) -> None:
    csv = "标准,周期,网点,通过,总数\nCALL-001,2026-05,城东支行,21,20\n"
    (finding,) = ingest(tmp_path, {"scorecards/a.csv": csv.encode("gbk")}).findings
    assert finding.message.startswith("通过 (column D): passed (21)")
    assert (finding.line, finding.column) == (2, 23)  # counted in characters, not GBK bytes


@pytest.mark.parametrize(
    ("sep", "cells", "value"),
    [
        (";", "WAIT-001;2026-05;;;;12,5", 12.5),  # ';' files come from decimal-comma locales
        (";", "WAIT-001;2026-05;;;;1.234,5", 1234.5),
        (";", "WAIT-001;2026-05;;;;12.5", 12.5),
        (",", 'WAIT-001,2026-05,,,,"1,234.5"', 1234.5),  # thousands separators
        (",", "WAIT-001,2026-05,,,,12.5", 12.5),
        ("\t", "WAIT-001\t2026-05\t\t\t\t12.5", 12.5),
    ],
)
def test_numbers_as_each_locale_writes_them(
    tmp_path: Path, sep: str, cells: str, value: float
) -> None:
    audits = ingest(tmp_path, {"scorecards/a.csv": f"{HEADER.replace(',', sep)}\n{cells}\n"})
    assert audits.findings == []
    assert audits.rows[0].value == value


def test_a_comma_in_a_number_is_not_read_as_thousands_unless_grouped(tmp_path: Path) -> None:
    csv = f'{HEADER}\nWAIT-001,2026-05,,,,"12,5",,\n'
    (finding,) = ingest(tmp_path, {"scorecards/a.csv": csv}).findings
    assert "'12,5' is not a number" in finding.message


def test_percent_sign_is_accepted(tmp_path: Path) -> None:
    audits = ingest(tmp_path, {"scorecards/a.csv": f"{HEADER}\nCALL-001,2026-05,,,,96.5%,,\n"})
    assert (audits.findings, audits.rows[0].value) == ([], 96.5)


def test_the_same_row_in_two_files_is_reported_and_counted_once(tmp_path: Path) -> None:
    row = "CALL-001,2026-05,城东支行,18,20,,,"
    audits = ingest(tmp_path, {
        "scorecards/a.csv": f"{HEADER}\n{row}\nCALL-001,2026-06,城东支行,18,20,,,\n",
        "scorecards/b/b.csv": f"{HEADER}\nCALL-001,2026-07,城东支行,18,20,,,\n{row}\n",
    })  # fmt: skip
    (finding,) = audits.findings
    assert (finding.file, finding.line, finding.rule) == ("scorecards/b/b.csv", 3, "AUDIT-R003")
    assert "the same row as scorecards/a.csv:2" in finding.message
    assert finding.suggestion is not None and "date or notes" in finding.suggestion
    assert sorted(r.period.label for r in audits.rows) == ["2026-05", "2026-06", "2026-07"]


def test_the_same_row_twice_in_one_file_is_reported(tmp_path: Path) -> None:
    row = "CALL-001,2026-05,城东支行,18,20,,,"
    (finding,) = ingest(tmp_path, {"scorecards/a.csv": f"{HEADER}\n{row}\n{row}\n"}).findings
    assert (finding.line, "scorecards/a.csv:2" in finding.message) == (3, True)


def test_two_visits_with_their_dates_are_not_duplicates(tmp_path: Path) -> None:
    csv = """
        standard,period,unit,passed,total,date
        CALL-001,2026-05,城东支行,10,10,2026-05-09
        CALL-001,2026-05,城东支行,10,10,2026-05-23
    """
    audits = ingest(tmp_path, {"scorecards/a.csv": csv})
    assert (audits.findings, len(audits.rows)) == ([], 2)


def test_a_period_spelled_differently_is_still_the_same_row(tmp_path: Path) -> None:
    audits = ingest(tmp_path, {
        "scorecards/a.csv": "standard,period,value\nNPS-001,2026-Q1,30\n",
        "scorecards/b.csv": "standard,period,value\nNPS-001,2026-q1,30\n",
    })  # fmt: skip
    assert [f.file for f in audits.findings] == ["scorecards/b.csv"]


def test_identical_survey_answers_are_respondents_not_duplicates(tmp_path: Path) -> None:
    csv = "standard,period,unit,response\n" + "NPS-001,2026-Q1,城东支行,9\n" * 3
    audits = ingest(tmp_path, {"scorecards/a.csv": csv})
    assert (audits.findings, len(audits.rows)) == ([], 3)


def test_a_respondent_id_makes_survey_answers_comparable(tmp_path: Path) -> None:
    csv = "standard,period,问卷编号,评分\nNPS-001,2026-Q1,Q-17,9\nNPS-001,2026-Q1,Q-17,9\n"
    (finding,) = ingest(tmp_path, {"scorecards/a.csv": csv}).findings
    assert finding.line == 3 and "the same row as" in finding.message


def test_a_file_copied_twice_is_one_finding_and_counted_once(tmp_path: Path) -> None:
    csv = "standard,period,unit,response\n" + "NPS-001,2026-Q1,城东支行,9\n" * 3
    audits = ingest(tmp_path, {"scorecards/a.csv": csv, "scorecards/copy/a.csv": csv})
    (finding,) = audits.findings
    assert (finding.file, finding.line) == ("scorecards/copy/a.csv", 2)
    assert "repeats scorecards/a.csv row for row" in finding.message
    assert len(audits.rows) == 3


def test_a_column_named_twice_is_a_file_finding(tmp_path: Path) -> None:
    csv = "standard,period,单位,网点,value\nCALL-001,2026-05,东,西,90\n"
    (finding,) = ingest(tmp_path, {"scorecards/a.csv": csv}).findings
    assert (finding.rule, finding.line) == ("AUDIT-F001", 1)
    assert "twice: unit" in finding.message


def test_survey_rows_in_both_raw_forms_are_accepted(tmp_path: Path) -> None:
    csv = """
        标准,周期,网点,评分,人数
        NPS-001,2026-Q1,城东支行,10,45
        NPS-001,2026-Q1,城东支行,3,
        CES-001,2026-05-17,客服中心,2,
    """
    audits = ingest(tmp_path, {"scorecards/a.csv": csv})
    assert audits.findings == []
    assert [(r.response, r.count) for r in audits.rows] == [(10, 45), (3, None), (2, None)]


# --- the quick path for ordinary rows, and keys that outlive one file ---------------------

CELLS = {
    "standard": ["CALL-001", "WAIT-001", "NPS-001", "CSAT-001", "CES-001", "CALL-01", ""],
    "period": ["2026-05", "2026-q1", "2026-W07", "2026-13", "", " 2026-06 "],
    "unit": ["", "城东支行", " 西 "],
    "number": ["", "0", "1", "9", "18", "20", "-3", "18.5", "1,234.5", "12,5", "96.5%", "x",
               "1e3", "nan", "inf", "１８", "007", "12345678901234567", " 12 "],
}  # fmt: skip
row_cells = st.tuples(
    st.sampled_from(CELLS["standard"]),
    st.sampled_from(CELLS["period"]),
    st.sampled_from(CELLS["unit"]),
    *[st.sampled_from(CELLS["number"]) for _ in range(5)],  # passed total value response count
    st.lists(st.sampled_from(["", " ", "x"]), max_size=2),  # cells beyond the header
)


def _as_csv(records: list[tuple[str | list[str], ...]], sep: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=sep, lineterminator="\n")
    writer.writerow(HEADER.split(","))
    for record in records:
        writer.writerow([c for cell in record for c in ([cell] if isinstance(cell, str) else cell)])
    return out.getvalue()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(row_cells, min_size=1, max_size=12), st.sampled_from([",", ";"]))
def test_the_quick_path_takes_only_what_the_careful_one_takes(
    records: list[tuple[str | list[str], ...]], sep: str
) -> None:
    """Every row, good or bad, gives the same AuditRow or the same findings whether or not
    the quick path for ordinary rows is used."""
    with tempfile.TemporaryDirectory() as tmp:
        files: dict[str, str | bytes] = {"scorecards/a.csv": _as_csv(records, sep)}
        quick = ingest(Path(tmp), files)
        with mock.patch.object(audits_module._RowReader, "quick", return_value=None):
            careful = ingest(Path(tmp), files)
    assert (quick.rows, quick.findings) == (careful.rows, careful.findings)


def test_a_row_is_the_same_whatever_the_columns_order_spelling_or_blanks(tmp_path: Path) -> None:
    audits = ingest(tmp_path, {
        "scorecards/a.csv": "standard,period,unit,passed,total\nCALL-001,2026-05,东,18,20\n",
        "scorecards/b.csv": "总数,通过,网点,周期,标准,备注\n20,18,东,2026-05,CALL-001,\n",
    })  # fmt: skip
    (finding,) = audits.findings
    assert (finding.file, finding.rule) == ("scorecards/b.csv", "AUDIT-R003")
    assert len(audits.rows) == 1


def test_a_copied_file_leaves_no_trace_for_later_files(tmp_path: Path) -> None:
    """b.csv reads a.csv's cells with its own delimiter, so it is a copy whose rows parse
    differently; they are not counted, and c.csv's same row is not a repeat of them."""
    audits = ingest(tmp_path, {
        "scorecards/a.csv": 'standard,period,value\nWAIT-001,2026-05,"12,5"\n',
        "scorecards/b.csv": "standard;period;value\nWAIT-001;2026-05;12,5\n",
        "scorecards/c.csv": "standard;period;value\nWAIT-001;2026-05;12,5\nWAIT-001;2026-06;13\n",
    })  # fmt: skip
    assert [(f.file, f.rule) for f in audits.findings] == [
        ("scorecards/a.csv", "AUDIT-R002"),  # '12,5' is not a number in a comma file
        ("scorecards/b.csv", "AUDIT-R003"),  # the copy
    ]
    assert [(r.file, r.line, r.value) for r in audits.rows] == [
        ("scorecards/c.csv", 2, 12.5), ("scorecards/c.csv", 3, 13.0)
    ]  # fmt: skip


def test_line_breaks_other_than_newlines_do_not_shift_line_numbers(tmp_path: Path) -> None:
    """A form feed or U+2028 inside a cell is no line break for a CSV reader."""
    csv_text = (
        f'{HEADER},notes\nCALL-001,2026-05,,18,20,,,,"a\u2028b\fc"\nCALL-001,2026-13,,1,2,,,,\n'
    )
    (finding,) = ingest(tmp_path, {"scorecards/a.csv": csv_text}).findings
    assert (finding.line, finding.column) == (3, 10)
