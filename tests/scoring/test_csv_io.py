"""Audit CSVs as spreadsheet tools export them: every encoding and delimiter we promise."""

from __future__ import annotations

import pytest

from builder.scoring.csv_io import CsvError, Spot, column_letter, read_rows, read_table

CSV = "standard,period,unit,passed,total\nCALL-001,2026-05,城东支行,18,20\n"


@pytest.mark.parametrize(
    "data",
    [
        CSV.encode("utf-8"),
        CSV.encode("utf-8-sig"),
        CSV.encode("gb18030"),
        CSV.encode("gbk"),
        CSV.encode("utf-16"),  # with BOM, as Excel's "Unicode text" writes it
    ],
    ids=["utf-8", "utf-8-bom", "gb18030", "gbk", "utf-16"],
)
def test_every_promised_encoding_reads_the_same(data: bytes) -> None:
    names, (row,) = read_rows(data)
    assert names == ["standard", "period", "unit", "passed", "total"]
    assert row.cells["unit"] == "城东支行"
    assert row.line == 2


@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_delimiter_is_detected(sep: str) -> None:
    data = CSV.replace(",", sep).encode()
    _, (row,) = read_rows(data)
    assert row.cells["passed"] == "18"


def test_chinese_and_mixed_case_headers_are_aliases() -> None:
    data = "标准,周期,网点,数值\nCALL-001,2026-05,城东支行,12.5\n".encode()
    names, (row,) = read_rows(data)
    assert names == ["standard", "period", "unit", "value"]
    assert row.cells["value"] == "12.5"
    assert read_rows(b"Standard,PERIOD,Value\nA,2026,1\n")[0] == ["standard", "period", "value"]


def test_blank_lines_are_skipped_and_lines_counted() -> None:
    _, rows = read_rows(b"standard,period,value\n\nA,2026,1\n\nB,2026,2\n")
    assert [(r.line, r.cells["standard"]) for r in rows] == [(3, "A"), (5, "B")]


def test_empty_file_is_an_error() -> None:
    with pytest.raises(CsvError):
        read_rows(b"")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("unit", ["城东支行", "一号网点"])  # 一 is U+4E00: a NUL byte of its own
def test_utf16_without_a_bom_is_recognised(codec: str, unit: str) -> None:
    names, (row,) = read_rows(CSV.replace("城东支行", unit).encode(codec))
    assert names[0] == "standard" and row.cells["unit"] == unit


def test_excel_unicode_text_is_utf16_with_tabs() -> None:
    """Excel's "Unicode Text (*.txt)" export: UTF-16 LE with a BOM, tab-separated."""
    data = CSV.replace(",", "\t").replace("\n", "\r\n").encode("utf-16")
    _, (row,) = read_rows(data)
    assert (row.cells["unit"], row.cells["total"]) == ("城东支行", "20")


def test_semicolons_with_chinese_headers() -> None:
    data = (
        "标准;周期;单位;通过;总数;方法;检查人;日期;备注\n"
        "A;2026-05;城东支行;18;20;暗访;王静;2026-05-09;第1次\n"
    )
    names, (row,) = read_rows(data.encode("gb18030"))
    assert names == ["standard", "period", "unit", "passed", "total", "method", "auditor",
                     "date", "notes"]  # fmt: skip
    assert (row.cells["auditor"], row.cells["notes"]) == ("王静", "第1次")


def test_each_cell_knows_its_line_column_and_header() -> None:
    data = 'standard,period,通过,total\nA,2026-05,18,20\nB,2026-05,"a ""quoted""\ncell",x\n'
    table = read_table(data.encode())
    first, second = table.rows
    assert first.spot("passed") == Spot(2, 11, "通过 (column C)")
    assert second.line == 3
    assert second.spot("total") == Spot(4, 7, "total (column D)")  # after a multi-line cell


def test_cells_beyond_the_header_are_kept_apart() -> None:
    (row,) = read_table(b"standard,period,value\nA,2026-05,1,234\n").rows
    assert (row.cells["value"], row.extra) == ("1", ("234",))


def test_trailing_empty_cells_are_not_extra() -> None:
    (row,) = read_table(b"standard,period,value\nA,2026-05,1,,\n").rows
    assert row.extra == ()


@pytest.mark.parametrize(("index", "letter"), [(0, "A"), (25, "Z"), (26, "AA"), (27, "AB")])
def test_column_letters_match_spreadsheets(index: int, letter: str) -> None:
    assert column_letter(index) == letter
