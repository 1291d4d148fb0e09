"""What changed between two sets of standards: added, removed, reworded, targets moved.

Pure: it compares two lists of Standards, however they were loaded (two git releases for the
site's "what changed" page, or a pull request's base and head for `handbook diff`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from builder.model.standard import Standard


@dataclass(frozen=True)
class TargetMove:
    """A target that moved; `tighter` means the new level is harder to meet."""

    old: float | None
    new: float | None
    direction: str | None
    unit: str | None

    @property
    def tighter(self) -> bool | None:
        if self.old is None or self.new is None or self.direction is None:
            return None
        return self.new > self.old if self.direction == "at_least" else self.new < self.old


@dataclass(frozen=True)
class Changed:
    """One standard present on both sides, with what differs."""

    old: Standard
    new: Standard
    reworded: bool  # the statement or an SOP step says something else
    target: TargetMove | None
    fields: tuple[str, ...]  # other document fields that changed: owner, tier, area …

    @property
    def id(self) -> str:
        return self.new.id


@dataclass(frozen=True)
class Changes:
    added: tuple[Standard, ...] = ()
    removed: tuple[Standard, ...] = ()
    changed: tuple[Changed, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    @property
    def reworded(self) -> list[Changed]:
        return [c for c in self.changed if c.reworded]

    @property
    def targets(self) -> list[Changed]:
        return [c for c in self.changed if c.target is not None]


# Fields a reviewer cares about besides wording and target.
FIELDS = ("title", "kind", "area", "tier", "owner", "status", "review_by", "journey", "roles")


def compare(old: Iterable[Standard], new: Iterable[Standard]) -> Changes:
    """The difference from `old` to `new`, matched by id, each list sorted by id."""
    before = {s.id: s for s in old}
    after = {s.id: s for s in new}
    changed = [_changed(before[i], after[i]) for i in sorted(before.keys() & after.keys())]
    return Changes(
        added=tuple(after[i] for i in sorted(after.keys() - before.keys())),
        removed=tuple(before[i] for i in sorted(before.keys() - after.keys())),
        changed=tuple(c for c in changed if c.reworded or c.target or c.fields),
    )


def _changed(old: Standard, new: Standard) -> Changed:
    return Changed(old, new, _words(old) != _words(new), _target_move(old, new), _fields(old, new))


def _words(std: Standard) -> tuple[str, ...]:
    return tuple(" ".join(t.value.split()) for t in std.texts)  # layout is not wording


def _target_move(old: Standard, new: Standard) -> TargetMove | None:
    a, b = old.measure, new.measure
    before, after = (a.target if a else None), (b.target if b else None)
    if before == after:
        return None
    measure = b or a
    assert measure is not None  # the targets differ, so one side has a measure
    return TargetMove(before, after, measure.direction, measure.unit)


def _fields(old: Standard, new: Standard) -> tuple[str, ...]:
    return tuple(f for f in FIELDS if _value(old, f) != _value(new, f))


def _value(std: Standard, field: str) -> object:
    value = getattr(std, field)
    return value.value if field == "title" else value
