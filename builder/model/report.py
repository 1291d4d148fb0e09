"""What `handbook check` produces: per-standard results and file-level findings."""

from __future__ import annotations

from dataclasses import dataclass, field

from builder.model.finding import Finding
from builder.model.standard import Standard


@dataclass(frozen=True)
class StandardResult:
    standard: Standard
    verdict: str  # measurable | partial | vague
    smart: dict[str, bool]
    findings: tuple[Finding, ...]

    @property
    def flagged(self) -> bool:
        return self.verdict != "measurable"


@dataclass(frozen=True)
class Report:
    results: tuple[StandardResult, ...]
    findings: tuple[Finding, ...] = ()  # not tied to one standard
    files: tuple[str, ...] = field(default_factory=tuple)

    @property
    def all_findings(self) -> list[Finding]:
        every = [*self.findings, *(f for r in self.results for f in r.findings)]
        return sorted(every)

    @property
    def errors(self) -> int:
        return sum(f.is_error for f in self.all_findings)

    @property
    def warnings(self) -> int:
        return sum(not f.is_error for f in self.all_findings)

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0
