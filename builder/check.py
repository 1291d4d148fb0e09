"""`handbook check`: load standards (and audits), run the rules, return one Report."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from builder.config import Config, load_config
from builder.model.finding import Finding
from builder.model.load import Loaded, load_standards
from builder.model.report import Report
from builder.project import Project
from builder.rules import Best, Context, get
from builder.rules.engine import check_standard, selected_rules
from builder.rules.suppress import is_suppressed, suppression_findings
from builder.scoring.audits import Audits, load_audits
from builder.scoring.score import Result, score


def check(
    project: Project,
    paths: Sequence[Path] = (),
    *,
    config: Config | None = None,
    today: date | None = None,
) -> Report:
    """Check the standards under `paths` (default: the project's standards/).

    Audits are read too when the whole project is checked, so that audit rows naming
    unknown standards are reported (SPEC §3).
    """
    loaded = load_standards(project, paths or None)
    audits = None if paths else load_audits(project, {s.id: s for s in loaded.standards})
    return check_loaded(loaded, audits, config or load_config(project.root), today)


def check_loaded(
    loaded: Loaded,
    audits: Audits | None,
    config: Config,
    today: date | None = None,
    scored: Sequence[Result] | None = None,
) -> Report:
    """Check standards already loaded; audit findings are reported when audits are given.

    `scored` are the audits' results when the caller has them already (the build scores
    once, for the rules and for the scorecards); otherwise the audits are scored here.
    """
    ids = frozenset(s.id for s in loaded.standards)
    if audits is not None and scored is None:
        scored = score(audits.rows, {s.id: s for s in loaded.standards}, config)
    best = best_results(scored or ())
    ctx = Context(config, today or date.today(), ids, best)
    rules = selected_rules(ctx)
    sups = loaded.suppressions
    results = tuple(
        check_standard(std, rules, ctx, sups.get(std.file, {})) for std in loaded.standards
    )
    findings = [f for f in loaded.findings if not is_suppressed(f, sups.get(f.file, {}))]
    if audits is not None:
        findings.extend(audits.findings)
    for file, by_line in sups.items():
        findings.extend(suppression_findings(file, by_line.values()))
    kept = [_stamp(f, config) for f in findings if config.selects(f.rule)]
    return Report(results, tuple(sorted(kept)), tuple(loaded.files))


def _stamp(finding: Finding, config: Config) -> Finding:
    """Apply configured severities to codes emitted outside the rule engine."""
    return replace(finding, severity=config.severity_of(finding.rule, get(finding.rule).severity))


def best_results(results: Iterable[Result]) -> dict[str, Best]:
    """Each standard's best scored result in any period and unit, for SMART-A003."""
    best: dict[str, Best] = {}
    for r in results:
        if r.achieved is None or r.direction is None:
            continue
        now = best.get(r.standard)
        upward = r.direction == "at_least"
        if now is None or (r.achieved > now.achieved if upward else r.achieved < now.achieved):
            best[r.standard] = Best(r.achieved, r.period.label)
    return best
