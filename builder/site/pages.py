"""Generated Markdown pages: pure functions from checked standards and scores to text.

Every page is a (path, Markdown) pair; `build.py` writes them. Text from YAML and CSV files
goes through `markdown.text`/`cell`, so it is always shown, never interpreted.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from builder.model.finding import Finding
from builder.model.report import Report, StandardResult
from builder.model.standard import Measure, Standard
from builder.rules import Rule
from builder.scoring.periods import Period
from builder.scoring.score import Result
from builder.site import labels as L
from builder.site.markdown import cell, code, number, table, text

KIND_ORDER = ("charter", "process", "personal", "sop")


@dataclass(frozen=True)
class Scorecard:
    standard: Standard
    org: list[Result]  # one per period, organisation level
    units: dict[str, list[Result]]  # unit -> one per period

    @property
    def latest(self) -> Result | None:
        return self.org[-1] if self.org else None

    @property
    def previous(self) -> Result | None:
        return self.org[-2] if len(self.org) > 1 else None


def scorecards(results: Iterable[Result], standards: dict[str, Standard]) -> list[Scorecard]:
    """Group results per standard into an organisation series and per-unit series.

    A period's organisation result is its roll-up (unit None) or, when only one unit was
    audited that period, that unit's result: scoring adds roll-ups only over several units.
    """
    per_period: dict[str, dict[Period, list[Result]]] = defaultdict(lambda: defaultdict(list))
    for r in results:
        per_period[r.standard][r.period].append(r)
    cards = []
    for sid in sorted(per_period):
        org: list[Result] = []
        units: dict[str, list[Result]] = defaultdict(list)
        for period in sorted(per_period[sid]):
            group = per_period[sid][period]
            rollup = [r for r in group if r.unit is None]
            org.append(rollup[0] if rollup else group[0])  # no roll-up: a single unit
            for r in group:
                if r.unit is not None:
                    units[r.unit].append(r)
        cards.append(Scorecard(standards[sid], org, dict(units)))
    return cards


def page_path(std: Standard) -> str:
    return f"standards/{std.slug}.md"


def _link(std: Standard, prefix: str) -> str:
    """Link to a standard's page from a page `prefix` ("" or "../") below the site root."""
    return f"[{text(std.id)}]({prefix}{page_path(std)})"


def _verdict_badge(verdict: str) -> str:
    icon = {"measurable": "✔", "partial": "▲", "vague": "✘"}[verdict]
    return f"{icon} {L.VERDICT[verdict]}"


def _finding_line(f: Finding, depth: str) -> str:
    span = f" — 「{text(f.text)}」" if f.text else ""
    sev = "错误 error" if f.is_error else "提示 warning"
    help_ = f"<br>建议 *Suggestion*: {text(f.suggestion)}" if f.suggestion else ""
    return (
        f"- **[{f.rule}]({depth}rules/{f.rule}.md)** ({sev}, line {f.line}): "
        f"{text(f.message)}{span}{help_}"
    )


