"""Audit CSVs as spreadsheet tools export them: every encoding and delimiter we promise."""

from __future__ import annotations

import pytest

from builder.scoring.csv_io import CsvError, read_rows

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
