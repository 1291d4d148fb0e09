"""`handbook diff`: what a pull request changes, as Markdown fit for a review comment.

Both sides are checked with the ordinary loader and rules; the comment lists the standards
added, removed and reworded, targets that moved (tighter or looser), findings that are
new on the head side, and the owners who should review.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from builder.changes import Changes, compare
from builder.check import check
from builder.model.finding import Finding
from builder.model.report import Report
from builder.model.standard import Standard
from builder.project import Project
from builder.releases import export_ref
from builder.site.markdown import code, number, table, text

WORKING_TREE = "working tree"


@dataclass(frozen=True)
class Review:
    base: str
    head: str
    changes: Changes
    new_findings: tuple[Finding, ...]
    owners: tuple[str, ...]


def review(base: str, head: str, before: Report, after: Report) -> Review:
    """Compare two checked sides of a change."""
    old = [r.standard for r in before.results]
    new = [r.standard for r in after.results]
    changes = compare(old, new)
    return Review(base, head, changes, _new_findings(before, after), _owners(changes))


def review_refs(project: Project, base: str, head: str | None, today: date) -> Review:
    """Check `base` and `head` (git revisions; head None = the working tree) and compare."""
    with tempfile.TemporaryDirectory(prefix="handbook-diff-") as tmp:
        before = _checked(project, base, Path(tmp) / "base", today)
        after = _checked(project, head, Path(tmp) / "head", today) if head else None
    return review(base, head or WORKING_TREE, before, after or check(project, today=today))


def _checked(project: Project, ref: str, folder: Path, today: date) -> Report:
    return check(Project(export_ref(project.root, ref, folder)), today=today)


def _key(finding: Finding, ids_by_line: dict[tuple[str, int], str]) -> tuple[str, str, str]:
    """A finding's identity across edits: rule, standard (or file) and message, not line."""
    where = ids_by_line.get((finding.file, finding.line), finding.file)
    return finding.rule, where, finding.message


def _new_findings(before: Report, after: Report) -> tuple[Finding, ...]:
    def index(report: Report) -> dict[tuple[str, int], str]:
        return {(f.file, f.line): r.standard.id for r in report.results for f in r.findings}

    base_index, head_index = index(before), index(after)  # built once, not per finding
    seen = {_key(f, base_index) for f in before.all_findings}
    return tuple(f for f in after.all_findings if _key(f, head_index) not in seen)


def _owners(changes: Changes) -> tuple[str, ...]:
    touched: list[Standard] = [*changes.added, *changes.removed]
    for c in changes.changed:
        touched += [c.old, c.new]
    return tuple(sorted({s.owner for s in touched if s.owner}))


def review_markdown(r: Review) -> str:
    out = [f"### 服务标准变更 Standards changes: {code(r.base)} → {code(r.head)}", ""]
    c = r.changes
    if c.empty and not r.new_findings:
        return "\n".join([*out, "没有标准变更。 No standard changed.", ""])
    counts = (f"新增 added {len(c.added)} · 删除 removed {len(c.removed)} · 改写 reworded "
              f"{len(c.reworded)} · 目标调整 targets moved {len(c.targets)} · "
              f"新问题 new findings {len(r.new_findings)}")  # fmt: skip
    out += [counts, ""]
    if c.added:
        rows = [[code(s.id), text(s.title.value), text(s.statement.value)] for s in c.added]
        out += ["#### 新增 Added", "", table(["ID", "标题 Title", "标准 Statement"], rows), ""]
    if c.removed:
        rows = [[code(s.id), text(s.title.value)] for s in c.removed]
        out += ["#### 删除 Removed", "", table(["ID", "标题 Title"], rows), ""]
    if c.reworded:
        rows = [[code(x.id), text(x.old.statement.value), text(x.new.statement.value)]
                for x in c.reworded]  # fmt: skip
        out += ["#### 改写 Reworded", "", table(["ID", "原文 Before", "现文 After"], rows), ""]
    if c.targets:
        out += ["#### 目标调整 Targets moved", "", _targets_table(c), ""]
    if r.new_findings:
        out += ["#### 新问题 New findings", "", _findings_table(r.new_findings), ""]
    if r.owners:
        names = (o if _resolvable(o) else text(o) for o in r.owners)  # @mentions stay live
        out += ["#### 请审阅 Reviewers", "", ", ".join(names), ""]
    return "\n".join(out)


def _targets_table(c: Changes) -> str:
    rows = []
    for x in c.targets:
        move = x.target
        assert move is not None
        way = {True: "收紧 tighter", False: "**放宽 looser**", None: "—"}[move.tighter]
        rows.append([code(x.id), number(move.old, move.unit), number(move.new, move.unit), way])
    return table(["ID", "原目标 Before", "新目标 After", "变化 Change"], rows)


def _findings_table(findings: Sequence[Finding]) -> str:
    rows = [[code(f"{f.file}:{f.line}"), code(f.rule), text(f.severity), text(f.message)]
            for f in findings]  # fmt: skip
    return table(["位置 Where", "规则 Rule", "级别 Level", "问题 Finding"], rows)


def codeowners(standards: Sequence[Standard], today: date | None = None) -> str:
    """A CODEOWNERS file from the standards' owners: one line per standards file.

    Only owners that a code host can resolve are written (@user, @org/team, e-mail); other
    owners (a team name in words) are listed as comments so nothing is silently dropped.
    """
    by_file: dict[str, set[str]] = {}
    for std in standards:
        if std.owner:
            by_file.setdefault(std.file, set()).add(std.owner)
    stamp = f" on {today.isoformat()}" if today else ""
    lines = [f"# Generated by `handbook codeowners`{stamp}; edit owners in the YAML files."]
    for file, owners in sorted(by_file.items()):
        usable = sorted(o for o in owners if _resolvable(o))
        other = sorted(o for o in owners if not _resolvable(o))
        if usable:
            lines.append(f"/{file} {' '.join(usable)}")
        if other:
            lines.append(f"# /{file}: {', '.join(other)} (not a user, team or e-mail)")
    return "\n".join(lines) + "\n"


def _resolvable(owner: str) -> bool:
    return " " not in owner and (owner.startswith("@") or "@" in owner[1:]) and owner.isascii()
