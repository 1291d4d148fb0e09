"""Typed standards: what the loader produces and every later stage reads."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

KINDS = ("charter", "process", "personal", "sop")
PROCESS_AREAS = (
    "timeliness",
    "flow",
    "flexibility",
    "anticipation",
    "communication",
    "feedback",
    "supervision",
)
PERSONAL_AREAS = (
    "appearance",
    "attitude",
    "attentiveness",
    "tact",
    "guidance",
    "complaint-handling",
    "selling",
)
AREAS_BY_KIND = {"process": PROCESS_AREAS, "personal": PERSONAL_AREAS}
TIERS = ("basic", "expected", "differentiated")
UNITS = ("percent", "seconds", "minutes", "hours", "days", "count", "score", "nps", "csat", "ces")
DIRECTIONS = ("at_least", "at_most")
PERIODS = ("daily", "weekly", "monthly", "quarterly", "yearly")
SURVEY_SCALES = {"csat": 5, "ces": 7}  # default number of points; NPS is always 0–10
METHODS = ("data", "announced-audit", "mystery-shop", "survey")
STATUSES = ("active", "draft")
JOURNEY = ("before", "arrival", "waiting", "service", "departure", "after")


@dataclass(frozen=True)
class Text:
    """A string from a YAML file that can point at any span of itself."""

    value: str
    line: int
    column: int
    raw: str = ""  # the scalar as written in the file (quotes, folding and all)

    def locate(self, start: int, end: int) -> tuple[int, int]:
        """1-based (line, column) in the file of value[start:end]."""
        snippet = self.value[start:end]
        nth = self.value.count(snippet, 0, start) if snippet else 0
        pos = -1
        for _ in range(nth + 1):
            pos = self.raw.find(snippet, pos + 1) if snippet else -1
            if pos < 0:
                return self.line, self.column + (start if "\n" not in self.raw else 0)
        newlines = self.raw.count("\n", 0, pos)
        if newlines == 0:
            return self.line, self.column + pos
        return self.line + newlines, pos - self.raw.rfind("\n", 0, pos)

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class PastTarget:
    """A target that was in force from `effective` until the next one (measure.history)."""

    effective: date
    target: float
    amber: float | None = None
    line: int = 0


@dataclass(frozen=True)
class Measure:
    metric: str | None = None
    unit: str | None = None
    direction: str | None = None
    target: float | None = None
    amber: float | None = None
    period: str | None = None
    method: str | None = None
    baseline: float | None = None
    line: int = 0
    key_lines: Mapping[str, int] = field(default_factory=dict)
    scale: int | None = None  # csat/ces: responses run 1 … scale
    satisfied_from: int | None = None  # csat: the lowest response that counts as satisfied
    history: tuple[PastTarget, ...] = ()  # earlier targets, oldest first

    @property
    def is_complete(self) -> bool:
        """Enough to decide compliance: a level, which way it points, and what it counts in."""
        return None not in (self.target, self.direction, self.unit)


@dataclass(frozen=True)
class Step:
    text: Text
    measure: Measure | None = None


@dataclass(frozen=True)
class Standard:
    id: str
    title: Text
    kind: str
    statement: Text
    file: str  # POSIX, relative to the project root
    line: int  # line of the standard's first key
    lang: str
    area: str | None = None
    tier: str | None = None
    owner: str | None = None
    version: str | None = None
    effective: date | None = None
    review_by: date | None = None
    status: str = "active"
    measure: Measure | None = None
    steps: tuple[Step, ...] = ()
    title_en: str | None = None
    statement_en: str | None = None
    journey: str | None = None
    serves: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    key_lines: Mapping[str, int] = field(default_factory=dict)

    def line_of(self, key: str) -> int:
        """Line of `key` in the file, or of the standard itself when the key is absent."""
        return self.key_lines.get(key, self.line)

    @property
    def texts(self) -> tuple[Text, ...]:
        """Every commitment the standard makes in prose: the statement, then SOP steps."""
        return (self.statement, *(step.text for step in self.steps))

    @property
    def slug(self) -> str:
        return self.id.lower()
