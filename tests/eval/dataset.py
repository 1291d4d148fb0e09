"""Typed loader for the labelled evaluation set of real service-standard statements.

The set lives next to this module in ``statements.tsv`` (UTF-8, tab-separated, one header
row: ``id lang label text source note``). Labels follow ``/work/shared/VERDICTS.md``; see
``README.md`` in this folder for how the rows were collected.

Split rule: a row is HELD-BACK when ``int(sha1(id).hexdigest(), 16) % 16 < 5`` (about 31% of
rows); every other row is DEVELOPMENT. Tune the linter on the development part only.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

STATEMENTS_PATH = Path(__file__).with_name("statements.tsv")
COLUMNS: tuple[str, ...] = ("id", "lang", "label", "text", "source", "note")
LABELS: tuple[str, ...] = ("measurable", "partial", "vague")
LANGS: tuple[str, ...] = ("en", "zh")
HELD_BACK_BUCKETS = 5  # of 16: sha1(id) % 16 < 5 -> held back


def is_held_back(row_id: str) -> bool:
    """True when the row with this id belongs to the held-back part."""
    return int(hashlib.sha1(row_id.encode("utf-8")).hexdigest(), 16) % 16 < HELD_BACK_BUCKETS


@dataclass(frozen=True)
class Labelled:
    """One real statement with its gold verdict."""

    id: str
    lang: str
    label: str
    text: str
    source: str
    note: str

    @property
    def held_back(self) -> bool:
        return is_held_back(self.id)


def read_rows(path: Path = STATEMENTS_PATH) -> tuple[list[str], list[list[str]]]:
    """Return the header and the raw field lists (no validation beyond splitting on tabs)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines:
        return [], []
    header = lines[0].split("\t")
    rows = [line.split("\t") for line in lines[1:] if line.strip()]
    return header, rows


def load(path: Path = STATEMENTS_PATH) -> list[Labelled]:
    """Load every labelled statement, in file order."""
    header, rows = read_rows(path)
    if tuple(header) != COLUMNS:
        raise ValueError(f"{path}: unexpected header {header!r}, expected {list(COLUMNS)!r}")
    items: list[Labelled] = []
    for number, fields in enumerate(rows, start=2):
        if len(fields) != len(COLUMNS):
            raise ValueError(f"{path}:{number}: expected {len(COLUMNS)} fields, got {len(fields)}")
        row_id, lang, label, text, source, note = (field.strip() for field in fields)
        items.append(Labelled(row_id, lang, label, text, source, note))
    return items


def development(items: list[Labelled] | None = None) -> list[Labelled]:
    """The development part (rows that are not held back)."""
    return [item for item in (load() if items is None else items) if not item.held_back]


def held_back(items: list[Labelled] | None = None) -> list[Labelled]:
    """The held-back part: do not tune on these rows."""
    return [item for item in (load() if items is None else items) if item.held_back]
