"""handbook.yml: the handbook's own vague words, validated with located errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.config import load_config
from builder.errors import ConfigError
from builder.rules.measurable import verdict_of
from tests.rules.conftest import hits, standard


def config_with(tmp_path: Path, text: str) -> Path:
    (tmp_path / "handbook.yml").write_text(text, encoding="utf-8")
    return tmp_path


def test_extra_words_join_their_family(tmp_path: Path) -> None:
    config = load_config(
        config_with(tmp_path, "lexicon:\n  hedge: [视具体情况, as resources permit]\n")
    )
    std = standard("视具体情况在3个工作日内回复")
    assert hits("SMART-S003", std, config) == [(5, 16, "视具体情况")]
    assert verdict_of(std, config.lexicon).verdict == "partial"
    assert verdict_of(std).verdict == "measurable"  # the built-in lexicon does not know 视具体情况
    english = standard("As resources permit, reply within 2 days.")
    assert [t for _, _, t in hits("SMART-S003", english, config)] == ["As resources permit"]


def test_allowed_words_are_not_flagged(tmp_path: Path) -> None:
    config = load_config(config_with(tmp_path, "lexicon:\n  allow: [专业]\n"))
    assert hits("SMART-S001", standard("由专业顾问接待"), config) == []
    assert hits("SMART-S001", standard("由专业顾问接待")) == [(5, 17, "专业")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "lexicon:\n  hedges: [视具体情况]\n",
            "handbook.yml:2:3: unknown key 'hedges' (did you mean 'hedge'?)",
        ),
        (
            "lexicon:\n  hedge: 视具体情况\n",
            "handbook.yml:2:10: hedge must be a list of words or phrases",
        ),
        (
            "lexicon: [视具体情况]\n",
            "handbook.yml:1:10: lexicon maps a word family to a list of words",
        ),
    ],
)
def test_bad_lexicon_is_a_located_usage_error(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError) as error:
        load_config(config_with(tmp_path, text))
    assert message in str(error.value)
