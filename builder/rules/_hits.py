"""Turning text spans into located hits; shared by the rule families."""

from __future__ import annotations

from collections.abc import Iterator

from builder.model.standard import Standard, Text
from builder.rules import Hit
from builder.text.assess import assess
from builder.text.lexicon import Lexicon, TermHit


def span_hit(text: Text, start: int, end: int, message: str, suggestion: str | None) -> Hit:
    line, column = text.locate(start, end)
    return Hit(line, column, message, text.value[start:end], suggestion)


def term_hits(std: Standard, lexicon: Lexicon, *families: str) -> Iterator[tuple[Text, TermHit]]:
    """Lexicon terms of the given families in the statement and every SOP step."""
    for text in std.texts:
        for term in assess(text.value, lexicon).terms_of(*families):
            yield text, term
