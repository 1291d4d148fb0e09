"""What changed between two releases: matched by id; wording, targets and fields compared."""

from __future__ import annotations

from dataclasses import replace

from builder.changes import compare
from builder.model.standard import Measure, Standard, Text

PCT = Measure(unit="percent", direction="at_least", target=90)
WAIT = Measure(unit="minutes", direction="at_most", target=15)


def std(sid: str, statement: str = "95%的来电在20秒内接通", **extra: object) -> Standard:
    return Standard(sid, Text("t", 1, 1), "process", Text(statement, 1, 1), "a.yaml", 1, "zh",
                    **extra)  # type: ignore[arg-type]  # fmt: skip


def test_added_and_removed_by_id() -> None:
    changes = compare([std("A"), std("B")], [std("B"), std("C")])
    assert [s.id for s in changes.added] == ["C"]
    assert [s.id for s in changes.removed] == ["A"]
    assert changes.changed == ()


def test_rewording_counts_but_line_layout_does_not() -> None:
    changes = compare([std("A", "每月 巡检\n一次"), std("B")], [std("A", "每月 巡检 一次"),
                      std("B", "98%的来电在20秒内接通")])  # fmt: skip
    assert [c.id for c in changes.reworded] == ["B"]


def test_a_raised_percentage_is_tighter_a_longer_wait_is_looser() -> None:
    changes = compare(
        [std("A", measure=PCT), std("B", measure=WAIT)],
        [std("A", measure=replace(PCT, target=95)), std("B", measure=replace(WAIT, target=20))],
    )
    moves = {c.id: c.target for c in changes.targets}
    assert moves["A"] is not None and (moves["A"].old, moves["A"].new) == (90, 95)
    assert moves["A"].tighter is True
    assert moves["B"] is not None and moves["B"].tighter is False


def test_document_fields_are_listed_by_name() -> None:
    (changed,) = compare([std("A", owner="ops")], [std("A", owner="retail", tier="basic")]).changed
    assert changed.fields == ("tier", "owner") and not changed.reworded


def test_identical_sets_have_no_changes() -> None:
    assert compare([std("A", measure=PCT)], [std("A", measure=PCT)]).empty
