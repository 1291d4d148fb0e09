"""Integrity checks for the labelled evaluation set (tests/eval/statements.tsv)."""

from __future__ import annotations

import hashlib
import re
from collections import Counter

import pytest

from .dataset import COLUMNS, LABELS, LANGS, STATEMENTS_PATH, Labelled, load, read_rows

MIN_TOTAL = 340
MIN_PER_LANG = 140
MIN_PARTIAL_SHARE = 0.22
MIN_VAGUE_SHARE = 0.20


@pytest.fixture(scope="module")
def items() -> list[Labelled]:
    return load()


def test_file_is_utf8_with_exact_header() -> None:
    raw = STATEMENTS_PATH.read_bytes()
    raw.decode("utf-8")  # raises if not UTF-8
    assert not raw.startswith(b"\xef\xbb\xbf"), "no BOM"
    assert b"\r" not in raw, "LF line endings only"
    header, rows = read_rows()
    assert tuple(header) == COLUMNS
    for number, fields in enumerate(rows, start=2):
        assert len(fields) == len(COLUMNS), f"line {number}: {len(fields)} fields"


def test_ids_unique_and_well_formed(items: list[Labelled]) -> None:
    ids = [item.id for item in items]
    duplicates = [i for i, n in Counter(ids).items() if n > 1]
    assert not duplicates, duplicates
    for item in items:
        assert re.fullmatch(r"(en|zh)-\d{4}", item.id), item.id
        assert item.id.startswith(item.lang + "-"), item.id


def test_labels_and_langs_valid(items: list[Labelled]) -> None:
    assert {item.label for item in items} <= set(LABELS)
    assert {item.lang for item in items} <= set(LANGS)


def test_text_source_present(items: list[Labelled]) -> None:
    for item in items:
        assert item.text, item.id
        assert item.source, item.id
        assert "\n" not in item.text and "\t" not in item.text, item.id
        looks_like_url = item.source.startswith(("http://", "https://"))
        looks_like_repo_path = re.fullmatch(r"[\w.-]+/[\w.-]+:\S+", item.source) is not None
        assert looks_like_url or looks_like_repo_path, (item.id, item.source)


def test_no_duplicate_texts(items: list[Labelled]) -> None:
    normalised = Counter(re.sub(r"\s+", " ", item.text).strip().lower() for item in items)
    duplicates = [t for t, n in normalised.items() if n > 1]
    assert not duplicates, duplicates


def test_chinese_rows_contain_chinese(items: list[Labelled]) -> None:
    for item in items:
        has_cjk = re.search(r"[\u4e00-\u9fff]", item.text) is not None
        assert has_cjk == (item.lang == "zh"), item.id


def test_minimum_counts(items: list[Labelled]) -> None:
    assert len(items) >= MIN_TOTAL
    per_lang = Counter(item.lang for item in items)
    for lang in LANGS:
        assert per_lang[lang] >= MIN_PER_LANG, (lang, per_lang[lang])


@pytest.mark.parametrize("lang", LANGS)
def test_label_shares_per_language(items: list[Labelled], lang: str) -> None:
    rows = [item for item in items if item.lang == lang]
    counts = Counter(item.label for item in rows)
    assert counts["partial"] / len(rows) >= MIN_PARTIAL_SHARE, counts
    assert counts["vague"] / len(rows) >= MIN_VAGUE_SHARE, counts
    assert counts["measurable"] > 0, counts


@pytest.mark.parametrize("lang", LANGS)
def test_both_splits_non_empty_per_language(items: list[Labelled], lang: str) -> None:
    rows = [item for item in items if item.lang == lang]
    held = [item for item in rows if item.held_back]
    dev = [item for item in rows if not item.held_back]
    assert held and dev
    for label in LABELS:
        assert any(item.label == label for item in held), (lang, label, "held-back")
        assert any(item.label == label for item in dev), (lang, label, "development")


def test_split_rule_matches_documented_formula(items: list[Labelled]) -> None:
    for item in items:
        expected = int(hashlib.sha1(item.id.encode()).hexdigest(), 16) % 16 < 5
        assert item.held_back is expected, item.id
    share = sum(item.held_back for item in items) / len(items)
    assert 0.2 < share < 0.45, share
