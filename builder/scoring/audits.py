"""Audit rows from every CSV under scorecards/, validated; every bad row becomes a finding.

A row takes one of three forms (scorecards/README.md):

- count form: `passed`, `total` — checks passed out of checks made (a percentage);
- value form: `value` in the standard's unit, `total` optionally the sample size;
- response form, for survey standards: `response` (one respondent's answer) and
  optionally `count` (how many respondents gave that answer; default 1).

Each problem is a finding at the offending cell (file, line, column, the header as the
auditor wrote it), saying what is wrong and how to fix it. A bad row is never scored and
never silently dropped; the good rows of the same file still count.
"""

from __future__ import annotations

import difflib
import hashlib
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from builder.model.finding import Finding
from builder.model.standard import Measure, Standard
from builder.project import Project
from builder.scoring import survey
from builder.scoring.csv_io import ALIASES, CsvError, CsvFile, CsvRow, Spot
from builder.scoring.gcpause import paused_gc
from builder.scoring.periods import Period, parse_period

PERIOD_FORMS = "YYYY, YYYY-Qn, YYYY-MM, YYYY-Www or YYYY-MM-DD"
PROPORTION_UNITS = ("percent", "csat")  # where passed/total (a percentage) is the measure
_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")  # 12,345.6: thousands separators


class AuditRow(NamedTuple):
    """One accepted row. A named tuple rather than a frozen dataclass: a million of them are
    made five times faster, and take less room."""

    standard: str
    period: Period
    unit: str | None
    passed: int | None
    total: int | None
    value: float | None
    method: str | None
    file: str
    line: int
    response: int | None = None  # a survey answer (response form)
    # Respondents who gave `response`; None: one. (The field hides tuple.count, unused here.)
    count: int | None = None  # type: ignore[assignment]


@dataclass
class Audits:
    rows: list[AuditRow] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def audit_files(project: Project) -> list[Path]:
    folder = project.scorecards_dir
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in (".csv", ".tsv"))


def _outside(project: Project, path: Path) -> Path | None:
    """Where a link leads when that is outside the project (or nowhere), else None."""
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return path
    root = project.root.resolve()
    return None if real.is_relative_to(root) and real.is_file() else real


def load_audits(project: Project, standards: Mapping[str, Standard]) -> Audits:
    audits = Audits()
    seen = _Seen()
    shared = _Shared(standards)
    with paused_gc():
        for path in audit_files(project):
            rel = project.relative(path)
            audits.files.append(rel)
            elsewhere = _outside(project, path)
            if elsewhere is not None:  # never read /etc/shadow or /dev/zero through a link
                message = f"links outside the project (to {elsewhere}); it is not read"
                audits.findings.append(Finding(rel, 1, 1, "AUDIT-F001", message))
                continue
            _load_file(path, rel, shared, audits, seen)
    return audits


@dataclass
class _Seen:
    """What earlier rows and files held, to report the same data given twice.

    Rows and files are remembered by a 128-bit digest of their key, not the key itself: a
    million keys would take hundreds of megabytes, their digests a tenth of that.
    """

    rows: dict[bytes, tuple[str, int]] = field(default_factory=dict)  # -> (file, line)
    files: dict[bytes, str] = field(default_factory=dict)


class _Shared:
    """What every file's rows look up, worked out once per load rather than once per row."""

    def __init__(self, standards: Mapping[str, Standard]) -> None:
        self.standards = standards
        self.periods: dict[str, Period | None] = {}  # cell text -> its period
        self.forms: dict[str, _Form] = {}
        self.strings: dict[str, str] = {}  # one copy of each unit and method name

    def period(self, text: str) -> Period | None:
        try:
            return self.periods[text]
        except KeyError:
            period = self.periods[text] = parse_period(text)
            return period

    def form(self, std: Standard) -> _Form:
        try:
            return self.forms[std.id]
        except KeyError:
            form = self.forms[std.id] = _Form.of(std.measure or Measure())
            return form

    def one(self, text: str) -> str | None:
        return self.strings.setdefault(text, text) if text else None


