"""Decide from the words alone whether a commitment is measurable, partial or vague.

This is the reading VERDICTS.md describes, applied to one piece of text:

- measurable: a threshold (number with a unit, deadline word, frequency, hours of service)
  that nothing hedges, refers away or leaves open;
- partial:    a threshold that is hedged, approximate, escapable without bound, or only
  referred to; or a metric with a direction but no level; or a time with no tolerance;
- vague:      none of that.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from builder.text.lexicon import DEFAULT, Lexicon, TermHit, is_mention, names_a_metric
from builder.text.quantities import Quantity, find_quantities

NOT_TARGETS = ("identifier", "date")


@dataclass(frozen=True)
class Assessment:
    verdict: str  # measurable | partial | vague
    reason: str  # one phrase, for messages: why it is not measurable ("" when it is)
    quantities: tuple[Quantity, ...]
    terms: tuple[TermHit, ...]  # lexicon hits that are not part of a metric's name

    def terms_of(self, *families: str) -> list[TermHit]:
        return [t for t in self.terms if t.term.family in families]


# A hedge qualifies every threshold of its sentence up to a contrast ("however", "but"):
# "一般不超过:城区45分钟;农村90分钟" hedges the whole list. An escape is capped only by
# a limit that follows it in the same sentence: "in exceptional cases, up to 8 weeks".
_SENTENCE = re.compile(r"[。!?！？]|\.\s|\b(?:however|but|while|although|whereas)\b", re.I)
# A concessive clause ends at its comma: in "While we endeavour to reply sooner, please allow
# up to 21 days" the hedge stays in the clause and the limit after it stands.
_CONCESSIVE = re.compile(
    r"\b(?:while|whilst|although|though)\b[^,;]*,|(?:虽然|尽管|雖然|儘管)[^,，;；]*[,，]", re.I
)
# "提高群众满意度", "reduce waiting times": a direction is only a partial criterion when it
# names something that can be counted; "提升服务质量" names nothing and stays vague.
_METRIC = re.compile(
    r"[率度]|时间|時間|时长|時長|时限|時限|次数|次數|天数|天數|人数|人數|等候|等待|排队|排隊|投诉|投訴"
    r"|差错|差錯|环节|環節|材料|跑动|跑動|距离|距離|成本|费用|費用"
    r"|\b(?:times?|wait(?:s|ing)?|queues?|rates?|satisfaction|complaints?|transfers?|errors?"
    r"|delays?|backlogs?|numbers?|costs?|steps|visits|calls|turnaround|duration|scores?"
    r"|percentage|proportion|share|resolution|accuracy|availability|reliability|uptime"
    r"|abandon\w*|repeats?|failures?|outages?|interruptions?|disruptions?|volumes?|speed)\b"
    r"|故障|停电|停電|停水|中断|中斷|积压|積壓|重复|重複|返工",
    re.I,
)
_CLAUSE_END = re.compile(r"[,，;；。.!?！？、]")
# A limit after one of these is the outer bound of a hedged one: "一般当天答复,特殊情况3天内",
# "normally 2 days, and at the latest 10".
_FALLBACK = re.compile(
    r"特殊情况|特殊情況|最迟|最遲|至迟|至遲|最长|最長|最多|at the latest|in any case|in all cases"
    r"|(?:never|not|no) (?:more|longer|later) than",
    re.I,
)
# "usually sooner" promises better than the threshold; it does not hedge it.
_BETTER = re.compile(r"\s*(?:sooner|earlier|faster|quicker|更快|更早)", re.I)


@lru_cache(maxsize=65_536)
def assess(text: str, lexicon: Lexicon = DEFAULT) -> Assessment:
    """The verdict on `text`, with the quantities and vague words it was reached from."""
    found = find_quantities(text)
    quantities = tuple(q for q in found if _is_target(q, text))
    thresholds = [q for q in quantities if not q.approximate]
    cites = any(q.kind == "identifier" and q.unit == "standard" for q in found)
    has_threshold = bool(thresholds)
    terms = tuple(
        t
        for t in lexicon.find(text)
        if not (has_threshold and names_a_metric(text, t))
        and not is_mention(text, t)
        and not (t.term.family == "hedge" and inside(t, quantities))  # "at most" is no hedge
    )
    verdict, reason = _decide(text, thresholds, quantities, terms, cites)
    return Assessment(verdict, reason, quantities, terms)


def inside(term: TermHit, quantities: tuple[Quantity, ...]) -> bool:
    """The word is part of a quantity's own text: "at most", 最多 in 最多3天."""
    return any(q.start <= term.start < q.end for q in quantities)


