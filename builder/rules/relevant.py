"""Relevant: every standard is filed where readers look for it and serves a customer need."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from builder.model.standard import AREAS_BY_KIND, Standard
from builder.rules import Context, Hit, rule
from builder.rules._hits import span_hit, term_hits

# An entry of `serves:` shaped like an id must name a standard; anything else is a need.
ID_SHAPE = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*-\d+$")


@rule("SMART-R001", "missing-area", smart="relevant", severity="warning")
def missing_area(std: Standard, ctx: Context) -> Iterator[Hit]:
    """A process or personal standard has no `area`, or one its kind does not have.

    ## What it does
    Process standards belong to one of 7 process areas (timeliness, flow, flexibility,
    anticipation, communication, feedback, supervision); personal standards to one of 7
    personal areas (appearance, attitude, attentiveness, tact, guidance,
    complaint-handling, selling). Areas declared in `handbook.yml` are accepted too.

    ## Why is this bad?
    The area says which part of the customer's experience the standard protects; without
    it the standard is missing from the area index and from area scorecards.

    ## Example
        kind: personal
        area: timeliness

    Use instead:

        kind: personal
        area: attentiveness
    """
    allowed = AREAS_BY_KIND.get(std.kind)
    if allowed is None:
        return
    if std.area is None:
        yield Hit(
            std.line,
            1,
            f"{std.kind} standard has no area",
            suggestion=f"add 'area:' — one of {', '.join(allowed)}",
        )
    elif std.area not in allowed and std.area not in ctx.config.areas:
        yield Hit(
            std.line_of("area"),
            1,
            f"{std.area!r} is not a {std.kind} area",
            suggestion=f"use one of {', '.join(allowed)}, or declare it in handbook.yml",
        )


@rule("SMART-R002", "missing-tier", smart="relevant", severity="warning")
def missing_tier(std: Standard, ctx: Context) -> Iterator[Hit]:
    """A standard has no `tier` (basic, expected or differentiated).

    ## What it does
    Reports process, personal and SOP standards without a tier. Charter pledges are exempt.

    ## Why is this bad?
    The tier tells staff what must never fail (basic) from what delights (differentiated);
    without it priorities are unclear when standards compete for time.

    ## Example
        id: PRC-TIM-001
        statement: 95%的客户等候不超过15分钟

    Use instead:

        id: PRC-TIM-001
        tier: basic
        statement: 95%的客户等候不超过15分钟
    """
    if std.tier is None and std.kind != "charter":
        yield Hit(
            std.line,
            1,
            "standard has no tier",
            suggestion="add 'tier:' — basic, expected or differentiated",
        )


@rule("SMART-R003", "attitude-not-behaviour", smart="relevant", severity="warning")
def attitude_not_behaviour(std: Standard, ctx: Context) -> Iterator[Hit]:
    """A personal standard asks for an inner state instead of an observable behaviour.

    ## What it does
    Flags words for attitudes and inner states (心态, 意识, 用心, 积极, attitude, mindset,
    positive …) in personal standards and SOP steps.

    ## Why is this bad?
    Personal standards are checked by watching and listening: appearance, behaviour and
    communication ("ABC"). Nobody can observe a "良好心态", so it cannot be trained or
    audited; the behaviour that shows it can.

    ## Example
        statement: 保持积极的服务心态
        statement: Show a positive attitude to every customer.

    Use instead:

        statement: 与客户交谈时保持目光接触,每句回应前先点头或说「好的」
        statement: Keep eye contact and confirm each request back to the customer.
    """
    if std.kind not in ("personal", "sop"):
        return
    for text, term in term_hits(std, ctx.config.lexicon, "attitude"):
        yield span_hit(text, term.start, term.end, f"inner state, not a behaviour: {term.text!r}",
                       term.term.suggestion)  # fmt: skip


@rule("SMART-R004", "serves-no-need", smart="relevant", severity="warning")
def serves_no_need(std: Standard, ctx: Context) -> Iterator[Hit]:
    """A process standard does not say which pledge or customer need it serves.

    ## What it does
    Process standards and SOPs need `serves:`, a list of charter pledge ids (`CH-001`) or
    customer needs in words ("客户不必重复说明问题"). An entry shaped like an id must name
    a standard in the handbook.

    ## Why is this bad?
    A process standard exists to keep a promise made to customers. Without the link nobody
    can tell which pledge suffers when the standard is missed, or whether the standard is
    still needed when the pledge changes.

    ## Example
        kind: process
        statement: 等候人数超过15人时,10分钟内增开弹性窗口

    Use instead:

        kind: process
        serves: [CH-001]  # 网点等候时间承诺
        statement: 等候人数超过15人时,10分钟内增开弹性窗口
    """
    if std.kind not in ("process", "sop"):
        return
    if not std.serves:
        yield Hit(
            std.line,
            1,
            f"{std.kind} standard does not say what it serves",
            suggestion="add 'serves:' with the charter pledge ids or customer needs it keeps",
        )
        return
    for target in std.serves:
        if ID_SHAPE.match(target) and ctx.ids and target not in ctx.ids:
            close = difflib.get_close_matches(target, sorted(ctx.ids), n=1)
            hint = f"did you mean {close[0]!r}?" if close else "use the id of a charter pledge"
            yield Hit(std.line_of("serves"), 1, f"serves unknown standard {target!r}", None, hint)