def _digest(key: str) -> bytes:
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _load_file(path: Path, rel: str, shared: _Shared, audits: Audits, seen: _Seen) -> None:
    """Read one file row by row. Its rows count only once the whole file is known not to
    repeat an earlier one (a copy is one finding, not one per row)."""

    def fail(message: str, suggestion: str | None = None) -> None:
        audits.findings.append(Finding(rel, 1, 1, "AUDIT-F001", message, suggestion=suggestion))

    try:
        csv_file = CsvFile(path.read_bytes())
    except OSError as exc:
        return fail(f"cannot read file: {exc.strerror or exc}")
    except CsvError as exc:
        return fail(str(exc))
    header_problem = _header_problem(csv_file.names)
    if header_problem:
        return fail(*header_problem)
    layout = _Layout(csv_file.names, any("\x1f" in line for line in csv_file.lines))
    reader = _RowReader(rel, shared, layout, decimal_comma=csv_file.delimiter == ";")
    taken = _Taken(rel, seen, layout)
    signature = hashlib.blake2b(digest_size=16)  # of every row's key, in file order
    first_line = 0
    for record, first, last in csv_file.records():
        first_line = first_line or first
        cells = layout.cells(record)
        row_key = _digest(layout.key(cells))
        signature.update(row_key)
        parsed = reader.quick(record, cells, first) or reader.parse(
            csv_file.row(record, first, last)
        )
        if parsed is not None:
            taken.take(parsed, cells, row_key)
    if not first_line:
        return
    if _repeats_a_file(signature.digest(), rel, first_line, seen, audits.findings):
        taken.forget()
        return
    audits.rows.extend(taken.rows)
    audits.findings.extend(taken.repeats)
    audits.findings.extend(reader.findings)


@dataclass
class _Taken:
    """One file's good rows, each counted unless it repeats an earlier row."""

    rel: str
    seen: _Seen
    layout: _Layout
    rows: list[AuditRow] = field(default_factory=list)
    repeats: list[Finding] = field(default_factory=list)
    added: list[bytes] = field(default_factory=list)  # row keys this file added to `seen`

    def take(self, parsed: AuditRow, cells: list[str], row_key: bytes) -> None:
        """Count `parsed`, whose key's digest is `row_key`, unless an earlier row was the same."""
        # Survey responses legitimately repeat (many respondents answer 9), so they are
        # compared only when they carry a respondent id.
        layout = self.layout
        if parsed.response is not None and not layout.cell(cells, "respondent"):
            self.rows.append(parsed)
            return
        if parsed.period.label != layout.cell(cells, "period"):  # 2026-q1 is 2026-Q1
            row_key = _digest(layout.key(cells, period=parsed.period.label))
        earlier = self.seen.rows.get(row_key)
        if earlier is not None:
            self.repeats.append(_repeated_row(parsed, earlier))
            return
        self.seen.rows[row_key] = (self.rel, parsed.line)
        self.added.append(row_key)
        self.rows.append(parsed)

    def forget(self) -> None:
        """The file is a copy: none of its rows count, so later rows repeat none of them."""
        for row_key in self.added:
            del self.seen.rows[row_key]


def _header_problem(names: list[str]) -> tuple[str, str] | None:
    doubled = sorted({n for n in names if names.count(n) > 1 and n})
    if doubled:
        return (
            f"header names column(s) twice: {', '.join(doubled)}",
            "keep one column for each; 单位 and 网点, for example, both mean unit",
        )
    missing = [c for c in ("standard", "period") if c not in names]
    if not ("value" in names or "response" in names or {"passed", "total"} <= set(names)):
        missing.append("value (or passed and total, or response)")
    if missing:
        return (
            f"header lacks column(s): {', '.join(missing)}",
            "the header row needs standard, period, and value, passed and total, or response",
        )
    return None


KEY_COLUMNS = tuple(ALIASES)  # the known columns, in the one order of every row's key


