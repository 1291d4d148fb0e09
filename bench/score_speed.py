"""`handbook score` on 1,000,000 audit rows vs a pandas group-by over the same CSV files.

    pip install -e ".[bench]"      # pandas, for the baseline
    python -m bench.score_speed [--rows 1000000] [--runs 3] [--no-memory] [--json FILE]

Generates, in a temporary folder, a handbook of 500 standards (files of 50; units percent,
csat, minutes, seconds, count and nps; both directions; daily, weekly, monthly, quarterly
and yearly periods) audited at 50 units, and N audit rows split over twelve monthly export
files (odd months with Chinese headers and a UTF-8 BOM, as Excel writes them). Rows take
the count form (passed, total) or the value form (value, total sometimes blank), with
method, auditor and date columns; every row is distinct, so nothing is reported.

Then, in one process, best of `--runs` each:

- ours: `score_project` + `scores_json`, exactly what `handbook score --format json` runs
  (load standards and config, read and validate every row, pool, targets, Wilson
  intervals, trends, roll-ups, the summary, the JSON text);
- pandas: `read_csv` of the same files (only the six columns needed, categorical keys),
  `concat`, the scored period of each distinct (period, standard's period) pair, the
  weighted sums (count form: 100·passed over total; value form: value·total over total,
  a blank total weighing 1), `groupby(...).sum()` per (standard, period, unit) and per
  (standard, period) for the roll-ups where several units were audited, achieved = sum of
  weighted / sum of weights, n = sum of total (none when a total is blank), and the
  status against the target. It validates nothing, locates nothing, and computes no
  intervals, trends or summary: it is the floor for the pooling itself.

The two sets of results are compared (every key, achieved, n, status) before any time
is printed. Memory is the peak resident set size (VmHWM in /proc/self/status, Linux) of
a fresh subprocess that imports the package and runs the same scoring once, next to the
same for a subprocess that only imports it; and the tracemalloc peak (Python's own
allocations only) of a third. Targets: ours / pandas <= 1.5, peak <= 1 GiB.
"""

from __future__ import annotations

import argparse
import calendar
import gc
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import yaml

STANDARDS = 500
UNITS = tuple(f"U{i:02d}网点" for i in range(50))
YEAR = 2026
# unit, direction, target, amber: what each kind of standard promises.
MEASURES = (
    ("percent", "at_least", 90.0, 85.0),
    ("percent", "at_least", 95.0, 90.0),
    ("csat", "at_least", 90.0, 85.0),
    ("minutes", "at_most", 15.0, 20.0),
    ("seconds", "at_most", 60.0, 90.0),
    ("count", "at_most", 5.0, 8.0),
    ("nps", "at_least", 30.0, 20.0),
)
PERIODS = ("monthly",) * 5 + ("quarterly",) * 2 + ("weekly", "yearly", "daily")
HEADERS = {
    "en": "standard,period,unit,passed,total,value,method,auditor,date,notes",
    "zh": "标准,周期,网点,通过,总数,数值,检查方式,检查人,日期,备注",
}
AUDITORS = ("王静", "李明", "张伟", "刘洋", "陈晨")


# --- the generated handbook ---------------------------------------------------------------


def standard_specs(n: int, seed: int, periods: tuple[str, ...]) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    specs = []
    for i in range(n):
        unit, direction, target, amber = MEASURES[i % len(MEASURES)]
        period = rng.choice(periods)
        if period == "daily" and unit not in ("seconds", "minutes"):
            period = "monthly"  # daily results come from operating data: times
        specs.append({
            "id": f"S-{i:03d}", "title": f"标准 {i}", "kind": "process",
            "area": f"area-{i % 7}", "tier": ("basic", "core")[i % 2], "owner": "ops",
            "version": "1.0", "effective": "2025-01-01", "review_by": "2027-06-30",
            "statement": f"{target:g} {unit}", "units": rng.sample(UNITS, rng.randint(10, 50)),
            "measure": {"metric": "rate", "unit": unit, "direction": direction,
                        "target": target, "amber": amber, "period": period},
        })  # fmt: skip
    return specs


