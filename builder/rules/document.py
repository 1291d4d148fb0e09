"""Document control: every standard has someone who answers for it and a version."""

from __future__ import annotations

from collections.abc import Iterator

from builder.model.standard import Standard
from builder.rules import Context, Hit, rule


@rule("DOC-C001", "missing-owner", severity="warning")
def missing_owner(std: Standard, ctx: Context) -> Iterator[Hit]:
    """A standard has no `owner`.

    ## What it does
    Reports standards with no owner, neither their own nor inherited from the file.

    ## Why is this bad?
    Nobody reviews it, answers questions about it or acts on its misses.

    ## Example
        - id: PRC-TIM-001

    Use instead: set `owner:` on the standard, or once at the top of the file.

        owner: 运营管理部
        standards:
          - id: PRC-TIM-001
    """
    if std.owner is None:
        yield Hit(std.line, 1, "standard has no owner", suggestion="add 'owner:'")


@rule("DOC-C002", "missing-version", severity="warning")
def missing_version(std: Standard, ctx: Context) -> Iterator[Hit]:
    """A standard has no `version` or no `effective` date.

    ## What it does
    Reports standards lacking either key.

    ## Why is this bad?
    Staff and auditors cannot tell which wording was in force when an audit was made.

    ## Example
        - id: PRC-TIM-001

    Use instead:

        - id: PRC-TIM-001
          version: "1.0"
          effective: 2026-01-01
    """
    missing = [k for k in ("version", "effective") if getattr(std, k) is None]
    if missing:
        yield Hit(
            std.line,
            1,
            f"standard has no {' and no '.join(missing)}",
            suggestion="add 'version:' and 'effective: YYYY-MM-DD'",
        )
