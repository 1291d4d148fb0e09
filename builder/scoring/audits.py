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
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from builder.model.finding import Finding
from builder.model.standard import Measure, Standard
from builder.project import Project
from builder.scoring import survey
from builder.scoring.csv_io import CsvError, CsvRow, Spot, Table, read_table
from builder.scoring.periods import Period, parse_period

PERIOD_FORMS = "YYYY, YYYY-Qn, YYYY-MM, YYYY-Www or YYYY-MM-DD"
PROPORTION_UNITS = ("percent", "csat")  # where passed/total (a percentage) is the measure
_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")  # 12,345.6: thousands separators


@dataclass(frozen=True)
class AuditRow:
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
    count: int | None = None  # respondents who gave `response`; None: one


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


def load_audits(project: Project, standards: Mapping[str, Standard]) -> Audits:
    audits = Audits()
    seen = _Seen()
    for path in audit_files(project):
        rel = project.relative(path)
        audits.files.append(rel)
        _load_file(path, rel, standards, audits, seen)
    return audits


@dataclass
class _Seen:
    """What earlier rows and files held, to report the same data given twice."""

    rows: dict[tuple[str, ...], str] = field(default_factory=dict)  # row key -> "file:line"
    files: dict[tuple[tuple[str, ...], ...], str] = field(default_factory=dict)


def _load_file(
    path: Path, rel: str, standards: Mapping[str, Standard], audits: Audits, seen: _Seen
) -> None:
    def fail(message: str, suggestion: str | None = None) -> None:
        audits.findings.append(Finding(rel, 1, 1, "AUDIT-F001", message, suggestion=suggestion))

    try:
        table = read_table(path.read_bytes())
    except OSError as exc:
        return fail(f"cannot read file: {exc.strerror or exc}")
    except CsvError as exc:
        return fail(str(exc))
    header_problem = _header_problem(table)
    if header_problem:
        return fail(*header_problem)
    if _repeats_a_file(table, rel, seen, audits.findings):
        return
    reader = _RowReader(rel, standards, decimal_comma=table.delimiter == ";")
    for row in table.rows:
        parsed = reader.parse(row)
        if parsed is not None and not _repeats_a_row(row, parsed, seen, audits.findings):
            audits.rows.append(parsed)
    audits.findings.extend(reader.findings)


def _header_problem(table: Table) -> tuple[str, str] | None:
    names = table.names
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


def _row_key(cells: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(f"{k}={v}" for k, v in sorted(cells.items()) if v)


def _repeats_a_file(table: Table, rel: str, seen: _Seen, findings: list[Finding]) -> bool:
    """A file copied twice (e.g. into two folders) is reported once, not row by row."""
    signature = tuple(_row_key(row.cells) for row in table.rows)
    if not signature:
        return False
    if signature in seen.files:
        findings.append(
            Finding(
                rel,
                table.rows[0].line,
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


def _repeats_a_row(row: CsvRow, parsed: AuditRow, seen: _Seen, findings: list[Finding]) -> bool:
    """The same result twice would be counted twice. Survey responses legitimately repeat
    (many respondents answer 9), so they are compared only when they carry a respondent id."""
    if parsed.response is not None and not row.cells.get("respondent"):
        return False
    key = _row_key(row.cells | {"period": parsed.period.label})  # 2026-q1 is 2026-Q1
    where = f"{parsed.file}:{parsed.line}"
    if key not in seen.rows:
        seen.rows[key] = where
        return False
    findings.append(
        Finding(
            parsed.file,
            row.line,
            1,
            "AUDIT-R003",
            f"the same row as {seen.rows[key]}; it is counted once",
            suggestion="delete the copy; if both are real checks, tell them apart in date or notes",
        )
    )
    return True


class _RowReader:
    """Parses rows of one file into AuditRows, collecting a finding per problem."""

    def __init__(self, rel: str, standards: Mapping[str, Standard], decimal_comma: bool) -> None:
        self.rel = rel
        self.standards = standards
        self.decimal_comma = decimal_comma  # ';'-separated files come from decimal-comma locales
        self.findings: list[Finding] = []
        self.row = CsvRow(0, {})
        self.ok = True

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
        period = parse_period(text)
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
