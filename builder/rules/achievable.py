"""Achievable: a standard is not a goal. Set it where the service can hold it every day.

Seed 001: "100% of calls answered within three rings" is not feasible; from a baseline of
70%, a standard of 75–80% is.
"""

from __future__ import annotations

from collections.abc import Iterator

from builder.model.standard import Standard
from builder.rules import Context, Hit, rule


@rule("SMART-A001", "absolute-target", smart="achievable", severity="warning")
def absolute_target(std: Standard, ctx: Context) -> Iterator[Hit]:
    """A target of 100% (or at most zero) that one bad day will break.

    ## What it does
    Flags `measure` blocks with `unit: percent, direction: at_least, target: 100` (unless
    the `baseline` shows the service already holds it), and `direction: at_most, target: 0`
    on times and counts.

    ## Why is this bad?
    Over a large population a perfect score is not a standard but a wish: the first miss
    turns the scorecard red for good and staff stop taking it seriously.

    ## Example
        measure: {metric: 三声内接听率, unit: percent, direction: at_least, target: 100}

    Use instead:

        measure: {metric: 三声内接听率, unit: percent, direction: at_least, target: 96}
    """
    m = std.measure
    if m is None or m.target is None:
        return
    line = m.key_lines.get("target", m.line)
    already_there = m.baseline is not None and m.baseline >= m.target - 0.5
    if m.unit == "percent" and m.direction == "at_least" and m.target >= 100 and not already_there:
        yield Hit(
            line,
            1,
            "target of 100% leaves no room for a single miss",
            suggestion="set the level the service can hold every period, e.g. 95–98%",
        )
    elif m.direction == "at_most" and m.target <= 0:
        yield Hit(
            line,
            1,
            "a limit of zero can never be met by a real process",
            suggestion="set a realistic upper limit",
        )


@rule("SMART-A002", "target-far-from-baseline", smart="achievable", severity="warning")
def target_far_from_baseline(std: Standard, ctx: Context) -> Iterator[Hit]:
    """The target is far beyond the last known performance (`measure.baseline`).

    ## What it does
    Compares `target` with `baseline`. For percentages it fires when the target is more
    than `achievable.max_gain_points` (default 15) points better than the baseline; for
    other units when it is more than `achievable.max_gain_ratio` (default 0.5, i.e. 50%)
    better.

    ## Why is this bad?
    A standard the service cannot reach is a goal in disguise; it will be missed every
    month and ignored. Raise it in steps as performance improves (PDCA).

    ## Example
        measure: {unit: percent, direction: at_least, target: 98, baseline: 70}

    Use instead:

        measure: {unit: percent, direction: at_least, target: 80, baseline: 70}
    """
    m = std.measure
    if m is None or None in (m.target, m.baseline, m.direction):
        return
    assert m.target is not None and m.baseline is not None
    gain = m.target - m.baseline if m.direction == "at_least" else m.baseline - m.target
    if gain <= 0:
        return
    conf = ctx.config.achievable
    if m.unit == "percent":
        too_far = gain > conf.max_gain_points
        how = f"{gain:g} points above"
    else:
        too_far = m.baseline != 0 and gain / abs(m.baseline) > conf.max_gain_ratio
        how = f"{gain / abs(m.baseline):.0%} better than" if m.baseline else "better than"
    if too_far:
        yield Hit(
            m.key_lines.get("target", m.line),
            1,
            f"target {m.target:g} is {how} the baseline {m.baseline:g}",
            suggestion="set a standard the service can hold now; raise it step by step",
        )


@rule("SMART-A003", "target-never-achieved", smart="achievable", severity="warning")
def target_never_achieved(std: Standard, ctx: Context) -> Iterator[Hit]:
    """The target is beyond the best result the audits have ever shown.

    ## What it does
    Reads every audited period and unit of the standard (`handbook check` on the whole
    project reads `scorecards/`) and compares the best result ever with the target.

    ## Why is this bad?
    A standard nobody has ever met is a goal, not a standard (seed 001): staff learn to
    ignore its red scorecard. Set it at a level the best units already reach, then raise it.

    ## Example
        measure: {unit: percent, direction: at_least, target: 98}  # best month so far: 93%

    Use instead:

        measure: {unit: percent, direction: at_least, target: 92, amber: 88}
    """
    m, best = std.measure, ctx.best.get(std.id)
    if m is None or m.target is None or m.direction is None or best is None:
        return
    beyond = best.achieved < m.target if m.direction == "at_least" else best.achieved > m.target
    if beyond:
        yield Hit(
            m.key_lines.get("target", m.line),
            1,
            f"target {m.target:g} has never been met: the best audited result is "
            f"{best.achieved:.4g} ({best.period})",
            suggestion="set the standard where the best units already are, then raise it",
        )
