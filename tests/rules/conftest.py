"""Run one rule family over a standard built in memory, as yamllint's RuleTestCase does."""

from __future__ import annotations

from datetime import date

from builder.config import Config
from builder.model.standard import Measure, Standard, Text
from builder.rules import Context, get
from builder.text.lang import detect_lang

TODAY = date(2026, 11, 23)


def standard(statement: str, *, kind: str = "process", measure: Measure | None = None,
             **extra: object) -> Standard:  # fmt: skip
    """A standard whose statement sits on line 5, column 16 of its file."""
    return Standard(
        id="X-001", title=Text("t", 3, 12), kind=kind, statement=Text(statement, 5, 16, statement),
        file="standards/x.yaml", line=2, lang=detect_lang(statement), measure=measure,
        **extra,  # type: ignore[arg-type]
    )  # fmt: skip


def hits(
    code: str, std: Standard, config: Config | None = None, ids: frozenset[str] = frozenset()
) -> list[tuple[int, int, str | None]]:
    """(line, column, text) of every hit of rule `code` on `std`; `ids`: the project's ids."""
    rule = get(code)
    assert rule.check is not None
    ctx = Context(config or Config(), TODAY, ids)
    return [(h.line, h.column, h.text) for h in rule.check(std, ctx)]
