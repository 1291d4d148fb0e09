"""Properties of `find_quantities`: any whole number from 0 to 99,999, written in Arabic or
in Chinese numerals and followed by a unit, is read back as that number in that unit.

`chinese` writes the numerals a person would (二十四, 一百零五, 两千, 一万零五); its own
examples below pin it down, so a failure points at the parser, not at the generator.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.text.quantities import find_quantities

DIGITS = "零一二三四五六七八九"
# (Chinese unit, English unit, singular, canonical unit)
UNITS = [
    ("秒", "seconds", "second", "seconds"),
    ("分钟", "minutes", "minute", "minutes"),
    ("小时", "hours", "hour", "hours"),
    ("个工作日", "working days", "working day", "working_days"),
]
numbers = st.integers(0, 99_999)
units = st.sampled_from(UNITS)


def chinese(n: int, liang: bool = False) -> str:
    """`n` (0–99,999) in Chinese numerals; `liang`: 两 for a 2 before 百, 千 or 万."""
    if n == 0:
        return "零"
    high, low = divmod(n, 10_000)
    out = ""
    if high:
        out = ("两" if high == 2 and liang else _section(high, liang, first=True)) + "万"
    if low:
        out += ("零" if high and low < 1000 else "") + _section(low, liang, first=not high)
    return out


def _section(n: int, liang: bool, first: bool) -> str:
    """1–9,999: zeros between digits read as one 零; a leading 一十 is just 十."""
    out, zero, started = "", False, False
    for digit, unit in zip((n // 1000, n // 100 % 10, n // 10 % 10, n % 10), "千百十 ",
                           strict=True):  # fmt: skip
        if digit == 0:
            zero = zero or started
            continue
        out += "零" if zero else ""
        if digit == 1 and unit == "十" and first and not started:
            out += "十"
        elif digit == 2 and liang and unit in "千百":
            out += "两" + unit
        else:
            out += DIGITS[digit] + unit.strip()
        zero, started = False, True
    return out


@pytest.mark.parametrize(
    ("n", "liang", "written"),
    [(0, False, "零"), (10, False, "十"), (15, False, "十五"), (24, False, "二十四"),
     (105, False, "一百零五"), (110, False, "一百一十"), (2000, True, "两千"),
     (2000, False, "二千"), (1005, False, "一千零五"), (10005, False, "一万零五"),
     (10500, False, "一万零五百"), (20010, True, "两万零一十"), (30200, True, "三万零两百"),
     (99999, False, "九万九千九百九十九")],
)  # fmt: skip
def test_the_generator_writes_numerals_as_people_do(n: int, liang: bool, written: str) -> None:
    assert chinese(n, liang) == written


@settings(max_examples=200, deadline=None)
@given(numbers, units, st.booleans())
def test_a_chinese_numeral_with_a_unit_reads_back(
    n: int, unit: tuple[str, str, str, str], liang: bool
) -> None:
    text = f"{chinese(n, liang)}{unit[0]}内回复"
    assert [(q.value, q.unit) for q in find_quantities(text)] == [(n, unit[3])], text


@settings(max_examples=200, deadline=None)
@given(numbers, units)
def test_an_arabic_number_with_a_chinese_unit_reads_back(
    n: int, unit: tuple[str, str, str, str]
) -> None:
    text = f"{n}{unit[0]}内回复"
    assert [(q.value, q.unit) for q in find_quantities(text)] == [(n, unit[3])], text


@settings(max_examples=200, deadline=None)
@given(numbers, units, st.booleans())
def test_an_arabic_number_with_an_english_unit_reads_back(
    n: int, unit: tuple[str, str, str, str], grouped: bool
) -> None:
    written = f"{n:,}" if grouped else str(n)
    text = f"Reply within {written} {unit[2] if n == 1 else unit[1]}."
    clock = military(written) if unit[1] == "hours" else None
    expected = (n, unit[3]) if clock is None else (clock, "clock")
    assert [(q.value, q.unit) for q in find_quantities(text)] == [expected], text


def military(written: str) -> float | None:
    """In English "1200 hours" is a time of day (noon), and is read as one: HHMM."""
    if len(written) == 4 and written.isdigit() and int(written[:2]) <= 24:
        minutes = int(written[2:])
        return int(written[:2]) + minutes / 60 if minutes < 60 else None
    return None


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 100))
def test_an_arabic_percentage_reads_back(n: int) -> None:
    text = f"{n}%的来电"
    assert [(q.value, q.unit) for q in find_quantities(text)] == [(n, "percent")], text


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 100))
def test_a_chinese_percentage_reads_back_exactly(n: int) -> None:
    text = f"百分之{chinese(n)}的来电"
    assert [(q.value, q.unit) for q in find_quantities(text)] == [(n, "percent")], text
