"""Safe Markdown from untrusted text: everything a YAML or CSV author writes is shown as text."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")
# Control characters have no place in a page: NUL and the like make the HTML invalid, and
# Python-Markdown uses \x02 and \x03 to mark where it stashed raw HTML, so a cell holding
# "\x02wzxhzdk:0\x03" could pull stashed HTML into the text. Each shows as U+FFFD.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def html_text(value: object) -> str:
    """Text for a place that takes HTML, such as a title in the navigation: one line,
    control characters replaced, <, > and & escaped."""
    return html.escape(" ".join(_CONTROL.sub("\ufffd", str(value)).split()), quote=False)


def text(value: object) -> str:
    """Inline text: HTML-escaped, Markdown punctuation backslash-escaped, one line."""
    return _SPECIAL.sub(r"\\\1", html_text(value))


def code(value: object) -> str:
    """Inline code, such as a file path: shown verbatim (a backslash escape would show)."""
    return f"<code>{html_text(value).replace('|', '&#124;')}</code>"


def front_matter(title: str | None = None, tags: Sequence[str] = ()) -> str:
    """A page's YAML front matter for Material. Its templates print the title and the tags
    as HTML, so untrusted text goes in escaped (and JSON-quoted: JSON strings are YAML)."""
    lines = ["---"]
    if title is not None:
        lines.append(f"title: {json.dumps(html_text(title), ensure_ascii=False)}")
    if tags:
        lines += ["tags:", *(f"  - {json.dumps(html_text(t), ensure_ascii=False)}" for t in tags)]
    return "\n".join([*lines, "---", "", ""])


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
