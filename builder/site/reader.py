"""Pages for readers and owners: what changed, review due, owners, journey and role indexes.

Pure functions from standards (and their changes) to Markdown, like pages.py. Links to
standard pages are relative: TOP pages sit at the site root, BY pages in by/.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, timedelta

from builder.changes import Changes, TargetMove
from builder.model.standard import Standard
from builder.site import labels as L
from builder.site import markdown
from builder.site.markdown import cell, number, table, text

REVIEW_WINDOW = timedelta(days=30)
TOP, BY = "", "../"  # where a page sits, as the prefix of its links to standards/


def _link(std: Standard, where: str = TOP) -> str:
    return f"[{text(std.id)}]({where}standards/{std.slug}.md)"


def _row(std: Standard, where: str = TOP) -> list[str]:
    return [_link(std, where), text(std.title.value), cell(L.KIND.get(std.kind, std.kind))]


def _target(value: float | None, unit: str | None) -> str:
    return "—" if value is None else number(value, unit)


def changes_page(version: str, previous: str | None, changes: Changes) -> str:
    """'What changed' in `version` since `previous`: added, removed, reworded, targets moved."""
    since = f"自 {previous} 以来 since {previous}" if previous else "首个版本 first release"
    out = [f"# {text(version)} 版本变更 What changed", "", f"{since}.", ""]
    if previous is None or changes.empty:
        out.append("没有变更。 No changes." if previous else "本版本为首个发布版本。")
        return "\n".join(out) + "\n"
    sections: list[tuple[str, list[list[str]], list[str]]] = [
        ("新增 Added", [_row(s) for s in changes.added], ["编号 ID", "标题 Title", "类型 Kind"]),
        ("删除 Removed", [[text(s.id), text(s.title.value), cell(L.KIND.get(s.kind, s.kind))]
                          for s in changes.removed], ["编号 ID", "标题 Title", "类型 Kind"]),
        ("改写 Reworded", [[_link(c.new), text(c.old.statement.value), text(c.new.statement.value)]
                           for c in changes.reworded], ["编号 ID", "原文 Before", "现文 After"]),
        ("目标调整 Targets moved", [_target_row(c.new, c.target) for c in changes.targets
                                    if c.target is not None],
         ["编号 ID", "原目标 Before", "新目标 After", "变化 Change"]),
    ]  # fmt: skip
    for title, rows, headers in sections:
        if rows:
            out += [f"## {title}", "", table(headers, rows), ""]
    other = [c for c in changes.changed if c.fields]
    if other:
        rows = [[_link(c.new), ", ".join(c.fields)] for c in other]
        out += ["## 其他字段 Other fields", "", table(["编号 ID", "字段 Fields"], rows), ""]
    return "\n".join(out)


def _target_row(std: Standard, move: TargetMove) -> list[str]:
    way = {True: "收紧 tighter", False: "放宽 looser", None: "—"}[move.tighter]
    return [_link(std), _target(move.old, move.unit), _target(move.new, move.unit), way]


def review_due_page(standards: Iterable[Standard], today: date) -> str:
    """Standards whose review date has passed or falls within 30 days, grouped by owner."""
    due = [s for s in standards if s.review_by is None or s.review_by <= today + REVIEW_WINDOW]
    out = [
        "# 待复审 Review due",
        "",
        f"复审日期已过、30天内到期或未设定的标准({today.isoformat()})。",
        f"Standards whose review date has passed, falls within 30 days or is not set "
        f"(as of {today.isoformat()}).",
        "",
    ]
    if not due:
        return "\n".join([*out, "没有待复审的标准。 Nothing is due."]) + "\n"
    for owner, group in _grouped(due, lambda s: s.owner or "未指定 No owner"):
        rows = [[*_row(s), _review_state(s, today)] for s in sorted(group, key=_review_key)]
        out += [f"## {text(owner)}", "", table(["编号 ID", "标题 Title", "类型 Kind",
                                                 "复审 Review by"], rows), ""]  # fmt: skip
    return "\n".join(out)


def _review_key(std: Standard) -> tuple[date, str]:
    return (std.review_by or date.min, std.id)


def _review_state(std: Standard, today: date) -> str:
    if std.review_by is None:
        return "未设定 not set"
    when = std.review_by.isoformat()
    return f"**{when} 已逾期 overdue**" if std.review_by < today else f"{when} 即将到期 due soon"


def owners_page(standards: Iterable[Standard]) -> str:
    """Who owns what: one section per owner, so readers know whom to ask."""
    out = ["# 负责人 Owners", "", "每条标准的负责人。 Who owns each standard.", ""]
    for owner, group in _grouped(standards, lambda s: s.owner or "未指定 No owner"):
        rows = [_row(s) for s in sorted(group, key=lambda s: s.id)]
        out += [f"## {text(owner)}", "", table(["编号 ID", "标题 Title", "类型 Kind"], rows), ""]
    return "\n".join(out)


def journey_page(standards: Iterable[Standard]) -> str:
    """Standards along the customer journey, in the order a customer meets them."""
    out = ["# 按客户旅程 By customer journey", ""]
    groups = dict(_grouped(standards, lambda s: s.journey or ""))
    for stage in [*L.JOURNEY, ""]:
        if stage in groups:
            title = L.JOURNEY.get(stage, "未标注 Not placed")
            rows = [_row(s, BY) for s in sorted(groups[stage], key=lambda s: s.id)]
            out += [f"## {title}", "", table(["编号 ID", "标题 Title", "类型 Kind"], rows), ""]
    return "\n".join(out)


def roles_page(standards: Iterable[Standard], roles: Mapping[str, str]) -> str:
    """What each role must know: front desk, phone, manager … (labels from handbook.yml)."""
    out = ["# 按岗位 By role", ""]
    by_role: dict[str, list[Standard]] = defaultdict(list)
    for std in standards:
        for role in std.roles:
            by_role[role].append(std)
    order = [r for r in roles if r in by_role] + sorted(r for r in by_role if r not in roles)
    for role in order:
        rows = [_row(s, BY) for s in sorted(by_role[role], key=lambda s: s.id)]
        title = text(roles.get(role, role))
        out += [f"## {title}", "", table(["编号 ID", "标题 Title", "类型 Kind"], rows), ""]
    if not by_role:
        out.append("标准尚未标注岗位。 No standard names a role yet.")
    return "\n".join(out)


def _grouped(
    standards: Iterable[Standard], key: Callable[[Standard], str]
) -> list[tuple[str, list[Standard]]]:
    groups: dict[str, list[Standard]] = defaultdict(list)
    for std in standards:
        groups[key(std)].append(std)
    return sorted(groups.items())


def print_page(standards: Iterable[Standard]) -> str:
    """The whole handbook on one page, for printing: what to do, step by step, no metadata."""
    out = [
        "# 打印版 Print",
        "",
        "整本手册,一页打印。 The whole handbook on one page, to print.",
        "",
    ]
    by_kind = dict(_grouped(standards, lambda s: s.kind))
    for kind in L.KIND:
        if kind not in by_kind:
            continue
        out += ['<div class="handbook-print-break"></div>', "", f"## {L.KIND[kind]}", ""]
        for std in sorted(by_kind[kind], key=lambda s: s.id):
            out += [
                f"### {text(std.id)} {text(std.title.value)}",
                "",
                text(std.statement.value),
                "",
            ]
            out += [f"{i}. {text(step.text.value)}" for i, step in enumerate(std.steps, 1)]
            out += [""] if std.steps else []
    return "\n".join(out)


def history_section(entries: Sequence[tuple[str, Standard]]) -> str:
    """A standard's releases: version, what it said, its target, oldest first."""
    if len(entries) < 2:
        return ""
    rows = []
    for version, std in entries:
        m = std.measure
        target = number(m.target, m.unit) if m and m.target is not None else "—"
        rows.append([text(version), text(std.statement.value), target])
    headers = ["版本 Version", "标准内容 Statement", "标准 Target"]
    return "\n".join(["## 版本历史 History", "", table(headers, rows), ""])


def front_matter(std: Standard, roles: Mapping[str, str], title: str | None = None) -> str:
    """Material's tags for a standard page (kind, area, tier, journey stage and roles) and,
    when given, its title."""
    labels = [
        L.KIND.get(std.kind, std.kind),
        *([L.AREA.get(std.area, std.area)] if std.area else []),
        *([L.TIER.get(std.tier, std.tier)] if std.tier else []),
        *([L.JOURNEY.get(std.journey, std.journey)] if std.journey else []),
        *(roles.get(r, r) for r in std.roles),
    ]
    return markdown.front_matter(title, labels)


TAGS_PAGE = "# 标签 Tags\n\n按标签查找标准。 Standards by tag.\n\n<!-- material/tags -->\n"
