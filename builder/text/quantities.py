"""Quantities in English and Chinese service statements: numbers with units and comparators.

Finds durations (三声内, 24小时, 5 working days), percentages (96%, 百分之九十五, 九成),
frequencies (每季度一次, twice a year), deadline day words (当日, 次日, same day), clock
times and hours of service (7×24小时, 08:30–17:30), counts and ratings, and marks numbers
that are not targets (hotlines, years, dates, list markers) as identifiers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from builder.text.numerals import NUMBER_PATTERN, parse_number

Kind = Literal[
    "duration", "percent", "count", "frequency", "clock", "date", "deadline", "hours",
    "rating", "identifier",
]  # fmt: skip


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str
    kind: Kind
    value: float | None
    low: float | None
    unit: str | None
    comparator: str | None
    approximate: bool


N = NUMBER_PATTERN
RANGE = rf"(?:(?P<low>{N})\s*(?:-|–|—|~|～|至|到|to)\s*)?(?P<num>{N})"

ZH_UNITS = {
    "个工作日": "working_days", "工作日": "working_days", "个小时": "hours", "小时": "hours",
    "分钟": "minutes", "秒钟": "seconds", "秒": "seconds", "天": "days", "日": "days",
    "周": "weeks", "星期": "weeks", "个月": "months", "月": "months", "年": "years",
    "声": "rings", "次": "times", "名": "people", "人": "people", "个": "items", "分": "points",
    "项": "items", "件": "items", "位": "people", "工作天": "working_days",
    "個工作天": "working_days",
    "個工作日": "working_days", "個小時": "hours", "小時": "hours", "分鐘": "minutes",
    "個月": "months", "聲": "rings",
}  # fmt: skip
EN_UNITS = {
    "working days": "working_days", "working day": "working_days", "business days": "working_days",
    "business day": "working_days", "working hours": "hours", "business hours": "hours",
    "seconds": "seconds", "second": "seconds", "secs": "seconds", "sec": "seconds", "s": "seconds",
    "minutes": "minutes", "minute": "minutes", "mins": "minutes", "min": "minutes",
    "hours": "hours", "hour": "hours", "hrs": "hours", "h": "hours", "days": "days",
    "day": "days", "weeks": "weeks", "week": "weeks", "months": "months", "month": "months",
    "years": "years", "rings": "rings", "ring": "rings", "calendar days": "days",
    "points": "points", "attempts": "times", "times": "times", "staff": "people",
    "people": "people",
}  # fmt: skip
DURATION_UNITS = {"working_days", "hours", "minutes", "seconds", "days", "weeks", "months",
                  "years", "rings"}  # fmt: skip
ORDINAL_RING = r"(?:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+ring"
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2,
            "3rd": 3, "4th": 4, "5th": 5}  # fmt: skip

AT_MOST_ZH = r"(?:不超过|不多于|不高于|不得超过|低于|少于|最多|最迟|最长|以内|之内|内|前|以下|之前)"
AT_LEAST_ZH = r"(?:不低于|不少于|不小于|至少|达到|高于|超过|以上|及以上)"
AT_MOST_EN = r"(?:within|no more than|no later than|not more than|not exceeding|up to|at most|less than|under|below|by|before|maximum of|max\.?)"  # noqa: E501
AT_LEAST_EN = r"(?:at least|no less than|not less than|minimum of|more than|above|over)"
APPROX = r"(?:约|大约|大概|左右|上下|approximately|approx\.?|about|around|roughly|some)"


def _unit_alt(units: dict[str, str]) -> str:
    return "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))


EN_WORDS = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|a|an)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
)
EN_N = rf"(?:{N}|{EN_WORDS}\b(?:\s*\(\d+\))?)"  # "five (5)" as legal texts write it
# Group names must be unique across the alternatives of one pattern, hence low2/num2.
RANGE_EN = rf"(?:(?P<low2>{EN_N})\s*(?:-|–|—|~|to|or)\s*)?(?P<num2>{EN_N})[\s-]*"
_ZH_UNIT = _unit_alt(ZH_UNITS)
_EN_UNIT = _unit_alt(EN_UNITS)

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "identifier",
        re.compile(
            r"(?<![\d.])(?:\+?\d{2,4}[- ]\d{3,4}[- ]\d{3,4}|400[- ]?\d{3}[- ]?\d{4}|"
            r"(?:95|96|12)\d{3,4})(?![\d%％.])"
            r"|(?<![A-Za-z]\s)[（(][一二三四五六七八九十\d]{1,3}[)）]|第[一二三四五六七八九十百\d]+[条章节款项]"
            r"|(?<![\d.])\d{1,3}[.、](?=\s*\D)(?!\d)",
            re.I,
        ),
    ),
    (
        "date",
        re.compile(
            r"\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?|\d{4}-\d{2}-\d{2}|"
            r"(?:19|20)\d{2}(?!\s*(?:%|％|小时|分钟|秒|元|hours|minutes))"
        ),
    ),
    (
        "hours",
        re.compile(
            r"7\s*[×xX*]\s*24(?:\s*小时)?|24\s*/\s*7|24\s*hours\s*a\s*day|"
            r"全年无休|365\s*天|\d{1,2}[:：]\d{2}\s*(?:-|–|—|~|至|到|to)\s*\d{1,2}[:：]\d{2}",
            re.I,
        ),
    ),
    (
        "frequency",
        re.compile(
            rf"每(?:个)?(?:{N})?(?:日|天|周|星期|月|季度|季|半年|年)(?:至少)?(?:{N}次|一次)?"
            rf"|(?:once|twice|{N}\s+times)\s+(?:a|per|every)\s+(?:day|week|month|quarter|year)"
            rf"|every\s+(?:{N}\s+)?(?:day|week|month|quarter|year|hours?|days|weeks|months)s?"
            r"|\b(?:daily|weekly|monthly|quarterly|annually|yearly)\b",
            re.I,
        ),
    ),
    (
        "deadline",
        re.compile(
            r"当日|当天|即日|同日|次日|翌日|当场|隔日|當日|當天|當場|同一天|"
            r"same[- ]day|next (?:working|business) day|following (?:working |business )?day|"
            r"by the end of the (?:working |business )?day|end of (?:the )?day",
            re.I,
        ),
    ),
    (
        "clock",
        re.compile(
            r"(?:上午|下午|中午|晚上)?\s*\d{1,2}\s*(?:[:：]\d{2}|时|点)(?:\s*\d{1,2}\s*分)?\s*(?:前|之前)?"
            r"|\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)",
            re.I,
        ),
    ),
    (
        "percent",
        re.compile(
            rf"(?:{AT_LEAST_ZH}|{AT_MOST_ZH}|{AT_LEAST_EN}|{AT_MOST_EN})?\s*"
            rf"(?:百分之(?P<pz>{N})|(?P<pn>{N})\s*(?:%|％|per\s*cent|percent)|(?P<cn>[一二三四五六七八九十])成)"
            rf"(?:\s*{AT_LEAST_ZH}|\s*{AT_MOST_ZH})?",
            re.I,
        ),
    ),
    (
        "duration",
        re.compile(
            rf"(?:{AT_MOST_ZH}|{AT_LEAST_ZH}|{AT_MOST_EN}|{AT_LEAST_EN})?\s*(?:{APPROX}\s*)?"
            rf"(?:{RANGE}\s*(?P<uz>{_ZH_UNIT})|{RANGE_EN}"
            rf"(?P<ue>{_EN_UNIT})\b|(?P<ord>{ORDINAL_RING}))"
            rf"(?:\s*{APPROX})?(?:\s*(?:{AT_MOST_ZH}|{AT_LEAST_ZH}))?",
            re.I,
        ),
    ),
]


def _comparator(text: str) -> str | None:
    t = text.lower()
    if re.search(r"不得?(?:超过|多于|高于|大于)", t):
        return "at_most"
    if re.search(r"不得?(?:低于|少于|小于)", t):
        return "at_least"
    if re.search(AT_LEAST_ZH, t) or re.search(rf"\b{AT_LEAST_EN}\b", t):
        return "at_least"
    if re.search(AT_MOST_ZH, t) or re.search(rf"\b{AT_MOST_EN}\b", t):
        return "at_most"
    return None


def _number(text: str) -> float | None:
    """A number in either language; "a"/"an" is one, "five (5)" is five."""
    word = re.sub(r"\s*\(\d+\)$", "", text.strip()).lower()
    return 1.0 if word in ("a", "an") else parse_number(word)


def _quantity(kind: str, m: re.Match[str], text: str) -> Quantity | None:
    span = m.group(0)
    start = m.start() + (len(span) - len(span.lstrip()))
    end = m.end() - (len(span) - len(span.rstrip()))
    span = text[start:end]
    if not span:
        return None
    approximate = bool(re.search(APPROX, span, re.I))
    value: float | None = None
    low: float | None = None
    unit: str | None = None
    out_kind = kind
    if kind == "percent":
        g = m.groupdict()
        raw = g.get("pz") or g.get("pn")
        value = parse_number(raw) if raw else (parse_number(g["cn"]) or 0) * 10
        unit = "percent"
    elif kind == "duration":
        g = m.groupdict()
        if g.get("ord"):
            value, unit = float(ORDINALS[g["ord"].split()[0].lower()]), "rings"
        else:
            num, lo = (
                (g.get("num"), g.get("low")) if g.get("uz") else (g.get("num2"), g.get("low2"))
            )
            raw_unit = g.get("uz") or (g.get("ue") or "").lower()
            unit = ZH_UNITS.get(raw_unit) or EN_UNITS.get(re.sub(r"\s+", " ", raw_unit))
            value = _number(num) if num else None
            low = _number(lo) if lo else None
            if value is None:
                return None
            if unit not in DURATION_UNITS:
                out_kind = "rating" if unit == "points" else "count"
    elif kind == "frequency":
        unit = "times"
    comparator = None if kind in ("identifier", "date") else _comparator(span)
    return Quantity(start, end, span, out_kind, value, low, unit, comparator, approximate)  # type: ignore[arg-type]


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, sorted by start, non-overlapping (earlier patterns win)."""
    taken: list[tuple[int, int]] = []
    found: list[Quantity] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if m.end() == m.start() or any(m.start() < e and s < m.end() for s, e in taken):
                continue
            q = _quantity(kind, m, text)
            if q is not None:
                taken.append((m.start(), m.end()))
                found.append(q)
    return sorted(found, key=lambda q: q.start)
