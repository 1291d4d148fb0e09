"""Markup and formulas from YAML and CSV stay text: in every published page, and in every
CSV the handbook exports (a cell starting with =, +, -, @ is prefixed with ' so that a
spreadsheet shows it instead of running it).

The browser test (tests/browser/test_injection.py) checks the same pages in Chromium.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from builder.cli import cli
from tests.conftest import make_handbook
from tests.injection import INJECTION_SLUG, PAYLOADS, payload

FORMULA_STARTS = ("=", "+", "-", "@")


def cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))) for cell in row]


def formulas(text: str) -> list[str]:
    """Cells a spreadsheet would run: text (not a number such as -6.0) starting with = + - @."""
    return [c for c in cells(text) if c.startswith(FORMULA_STARTS) and not _number(c)]


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


@pytest.mark.slow
def test_no_published_page_holds_a_payload_as_markup(example_site: Path) -> None:
    pages = {p: p.read_text(encoding="utf-8") for p in example_site.rglob("*.html")}
    markup = [name for name in PAYLOADS if "<" in payload(name)]  # Markdown ones read as text
    found = [(p.relative_to(example_site).as_posix(), name) for p, html in pages.items()
             for name in markup if payload(name) in html]  # fmt: skip
    assert found == []
    assert any(INJECTION_SLUG in p.as_posix() for p in pages), "the hostile standard is built"


@pytest.mark.slow
def test_the_published_scorecard_csv_neutralises_formulas(example_site: Path) -> None:
    text = (example_site / "2026.2" / "scorecards" / f"{INJECTION_SLUG}.csv").read_text("utf-8")
    assert '\'=HYPERLINK("http://x")' in cells(text)
    assert formulas(text) == []


AUDITED = """
    standards:
      - id: CALL-001
        title: Answer the phone
        kind: process
        statement: Answer 96% of incoming calls by the third ring.
        measure: {unit: percent, direction: at_least, target: 96, period: monthly}
"""
FORMULAS = ["=1+1", "+1+1", "-1+1", "@SUM(A1)"]


def test_score_csv_neutralises_formulas_in_units(tmp_path: Path) -> None:
    rows = "".join(f'CALL-001,2026-01,"{unit}",9,10\n' for unit in FORMULAS)
    audit = "standard,period,unit,passed,total\n" + rows
    make_handbook(tmp_path, {"standards/s.yaml": AUDITED, "scorecards/a.csv": audit})
    result = CliRunner().invoke(cli, ["score", "--format", "csv", "-C", str(tmp_path)])
    assert result.exit_code == 0, result.output
    shown = cells(result.stdout)
    assert formulas(result.stdout) == []
    assert {f"'{f}" for f in FORMULAS} <= set(shown)


def test_audit_template_neutralises_formulas_in_units(tmp_path: Path) -> None:
    make_handbook(tmp_path, {"standards/s.yaml": AUDITED})
    args = ["audit-template", "CALL-001", "-C", str(tmp_path), "-d", str(tmp_path)]
    result = CliRunner().invoke(cli, [*args, *(f"-u{f}" for f in FORMULAS)])
    assert result.exit_code == 0, result.output
    written = (tmp_path / "audit-template.csv").read_text(encoding="utf-8-sig")
    assert formulas(written) == []
