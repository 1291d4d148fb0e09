"""Properties of scoring, end to end through real CSV files and `handbook score --format json`:

- pooled results do not depend on the order of the rows, on how the rows are split across
  files, or on the order of a file's columns;
- every count-based result's 95% Wilson interval contains the share achieved.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.cli import cli
from tests.conftest import make_handbook

STANDARDS = """
    standards:
      - id: CALL-001
        title: Answer the phone
        kind: process
        statement: Answer 96% of incoming calls by the third ring.
        measure: {unit: percent, direction: at_least, target: 96, amber: 90, period: monthly}
      - id: WAIT-001
        title: Waiting time
        kind: process
        statement: Customers wait at most 10 minutes.
        measure: {unit: minutes, direction: at_most, target: 10, period: monthly}
"""
COLUMNS = ["standard", "period", "unit", "passed", "total", "value", "notes"]
Row = dict[str, str]

periods = st.sampled_from(["2026-01", "2026-02", "2026-03"])
units = st.sampled_from(["", "城东", "城西"])


@st.composite
def count_row(draw: st.DrawFn) -> Row:
    total = draw(st.integers(1, 50))
    return {"standard": "CALL-001", "period": draw(periods), "unit": draw(units),
            "passed": str(draw(st.integers(0, total))), "total": str(total)}  # fmt: skip


@st.composite
def value_row(draw: st.DrawFn) -> Row:
    # Whole minutes and sample sizes: sums of products are exact in any order, so equal
    # results mean equal pooling, not lucky rounding.
    sample = draw(st.one_of(st.just(""), st.integers(1, 20).map(str)))
    return {"standard": "WAIT-001", "period": draw(periods), "unit": draw(units),
            "value": str(draw(st.integers(0, 30))), "total": sample}  # fmt: skip


def numbered(rows: list[Row]) -> list[Row]:
    """Each row told apart by a note: two equal rows are one result reported twice."""
    return [row | {"notes": f"check {i}"} for i, row in enumerate(rows)]


audits = st.lists(st.one_of(count_row(), value_row()), min_size=1, max_size=40).map(numbered)


def csv_text(rows: list[Row], columns: list[str]) -> str:
    lines = [",".join(columns)] + [",".join(row.get(c, "") for c in columns) for row in rows]
    return "\n".join(lines) + "\n"


def scored(files: dict[str, str]) -> list[dict[str, Any]]:
    """`handbook score --format json` on a handbook holding these audit files."""
    with tempfile.TemporaryDirectory() as folder:
        root = make_handbook(Path(folder), {"standards/s.yaml": STANDARDS, **files})
        result = CliRunner().invoke(cli, ["score", "--format", "json", "-C", str(root)])
    assert result.exit_code == 0, result.output
    results: list[dict[str, Any]] = json.loads(result.stdout)["results"]
    return sorted(results, key=lambda r: (r["standard"], r["period"], r["unit"] or ""))


@settings(max_examples=25, deadline=None)
@given(audits, st.randoms(use_true_random=False), st.integers(1, 4))
def test_pooled_results_ignore_row_order_and_how_rows_are_split_into_files(
    rows: list[Row], rng: Any, parts: int
) -> None:
    whole = scored({"scorecards/all.csv": csv_text(rows, COLUMNS)})
    shuffled = rows[:]
    rng.shuffle(shuffled)
    columns = COLUMNS[:]
    rng.shuffle(columns)
    split = {f"scorecards/{i % 2}/part-{i}.csv": csv_text(shuffled[i::parts], columns)
             for i in range(parts)}  # fmt: skip
    assert scored(split) == whole


@settings(max_examples=25, deadline=None)
@given(audits)
def test_every_wilson_interval_holds_the_share_achieved(rows: list[Row]) -> None:
    for result in scored({"scorecards/all.csv": csv_text(rows, COLUMNS)}):
        if result["ci"] is not None:
            low, high = result["ci"]
            assert low <= result["achieved"] <= high, result
