"""One pure `Report -> str` formatter per `--format` (SPEC §3)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Callable, Sequence

from builder import __version__
from builder.model.finding import Finding
from builder.model.report import Report, StandardResult
from builder.rules import load_all
from builder.scoring.csv_io import csv_safe
from builder.scoring.score import STATUSES, ScoreReport


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


def to_gitlab(report: Report) -> str:
    """GitLab Code Quality (CodeClimate JSON): merge requests show each finding on its line."""
    issues = [
        {
            "description": f"{f.rule} {f.message}",
            "check_name": f.rule,
            "fingerprint": hashlib.sha1(
                f"{f.file}:{f.line}:{f.column}:{f.rule}:{f.message}".encode()
            ).hexdigest(),
            "severity": "major" if f.is_error else "minor",
            "location": {"path": f.file, "lines": {"begin": f.line}},
        }
        for f in report.all_findings
    ]
    return json.dumps(issues, ensure_ascii=False, indent=2)


FORMATTERS: dict[str, Callable[[Report], str]] = {
    "text": to_text,
    "json": to_json,
    "sarif": to_sarif,
    "github": to_github,
    "gitlab": to_gitlab,
}


# --- handbook score ---------------------------------------------------------------------


def findings_text(findings: Sequence[Finding]) -> str:
    """Audit problems as `handbook score` prints them on stderr: located, with the fix."""
    lines = []
    for f in findings:
        span = f" [{f.text}]" if f.text else ""
        lines.append(f"{f.file}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}{span}")
        if f.suggestion:
            lines.append(f"    help: {f.suggestion}")
    return "\n".join(lines)


def scores_json(report: ScoreReport) -> str:
    """SPEC §4: `version` and `results`; `summary` adds the roll-ups across standards."""
    doc = {
        "version": 1,
        "results": [r.as_json() for r in report.results],
        "summary": [s.as_json() for s in report.summary],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)


SCORE_COLUMNS = ["standard", "period", "unit", "achieved", "target", "direction", "status", "n",
                 "amber", "gap", "ci_low", "ci_high", "trend", "reason", "measure_unit",
                 "target_effective"]  # fmt: skip


def scores_csv(report: ScoreReport) -> str:
    """One row per result: the JSON fields, with the interval split into two columns."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, SCORE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for r in report.results:
        row = r.as_json()
        del row["ci"]
        if r.ci is not None:
            row |= {"ci_low": round(r.ci[0], 2), "ci_high": round(r.ci[1], 2)}
        writer.writerow({k: csv_safe(v) for k, v in row.items()})
    return buffer.getvalue().rstrip("\n")


TREND_MARKS = {"improving": "↑", "stable": "→", "declining": "↓", None: " "}


def scores_text(report: ScoreReport) -> str:
    lines = []
    for r in report.results:
        achieved = "—" if r.achieved is None else f"{r.achieved:.1f}"
        target = "—" if r.target is None else f"{r.target:g}"
        unit = r.unit or "(all)"
        n = "" if r.n is None else f"n={r.n}"
        ci = "" if r.ci is None else f"[{r.ci[0]:.1f}–{r.ci[1]:.1f}]"
        status = r.status + (f" ({r.reason})" if r.reason else "")
        lines.append(f"{r.standard:<14} {r.period.label:<10} {unit:<10} "
                     f"{achieved:>7} / {target:<6} {TREND_MARKS[r.trend]} {status:<12} "
                     f"{n} {ci}".rstrip())  # fmt: skip
    counts = {s: sum(r.status == s for r in report.results) for s in STATUSES}
    lines.append(
        f"{len(report.results)} results: " + ", ".join(f"{v} {k}" for k, v in counts.items())
    )
    for share in report.summary:
        if share.by == "organisation" and share.met_share is not None:
            lines.append(f"{share.period.label}: {share.green} of {share.with_data} standards "
                         f"met ({share.met_share:.0f}%)")  # fmt: skip
    return "\n".join(lines)


SCORE_FORMATTERS: dict[str, Callable[[ScoreReport], str]] = {
    "text": scores_text,
    "json": scores_json,
    "csv": scores_csv,
}
