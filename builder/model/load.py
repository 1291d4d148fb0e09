"""Load every standard file into typed Standards, turning each defect into a located finding.

One bad file never stops the others: it becomes findings and the rest are still loaded.
Missing optional keys are left empty here; the rules report them.
"""

from __future__ import annotations

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
    TIERS,
    UNITS,
    Measure,
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
MEASURE_KEYS = ("metric", "unit", "direction", "target", "amber", "period", "method", "baseline")
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
            effective=self.date(m, merged, "effective"),
            review_by=self.date(m, merged, "review_by"),
            status=self.choice(m, merged, "status") or "active",
            measure=self.measure(m["measure"], m.value_marks["measure"])
            if "measure" in m
            else None,
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

    def measure(self, value: Any, mark: Mark) -> Measure | None:
        if not isinstance(value, YMap):
            self.problem(mark, "LOAD-S002", "'measure' must be a mapping of metric, unit, target …")
            return None
        self.unknown_keys(value, MEASURE_KEYS)
        return Measure(
            metric=self.string(value.get("metric")),
            unit=self.choice(value, value, "unit"),
            direction=self.choice(value, value, "direction"),
            target=self.number(value, "target"),
            amber=self.number(value, "amber"),
            period=self.choice(value, value, "period"),
            method=self.choice(value, value, "method"),
            baseline=self.number(value, "baseline"),
            line=mark.line,
            key_lines={k: mk.line for k, mk in value.key_marks.items()},
        )

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
