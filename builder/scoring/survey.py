"""Survey standards (unit nps, csat or ces): which responses are valid, and what each is worth.

Every survey metric is a mean over respondents of a per-response score, so raw responses
pool with each other and with pre-computed values exactly like any other value:

- NPS: a response 9–10 (promoter) scores +100, 0–6 (detractor) −100, 7–8 (passive) 0;
  the mean is "% promoters − % detractors".
- CSAT: a response at or above `satisfied_from` (default: the top two boxes of `scale`,
  i.e. 4–5 on the default 5-point scale) scores 100, any other 0; the mean is the share
  satisfied, in percent.
- CES: the response itself (1 … `scale`, default 7); the mean is the average effort.
"""

from __future__ import annotations

from builder.model.standard import SURVEY_SCALES, Measure

SURVEY_UNITS = ("nps", "csat", "ces")

# Unit -> the range a pre-computed value must fall in (None: no limit that side).
VALUE_RANGE: dict[str, tuple[float | None, float | None]] = {
    "percent": (0, 100),
    "csat": (0, 100),
    "nps": (-100, 100),
    "seconds": (0, None),
    "minutes": (0, None),
    "hours": (0, None),
    "days": (0, None),
    "count": (0, None),
}


def response_range(measure: Measure) -> tuple[int, int]:
    """The lowest and highest valid response for a survey standard."""
    if measure.unit == "nps":
        return 0, 10
    scale = measure.scale or SURVEY_SCALES.get(measure.unit or "", 5)
    return 1, scale


def value_range(measure: Measure) -> tuple[float | None, float | None]:
    """The range a measured value must fall in, in the standard's unit."""
    if measure.unit == "ces":
        low, high = response_range(measure)
        return float(low), float(high)
    return VALUE_RANGE.get(measure.unit or "", (None, None))


def satisfied_from(measure: Measure) -> int:
    return measure.satisfied_from or response_range(measure)[1] - 1


def response_score(response: int, measure: Measure) -> float:
    """What one response contributes to the mean that is the survey metric."""
    if measure.unit == "nps":
        return 100.0 if response >= 9 else -100.0 if response <= 6 else 0.0
    if measure.unit == "csat":
        return 100.0 if response >= satisfied_from(measure) else 0.0
    return float(response)


def is_binary(measure: Measure) -> bool:
    """CSAT responses are yes/no (satisfied or not): a proportion, with a Wilson interval."""
    return measure.unit == "csat"
