"""Run the selected rules over standards and stamp their hits into findings."""

from __future__ import annotations

from builder.model.finding import Finding, Severity
from builder.model.report import StandardResult
from builder.model.standard import Standard
from builder.rules import SMART, Context, Rule, load_all
from builder.rules.measurable import verdict_of


def selected_rules(ctx: Context) -> list[Rule]:
    return [r for r in load_all().values() if r.check is not None and ctx.config.selects(r.code)]


def severity(rule: Rule, std: Standard | None, ctx: Context) -> Severity:
    """Configured severity; a draft's findings are warnings so drafts never block a build."""
    level = ctx.config.severity_of(rule.code, rule.severity)
    if std is not None and std.status == "draft":
        return "warning"
    return "error" if level == "error" else "warning"


def check_standard(std: Standard, rules: list[Rule], ctx: Context) -> StandardResult:
    findings: list[Finding] = []
    failed: set[str] = set()
    for rule in rules:
        if rule.code in std.ignore or rule.check is None:
            continue
        for hit in rule.check(std, ctx):
            findings.append(
                Finding(
                    std.file,
                    hit.line,
                    hit.column,
                    rule.code,
                    hit.message,
                    severity(rule, std, ctx),
                    hit.text,
                    hit.suggestion,
                    rule.smart,
                )
            )
            if rule.smart and rule.severity == "error":
                failed.add(rule.smart)
    verdict = verdict_of(std).verdict
    smart = {dim: dim not in failed for dim in SMART}
    smart["measurable"] = verdict == "measurable"
    return StandardResult(std, verdict, smart, tuple(sorted(findings)))
