"""`handbook build` on a generated handbook of 1,000 standards (issue 6).

    python -m bench.build_speed [--standards 1000] [--json FILE]

Prints, measured in one run: the full build time; how much of it is our own generation
(load, check, score, write Markdown and charts) and how much is the engine (MkDocs +
Material, a subprocess); and an unchanged rebuild. Targets: ours <= 20% of the full build;
unchanged rebuild <= 5% of the full build.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from bench.speed_check import generate
from builder.config import load_config
from builder.project import Project
from builder.site import build as site_build


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--standards", type=int, default=1000)
    parser.add_argument("--json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        generate(root, args.standards)
        (root / "handbook.yml").write_text('version: "1.0"\n', encoding="utf-8")
        project = Project(root)
        engine = _time_engine()
        start = time.perf_counter()
        site_build.build(project, allow_errors=True)
        full = time.perf_counter() - start
        start = time.perf_counter()
        site_build.build(project, allow_errors=True)
        unchanged = time.perf_counter() - start
        ours = full - engine.total
        pages = sum(1 for _ in (root / "build/docs").rglob("*.md"))
        print(f"{args.standards} standards, {pages} pages (config: {load_config(root).version})")
        print(f"full build      {full:7.2f} s")
        print(f"  engine        {engine.total:7.2f} s  (mkdocs build subprocess)")
        print(f"  ours          {ours:7.2f} s  = {ours / full:.0%} of the build (target <= 20%)")
        print(f"unchanged build {unchanged:7.2f} s  = {unchanged / full:.1%} (target <= 5%)")
        result = {"standards": args.standards, "pages": pages, "full_s": round(full, 2),
                  "engine_s": round(engine.total, 2), "ours_s": round(ours, 2),
                  "ours_share": round(ours / full, 3), "unchanged_s": round(unchanged, 2),
                  "unchanged_share": round(unchanged / full, 3)}  # fmt: skip
        if args.json:
            Path(args.json).write_text(json.dumps(result, indent=2), encoding="utf-8")


class _EngineClock:
    """Wraps the one engine adapter to add up the time spent in it."""

    def __init__(self) -> None:
        self.total = 0.0
        self._run = site_build.run_engine

    def __call__(self, cfg_file: Path) -> None:
        start = time.perf_counter()
        self._run(cfg_file)
        self.total += time.perf_counter() - start


def _time_engine() -> _EngineClock:
    clock = _EngineClock()
    site_build.run_engine = clock  # measuring the adapter, not replacing it
    return clock


if __name__ == "__main__":
    main()
