"""Read audit CSVs as spreadsheet tools export them: any common encoding and delimiter.

Bytes become text once, here. A BOM decides first (UTF-8, UTF-16); then strict UTF-8;
then GB18030 (a superset of GBK, what Excel on Chinese Windows writes); only then does
charset-normalizer guess.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from charset_normalizer import from_bytes

# Canonical column -> accepted header spellings (compared case-insensitively).
ALIASES: dict[str, tuple[str, ...]] = {
    "standard": ("standard", "standard_id", "id", "标准", "标准编号"),
    "period": ("period", "周期", "期间", "月份"),
    "unit": ("unit", "branch", "单位", "网点", "部门"),
    "passed": ("passed", "pass", "通过", "合格", "达标数"),
    "total": ("total", "checks", "总数", "检查数", "样本数"),
    "value": ("value", "数值", "结果", "实际值"),
    "method": ("method", "方法", "检查方式"),
    "auditor": ("auditor", "检查人", "稽核人"),
    "date": ("date", "日期", "检查日期"),
    "notes": ("notes", "note", "备注", "说明"),
}
_LOOKUP = {alias.casefold(): name for name, aliases in ALIASES.items() for alias in aliases}


class CsvError(Exception):
    """The file as a whole cannot be used (encoding, header)."""


@dataclass(frozen=True)
class CsvRow:
    line: int  # 1-based line of the row in the file
    cells: dict[str, str]  # canonical column -> stripped cell text


def decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    for codec in ("utf-8", "gb18030"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    best = from_bytes(data).best()
    if best is None:
        raise CsvError("cannot tell the file's text encoding; save it as UTF-8 CSV")
    return str(best)


def _dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        return csv.excel


def read_rows(data: bytes) -> tuple[list[str], list[CsvRow]]:
    """Canonical header names and the data rows. Unknown columns are kept under their name."""
    text = decode(data)
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(first_line))
    try:
        header = next(reader)
    except StopIteration:
        raise CsvError("file is empty; it needs a header row") from None
    names = [_LOOKUP.get(h.strip().casefold(), h.strip().casefold()) for h in header]
    rows = []
    for record in reader:
        if not any(cell.strip() for cell in record):
            continue
        cells = {name: cell.strip() for name, cell in zip(names, record, strict=False)}
        rows.append(CsvRow(reader.line_num, cells))
    return names, rows