class _Layout:
    """Where each column sits in one file's records, and a row's key.

    The key holds a row's non-blank cells with their columns, so that the same row reads
    the same in files whose columns differ in order, in spelling (通过 is passed) or in
    blank ones: the known columns' cells in one fixed order (an absent one reads as blank),
    then the other columns' non-blank cells by name.
    """

    SEP = "\x1f\x1f"  # between cells; a \x1f inside a cell is written \x1f\x1e

    def __init__(self, names: list[str], has_sep: bool) -> None:
        self.width = len(names)
        self.index = {name: i for i, name in enumerate(names)}  # a repeated name: the last
        absent = self.width  # `cells` ends with a blank cell that every absent column reads
        self._known = itemgetter(*(self.index.get(c, absent) for c in KEY_COLUMNS))
        self._others = sorted((n, i) for n, i in self.index.items() if n not in ALIASES)
        self._period = KEY_COLUMNS.index("period")
        self.has_sep = has_sep

    def position(self, name: str) -> int:
        """The index of column `name` in `cells`' lists (an absent column: the blank)."""
        return self.index.get(name, self.width)

    def cells(self, record: list[str]) -> list[str]:
        """The record's stripped cells, one per column, then one blank for absent columns."""
        cells = list(map(str.strip, record[: self.width]))
        cells.extend([""] * (self.width + 1 - len(cells)))  # short rows: blank to the end
        return cells

    def cell(self, cells: list[str], name: str) -> str:
        return cells[self.position(name)]

    def key(self, cells: list[str], period: str | None = None) -> str:
        parts: list[str] = list(self._known(cells))
        if period is not None:
            parts[self._period] = period
        parts += [f"{name}={cells[i]}" for name, i in self._others if cells[i]]
        if self.has_sep:
            parts = [part.replace("\x1f", "\x1f\x1e") for part in parts]
        return self.SEP.join(parts)


def _repeats_a_file(
    signature: bytes, rel: str, first_line: int, seen: _Seen, findings: list[Finding]
) -> bool:
    """A file copied twice (e.g. into two folders) is reported once, not row by row."""
    if signature in seen.files:
        findings.append(
            Finding(
                rel,
                first_line,
                1,
                "AUDIT-R003",
                f"this file repeats {seen.files[signature]} row for row; none of its rows are "
                "counted",
                suggestion="delete one of the two files",
            )
        )
        return True
    seen.files[signature] = rel
    return False


def _repeated_row(parsed: AuditRow, earlier: tuple[str, int]) -> Finding:
    """The same result twice would be counted twice: the copy is reported, not counted."""
    return Finding(
        parsed.file,
        parsed.line,
        1,
        "AUDIT-R003",
        f"the same row as {earlier[0]}:{earlier[1]}; it is counted once",
        suggestion="delete the copy; if both are real checks, tell them apart in date or notes",
    )


@dataclass(frozen=True)
class _Form:
    """What a standard's rows may hold, from its measure (see `_RowReader._check_form`)."""

    counts: bool  # passed/total allowed: a percentage
    low: float | None  # the range of a value
    high: float | None
    responses: tuple[int, int] | None  # the range of a survey answer; None: no survey

    @classmethod
    def of(cls, m: Measure) -> _Form:
        low, high = survey.value_range(m)
        answers = survey.response_range(m) if m.unit in survey.SURVEY_UNITS else None
        return cls(m.unit is None or m.unit in PROPORTION_UNITS, low, high, answers)

    def takes_value(self, value: float) -> bool:
        return (self.low is None or value >= self.low) and (
            self.high is None or self.low is None or value <= self.high
        )


class _Columns(NamedTuple):
    """Where the cells `_RowReader.quick` reads sit in a file's rows."""

    standard: int
    period: int
    unit: int
    passed: int
    total: int
    value: int
    response: int
    count: int  # type: ignore[assignment]  # hides tuple.count, unused here
    method: int


class _Unusual(Exception):
    """A cell the quick path leaves to the careful one."""


# Invisible control characters (tab, line breaks aside): they would break SVG and exports.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_COUNT = 2**53


