"""Find and parse quantities in English and Chinese service-standard statements.

`find_quantities(text)` returns every quantity in a statement as a `Quantity`: where it is
(character offsets into *text*; comparator, approximation and deadline words included in the
span), what kind of quantity it is, its value in a canonical unit, a lower bound for ranges, a
comparator and an "approximate" flag. It only *extracts*; deciding whether a statement is
measurable is the caller's job (see ``/work/shared/VERDICTS.md``).

Kinds and canonical units (``UNITS`` holds the same table):

==============  =============================================================================
kind            unit (value is expressed in it)
==============  =============================================================================
duration        seconds, minutes, hours, days, working_days, weeks, months, quarters, years,
                rings (telephone rings: 三声, "5 rings")
percent         percent (96%, 百分之九十五, 九成 = 90, 三分之二 = 66.67, 千分之五 = 0.5,
                "nine out of ten customers" = 90, 一半/半数/过半 = 50)
frequency       per_hour, per_day, per_working_day, per_week, per_month, per_quarter, per_year;
                value = occurrences per one period (每季度一次 1 per_quarter, 每周两次 2 per_week,
                "every 2 hours" 0.5 per_hour, 每半年一次 2 per_year, "monthly" 1 per_month)
clock           clock: hours after midnight (08:30 = 8.5, 下午5点 = 17, 5 pm = 17, noon = 12,
                midnight = 24 unless it starts a range)
hours           hours of service. clock for a clock range (8:30–17:30: low 8.5, value 17.5);
                hours_per_day (24 hours a day), hours_per_week (7×24 = 168, 24/7, 5×8 = 40),
                hours_per_year (365×24), days_per_week (7 days a week), days_per_year (365天)
deadline        same_day (当日 当天 即日 同日 same day, end of the day), next_day (次日 翌日
                隔日 第二天 next day, the following day), next_working_day (次工作日 下一个工作日
                next working/business day), on_the_spot (当场, on the spot, while you wait),
                same_month (当月), next_month (次月); value is None, comparator at_most
count           people (名 位 人 staff agents), times (次 遍 趟 times attempts visits, "only
                once"), items (个 件 项 份 家 ... documents branches), money (元 £ $ ¥),
                metres (米 公里 km miles, converted), or None for a bare number ("our 24
                branches" is items; "1 bar" is None)
rating          points (4.5分, 90分, "4 out of 5", NPS 30, "8 points"), stars (4.5 stars, 4星)
date            date; value None (2026年, 2026-01-01, 3月底, 每月5日, 31 March 2026, Q1, a bare
                year such as 2026, 即日起)
identifier      phone, marker (list and clause markers, 第三条, Article 5, Stage 2, P1), address
                (88号, 3楼, Room 301, 12 High Street), postcode, version (v2.1), standard
                (GB/T 19001-2016, ISO 9001:2015), url (URLs, e-mail addresses), number (other
                long digit strings: 95588). value is the number when there is one plain number.
==============  =============================================================================

Comparators: ``"at_most"`` (不超过 以内 内 之内 最多 最迟 不迟于 低于 以下 之前 前, within,
no more than, no later than, up to, under, less than, at most, or less, ≤, and — for clock,
date and deadline only — by, before, until), ``"at_least"`` (不低于 不少于 至少 以上 及以上
达到 超过 提前, at least, no less than, more than, over, above, or more, in advance, ≥, and
after/起/以后 for points in time), ``"exactly"`` (exactly, precisely, 整 on a clock), or None.
A comparator after the number (以内, 以上, or more) wins over one before it. Negated forms are
read as such: 不应少于 is at_least, 不得超过 is at_most. 达/达到 marks levels (percent, count,
rating) only. A Chinese comparator may stand apart from its number in two constructions:
不低于座椅总数的10% (a noun phrase ending in 的 before a percentage) and 至少配备2名 / 最多跑一次
(a verb of one or two characters before a count).

Approximate: 约 大约 大概 将近 近 左右 上下 前后, 十多/十余/十来 (20多分钟), colloquial pair
ranges (一两天, 两三个工作日, 三五天: low/value with approximate), approximately, about,
around, roughly, circa, nearly, almost, ~, or so.

Input handling: full-width ASCII (２４, ％, ：, （）) is folded to ASCII and traditional
characters (個 週 時 點 內 後 兩 萬 聲 鐘 …) to simplified before matching; offsets and
``Quantity.text`` always refer to the original string. English matching is case-insensitive
(except a few capitalised words such as May, Part, Unit, Level). No word boundaries are assumed
next to CJK characters; Chinese numeral runs are only read in front of a unit or counter.

Known limitations (by design or not yet handled):

- Generic English nouns after a number are counts with unit None; ratings in the "N/5" form
  need a rating word nearby (score, rating, rated, stars, 评分, 满意度).
- "N out of M" is a percent when a plural noun/participle follows ("nine out of ten seen"),
  otherwise a rating ("4 out of 5").
- A bare 4-digit number 1900–2099 is read as a year (date) unless a unit or count noun follows.
- Chinese decimals with 点 (三点五小时) are read for durations; "三点" alone is a clock only with
  a period word (下午三点) or a following 前/至/分/半/整.
- 隔日 is read as next_day, not "every other day"; "daily"/"monthly" are frequencies even when
  used as adjectives.
- 二次 (secondary), 一次性, 每一位, 十分 (very), 第一时间, 五星级 and similar fixed phrases are
  deliberately not quantities.
- Mixed-unit ranges ("between 10 minutes and 2 hours", 3天至5个工作日) yield two separate
  durations.
- Comparators are only attached when adjacent (apart from the two Chinese constructions above):
  "no less than our target of 1 bar" gives 1 with no comparator.
- The full-width comma "，" is never a thousands separator (it separates clauses in Chinese).
- Spans never overlap: the leftmost, then longest, reading wins; a comparator word between two
  quantities goes to the first one as a suffix.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Final, Literal

from builder.text.numerals import parse_number

__all__ = ["UNITS", "Kind", "Quantity", "find_quantities"]

Kind = Literal[
    "duration",
    "percent",
    "count",
    "frequency",
    "clock",
    "date",
    "deadline",
    "hours",
    "rating",
    "identifier",
]

UNITS: Final[dict[Kind, tuple[str | None, ...]]] = {
    "duration": (
        "seconds",
        "minutes",
        "hours",
        "days",
        "working_days",
        "weeks",
        "months",
        "quarters",
        "years",
        "rings",
    ),
    "percent": ("percent",),
    "frequency": (
        "per_hour",
        "per_day",
        "per_working_day",
        "per_week",
        "per_month",
        "per_quarter",
        "per_year",
    ),
    "clock": ("clock",),
    "hours": (
        "clock",
        "hours_per_day",
        "hours_per_week",
        "hours_per_year",
        "days_per_week",
        "days_per_year",
    ),
    "deadline": (
        "same_day",
        "next_day",
        "next_working_day",
        "on_the_spot",
        "same_month",
        "next_month",
    ),
    "count": ("people", "times", "items", "money", "metres", None),
    "rating": ("points", "stars"),
    "date": ("date",),
    "identifier": (
        "phone",
        "marker",
        "address",
        "postcode",
        "version",
        "standard",
        "url",
        "number",
    ),
}


@dataclass(frozen=True)
class Quantity:
    """One quantity found in a statement. See the module docstring for kinds and units."""

    start: int  # offset of the whole expression in the input (comparator/deadline words included)
    end: int  # exclusive
    text: str  # input[start:end]
    kind: Kind
    value: float | None  # main number in `unit` (upper bound for ranges); None for deadline words
    low: float | None  # lower bound of a range ("3–5 working days"), else None
    unit: str | None  # canonical unit, see UNITS
    comparator: str | None  # "at_most", "at_least", "exactly" or None
    approximate: bool  # hedged number: 约, 左右, about, approximately, ...


# ---------------------------------------------------------------------------------------------
# Normalisation: one character in, one character out, so offsets stay valid.

_TRAD_SIMP = (
    "於于過过長长達达遲迟內内時时後后個个週周鐘钟點点聲声兩两萬万億亿號号樓楼層层錢钱塊块熱热"
    "線线電电話话撥拨傳传碼码郵邮編编當当場场條条項项張张臺台處处戶户筆笔種种類类輛辆間间餘余"
    "約约禮礼頭头應应準准會会數数專专務务詢询幾几歲岁門门單单棟栋夠够屆届級级節节頁页總总曆历"
    "歷历開开關关營营業业運运辦办轉转進进續续復复問问題题費费圓圆裡里裏里網网龍龙響响鈴铃機机"
    "結结閉闭館馆訴诉見见將将較较滿满為为來来員员證证鍾钟"
)
_FOLD: Final[dict[int, int]] = {
    **{cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if cp != 0xFF0C},  # keep "，"
    0x3000: 0x20,
    0x00A0: 0x20,
    0x2007: 0x20,
    0x2009: 0x20,
    0x202F: 0x20,
    0x2212: ord("-"),
    0x2010: ord("-"),
    0x2011: ord("-"),
    0xFE6A: ord("%"),
    0xFFE5: ord("¥"),
    **{ord(_TRAD_SIMP[i]): ord(_TRAD_SIMP[i + 1]) for i in range(0, len(_TRAD_SIMP), 2)},
}

# ---------------------------------------------------------------------------------------------
# Regex building blocks (matched against the folded text).

_AR = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
_AB = r"(?<![0-9A-Za-z.])(?<![0-9],)"  # an Arabic number does not start inside a word/number
_ZH_CHARS = "〇零一二两三四五六七八九十百千万亿廿卅卌"
_ZHN = rf"(?:(?<![{_ZH_CHARS}])[{_ZH_CHARS}]+(?:点[〇零一二三四五六七八九]+)?|半)"
_WORDNUM = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine)(?![a-z]))?"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|(?:a|one)\s+hundred)(?![a-z])"
)
_RANGE_SEP_ZH = r"[-–—~至到]"


def _n(name: str) -> str:
    """Arabic or Chinese number in a named group."""
    return rf"(?P<{name}>{_AB}{_AR}(?:[万亿])?(?![0-9])|{_ZHN})"


def _e(name: str) -> str:
    """Arabic number or English number word in a named group."""
    return rf"(?P<{name}>{_AB}{_AR}(?![0-9])|(?<![A-Za-z-]){_WORDNUM})"


def _ne(name: str) -> str:
    """Arabic, Chinese or English number in a named group."""
    return rf"(?P<{name}>{_AB}{_AR}(?:[万亿])?(?![0-9])|{_ZHN}|(?<![A-Za-z-]){_WORDNUM})"


_ZH_PAIRS: Final[dict[str, tuple[float, float]]] = {
    "一两": (1, 2),
    "一二": (1, 2),
    "两三": (2, 3),
    "二三": (2, 3),
    "三四": (3, 4),
    "三五": (3, 5),
    "四五": (4, 5),
    "五六": (5, 6),
    "六七": (6, 7),
    "七八": (7, 8),
    "八九": (8, 9),
}

# ---------------------------------------------------------------------------------------------
# Candidates


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    prio: int
    kind: Kind | None  # None: a blocker that claims text but yields no quantity
    value: float | None = None
    low: float | None = None
    unit: str | None = None
    comparator: str | None = None
    approximate: bool = False


# Priorities break ties between candidates with the same span (lower wins).
_P_BLOCK = 0  # fixed phrases that are not quantities (一次性, 十分, 第一时间)
_P_ID = 1
_P_DATE = 2
_P_DEADLINE = 3
_P_HOURS = 4
_P_CLOCK = 5
_P_FREQ = 6
_P_PERCENT = 7
_P_DURATION = 8
_P_RATING = 9
_P_COUNT = 10
_P_ADDRESS = 11
_P_GENERIC = 20  # any other Arabic number

_Builder = Callable[[re.Match[str], str], Iterable[_Cand]]


def _value(s: str | None) -> tuple[float | None, float, bool] | None:
    """(low, value, approximate) for one number or a colloquial pair (两三), else None."""
    if s is None:
        return None
    if s in _ZH_PAIRS:
        lo, hi = _ZH_PAIRS[s]
        return lo, hi, True
    v = parse_number(s)
    if v is None:
        return None
    return None, v, False


def _year_like(s: str) -> bool:
    if len(s) == 4 and s.isascii() and s.isdigit():
        return 1900 <= int(s) <= 2099
    return len(s) == 4 and all(ch in "〇零一二三四五六七八九" for ch in s)


# --- blockers --------------------------------------------------------------------------------

_BLOCK_RE = re.compile(
    r"一次性|一次告知|(?<![〇零一二两三四五六七八九十百千万0-9])二次"
    r"|每\s*一?\s*(?:位|名|件|项|次|户|笔|份|张|条|人|个(?![月工小星季]))"
    r"|(?<![〇零一二两三四五六七八九十百千万点0-9])十分(?![钟之])"
    r"|(?<![〇零一二两三四五六七八九十百千])万分(?![之钟])"
    r"|一成不变|一条龙|一件事|一张网|一元化|第一时间|第三方|[0-9一二三四五六七八九]\s*星级"
    r"|(?<![A-Za-z0-9])(?:[0-9]|one|two|three|four|five|six|seven)-star(?![A-Za-z])",
    re.I,
)


def _b_block(m: re.Match[str], t: str) -> Iterable[_Cand]:
    return [_Cand(m.start(), m.end(), _P_BLOCK, None)]


# --- identifiers -----------------------------------------------------------------------------

_URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'，。；、（）()]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}",
    re.I,
)
_PHONE_RE = re.compile(
    r"(?<![0-9A-Za-z+])(?:"
    r"\+[0-9]{1,3}(?:[\s.-]?\(?[0-9]{1,5}\)?){2,6}"
    r"|\(0?[0-9]{2,4}\)\s?[0-9]{3,4}[\s-]?[0-9]{3,4}"
    r"|0[0-9]{2,4}[\s-][0-9]{3,4}(?:[\s-]?[0-9]{3,4})?"
    r"|[48]00[\s-]?[0-9]{3}[\s-]?[0-9]{3,4}"
    r"|1[\s-][0-9]{3}[\s-][0-9]{3}[\s-][0-9]{4}"
    r"|[0-9]{3}-[0-9]{3}-[0-9]{4}"
    r"|1[38]00[\s-]?[0-9]{3}[\s-]?[0-9]{3}"
    r")(?![0-9])"
)
_UNIT_CHARS_AFTER = re.compile(
    r"\s*(?:[个次名人位秒分小天日周月年声%件项]|(?:hours?|days?|minutes?|mins?|seconds?|weeks?"
    r"|months?|years?|working|business|rings?|times|percent|per\s*cent)(?![A-Za-z]))",
    re.I,
)
_PHONE_CTX_RE = re.compile(
    r"(?:热线|电话|拨打|致电|传真|手机|号码|专线|短信|(?<![A-Za-z])(?:hotline|helpline|phone|"
    r"telephone|tel\.?|call|ring|dial|fax|text|sms|freephone|whatsapp))"
    r"(?:\s*(?:us|号码|号))?\s*(?:on|at)?\s*[:]?\s*[“\"'「]?\s*"
    r"(?P<num>\+?\(?[0-9][0-9()]*(?:[-.][0-9()]+)*"
    r"(?:\s[0-9]{3,}(?![0-9]*\s*[A-Za-z%\u4e00-\u9fff]))*)",
    re.I,
)
_PHONE_SUFFIX_RE = re.compile(
    r"(?<![0-9A-Za-z.])(?P<num>[0-9]{3,}(?:-[0-9]+)*)(?![0-9])"
    r"(?=[”\"'」』\s]*[\u4e00-\u9fff]{0,8}?(?:热线|专线|电话|短信|服务号)"
    r"|\s+(?:hotline|helpline|line)(?![A-Za-z]))",
    re.I,
)
_STANDARD_RE = re.compile(
    r"(?<![A-Za-z])(?:GB/T|GB/Z|GB|DB[0-9]{0,2}/T|JJG|JJF|ISO/IEC|ISO|IEC|BS\s+EN|BS|EN|ANSI|ASTM"
    r"|YY/T|YY|WS/T|WS|HJ|QB/T|QB|SB/T|MZ/T|GA/T|GA|JGJ|CJJ|TSG|DL/T|NB/T|YD/T)"
    r"\s*[0-9]+(?:[.-][0-9]+)*(?::[0-9]{4})?(?![0-9])"
)
_EN_NOT_UNIT_AHEAD = (
    r"(?!\s*(?:%|percent|per\s*cent|hours?|days?|minutes?|mins?|weeks?|months?|years?"
    r"|working|business|seconds?)(?![A-Za-z]))"
)
_MARKER_RE = re.compile(
    r"[(]\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3}|[a-zA-Z]|[ivxIVX]{1,4})\s*[)]"
    r"|(?:^|(?<=[\s。；;:，,]))(?:[0-9]{1,2}(?:\.[0-9]{1,2}){0,3}[.、)](?![0-9])"
    r"|[0-9]{1,2}(?:\.[0-9]{1,2}){1,3}(?=\s)|[一二三四五六七八九十]{1,3}、)"
    r"|第\s*(?:[0-9]+|[〇零一二两三四五六七八九十百千]+)"
    r"(?:\s*(?:条|章|节|款|项|部分|篇|点|页|号|期|批|届|版|类|级|名|位|次|轮|季|集|步|阶段|层"
    r"|楼|号线|场|个|组))?"
    r"|(?<![A-Za-z])(?:§+|(?i:article|art\.|section|sec\.|clause|chapter|paragraph|para\.?"
    r"|schedule|annex|appendix|regulation|stage|phase|tier|priority|category|severity|version"
    r"|release|room|floor|suite|ward|platform|no\.|nos\.|ref\.|reference|ticket)"
    r"|Part|Item|Page|Level|Unit|Building|Block|Counter|Window|Desk|Gate|Bay|Route|Bus|Line|Exit"
    r"|Form|Box|Flat|Standard|Principle|Commitment|Step|Rule|Band|Grade|Pledge|Objective|Goal"
    r"|#)\s*(?:-\s*)?(?P<mnum>[0-9]+(?:\.[0-9]+)*[A-Za-z]?)(?![0-9])" + _EN_NOT_UNIT_AHEAD + r"|"
    r"(?<![A-Za-z0-9])(?:[Pp][0-4]|SEV-?[0-4]|Sev-?[0-4])(?![A-Za-z0-9])"
    r"|(?<![A-Za-z0-9])(?P<ver>[vV][0-9]+(?:\.[0-9]+)*)(?![0-9])",
    re.M,
)
_POSTCODE_RE = re.compile(
    r"(?:邮编|邮政编码|(?<![A-Za-z])(?i:postcode|post\s+code|zip(?:\s+code)?))\s*[:]?\s*"
    r"(?P<num>[0-9]{5,6})(?![0-9])"
    r"|(?<![A-Za-z0-9])(?P<uk>[A-Z]{1,2}[0-9][A-Z0-9]?\s?[0-9][A-Z]{2})(?![A-Za-z0-9])"
)
_ZH_ADDRESS_RE = re.compile(
    _n("num") + r"\s*(?:号楼|号院|号线|号窗口?|号门|号|栋|幢|楼|层|室|单元|弄|巷)(?![0-9])"
)
_EN_ADDRESS_RE = re.compile(
    r"(?<![A-Za-z0-9])[0-9]{1,2}(?:st|nd|rd|th)\s+(?i:floor|storey|level)(?![A-Za-z])"
    r"|(?<![A-Za-z0-9,.])[0-9]{1,5}[A-Za-z]?,?\s+(?:[A-Z][a-z]+\s+){1,3}"
    r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Way|Drive|Dr|Place|Pl|Square|Sq|Court|Ct"
    r"|Boulevard|Blvd|Terrace|Crescent|Close|Row|Hill|Gardens|Parade|Walk|Quay)(?![A-Za-z])"
    r"|(?<![A-Za-z])(?i:PO\s+Box|P\.O\.\s+Box)\s+[0-9]+"
)


def _ident(start: int, end: int, unit: str, raw: str | None = None, prio: int = _P_ID) -> _Cand:
    value = None
    if raw is not None and raw.isascii() and raw.replace(".", "", 1).isdigit():
        value = float(raw)
    elif raw is not None:
        value = parse_number(raw)
    return _Cand(start, end, prio, "identifier", value, unit=unit)


def _b_url(m: re.Match[str], t: str) -> Iterable[_Cand]:
    return [_ident(m.start(), m.end(), "url")]


def _digits(s: str) -> int:
    return sum(ch.isdigit() for ch in s)


def _b_phone(m: re.Match[str], t: str) -> Iterable[_Cand]:
    if _digits(m.group()) < 7:
        return []
    return [_ident(m.start(), m.end(), "phone")]


def _b_phone_ctx(m: re.Match[str], t: str) -> Iterable[_Cand]:
    num = m["num"].rstrip("-.(")
    end = m.start("num") + len(num)
    if _digits(num) < 3 or _UNIT_CHARS_AFTER.match(t, end):
        return []
    raw = num if num.isdigit() else None
    return [_ident(m.start("num"), end, "phone", raw)]


def _b_phone_suffix(m: re.Match[str], t: str) -> Iterable[_Cand]:
    num = m["num"]
    return [_ident(m.start("num"), m.end("num"), "phone", num if num.isdigit() else None)]


def _b_standard(m: re.Match[str], t: str) -> Iterable[_Cand]:
    return [_ident(m.start(), m.end(), "standard")]


def _b_marker(m: re.Match[str], t: str) -> Iterable[_Cand]:
    head = m.group()[:4].lower()
    if m["ver"] or head[:3] in ("ver", "rel"):
        return [_ident(m.start(), m.end(), "version")]
    unit = "address" if head in _ADDRESS_HEADS else "marker"
    raw = m["mnum"]
    if raw is None:
        inner = re.search(rf"[0-9]+|[{_ZH_CHARS}]+", m.group())
        raw = inner.group() if inner else None
    elif not raw.isdigit():
        raw = None
    return [_ident(m.start(), m.end(), unit, raw)]


_ADDRESS_HEADS = frozenset(
    ("room", "floo", "suit", "ward", "plat", "unit", "buil", "bloc", "flat", "leve", "gate", "bay ")
)


def _b_postcode(m: re.Match[str], t: str) -> Iterable[_Cand]:
    if m["num"]:
        return [_ident(m.start("num"), m.end("num"), "postcode", m["num"])]
    return [_ident(m.start("uk"), m.end("uk"), "postcode")]


def _b_zh_address(m: re.Match[str], t: str) -> Iterable[_Cand]:
    return [_ident(m.start(), m.end(), "address", m["num"], _P_ADDRESS)]


def _b_en_address(m: re.Match[str], t: str) -> Iterable[_Cand]:
    return [_ident(m.start(), m.end(), "address", prio=_P_ADDRESS)]


# --- dates -----------------------------------------------------------------------------------

_ZH_YEAR = (
    r"(?:(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])"
    r"|(?<![〇零一二三四五六七八九])[〇零一二三四五六七八九]{4})"
)
_ZH_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九](?!十))"
_ZH_DAY = r"(?:[0-9]{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_ZH_DATE_RE = re.compile(
    rf"{_ZH_YEAR}(?:\s*[-–~至到/]\s*(?:(?:19|20)?[0-9]{{2}}|[〇零一二三四五六七八九]{{2,4}}))?"
    rf"\s*年(?:度)?(?:\s*{_ZH_MONTH}\s*月(?:份)?(?:\s*{_ZH_DAY}\s*[日号])?)?"
    rf"(?:底|末|初|中旬|上旬|下旬)?"
    rf"|(?<![0-9〇零一二两三四五六七八九十百千个]){_ZH_MONTH}\s*月(?:份)?"
    rf"(?:\s*{_ZH_DAY}\s*[日号])?(?:底|末|初|中旬|上旬|下旬)?"
    rf"|(?<=月){_ZH_DAY}\s*[日号]"
    r"|(?:自|从)?即日起"
)
_MONTH = (
    r"(?:January|February|March|April|(?-i:May)|June|July|August|September|October|November"
    r"|December|(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?)"
)
_EN_DATE_RE = re.compile(
    rf"(?<![0-9A-Za-z])[0-9]{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?![A-Za-z])"
    rf"(?:,?\s+(?:19|20)[0-9]{{2}}(?![0-9]))?"
    rf"|(?<![A-Za-z]){_MONTH}(?![A-Za-z])\s*(?:[0-9]{{1,2}}(?:st|nd|rd|th)?(?![0-9:])"
    rf"(?:,?\s+(?:19|20)[0-9]{{2}}(?![0-9]))?|(?:19|20)[0-9]{{2}}(?![0-9]))"
    r"|(?<![0-9])(?:19|20)[0-9]{2}[-/.](?:1[0-2]|0?[1-9])[-/.](?:3[01]|[12][0-9]|0?[1-9])(?![0-9])"
    r"|(?<![0-9./])(?:3[01]|[12][0-9]|0?[1-9])[/.](?:1[0-2]|0?[1-9])[/.](?:19|20)[0-9]{2}(?![0-9])"
    r"|(?<![0-9./])(?:3[01]|[12][0-9]|0?[1-9])/(?:1[0-2]|0?[1-9])/[0-9]{2}(?![0-9/])"
    r"|(?<![0-9A-Za-z])(?:FY\s?)?(?:19|20)[0-9]{2}\s*[-–/]\s*(?:(?:19|20)[0-9]{2}|[0-9]{2})(?![0-9])"
    r"|(?<![A-Za-z0-9])(?-i:Q[1-4])(?:\s+(?:19|20)[0-9]{2})?(?![A-Za-z0-9])"
    r"|(?<![0-9A-Za-z])(?:19|20)[0-9]0['’]?s(?![A-Za-z])"
    r"|(?<![0-9A-Za-z])[0-9]{1,2}(?:st|nd|rd|th)\s+(?:day\s+)?of\s+(?:each|every|the|the\s+following)"
    r"\s+month(?![A-Za-z])",
    re.I,
)


def _b_date(m: re.Match[str], t: str) -> Iterable[_Cand]:
    return [_Cand(m.start(), m.end(), _P_DATE, "date", unit="date")]


# --- deadline words --------------------------------------------------------------------------

_ZH_DEADLINE_RE = re.compile(
    r"(?P<swd>同一个?工作日|当个?工作日)|(?P<nwd>下一?个?工作[日天]|次一?工作[日天])"
    r"|(?P<sd>同一[天日]|当日|当天|即日(?!起)|同日)|(?P<nd>第二[天日]|次日|翌日|隔日|隔天)"
    r"|(?P<spot>当场)|(?P<sm>当月)|(?P<nm>次月)"
)
_EN_DEADLINE_RE = re.compile(
    r"(?<![A-Za-z])(?:end\s+of\s+(?:the\s+)?(?:(?P<eodn>next|following)\s+)?"
    r"(?:(?P<eodw>working|business)\s+)?day|end\s+of\s+(?:the\s+)?same\s+(?:working\s+|business\s+)?day"
    r"|close\s+of\s+business|(?:the\s+)?(?P<same>same)[-\s](?:(?:working|business)[-\s])?day"
    r"|(?:the\s+)?(?:next|following)[-\s](?P<nwd>working|business)[-\s]day"
    r"|(?:the\s+)?(?P<nd>next|following)[-\s]day"
    r"|the\s+day\s+after|(?P<spot>on\s+the\s+spot|while\s+you\s+wait))(?![A-Za-z])",
    re.I,
)


def _b_zh_deadline(m: re.Match[str], t: str) -> Iterable[_Cand]:
    unit = {
        "swd": "same_day",
        "nwd": "next_working_day",
        "sd": "same_day",
        "nd": "next_day",
        "spot": "on_the_spot",
        "sm": "same_month",
        "nm": "next_month",
    }[m.lastgroup or "sd"]
    return [_Cand(m.start(), m.end(), _P_DEADLINE, "deadline", unit=unit, comparator="at_most")]


def _b_en_deadline(m: re.Match[str], t: str) -> Iterable[_Cand]:
    if m["spot"]:
        unit = "on_the_spot"
    elif m["nwd"] or (m["eodn"] and m["eodw"]):
        unit = "next_working_day"
    elif m["nd"] or m["eodn"] or m.group().lower().startswith("the day after"):
        unit = "next_day"
    else:
        unit = "same_day"
    return [_Cand(m.start(), m.end(), _P_DEADLINE, "deadline", unit=unit, comparator="at_most")]


# --- hours of service ------------------------------------------------------------------------

_HOURS_X_RE = re.compile(
    r"(?<![0-9])(?P<a>[0-9]{1,3}|七|五|六)\s*[×xX*✕✖]\s*(?P<b>[0-9]{1,2}|二十四|八|十二|十)(?![0-9])"
    r"(?:\s*(?:个?小时|hours?|hrs?|h)(?![A-Za-z]))?",
    re.I,
)
_HOURS_247_RE = re.compile(r"(?<![0-9/])24\s*/\s*7(?:\s*/\s*365)?(?![0-9/])")
_HOURS_ZH_RE = re.compile(
    r"(?P<y>(?:全年|一年)?\s*(?:365|三百六十五)\s*[天日](?!\s*(?:内|以内|之内)))"
    r"|(?P<d>(?:每天|每日|全天|全日|一天|全天候)\s*(?:24|二十四)\s*个?小时|全天候"
    r"|(?:24|二十四)\s*个?小时(?=\s*(?:全天候|不间断|服务|营业|值班|值守|受理|在线|开放|开通|接听"
    r"|运行|热线|咨询|客服|畅通|报修|电力|人工|应急|监控|营运|运营|办公|轮班|有人|全年)))"
    r"|(?P<w>每周\s*(?P<wd>[0-9]|[一二三四五六七])\s*天)"
)
_EN_HOURS_RE = re.compile(
    rf"{_e('h')}[\s-]*(?:hours?|hrs?)\s+(?:a|per|each|every)\s+day(?![A-Za-z])"
    rf"(?:\s*,?\s*(?:and\s+)?{_e('hd')}\s+days?\s+(?:a|per|each|every)\s+week(?![A-Za-z]))?"
    rf"|{_e('d')}\s+days?\s+(?:a|per|each|every|of\s+the)\s+(?P<p>week|year)(?![A-Za-z])"
    r"|(?<![0-9])(?P<tf>24)[\s-]*hours?(?=\s+(?:service|support|helpline|hotline|line|access"
    r"|cover|coverage|emergency|reception|assistance|phone|telephone|contact|monitoring"
    r"|availability|operation|security|call|answering|online|staffed|manned)(?![A-Za-z]))"
    r"|(?<=open )(?P<op>24)\s*hours?(?![A-Za-z])",
    re.I,
)


def _b_hours_x(m: re.Match[str], t: str) -> Iterable[_Cand]:
    a, b = parse_number(m["a"]), parse_number(m["b"])
    if a is None or b is None:
        return []
    if (a <= 7 and b <= 24) or (a == 24 and b <= 7):
        value, unit = a * b, "hours_per_week"
    elif a in (365, 366) and b <= 24:
        value, unit = a * b, "hours_per_year"
    else:
        return []
    return [_Cand(m.start(), m.end(), _P_HOURS, "hours", value, unit=unit)]


def _b_hours_247(m: re.Match[str], t: str) -> Iterable[_Cand]:
    return [_Cand(m.start(), m.end(), _P_HOURS, "hours", 168.0, unit="hours_per_week")]


def _b_hours_zh(m: re.Match[str], t: str) -> Iterable[_Cand]:
    if m["y"]:
        return [_Cand(m.start(), m.end(), _P_HOURS, "hours", 365.0, unit="days_per_year")]
    if m["w"]:
        days = parse_number(m["wd"])
        return [_Cand(m.start(), m.end(), _P_HOURS, "hours", days, unit="days_per_week")]
    return [_Cand(m.start(), m.end(), _P_HOURS, "hours", 24.0, unit="hours_per_day")]


def _b_en_hours(m: re.Match[str], t: str) -> Iterable[_Cand]:
    if m["tf"] or m["op"]:
        return [_Cand(m.start(), m.end(), _P_HOURS, "hours", 24.0, unit="hours_per_day")]
    if m["h"]:
        hours = parse_number(m["h"])
        if hours is None or hours > 24:
            return []
        if m["hd"]:
            days = parse_number(m["hd"])
            if days is None or days > 7:
                return []
            return [
                _Cand(m.start(), m.end(), _P_HOURS, "hours", hours * days, unit="hours_per_week")
            ]
        return [_Cand(m.start(), m.end(), _P_HOURS, "hours", hours, unit="hours_per_day")]
    days = parse_number(m["d"])
    if days is None:
        return []
    if m["p"].lower() == "week":
        if days > 7:
            return []
        return [_Cand(m.start(), m.end(), _P_HOURS, "hours", days, unit="days_per_week")]
    if days > 366:
        return []
    return [_Cand(m.start(), m.end(), _P_HOURS, "hours", days, unit="days_per_year")]


# --- clock times -----------------------------------------------------------------------------


def _clock_rx(i: int) -> str:
    return (
        rf"(?:(?P<cp{i}>上午|下午|中午|晚上|早上|凌晨|傍晚|夜间|夜里|午后"
        rf"|(?<![最太过较提更稍])早|(?<![最太过较提更稍傍])晚)\s*)?"
        rf"(?:(?<![0-9:.])(?P<hh{i}>[0-9]{{1,2}})\s*:\s*(?P<mm{i}>[0-9]{{2}})(?![0-9:])"
        rf"(?:\s*(?P<ap{i}>a\.?\s?m\.?|p\.?\s?m\.?)(?![A-Za-z]))?"
        rf"|(?<![0-9:.])(?P<eh{i}>[0-9]{{1,2}})(?:\.(?P<em{i}>[0-9]{{2}}))?\s*"
        rf"(?P<eap{i}>a\.?\s?m\.?|p\.?\s?m\.?)(?![A-Za-z])"
        rf"|(?P<zh{i}>(?<![0-9.])[0-9]{{1,2}}|(?<![{_ZH_CHARS}])[〇零一二两三四五六七八九十]{{1,3}})"
        rf"\s*(?P<zu{i}>[时点])(?:\s*(?P<zm{i}>[0-9]{{1,2}}|[〇零一二三四五六七八九十]{{1,3}})\s*分"
        rf"(?![钟之])|(?P<zhalf{i}>半)|(?P<zz{i}>整))?"
        rf"|(?<![0-9])(?P<oc{i}>[0-9]{{1,2}})\s*o['’]\s*clock"
        rf"|(?P<noon{i}>(?<![A-Za-z])(?:12\s*)?(?:noon|midday)(?![A-Za-z]))"
        rf"|(?P<mid{i}>(?<![A-Za-z])(?:12\s*)?midnight(?![A-Za-z])))"
    )


_CLOCK_RE = re.compile(
    rf"(?:(?P<frm>(?<![A-Za-z])from|(?<![A-Za-z])between|由|从|自)\s*)?{_clock_rx(1)}"
    rf"(?:\s*(?P<sep>-|–|—|~|至|到|(?<![A-Za-z])(?:to|until|till|through|and)(?![A-Za-z]))\s*"
    rf"{_clock_rx(2)})?",
    re.I,
)
_CLOCK_FOLLOW_RE = re.compile(
    r"\s*(?:[前后起至到\-–—~,，。;；、)）]|之前|以前|之后|以后|开始|结束|截止|营业|上班|下班|开门"
    r"|关门|闭馆|开放|停止|或之前|或以前|止|$)"
)
_CLOCK_FOLLOW_ZH_NUM_RE = re.compile(r"\s*(?:[前后起至到\-–—~]|之前|以前|之后|以后|或之前|或以前)")
_CLOCK_BAD_BEFORE = ("以下", "如下", "下列", "做到", "做好", "包括", "坚持", "共", "这", "那", "几")
_PM_WORDS = ("下午", "晚上", "傍晚", "晚", "夜间", "夜里", "午后")


def _clock_part(m: re.Match[str], i: int) -> tuple[float, bool] | None:
    """(hours after midnight, strong) for clock part i, or None if invalid."""
    period = m[f"cp{i}"]
    minutes = 0.0
    strong = period is not None
    ap: str | None = None
    if m[f"hh{i}"] is not None:
        hour, minutes = float(m[f"hh{i}"]), float(m[f"mm{i}"])
        ap = m[f"ap{i}"]
        strong = True
    elif m[f"eh{i}"] is not None:
        hour = float(m[f"eh{i}"])
        minutes = float(m[f"em{i}"] or 0)
        ap = m[f"eap{i}"]
        strong = True
    elif m[f"zh{i}"] is not None:
        parsed = parse_number(m[f"zh{i}"])
        if parsed is None:
            return None
        hour = parsed
        if m[f"zm{i}"] is not None:
            parsed_minutes = parse_number(m[f"zm{i}"])
            if parsed_minutes is None:
                return None
            minutes = parsed_minutes
            strong = True
        elif m[f"zhalf{i}"]:
            minutes = 30.0
            strong = True
        elif m[f"zz{i}"]:
            strong = True
    elif m[f"oc{i}"] is not None:
        hour = float(m[f"oc{i}"])
        strong = True
    elif m[f"noon{i}"] is not None:
        return 12.0, True
    elif m[f"mid{i}"] is not None:
        return 24.0, True
    else:
        return None
    if hour > 24 or minutes >= 60 or hour != int(hour):
        return None
    if ap is not None:
        if hour > 12 or hour == 0:
            return None
        is_pm = ap.lower().startswith("p")
        if is_pm and hour < 12:
            hour += 12
        elif not is_pm and hour == 12:
            hour = 0
    elif (period in _PM_WORDS and hour < 12) or (period == "中午" and hour < 11):
        hour += 12
    return hour + minutes / 60, strong


def _b_clock(m: re.Match[str], t: str) -> Iterable[_Cand]:
    """One clock time, or a range of two ("8:30–17:30", 上午8时至下午5时) as hours of service.

    Each part is also offered on its own, so that a rejected range still yields its times.
    """
    first = _clock_part(m, 1)
    if first is None:
        return []
    start1 = m.start("cp1") if m["cp1"] else _first_start(m, 1)
    if any(t.endswith(w, 0, start1) for w in _CLOCK_BAD_BEFORE):
        return []
    out: list[_Cand] = []
    ranged = False
    second = _clock_part(m, 2) if m["sep"] is not None else None
    if second is not None:
        if m["sep"].lower() != "and" or (m["frm"] or "").lower() == "between":
            ranged = True
            low = 0.0 if m["mid1"] else first[0]
            start = m.start("frm") if m["frm"] else start1
            out.append(_Cand(start, m.end(), _P_HOURS, "hours", second[0], low, "clock"))
        if second[1] or _follow_ok(m, 2, t, m.end()):
            start2 = m.start("cp2") if m["cp2"] else _first_start(m, 2)
            exact = "exactly" if m["zz2"] else None
            out.append(_Cand(start2, m.end(), _P_CLOCK, "clock", second[0], None, "clock", exact))
    end1 = _part_end(m, 1)
    if ranged or first[1] or _follow_ok(m, 1, t, end1):
        exact = "exactly" if m["zz1"] else None
        out.append(_Cand(start1, end1, _P_CLOCK, "clock", first[0], None, "clock", exact))
    return out


def _first_start(m: re.Match[str], i: int) -> int:
    for g in ("hh", "eh", "zh", "oc", "noon", "mid"):
        if m[f"{g}{i}"] is not None:
            return m.start(f"{g}{i}")
    return m.start()


def _part_end(m: re.Match[str], i: int) -> int:
    ends = [m.end(g) for g in m.re.groupindex if g.endswith(str(i)) and m[g] is not None]
    return max(ends) if ends else m.end()


def _follow_ok(m: re.Match[str], i: int, t: str, end: int) -> bool:
    raw = m[f"zh{i}"]
    if raw is None:
        return False
    if raw.isascii():
        return _CLOCK_FOLLOW_RE.match(t, end) is not None
    return _CLOCK_FOLLOW_ZH_NUM_RE.match(t, end) is not None


# --- frequencies -----------------------------------------------------------------------------

_ZH_PERIOD = r"(?:小时|工作日|天|日|星期|礼拜|周|月|季度|季|年度|年)"
_ZH_PERIOD_UNIT: Final[dict[str, str]] = {
    "小时": "per_hour",
    "工作日": "per_working_day",
    "天": "per_day",
    "日": "per_day",
    "星期": "per_week",
    "礼拜": "per_week",
    "周": "per_week",
    "月": "per_month",
    "季度": "per_quarter",
    "季": "per_quarter",
    "年度": "per_year",
    "年": "per_year",
}
_ZH_FREQ_RE = re.compile(
    rf"每\s*(?:隔\s*)?(?:{_n('n')}\s*)?(?:个\s*)?(?P<period>{_ZH_PERIOD})"
    rf"(?:(?P<mid>[^\s0-9,.;:!?，。；、！？()“”]{{0,8}}?)(?:{_n('clow')}\s*{_RANGE_SEP_ZH}\s*)?"
    rf"{_n('cnt')}\s*(?:次|遍|回|趟|轮)(?!性))?"
)
_ZH_FREQ2_RE = re.compile(
    r"(?<![每第0-9〇零一二两三四五六七八九十百千万])一\s*个?\s*(?P<period>年|月|周|星期|季度|天|日)\s*"
    + _n("cnt")
    + r"\s*(?:次|遍|回|度)(?!性)"
)
_EN_PERIOD = (
    r"(?:(?:working|business)\s+days?|days?|hours?|weeks?|fortnights?|months?|quarters?"
    r"|years?|half[-\s]years?)"
)
_EN_FREQ_TIMES_RE = re.compile(
    rf"(?<![A-Za-z])(?:(?P<times>once|twice|thrice)|{_e('tn')}\s+times)\s+"
    rf"(?:a|an|per|each|every|in\s+a|in\s+each|in\s+every)\s+(?:(?P<n>{_AR}|{_WORDNUM}|other)\s+)?"
    rf"(?P<period>{_EN_PERIOD})(?![A-Za-z])",
    re.I,
)
_EN_FREQ_EVERY_RE = re.compile(
    rf"(?<![A-Za-z])(?:every|each)\s+(?:(?P<n>{_AR}|{_WORDNUM}|other)\s+)?"
    rf"(?P<period>{_EN_PERIOD})(?![A-Za-z])",
    re.I,
)
_EN_FREQ_ADV_RE = re.compile(
    r"(?<![A-Za-z-])(?:(?P<mult>once|twice|thrice)[\s-]+)?(?P<adv>hourly|daily|weekly|fortnightly"
    r"|bi-?weekly|monthly|bi-?monthly|quarterly|semi-?annually|bi-?annually|half-yearly|annually"
    r"|yearly|bi-?ennially)(?![A-Za-z-])",
    re.I,
)
_EN_ADVERBS: Final[dict[str, tuple[float, str]]] = {
    "hourly": (1, "per_hour"),
    "daily": (1, "per_day"),
    "weekly": (1, "per_week"),
    "fortnightly": (0.5, "per_week"),
    "biweekly": (0.5, "per_week"),
    "monthly": (1, "per_month"),
    "bimonthly": (0.5, "per_month"),
    "quarterly": (1, "per_quarter"),
    "semiannually": (2, "per_year"),
    "biannually": (2, "per_year"),
    "halfyearly": (2, "per_year"),
    "annually": (1, "per_year"),
    "yearly": (1, "per_year"),
    "biennially": (0.5, "per_year"),
}
_MULT: Final[dict[str, float]] = {"once": 1.0, "twice": 2.0, "thrice": 3.0}


def _en_period(raw: str) -> tuple[str, float]:
    """(per_* unit, how many of that unit one named period is)."""
    p = raw.lower()
    if p.startswith(("working", "business")):
        return "per_working_day", 1
    if p.startswith("half"):
        return "per_year", 0.5
    if p.startswith("fortnight"):
        return "per_week", 2
    for stem, unit in (
        ("day", "per_day"),
        ("hour", "per_hour"),
        ("week", "per_week"),
        ("month", "per_month"),
        ("quarter", "per_quarter"),
        ("year", "per_year"),
    ):
        if p.startswith(stem):
            return unit, 1
    return "per_year", 1  # unreachable with _EN_PERIOD


def _b_zh_freq(m: re.Match[str], t: str) -> Iterable[_Cand]:
    n = 1.0
    if m["n"] is not None:
        parsed = parse_number(m["n"])
        if parsed is None or parsed == 0:
            return []
        n = parsed
    unit = _ZH_PERIOD_UNIT[m["period"]]
    bare = _Cand(m.start(), m.end("period"), _P_FREQ, "frequency", 1.0 / n, unit=unit)
    if m["cnt"] is None:
        return [bare]
    cnt = _value(m["cnt"])
    if cnt is None:
        return [bare]
    low = parse_number(m["clow"]) if m["clow"] else cnt[0]
    mid = _MID_CMP_RE.search(m["mid"] or "")
    comparator = None
    if mid is not None:
        comparator = "at_least" if mid["least"] else "at_most"
    cand = _Cand(
        m.start(),
        m.end(),
        _P_FREQ,
        "frequency",
        cnt[1] / n,
        None if low is None else low / n,
        unit,
        comparator,
        cnt[2],
    )
    return [cand, bare]


_MID_CMP_RE = re.compile(
    r"(?P<least>不(?:应当|应该|能够|应|得|能|可|会|宜)?(?:少于|低于)|至少|最少|最低)"
    r"|(?P<most>不(?:应当|应该|能够|应|得|能|可|会|宜)?(?:超过|多于|高于)|至多|最多)"
)


def _b_zh_freq2(m: re.Match[str], t: str) -> Iterable[_Cand]:
    cnt = _value(m["cnt"])
    if cnt is None:
        return []
    unit = _ZH_PERIOD_UNIT[m["period"]]
    return [_Cand(m.start(), m.end(), _P_FREQ, "frequency", cnt[1], cnt[0], unit, None, cnt[2])]


def _en_n(raw: str | None) -> float | None:
    if raw is None:
        return 1.0
    if raw.lower() == "other":
        return 2.0
    return parse_number(raw)


def _b_en_freq_times(m: re.Match[str], t: str) -> Iterable[_Cand]:
    count = _MULT[m["times"].lower()] if m["times"] else parse_number(m["tn"])
    n = _en_n(m["n"])
    if count is None or not n:
        return []
    unit, size = _en_period(m["period"])
    return [_Cand(m.start(), m.end(), _P_FREQ, "frequency", count / (n * size), unit=unit)]


def _b_en_freq_every(m: re.Match[str], t: str) -> Iterable[_Cand]:
    n = _en_n(m["n"])
    if not n:
        return []
    unit, size = _en_period(m["period"])
    return [_Cand(m.start(), m.end(), _P_FREQ, "frequency", 1 / (n * size), unit=unit)]


def _b_en_freq_adv(m: re.Match[str], t: str) -> Iterable[_Cand]:
    value, unit = _EN_ADVERBS[m["adv"].lower().replace("-", "")]
    value = float(value)
    if m["mult"]:
        value *= _MULT[m["mult"].lower()]
    return [_Cand(m.start(), m.end(), _P_FREQ, "frequency", value, unit=unit)]


# --- percentages -----------------------------------------------------------------------------

_PERCENT_RE = re.compile(
    rf"(?P<between>(?<![A-Za-z])between\s+)?(?:{_ne('low')}\s*(?:%|percent|per\s*cent)?\s*"
    rf"(?P<sep>-|–|—|~|至|到|(?<![A-Za-z])(?:to|and)(?![A-Za-z]))\s*)?"
    rf"{_ne('num')}\s*(?P<sign>%|‰|percent(?![A-Za-z])|per\s*cent(?![A-Za-z])|pct(?![A-Za-z]))",
    re.I,
)
_FRACTION_RE = re.compile(
    rf"{_n('den')}\s*分之\s*{_n('num')}(?:\s*{_RANGE_SEP_ZH}\s*(?:(?:百|千|万)分之)?{_n('num2')})?"
    r"|(?P<full>百分百)"
)
_CHENG_RE = re.compile(
    rf"(?<![0-9{_ZH_CHARS}.])(?P<raw>(?:[0-9]|[一二两三四五六七八九十])成"
    r"(?![不本员立功果绩熟就交为效品型年人])(?:[0-9]|[一二三四五六七八九](?![0-9〇零一二两三四五六七八九十]))?)"
)
_HALF_RE = re.compile(r"(?P<over>过半)|(?<![〇零一二两三四五六七八九十])一半|半数")


def _b_percent(m: re.Match[str], t: str) -> Iterable[_Cand]:
    v = _value(m["num"])
    if v is None:
        return []
    scale = 0.1 if m["sign"] == "‰" else 1.0
    value = v[1] * scale
    single = _Cand(
        m.start("num"), m.end(), _P_PERCENT, "percent", value, v[0], "percent", None, v[2]
    )
    if m["low"] is None:
        return [single]
    low = parse_number(m["low"])
    sep = m["sep"].lower()
    if low is None or low * scale >= value or (sep == "and" and not m["between"]):
        return [single]
    start = m.start("between") if m["between"] else m.start("low")
    return [_Cand(start, m.end(), _P_PERCENT, "percent", value, low * scale, "percent"), single]


def _share(num: float, den: float) -> float:
    """num/den as a percentage, without float noise: 百分之七 is 7, not 7.000000000000001."""
    return round(num * 100 / den, 10)


def _b_fraction(m: re.Match[str], t: str) -> Iterable[_Cand]:
    if m["full"]:
        return [_Cand(m.start(), m.end(), _P_PERCENT, "percent", 100.0, unit="percent")]
    den, num = parse_number(m["den"]), parse_number(m["num"])
    if den is None or num is None or den == 0:
        return []
    value = _share(num, den)
    if m["num2"] is not None:
        num2 = parse_number(m["num2"])
        if num2 is not None and num2 > num:
            return [
                _Cand(
                    m.start(), m.end(), _P_PERCENT, "percent", _share(num2, den), value, "percent"
                )
            ]
    return [_Cand(m.start(), m.end("num"), _P_PERCENT, "percent", value, unit="percent")]


def _b_cheng(m: re.Match[str], t: str) -> Iterable[_Cand]:
    value = parse_number(m["raw"])
    if value is None or value > 100:
        return []
    return [_Cand(m.start(), m.end(), _P_PERCENT, "percent", value, unit="percent")]


def _b_half(m: re.Match[str], t: str) -> Iterable[_Cand]:
    comparator = "at_least" if m["over"] else None
    return [_Cand(m.start(), m.end(), _P_PERCENT, "percent", 50.0, None, "percent", comparator)]


# --- durations -------------------------------------------------------------------------------

_ZH_DUR_UNIT = (
    r"(?:工作日|工作天|自然日|日历日|历日|小时|钟头|分钟|秒钟|秒|天|日|星期|礼拜|周|月|季度|年|声)"
)
_ZH_DUR_UNITS: Final[dict[str, str]] = {
    "工作日": "working_days",
    "工作天": "working_days",
    "自然日": "days",
    "日历日": "days",
    "历日": "days",
    "小时": "hours",
    "钟头": "hours",
    "分钟": "minutes",
    "秒钟": "seconds",
    "秒": "seconds",
    "天": "days",
    "日": "days",
    "星期": "weeks",
    "礼拜": "weeks",
    "周": "weeks",
    "月": "months",
    "季度": "quarters",
    "年": "years",
    "声": "rings",
}
_ZH_DURATION_RE = re.compile(
    rf"(?P<ord>第\s*)?(?:{_n('low')}\s*(?:多|余)?\s*个?\s*(?P<lunit>{_ZH_DUR_UNIT})?\s*"
    rf"(?P<sep>{_RANGE_SEP_ZH})\s*)?"
    rf"{_n('num')}\s*(?P<more>多|余|来)?\s*(?P<ge>个)?(?P<half>半)?个?\s*(?P<unit>{_ZH_DUR_UNIT})"
    r"(?P<half2>半(?![个小天日年月周钟]))?"
)
_EN_DUR_UNIT = (
    r"(?:(?:clear\s+)?(?:working|business|work)[\s-]?days?|workdays?|weekdays?"
    r"|(?:working|business)\s+weeks?"
    r"|(?:calendar|clear)\s+days?|days?|seconds?|secs?|minutes?|mins?|hours?|hrs?|weeks?|wks?"
    r"|fortnights?|months?|mths?|years?|yrs?|rings?|s|h)"
)
_EN_DURATION_RE = re.compile(
    rf"(?P<between>(?<![A-Za-z])between\s+)?"
    rf"(?:{_e('low')}(?:\s*\(\s*[0-9]+\s*\))?\s*(?:(?P<lunit>{_EN_DUR_UNIT})\s+)?"
    rf"(?P<sep>-|–|—|~|(?<![A-Za-z])(?:to|and)(?![A-Za-z]))\s*)?"
    rf"(?P<num>{_AB}{_AR}(?![0-9])|(?<![A-Za-z-]){_WORDNUM}|(?<![A-Za-z])half(?:\s+an?(?![A-Za-z]))?"
    rf"|(?<![A-Za-z])an?(?![A-Za-z]))(?:\s*\(\s*(?P<paren>[0-9]+)\s*\))?"
    rf"(?P<andhalf>\s+and\s+a\s+half)?\s*-?\s*(?P<unit>{_EN_DUR_UNIT})(?![A-Za-z])(?:['’]s?)?",
    re.I,
)
_EN_ORD_RE = re.compile(
    r"(?<![A-Za-z])(?:the\s+)?(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
    r"|tenth|[0-9]{1,2}(?:st|nd|rd|th))\s+(?P<unit>rings?|(?:working|business)\s+days?)(?![A-Za-z])",
    re.I,
)
_ORDINALS: Final[dict[str, int]] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
_A_OK_BEFORE_RE = re.compile(
    r"(?<![A-Za-z])(?:within|in|for|than|under|over|about|around|approximately|roughly|to|least"
    r"|most|after|only|just|takes?|taking|took|of|nearly|almost|maximum|minimum|max|min)\s+$",
    re.I,
)


def _en_unit(raw: str) -> tuple[str, float]:
    u = raw.lower()
    if u.startswith("ring"):
        return "rings", 1
    if ("work" in u or "business" in u) and "week" in u:
        return "working_days", 5  # a working week is five working days
    if "work" in u or "business" in u or "weekday" in u:
        return "working_days", 1
    if "day" in u:
        return "days", 1
    if u.startswith("fortnight"):
        return "weeks", 2
    for stem, unit in (
        ("s", "seconds"),
        ("min", "minutes"),
        ("h", "hours"),
        ("w", "weeks"),
        ("m", "months"),
        ("y", "years"),
    ):
        if u.startswith(stem):
            return unit, 1
    return "days", 1  # unreachable with _EN_DUR_UNIT


def _b_zh_duration(m: re.Match[str], t: str) -> Iterable[_Cand]:
    unit_raw = m["unit"]
    unit = _ZH_DUR_UNITS[unit_raw]
    num_start = m.start("num")
    after = t[m.end() : m.end() + 1]
    if unit_raw == "月" and not (m["ge"] or m["half"] or m["num"] == "半" or m["half2"]):
        return []
    if unit_raw in ("日", "天") and (
        t.endswith("月", 0, num_start) or t.endswith("月份", 0, num_start)
    ):
        return []
    if unit_raw == "周" and after and after in "年岁末":
        return []
    if unit_raw == "日" and after and after in "期常报志":
        return []
    if unit_raw == "年" and _year_like(m["num"]):
        return []
    v = _value(m["num"])
    if v is None:
        return []
    low, value, approx = v
    if m["half"] or m["half2"]:
        value += 0.5
    approx = approx or bool(m["more"])
    start = m.start("ord") if m["ord"] else num_start
    single = _Cand(start, m.end(), _P_DURATION, "duration", value, low, unit, None, approx)
    if m["low"] is None:
        return [single]
    lv = _value(m["low"])
    if lv is None:
        return [single]
    lunit = m["lunit"]
    if lunit is not None and _ZH_DUR_UNITS[lunit] != unit:
        # 3天至5个工作日 is two durations, not a range
        if lunit in ("月", "年"):
            return [single]
        first = _Cand(
            m.start("low"),
            m.end("lunit"),
            _P_DURATION,
            "duration",
            lv[1],
            lv[0],
            _ZH_DUR_UNITS[lunit],
            None,
            lv[2],
        )
        return [first, single]
    if lv[1] >= value or m["ord"]:
        return [single]
    if unit_raw == "年" and _year_like(m["low"]):
        return []
    rng = _Cand(m.start("low"), m.end(), _P_DURATION, "duration", value, lv[1], unit, None, approx)
    return [rng, single]


def _military(raw: str) -> float | None:
    if len(raw) == 4 and raw.isdigit() and int(raw[:2]) <= 24 and int(raw[2:]) < 60:
        return int(raw[:2]) + int(raw[2:]) / 60
    return None


def _b_en_duration(m: re.Match[str], t: str) -> Iterable[_Cand]:
    raw = m["num"]
    unit_raw = m["unit"]
    low_raw = m["low"]
    unit, size = _en_unit(unit_raw)
    raw_l = raw.lower()
    if unit_raw.lower() in ("s", "h") and not raw[0].isdigit():
        return []
    if unit_raw.lower() == "s" and _year_like(raw):
        return []
    if unit == "hours" and len(raw) == 4 and unit_raw.lower() != "h":
        mil = _military(raw)
        if mil is not None:
            mil_low = _military(low_raw) if low_raw else None
            if mil_low is not None and m["sep"].lower() != "and":
                return [_Cand(m.start("low"), m.end(), _P_HOURS, "hours", mil, mil_low, "clock")]
            return [_Cand(m.start("num"), m.end(), _P_CLOCK, "clock", mil, unit="clock")]
    if raw_l in ("a", "an"):
        if not _A_OK_BEFORE_RE.search(t, max(0, m.start("num") - 24), m.start("num")):
            return []
        value: float | None = 1.0
    elif raw_l.startswith("half"):
        value = 0.5
    else:
        value = parse_number(raw)
    if m["paren"]:
        value = float(m["paren"])
    if value is None:
        return []
    if m["andhalf"]:
        value += 0.5
    value *= size
    single = _Cand(m.start("num"), m.end(), _P_DURATION, "duration", value, unit=unit)
    if low_raw is None:
        return [single]
    low = parse_number(low_raw)
    if m["lunit"] is not None and low is not None and _en_unit(m["lunit"]) != (unit, size):
        # "between 10 minutes and 2 hours": two durations, not one range
        low_unit, low_size = _en_unit(m["lunit"])
        first = _Cand(
            m.start("low"), m.end("lunit"), _P_DURATION, "duration", low * low_size, unit=low_unit
        )
        return [first, single]
    sep = m["sep"].lower()
    if low is None or low * size >= value or (sep == "and" and not m["between"]):
        return [single]
    start = m.start("between") if m["between"] else m.start("low")
    return [_Cand(start, m.end(), _P_DURATION, "duration", value, low * size, unit), single]


_BY_BEFORE_RE = re.compile(r"(?<![A-Za-z])(?:by|before|no\s+later\s+than)\s+$", re.I)


def _b_en_ord(m: re.Match[str], t: str) -> Iterable[_Cand]:
    """ "the third ring", "on the 5th working day"; "by the third ring" is an upper bound."""
    o = m["ord"].lower()
    value = float(_ORDINALS[o]) if o in _ORDINALS else float(o[:-2])
    unit = "rings" if m["unit"].lower().startswith("ring") else "working_days"
    start, comparator = m.start(), None
    by = _BY_BEFORE_RE.search(t, max(0, start - 20), start)
    if by is not None:
        start, comparator = by.start(), "at_most"
    return [_Cand(start, m.end(), _P_DURATION, "duration", value, None, unit, comparator)]


# --- ratings, counts, money, distances -------------------------------------------------------

_ZH_RATING_RE = re.compile(
    rf"(?P<num>{_AB}{_AR})\s*(?:分(?![钟之行局支公中类级别期批散享配摊布析工开数段流])|(?P<star>星)(?!级))"
)
_RATING_CONTEXT_RE = re.compile(
    r"(?:score|rating|rated|rate|satisfaction|csat|nps|stars?|评分|满意度|评价)", re.I
)
_EN_RATING_RE = re.compile(
    r"(?<![A-Za-z])(?:NPS|net\s+promoter\s+score|CSAT|(?:customer\s+)?satisfaction\s+score|score"
    r"|rating)\s*(?:of\s*)?(?:(?P<cmp>at\s+least|no\s+less\s+than|above|over|more\s+than|below"
    rf"|under|at\s+most)\s*)?(?P<sign>[+-])?(?P<num>{_AB}{_AR})(?![0-9])"
    r"(?!\s*(?:%|percent|per\s*cent|/|out\s+of|hours?|days?|minutes?|seconds?|weeks?))"
    rf"|{_e('num2')}\s*(?P<slash>/|out\s+of)\s*{_e('den')}(?=(?P<after>\s+[A-Za-z]+))?"
    rf"|(?P<num3>{_AB}{_AR})\s*(?P<u3>stars?|points?|pts)(?![A-Za-z])",
    re.I,
)
_RATING_WORDS = ("star", "stars", "point", "points", "rating", "score", "by", "in", "on", "or")
_EN_CMP: Final[dict[str, str]] = {
    "at least": "at_least",
    "no less than": "at_least",
    "above": "at_least",
    "over": "at_least",
    "more than": "at_least",
    "below": "at_most",
    "under": "at_most",
    "at most": "at_most",
}


def _b_zh_rating(m: re.Match[str], t: str) -> Iterable[_Cand]:
    value = parse_number(m["num"])
    unit = "stars" if m["star"] else "points"
    return [_Cand(m.start(), m.end(), _P_RATING, "rating", value, unit=unit)]


def _b_en_rating(m: re.Match[str], t: str) -> Iterable[_Cand]:
    if m["num"] is not None:
        value = parse_number(m["num"])
        if value is None:
            return []
        if m["sign"] == "-":
            value = -value
        cmp = _EN_CMP.get(re.sub(r"\s+", " ", m["cmp"].lower())) if m["cmp"] else None
        return [_Cand(m.start(), m.end(), _P_RATING, "rating", value, None, "points", cmp)]
    if m["num3"] is not None:
        unit = "stars" if m["u3"].lower().startswith("star") else "points"
        return [_Cand(m.start(), m.end(), _P_RATING, "rating", parse_number(m["num3"]), unit=unit)]
    num, den = parse_number(m["num2"]), parse_number(m["den"])
    if num is None or den is None or den == 0 or num > den:
        return []
    after = (m["after"] or "").strip().lower()
    if m["slash"] == "/":
        window = t[max(0, m.start() - 40) : m.end() + 12]
        if not _RATING_CONTEXT_RE.search(window) or den not in (5, 10, 100):
            return []
        return [_Cand(m.start(), m.end(), _P_RATING, "rating", num, unit="points")]
    if (
        after
        and after not in _RATING_WORDS
        and (
            after.endswith(("s", "ed", "en")) or after in ("will", "would", "should", "must", "are")
        )
    ):
        return [_Cand(m.start(), m.end(), _P_PERCENT, "percent", _share(num, den), unit="percent")]
    return [_Cand(m.start(), m.end(), _P_RATING, "rating", num, unit="points")]


_ZH_COUNT_RE = re.compile(
    rf"(?<![每统唯之逐])(?P<num>{_AB}{_AR}(?:[万亿])?(?![0-9])|{_ZHN})\s*(?P<more>多|余)?\s*"
    r"(?P<cu>人次|个人(?![信资隐账事民])|名(?![称字义单])|位(?![数置于])|人|次(?![日月年性数])|遍"
    r"|回(?![复应访覆答电馈执收])|趟|个(?![人性别体案])|件|项|份|张|台|家|处(?![理置罚分室长])"
    r"|条(?![件例款])|户|笔|套|种|类(?!似)|部(?![分门])|座|间|辆|批|站(?![台点长内务式]))"
)
_ZH_COUNTERS: Final[dict[str, str]] = {
    "人次": "people",
    "个人": "people",
    "名": "people",
    "位": "people",
    "人": "people",
    "次": "times",
    "遍": "times",
    "回": "times",
    "趟": "times",
}
_PEOPLE = (
    r"staff(?:\s+members?)?|members?\s+of\s+staff|people|persons?|agents?|advis[eo]rs?|officers?"
    r"|employees?|workers?|operators?|representatives?|colleagues?|team\s+members?|caseworkers?"
    r"|clinicians?|doctors?|nurses?|engineers?|volunteers?|customers?|visitors?|callers?"
    r"|patients?|residents?|users?|clients?|applicants?|passengers?|adults?|children"
)
_TIMES = r"times|attempts?|tries|visits?|trips?|occasions?|reminders?|follow-ups?|transfers?"
_EN_COUNT_RE = re.compile(
    rf"{_e('num')}\s+(?:(?:more|additional|extra|further|new|separate|different|named|trained)\s+)?"
    rf"(?:(?P<people>{_PEOPLE})|(?P<times>{_TIMES})|(?P<items>items?|documents?|forms?|pages?"
    r"|copies|branches|offices|locations|centres|centers|counters|channels|languages|steps|calls"
    r"|complaints|cases|requests|enquiries|inquiries|applications|letters|emails|messages"
    r"|appointments|desks|lines|sites|stores|shops))(?![A-Za-z])",
    re.I,
)
_EN_ONCE_RE = re.compile(r"(?<![A-Za-z])(?P<w>once|twice|thrice)(?![A-Za-z])", re.I)
_ONCE_OK_BEFORE_RE = re.compile(
    r"(?<![A-Za-z])(?:only|just|than|most|least|maximum|max|minimum|min)\s+$", re.I
)
_MONEY_RE = re.compile(
    rf"(?P<cur>[£$€¥]|(?:US|HK|NZ|A|S)\$|(?<![A-Za-z])(?:RMB|CNY|GBP|USD|EUR|HKD))\s*"
    rf"(?P<num>{_AR})(?:\s*(?P<mult>million|bn|k|m|万|亿)(?![A-Za-z]))?(?![0-9A-Za-z])"
    rf"|{_n('num2')}\s*(?P<u>元|块钱|块|圆|(?<![A-Za-z])(?:yuan|RMB|pounds?|dollars?|euros?|pence)"
    r"(?![A-Za-z]))",
    re.I,
)
_MONEY_MULT: Final[dict[str, float]] = {
    "million": 1e6,
    "m": 1e6,
    "bn": 1e9,
    "k": 1e3,
    "万": 1e4,
    "亿": 1e8,
}
_DISTANCE_RE = re.compile(
    _n("num") + r"\s*(?P<u>公里|千米|公尺|米|(?<![A-Za-z])(?:km|kilometres?|kilometers?|miles?"
    r"|metres?|meters?)(?![A-Za-z]))",
    re.I,
)


def _b_zh_count(m: re.Match[str], t: str) -> Iterable[_Cand]:
    v = _value(m["num"])
    if v is None:
        return []
    unit = _ZH_COUNTERS.get(m["cu"], "items")
    approx = v[2] or bool(m["more"])
    return [_Cand(m.start(), m.end(), _P_COUNT, "count", v[1], v[0], unit, None, approx)]


def _b_en_count(m: re.Match[str], t: str) -> Iterable[_Cand]:
    value = parse_number(m["num"])
    if value is None:
        return []
    unit = "people" if m["people"] else "times" if m["times"] else "items"
    return [_Cand(m.start(), m.end(), _P_COUNT, "count", value, unit=unit)]


def _b_en_once(m: re.Match[str], t: str) -> Iterable[_Cand]:
    if not _ONCE_OK_BEFORE_RE.search(t, max(0, m.start() - 16), m.start()):
        return []
    value = _MULT[m["w"].lower()]
    return [_Cand(m.start(), m.end(), _P_COUNT, "count", value, unit="times")]


def _b_money(m: re.Match[str], t: str) -> Iterable[_Cand]:
    raw = m["num"] if m["num"] is not None else m["num2"]
    value = parse_number(raw)
    if value is None:
        return []
    if m["mult"]:
        value *= _MONEY_MULT[m["mult"].lower()]
    return [_Cand(m.start(), m.end(), _P_COUNT, "count", value, unit="money")]


def _b_distance(m: re.Match[str], t: str) -> Iterable[_Cand]:
    value = parse_number(m["num"])
    if value is None:
        return []
    u = m["u"].lower()
    if u in ("公里", "千米") or u.startswith("k"):
        value *= 1000
    elif u.startswith("mile"):
        value *= 1609.344
    return [_Cand(m.start(), m.end(), _P_COUNT, "count", value, unit="metres")]


# --- any other Arabic number -----------------------------------------------------------------

_GENERIC_RE = re.compile(rf"{_AB}{_AR}(?![0-9])")
_YEAR_BLOCK_AFTER_RE = re.compile(
    rf"[+×x*/^A-Za-z]|\s+(?:{_PEOPLE}|{_TIMES}|calls|cases|complaints|requests|items)(?![A-Za-z])",
    re.I,
)


def _b_generic(m: re.Match[str], t: str) -> Iterable[_Cand]:
    raw = m.group()
    if "," not in raw and "." not in raw:
        if len(raw) >= 5 or (raw[0] == "0" and len(raw) >= 3):
            return [_ident(m.start(), m.end(), "number", raw, _P_GENERIC)]
        if _year_like(raw) and not _YEAR_BLOCK_AFTER_RE.match(t, m.end()):
            return [_Cand(m.start(), m.end(), _P_GENERIC, "date", unit="date")]
    return [_Cand(m.start(), m.end(), _P_GENERIC, "count", parse_number(raw))]


# ---------------------------------------------------------------------------------------------
# Comparator and approximation words around a quantity.

_APPROX, _FILLER = "approx", "filler"
# Scopes: amounts, points in time, both, and levels (amounts that are not times).
_GEN, _PT, _ALL, _LVL = 1, 2, 3, 4
_SCOPE_OF: Final[dict[Kind, int]] = {
    "duration": _GEN,
    "percent": _GEN | _LVL,
    "count": _GEN | _LVL,
    "rating": _GEN | _LVL,
    "frequency": _GEN,
    "hours": _GEN,
    "clock": _PT,
    "date": _PT,
    "deadline": _PT,
}
_NEG = r"不(?:应当|应该|能够|应|得|能|可|会|宜|准)?"
_PREFIX_ITEMS: tuple[tuple[str, str, int], ...] = (
    (rf"{_NEG}(?:超过|多于|高于|大于|长于|超出)", "at_most", _GEN),
    (rf"{_NEG}(?:少于|低于|小于|短于)", "at_least", _GEN),
    (rf"{_NEG}(?:迟于|晚于)|最迟|最晚|至迟", "at_most", _ALL),
    (r"至多|最多|最长|最高|低于|少于|小于|短于|不到|不足|不满|控制在|≤|<=|=<|<|≦", "at_most", _GEN),
    (r"至少|最少|最低|最短|高于|大于|多于|超过|超出|长于|逾|提前|≥|>=|=>|>|≧", "at_least", _GEN),
    (r"(?<![送到下传通表抵])达到?", "at_least", _LVL),
    (r"截至|截止(?:到|至)?", "at_most", _PT),
    (r"±|\+/-", "at_most", _GEN),
    (r"约为|约莫|约|大约|大概|大致|将近|接近|(?<!最)近|差不多", _APPROX, _ALL),
    (
        r"(?<![A-Za-z])(?:within(?:\s+the\s+next)?|no\s+later\s+than|not\s+later\s+than)",
        "at_most",
        _ALL,
    ),
    (
        r"(?<![A-Za-z])(?:no\s+more\s+than|not\s+more\s+than|no\s+longer\s+than|not\s+longer\s+than"
        r"|less\s+than|fewer\s+than|under|below|up\s+to|at\s+most|a\s+maximum\s+of|maximum\s+of"
        r"|maximum|max\.?|in\s+less\s+than|in\s+under|(?:(?:will|shall|should|must|does|do|would"
        r"|to)\s+)?not\s+(?:to\s+)?exceed|never\s+exceed|not\s+exceeding|no\s+higher\s+than"
        r"|not\s+higher\s+than|no\s+greater\s+than|lower\s+than|shorter\s+than)",
        "at_most",
        _GEN,
    ),
    (r"(?<![A-Za-z])(?:by|before|until|till|up\s+until|prior\s+to)", "at_most", _PT),
    (
        r"(?<![A-Za-z])(?:at\s+least|no\s+less\s+than|not\s+less\s+than|no\s+fewer\s+than"
        r"|not\s+fewer\s+than|a\s+minimum\s+of|minimum\s+of|minimum|min\.?|more\s+than|over|above"
        r"|greater\s+than|higher\s+than|exceeding|in\s+excess\s+of|upwards\s+of|longer\s+than)",
        "at_least",
        _GEN,
    ),
    (r"(?<![A-Za-z])(?:after|from)", "at_least", _PT),
    (r"(?<![A-Za-z])(?:exactly|precisely)", "exactly", _GEN),
    (
        r"(?<![A-Za-z])(?:approximately|approx\.?|about|around|roughly|circa|ca\.|nearly|almost"
        r"|an\s+estimated|estimated)|~|≈",
        _APPROX,
        _ALL,
    ),
    (
        r"于|在|为|是|(?<![A-Za-z])(?:the|an\s+additional|a\s+further|another|a\s+total\s+of"
        r"|a\s+period\s+of|an?|of|only|just)",
        _FILLER,
        _ALL,
    ),
)
_SUFFIX_ITEMS: tuple[tuple[str, str, int], ...] = (
    (r"左右|上下(?![班午])|前后(?![台])", _APPROX, _ALL),
    (r"或以内|以内|之内|内(?![容部涵外在])", "at_most", _ALL),
    (r"及以下|或以下|以下|之下", "at_most", _GEN),
    (r"及以上|或以上|以上|之上", "at_least", _GEN),
    (r"或之前|或以前|之前|以前|前(?![台往端提期置列沿线述款])", "at_most", _ALL),
    (r"或之后|或以后|之后|以后|后(?![台续勤果面])", "at_least", _ALL),
    (r"起(?![诉草码见因])", "at_least", _PT),
    (
        r"(?:or\s+(?:less|fewer|under|below|sooner|earlier)|at\s+the\s+latest|at\s+(?:the\s+)?most"
        r"|max(?:imum)?)(?![A-Za-z])",
        "at_most",
        _ALL,
    ),
    (
        r"(?:or\s+(?:more|above|over|higher|better|greater|longer)|at\s+(?:the\s+)?least|minimum"
        r"|plus)(?![A-Za-z])|\+(?![0-9])",
        "at_least",
        _GEN,
    ),
    (r"(?:in\s+advance|beforehand|ahead(?:\s+of\s+time)?)(?![A-Za-z])", "at_least", _GEN),
    (
        r"(?:or\s+so|give\s+or\s+take|approximately|approx\.?|or\s+thereabouts)(?![A-Za-z.])",
        _APPROX,
        _ALL,
    ),
)
_PREFIX_RE = re.compile(
    "(?:" + "|".join(f"(?P<p{i}>{rx})" for i, (rx, _, _) in enumerate(_PREFIX_ITEMS)) + r")\s*$",
    re.I,
)
_SUFFIX_RE = re.compile(
    r"\s*(?:" + "|".join(f"(?P<s{i}>{rx})" for i, (rx, _, _) in enumerate(_SUFFIX_ITEMS)) + ")",
    re.I,
)
_PREFIX_WINDOW = 40
_ZH_CMP_WORD = (
    rf"(?:(?P<least>{_NEG}(?:少于|低于|小于)|至少|最少|最低|达到|高于|超过|大于)"
    rf"|(?P<most>{_NEG}(?:超过|多于|高于|大于)|至多|最多|最高|低于|少于|小于))"
)
# A Chinese comparator separated from its number: 不低于座椅总数的10% (a noun phrase and 的
# before a percentage), 至少配备2名 / 最多跑一次 (a short verb before a count).
_ZH_CMP_GAP: Final[dict[Kind, re.Pattern[str]]] = {
    "percent": re.compile(_ZH_CMP_WORD + r"[\u4e00-\u9fff]{1,10}的\s*$"),
    "count": re.compile(_ZH_CMP_WORD + r"[\u4e00-\u9fff]{1,2}\s*$"),
}


def _scan_prefix(t: str, lo: int, start: int, scope: int) -> tuple[str | None, int, bool]:
    comparator: str | None = None
    approx = False
    committed = start
    pos = start
    for _ in range(4):
        m = _PREFIX_RE.search(t, max(lo, pos - _PREFIX_WINDOW), pos)
        if m is None or m.lastgroup is None:
            break
        _, what, item_scope = _PREFIX_ITEMS[int(m.lastgroup[1:])]
        if not item_scope & scope:
            break
        pos = m.start()
        if what == _FILLER:
            continue
        if what == _APPROX:
            approx = True
        elif comparator is None:
            comparator = what
        committed = pos
    return comparator, committed, approx


def _scan_suffix(t: str, end: int, hi: int, scope: int) -> tuple[str | None, int, bool]:
    comparator: str | None = None
    approx = False
    pos = end
    for _ in range(3):
        m = _SUFFIX_RE.match(t, pos)
        if m is None or m.lastgroup is None or m.end() > hi:
            break
        _, what, item_scope = _SUFFIX_ITEMS[int(m.lastgroup[1:])]
        if not item_scope & scope:
            break
        pos = m.end()
        if what == _APPROX:
            approx = True
        elif comparator is None:
            comparator = what
    return comparator, pos, approx


# ---------------------------------------------------------------------------------------------
# Rules, in no particular order: every candidate competes, leftmost-longest wins.

# (trigger, rule, builder): a rule runs only when its trigger occurs somewhere in the lower-cased
# text. A trigger is a cheap *necessary* condition for the rule to match (usually its unit or
# keyword), which spares scanning every position of a statement with the costlier rules.
_RULES: tuple[tuple[re.Pattern[str] | None, re.Pattern[str], _Builder], ...] = (
    (re.compile(r"[一二每十万第星]|star"), _BLOCK_RE, _b_block),
    (re.compile(r"www|http|@"), _URL_RE, _b_url),
    (re.compile(r"[0-9]"), _PHONE_RE, _b_phone),
    (
        re.compile(
            r"热线|电话|拨打|致电|传真|手机|号码|专线|短信|line|phone|tel|call|ring|dial|fax"
            r"|text|sms|whatsapp"
        ),
        _PHONE_CTX_RE,
        _b_phone_ctx,
    ),
    (re.compile(r"热线|专线|电话|短信|服务号|line"), _PHONE_SUFFIX_RE, _b_phone_suffix),
    (None, _STANDARD_RE, _b_standard),
    (re.compile(r"[(、第]|[0-9][.、)]|[a-z.§#]\s*-?\s*[0-9]"), _MARKER_RE, _b_marker),
    (re.compile(r"邮|post|zip|[a-z][0-9]"), _POSTCODE_RE, _b_postcode),
    (re.compile(r"[号栋幢楼层室单弄巷]"), _ZH_ADDRESS_RE, _b_zh_address),
    (
        re.compile(r"[0-9][a-z]?,?\s+[a-z]|[0-9](?:st|nd|rd|th)|box"),
        _EN_ADDRESS_RE,
        _b_en_address,
    ),
    (re.compile(r"[年月]|即日起"), _ZH_DATE_RE, _b_date),
    (
        re.compile(
            r"[0-9]\s*[-–/.]|[0-9]0['’]?s|month|q[1-4]|jan|feb|mar|apr|may|jun|jul|aug|sep"
            r"|oct|nov|dec"
        ),
        _EN_DATE_RE,
        _b_date,
    ),
    (re.compile(r"[当即同次翌隔第下]"), _ZH_DEADLINE_RE, _b_zh_deadline),
    (re.compile(r"day|business|spot|wait"), _EN_DEADLINE_RE, _b_en_deadline),
    (re.compile(r"[×x*✕✖]"), _HOURS_X_RE, _b_hours_x),
    (re.compile(r"/"), _HOURS_247_RE, _b_hours_247),
    (re.compile(r"[天日时]"), _HOURS_ZH_RE, _b_hours_zh),
    (re.compile(r"hour|hr|day"), _EN_HOURS_RE, _b_en_hours),
    (
        re.compile(r":|[ap]\.?\s?m|[时点]|clock|noon|midday|midnight"),
        _CLOCK_RE,
        _b_clock,
    ),
    (re.compile(r"每"), _ZH_FREQ_RE, _b_zh_freq),
    (re.compile(r"[次遍回度]"), _ZH_FREQ2_RE, _b_zh_freq2),
    (re.compile(r"once|twice|thrice|times"), _EN_FREQ_TIMES_RE, _b_en_freq_times),
    (re.compile(r"every|each"), _EN_FREQ_EVERY_RE, _b_en_freq_every),
    (re.compile(r"ly"), _EN_FREQ_ADV_RE, _b_en_freq_adv),
    (re.compile(r"[%‰]|percent|per\s*cent|pct"), _PERCENT_RE, _b_percent),
    (re.compile(r"分之|百分百"), _FRACTION_RE, _b_fraction),
    (re.compile(r"成"), _CHENG_RE, _b_cheng),
    (re.compile(r"半"), _HALF_RE, _b_half),
    (re.compile(r"[工自日小钟分秒天星礼周月季年声]"), _ZH_DURATION_RE, _b_zh_duration),
    (
        re.compile(
            r"day|sec|min|hour|hr|week|wk|fortnight|month|mth|year|yr|ring"
            r"|[0-9]\s*-?\s*[sh](?![A-Za-z])"
        ),
        _EN_DURATION_RE,
        _b_en_duration,
    ),
    (re.compile(r"ring|day"), _EN_ORD_RE, _b_en_ord),
    (re.compile(r"[分星]"), _ZH_RATING_RE, _b_zh_rating),
    (
        re.compile(r"nps|csat|score|rating|/|out\s+of|star|point|pts"),
        _EN_RATING_RE,
        _b_en_rating,
    ),
    (
        re.compile(r"[人名位次遍回趟个件项份张台家处条户笔套种类部座间辆批站]"),
        _ZH_COUNT_RE,
        _b_zh_count,
    ),
    (
        re.compile(
            r"staff|people|person|agent|advis|officer|employee|worker|operator|representative"
            r"|colleague|member|caseworker|clinician|doctor|nurse|engineer|volunteer|customer"
            r"|visitor|caller|patient|resident|user|client|applicant|passenger|adult|children"
            r"|time|attempt|tries|visit|trip|occasion|reminder|follow|transfer|item|document|form"
            r"|page|copies|branch|office|location|cent|counter|channel|language|step|call"
            r"|complaint|case|request|enquir|inquir|application|letter|email|message"
            r"|appointment|desk|line|site|store|shop"
        ),
        _EN_COUNT_RE,
        _b_en_count,
    ),
    (re.compile(r"once|twice|thrice"), _EN_ONCE_RE, _b_en_once),
    (
        re.compile(r"[£$€¥元块圆]|rmb|cny|gbp|usd|eur|hkd|yuan|pound|dollar|euro|pence"),
        _MONEY_RE,
        _b_money,
    ),
    (re.compile(r"[米里尺]|km|kilomet|mile|metre|meter"), _DISTANCE_RE, _b_distance),
    (None, _GENERIC_RE, _b_generic),
)


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, sorted by start and non-overlapping.

    Each `Quantity` spans the whole expression, comparator and approximation words included
    (``"不超过10分钟"``, ``"10分钟左右"``, ``"within 5 working days"``), with
    ``text == input[start:end]``. See the module docstring for kinds, units and comparators.
    """
    if not text:
        return []
    t = text.translate(_FOLD)
    cands: list[_Cand] = []
    lowered = t.lower()
    for trigger, regex, build in _RULES:
        if trigger is not None and trigger.search(lowered) is None:
            continue
        for m in regex.finditer(t):
            cands.extend(c for c in build(m, t) if c.end > c.start)
    cands.sort(key=lambda c: (c.start, -c.end, c.prio))
    chosen: list[_Cand] = []
    last_end = 0
    for c in cands:
        if c.start >= last_end:
            chosen.append(c)
            last_end = c.end
    out: list[Quantity] = []
    taken = 0  # end of the previous claimed text, extensions included
    for i, c in enumerate(chosen):
        if c.kind is None:
            taken = c.end
            continue
        start, end = c.start, c.end
        comparator, approximate = c.comparator, c.approximate
        scope = _SCOPE_OF.get(c.kind, 0)
        if scope:
            lo = taken
            hi = chosen[i + 1].start if i + 1 < len(chosen) else len(t)
            p_cmp, start, p_approx = _scan_prefix(t, lo, start, scope)
            gap = _ZH_CMP_GAP.get(c.kind) if p_cmp is None else None
            if gap is not None:
                found = gap.search(t, max(lo, start - 16), start)
                if found is not None:
                    p_cmp, start = ("at_least" if found["least"] else "at_most"), found.start()
            s_cmp, end, s_approx = _scan_suffix(t, end, hi, scope)
            comparator = s_cmp or p_cmp or comparator
            approximate = approximate or p_approx or s_approx
            if comparator is None and c.kind == "deadline":
                comparator = "at_most"
        taken = end
        out.append(
            Quantity(
                start=start,
                end=end,
                text=text[start:end],
                kind=c.kind,
                value=c.value,
                low=c.low,
                unit=c.unit,
                comparator=comparator,
                approximate=approximate,
            )
        )
    return out
