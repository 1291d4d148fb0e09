"""Time-bound: a standard says by when or how often, and is itself reviewed on time."""

from __future__ import annotations

from collections.abc import Iterator

from builder.model.standard import Standard
from builder.rules import Context, Hit, rule
from builder.text.assess import assess

TIME_KINDS = ("duration", "deadline", "frequency", "clock", "hours")


def has_time_frame(std: Standard) -> bool:
    """A time limit or frequency in the words, or a reporting period in the measure."""
    if std.measure is not None and std.measure.period is not None:
        return True
    return any(q.kind in TIME_KINDS for text in std.texts for q in assess(text.value).quantities)


@rule("SMART-T001", "no-time-frame", smart="time_bound", severity="warning")
def no_time_frame(std: Standard, ctx: Context) -> Iterator[Hit]:
    """Neither the words nor the measure say by when or over which period.

    ## What it does
    Looks for a time limit (三声内, within 2 days), a deadline word (当日, next working day),
    a frequency (每月, twice a year), hours of service, or a `measure.period`.

    ## Why is this bad?
    "95% of complaints resolved" — within a day, or a year? Without a time frame the
    number cannot be audited.

    ## Example
        statement: 95%的投诉得到解决

    Use instead:

        statement: 95%的投诉在5个工作日内解决
    """
    if not has_time_frame(std):
        yield Hit(
            std.statement.line,
            std.statement.column,
            "no time limit, frequency or period",
            suggestion="say within how long, how often, or add measure.period",
        )


@rule("SMART-T002", "review-overdue", smart="time_bound", severity="warning")
def review_overdue(std: Standard, ctx: Context) -> Iterator[Hit]:
    """The standard's `review_by` date has passed, or it has none.

    ## What it does
    Reports standards whose `review_by` is before today, and standards with no `review_by`.

    ## Why is this bad?
    Standards age: customer needs, systems and baselines move. A standard nobody has looked
    at in years is probably wrong (PDCA: check and act).

    ## Example
        review_by: 2024-12-31

    Use instead: review it with its owner, then set the next date:

        review_by: 2027-06-30
    """
    if std.review_by is None:
        yield Hit(std.line, 1, "no review date", suggestion="add 'review_by: YYYY-MM-DD'")
    elif std.review_by < ctx.today:
        yield Hit(
            std.line_of("review_by"),
            1,
            f"review overdue since {std.review_by.isoformat()}",
            suggestion="review the standard with its owner and set a new review_by",
        )
