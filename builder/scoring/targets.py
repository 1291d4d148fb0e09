"""Which target a period is scored against: the one in force when the period began.

A standard's `measure.target`/`amber` took effect on the standard's `effective` date;
`measure.history` lists the targets before it, each with its own `effective` date. Raising a
target therefore leaves past results scored against the target of their time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from builder.model.standard import Standard


@dataclass(frozen=True)
class Terms:
    target: float | None
    amber: float | None
    direction: str | None
    effective: date | None  # when this target took effect, when known


def terms_at(std: Standard, day: date) -> Terms:
    """The target and amber band in force on `day`.

    Before the earliest known date the earliest known target applies: it is the best
    record of what was promised then.
    """
    m = std.measure
    if m is None:
        return Terms(None, None, None, None)
    current = Terms(m.target, m.amber, m.direction, std.effective)
    if not m.history or std.effective is None:
        return current
    dated = [Terms(h.target, h.amber, m.direction, h.effective) for h in m.history]
    dated.append(current)
    in_force = [t for t in dated if t.effective is not None and t.effective <= day]
    return in_force[-1] if in_force else dated[0]
