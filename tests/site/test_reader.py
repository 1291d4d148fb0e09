"""Reader pages: what changed, review due by owner, owners, journey and role indexes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from builder.changes import compare
from builder.model.standard import Measure, Standard, Step, Text
from builder.site.reader import (
    changes_page,
    journey_page,
    owners_page,
    print_page,
    review_due_page,
    roles_page,
)

TODAY = date(2026, 11, 23)
PCT = Measure(unit="percent", direction="at_least", target=90)


def std(sid: str, **extra: object) -> Standard:
    return Standard(sid, Text(f"{sid} 标题", 1, 1), "process", Text("95%的来电20秒内接通", 1, 1),
                    "a.yaml", 1, "zh", **extra)  # type: ignore[arg-type]  # fmt: skip


def test_what_changed_lists_each_kind_of_change() -> None:
    old = [std("A", measure=PCT), std("B"), std("C")]
    reworded = replace(std("B"), statement=Text("新措辞", 1, 1))
    new = [std("A", measure=replace(PCT, target=95)), reworded, std("D")]
    page = changes_page("2026.2", "2026.1", compare(old, new))
    assert "# 2026.2 版本变更 What changed" in page and "since 2026.1" in page
    assert "## 新增 Added" in page and "[D](standards/d.md)" in page
    assert "## 删除 Removed" in page and "| C | C 标题 |" in page
    assert "| [B](standards/b.md) | 95%的来电20秒内接通 | 新措辞 |" in page
    assert "| [A](standards/a.md) | 90% | 95% | 收紧 tighter |" in page


def test_a_first_release_has_nothing_to_compare() -> None:
    page = changes_page("2026.1", None, compare([], [std("A")]))
    assert "首个版本 first release" in page and "## 新增" not in page


def test_review_due_groups_overdue_and_soon_due_by_owner() -> None:
    page = review_due_page(
        [
            std("A", owner="ops", review_by=date(2026, 11, 1)),  # overdue
            std("B", owner="ops", review_by=date(2026, 12, 10)),  # within 30 days
            std("C", owner="ops", review_by=date(2027, 6, 1)),  # not due
            std("D"),  # no owner, no date
        ],
        TODAY,
    )
    assert "## ops" in page and "## 未指定 No owner" in page
    assert "**2026-11-01 已逾期 overdue**" in page and "2026-12-10 即将到期 due soon" in page
    assert "[C]" not in page and "未设定 not set" in page


def test_owners_journey_and_roles_index_every_standard_once_per_group() -> None:
    a = std("A", owner="ops", journey="waiting", roles=("phone", "manager"))
    b = std("B", owner="retail", journey="arrival", roles=("phone",))
    assert owners_page([a, b]).index("## ops") < owners_page([a, b]).index("## retail")
    journey = journey_page([a, b])
    assert journey.index("## 到达 Arrival") < journey.index("## 等候 Waiting")
    roles = roles_page([a, b], {"manager": "网点负责人 Manager", "phone": "客服中心 Phone"})
    assert roles.index("## 网点负责人 Manager") < roles.index("## 客服中心 Phone")
    assert roles.count("[B](../standards/b.md)") == 1 and roles.count("[A]") == 2


def test_the_print_page_holds_every_standard_with_its_steps() -> None:
    sop = replace(std("S"), kind="sop", steps=(Step(Text("铃响三声内接听", 1, 1)),))
    page = print_page([std("A"), sop])
    assert page.index("## 流程标准 Process") < page.index("## 标准作业程序 SOP")
    assert "### S S 标题" in page and "1. 铃响三声内接听" in page
    assert page.count('<div class="handbook-print-break"></div>') == 2


def test_a_standard_page_is_tagged_by_kind_area_tier_journey_and_role() -> None:
    from builder.site.reader import front_matter

    tagged = std("A", area="timeliness", tier="basic", journey="waiting", roles=("phone",))
    assert front_matter(tagged, {"phone": "客服中心 Phone"}) == (
        '---\ntags:\n  - "流程标准 Process"\n  - "及时性 Timeliness"\n  - "基本 Basic"\n'
        '  - "等候 Waiting"\n  - "客服中心 Phone"\n---\n\n'
    )