# A table row's value cell: "客户满意 - 98分", "Satisfaction: 4.5 points".
_CELL = re.compile(r"[:：\-–—]\s*$")


def _is_target(q: Quantity, text: str) -> bool:
    """Identifiers and dates never are; a bare count ("每一位客户") only with a comparator;
    a rating also as the value of a table row."""
    if q.kind in NOT_TARGETS:
        return False
    if q.kind == "rating" and _CELL.search(text, 0, q.start):
        return True
    return q.kind not in ("count", "rating") or q.comparator is not None


def _starts(pattern: re.Pattern[str], text: str) -> list[int]:
    """Start offsets of the pieces `pattern` cuts `text` into."""
    return [0, *(m.end() for m in pattern.finditer(text))]


def _sentences(text: str) -> list[int]:
    """Start offsets of the sentences, and of the main clause after a concessive one."""
    return sorted({*_starts(_SENTENCE, text), *(m.end() for m in _CONCESSIVE.finditer(text))})


def _piece(starts: list[int], offset: int) -> int:
    return bisect_right(starts, offset) - 1


def _decide(
    text: str,
    thresholds: list[Quantity],
    quantities: tuple[Quantity, ...],
    terms: tuple[TermHit, ...],
    cites_a_standard: bool = False,
) -> tuple[str, str]:
    families = {t.term.family for t in terms if t.term.family != "improve"}
    if cites_a_standard:  # "符合GB 5749-2006": the levels are in the cited standard
        families.add("reference")
    if any(t.term.family == "improve" and _names_metric(text, t) for t in terms):
        families.add("improve")
    if thresholds:
        sentences = _sentences(text)
        hedged = {
            _piece(sentences, t.start)
            for t in terms
            if t.term.family == "hedge" and not _BETTER.match(text, t.end)
        }
        has_rate = any(q.kind == "percent" for q in thresholds)
        if not has_rate and all(
            _piece(sentences, q.start) in hedged
            and not _is_fallback(text, sentences, q, thresholds)
            for q in thresholds
        ):
            return "partial", "a hedge makes the threshold optional"
        escapes = [t for t in terms if t.term.family in ("escape", "overrun")]
        outer = any(_is_fallback(text, sentences, q, thresholds) for q in thresholds)
        if escapes and not outer:
            capped = all(
                any(
                    q.start > e.start
                    and _piece(sentences, q.start) == _piece(sentences, e.start)
                    and q.comparator == "at_most"
                    for q in thresholds
                )
                for e in escapes
            )
            if not capped:
                return "partial", "an exception has no outer limit"
        if "reference" in families and not any(q.comparator for q in thresholds):
            return "partial", "the threshold is set elsewhere, not stated"
        return "measurable", ""
    if quantities:
        return "partial", "the number is approximate"
    for family, reason in (
        ("reference", "the threshold is incorporated by reference, not stated"),
        ("limit", "a limit is named but not stated"),
        ("improve", "a metric is named with no level to reach"),
        ("punctual", "a reference time with no tolerance"),
        ("overrun", "it may take longer, with no outer limit"),  # "complex cases may take longer"
    ):  # a condition with no threshold to escape from leaves nothing to check: vague
        if family in families:
            return "partial", reason
    return "vague", "no number, deadline or frequency to check against"


def _is_fallback(text: str, sentences: list[int], q: Quantity, thresholds: list[Quantity]) -> bool:
    """A second limit, after a fallback word, bounds the hedged first one of its sentence."""
    piece = _piece(sentences, q.start)
    earlier = any(o.start < q.start and _piece(sentences, o.start) == piece for o in thresholds)
    return earlier and bool(_FALLBACK.search(text, sentences[piece], q.end))


def _names_metric(text: str, term: TermHit) -> bool:
    """A countable thing in the direction word's clause: 缩短等候时间, "waits to a minimum"."""
    start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, term.start)), default=0)
    end = _CLAUSE_END.search(text, term.end)
    return bool(_METRIC.search(text, start, end.start() if end else len(text)))
