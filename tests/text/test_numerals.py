"""Specification of `builder.text.numerals`: one number in, its value out."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from builder.text.numerals import NUMBER_PATTERN, parse_number

PARSES: list[tuple[str, float]] = [
    # Arabic
    ("24", 24.0),
    ("0", 0.0),
    ("1,000", 1000.0),
    ("1,234,567", 1234567.0),
    ("3.5", 3.5),
    ("0.5", 0.5),
    ("10,000.25", 10000.25),
    ("-2", -2.0),
    (" 42 ", 42.0),
    # full-width
    ("２４", 24.0),
    ("１，０００", 1000.0),
    ("３．５", 3.5),
    # Arabic with a Chinese large unit
    ("3万", 30000.0),
    ("1.5亿", 150_000_000.0),
    ("2萬", 20000.0),
    # Chinese
    ("零", 0.0),
    ("〇", 0.0),
    ("一", 1.0),
    ("两", 2.0),
    ("兩", 2.0),
    ("十", 10.0),
    ("十五", 15.0),
    ("一十五", 15.0),
    ("二十", 20.0),
    ("二十四", 24.0),
    ("九十九", 99.0),
    ("百", 100.0),
    ("一百", 100.0),
    ("一百零五", 105.0),
    ("一百二十", 120.0),
    ("两百", 200.0),
    ("三千", 3000.0),
    ("一千零二十", 1020.0),
    ("一万", 10000.0),
    ("一万零五", 10005.0),
    ("十万八千", 108000.0),
    ("五十万", 500000.0),
    ("三万零五百", 30500.0),
    ("一千二百三十四万五千六百七十八", 12345678.0),
    ("一亿", 100_000_000.0),
    ("十亿", 1_000_000_000.0),
    ("一亿零五百万", 105_000_000.0),
    ("一万亿", 1_000_000_000_000.0),
    ("两萬", 20000.0),
    # colloquial abbreviations and contractions
    ("一百二", 120.0),
    ("三千五", 3500.0),
    ("两万五", 25000.0),
    ("廿", 20.0),
    ("廿五", 25.0),
    ("卅", 30.0),
    ("卌", 40.0),
    # digit-by-digit runs
    ("二〇二六", 2026.0),
    ("一二三四五", 12345.0),
    # decimals with 点
    ("三点五", 3.5),
    ("零点五", 0.5),
    ("一百点二五", 100.25),
    # half
    ("半", 0.5),
    # percentages and tenths come back as the percentage number
    ("百分之九十五", 95.0),
    ("百分之百", 100.0),
    ("百分之95", 95.0),
    ("百分之零点五", 0.5),
    ("九成", 90.0),
    ("八成五", 85.0),
    ("9成", 90.0),
    ("两成", 20.0),
    # English words
    ("five", 5.0),
    ("Twelve", 12.0),
    ("twenty-four", 24.0),
    ("twenty four", 24.0),
    ("ninety-nine", 99.0),
    ("one hundred and twenty", 120.0),
    ("a hundred", 100.0),
    ("two thousand", 2000.0),
    ("half", 0.5),
]

NOT_NUMBERS: list[str] = [
    "",
    "   ",
    "abc",
    "a",
    "1,00",
    "1,0000",
    "3-5",
    "3–5",
    "1.2.3",
    "一般",
    "统一",
    "十十",
    "一二十",
    "零万",
    "亿万",
    "一两",
    "两三",
    "三分之二",
    "九成九成",
    "twenty-four hours",
    "%",
]


@pytest.mark.parametrize(("text", "expected"), PARSES, ids=[t for t, _ in PARSES])
def test_parse_number(text: str, expected: float) -> None:
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", NOT_NUMBERS, ids=[repr(t) for t in NOT_NUMBERS])
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    "text",
    ["24", "1,000", "3.5", "２４", "3万", "二十四", "两", "十", "一百二十", "三千", "半", "〇"],
)
def test_number_pattern_matches_one_number(text: str) -> None:
    assert re.fullmatch(NUMBER_PATTERN, text)
    assert parse_number(text) is not None


@pytest.mark.parametrize(("text", "found"), [("within 15 days", "15"), ("二十四小时内", "二十四")])
def test_number_pattern_finds_number_in_text(text: str, found: str) -> None:
    m = re.search(NUMBER_PATTERN, text)
    assert m is not None
    assert m.group() == found


@pytest.mark.parametrize("text", ["abc", "小时", "%", ""])
def test_number_pattern_rejects(text: str) -> None:
    assert re.fullmatch(NUMBER_PATTERN, text) is None


def test_number_pattern_has_no_groups() -> None:
    assert re.compile(NUMBER_PATTERN).groups == 0


# --- properties ----------------------------------------------------------------------------------

DIGITS = "零一二三四五六七八九"


def _below_10000(n: int, *, leading: bool, one_ten: bool, liang: bool) -> str:
    """Chinese for 0 < n < 10000; `leading` drops 一 before 十 ("十五" rather than "一十五")."""
    out: list[str] = []
    zero_pending = False
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // unit_value % 10
        if d == 0:
            if out:
                zero_pending = True
            continue
        if zero_pending:
            out.append("零")
            zero_pending = False
        if unit == "十" and d == 1 and not out and leading and not one_ten:
            out.append("十")
            continue
        digit = "两" if liang and d == 2 and unit in ("千", "百") else DIGITS[d]
        out.append(digit + unit)
    return "".join(out)


def to_chinese(n: int, *, one_ten: bool = False, liang: bool = False) -> str:
    """Standard Chinese numeral for 0 <= n < 100_000_000."""
    if n == 0:
        return "零"
    high, low = divmod(n, 10_000)
    parts: list[str] = []
    if high:
        parts.append(_below_10000(high, leading=True, one_ten=one_ten, liang=liang) + "万")
    if low:
        if high and low < 1000:
            parts.append("零")
        parts.append(_below_10000(low, leading=not high, one_ten=one_ten, liang=liang))
    return "".join(parts)


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (0, "零"),
        (10, "十"),
        (15, "十五"),
        (105, "一百零五"),
        (1020, "一千零二十"),
        (10005, "一万零五"),
        (100000, "十万"),
        (12345678, "一千二百三十四万五千六百七十八"),
        (10000010, "一千万零一十"),
    ],
)
def test_to_chinese_helper(n: int, text: str) -> None:
    assert to_chinese(n) == text


@given(st.integers(min_value=0, max_value=99_999_999), st.booleans(), st.booleans())
def test_chinese_integers_round_trip(n: int, one_ten: bool, liang: bool) -> None:
    assert parse_number(to_chinese(n, one_ten=one_ten, liang=liang)) == n


@given(st.integers(min_value=0, max_value=99_999_999))
def test_arabic_integers_round_trip(n: int) -> None:
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n
    full_width = str(n).translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})
    assert parse_number(full_width) == n


@given(st.integers(min_value=0, max_value=99_999), st.integers(min_value=0, max_value=99))
def test_arabic_decimals_round_trip(whole: int, cents: int) -> None:
    text = f"{whole}.{cents:02d}"
    assert parse_number(text) == pytest.approx(float(text))


@given(st.integers(min_value=1, max_value=9999))
def test_chinese_numbers_match_the_pattern(n: int) -> None:
    assert re.fullmatch(NUMBER_PATTERN, to_chinese(n))


@given(st.text(max_size=12))
def test_parse_number_never_raises(text: str) -> None:
    result = parse_number(text)
    assert result is None or isinstance(result, float)
