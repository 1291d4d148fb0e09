"""handbook.yml: the one place for rule selection, severities, thresholds and versions.

The effective config is built once: defaults <- handbook.yml <- command-line flags. Every
problem in the file is collected and reported together, each with its line; a broken config
is a usage error (exit 2), not a finding.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from builder.errors import ConfigError
from builder.model.finding import Severity
from builder.model.yamlsource import YamlError, YMap, read_yaml
from builder.text.lexicon import DEFAULT, FAMILIES, Lexicon

CONFIG_FILE = "handbook.yml"


@dataclass(frozen=True)
class Achievable:
    max_gain_points: float = 15.0
    max_gain_ratio: float = 0.5


@dataclass(frozen=True)
class Config:
    version: str = "current"
    version_title: str | None = None
    select: tuple[str, ...] = ("",)  # code prefixes; "" selects everything
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)  # code or prefix -> level
    achievable: Achievable = Achievable()
    areas: dict[str, str] = field(default_factory=dict)  # extra area slug -> label
    roles: dict[str, str] = field(default_factory=dict)  # role slug -> label, in nav order
    lexicon: Lexicon = DEFAULT  # the vague-word lexicon, with the handbook's own words
    min_sample: int = 0  # scoring: a smaller sample is "no-data" (insufficient sample)
    trend_periods: int = 3  # scoring: a result's trend looks at this many periods

    def selects(self, code: str) -> bool:
        """Ruff's rule: the longest matching prefix among select/ignore decides."""
        best_select = max((len(p) for p in self.select if code.startswith(p)), default=-1)
        best_ignore = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        return best_select > best_ignore

    def severity_of(self, code: str, default: Severity) -> Severity:
        """The configured level for `code` (longest matching prefix), else `default`."""
        matches = [p for p in self.severity if code.startswith(p)]
        return self.severity[max(matches, key=len)] if matches else default

    def with_flags(
        self, select: Sequence[str] | None = None, ignore: Sequence[str] | None = None
    ) -> Config:
        """Command-line flags win over the file; None means 'not given'."""
        new = self
        if select:
            new = replace(new, select=tuple(select))
        if ignore:
            new = replace(new, ignore=(*new.ignore, *ignore))
        return new


KEYS = (
    "version", "version_title", "rules", "achievable", "areas", "roles", "lexicon", "scoring",
)  # fmt: skip


def load_config(root: Path) -> Config:
    path = root / CONFIG_FILE
    if not path.is_file():
        return Config()
    try:
        data, problems = read_yaml(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{CONFIG_FILE}: cannot read: {exc}") from None
    except YamlError as exc:
        p = exc.problem
        raise ConfigError(f"{CONFIG_FILE}:{p.mark.line}:{p.mark.column}: {p.message}") from None
    errors = [f"{CONFIG_FILE}:{p.mark.line}:{p.mark.column}: {p.message}" for p in problems]
    if data is None:
        return Config()
    if not isinstance(data, YMap):
        raise ConfigError(f"{CONFIG_FILE}:1:1: must be a mapping")
    config = _parse(data, errors)
    if errors:
        raise ConfigError("invalid configuration:\n" + "\n".join(errors))
    return config


def _where(m: YMap, key: str) -> str:
    mark = m.value_marks.get(key, m.mark)
    return f"{CONFIG_FILE}:{mark.line}:{mark.column}"


def _unknown(m: YMap, known: Sequence[str], errors: list[str]) -> None:
    for key in m:
        if key not in known:
            close = difflib.get_close_matches(str(key), known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            mark = m.key_marks[key]
            errors.append(f"{CONFIG_FILE}:{mark.line}:{mark.column}: unknown key {key!r}{hint}")


def _codes(m: YMap, key: str, errors: list[str]) -> tuple[str, ...] | None:
    value = m.get(key)
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        errors.append(f"{_where(m, key)}: {key} must be a list of rule codes or prefixes")
        return None
    return tuple(value)


def _number(m: YMap, key: str, default: float, errors: list[str]) -> float:
    value = m.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        errors.append(f"{_where(m, key)}: {key} must be a non-negative number")
        return default
    return float(value)


def _whole(m: YMap, key: str, default: int, low: int, errors: list[str]) -> int:
    value = m.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        errors.append(f"{_where(m, key)}: {key} must be a whole number, {low} or more")
        return default
    return value


def _parse(data: YMap, errors: list[str]) -> Config:
    _unknown(data, KEYS, errors)
    config = Config()
    if "version" in data:
        config = replace(config, version=str(data["version"]))
    if "version_title" in data:
        config = replace(config, version_title=str(data["version_title"]))
    rules: Any = data.get("rules", YMap())
    if isinstance(rules, YMap):
        _unknown(rules, ("select", "ignore", "severity"), errors)
        select, ignore = _codes(rules, "select", errors), _codes(rules, "ignore", errors)
        config = replace(config, select=select or config.select, ignore=ignore or ())
        severity = rules.get("severity", {})
        if isinstance(severity, dict) and all(v in ("error", "warning") for v in severity.values()):
            levels: dict[str, Severity] = {
                str(k): "error" if v == "error" else "warning" for k, v in severity.items()
            }
            config = replace(config, severity=levels)
        else:
            errors.append(f"{_where(rules, 'severity')}: severity maps codes to error or warning")
    else:
        errors.append(f"{_where(data, 'rules')}: rules must be a mapping")
    ach: Any = data.get("achievable", YMap())
    if isinstance(ach, YMap):
        _unknown(ach, ("max_gain_points", "max_gain_ratio"), errors)
        config = replace(
            config,
            achievable=Achievable(
                _number(ach, "max_gain_points", 15.0, errors),
                _number(ach, "max_gain_ratio", 0.5, errors),
            ),
        )
    config = replace(
        config, areas=_labels(data, "areas", errors), roles=_labels(data, "roles", errors)
    )
    lexicon: Any = data.get("lexicon", YMap())
    if isinstance(lexicon, YMap):
        config = replace(config, lexicon=_lexicon(lexicon, errors))
    else:
        errors.append(f"{_where(data, 'lexicon')}: lexicon maps a word family to a list of words")
    scoring: Any = data.get("scoring") or YMap()  # an empty `scoring:` means the defaults
    if isinstance(scoring, YMap):
        _unknown(scoring, ("min_sample", "trend_periods"), errors)
        config = replace(
            config,
            min_sample=_whole(scoring, "min_sample", 0, 0, errors),
            trend_periods=_whole(scoring, "trend_periods", 3, 2, errors),
        )
    else:
        errors.append(f"{_where(data, 'scoring')}: scoring must be a mapping")
    return config


def _lexicon(m: YMap, errors: list[str]) -> Lexicon:
    """`lexicon: {hedge: [酌情], allow: [专业]}`: add words to a family, or allow built-in ones."""
    _unknown(m, (*FAMILIES, "allow"), errors)
    words: dict[str, tuple[str, ...]] = {}
    for key, value in m.items():
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            errors.append(f"{_where(m, str(key))}: {key} must be a list of words or phrases")
        elif key in (*FAMILIES, "allow"):
            words[str(key)] = tuple(v.strip() for v in value)
    allow = words.pop("allow", ())
    return DEFAULT.extended(words, allow) if words or allow else DEFAULT


def _labels(data: YMap, key: str, errors: list[str]) -> dict[str, str]:
    """`areas:` / `roles:` map a slug to the label readers see."""
    labels = data.get(key, {})
    if not isinstance(labels, dict):
        errors.append(f"{_where(data, key)}: {key} maps a slug to its label")
        return {}
    return {str(k): str(v) for k, v in labels.items()}