def standard_page(
    result: StandardResult, card: Scorecard | None, known_ids: Collection[str] = ()
) -> str:
    s = result.standard
    out = [f"# {text(s.title.value)}", "", f"`{s.id}` · {L.KIND.get(s.kind, s.kind)}", ""]
    if s.status == "draft":
        out += [
            '!!! note "草案 Draft"',
            "    本标准为草案,尚未生效。 This standard is a draft.",
            "",
        ]
    out += [f"> {text(s.statement.value)}", ""]
    if s.statement_en:
        out += [f"*English:* {text(s.statement_en)}", ""]
    if s.steps:
        out += ["## 步骤 Steps", ""]
        for i, step in enumerate(s.steps, 1):
            check = ""
            if step.measure and step.measure.target is not None:
                check = f" *(检查 check: {text(step.measure.metric or '')} {_level(step.measure)})*"
            out.append(f"{i}. {text(step.text.value)}{check}")
        out.append("")
    if s.measure:
        m = s.measure
        out += ["## 衡量 Measure", ""]
        rows = [
            ["指标 Metric", cell(m.metric)],
            ["标准 Target", _level(m)],
            ["警戒线 Amber", number(m.amber, m.unit)],
            ["周期 Period", cell(m.period)],
            ["方法 Method", cell(m.method)],
            ["基线 Baseline", number(m.baseline, m.unit)],
        ]
        out += [table(["项目 Field", "内容 Value"], rows), ""]
    out += ["## 文档信息 Document control", ""]
    rows = [
        ["领域 Area", cell(L.AREA.get(s.area or "", s.area))],
        ["层级 Tier", cell(L.TIER.get(s.tier or "", s.tier))],
        ["服务于 Serves", _serves(s, known_ids)],
        ["负责人 Owner", cell(s.owner)],
        ["版本 Version", cell(s.version)],
        ["生效 Effective", cell(s.effective)],
        ["复审 Review by", cell(s.review_by)],
        ["来源 Source", code(s.file)],
    ]
    out += [table(["项目 Field", "内容 Value"], rows), ""]
    out += _smart_section(result)
    if card is not None and card.latest is not None:
        latest = card.latest
        out += [
            "## 记分卡 Scorecard",
            "",
            f"最近一期 Latest ({latest.period.label}): **{L.STATUS[latest.status]}** — "
            f"{number(latest.achieved, s.measure.unit if s.measure else None)} · "
            f"[查看记分卡 View scorecard](../scorecards/{s.slug}.md)",
            "",
        ]
    return "\n".join(out)


def _serves(s: Standard, known_ids: Collection[str]) -> str:
    """Pledge ids link to their pages (same folder); needs in words are shown as text."""
    shown = [f"[{text(t)}]({t.lower()}.md)" if t in known_ids else text(t) for t in s.serves]
    return "; ".join(shown) or "—"


def _level(m: Measure) -> str:
    if m.target is None:
        return "—"
    sign = {"at_least": "≥", "at_most": "≤"}.get(m.direction or "", "")
    return f"{sign} {number(m.target, m.unit)} {'' if m.unit in ('percent', 'csat') else L.UNIT.get(m.unit or '', '')}".strip()  # noqa: E501


def _smart_section(result: StandardResult) -> list[str]:
    kind = L.VERDICT_ADMONITION[result.verdict]
    marks = " · ".join(f"{'✔' if ok else '✘'} {L.SMART[dim]}" for dim, ok in result.smart.items())
    out = ["## SMART 检查 SMART check", "", f'!!! {kind} "{_verdict_badge(result.verdict)}"']
    out += [f"    {marks}", ""]
    if result.findings:
        out += [_finding_line(f, "../") for f in result.findings]
    else:
        out.append("没有发现问题。 No findings.")
    out.append("")
    return out


def standards_index(results: list[StandardResult]) -> str:
    out = ["# 全部标准 All standards", ""]
    for kind in KIND_ORDER:
        group = [r for r in results if r.standard.kind == kind]
        if not group:
            continue
        out += [f"## {L.KIND[kind]}", "", _summary_table(group, "../"), ""]
    return "\n".join(out)


def _summary_table(group: list[StandardResult], prefix: str) -> str:
    rows = [
        [
            _link(r.standard, prefix),
            text(r.standard.title.value),
            cell(L.TIER.get(r.standard.tier or "", r.standard.tier)),
            _verdict_badge(r.verdict),
        ]
        for r in sorted(group, key=lambda r: r.standard.id)
    ]
    return table(["编号 ID", "标题 Title", "层级 Tier", "SMART"], rows)


def grouped_index(results: list[StandardResult], by: str) -> str:
    """Index of standards grouped by kind, area or tier."""
    titles = {"kind": "按类型 By kind", "area": "按领域 By area", "tier": "按层级 By tier"}
    names = {"kind": L.KIND, "area": L.AREA, "tier": L.TIER}[by]
    groups: dict[str, list[StandardResult]] = defaultdict(list)
    for r in results:
        groups[getattr(r.standard, by) or "—"].append(r)
    order = [k for k in names if k in groups] + sorted(k for k in groups if k not in names)
    out = [f"# {titles[by]}", ""]
    for key in order:
        label = names.get(key, "未分类 Unassigned" if key == "—" else key)
        out += [f"## {text(label)}", "", _summary_table(groups[key], "../"), ""]
    return "\n".join(out)


