"""Load every standard file into typed Standards, turning each defect into a located finding.

One bad file never stops the others: it becomes findings and the rest are still loaded.
Missing optional keys are left empty here; the rules report them.
"""

from __future__ import annotations

import datetime
import difflib
import math
import os
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

# An id names its page (standards/<id>.md): a letter or digit first, as a file name that
# starts with "." is hidden (MkDocs skips it) and ".." is a path; short enough for any file
# system (ext4 and NTFS allow 255 bytes).
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")  # fullmatch: "$" passes a final \n
_ID_CHARS = re.compile(r"[A-Za-z0-9._-]+")
MAX_ID_LENGTH = 64
# The safe YAML loader reads about half a megabyte a second: a larger file is refused
# rather than stalling every check (split it; a handbook file holds tens of standards).
MAX_FILE_BYTES = 2 * 1024 * 1024
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
EN_KEYS = ("title", "statement")
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
    """YAML files named directly, or found at any depth under named folders, sorted.

    Links are listed so that reading them reports what is wrong instead of skipping files
    unnoticed: a link named *.yaml even when it leads nowhere (or round in a loop), and a
    link to a folder, which is not walked.
    """
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(p for p in path.rglob("*") if _is_standards_file(p))
        else:
            found.add(path)
    return sorted(found)


def _is_standards_file(path: Path) -> bool:
    if path.suffix in (".yaml", ".yml"):
        return path.is_file() or path.is_symlink()
    return path.is_symlink() and path.is_dir()


def load_standards(project: Project, paths: Iterable[Path] | None = None) -> Loaded:
    loaded = Loaded()
    for path in standard_files(paths or [project.standards_dir]):
        rel, outside = _where(project, path)
        loaded.files.append(rel)
        _FileLoader(rel, loaded).load(path, outside)
    _report_duplicate_ids(loaded)
    return loaded


def _where(project: Project, path: Path) -> tuple[str, str | None]:
    """The path as findings name it, and where it leads when a link takes it out of the
    project (else None).

    A link is named as written, not by its target: that is the file the user listed. Only
    files inside the project are confined to it: a path outside it named on the command
    line is the user's explicit choice.
    """
    rel = project.relative(path)
    if not Path(os.path.abspath(path)).is_relative_to(project.root):
        return rel, None
    try:
        target = path.resolve()
    except (OSError, RuntimeError):  # a loop of links: reading the file reports it
        return rel, None
    return rel, None if target.is_relative_to(project.root) else str(target)


