"""End to end: the example handbook builds into a real, versioned, offline Material site."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from builder.errors import BuildFailed
from builder.project import Project
from builder.site.build import build
from tests.conftest import make_handbook

pytestmark = pytest.mark.slow  # `example_site` (tests/conftest.py) builds the example once
TODAY = date(2026, 11, 23)


def html(site: Path, rel: str) -> str:
    return (site / "2026.2" / rel).read_text(encoding="utf-8")


def article(site: Path, rel: str) -> str:
    """The page's own content, without the navigation every page carries."""
    page = html(site, rel)
    return page[page.index("<article") : page.index("</article>")]


def test_versioned_layout(example_site: Path) -> None:
    versions = json.loads((example_site / "versions.json").read_text())
    assert versions[0]["version"] == "2026.2" and versions[0]["aliases"] == ["latest"]
    assert "url=2026.2/" in (example_site / "index.html").read_text()
    assert (example_site / "2026.2" / "index.html").is_file()


def test_standard_page_shows_statement_and_target(example_site: Path) -> None:
    page = html(example_site, "standards/prc-tim-002/index.html")
    assert "客服中心转人工来电在20秒内接通的比例每月不低于85%" in page
    assert "≥ 85%" in page
    assert "可测量 measurable" in page


def test_flagged_page_lists_the_vague_standards(example_site: Path) -> None:
    page = article(example_site, "flagged/index.html")
    assert "PER-ATT-003" in page and "INT-005" in page
    assert "PRC-TIM-002" not in page


def test_scorecard_page_embeds_its_trend_and_unit_charts(example_site: Path) -> None:
    page = html(example_site, "scorecards/prc-tim-001/index.html")
    charts = re.findall(r'<img alt="([^"]+)" src="([^"]+\.svg)"', page)
    assert [("趋势图" in alt, "热力图" in alt) for alt, _ in charts] == [
        (True, False),
        (False, True),
    ]
    for _, src in charts:
        chart = (example_site / "2026.2" / "scorecards" / "prc-tim-001" / src).resolve()
        svg = chart.read_text(encoding="utf-8")
        assert svg.startswith("<?xml") and "<title>PRC-TIM-001 高峰时段等候时间" in svg


def test_scorecard_data_downloads_as_csv(example_site: Path) -> None:
    page = html(example_site, "scorecards/prc-tim-001/index.html")
    assert '<a download="prc-tim-001.csv" href="../prc-tim-001.csv">' in page
    data = (example_site / "2026.2" / "scorecards" / "prc-tim-001.csv").read_bytes()
    assert data.startswith("\ufeffstandard,period,unit,achieved,target".encode())
    assert "PRC-TIM-001,2026-10,城西支行,23.0,20.0,at_most,amber".encode() in data


def test_scorecard_index_shows_the_share_met_by_area(example_site: Path) -> None:
    page = article(example_site, "scorecards/index.html")
    (alt, src) = re.findall(r'<img alt="([^"]+)" src="([^"]+\.svg)"', page)[0]
    assert "最近一期 Latest (2026-10): 全部 All" in alt
    assert (example_site / "2026.2" / "scorecards" / src).is_file()


def test_monthly_report_lists_last_months_misses(example_site: Path) -> None:
    page = article(example_site, "scorecards/report/index.html")
    october = page[page.index('id="2026-10"') : page.index('id="2026-q3"')]
    assert "PRC-TIM-001" in october and "-0.3 分钟 min" in october
    nav = html(example_site, "scorecards/index.html")
    assert '<a href="report/" class="md-nav__link">' in nav and "月度报告 Monthly report" in nav


def test_no_request_to_another_host(example_site: Path) -> None:
    """No fonts, scripts, styles or images from anywhere but the site itself."""
    pattern = re.compile(
        r'<(?:script|img|iframe|source|link)\b[^>]*\b(?:src|href)="(?:https?:)?//[^"]*"', re.I
    )
    offenders = []
    for page in (example_site / "2026.2").rglob("*.html"):
        for m in pattern.finditer(page.read_text(encoding="utf-8")):
            offenders.append((page.name, m.group(0)))
    assert offenders == []
    css = "".join(p.read_text() for p in (example_site / "2026.2").rglob("*.css"))
    assert "fonts.googleapis" not in css


def test_chinese_search_index_is_segmented(example_site: Path) -> None:
    index = json.loads(html(example_site, "search/search_index.json"))
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "\u200b" in text, "jieba segmentation marks word boundaries with U+200B"
    assert "\\u200b" in index["config"]["separator"]


def test_rule_pages_exist(example_site: Path) -> None:
    page = html(example_site, "rules/SMART-S002/index.html")
    assert "Why is this bad?" in page


def test_build_with_errors_fails_and_keeps_previous_site(tmp_path: Path) -> None:
    vague = "standards:\n  - id: A\n    title: t\n    kind: process\n    statement: 尽快处理\n"
    make_handbook(tmp_path, {"standards/a.yaml": vague})
    site = tmp_path / "site"
    site.mkdir()
    (site / "keep.txt").write_text("previous")
    with pytest.raises(BuildFailed, match="error finding"):
        build(Project(tmp_path), today=TODAY)
    assert (site / "keep.txt").read_text() == "previous"
    assert not any(p.name.startswith(".site-new") for p in tmp_path.iterdir())


def test_the_generated_folder_builds_with_no_engine_warning(
    example_site: Path, tmp_path: Path
) -> None:
    """Every generated link resolves: MkDocs in strict mode turns any warning into a failure."""
    import subprocess
    import sys

    config = example_site.parent / "build" / "mkdocs.yml"
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config),
         "-d", str(tmp_path / "out")],
        capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
        check=False,
    )  # fmt: skip
    warnings = [line for line in proc.stderr.splitlines() if "WARNING" in line]
    assert proc.returncode == 0, "\n".join(warnings or proc.stderr.splitlines()[-10:])
