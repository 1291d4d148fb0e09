"""Every code a user can see is registered, well-formed and documented."""

from __future__ import annotations

import re

import pytest

from builder.rules import CODE_PATTERN, REGISTRY, load_all

RULES = sorted(load_all().values(), key=lambda r: r.code)


def test_registry_is_complete() -> None:
    families = {code.split("-")[0] for code in REGISTRY}
    assert families == {"SMART", "DOC", "LOAD", "AUDIT", "SUPP"}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_documented_like_ruff(rule) -> None:  # type: ignore[no-untyped-def]
    assert CODE_PATTERN.match(rule.code)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name), "name the pattern, kebab-case"
    for heading in ("## What it does", "## Why is this bad?", "## Example"):
        assert heading in rule.doc, f"{rule.code} docstring lacks {heading!r}"


def test_names_are_unique() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