def decode(data: bytes) -> str:
    """Bytes to text: a BOM decides, else strict UTF-8 (YAML files are UTF-8 by spec)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def _report_duplicate_ids(loaded: Loaded) -> None:
    """Ids are compared as their pages are named (`slug`): CALL-1 and call-1 would share
    standards/call-1.md, and one of the two pages would be lost."""
    first: dict[str, Standard] = {}
    for std in loaded.standards:
        if std.slug not in first:
            first[std.slug] = std
            continue
        orig = first[std.slug]
        where = f"{orig.file}:{orig.line_of('id')}"
        message = (
            f"duplicate id {std.id!r}: also used at {where}"
            if std.id == orig.id
            else f"id {std.id!r} differs from {orig.id!r} at {where} only in case; "
            "both would be published as the same page"
        )
        hint = "give each standard its own id"
        loaded.findings.append(
            Finding(std.file, std.line_of("id"), 1, "LOAD-S003", message, suggestion=hint)
        )


def _id_problem(sid: str) -> str | None:
    """What makes `sid` unfit to name a page, if anything."""
    if len(sid) > MAX_ID_LENGTH:
        return f"id is {len(sid)} characters long; an id has at most {MAX_ID_LENGTH}"
    if ID_PATTERN.fullmatch(sid):
        return None
    if _ID_CHARS.fullmatch(sid):
        return f"id {sid!r} must start with a letter or a digit"
    return f"id {sid!r} may only use letters, digits, '.', '_' and '-'"


def _shape(value: YMap | YList) -> str:
    return "mapping" if isinstance(value, YMap) else "list"


def _empty_map() -> YMap:
    """A mapping with nothing in it, standing in for an absent block."""
    empty = YMap()
    empty.mark = Mark(1, 1)
    empty.key_marks, empty.value_marks, empty.value_raw = {}, {}, {}
    return empty


class _FileLoader:
    def __init__(self, rel: str, loaded: Loaded) -> None:
        self.rel = rel
        self.loaded = loaded
        self.file = _empty_map()  # the file's top level: where inherited values are written
        self.reported: set[Finding] = set()

    def problem(
        self,
        mark: Mark,
        code: str,
        message: str,
        *,
        severity: str = "error",
        suggestion: str | None = None,
    ) -> None:
        finding = Finding(
            self.rel,
            mark.line,
            mark.column,
            code,
            message,
            "warning" if severity == "warning" else "error",
            suggestion=suggestion,
        )
        if finding not in self.reported:  # an inherited value is checked once per standard
            self.reported.add(finding)
            self.loaded.findings.append(finding)

    def load(self, path: Path, outside: str | None = None) -> None:
        """Read one file; `outside`: where it leads when it is a link out of the project."""
        if outside is not None:
            self.problem(
                Mark(1, 1),
                "LOAD-F001",
                f"links outside the project (to {outside}); it is not read",
                suggestion="copy the file into standards/ instead of linking to it",
            )
            return
        if path.is_dir():
            self.problem(
                Mark(1, 1),
                "LOAD-F001",
                "is a link to a folder; linked folders are not followed, so its files are not read",
                suggestion="move the folder under standards/, or link each file",
            )
            return
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                self.problem(
                    Mark(1, 1),
                    "LOAD-F005",
                    f"file is {size / 1024 / 1024:.1f} MB; a standards file may hold at most "
                    f"{MAX_FILE_BYTES // 1024 // 1024} MB",
                    suggestion="split it into several files",
                )
                return
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
        self.file = data
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
        sid = self.scalar(m, merged, "id", as_written=True)
        if sid is None:
            return None
        wrong = _id_problem(sid)
        if wrong:
            self.invalid(m, "id", wrong, "write an id such as CALL-001")
            return None
        self.unknown_keys(m, KNOWN_KEYS)
        key_lines = {**default_lines, **{k: mk.line for k, mk in m.key_marks.items()}}
        statement = self.text(m, "statement")
        title = self.text(m, "title")
        en = self.english(m)
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
            area=self.scalar(m, merged, "area"),
            tier=self.choice(m, merged, "tier"),
            owner=self.scalar(m, merged, "owner"),
            version=self.scalar(m, merged, "version", as_written=True),
            effective=effective,
            review_by=self.date(m, merged, "review_by"),
            status=self.choice(m, merged, "status") or "active",
            measure=measure,
            steps=self.steps(m),
            title_en=self.scalar(en, en, "title"),
            statement_en=self.scalar(en, en, "statement"),
            journey=self.choice(m, merged, "journey"),
            serves=self.strings(m, merged, "serves"),
            roles=self.strings(m, merged, "roles"),
            ignore=self.strings(m, merged, "ignore"),
            key_lines=key_lines,
        )

    # --- typed values -------------------------------------------------------------------

    def invalid(self, m: YMap, key: str, message: str, suggestion: str | None = None) -> None:
        self.problem(m.value_marks.get(key, m.mark), "LOAD-S002", message, suggestion=suggestion)

    def scalar(
        self, m: YMap, merged: dict[str, Any], key: str, *, as_written: bool = False
    ) -> str | None:
        """A text value, the standard's own or inherited from the file; a list or mapping
        is reported. `as_written` keeps an id or version as typed ("001", "1.10"), not as
        the number YAML reads it as (1, 1.1)."""
        value = merged.get(key)
        if value is None:
            return None
        source = m if key in m else self.file
        if isinstance(value, (YMap, YList)):
            self.invalid(source, key, f"{key} must be text, not a {_shape(value)}")
            return None
        if as_written and not isinstance(value, str):
            return source.value_raw.get(key, str(value))
        return str(value)

    def strings(self, m: YMap, merged: dict[str, Any], key: str) -> tuple[str, ...]:
        """A list of texts (one text is a list of one); nested lists or mappings are reported."""
        value = merged.get(key)
        if value in (None, ""):
            return ()
        items = value if isinstance(value, YList) else [value]
        kept = tuple(str(v) for v in items if not isinstance(v, (YMap, YList)))
        if len(kept) < len(items):
            source = m if key in m else self.file
            self.invalid(source, key, f"{key} must be a list of texts", f"e.g. {key}: [CH-001]")
        return kept

    def english(self, m: YMap) -> YMap:
        """The `en:` block: the English title and statement."""
        value = m.get("en")
        if value is None:
            return _empty_map()
        if not isinstance(value, YMap):
            self.invalid(m, "en", "'en' must be a mapping of title and statement",
                         "en: {title: ..., statement: ...}")  # fmt: skip
            return _empty_map()
        self.unknown_keys(value, EN_KEYS)
        return value

    def text(self, m: YMap, key: str) -> Text:
        mark = m.value_marks.get(key, m.mark)
        value = m.get(key)
        if isinstance(value, (YMap, YList)):
            self.invalid(m, key, f"{key!r} must be text, not a {type(value).__name__[1:].lower()}")
            value = ""
        return Text(str(value or "").strip(), mark.line, mark.column, m.value_raw.get(key, ""))

    def choice(self, m: YMap, merged: dict[str, Any], key: str) -> str | None:
        value = self.scalar(m, merged, key)
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
        try:
            number = float(value)  # an int with 400 digits has no float: OverflowError
        except OverflowError:
            number = math.inf
        if not math.isfinite(number):
            self.invalid(m, key, f"{key} must be a finite number")
            return None
        return number

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
            metric=self.scalar(value, value, "metric"),
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
