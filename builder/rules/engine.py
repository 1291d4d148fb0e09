"""Run the selected rules over standards and stamp their hits into findings."""

from __future__ import annotations

from collections.abc import Mapping

from builder.model.finding import Finding, Severity
from builder.model.report import StandardResult
from builder.model.standard import Standard
from builder.model.suppressions import Suppression
from builder.rules import SMART, Context, Rule, get, load_all
from builder.rules.measurable import verdict_of
from builder.rules.suppress import is_suppressed, unused


def selected_rules(ctx: Context) -> list[Rule]:
    return [r for r in load_all().values() if r.check is not None and ctx.config.selects(r.code)]


def severity(rule: Rule, std: Standard, ctx: Context) -> Severity:
    """Configured severity; a draft's findings are warnings so drafts never block a build."""
    if std.status == "draft":
        return "warning"
    return ctx.config.severity_of(rule.code, rule.severity)


def check_standard(
    std: Standard, rules: list[Rule], ctx: Context, by_line: Mapping[int, Suppression]
) -> StandardResult:
    """Run every rule; drop what `ignore:` or a line comment suppresses; judge SMART."""
    findings: list[Finding] = []
    ignored_used: set[str] = set()
    for rule in rules:
        if rule.check is None:
            continue
        listed = next((c for c in std.ignore if rule.code.startswith(c)), None)
        for hit in rule.check(std, ctx):
            finding = Finding(
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
            if listed is not None:
                ignored_used.add(listed)
            elif not is_suppressed(finding, by_line):
                findings.append(finding)
    for code in std.ignore:
        if code not in ignored_used:
            remedy = "remove it from 'ignore:'"
            findings.append(unused(std.file, std.line_of("ignore"), 1, code, remedy))
    failed = {f.smart for f in findings if f.smart and get(f.rule).severity == "error"}
    verdict = verdict_of(std, ctx.config.lexicon).verdict
    smart = {dim: dim not in failed for dim in SMART}
    smart["measurable"] = verdict == "measurable"
    return StandardResult(std, verdict, smart, tuple(sorted(findings)))
