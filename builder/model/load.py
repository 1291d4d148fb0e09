"""Load every standard file into typed Standards, turning each defect into a located finding.

One bad file never stops the others: it becomes findings and the rest are still loaded.
Missing optional keys are left empty here; the rules report them.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from builder.model.finding import Finding
from builder.model.standard import (
    DIRECTIONS,
    JOURNEY,
    KINDS,
    METHODS,
    PERIODS,
    STATUSES,
    SURVEY_SCALES,
    TIERS,
    UNITS,
    Measure,
    PastTarget,
    Standard,
    Step,
    Text,
)
from builder.model.suppressions import Suppression, parse_suppressions
from builder.model.yamlsource import Mark, YamlError, YList, YMap, read_yaml
from builder.project import Project
from builder.text.lang import detect_lang

ID_PATTERN = re.compile(r"^[A-Za-z0-9._-]+$")
REQUIRED = ("id", "title", "kind", "statement")
INHERITED = (
    "owner",
    "area",
    "kind",
    "tier",
    "status",
    "roles",
    "journey",
    "version",
    "effective",
    "review_by",
    "lang",
)
KNOWN_KEYS = (
    *REQUIRED,
    "area",
    "tier",
    "owner",
    "version",
    "effective",
    "review_by",
    "measure",
    "steps",
    "lang",
    "status",
    "en",
    "journey",
    "serves",
    "roles",
    "ignore",
)
FILE_KEYS = ("standards", *INHERITED)
MEASURE_KEYS = (
    "metric",
    "unit",
    "direction",
    "target",
    "amber",
    "period",
    "method",
    "baseline",
    "scale",
    "satisfied_from",
    "history",
)
HISTORY_KEYS = ("effective", "target", "amber")
HISTORY_EXAMPLE = "e.g. history: [{effective: 2026-01-01, target: 85, amber: 80}]"
CHOICES: dict[str, tuple[str, ...]] = {
    "kind": KINDS,
    "tier": TIERS,
    "status": STATUSES,
    "journey": JOURNEY,
    "lang": ("zh", "en"),
    "unit": UNITS,
    "direction": DIRECTIONS,
    "period": PERIODS,
    "method": METHODS,
}


@dataclass
class Loaded:
    standards: list[Standard] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    suppressions: dict[str, dict[int, Suppression]] = field(default_factory=dict)


def standard_files(paths: Iterable[Path]) -> list[Path]:
    """YAML files named directly, or found at any depth under named folders, sorted."""
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(
                p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()
            )
        else:
            found.add(path)
    return sorted(found)


def load_standards(project: Project, paths: Iterable[Path] | None = None) -> Loaded:
    loaded = Loaded()
    for path in standard_files(paths or [project.standards_dir]):
        rel = project.relative(path)
        loaded.files.append(rel)
        _FileLoader(rel, loaded).load(path)
    _report_duplicate_ids(loaded)
    return loaded


def decode(data: bytes) -> str:
    """Bytes to text: a BOM decides, else strict UTF-8 (YAML files are UTF-8 by spec)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def _report_duplicate_ids(loaded: Loaded) -> None:
    first: dict[str, Standard] = {}
    for std in loaded.standards:
        if std.id in first:
            orig = first[std.id]
            loaded.findings.append(
                Finding(
                    std.file,
                    std.line_of("id"),
                    1,
                    "LOAD-S003",
                    f"duplicate id {std.id!r}: also used at {orig.file}:{orig.line_of('id')}",
                    suggestion="give each standard its own id",
                )
            )
        else:
            first[std.id] = std


