"""Rendered charts kept between builds, keyed on the data they draw.

Drawing is most of the builder's own time (about a tenth of a second a chart); a chart
whose input did not change is read back instead. The key hashes the drawing function's
name and the source of its module, its arguments and a salt (the shared chart code's
version and matplotlib's), so a change to any of them draws the chart anew.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sys
from collections.abc import Callable, Mapping
from datetime import date
from functools import cache
from pathlib import Path
from typing import ParamSpec

from builder.atomic import write_atomic

P = ParamSpec("P")

# Where a value sits in its YAML file changes no chart: leave it out of the key.
_POSITION_FIELDS = frozenset({"line", "column", "raw", "key_lines"})


class ChartCache:
    """SVG files in `folder`, one per key; remembers which keys this build drew or reused."""

    def __init__(self, folder: Path, salt: str) -> None:
        self.folder = folder
        self.salt = salt
        self.drawn: list[str] = []
        self.reused: list[str] = []

    def svg(self, draw: Callable[P, str], *args: P.args, **kwargs: P.kwargs) -> str:
        """`draw(*args, **kwargs)`, or the SVG it drew last time for the same data."""
        name = getattr(draw, "__qualname__", type(draw).__qualname__)  # a function's, or a class's
        code = _module_digest(getattr(draw, "__module__", type(draw).__module__))
        key = chart_key(self.salt, f"{name} {code}", args, kwargs)
        path = self.folder / f"{key}.svg"
        if path.is_file():
            self.reused.append(key)
            return path.read_text(encoding="utf-8")
        svg = draw(*args, **kwargs)
        write_atomic(path, svg)  # never leave half a chart behind
        self.drawn.append(key)
        return svg

    def prune(self) -> None:
        """Delete charts this build did not use, so the cache holds only the current site."""
        if not self.folder.is_dir():
            return
        used = {*self.drawn, *self.reused}
        for path in self.folder.iterdir():
            if path.stem not in used:
                path.unlink()


@cache
def _module_digest(name: str) -> str:
    """The drawing code's own source, so editing any module that draws (the flowcharts,
    say, not only charts.py in the salt) draws its charts anew."""
    path = getattr(sys.modules.get(name), "__file__", None)
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16] if path else name


def chart_key(salt: str, name: str, *data: object) -> str:
    text = json.dumps([salt, name, canonical(data)], ensure_ascii=False, allow_nan=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def canonical(value: object) -> object:
    """A JSON-ready form of chart input: equal data gives equal text, on every machine.

    Dataclasses keep every field but where they sit in a file: a key that covers too much
    only redraws a chart, one that covers too little would show stale data.
    """
    if value is None or isinstance(value, str | int | float):  # bool is an int
        return value
    if isinstance(value, date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = (f.name for f in dataclasses.fields(value) if f.name not in _POSITION_FIELDS)
        return [type(value).__name__, {name: canonical(getattr(value, name)) for name in fields}]
    if isinstance(value, Mapping):
        return [[canonical(k), canonical(v)] for k, v in value.items()]
    if isinstance(value, list | tuple):
        return [canonical(v) for v in value]
    raise TypeError(f"no stable key for chart input of type {type(value).__name__}")
