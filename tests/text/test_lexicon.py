"""Every lexicon entry fires in a plain sentence, and context rules keep it quiet elsewhere."""

from __future__ import annotations

import pytest

from builder.text.lexicon import TERMS, Term, find_terms


def sample(term: Term) -> str:
    """A sentence that holds the term where its context rules allow it."""
    after = term.need_after[:1]
    if term.lang == "en":
        return f"Staff will {term.phrase} {after}handle the case."
    return (
        f"工作人员{term.phrase}{after}处理。"
        if "工" not in term.not_before
        else f"。{term.phrase}{after}处理。"
    )


@pytest.mark.parametrize("term", TERMS, ids=lambda t: f"{t.family}:{t.phrase}")
def test_every_entry_fires(term: Term) -> None:
    text = sample(term)
    found = {(hit.term.phrase, hit.term.family) for hit in find_terms(text)}
    assert (term.phrase, term.family) in found or any(
        term.phrase in phrase for phrase, _ in found
    ), f"{term.phrase!r} never matches in {text!r}"


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("等候时间不超过10分钟", "等"),
        ("定期", "不定期"),
        ("一般查询当场答复", "一般"),
        ("规范化管理", "规范"),
        ("Our prompter system", "prompt"),
    ],
)
def test_context_rules_keep_words_quiet(text: str, absent: str) -> None:
    assert absent not in {hit.term.phrase for hit in find_terms(text)}


def test_no_duplicate_entries() -> None:
    keys = [(t.phrase.lower(), t.family) for t in TERMS]
    assert len(keys) == len(set(keys))