class _FileLoader:
    def __init__(self, rel: str, loaded: Loaded) -> None:
        self.rel = rel
        self.loaded = loaded

    def problem(
        self,
        mark: Mark,
        code: str,
        message: str,
        *,
        severity: str = "error",
        suggestion: str | None = None,
    ) -> None:
        self.loaded.findings.append(
            Finding(
                self.rel,
                mark.line,
                mark.column,
                code,
                message,
                "warning" if severity == "warning" else "error",
                suggestion=suggestion,
            )
        )

    def load(self, path: Path) -> None:
        try:
            text = decode(path.read_bytes())
        except OSError as exc:
            self.problem(Mark(1, 1), "LOAD-F001", f"cannot read file: {exc.strerror or exc}")
            return
        except UnicodeDecodeError as exc:
            self.problem(
                Mark(1, 1),
                "LOAD-F001",
                f"not UTF-8 text (bad byte at offset {exc.start})",
                suggestion="save the file as UTF-8",
            )
            return
        self.loaded.suppressions[self.rel] = parse_suppressions(text)
        try:
            data, problems = read_yaml(text)
        except YamlError as exc:
            self.problem(exc.problem.mark, exc.problem.code, exc.problem.message)
            return
        for p in problems:
            self.problem(p.mark, p.code, p.message)
        if data is None:
            self.problem(
                Mark(1, 1),
                "LOAD-F003",
                "file is empty",
                suggestion="add a 'standards:' list or delete the file",
            )
            return
        if not isinstance(data, YMap) or not isinstance(data.get("standards"), YList):
            where = data.mark if isinstance(data, (YMap, YList)) else Mark(1, 1)
            self.problem(
                where,
                "LOAD-F003",
                "a standards file must be a mapping with a 'standards:' list",
                suggestion="start the file with 'standards:' followed by '- id: ...' items",
            )
            return
        self.unknown_keys(data, FILE_KEYS)
        defaults = {k: data[k] for k in INHERITED if k in data}
        default_lines = {k: data.key_marks[k].line for k in defaults}
        entries: YList = data["standards"]
        for item, mark in zip(entries, entries.item_marks, strict=True):
            if not isinstance(item, YMap):
                self.problem(mark, "LOAD-F003", "each item of 'standards' must be a mapping")
                continue
            std = self.standard(item, defaults, default_lines)
            if std is not None:
                self.loaded.standards.append(std)

    def unknown_keys(self, m: YMap, known: tuple[str, ...]) -> None:
        for key in m:
            if key not in known:
                close = difflib.get_close_matches(str(key), known, n=1)
                hint = f"did you mean {close[0]!r}?" if close else f"known keys: {', '.join(known)}"
                self.problem(
                    m.key_marks[key],
                    "LOAD-S004",
                    f"unknown key {key!r}",
                    severity="warning",
                    suggestion=hint,
                )

    def standard(
        self, m: YMap, defaults: dict[str, Any], default_lines: dict[str, int]
    ) -> Standard | None:
        merged: dict[str, Any] = {**defaults, **m}
        missing = [k for k in REQUIRED if merged.get(k) in (None, "")]
        if missing:
            self.problem(
                m.mark,
                "LOAD-S001",
                f"standard is missing required key(s): {', '.join(missing)}",
                suggestion="every standard needs id, title, kind and statement",
            )
            return None
        sid = str(merged["id"])
        if not ID_PATTERN.match(sid):
            self.problem(
                m.value_marks.get("id", m.mark),
                "LOAD-S002",
                f"id {sid!r} may only use letters, digits, '.', '_' and '-'",
            )
            return None
        self.unknown_keys(m, KNOWN_KEYS)
        key_lines = {**default_lines, **{k: mk.line for k, mk in m.key_marks.items()}}
        statement = self.text(m, "statement")
        title = self.text(m, "title")
        en_value = m.get("en")
        en = en_value if isinstance(en_value, YMap) else YMap()
        effective = self.date(m, merged, "effective")
        measure = None
        if "measure" in m:
            measure = self.measure(m["measure"], m.value_marks["measure"], effective, dated=True)
        return Standard(
            id=sid,
            title=title,
            kind=self.choice(m, merged, "kind") or "process",
            statement=statement,
            file=self.rel,
            line=m.mark.line,
            lang=self.choice(m, merged, "lang") or detect_lang(statement.value),
            area=self.string(merged.get("area")),
            tier=self.choice(m, merged, "tier"),
            owner=self.string(merged.get("owner")),
            version=self.string(merged.get("version")),
            effective=effective,
            review_by=self.date(m, merged, "review_by"),
            status=self.choice(m, merged, "status") or "active",
            measure=measure,
            steps=self.steps(m),
            title_en=self.string(en.get("title")),
            statement_en=self.string(en.get("statement")),
            journey=self.choice(m, merged, "journey"),
            serves=self.strings(merged.get("serves")),
            roles=self.strings(merged.get("roles")),
            ignore=self.strings(merged.get("ignore")),
            key_lines=key_lines,
        )

    # --- typed values -------------------------------------------------------------------

    def invalid(self, m: YMap, key: str, message: str, suggestion: str | None = None) -> None:
        self.problem(m.value_marks.get(key, m.mark), "LOAD-S002", message, suggestion=suggestion)

    @staticmethod
    def string(value: Any) -> str | None:
        if value is None or isinstance(value, (YMap, YList)):
            return None
        return str(value)

    @staticmethod
    def strings(value: Any) -> tuple[str, ...]:
        if isinstance(value, YList):
            return tuple(str(v) for v in value if not isinstance(v, (YMap, YList)))
        return (str(value),) if value not in (None, "") else ()

    def text(self, m: YMap, key: str) -> Text:
        mark = m.value_marks.get(key, m.mark)
        value = m.get(key)
        if isinstance(value, (YMap, YList)):
            self.invalid(m, key, f"{key!r} must be text, not a {type(value).__name__[1:].lower()}")
            value = ""
        return Text(str(value or "").strip(), mark.line, mark.column, m.value_raw.get(key, ""))

    def choice(self, m: YMap, merged: dict[str, Any], key: str) -> str | None:
        value = self.string(merged.get(key))
        allowed = CHOICES[key]
        if value is None or value in allowed:
            return value
        close = difflib.get_close_matches(value, allowed, n=1)
        self.invalid(
            m,
            key,
            f"{key} {value!r} is not one of: {', '.join(allowed)}",
            f"did you mean {close[0]!r}?" if close else None,
        )
        return None

    def date(self, m: YMap, merged: dict[str, Any], key: str) -> date | None:
        value = merged.get(key)
        if value is None or isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.invalid(m, key, f"{key} {value!r} is not a date", "write it as YYYY-MM-DD")
            return None

    def number(self, m: YMap, key: str) -> float | None:
        value = m.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.invalid(
                m, key, f"{key} {value!r} is not a number", "write a plain number, e.g. 95"
            )
            return None
        if value != value or value in (float("inf"), float("-inf")):
            self.invalid(m, key, f"{key} must be a finite number")
            return None
        return float(value)

    def measure(
        self, value: Any, mark: Mark, effective: datetime.date | None = None, *, dated: bool = False
    ) -> Measure | None:
        """A measure block; `dated`: it belongs to a standard whose `effective` dates it."""
        if not isinstance(value, YMap):
            self.problem(mark, "LOAD-S002", "'measure' must be a mapping of metric, unit, target …")
            return None
        self.unknown_keys(value, MEASURE_KEYS)
        unit = self.choice(value, value, "unit")
        direction = self.choice(value, value, "direction")
        scale = self.scale(value, unit)
        return Measure(
            metric=self.string(value.get("metric")),
            unit=unit,
            direction=direction,
            target=self.number(value, "target"),
            amber=self.number(value, "amber"),
            period=self.choice(value, value, "period"),
            method=self.choice(value, value, "method"),
            baseline=self.number(value, "baseline"),
            line=mark.line,
            key_lines={k: mk.line for k, mk in value.key_marks.items()},
            scale=scale,
            satisfied_from=self.satisfied_from(value, unit, scale),
            history=self.history(value, direction, effective if dated else None, dated),
        )

    # --- survey scales and target history (scored by builder.scoring) -------------------

    def whole(self, m: YMap, key: str, low: int, high: int) -> int | None:
        value = m.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.invalid(m, key, f"{key} {value!r} must be a whole number from {low} to {high}")
            return None
        return value

    def scale(self, m: YMap, unit: str | None) -> int | None:
        scale = self.whole(m, "scale", 2, 100)
        if scale is not None and unit not in SURVEY_SCALES:
            hint = "NPS responses are always 0–10" if unit == "nps" else "remove it"
            self.invalid(m, "scale", f"scale applies to csat and ces survey standards, not "
                         f"unit {unit!r}", hint)  # fmt: skip
            return None
        return scale

    def satisfied_from(self, m: YMap, unit: str | None, scale: int | None) -> int | None:
        top = scale or SURVEY_SCALES.get(unit or "", 5)
        value = self.whole(m, "satisfied_from", 1, top)
        if value is not None and unit != "csat":
            self.invalid(m, "satisfied_from", "satisfied_from applies to csat standards only")
            return None
        return value

    def history(
        self, m: YMap, direction: str | None, effective: datetime.date | None, dated: bool
    ) -> tuple[PastTarget, ...]:
        """Earlier targets, oldest first; each must predate the standard's `effective`."""
        value = m.get("history")
        if value is None:
            return ()
        if not isinstance(value, YList):
            self.invalid(m, "history", "'history' must be a list of earlier targets",
                         HISTORY_EXAMPLE)  # fmt: skip
            return ()
        if dated and effective is None:
            self.invalid(m, "history", "a target history needs the standard's 'effective' date, "
                         "the day the current target took effect",
                         "add effective: YYYY-MM-DD to the standard")  # fmt: skip
        entries: dict[date, PastTarget] = {}
        for item, mark in zip(value, value.item_marks, strict=True):
            entry = self.past_target(item, mark, direction)
            if entry is None:
                continue
            where = item.value_marks["effective"]
            if entry.effective in entries:
                self.problem(where, "LOAD-S002", f"two history entries take effect on "
                             f"{entry.effective}", suggestion="keep one of them")  # fmt: skip
            elif effective is not None and entry.effective >= effective:
                self.problem(
                    where,
                    "LOAD-S002",
                    f"history entry effective {entry.effective} is not before the standard's "
                    f"effective date {effective}; history lists earlier targets only",
                    suggestion="the current target belongs in measure.target, dated by the "
                    "standard's 'effective'",
                )
            else:
                entries[entry.effective] = entry
        return tuple(sorted(entries.values(), key=lambda e: e.effective))

    def past_target(self, item: Any, mark: Mark, direction: str | None) -> PastTarget | None:
        if not isinstance(item, YMap):
            self.problem(mark, "LOAD-S002", "a history entry must be a mapping of effective, "
                         "target and amber", suggestion=HISTORY_EXAMPLE)  # fmt: skip
            return None
        self.unknown_keys(item, HISTORY_KEYS)
        missing = [k for k in ("effective", "target") if item.get(k) is None]
        if missing:
            self.problem(mark, "LOAD-S002", f"history entry lacks {' and '.join(missing)}",
                         suggestion=HISTORY_EXAMPLE)  # fmt: skip
            return None
        effective, target = self.date(item, item, "effective"), self.number(item, "target")
        amber = self.number(item, "amber")
        if effective is None or target is None:
            return None
        if amber is not None and amber != target and (amber > target) == (direction != "at_most"):
            side = "below" if direction != "at_most" else "above"
            self.invalid(item, "amber", f"amber {amber:g} is on the wrong side of the target "
                         f"{target:g}", f"for {direction or 'at_least'} the amber band lies "
                         f"{side} the target")  # fmt: skip
            amber = None
        return PastTarget(effective, target, amber, mark.line)

    def steps(self, m: YMap) -> tuple[Step, ...]:
        value = m.get("steps")
        if value is None:
            return ()
        if not isinstance(value, YList):
            self.invalid(m, "steps", "'steps' must be a list of steps")
            return ()
        return tuple(self._steps(value))

    def _steps(self, items: YList) -> Iterator[Step]:
        for item, mark, raw in zip(items, items.item_marks, items.item_raw, strict=True):
            if isinstance(item, YMap):
                if "text" not in item:
                    self.problem(mark, "LOAD-S001", "a step mapping needs a 'text' key")
                    continue
                measure = (
                    self.measure(item["measure"], item.value_marks["measure"])
                    if "measure" in item
                    else None
                )
                yield Step(self.text(item, "text"), measure)
            elif isinstance(item, YList):
                self.problem(mark, "LOAD-S002", "a step must be text or a mapping with 'text'")
            else:
                yield Step(Text(str(item).strip(), mark.line, mark.column, raw))
