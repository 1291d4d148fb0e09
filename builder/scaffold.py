"""`handbook new standard` and `handbook init`: well-formed files to start from.

A new standard is appended as YAML text (the file's comments and layout are kept), then the
file is loaded again; if the result does not load cleanly, the file is restored and the
command fails, so scaffolding never leaves a broken file behind.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from builder.atomic import write_atomic
from builder.errors import BuildFailed, ConfigError
from builder.model.load import load_standards
from builder.model.schema import SCHEMA_PATH, schema_text
from builder.project import Project

TEMPLATE = Path(__file__).with_name("templates") / "init"
KIND_PREFIX = {"charter": "CH", "process": "PRC", "personal": "PER", "sop": "SOP"}
DOTFILES = {"gitignore": ".gitignore", "pre-commit-config.yaml": ".pre-commit-config.yaml"}


@dataclass(frozen=True)
class NewStandard:
    kind: str
    title: str
    statement: str
    owner: str
    area: str | None = None
    tier: str | None = None
    metric: str | None = None
    unit: str | None = None
    direction: str | None = None
    target: float | None = None


def standard_file(project: Project, std: NewStandard) -> Path:
    """Where a standard of this kind and area lives: charter.yaml, process/<area>.yaml …"""
    folder = project.standards_dir
    if std.kind == "charter":
        return folder / "charter.yaml"
    if std.kind == "sop":
        slug = re.sub(r"[^a-z0-9]+", "-", std.title.lower()).strip("-") or "sop"
        return folder / "sop" / f"{slug}.yaml"
    return folder / std.kind / f"{std.area or 'general'}.yaml"


def next_id(project: Project, std: NewStandard, path: Path) -> str:
    """The next free id in the file's own series (PRC-TIM-003 after PRC-TIM-002)."""
    standards = load_standards(project).standards
    taken = {s.id for s in standards}
    rel = project.relative(path)
    in_file = sorted(s.id for s in standards if s.file == rel)
    match = re.fullmatch(r"(.*?)(\d+)", in_file[-1]) if in_file else None
    if match:
        prefix, width = match.group(1), len(match.group(2))
    else:
        area = (std.area or "").replace("-", "")[:3].upper()
        prefix, width = f"{KIND_PREFIX[std.kind]}-{area + '-' if area else ''}", 3
    n = 1
    while f"{prefix}{n:0{width}d}" in taken:
        n += 1
    return f"{prefix}{n:0{width}d}"


def add_standard(project: Project, std: NewStandard, today: date) -> tuple[Path, str]:
    """Append `std` to its file (created if needed); return the file and the new id."""
    path = standard_file(project, std)
    sid = next_id(project, std, path)
    before = path.read_bytes() if path.exists() else None
    text = _standard_yaml(sid, std, today)
    if before is None:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = _file_header(project, path, std) + text
    else:
        text = ("" if before.endswith(b"\n") else "\n") + text
    write_atomic(path, (before or b"") + text.encode("utf-8"))  # never half a standard
    loaded = load_standards(project, [path])
    if not any(s.id == sid for s in loaded.standards) or any(
        f.rule.startswith("LOAD-F") for f in loaded.findings
    ):
        _restore(path, before)
        where = project.relative(path)
        raise BuildFailed(f"{where}: the new standard could not be added cleanly "
                          "(is 'standards:' the file's last key?); nothing changed")  # fmt: skip
    return path, sid


def _restore(path: Path, before: bytes | None) -> None:
    if before is None:
        path.unlink(missing_ok=True)
    else:
        write_atomic(path, before)


def _q(value: str) -> str:
    """A YAML scalar that stays a string whatever it contains: JSON quoting is valid YAML."""
    return json.dumps(value, ensure_ascii=False)


def _standard_yaml(sid: str, std: NewStandard, today: date) -> str:
    lines = [f"  - id: {sid}", f"    title: {_q(std.title)}", f"    kind: {std.kind}"]
    lines += [f"    area: {std.area}"] if std.area else []
    lines += [f"    tier: {std.tier}"] if std.tier else []
    lines += [f"    owner: {_q(std.owner)}", '    version: "1.0"',
              f"    effective: {today.isoformat()}",
              f"    review_by: {(today + timedelta(days=365)).isoformat()}",
              f"    statement: {_q(std.statement)}"]  # fmt: skip
    if std.target is not None:
        lines += ["    measure:", f"      metric: {_q(std.metric or std.title)}",
                  f"      unit: {std.unit or 'percent'}",
                  f"      direction: {std.direction or 'at_least'}",
                  f"      target: {std.target:g}", "      period: monthly"]  # fmt: skip
    return "\n".join(lines) + "\n"


def _file_header(project: Project, path: Path, std: NewStandard) -> str:
    depth = len(path.relative_to(project.root).parts) - 1
    schema = "../" * depth + SCHEMA_PATH
    return f"# yaml-language-server: $schema={schema}\n\nstandards:\n"


def init(target: Path, today: date) -> list[Path]:
    """Create a new handbook repository in `target` (missing or empty) from the template.

    The template's dates and version are moved to `today`, so a new handbook starts with
    nothing overdue.
    """
    if target.exists() and any(target.iterdir()):
        raise ConfigError(f"{target} is not empty; choose a new or empty folder")
    dates = {"2026-01-01": today.isoformat(),
             "2026-12-31": (today + timedelta(days=365)).isoformat(),
             '"2026.1"': f'"{today.year}.1"'}  # fmt: skip
    written = []
    for source in sorted(p for p in TEMPLATE.rglob("*") if p.is_file()):
        rel = source.relative_to(TEMPLATE)
        dest = target / rel.parent / DOTFILES.get(rel.name, rel.name)
        dest.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix in (".yaml", ".yml"):
            text = source.read_text(encoding="utf-8")
            for old, new in dates.items():
                text = text.replace(old, new)
            write_atomic(dest, text)
        else:
            write_atomic(dest, source.read_bytes())
        written.append(dest)
    schema = target / SCHEMA_PATH
    write_atomic(schema, schema_text())
    return [*written, schema]
