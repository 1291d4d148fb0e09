"""The one value type every check, format and page reads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Finding:
    file: str  # POSIX path relative to the project root
    line: int  # 1-based
    column: int  # 1-based
    rule: str  # stable code, e.g. "SMART-S002"
    message: str  # what is wrong; one sentence
    severity: Severity = "error"
    text: str | None = None  # offending span, e.g. "尽快"
    suggestion: str | None = None  # what to write instead
    smart: str | None = None  # SMART dimension the rule belongs to, if any

    @property
    def is_error(self) -> bool:
        return self.severity == "error"
