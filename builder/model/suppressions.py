"""Suppression comments in standards files: `# handbook: ignore[CODE, ...] reason`.

Read here, where the file's text is at hand; applied by `builder.rules.suppress`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_COMMENT = re.compile(r"#\s*handbook:\s*ignore(?:\[(?P<codes>[^\]]*)\])?(?P<reason>.*)$")


@dataclass
class Suppression:
    line: int
    column: int
    codes: tuple[str, ...]
    reason: str
    used: set[str] = field(default_factory=set)

    def covers(self, code: str) -> str | None:
        """The listed code or prefix that covers `code`, if any."""
        return next((c for c in self.codes if code.startswith(c)), None)


def parse_suppressions(text: str) -> dict[int, Suppression]:
    """Line number -> the suppression comment on that line."""
    found: dict[int, Suppression] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if "handbook:" not in line:
            continue
        m = _COMMENT.search(line)
        if m is None:
            continue
        codes = tuple(c.strip().upper() for c in (m.group("codes") or "").split(",") if c.strip())
        found[number] = Suppression(number, m.start() + 1, codes, m.group("reason").strip())
    return found
