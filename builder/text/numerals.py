"""Parse one number written in Arabic, full-width, Chinese or English numerals.

`parse_number` turns the text of *one* number into a float, or returns ``None`` when the text
is not a number. It accepts:

- Arabic numerals with an optional sign, decimals and comma thousands separators:
  ``"24"``, ``"1,000"``, ``"3.5"``, ``"0.5"``, ``"-2"``; full-width digits and punctuation
  (``"２４"``, ``"１，０００"``) are folded first (NFKC). Thousands groups must be exactly three
  digits (``"1,00"`` is not a number).
- Arabic numerals followed by a Chinese large unit: ``"3万"`` (30000), ``"1.5亿"``.
- Chinese numerals, simplified and traditional: ``"二十四"``, ``"两"``, ``"十"``,
  ``"一百二十"``, ``"三千"``, ``"一万零五"``, ``"两萬"``; the colloquial abbreviations
  ``"一百二"`` (120), ``"三千五"`` (3500), ``"两万五"`` (25000); ``"廿"`` (20), ``"卅"`` (30),
  ``"卌"`` (40); a run of digits without units is read digit by digit (``"二〇二六"`` → 2026);
  decimals with 点 (``"三点五"`` → 3.5).
- ``"半"`` → 0.5.
- Chinese percentages and tenths, returned **as the percentage number** (the unit "percent"
  belongs to the caller): ``"百分之九十五"`` → 95.0, ``"百分之百"`` → 100.0,
  ``"百分之0.5"`` → 0.5; ``"九成"`` → 90.0, ``"八成五"`` → 85.0, ``"9成"`` → 90.0.
- English number words up to the thousands: ``"twenty-four"``, ``"five"``,
  ``"one hundred and twenty"``, ``"a hundred"``, ``"half"`` (0.5). The articles "a"/"an"
  are *not* numbers here; `builder.text.quantities` reads "within a week" itself.

Not accepted (``None``): empty text, several numbers (``"3-5"``, ``"一两"`` — adjacent digit
pairs such as 两三/三五 are approximate *ranges*, which `builder.text.quantities` reads), words
with numerals inside (``"一般"``, ``"统一"``), malformed Chinese (``"十十"``), Roman numerals,
fractions such as ``"三分之二"`` (the quantity finder handles those as percentages).

`NUMBER_PATTERN` is a regex fragment (no groups, no anchors, no look-arounds) that matches one
number in running text: Arabic (ASCII or full-width digits, comma thousands, decimals, an
optional trailing 万/亿), a run of Chinese numeral characters, or 半. It deliberately does not
include the Chinese decimal 点 (``"三点"`` is also a clock time) or English words; callers add
boundaries, because Chinese has none.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "ARABIC_PATTERN",
    "CHINESE_NUMERAL_CHARS",
    "CHINESE_PATTERN",
    "NUMBER_PATTERN",
    "parse_number",
]

ZH_DIGITS: dict[str, int] = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_ZH_SMALL_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
_ZH_BIG_UNITS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
# Contracted tens: 廿 = 二十, 卅 = 三十, 卌 = 四十.
_ZH_CONTRACTIONS: dict[str, str] = {"廿": "二十", "卅": "三十", "卌": "四十"}

CHINESE_NUMERAL_CHARS = "〇零一二两兩三四五六七八九十百千万萬亿億廿卅卌"

_DIGIT = "[0-9０-９]"
ARABIC_PATTERN = (
    rf"(?:{_DIGIT}{{1,3}}(?:,{_DIGIT}{{3}})+|{_DIGIT}+)(?:[.．]{_DIGIT}+)?(?:[万萬亿億])?"
)
CHINESE_PATTERN = f"(?:[{CHINESE_NUMERAL_CHARS}]+|半)"
NUMBER_PATTERN = f"(?:{ARABIC_PATTERN}|{CHINESE_PATTERN})"

_ARABIC_RE = re.compile(
    r"(?P<sign>[+-]?)(?P<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?P<frac>\.[0-9]+)?"
    r"(?P<big>[万萬亿億])?"
)
_ZH_RE = re.compile(f"[{CHINESE_NUMERAL_CHARS}]+")
_CHENG_RE = re.compile(
    r"(?P<tenths>[0-9]|[一二两兩三四五六七八九十])成(?P<hundredths>[0-9]|[一二三四五六七八九])?"
)

_EN_UNITS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_EN_SCALES: dict[str, int] = {"hundred": 100, "thousand": 1000, "million": 1_000_000}


def parse_number(text: str) -> float | None:
    """Arabic, full-width, Chinese or English numeral -> its value; ``None`` if not one number.

    ``'24'`` 24.0, ``'1,000'`` 1000.0, ``'3.5'`` 3.5, ``'２４'`` 24.0, ``'二十四'`` 24.0,
    ``'两'`` 2.0, ``'十'`` 10.0, ``'一百二十'`` 120.0, ``'三千'`` 3000.0, ``'半'`` 0.5,
    ``'百分之九十五'`` 95.0 and ``'九成'`` 90.0 (percentages come back as the percentage number;
    the unit is the caller's), ``'twenty-four'`` 24.0. See the module docstring for the rules.
    """
    s = unicodedata.normalize("NFKC", text).strip()
    if not s:
        return None
    if s.startswith("百分之"):
        rest = s[3:]
        return 100.0 if rest == "百" else _parse_plain(rest)
    cheng = _CHENG_RE.fullmatch(s)
    if cheng is not None:
        tenths = _digit_value(cheng["tenths"])
        hundredths = cheng["hundredths"]
        if tenths is None:
            return None
        value = tenths * 10.0
        if hundredths is not None:
            extra = _digit_value(hundredths)
            if extra is None or tenths >= 10:
                return None
            value += extra
        return value
    return _parse_plain(s)


def _digit_value(ch: str) -> int | None:
    if ch.isascii() and ch.isdigit():
        return int(ch)
    if ch == "十":
        return 10
    return ZH_DIGITS.get(ch)


def _parse_plain(s: str) -> float | None:
    if not s:
        return None
    if s == "半":
        return 0.5
    m = _ARABIC_RE.fullmatch(s)
    if m is not None:
        value = float(m["int"].replace(",", "") + (m["frac"] or ""))
        if m["big"]:
            value *= _ZH_BIG_UNITS[m["big"]]
        return -value if m["sign"] == "-" else value
    for short, long in _ZH_CONTRACTIONS.items():
        s = s.replace(short, long)
    if "点" in s or "點" in s:
        whole, _, frac = s.replace("點", "点").partition("点")
        int_part = _parse_zh_int(whole)
        if int_part is None or not frac or any(ch not in ZH_DIGITS for ch in frac):
            return None
        if any(ch in "两兩" for ch in frac):
            return None
        return float(f"{int_part}." + "".join(str(ZH_DIGITS[ch]) for ch in frac))
    if _ZH_RE.fullmatch(s):
        int_value = _parse_zh_int(s)
        return None if int_value is None else float(int_value)
    return _parse_english(s)


def _parse_zh_int(s: str) -> int | None:
    """Chinese integer numeral -> int, or None when malformed."""
    if not s or any(
        ch not in ZH_DIGITS and ch not in _ZH_SMALL_UNITS and ch not in _ZH_BIG_UNITS for ch in s
    ):
        return None
    if len(s) > 1 and all(ch in ZH_DIGITS for ch in s):
        # A run of digits without units is positional: 二〇二六 -> 2026. 两 never appears in one.
        if any(ch in "两兩" for ch in s):
            return None
        return int("".join(str(ZH_DIGITS[ch]) for ch in s))
    total = 0  # value of completed 亿 groups
    high = 0  # value of completed 万 groups inside the current 亿 group
    section = 0  # value below 万 inside the current 万 group
    digit: int | None = None
    last_unit = 1  # value of the most recent unit, for the colloquial 一百二 = 120
    last_small: int | None = None  # most recent small unit inside this section (must decrease)
    zero_seen = False
    seen_wan = False
    seen_yi = False
    for i, ch in enumerate(s):
        if ch in ZH_DIGITS:
            d = ZH_DIGITS[ch]
            if d == 0:
                if digit is not None:
                    return None  # 五零: a digit right after a digit
                zero_seen = True
                continue
            if digit is not None:
                return None
            digit = d
        elif ch in _ZH_SMALL_UNITS:
            unit = _ZH_SMALL_UNITS[ch]
            if last_small is not None and unit >= last_small:
                return None  # small units must decrease inside a section: 十百 is malformed
            section += (1 if digit is None else digit) * unit
            digit = None
            last_small = unit
            last_unit = unit
            zero_seen = False
        else:
            big = _ZH_BIG_UNITS[ch]
            group = section + (digit or 0)
            if group == 0 and i > 0 and (big == 10_000 or high == 0):
                return None  # 零万, 亿万: nothing to multiply (一万亿 is fine)
            if big == 10_000:
                if seen_wan:
                    return None
                high = (group or 1) * 10_000
                seen_wan = True
            else:
                if seen_yi:
                    return None
                total = ((high + group) or 1) * 100_000_000
                high = 0
                seen_wan = False
                seen_yi = True
            section = 0
            digit = None
            last_small = None
            last_unit = big
            zero_seen = False
    if digit is not None:
        if zero_seen or last_unit <= 10:
            section += digit
        else:
            section += digit * (last_unit // 10)
    return total + high + section


def _parse_english(s: str) -> float | None:
    words = [w for w in re.split(r"[\s-]+", s.lower()) if w and w != "and"]
    if not words:
        return None
    if words == ["half"]:
        return 0.5
    if words[0] == "a" and len(words) > 1 and words[1] in _EN_SCALES:
        words[0] = "one"
    total = 0
    current = 0
    seen_any = False
    for w in words:
        if w in _EN_UNITS:
            current += _EN_UNITS[w]
            seen_any = True
        elif w in _EN_SCALES:
            scale = _EN_SCALES[w]
            current = (current or 1) * scale
            if scale >= 1000:
                total += current
                current = 0
            seen_any = True
        else:
            return None
    return float(total + current) if seen_any else None
