"""What the scorecards add up to: the monthly report of misses, the share of standards met
per area, and each scorecard's results as a CSV file to download.

Pure functions from scorecards to Markdown, chart data and CSV text; `build.py` writes them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from builder.formats import scores_csv
from builder.scoring.periods import Period
from builder.scoring.score import Result, ScoreReport
from builder.scoring.summary import GroupShare
from builder.site import labels as L
from builder.site.charts import Share
from builder.site.markdown import number, table, text
from builder.site.pages import Scorecard

REPORT_PERIODS = 12  # sections on the report page, newest first
OVERVIEW_PERIODS = 12  # periods in the area overview
OVERVIEW_TITLE = "各领域达标比例 Share of standards met, by area"
MISSED = ("red", "amber")  # worst first
ALL_AREAS = "全部 All"
NO_AREA = "未分类 Unassigned"


# --- the monthly report -------------------------------------------------------------------


def report_page(cards: Sequence[Scorecard], limit: int = REPORT_PERIODS) -> str:
    """Per period, newest first: the counts by status and every standard that missed."""
    out = [
        "# 月度报告 Monthly report",
        "",
        "每期每条未达标(▲ 接近、✘ 未达标)的标准及其趋势:实际值(括号内为 95% 置信区间)、"
        "当期标准、差距(以标准的单位表示,负数为差于标准)和未达标的单位。最新一期在前。",
        "Every standard that missed its target (▲ amber, ✘ red) in each period, with its trend: "
        "achieved (in brackets, the 95% confidence interval), the target in force, the gap in "
        "the standard's unit (negative = worse than the standard) and the units that missed. "
        "Newest period first.",
        "",
    ]
    periods = sorted({r.period for c in cards for r in c.org}, key=_newest_first)
    for period in periods[:limit]:
        out += _period_section(cards, period)
    if len(periods) > limit:
        out.append("更早的周期见各记分卡。 Earlier periods: see each scorecard.")
    if not periods:
        out.append("还没有审核结果。 No audit results yet.")
    return "\n".join(out) + "\n"


def _newest_first(p: Period) -> tuple[int, int]:
    """Latest end first; a quarter before the month it ends with, as it covers more."""
    return (-_day_after(p).toordinal(), p.start.toordinal())


def _day_after(p: Period) -> date:
    months = {"month": 1, "quarter": 3, "year": 12}.get(p.grain)
    if months is None:
        return p.start + timedelta(days=7 if p.grain == "week" else 1)
    index = p.start.month - 1 + months
    return date(p.start.year + index // 12, index % 12 + 1, 1)


def _period_section(cards: Sequence[Scorecard], period: Period) -> list[str]:
    rows = [(c, r) for c in cards for r in c.org if r.period == period]
    counts = Counter(r.status for _, r in rows)
    tally = " · ".join(f"{L.STATUS[s]} {counts[s]}" for s in L.STATUS)
    out = [f"## {period.label}", "", tally, ""]
    missed = sorted((cr for cr in rows if cr[1].status in MISSED),
                    key=lambda cr: (MISSED.index(cr[1].status), cr[0].standard.id))  # fmt: skip
    if missed:
        header = ["标准 Standard", "状态 Status", "实际 Achieved", "标准 Target", "差距 Gap",
                  "未达标单位 Units missed"]  # fmt: skip
        out += [table(header, [_miss_row(c, r) for c, r in missed]), ""]
    else:
        out += ["本期所有有数据的标准均达标。 Every standard with data met its target.", ""]
    out += _unit_only_misses([(c, r) for c, r in rows if r.status == "green"])
    out += _no_data([(c, r) for c, r in rows if r.status == "no-data"])
    return out


def _miss_row(card: Scorecard, r: Result) -> list[str]:
    s = card.standard
    return [
        f"[{text(s.id)}]({s.slug}.md) {text(s.title.value)}",
        L.STATUS[r.status] + (f"<br>{L.TREND[r.trend]}" if r.trend in L.TREND else ""),
        _achieved(r),
        _target(r),
        _gap(r),
        _unit_misses(card, r) or "—",
    ]


def _unit_only_misses(met: list[tuple[Scorecard, Result]]) -> list[str]:
    """Standards met overall whose units did not all meet them: a miss an average hides."""
    lines = [f"- [{text(c.standard.id)}]({c.standard.slug}.md) {text(c.standard.title.value)}: "
             f"{misses}" for c, r in met if (misses := _unit_misses(c, r))]  # fmt: skip
    if not lines:
        return []
    return ["**整体达标、部分单位未达标 Met overall, missed in some units**", "", *lines, ""]


def _no_data(rows: list[tuple[Scorecard, Result]]) -> list[str]:
    if not rows:
        return []
    shown = [f"{text(c.standard.id)} ({L.NO_DATA_REASON.get(r.reason or '', '—')})"
             for c, r in rows]  # fmt: skip
    return [f"**{L.STATUS['no-data']}:** " + "; ".join(shown), ""]


def _unit_misses(card: Scorecard, org: Result) -> str:
    """Units that missed in `org`'s period; none when `org` is itself the only unit audited."""
    missed = [r for series in card.units.values() for r in series
              if r.period == org.period and r.status in MISSED and r.unit != org.unit]  # fmt: skip
    missed.sort(key=lambda r: (MISSED.index(r.status), r.unit or ""))
    return "; ".join(
        f"{text(r.unit)} {number(r.achieved, r.measure_unit)} {L.STATUS[r.status][0]}"
        for r in missed
    )