def flagged_page(results: list[StandardResult]) -> str:
    flagged = [r for r in results if r.flagged]
    out = [
        "# 待改进的标准 Flagged standards",
        "",
        "以下标准未通过可测量检查:要么没有可检查的标准(模糊),要么有数量但无法照写检查(部分可测)。",
        "These standards are not measurable as written: vague (no checkable criterion) or "
        "partial (a quantity that cannot be checked as written).",
        "",
        f"共 {len(flagged)} 条 / {len(results)} total.",
        "",
    ]
    for verdict in ("vague", "partial"):
        group = [r for r in flagged if r.verdict == verdict]
        if not group:
            continue
        out += [f"## {_verdict_badge(verdict)}", ""]
        for r in group:
            s = r.standard
            out += [
                f"### {_link(s, '')} {text(s.title.value)}",
                "",
                f"> {text(s.statement.value)}",
                "",
            ]
            out += [
                _finding_line(f, "") for f in r.findings if f.smart in ("measurable", "specific")
            ]
            out.append("")
    if not flagged:
        out.append("所有标准均可测量。 Every standard is measurable.")
    return "\n".join(out)


def scorecard_index(cards: list[Scorecard], overview: str = "") -> str:
    """The latest result of every scorecard, after `overview` (Markdown) when given."""
    out = [
        "# 记分卡 Scorecards",
        "",
        "每条标准最近一期的结果与上一期对比;差距以标准的单位表示(正数为优于标准)。",
        "Latest period of each audited standard; the gap is in the standard's unit "
        "(positive = better than the standard).",
        "",
    ]
    out += [overview, "## 最近一期 Latest period", ""] if overview else []
    rows = []
    for c in cards:
        if c.latest is None:
            continue
        unit = c.standard.measure.unit if c.standard.measure else None
        prev = c.previous
        rows.append([
            f"[{text(c.standard.id)}]({c.standard.slug}.md)",
            text(c.standard.title.value),
            c.latest.period.label,
            number(c.latest.achieved, unit),
            L.STATUS[c.latest.status],
            number(c.latest.gap),
            L.STATUS[prev.status] if prev else "—",
        ])  # fmt: skip
    out.append(table(["编号 ID", "标题 Title", "周期 Period", "实际 Achieved", "状态 Status",
                      "差距 Gap", "上期 Previous"], rows))  # fmt: skip
    return "\n".join(out)


def scorecard_page(
    card: Scorecard, chart_file: str, heatmap_file: str | None = None, csv_file: str | None = None
) -> str:
    s = card.standard
    unit = s.measure.unit if s.measure else None
    alt = f"{s.id} 趋势图 trend: " + ", ".join(
        f"{r.period.label} {number(r.achieved, unit)} {r.status}" for r in card.org
    )
    out = [
        f"# {text(s.id)} {text(s.title.value)}",
        "",
        f"> {text(s.statement.value)}",
        "",
        f"[标准详情 Standard](../{page_path(s)})" + _download(csv_file),
        "",
        f"![{text(alt)}]({chart_file})",
        "",
        "## 组织整体 Organisation",
        "",
    ]
    rows = [
        [r.period.label, number(r.achieved, unit), number(r.target, unit), L.STATUS[r.status],
         number(r.gap), cell(r.n)]
        for r in card.org
    ]  # fmt: skip
    out += [table(["周期 Period", "实际 Achieved", "标准 Target", "状态 Status", "差距 Gap",
                   "样本 n"], rows), ""]  # fmt: skip
    if card.units:
        periods = [r.period.label for r in card.org]
        out += ["## 各单位 By unit", ""]
        if heatmap_file:
            out += [f"![{text(_heatmap_alt(card, periods))}]({heatmap_file})", ""]
        body = []
        for name, series in sorted(card.units.items()):
            by_period = {r.period.label: r for r in series}
            body.append([text(name)] + [
                f"{number(by_period[p].achieved, unit)} {L.STATUS[by_period[p].status][0]}"
                if p in by_period else "—"
                for p in periods
            ])  # fmt: skip
        out += [table(["单位 Unit", *periods], body), ""]
    return "\n".join(out)


