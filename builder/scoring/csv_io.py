"""Read audit CSVs as spreadsheet tools export them: any common encoding and delimiter.

Bytes become text once, here. A BOM decides first (UTF-8, UTF-16); then UTF-16 without a
BOM (NUL bytes in every other position); then strict UTF-8; then GB18030 (a superset of
GBK, what Excel on Chinese Windows writes); only then does charset-normalizer guess.

Every cell keeps where it was written (line, column and the header as the auditor typed
it), so that a problem in a row can point at the exact cell.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from charset_normalizer import from_bytes

# Canonical column -> accepted header spellings (compared case-insensitively).
ALIASES: dict[str, tuple[str, ...]] = {
    "standard": ("standard", "standard_id", "id", "标准", "标准编号"),
    "period": ("period", "周期", "期间", "月份"),
    "unit": ("unit", "branch", "单位", "网点", "部门"),
    "passed": ("passed", "pass", "通过", "合格", "达标数"),
    "total": ("total", "checks", "总数", "检查数", "样本数"),
    "value": ("value", "数值", "结果", "实际值"),
    "response": ("response", "rating", "评分", "打分"),
    "count": ("count", "respondents", "人数", "份数"),
    "respondent": ("respondent", "respondent_id", "受访者", "问卷编号"),
    "method": ("method", "方法", "检查方式"),
    "auditor": ("auditor", "检查人", "稽核人"),
    "date": ("date", "日期", "检查日期"),
    "notes": ("notes", "note", "备注", "说明"),
}
_LOOKUP = {alias.casefold(): name for name, aliases in ALIASES.items() for alias in aliases}
DELIMITERS = (",", ";", "\t")  # in order of preference when the header is ambiguous
_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
_OTHER_BREAKS = re.compile("[\v\f\x1c\x1d\x1e\x85\u2028\u2029]")  # str.splitlines breaks there


class CsvError(Exception):
    """The file as a whole cannot be used (encoding, header)."""


@dataclass(frozen=True)
class Spot:
    """Where a cell is: 1-based line and column in the file, and its header as written."""

    line: int
    column: int
    label: str  # e.g. "通过 (column D)"


@dataclass(frozen=True)
class CsvRow:
    line: int  # 1-based line where the row starts
    cells: dict[str, str]  # canonical column -> stripped cell text
    spots: Mapping[str, Spot] = field(default_factory=dict)  # canonical column -> its cell
    extra: tuple[str, ...] = ()  # non-blank cells beyond the header's last column
    extra_spot: Spot | None = None  # where the first of them is
    last_line: int = 0  # where the row ends (a quoted cell may hold line breaks)
    unclosed: str | None = None  # the column whose quote is never closed (it ate the rest)

    def spot(self, column: str) -> Spot:
        """The cell of `column`, or the row's start when the row has no such cell."""
        return self.spots.get(column, Spot(self.line, 1, column))


def decode(data: bytes) -> str:
    try:
        if data.startswith(b"\xef\xbb\xbf"):
            return data[3:].decode("utf-8")
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise CsvError(f"the file has a byte-order mark but is not valid text after it "
                       f"(byte {exc.start}); save it again as UTF-8 CSV") from None  # fmt: skip
    bomless = _bomless_utf16(data)
    if bomless:
        try:
            return data.decode(bomless)
        except UnicodeDecodeError:
            pass  # NULs, but not UTF-16 after all: try the other readings
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


