"""Safe Markdown from untrusted text: everything a YAML or CSV author writes is shown as text."""

from __future__ import annotations

import html
import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")


def text(value: object) -> str:
    """Inline text: HTML-escaped, Markdown punctuation backslash-escaped, one line."""
    escaped = html.escape(" ".join(str(value).split()), quote=False)
    return _SPECIAL.sub(r"\\\1", escaped)


def code(value: object) -> str:
    """Inline code, such as a file path: shown verbatim (a backslash escape would show)."""
    escaped = html.escape(" ".join(str(value).split()), quote=False).replace("|", "&#124;")
    return f"<code>{escaped}</code>"


def cell(value: object) -> str:
    """A table cell: like text(), and empty values show as a dash."""
    return text(value) if value not in (None, "") else "—"


def table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; cells must already be escaped."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def number(value: float | None, unit: str | None = None) -> str:
    if value is None:
        return "—"
    shown = f"{value:.1f}".rstrip("0").rstrip(".")
    return f"{shown}%" if unit in ("percent", "csat") else shown