def _download(csv_file: str | None) -> str:
    """A link that saves the scorecard's CSV rather than showing it."""
    if csv_file is None:
        return ""
    return f' · [下载数据 Download data (CSV)]({csv_file}){{download="{csv_file}"}}'


def _heatmap_alt(card: Scorecard, periods: list[str]) -> str:
    """Per unit: how many periods it missed, and its latest result."""
    unit = card.standard.measure.unit if card.standard.measure else None
    parts = []
    for name, series in sorted(card.units.items()):
        missed = sum(r.status in ("amber", "red") for r in series)
        last = series[-1]
        parts.append(f"{name} 未达标 missed {missed}/{len(series)}, {last.period.label} "
                     f"{number(last.achieved, unit)} {last.status}")  # fmt: skip
    span = f"{periods[0]}–{periods[-1]}" if periods else ""
    return f"{card.standard.id} 各单位热力图 heatmap by unit, {span}: " + "; ".join(parts)


def rules_index(rules: list[Rule]) -> str:
    out = [
        "# 规则 Rules",
        "",
        "`handbook check` 报告的每个代码。 Every code `handbook check` reports.",
        "",
    ]
    rows = [
        [f"[{r.code}]({r.code}.md)", r.name, cell(L.SMART.get(r.smart or "", "—")), r.severity,
         text(r.summary)]
        for r in rules
    ]  # fmt: skip
    out.append(table(["代码 Code", "名称 Name", "SMART", "默认级别 Default", "说明 Summary"], rows))
    return "\n".join(out)


def rule_page(rule: Rule) -> str:
    """The rule's docstring is its page: summary, then its own ## sections."""
    summary, _, body = rule.doc.partition("\n")
    meta = f"`{rule.name}` · 默认级别 default severity: **{rule.severity}**"
    if rule.smart:
        meta += f" · SMART: {L.SMART[rule.smart]}"
    return f"# {rule.code}\n\n{text(summary)}\n\n{meta}\n\n{body.strip()}\n"


def health_page(report: Report) -> str:
    """Counts that tell the handbook's owners where the work is: by rule, area and owner."""
    results = list(report.results)
    every = report.all_findings
    verdicts = Counter(r.verdict for r in results)
    n = len(results) or 1
    shares = " · ".join(
        f"{_verdict_badge(v)} {verdicts[v]} ({verdicts[v] / n:.0%})"
        for v in ("measurable", "partial", "vague")
    )
    out = [
        "# 手册健康度 Handbook health",
        "",
        f"{len(results)} 条标准 standards · {shares} · "
        f"{report.errors} 错误 errors · {report.warnings} 提示 warnings",
        "",
        "## 按规则 By rule",
        "",
    ]
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for f in every:
        by_rule[f.rule].append(f)
    rows = [
        [f"[{code}](rules/{code}.md)", str(len(fs)), str(len({(f.file, f.line) for f in fs}))]
        for code, fs in sorted(by_rule.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    ]
    out += [
        table(["规则 Rule", "发现 Findings", "位置 Places"], rows) if rows else "没有发现问题。"
    ]
    out += [
        "",
        "## 按领域 By area",
        "",
        _health_table(results, "领域 Area", lambda s: s.area, L.AREA),
    ]
    out += [
        "",
        "## 按负责人 By owner",
        "",
        _health_table(results, "负责人 Owner", lambda s: s.owner, {}),
    ]
    return "\n".join(out) + "\n"


def _health_table(
    results: list[StandardResult],
    heading: str,
    key: Callable[[Standard], str | None],
    names: dict[str, str],
) -> str:
    groups: dict[str, list[StandardResult]] = defaultdict(list)
    for r in results:
        groups[key(r.standard) or "—"].append(r)
    rows = []
    for name in sorted(groups):
        group = groups[name]
        measurable = sum(not r.flagged for r in group)
        findings = [f for r in group for f in r.findings]
        rows.append(
            [
                cell(names.get(name, name)),
                str(len(group)),
                f"{measurable / len(group):.0%}",
                str(sum(f.is_error for f in findings)),
                str(sum(not f.is_error for f in findings)),
            ]
        )
    headers = [heading, "标准 Standards", "可测量 Measurable", "错误 Errors", "提示 Warnings"]
    return table(headers, rows)
