"""The site's scorecard charts for 500 standards: a cold build (empty chart cache) vs a warm
one (every chart cached), with the builder's own functions.

    python -m bench.chart_speed [--standards 500] [--rows 100000] [--json FILE]

Generates the handbook of `bench.score_speed` (500 standards, 50 units, 12 monthly export
files) with monthly, quarterly and yearly standards only: a daily standard's chart would
have 365 columns, which is a different problem. Scores it, then runs the scorecard part
of `handbook build` (`builder.site.build.scorecard_files`: trend chart, unit heatmap,
CSV and page per standard, the area overview, the monthly report) through a real
`ChartCache`, twice: first on an empty cache folder, then on the folder the first run
filled, as the next build would. Prints both times, the time spent in the cache's `svg`
(drawing or reading back: the chart rendering itself) and the warm/cold ratios.
Target: charts warm < 5% of cold.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, ParamSpec

from bench.score_speed import generate
from builder.config import load_config
from builder.model.load import load_standards
from builder.project import Project
from builder.scoring.audits import load_audits
from builder.scoring.score import score
from builder.scoring.summary import summarise
from builder.site import pages
from builder.site.build import scorecard_files
from builder.site.chart_cache import ChartCache
from builder.site.charts import cache_salt

P = ParamSpec("P")
PERIODS = ("monthly",) * 3 + ("quarterly", "yearly")


class TimedCache(ChartCache):
    """The real cache, with a stopwatch around each chart it hands out."""

    def __init__(self, folder: Path, salt: str) -> None:
        super().__init__(folder, salt)
        self.seconds = 0.0

    def svg(self, draw: Callable[P, str], *args: P.args, **kwargs: P.kwargs) -> str:
        start = time.perf_counter()
        try:
            return super().svg(draw, *args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - start


def scorecard_part(root: Path, cache: TimedCache) -> tuple[float, dict[str, str | bytes]]:
    """The scorecard pages and charts of the handbook at `root`, as `handbook build` makes
    them; returns the seconds taken and the files."""
    project = Project(root)
    standards = {s.id: s for s in load_standards(project).standards}
    results = score(load_audits(project, standards).rows, standards, load_config(root))
    cards = pages.scorecards(results, standards)
    shares = summarise(results, standards)
    files: dict[str, str | bytes] = {}
    start = time.perf_counter()
    scorecard_files(files, cards, shares, cache)
    return time.perf_counter() - start, files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--standards", type=int, default=500)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        generate(root, args.rows, standards=args.standards, periods=PERIODS)
        salt = cache_salt()
        cold = TimedCache(root / "build" / "chart-cache", salt)
        t_cold, cold_files = scorecard_part(root, cold)
        warm = TimedCache(root / "build" / "chart-cache", salt)
        t_warm, warm_files = scorecard_part(root, warm)
    if warm.drawn or warm_files != cold_files:
        raise SystemExit(f"the warm build drew {len(warm.drawn)} charts or differs from the cold")
    charts = len(cold.drawn)
    print(f"{args.standards} standards, {charts} charts ({args.rows:,} audit rows)")
    print(f"cold: scorecard part {t_cold:.2f} s, of which charts {cold.seconds:.2f} s")
    print(f"warm: scorecard part {t_warm:.2f} s, of which charts {warm.seconds:.3f} s")
    print(f"charts warm / cold {warm.seconds / cold.seconds:.2%} (target < 5%); "
          f"scorecard part warm / cold {t_warm / t_cold:.2%}")  # fmt: skip
    if args.json:
        result: dict[str, Any] = {
            "standards": args.standards, "charts": charts, "cold_s": round(t_cold, 3),
            "cold_charts_s": round(cold.seconds, 3), "warm_s": round(t_warm, 3),
            "warm_charts_s": round(warm.seconds, 3),
            "charts_ratio": round(warm.seconds / cold.seconds, 4),
        }  # fmt: skip
        Path(args.json).write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
