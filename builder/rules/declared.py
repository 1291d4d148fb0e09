"""Codes emitted while reading files, before any rule runs. Documented here like rules."""

from __future__ import annotations

from builder.rules import declare

declare(
    "LOAD-F001",
    "unreadable-file",
    """
    A standards file could not be read or is not UTF-8 text.

    ## What it does
    Reports a file that cannot be opened, or whose bytes are not UTF-8 (or UTF-16 with a BOM).

    ## Why is this bad?
    Nothing in the file can be checked or published until it can be read.

    ## Example
    A file saved as GBK by an old editor.

    Use instead: save it as UTF-8 (every modern editor can).
""",
)
declare(
    "LOAD-F002",
    "yaml-syntax",
    """
    The file is not valid YAML.

    ## What it does
    Reports the line and column where the YAML parser gave up, with its explanation.

    ## Why is this bad?
    The standards in the file cannot be read; the other files are still checked.

    ## Example
        statement: "三声内接听

    Use instead:

        statement: "三声内接听"
""",
)
declare(
    "LOAD-F003",
    "bad-structure",
    """
    The file is not a mapping with a `standards:` list of mappings.

    ## What it does
    Reports empty files, files that hold a list or a scalar, and list items that are not
    mappings.

    ## Why is this bad?
    The builder cannot tell which standards the file holds.

    ## Example
        - id: CALL-001

    Use instead:

        standards:
          - id: CALL-001
""",
)
declare(
    "LOAD-F004",
    "duplicate-key",
    """
    The same key appears twice in one mapping.

    ## What it does
    Reports the second occurrence and where the first one is.

    ## Why is this bad?
    YAML silently keeps only the last value, so an edit can vanish without a trace.

    ## Example
        target: 90
        target: 95

    Use instead: keep one `target`.
""",
)
declare(
    "LOAD-F005",
    "document-too-large",
    """
    The document expands to too many nodes or is nested too deeply.

    ## What it does
    Refuses documents whose aliases expand past a fixed bound ("billion laughs").

    ## Why is this bad?
    Reading such a file would take unbounded time and memory.

    ## Example
    A file where each alias refers to a list of ten earlier aliases, nine levels deep.

    Use instead: write the values out; standards files never need aliases of aliases.
""",
)
declare(
    "LOAD-S001",
    "missing-required-key",
    """
    A standard lacks one of the four required keys: id, title, kind, statement.

    ## What it does
    Reports the standard and the keys it lacks. The standard is left out of the handbook.

    ## Why is this bad?
    Without them the standard cannot be named, filed or checked.

    ## Example
        - id: CALL-001
          title: 接听电话

    Use instead:

        - id: CALL-001
          title: 接听电话
          kind: process
          statement: 96%的来电在铃响三声内接听
""",
)
declare(
    "LOAD-S002",
    "invalid-value",
    """
    A key holds a value of the wrong type or outside its allowed set.

    ## What it does
    Checks ids, enumerations (kind, tier, unit, direction, period, method, status), dates
    and numbers, and suggests the closest allowed value.

    ## Why is this bad?
    A wrong value is silently meaningless: `target: "ninety"` can never be scored.

    ## Example
        kind: proccess
        target: "ninety"

    Use instead:

        kind: process
        target: 90
""",
)
declare(
    "LOAD-S003",
    "duplicate-id",
    """
    Two standards share the same id.

    ## What it does
    Reports every standard after the first that reuses an id, naming the first one.

    ## Why is this bad?
    Audits, links and pages refer to standards by id; a shared id makes them ambiguous.

    ## Example
    `CALL-001` defined in both `phone.yaml` and `counter.yaml`.

    Use instead: give one of them a new id.
""",
)
declare(
    "LOAD-S004",
    "unknown-key",
    """
    A key the builder does not know, usually a typo.

    ## What it does
    Reports the key and suggests the closest known key.

    ## Why is this bad?
    A misspelt `reveiw_by` is silently ignored, so the review date is lost.

    ## Example
        reveiw_by: 2027-01-01

    Use instead:

        review_by: 2027-01-01
""",
    severity="warning",
)
declare(
    "AUDIT-F001",
    "unreadable-audit-file",
    """
    An audit CSV could not be read or lacks a required column.

    ## What it does
    Reports files that cannot be decoded or whose header lacks `standard` or `period`, or
    has neither `passed`/`total` nor `value`.

    ## Why is this bad?
    None of the file's results can reach the scorecards.

    ## Example
    A header `id,month,score`.

    Use instead: `standard,period,value` (or `standard,period,passed,total`).
""",
)
declare(
    "AUDIT-R001",
    "unknown-standard",
    """
    An audit row names a standard id that does not exist.

    ## What it does
    Reports the row, and the closest existing id.

    ## Why is this bad?
    The result is lost from every scorecard.

    ## Example
        CALL-01,2026-05,,18,20

    Use instead:

        CALL-001,2026-05,,18,20
""",
)
declare(
    "AUDIT-R002",
    "bad-audit-row",
    """
    An audit row has a bad period or bad numbers.

    ## What it does
    Checks the period format (`YYYY`, `YYYY-Qn`, `YYYY-MM`, `YYYY-Www`, `YYYY-MM-DD`),
    that counts are whole and not negative, that `passed` is not above `total`, and that a
    value is a finite number.

    ## Why is this bad?
    The row cannot be scored; it is reported instead of silently dropped.

    ## Example
        CALL-001,May 2026,,21,20

    Use instead:

        CALL-001,2026-05,,19,20
""",
)


declare(
    "AUDIT-R003",
    "duplicate-audit-row",
    """
    The same audit row, or a whole file, appears twice under scorecards/.

    ## What it does
    Compares every row with the rows already read (in any file): an identical row is
    counted once and reported. A file that repeats another file row for row is reported
    once and none of its rows are counted. Survey answers repeat legitimately (many people
    answer 9), so they are compared only when they carry a `respondent` id.

    ## Why is this bad?
    A copied export would be counted twice and move the result.

    ## Example
        scorecards/2026/05/calls.csv and scorecards/backup/calls.csv with the same rows

    Use instead:

        keep one copy; tell two real checks apart by `date` or `notes`
    """,
)

declare(
    "AUDIT-R004",
    "value-out-of-range",
    """
    A value cannot exist in the standard's unit: a percentage above 100, an NPS outside
    −100…100, a CES outside its scale, a negative time.

    ## What it does
    Checks each `value` against the range of the standard's `measure.unit`.

    ## Why is this bad?
    Usually a unit mistake (0.96 written for 96%, seconds for minutes); scored as written,
    it would show a false green or red.

    ## Example
        CALL-001,2026-05,,,0.96

    Use instead:

        CALL-001,2026-05,,,96
    """,
)
