"""Applying suppressions, and the codes that report unused or malformed ones.

`# handbook: ignore[CODE, ...] reason` on a line, or `ignore: [CODE]` on a standard. Codes
are required and may be prefixes. A suppression that silences nothing is reported, as ruff's
RUF100 does, so stale ones get removed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from builder.model.finding import Finding
from builder.model.suppressions import Suppression
from builder.rules import declare


def is_suppressed(finding: Finding, by_line: Mapping[int, Suppression]) -> bool:
    """Whether a comment on the finding's line silences it; marks the comment used."""
    sup = by_line.get(finding.line)
    code = sup.covers(finding.rule) if sup is not None else None
    if sup is None or code is None:
        return False
    sup.used.add(code)
    return True


def unused(file: str, line: int, column: int, code: str, remedy: str) -> Finding:
    """SUPP-U001 for a suppressed `code` that silenced nothing."""
    return Finding(file, line, column, "SUPP-U001",
                   f"unused suppression {code}: it silences nothing here", "warning",
                   suggestion=remedy)  # fmt: skip


def suppression_findings(file: str, sups: Iterable[Suppression]) -> list[Finding]:
    """Malformed and unused suppression comments of one file."""
    out = []
    for sup in sups:
        if not sup.codes:
            out.append(Finding(file, sup.line, sup.column, "SUPP-U002",
                               "suppression names no rule code", "warning",
                               suggestion="write # handbook: ignore[CODE] reason"))  # fmt: skip
            continue
        if not sup.reason:
            out.append(Finding(file, sup.line, sup.column, "SUPP-U002",
                               "suppression gives no reason", "warning",
                               suggestion="say why after the codes"))  # fmt: skip
        for code in sup.codes:
            if code not in sup.used:
                out.append(unused(file, sup.line, sup.column, code, "remove it"))
    return out


declare(
    "SUPP-U001",
    "unused-suppression",
    """
    A suppression silences nothing: the code it names no longer fires there.

    ## What it does
    Reports `# handbook: ignore[CODE]` comments and `ignore:` entries of a standard whose
    code produced no finding on that line or standard.

    ## Why is this bad?
    Stale suppressions hide the next real problem on the same line and mislead readers
    about what was ever wrong.

    ## Example
        statement: 95%的来电在三声内接听  # handbook: ignore[SMART-S002] legacy wording

    Use instead: delete the comment once the wording is fixed.

        statement: 95%的来电在三声内接听
""",
    severity="warning",
)
declare(
    "SUPP-U002",
    "suppression-without-code",
    """
    A suppression comment names no rule code, or gives no reason.

    ## What it does
    Reports `# handbook: ignore` without `[CODE]`, and suppressions with no reason after
    the codes.

    ## Why is this bad?
    A blanket suppression hides every present and future problem on the line; a missing
    reason leaves reviewers guessing whether it is still justified.

    ## Example
        statement: 尽快处理  # handbook: ignore

    Use instead:

        statement: 尽快处理  # handbook: ignore[SMART-S002] 监管原文,不得改写
""",
    severity="warning",
)
