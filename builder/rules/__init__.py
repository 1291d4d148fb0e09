"""The rule registry: every finding code, its metadata and its documentation.

A rule is a generator over one standard that yields `Hit`s; the engine turns hits into
findings, stamping the code, the configured severity and the file. Codes are stable
(`FAMILY-Xnnn`), never renumbered or reused. A rule's docstring is its documentation:
`handbook rule CODE` prints it and the site renders one page per code.

Codes emitted outside rules (the loader, audit ingest) are *declared* here too, so every
code a user can see has a page.
"""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from builder.model.finding import Severity

if TYPE_CHECKING:
    from builder.config import Config
    from builder.model.standard import Standard

CODE_PATTERN = re.compile(r"^[A-Z]+-[A-Z]\d{3}$")
SMART = ("specific", "measurable", "achievable", "relevant", "time_bound")
FAMILIES = (
    "specific", "measurable", "achievable", "relevant", "timebound", "document", "declared",
    "suppress",
)  # fmt: skip


@dataclass(frozen=True)
class Hit:
    """What a rule found: where, what is wrong, and what to write instead."""

    line: int
    column: int
    message: str
    text: str | None = None
    suggestion: str | None = None


@dataclass(frozen=True)
class Context:
    """What rules may know besides the standard itself."""

    config: Config
    today: date
    ids: frozenset[str] = frozenset()  # every standard id in the project, for cross-references
    best: Mapping[str, Best] = field(default_factory=dict)  # best audited result per standard


@dataclass(frozen=True)
class Best:
    """The best result a standard has ever had in the audits, and when."""

    achieved: float
    period: str


Check = Callable[["Standard", Context], Iterator[Hit]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    smart: str | None
    severity: Severity
    doc: str
    check: Check | None  # None: emitted by the loader or audit ingest

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0] if self.doc.strip() else self.name


REGISTRY: dict[str, Rule] = {}


def _register(rule: Rule) -> None:
    assert CODE_PATTERN.match(rule.code), f"bad rule code {rule.code!r}"
    assert rule.code not in REGISTRY, f"duplicate rule code {rule.code}"
    assert rule.smart in (*SMART, None), f"{rule.code}: unknown SMART dimension {rule.smart}"
    REGISTRY[rule.code] = rule


def rule(
    code: str, name: str, *, smart: str | None = None, severity: Severity = "error"
) -> Callable[[Check], Check]:
    """Register a rule function; its docstring becomes its documentation page."""

    def register(check: Check) -> Check:
        _register(Rule(code, name, smart, severity, inspect.getdoc(check) or "", check))
        return check

    return register


def declare(code: str, name: str, doc: str, *, severity: Severity = "error") -> None:
    """Register a code that is emitted outside the rule engine (loader, audits)."""
    _register(Rule(code, name, None, severity, inspect.cleandoc(doc), None))


def load_all() -> dict[str, Rule]:
    """Import every family module once, so the registry is complete."""
    for family in FAMILIES:
        importlib.import_module(f"builder.rules.{family}")
    return REGISTRY


def get(code: str) -> Rule:
    rules = load_all()
    if code not in rules:
        raise KeyError(code)
    return rules[code]
