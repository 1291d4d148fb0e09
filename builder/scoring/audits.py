"""Audit rows from every CSV under scorecards/, validated; every bad row becomes a finding."""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from builder.model.finding import Finding
from builder.model.standard import Standard
from builder.project import Project
from builder.scoring.csv_io import CsvError, CsvRow, read_rows
from builder.scoring.periods import Period, parse_period


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
    for path in audit_files(project):
        rel = project.relative(path)
        audits.files.append(rel)
        _load_file(path, rel, standards, audits)
    return audits


def _load_file(path: Path, rel: str, standards: Mapping[str, Standard], audits: Audits) -> None:
    def fail(message: str, suggestion: str | None = None) -> None:
        audits.findings.append(Finding(rel, 1, 1, "AUDIT-F001", message, suggestion=suggestion))

    try:
        names, rows = read_rows(path.read_bytes())
    except OSError as exc:
        return fail(f"cannot read file: {exc.strerror or exc}")
    except CsvError as exc:
        return fail(str(exc))
    missing = [c for c in ("standard", "period") if c not in names]
    if not ("value" in names or {"passed", "total"} <= set(names)):
        missing.append("value (or passed and total)")
    if missing:
        return fail(
            f"header lacks column(s): {', '.join(missing)}",
            "the header row needs standard, period, and value or passed,total",
        )
    for row in rows:
        parsed = _parse_row(row, rel, standards, audits.findings)
        if parsed is not None:
            audits.rows.append(parsed)


def _row_problem(rel: str, row: CsvRow, code: str, message: str, hint: str | None) -> Finding:
    return Finding(rel, row.line, 1, code, message, suggestion=hint)


def _parse_row(
    row: CsvRow, rel: str, standards: Mapping[str, Standard], findings: list[Finding]
) -> AuditRow | None:
    sid = row.cells.get("standard", "")
    if sid not in standards:
        close = difflib.get_close_matches(sid, list(standards), n=1)
        hint = f"did you mean {close[0]!r}?" if close else "use the id of an existing standard"
        findings.append(_row_problem(rel, row, "AUDIT-R001", f"unknown standard {sid!r}", hint))
        return None
    problems: list[str] = []
    period = parse_period(row.cells.get("period", ""))
    if period is None:
        problems.append(f"period {row.cells.get('period', '')!r} is not YYYY, YYYY-Qn, "
                        "YYYY-MM, YYYY-Www or YYYY-MM-DD")  # fmt: skip
    passed = _count(row, "passed", problems)
    total = _count(row, "total", problems)
    value = _value(row, problems)
    if passed is not None and total is not None and passed > total:
        problems.append(f"passed ({passed}) is greater than total ({total})")
    if (passed is None) != (total is None) and value is None:
        problems.append("give both passed and total, or a value")
    if passed is None and total is None and value is None:
        problems.append("row has neither passed/total nor value")
    if total == 0 and value is None:
        problems.append("total is 0: nothing was checked")
    if problems or period is None:
        findings.append(_row_problem(rel, row, "AUDIT-R002", "; ".join(problems), None))
        return None
    unit = row.cells.get("unit") or None
    method = row.cells.get("method") or None
    return AuditRow(sid, period, unit, passed, total, value, method, rel, row.line)


def _number(text: str, column: str, problems: list[str]) -> float | None:
    """A cell as a finite number (thousands separators allowed), or None with a problem."""
    try:
        number = float(text.replace(",", ""))
    except ValueError:
        problems.append(f"{column} {text!r} is not a number")
        return None
    if not math.isfinite(number):
        problems.append(f"{column} {text!r} is not a finite number")
        return None
    return number


def _count(row: CsvRow, column: str, problems: list[str]) -> int | None:
    text = row.cells.get(column, "")
    if text == "":
        return None
    number = _number(text, column, problems)
    if number is None:
        return None
    if not number.is_integer() or number < 0:
        problems.append(f"{column} {text!r} must be a whole number, 0 or more")
        return None
    return int(number)


def _value(row: CsvRow, problems: list[str]) -> float | None:
    text = row.cells.get("value", "").rstrip("%").strip()
    return None if text == "" else _number(text, "value", problems)
