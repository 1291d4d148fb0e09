"""`handbook audit-template`: a blank audit CSV and a printable checklist for auditors.

Both come from the standards themselves: the measure decides the CSV form (passed/total,
value, or survey responses) and the checklist's tally table; an SOP's steps become the
checklist's check items. The CSV is written UTF-8 with a BOM, so that Excel on Chinese
Windows opens it correctly, and `handbook score` reads it back unchanged.
"""

from __future__ import annotations

import csv
import difflib
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from builder.atomic import write_atomic
from builder.errors import ConfigError
from builder.model.load import load_standards
from builder.model.standard import Measure, Standard
from builder.project import Project
from builder.scoring import survey
from builder.scoring.audits import PROPORTION_UNITS
from builder.scoring.csv_io import csv_safe
from builder.scoring.periods import Period, parse_period

FORM_COLUMNS = {"counts": ("passed", "total"), "value": ("value", "total"),
                "responses": ("response", "count")}  # fmt: skip
RESULT_COLUMNS = ("passed", "total", "value", "response", "count")
PROVENANCE = ("method", "auditor", "date", "notes")
BLANK_LINES = 10  # tally lines on a printed checklist
SYMBOL = {"at_least": "≥", "at_most": "≤"}
RECORD = {
    "counts": "`passed` = 符合的检查次数 checks that met the standard; "
    "`total` = 检查次数 checks made",
    "value": "`value` = 实测值 the measured value in the standard's unit; "
    "`total` = 样本量 sample size (optional)",
    "responses": "`response` = 评分 a score; `count` = 给出该评分的人数 respondents who gave it "
    "(one row per score)",
}


@dataclass(frozen=True)
class AuditTemplate:
    csv: str
    checklist: str


def record_form(std: Standard) -> str:
    """counts | value | responses: how results for `std` are recorded."""
    m = std.measure or Measure()
    if m.unit in survey.SURVEY_UNITS and m.method == "survey":
        return "responses"
    if m.unit is None or m.unit in PROPORTION_UNITS:
        return "counts"
    return "value"


def audit_template(
    standards: Sequence[Standard], period: Period | None, units: Sequence[str]
) -> AuditTemplate:
    return AuditTemplate(template_csv(standards, period, units),
                         checklist(standards, period, units))  # fmt: skip


def template_csv(standards: Sequence[Standard], period: Period | None, units: Sequence[str]) -> str:
    forms = {record_form(s) for s in standards}
    results = [c for c in RESULT_COLUMNS if any(c in FORM_COLUMNS[f] for f in forms)]
    columns = ["standard", "period", "unit", *results, *PROVENANCE]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, columns, lineterminator="\r\n")  # as Excel writes it
    writer.writeheader()
    for std in standards:
        for unit in units or [""]:
            method = std.measure.method if std.measure else None
            base = {"standard": std.id, "period": period.label if period else "",
                    "unit": csv_safe(unit), "method": method or ""}  # fmt: skip
            if record_form(std) == "responses" and std.measure is not None:
                # One row per score, counted 0: a row left unfilled adds no respondent.
                low, high = survey.response_range(std.measure)
                writer.writerows(base | {"response": r, "count": 0} for r in range(low, high + 1))
            else:
                writer.writerow(base)
    return buffer.getvalue()


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").strip()


def _level(m: Measure) -> str:
    if m.target is None:
        return "—"
    unit = "%" if m.unit in PROPORTION_UNITS else f" {m.unit}" if m.unit else ""
    level = f"{SYMBOL.get(m.direction or '', '')} {m.target:g}{unit}".strip()
    return level + (f" · 警戒 amber {m.amber:g}{unit}" if m.amber is not None else "")


def checklist(standards: Sequence[Standard], period: Period | None, units: Sequence[str]) -> str:
    out = [
        "# 检查清单 Audit checklist",
        "",
        f"周期 Period: **{period.label if period else '________'}** · "
        f"单位 Unit: **{' / '.join(units) if units else '________'}**",
        "",
        "检查人 Auditor: ________________ 日期 Date: ____________ 签名 Signature: ____________",
        "",
        "检查后把结果填入同名 CSV 文件,放进 `scorecards/`。",
        "After the audit, fill in the CSV file of the same name and drop it into `scorecards/`.",
        "",
    ]
    for std in standards:
        out += _section(std, units)
    return "\n".join(out).rstrip("\n") + "\n"


def _section(std: Standard, units: Sequence[str]) -> list[str]:
    m = std.measure or Measure()
    form = record_form(std)
    out = [f"## {std.id} {_cell(std.title.value)}", "", f"> {_cell(std.statement.value)}", ""]
    if std.measure is not None:
        out += [f"- 衡量 Measure: {_cell(m.metric or '—')}",
                f"- 标准 Target: {_level(m)}",
                f"- 周期 Period: {m.period or '—'} · 方法 Method: {m.method or '—'}"]  # fmt: skip
    out += [f"- 记录 Record: {RECORD[form]}", ""]
    if std.steps:
        out += [
            "| # | 检查项 Check | 符合 Pass | 不符合 Fail | 备注 Notes |",
            "|---|---|---|---|---|",
        ]
        out += [f"| {i} | {_cell(step.text.value)} | ☐ | ☐ | |"
                for i, step in enumerate(std.steps, 1)]  # fmt: skip
    elif form == "responses":
        low, high = survey.response_range(m)
        out += ["| 评分 Score | 人数 Count |", "|---|---|"]
        out += [f"| {r} | |" for r in range(low, high + 1)]
    elif form == "value":
        out += [f"| 单位 Unit | 实测值 Value ({m.unit}) | 样本量 Sample size | 备注 Notes |",
                "|---|---|---|---|"]  # fmt: skip
        out += [f"| {_cell(u)} | | | |" for u in units or [""] * 3]
    else:
        out += ["| # | 时间 Time | 符合 Pass | 不符合 Fail | 备注 Notes |", "|---|---|---|---|---|"]
        out += [f"| {i} | | ☐ | ☐ | |" for i in range(1, BLANK_LINES + 1)]
    return [*out, ""]


def write_audit_template(
    project: Project,
    ids: Sequence[str],
    out_dir: Path,
    name: str = "audit-template",
    period: str | None = None,
    units: Sequence[str] = (),
) -> list[Path]:
    """Write `<name>.csv` and `<name>.md` into `out_dir` for the standards `ids`."""
    by_id = {s.id: s for s in load_standards(project).standards}
    unknown = [i for i in ids if i not in by_id]
    if unknown:
        close = difflib.get_close_matches(unknown[0], list(by_id), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ConfigError(f"no standard {unknown[0]!r}{hint}")
    parsed = parse_period(period) if period else None
    if period and parsed is None:
        raise ConfigError(f"period {period!r} is not YYYY, YYYY-Qn, YYYY-MM, YYYY-Www or "
                          "YYYY-MM-DD")  # fmt: skip
    template = audit_template([by_id[i] for i in dict.fromkeys(ids)], parsed, units)
    out_dir.mkdir(parents=True, exist_ok=True)
    csv_path, md_path = out_dir / f"{name}.csv", out_dir / f"{name}.md"
    write_atomic(csv_path, template.csv, encoding="utf-8-sig")  # BOM: Excel reads Chinese
    write_atomic(md_path, template.checklist)
    return [csv_path, md_path]