def _plain_whole(text: str) -> int | None:
    """A blank cell, or digits only: the quick path's whole numbers (fewer than 16 digits,
    which a float holds exactly, as the careful path reads them)."""
    if not text:
        return None
    if text.isdecimal() and len(text) < 16:
        return int(text)
    raise _Unusual


def _plain_number(text: str) -> float | None:
    """A blank cell, or a finite number written without separators or a percent sign."""
    if not text:
        return None
    if "," in text or "%" in text:
        raise _Unusual
    try:
        number = float(text)
    except ValueError:
        raise _Unusual from None
    if not math.isfinite(number):
        raise _Unusual
    return number


class _RowReader:
    """Parses rows of one file into AuditRows, collecting a finding per problem.

    `quick` takes the common well-formed rows at a few dictionary look-ups each; anything
    else goes through `parse`, which finds and locates every problem in a row.
    """

    def __init__(self, rel: str, shared: _Shared, layout: _Layout, decimal_comma: bool) -> None:
        self.rel = rel
        self.shared = shared
        self.standards = shared.standards
        self.decimal_comma = decimal_comma  # ';'-separated files come from decimal-comma locales
        self.width = layout.width
        self.at = _Columns(*(layout.position(name) for name in _Columns._fields))
        self.findings: list[Finding] = []
        self.row = CsvRow(0, {})
        self.ok = True

    def quick(self, record: list[str], cells: list[str], line: int) -> AuditRow | None:
        """The row, if it is an ordinary good one; None leaves it to `parse`.

        Takes only rows `parse` takes without a finding, and makes the same AuditRow.
        """
        at, shared = self.at, self.shared
        std = self.standards.get(cells[at.standard])
        period = shared.period(cells[at.period])
        if std is None or period is None:
            return None
        if len(record) != self.width and not self._only_blank_beyond(record):
            return None
        try:
            passed, total = _plain_whole(cells[at.passed]), _plain_whole(cells[at.total])
            response, count = _plain_whole(cells[at.response]), _plain_whole(cells[at.count])
            value = _plain_number(cells[at.value])
        except _Unusual:
            return None
        if not self._fits(shared.form(std), passed, total, value, response, count):
            return None
        unit, method = shared.one(cells[at.unit]), shared.one(cells[at.method])
        if _CONTROL.search(unit or "") or _CONTROL.search(method or ""):
            return None
        return AuditRow(std.id, period, unit, passed, total, value, method, self.rel, line,
                        response, count)  # fmt: skip

    def _only_blank_beyond(self, record: list[str]) -> bool:
        """Cells past the header's last column are only white space (trailing delimiters)."""
        return len(record) > self.width and not "".join(record[self.width :]).strip()

    @staticmethod
    def _fits(
        form: _Form,
        passed: int | None,
        total: int | None,
        value: float | None,
        response: int | None,
        count: int | None,
    ) -> bool:
        """The row is one form, and sound for its standard (`_check_form`, without findings)."""
        if response is not None:
            low, high = form.responses or (1, 0)
            return passed is None and value is None and low <= response <= high
        if count is not None:
            return False
        if value is not None:
            return passed is None and form.takes_value(value)
        return passed is not None and total is not None and 0 < total >= passed and form.counts

    def fail(self, column: str, code: str, message: str, hint: str | None = None) -> None:
        self.fail_at(self.row.spot(column), code, message, hint, self.row.cells.get(column))

    def fail_at(
        self, spot: Spot, code: str, message: str, hint: str | None, text: str | None
    ) -> None:
        self.findings.append(
            Finding(
                self.rel,
                spot.line,
                spot.column,
                code,
                f"{spot.label}: {message}",
                text=text or None,
                suggestion=hint,
            )
        )
        self.ok = False

    def parse(self, row: CsvRow) -> AuditRow | None:
        self.row, self.ok = row, True
        if row.unclosed is not None:
            message = (f"the quote opened here is never closed; lines {row.line}–"
                       f"{row.last_line} are read as one cell")  # fmt: skip
            hint = "close the quote, or delete it: the rows after it were not read"
            spot = row.spot(row.unclosed)
            self.fail_at(spot, "AUDIT-R002", message, hint, None)
            for line in range(row.line + 1, row.last_line + 1):  # each swallowed line, named
                inside = f"this line was read into the unclosed quote of line {row.line}"
                self.fail_at(Spot(line, 1, spot.label), "AUDIT-R002", inside, hint, None)
            return None
        std = self._standard()
        if std is None:
            return None
        if row.extra and row.extra_spot:
            self.fail_at(
                row.extra_spot,
                "AUDIT-R002",
                f"the row has {len(row.extra)} cell(s) more than the header",
                "a delimiter inside a number or text split a cell: quote the text, and "
                "write numbers without thousands separators",
                row.extra[0],
            )
            return None
        for column in ("unit", "method"):
            found = _CONTROL.search(self.row.cells.get(column, ""))
            if found:
                self.fail(column, "AUDIT-R002",
                          f"a control character (U+{ord(found.group()):04X}) in the cell",
                          "delete the invisible character (it breaks charts)")  # fmt: skip
        period = self._period()
        passed, total = self._whole("passed"), self._whole("total")
        count, response = self._whole("count"), self._whole("response", negative_ok=True)
        value = self._value()
        if self.ok:
            self._check_form(std, passed, total, value, response)
        if not self.ok or period is None:
            return None
        return AuditRow(
            std.id,
            period,
            row.cells.get("unit") or None,
            passed,
            total,
            value,
            row.cells.get("method") or None,
            self.rel,
            row.line,
            response,
            count,
        )

    # --- cells --------------------------------------------------------------------------

    def _standard(self) -> Standard | None:
        sid = self.row.cells.get("standard", "")
        if sid in self.standards:
            return self.standards[sid]
        if not sid:
            self.fail(
                "standard",
                "AUDIT-R001",
                "standard is blank",
                "write the id of the standard this result is for",
            )
            return None
        close = difflib.get_close_matches(sid, list(self.standards), n=1)
        hint = f"did you mean {close[0]!r}?" if close else "use the id of an existing standard"
        self.fail("standard", "AUDIT-R001", f"unknown standard {sid!r}", hint)
        return None

    def _period(self) -> Period | None:
        text = self.row.cells.get("period", "")
        period = self.shared.period(text)
        if period is None:
            self.fail(
                "period",
                "AUDIT-R002",
                f"{text!r} is not a period",
                f"write {PERIOD_FORMS}, e.g. 2026-05 or 2026-Q2",
            )
            return None
        return period

    def _number(self, column: str) -> float | None:
        """A cell as a finite number, or None (blank, or a reported problem)."""
        text = self.row.cells.get(column, "").strip().rstrip("%").strip()
        if text == "":
            return None
        if self.decimal_comma and "," in text:
            text = text.replace(".", "").replace(",", ".")
        elif "," in text and _GROUPED.match(text):
            text = text.replace(",", "")
        try:
            number = float(text)
        except ValueError:
            self.fail(
                column,
                "AUDIT-R002",
                f"{self.row.cells[column]!r} is not a number",
                "write a plain number such as 18 or 92.5",
            )
            return None
        if not math.isfinite(number):
            self.fail(column, "AUDIT-R002", f"{self.row.cells[column]!r} is not a finite number")
            return None
        return number

    def _whole(self, column: str, *, negative_ok: bool = False) -> int | None:
        number = self._number(column)
        if number is None:
            return None
        if number < 0 and not negative_ok:
            self.fail(column, "AUDIT-R002", f"{number:g} is negative", "counts are 0 or more")
            return None
        if not number.is_integer():
            self.fail(
                column,
                "AUDIT-R002",
                f"{number:g} is not a whole number",
                "counts and survey answers are whole numbers",
            )
            return None
        if abs(number) >= MAX_COUNT:  # a float holds whole numbers exactly only up to 2**53
            text = self.row.cells[column].strip()
            self.fail(column, "AUDIT-R002", f"{text} is too large for a count",
                      "check the export: no audit counts that many cases")  # fmt: skip
            return None
        return int(number)

    def _value(self) -> float | None:
        return self._number("value")

    # --- the row as a whole -------------------------------------------------------------

    def _check_form(
        self,
        std: Standard,
        passed: int | None,
        total: int | None,
        value: float | None,
        response: int | None,
    ) -> None:
        m = std.measure or Measure()
        if response is not None:
            self._check_response(std, m, response, passed, value)
        elif self.row.cells.get("count"):
            self.fail(
                "count",
                "AUDIT-R002",
                "count is the number of respondents who gave the "
                "row's response, but the row has no response",
                "fill response, or move the number to total",
            )
        elif value is not None:
            self._check_value(std, m, value, passed)
        elif passed is None and total is None:
            self.fail(
                "value" if "value" in self.row.cells else "passed",
                "AUDIT-R002",
                "the row has no result",
                "fill passed and total, or value"
                + (", or response" if m.unit in survey.SURVEY_UNITS else ""),
            )
        elif passed is None or total is None:
            column = "total" if passed is not None else "passed"
            self.fail(
                column, "AUDIT-R002", f"{column} is blank", "give both passed and total, or a value"
            )
        else:
            self._check_counts(std, m, passed, total)

    def _check_response(
        self, std: Standard, m: Measure, response: int, passed: int | None, value: float | None
    ) -> None:
        if passed is not None or value is not None:
            self.fail(
                "response",
                "AUDIT-R002",
                "the row gives a response and also "
                + ("a value" if value is not None else "passed/total"),
                "one row is one form: a response, a value, or passed and total",
            )
            return
        unit = (m.unit or "").upper()
        if m.unit not in survey.SURVEY_UNITS:
            self.fail(
                "response",
                "AUDIT-R002",
                f"survey responses need an nps, csat or ces standard; {std.id} is "
                f"measured in {m.unit or 'no unit'}",
                f"give {std.id}'s result in value, or passed and total",
            )
            return
        low, high = survey.response_range(m)
        if not low <= response <= high:
            self.fail(
                "response",
                "AUDIT-R002",
                f"{response} is outside {low}–{high}, the {unit} scale of {std.id}",
                f"answers run from {low} to {high}; a pre-computed {unit} "
                "belongs in the value column",
            )

    def _check_value(self, std: Standard, m: Measure, value: float, passed: int | None) -> None:
        if passed is not None:
            self.fail(
                "value",
                "AUDIT-R002",
                "the row gives both passed and a value",
                "keep passed and total, or value (total may then hold the sample size)",
            )
            return
        low, high = survey.value_range(m)
        unit = m.unit or ""
        if low is not None and high is not None and not low <= value <= high:
            hint = "write 96 for 96%" if unit in PROPORTION_UNITS else "check the unit and scale"
            self.fail("value", "AUDIT-R004", f"{value:g} is outside {low:g}–{high:g}, the range "
                      f"of {unit} ({std.id})", hint)  # fmt: skip
        elif low is not None and value < low:
            self.fail("value", "AUDIT-R004", f"{value:g} is below {low:g}, impossible in {unit} "
                      f"({std.id})", "write the measured value")  # fmt: skip

    def _check_counts(self, std: Standard, m: Measure, passed: int, total: int) -> None:
        if passed > total:
            self.fail(
                "passed",
                "AUDIT-R002",
                f"passed ({passed}) is greater than total ({total})",
                "passed counts the checks that met the standard, out of total checks",
            )
        elif total == 0:
            self.fail(
                "total",
                "AUDIT-R002",
                "total is 0: nothing was checked",
                "leave the row out, or record the checks made",
            )
        elif m.unit is not None and m.unit not in PROPORTION_UNITS:
            self.fail(
                "passed",
                "AUDIT-R002",
                f"passed/total give a percentage, but {std.id} is measured in {m.unit}",
                f"put the measured {m.unit} in value (total may hold the sample size)",
            )
