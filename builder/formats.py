"""One pure `Report -> str` formatter per `--format` (SPEC §3)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from builder import __version__
from builder.model.finding import Finding
from builder.model.report import Report, StandardResult
from builder.rules import load_all
from builder.scoring.score import ScoreReport


def _finding_json(f: Finding) -> dict[str, object]:
    return {
        "rule": f.rule, "smart": f.smart, "severity": f.severity, "message": f.message,
        "file": f.file, "line": f.line, "column": f.column, "text": f.text,
        "suggestion": f.suggestion,
    }  # fmt: skip


def _standard_json(r: StandardResult) -> dict[str, object]:
    s = r.standard
    return {
        "id": s.id, "file": s.file, "line": s.line, "title": s.title.value, "kind": s.kind,
        "lang": s.lang, "verdict": r.verdict, "smart": r.smart,
        "findings": [_finding_json(f) for f in r.findings],
    }  # fmt: skip


def to_json(report: Report) -> str:
    doc = {
        "version": 1,
        "standards": [_standard_json(r) for r in report.results],
        "findings": [_finding_json(f) for f in report.findings],
        "summary": {
            "standards": len(report.results),
            "errors": report.errors,
            "warnings": report.warnings,
            "flagged": sum(r.flagged for r in report.results),
        },
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)


def to_text(report: Report) -> str:
    """`file:line:col: severity CODE message`, like yamllint's parsable format."""
    lines = []
    for f in report.all_findings:
        span = f" [{f.text}]" if f.text else ""
        lines.append(f"{f.file}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}{span}")
        if f.suggestion:
            lines.append(f"    help: {f.suggestion}")
    flagged = [r for r in report.results if r.flagged]
    lines.append(
        f"{len(report.results)} standards checked, {len(flagged)} flagged "
        f"({sum(r.verdict == 'partial' for r in flagged)} partial, "
        f"{sum(r.verdict == 'vague' for r in flagged)} vague); "
        f"{report.errors} errors, {report.warnings} warnings"
    )
    return "\n".join(lines)


def _github_escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def to_github(report: Report) -> str:
    """GitHub Actions workflow commands: one annotation per finding."""
    out = []
    for f in report.all_findings:
        title = _github_escape(f.rule).replace(",", "%2C").replace("::", "%3A%3A")
        message = _github_escape(f.message + (f" — {f.suggestion}" if f.suggestion else ""))
        out.append(
            f"::{f.severity} file={f.file},line={f.line},col={f.column},title={title}::{message}"
        )
    return "\n".join(out)


def to_sarif(report: Report) -> str:
    """SARIF 2.1.0, as code hosts read it for pull-request annotations."""
    rules = load_all()
    used = sorted({f.rule for f in report.all_findings})
    index = {code: i for i, code in enumerate(used)}
    driver = {
        "name": "handbook",
        "version": __version__,
        "informationUri": "https://example.org/handbook",
        "rules": [
            {
                "id": code,
                "name": rules[code].name,
                "shortDescription": {"text": rules[code].summary},
                "fullDescription": {"text": rules[code].doc},
                "defaultConfiguration": {"level": rules[code].severity},
            }
            for code in used
        ],
    }
    results = [
        {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": f.severity,
            "message": {"text": f.message + (f" ({f.suggestion})" if f.suggestion else "")},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": f.file},
                        "region": {"startLine": f.line, "startColumn": f.column},
                    }
                }
            ],
        }
        for f in report.all_findings
    ]
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": results}],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)


FORMATTERS: dict[str, Callable[[Report], str]] = {
    "text": to_text,
    "json": to_json,
    "sarif": to_sarif,
    "github": to_github,
}


# --- handbook score ---------------------------------------------------------------------


def scores_json(report: ScoreReport) -> str:
    doc = {"version": 1, "results": [r.as_json() for r in report.results]}
    return json.dumps(doc, ensure_ascii=False, indent=2)


def scores_csv(report: ScoreReport) -> str:
    buffer = io.StringIO()
    columns = ["standard", "period", "unit", "achieved", "target", "direction", "status", "n",
               "amber", "gap"]  # fmt: skip
    writer = csv.DictWriter(buffer, columns, lineterminator="\n")
    writer.writeheader()
    for r in report.results:
        writer.writerow({k: _csv_safe(v) for k, v in r.as_json().items()})
    return buffer.getvalue().rstrip("\n")


def _csv_safe(value: object) -> object:
    """Neutralise cells a spreadsheet would run as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def scores_text(report: ScoreReport) -> str:
    lines = []
    for r in report.results:
        achieved = "—" if r.achieved is None else f"{r.achieved:.1f}"
        target = "—" if r.target is None else f"{r.target:g}"
        unit = r.unit or "(all)"
        lines.append(f"{r.standard:<14} {r.period.label:<10} {unit:<10} "
                     f"{achieved:>7} / {target:<6} {r.status}")  # fmt: skip
    counts = {s: sum(r.status == s for r in report.results) for s in ("green", "amber", "red")}
    lines.append(
        f"{len(report.results)} results: " + ", ".join(f"{v} {k}" for k, v in counts.items())
    )
    return "\n".join(lines)


SCORE_FORMATTERS: dict[str, Callable[[ScoreReport], str]] = {
    "text": scores_text,
    "json": scores_json,
    "csv": scores_csv,
}
