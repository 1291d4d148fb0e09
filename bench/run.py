"""One command for every performance target, measured side by side in one run (issue 10).

    python -m bench.run [--large] [--json FILE]

Runs each benchmark in its own process (so one's memory does not colour another's) and
prints one table; `--json` writes the same numbers. Default sizes take a few minutes on
the 2-core machine; `--large` adds the issue's full sizes (1,000,000 audit rows, 1,000
standards built, 2,000 checked). Benchmarks print; they never assert (tests must not
assert timings).

    check   bench.speed_check    handbook check vs parsing the same YAML      <= 1.5x
    score   bench.score_speed    handbook score vs a pandas group-by          <= 1.5x, <= 1 GiB
    build   bench.build_speed    our share of a full build / unchanged build  <= 20% / <= 5%
    charts  bench.chart_speed    chart drawing with the cache warm vs cold    < 5%

The check and build rows are repeated at growing sizes, so a cost that grows faster than
the handbook (anything quadratic) shows as a rising per-standard time.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

DEFAULT = {
    "check": [100, 500, 2000],
    "build": [100, 300],
    "score": [100_000],
    "charts": [200],
}
LARGE = {"check": [100, 500, 1000, 2000], "build": [100, 300, 1000], "score": [1_000_000],
         "charts": [500]}  # fmt: skip
COMMANDS = {
    "check": ("bench.speed_check", "--standards"),
    "build": ("bench.build_speed", "--standards"),
    "score": ("bench.score_speed", "--rows"),
    "charts": ("bench.chart_speed", "--standards"),
}


def run(name: str, size: int) -> dict[str, Any]:
    module, flag = COMMANDS[name]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "result.json"
        cmd = [sys.executable, "-m", module, flag, str(size), "--json", str(out)]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if proc.returncode != 0 or not out.is_file():
            tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
            return {"error": " / ".join(tail) or f"exit {proc.returncode}"}
        result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
        return result


def row(name: str, size: int, r: dict[str, Any]) -> str:
    if "error" in r:
        return f"{name:7} {size:>9,}  failed: {r['error']}"
    if name == "check":
        per = r["check_s"] / size * 1000
        return (
            f"{name:7} {size:>9,}  check {r['check_s']:.2f} s / parse {r['parse_s']:.2f} s"
            f" = {r['ratio']:.2f}x (<= 1.5x); {per:.2f} ms per standard"
        )
    if name == "build":
        per = r["ours_s"] / size * 1000
        return (
            f"{name:7} {size:>9,}  full {r['full_s']:.1f} s, ours {r['ours_share']:.0%} "
            f"(<= 20%), unchanged {r['unchanged_share']:.1%} (<= 5%); ours {per:.1f} ms "
            "per standard"
        )
    if name == "score":
        memory = f", peak {r['peak_rss_mib']} MiB (<= 1024)" if "peak_rss_mib" in r else ""
        return (
            f"{name:7} {size:>9,}  ours {r['ours_s']:.2f} s / pandas {r['pandas_s']:.2f} s"
            f" = {r['ratio']:.2f}x (<= 1.5x){memory}"
        )
    return (
        f"{name:7} {size:>9,}  {r['charts']} charts: cold {r['cold_charts_s']:.2f} s, warm "
        f"{r['warm_charts_s']:.3f} s = {r['charts_ratio']:.2%} (< 5%)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", action="store_true", help="the issue's full sizes")
    parser.add_argument("--only", choices=sorted(COMMANDS), action="append")
    parser.add_argument("--json")
    args = parser.parse_args()
    plan = LARGE if args.large else DEFAULT
    results: dict[str, list[dict[str, Any]]] = {}
    print(f"{'bench':7} {'size':>9}  result")
    for name in args.only or list(plan):
        for size in plan[name]:
            r = run(name, size)
            results.setdefault(name, []).append({"size": size, **r})
            print(row(name, size, r), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