def _is_utf8_text(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM. UTF-8 and GB18030 text holds no NUL bytes; UTF-16 puts one in
    every ASCII character (delimiters, digits), on the odd bytes (LE) or the even ones (BE)."""
    head = data[:400]
    if len(data) % 2 or 0 not in head:
        return None
    odd, even = head[1::2].count(0), head[0::2].count(0)
    if max(odd, even) < len(head) // 4 and _is_utf8_text(data):
        return None  # a stray NUL in UTF-8 text, not an ASCII byte paired with a NUL
    return "utf-16-le" if odd >= even else "utf-16-be"


def _delimiter(header: str) -> str:
    """The header's most frequent of , ; and tab. Everything else stays Excel's dialect
    (a sniffer guesses quoting from the header alone, and misreads Excel's doubled quotes)."""
    return max(DELIMITERS, key=header.count)


def column_letter(index: int) -> str:
    """Spreadsheet column name of a 0-based index: A … Z, AA …"""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def read_rows(data: bytes) -> tuple[list[str], list[CsvRow]]:
    """Canonical header names and the data rows. Unknown columns are kept under their name."""
    table = read_table(data)
    return table.names, table.rows


@dataclass(frozen=True)
class Table:
    names: list[str]  # canonical column names, in file order
    headers: list[str]  # the header cells as written
    rows: list[CsvRow]
    delimiter: str


def read_table(data: bytes) -> Table:
    """The whole file, every row with its cells located (small files; see CsvFile)."""
    f = CsvFile(data)
    rows = [f.row(record, first, last) for record, first, last in f.records()]
    return Table(f.names, f.headers, rows, f.delimiter)


class CsvFile:
    """One decoded file: its header, then its records one at a time.

    Large exports hold hundreds of thousands of rows, and almost every row is fine: a
    record is a plain list of cells, and where each cell sits is worked out only for a
    row that has a problem (`row`, `spots`).
    """

    def __init__(self, data: bytes) -> None:
        text = decode(data)
        # The lines exactly as the csv module counts them (\n, \r\n or \r): str.splitlines
        # also breaks at form feeds and the like, so it serves only text without any.
        self.lines = _LINES.findall(text) if _OTHER_BREAKS.search(text) else text.splitlines(True)
        self.delimiter = _delimiter(self.lines[0] if self.lines else "")
        self._reader = csv.reader(self.lines, delimiter=self.delimiter)
        try:
            header = next(self._reader)
        except StopIteration:
            raise CsvError("file is empty; it needs a header row") from None
        self.headers = [h.strip() for h in header]
        self.names = [_LOOKUP.get(h.casefold(), h.casefold()) for h in self.headers]
        self.labels = [f"{h or name} (column {column_letter(i)})" for i, (h, name) in
                       enumerate(zip(self.headers, self.names, strict=True))]  # fmt: skip

    def records(self) -> Iterator[tuple[list[str], int, int]]:
        """Each non-blank record (cells unstripped) with its first and last line, 1-based."""
        reader = self._reader
        start = reader.line_num + 1
        for record in reader:
            first, start = start, reader.line_num + 1
            if "".join(record).strip():  # some cell holds more than white space
                yield record, first, reader.line_num

    def row(self, record: list[str], first: int, last: int) -> CsvRow:
        """A record as a CsvRow: stripped cells by column name, each with its spot."""
        names = self.names
        raw = "".join(self.lines[first - 1 : last])
        spots = _spots(raw, first, self.delimiter, self.labels)
        cells = {name: cell.strip() for name, cell in zip(names, record, strict=False)}
        extra = [(c.strip(), i) for i, c in enumerate(record) if i >= len(names) and c.strip()]
        extra_spot = _spot_of_extra(raw, first, self.delimiter, extra[0][1]) if extra else None
        named = dict(zip(names, spots, strict=False))
        unclosed = None
        if last == len(self.lines) and last > first and raw.count('"') % 2:
            # an odd quote that runs to the end of the file swallowed every line after it
            unclosed = next((n for n, c in zip(names, record, strict=False) if "\n" in c
                             or "\r" in c), None)  # fmt: skip
        extra_cells = tuple(c for c, _ in extra)
        return CsvRow(first, cells, named, extra_cells, extra_spot, last, unclosed)


def _spots(raw: str, first_line: int, delimiter: str, labels: list[str]) -> list[Spot]:
    """Line and column of each cell's first character in a record's raw text."""
    starts, quoted = [0], False
    for i, ch in enumerate(raw):
        if ch == '"':
            quoted = not quoted  # a doubled quote toggles twice: no net change
        elif ch == delimiter and not quoted:
            starts.append(i + 1)
    spots = []
    for start, label in zip(starts, labels, strict=False):
        while start < len(raw) and raw[start] in ' "':
            start += 1
        line = first_line + raw.count("\n", 0, start)
        column = start - raw.rfind("\n", 0, start)
        spots.append(Spot(line, column, label))
    return spots


def _spot_of_extra(raw: str, first_line: int, delimiter: str, index: int) -> Spot:
    """Where the cell at `index`, beyond the header's columns, starts."""
    labels = [f"cell beyond the header (column {column_letter(i)})" for i in range(index + 1)]
    return _spots(raw, first_line, delimiter, labels)[index]


def csv_safe(value: object) -> object:
    """Neutralise cells a spreadsheet would run as a formula (=, +, -, @, tab, CR)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value