def generate(
    root: Path,
    rows: int,
    seed: int = 7,
    *,
    standards: int = STANDARDS,
    periods: tuple[str, ...] = PERIODS,
) -> list[dict[str, Any]]:
    """Write the handbook into `root`; return the standards' specs (with their units)."""
    (root / "mkdocs.yml").write_text("site_name: bench\n", encoding="utf-8")
    specs = standard_specs(standards, seed, periods)
    folder = root / "standards"
    folder.mkdir()
    for f in range(0, len(specs), 50):
        items = [{k: v for k, v in s.items() if k != "units"} for s in specs[f : f + 50]]
        text = yaml.safe_dump({"standards": items}, allow_unicode=True, sort_keys=False)
        (folder / f"file-{f // 50:02d}.yaml").write_text(text, encoding="utf-8")
    exports = root / "scorecards" / str(YEAR)
    exports.mkdir(parents=True)
    rng = random.Random(seed + 1)
    per_month = [rows // 12 + (m < rows % 12) for m in range(12)]
    for month, count in enumerate(per_month, start=1):
        lang = "zh" if month % 2 else "en"
        lines = [HEADERS[lang], *_month_rows(specs, month, count, rng)]
        encoding = "utf-8-sig" if lang == "zh" else "utf-8"
        path = exports / f"audits-{YEAR}-{month:02d}.csv"
        path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return specs


def _month_rows(
    specs: list[dict[str, Any]], month: int, count: int, rng: random.Random
) -> Iterator[str]:
    """`count` rows for one month, spread evenly over the standards and their units.

    A unit's visits within the month fall on different days (past the 28th, a note tells
    them apart), so no two rows are the same.
    """
    days = calendar.monthrange(YEAR, month)[1]
    for s, spec in enumerate(specs):
        visits = count // len(specs) + (s < count % len(specs))
        m, units = spec["measure"], spec["units"]
        for v in range(visits):
            unit, visit = units[v % len(units)], v // len(units)
            day = date(YEAR, month, visit % days + 1)
            note = f"第{visit + 1}次" if visit >= days else ""
            cells = _result(m["unit"], m["target"], rng)
            period = _row_period(m["period"], day)
            method = "mystery-shop" if cells[0] else "data"
            auditor = AUDITORS[v % len(AUDITORS)]
            yield f"{spec['id']},{period},{unit},{','.join(cells)},{method},{auditor},{day},{note}"


def _row_period(period: str, day: date) -> str:
    """Monthly exports: a month, except for weekly (ISO week) and daily (the day) data."""
    if period == "weekly":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if period == "daily":
        return day.isoformat()
    return f"{day.year}-{day.month:02d}"


def _result(unit: str, target: float, rng: random.Random) -> tuple[str, str, str]:
    """passed, total, value: the count form for proportions, else the value form."""
    if unit in ("percent", "csat"):
        total = rng.randint(5, 40)
        rate = min(1.0, max(0.0, rng.gauss(target / 100, 0.06)))
        return str(round(total * rate)), str(total), ""
    sample = "" if rng.random() < 0.3 else str(rng.randint(10, 500))  # sample size unknown
    if unit == "nps":
        return "", sample, f"{rng.uniform(-20, 80):.1f}"
    if unit == "count":
        return "", "", str(rng.randint(0, 2 * int(target)))
    return "", sample, f"{target * rng.uniform(0.5, 1.6):.1f}"


# --- the two contenders -----------------------------------------------------------------


def ours(root: Path) -> str:
    """What `handbook score --format json` runs, minus printing."""
    from builder.formats import scores_json
    from builder.project import Project
    from builder.scoring.score import score_project

    report = score_project(Project(root))
    if report.findings:
        raise SystemExit(f"unexpected findings, e.g. {report.findings[0]}")
    return scores_json(report)


PANDAS_COLUMNS = {"标准": "standard", "周期": "period", "网点": "unit", "通过": "passed",
                  "总数": "total", "数值": "value"}  # fmt: skip


def pandas_pool(root: Path, specs: list[dict[str, Any]]) -> Any:
    """The same pooled results with pandas: one row per (standard, period, unit|roll-up)."""
    import numpy as np
    import pandas as pd

    from builder.scoring.periods import GRAIN_OF, parse_period, roll_up

    frames = []
    for path in sorted((root / "scorecards").rglob("*.csv")):
        with path.open("rb") as f:
            zh = f.read(8).startswith(b"\xef\xbb\xbf")  # our Chinese-header exports
        names = list(PANDAS_COLUMNS) if zh else list(PANDAS_COLUMNS.values())
        frame = pd.read_csv(path, usecols=names, encoding="utf-8-sig", dtype={
            names[0]: "category", names[1]: "category", names[2]: "category",
            names[3]: "float64", names[4]: "float64", names[5]: "float64"})  # fmt: skip
        frames.append(frame.rename(columns=PANDAS_COLUMNS))
    df = pd.concat(frames, ignore_index=True)
    # The period each row counts towards: computed once per distinct (period, grain) pair.
    grain = {s["id"]: GRAIN_OF.get(s["measure"]["period"]) for s in specs}
    df["grain"] = df["standard"].astype(str).map(grain)
    pairs = df[["period", "grain"]].drop_duplicates()
    scored = {}
    for text, g in pairs.itertuples(index=False):
        period = parse_period(str(text))
        assert period is not None
        scored[(text, g)] = (roll_up(period, g) if g else None) or period
    labels = pd.Series({k: v.label for k, v in scored.items()})
    key = pd.MultiIndex.from_frame(df[["period", "grain"]])
    df["scored"] = labels.reindex(key).to_numpy()
    is_count = df["passed"].notna()
    weight = np.where(is_count, df["total"], df["total"].fillna(1.0))
    df["weighted"] = np.where(is_count, 100.0 * df["passed"], df["value"] * weight)
    df["weight"] = weight
    df["blank_n"] = df["total"].isna()
    sums = {"weighted": "sum", "weight": "sum", "total": "sum", "blank_n": "sum"}
    per_unit = df.groupby(["standard", "scored", "unit"], observed=True).agg(sums)
    per_unit = per_unit.reset_index()
    whole = df.groupby(["standard", "scored"], observed=True).agg(
        {**sums, "unit": "nunique"}
    )  # fmt: skip
    whole = whole[whole["unit"] > 1].reset_index()
    whole["unit"] = None
    out = pd.concat([per_unit, whole], ignore_index=True)
    out["achieved"] = out["weighted"] / out["weight"]
    out["n"] = out["total"].where(out["blank_n"] == 0)
    rows = [(s["id"], s["measure"]["target"], s["measure"]["amber"],
             s["measure"]["direction"] == "at_most") for s in specs]  # fmt: skip
    terms = pd.DataFrame(rows, columns=["standard", "target", "amber", "down"])
    t = terms.set_index("standard").reindex(out["standard"].astype(str))
    sign = np.where(t["down"].to_numpy(), -1.0, 1.0)
    met = sign * out["achieved"].to_numpy() >= sign * t["target"].to_numpy()
    within = sign * out["achieved"].to_numpy() >= sign * t["amber"].to_numpy()
    out["status"] = np.select([met, within], ["green", "amber"], "red")
    return out


def agree(json_text: str, frame: Any) -> int:
    """Both sides give the same results; the number of results."""
    theirs = {
        (str(s), str(p), None if u is None else str(u)): (a, None if n != n else int(n), st)
        for s, p, u, a, n, st in frame[
            ["standard", "scored", "unit", "achieved", "n", "status"]
        ].itertuples(index=False)
    }  # fmt: skip
    results = json.loads(json_text)["results"]
    mine = {(r["standard"], r["period"], r["unit"]): r for r in results}
    if mine.keys() != theirs.keys():
        raise SystemExit(f"different keys: {len(mine)} ours, {len(theirs)} pandas")
    for k, r in mine.items():
        achieved, n, status = theirs[k]
        if abs(r["achieved"] - achieved) > 0.006 or r["n"] != n or r["status"] != status:
            raise SystemExit(f"{k}: ours {r}, pandas {(achieved, n, status)}")
    return len(mine)


# --- timing and memory ------------------------------------------------------------------


def best_of(runs: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


CHILD = """
import sys, tracemalloc
from pathlib import Path
from bench.score_speed import ours, peak_rss
mode, root = sys.argv[1], Path(sys.argv[2])
import builder.formats, builder.scoring.score
if mode == "tracemalloc":
    tracemalloc.start()
if mode != "import":
    ours(root)
traced = tracemalloc.get_traced_memory()[1] if mode == "tracemalloc" else 0
print(peak_rss(), traced)
"""


def peak_rss() -> int:
    """This process's peak resident set size, in bytes: VmHWM, which starts afresh at exec.
    (getrusage's ru_maxrss does not: a child forked from a big parent inherits its peak.)"""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    raise SystemExit("peak memory needs Linux's /proc/self/status (VmHWM)")


def child_memory(mode: str, root: Path) -> tuple[int, int]:
    """(peak RSS, tracemalloc peak) in bytes, of a fresh process running `mode`."""
    command = [sys.executable, "-c", CHILD, mode, str(root)]
    here = Path(__file__).parent.parent
    done = subprocess.run(command, check=True, capture_output=True, text=True, cwd=here)
    rss, peak = done.stdout.split()
    return int(rss), int(peak)


MIB = 1024 * 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-memory", action="store_true", help="skip the memory subprocesses")
    parser.add_argument("--json")
    args = parser.parse_args()
    try:
        import pandas
    except ImportError:
        sys.exit('bench.score_speed needs pandas for its baseline: pip install -e ".[bench]"')
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        specs = generate(root, args.rows)
        size = sum(p.stat().st_size for p in (root / "scorecards").rglob("*.csv"))
        print(f"{args.rows:,} rows in 12 files ({size / MIB:.0f} MiB), {STANDARDS} standards, "
              f"{len(UNITS)} units; pandas {pandas.__version__}")  # fmt: skip
        results = agree(ours(root), pandas_pool(root, specs))
        print(f"results agree: {results:,} (standard, period, unit) results")
        t_pandas = best_of(args.runs, lambda: pandas_pool(root, specs))
        t_ours = best_of(args.runs, lambda: ours(root))
        print(f"pandas {t_pandas:.2f} s, handbook score {t_ours:.2f} s, "
              f"ratio {t_ours / t_pandas:.2f} (target <= 1.5)")  # fmt: skip
        result: dict[str, object] = {
            "rows": args.rows, "results": results, "pandas_s": round(t_pandas, 3),
            "ours_s": round(t_ours, 3), "ratio": round(t_ours / t_pandas, 2),
        }  # fmt: skip
        if not args.no_memory:
            base, _ = child_memory("import", root)
            rss, _ = child_memory("score", root)
            _, traced = child_memory("tracemalloc", root)
            print(f"peak RSS {rss / MIB:.0f} MiB (after the imports alone: {base / MIB:.0f} MiB); "
                  f"tracemalloc peak {traced / MIB:.0f} MiB (target <= 1024 MiB)")  # fmt: skip
            result |= {"peak_rss_mib": round(rss / MIB), "import_rss_mib": round(base / MIB),
                       "tracemalloc_peak_mib": round(traced / MIB)}  # fmt: skip
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