def _achieved(r: Result) -> str:
    shown = number(r.achieved, r.measure_unit)
    if r.ci is None:
        return shown
    low, high = r.ci
    return f"{shown} ({low:.1f}–{high:.1f})"


def _target(r: Result) -> str:
    sign = {"at_least": "≥", "at_most": "≤"}.get(r.direction or "", "")
    return f"{sign} {number(r.target, r.measure_unit)}{_unit_word(r.measure_unit)}".strip()


def _gap(r: Result) -> str:
    """Signed, in the standard's unit: percentage points for a percent standard."""
    if r.gap is None:
        return "—"
    word = " 百分点 pts" if r.measure_unit in ("percent", "csat") else _unit_word(r.measure_unit)
    return f"{r.gap:+.1f}".rstrip("0").rstrip(".") + word


def _unit_word(unit: str | None) -> str:
    """The unit after a number: nothing for percent (the number carries "%")."""
    if unit in (None, "percent", "csat"):
        return ""
    return f" {L.UNIT.get(unit or '', unit or '')}"


# --- the area overview --------------------------------------------------------------------


@dataclass(frozen=True)
class Overview:
    """The chart's data: per group (all, then each area), the share met per period."""

    periods: list[str]
    groups: dict[str, list[Share]]
    left_out: tuple[str, ...]  # grains other than the periods' (e.g. quarterly standards)


def area_overview(shares: Iterable[GroupShare], limit: int = OVERVIEW_PERIODS) -> Overview:
    """Share of standards met per area in the most common grain (one axis of periods)."""
    wanted = [s for s in shares if s.by in ("organisation", "area")]
    grains: Counter[str] = Counter()
    for s in wanted:  # weigh each grain by the standards scored in it
        if s.by == "organisation":
            grains[s.period.grain] += s.with_data + s.no_data
    grain = max(sorted(grains), key=lambda g: grains[g]) if grains else None
    periods = sorted({s.period for s in wanted if s.period.grain == grain})[-limit:]
    groups: dict[str, dict[Period, Share]] = {}
    for s in sorted(wanted, key=_group_order):
        if s.period in periods:
            groups.setdefault(_group_name(s), {})[s.period] = (s.green, s.with_data)
    return Overview(
        [p.label for p in periods],
        {name: [by_period.get(p) for p in periods] for name, by_period in groups.items()},
        tuple(sorted(g for g in grains if g != grain)),
    )


def _group_order(s: GroupShare) -> tuple[int, int, str]:
    """All first, then areas in the handbook's order, unknown areas by name, unassigned last."""
    if s.by == "organisation":
        return (0, 0, "")
    if s.group in L.AREA:
        return (1, list(L.AREA).index(s.group), "")
    return (2, 0, s.group or "\uffff")


def _group_name(s: GroupShare) -> str:
    if s.by == "organisation":
        return ALL_AREAS
    return L.AREA.get(s.group, s.group) if s.group else NO_AREA


def overview_section(overview: Overview, chart_file: str) -> str:
    """The overview chart, its text alternative, and the same numbers as a table."""
    if not overview.periods:
        return ""
    first, last = overview.periods[0], overview.periods[-1]
    latest = "; ".join(f"{name} {_share(shares[-1])}" for name, shares in overview.groups.items())
    alt = f"{OVERVIEW_TITLE}, {first}–{last}. 最近一期 Latest ({last}): {latest}"
    out = [
        f"## {OVERVIEW_TITLE}",
        "",
        f"![{text(alt)}]({chart_file})",
        "",
        "每期达标(✔)的标准占有数据标准的比例及个数。 Per period, the share (and number) of "
        "standards with data that met their target (✔ green).",
    ]
    if overview.left_out:
        grains = "、".join(L.GRAIN.get(g, g) for g in overview.left_out)
        out.append(f"按其他周期({grains})评分的标准未计入。 Standards scored by another "
                   f"period ({grains}) are not included.")  # fmt: skip
    rows = [[text(name), *(_share(s) for s in shares)] for name, shares in overview.groups.items()]
    out += ["", "<details markdown>", "<summary>数据 The numbers</summary>", ""]
    out += [table(["领域 Area", *overview.periods], rows), "", "</details>", ""]
    out += ["[月度报告:每项未达标及差距 Monthly report: every miss and its gap](report.md)", ""]
    return "\n".join(out)


def _share(share: Share) -> str:
    if share is None or not share[1]:
        return "—"
    met, total = share
    return f"{100 * met / total:.0f}% ({met}/{total})"


# --- downloads ----------------------------------------------------------------------------


def scorecard_csv(card: Scorecard) -> str:
    """The standard's results, whole organisation and units, as `handbook score --format csv`
    writes them (formula-like cells neutralised). A BOM, so spreadsheets read it as UTF-8."""
    by_key = {(r.period, r.unit): r for r in card.org}
    by_key |= {(r.period, r.unit): r for series in card.units.values() for r in series}
    results = sorted(by_key.values(), key=lambda r: (r.period, r.unit is not None, r.unit or ""))
    return "\ufeff" + scores_csv(ScoreReport(results, [])) + "\n"
