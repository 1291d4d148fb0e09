"""Measurable: the standard names a threshold an outsider can check (see VERDICTS.md)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from builder.model.standard import Measure, Standard
from builder.rules import Context, Hit, rule
from builder.text.assess import NOT_TARGETS, assess
from builder.text.lexicon import DEFAULT, Lexicon
from builder.text.quantities import find_quantities


@dataclass(frozen=True)
class Verdict:
    verdict: str
    reason: str


def verdict_of(std: Standard, lexicon: Lexicon = DEFAULT) -> Verdict:
    """The standard's verdict: its statement's, lifted by a complete `measure` block.

    A complete measure block (target, direction, unit) is a checkable criterion on its own,
    so it makes the standard measurable even when the prose is weak; the prose's wording
    problems are still reported by the Specific rules.
    """
    found = assess(std.statement.value, lexicon)
    if found.verdict == "measurable":
        return Verdict("measurable", "")
    if std.measure is not None and std.measure.is_complete:
        return Verdict("measurable", "")
    if std.measure is not None and std.measure.target is not None:
        return Verdict("partial", "the measure block lacks a direction or unit")
    return Verdict(found.verdict, found.reason)


def _verdict_hit(
    std: Standard, ctx: Context, verdict: str, what: str, suggestion: str
) -> Iterator[Hit]:
    """One hit on the statement when the standard's verdict is `verdict`."""
    found = verdict_of(std, ctx.config.lexicon)
    if found.verdict == verdict:
        yield Hit(std.statement.line, std.statement.column, f"{what}: {found.reason}",
                  suggestion=suggestion)  # fmt: skip


@rule("SMART-M001", "no-criterion", smart="measurable")
def no_criterion(std: Standard, ctx: Context) -> Iterator[Hit]:
    """The standard has no checkable criterion: no number, deadline, frequency or target.

    ## What it does
    Reads the statement (Chinese or English, Arabic or Chinese numerals) and the `measure`
    block. When neither gives a threshold, the standard's verdict is `vague` and this rule
    fires. Numbers that are not targets (hotline numbers, addresses, counts of branches)
    do not count.

    ## Why is this bad?
    An auditor cannot decide whether the standard was met, so it cannot be scored,
    trained against or improved.

    ## Example
        statement: 为客户提供优质高效的服务
        statement: Our 24 branches welcome you warmly.

    Use instead:

        statement: 客户平均等候时间不超过15分钟
        statement: Serve 90% of branch customers within 15 minutes of arrival.
    """
    yield from _verdict_hit(
        std,
        ctx,
        "vague",
        "no checkable criterion",
        "state a number with a unit, a deadline or a frequency, "
        "or add a measure block with metric, unit, direction and target",
    )


@rule("SMART-M002", "partial-criterion", smart="measurable")
def partial_criterion(std: Standard, ctx: Context) -> Iterator[Hit]:
    """There is a quantity, but it cannot be checked as written.

    ## What it does
    Fires when the verdict is `partial`: the threshold is hedged or approximate ("约30分钟",
    "usually within 2 days"), incorporated by reference ("按规定时限", "within the period set
    out in the guide"), left open by an unbounded exception ("复杂情况除外"), a metric has a
    direction but no level ("不断提高接通率"), or a time has no tolerance ("准时开始").

    ## Why is this bad?
    The reader sees a number and assumes a promise, but an audit still cannot fail it.

    ## Example
        statement: 按监管规定时限处理投诉
        statement: Appointments start on time.

    Use instead:

        statement: 投诉在受理后15日内办结
        statement: Appointments start within 10 minutes of the booked time.
    """
    yield from _verdict_hit(
        std,
        ctx,
        "partial",
        "threshold cannot be checked as written",
        "state the level itself, without hedges, references or open exceptions",
    )


@rule("SMART-M003", "incomplete-measure", smart="measurable", severity="warning")
def incomplete_measure(std: Standard, ctx: Context) -> Iterator[Hit]:
    """The `measure` block lacks what scoring needs: target, direction or unit.

    ## What it does
    Reports each missing key of a `measure` block that is present, on the standard and on
    SOP steps.

    ## Why is this bad?
    Audit results for the standard cannot be coloured green, amber or red.

    ## Example
        measure:
          metric: 三声内接听率
          target: 96

    Use instead:

        measure:
          metric: 三声内接听率
          unit: percent
          direction: at_least
          target: 96
    """
    measures = [std.measure, *(step.measure for step in std.steps)]
    for measure in measures:
        if measure is None:
            continue
        missing = [k for k in ("target", "direction", "unit") if getattr(measure, k) is None]
        if missing:
            yield Hit(measure.line, 1, f"measure lacks {', '.join(missing)}")


TIME_UNITS = {"seconds", "minutes", "hours", "days", "working_days", "weeks", "months"}


def _comparable(measure_unit: str | None, quantity_unit: str | None) -> bool:
    """A quantity can state the target only in the same kind of unit."""
    if measure_unit in ("percent", "csat"):
        return quantity_unit == "percent"
    if measure_unit in TIME_UNITS:
        return quantity_unit in TIME_UNITS
    return quantity_unit not in ("percent", *TIME_UNITS)


def _measure_target_in_text(std: Standard, measure: Measure) -> bool | None:
    """Whether the statement states the target; None when it states nothing comparable.

    A deadline with a 100% target is consistent: a deadline alone implies every case.
    """
    numbers = [
        q.value
        for q in find_quantities(std.statement.value)
        if q.kind not in NOT_TARGETS and q.value is not None and _comparable(measure.unit, q.unit)
    ]
    if not numbers or measure.target is None:
        return None
    return any(abs(n - measure.target) < 1e-9 for n in numbers)


@rule("SMART-M004", "measure-contradicts-text", smart="measurable", severity="warning")
def measure_contradicts_text(std: Standard, ctx: Context) -> Iterator[Hit]:
    """The statement promises one number and the `measure` block scores another.

    ## What it does
    Compares the numbers in the statement that share the measure's kind of unit (a
    percentage with a percent target, a time with a time target) with `measure.target`.
    It fires when there are such numbers and none of them is the target.

    ## Why is this bad?
    Staff are trained on the statement while the scorecard judges them on the target.

    ## Example
        statement: 95%的来电在三声内接听
        measure: {unit: percent, direction: at_least, target: 90}

    Use instead: make the statement and the target agree (95 and 95).
    """
    if std.measure is None or std.measure.target is None:
        return
    if _measure_target_in_text(std, std.measure) is False:
        line = std.measure.key_lines.get("target", std.measure.line)
        yield Hit(
            line,
            1,
            f"measure target {std.measure.target:g} is not the number the statement states",
            suggestion="make the statement and measure.target agree",
        )
