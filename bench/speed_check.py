"""`handbook check` on a generated handbook vs merely parsing the same YAML (issue 12).

    python -m bench.speed_check [--standards 2000] [--json FILE]

Generates N bilingual standards across files of 50, then times, in one process and one run
each (best of 3): yaml.safe_load of every file, and the whole `check` (load with positions,
every rule, verdicts). Target: check / parse <= 1.5.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from builder.check import check
from builder.config import Config
from builder.project import Project

STATEMENTS = (
    "96%的来电在铃响三声内接听",
    "投诉24小时内响应,5个工作日内答复",
    "热情接待每一位客户",
    "原则上30分钟内回访",
    "客户进门3秒内目光接触、微笑并问候",
    "按监管规定时限处理投诉",
    "Answer 90% of calls within 20 seconds.",
    "Respond to customer emails promptly and courteously.",
    "We aim to reply within 5 working days, and never more than 20.",
    "Appointments start on time.",
)
AREAS = ("timeliness", "flow", "flexibility", "anticipation", "communication", "feedback",
         "supervision")  # fmt: skip


def generate(root: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    (root / "mkdocs.yml").write_text("site_name: bench\n", encoding="utf-8")
    folder = root / "standards"
    folder.mkdir()
    for f in range(0, n, 50):
        items = []
        for i in range(f, min(f + 50, n)):
            target = rng.choice((85, 90, 95))
            items.append({
                "id": f"B-{i:05d}", "title": f"标准 {i}", "kind": "process",
                "area": rng.choice(AREAS), "tier": "basic", "owner": "ops",
                "version": "1.0", "effective": "2026-01-01", "review_by": "2027-06-30",
                "statement": rng.choice(STATEMENTS),
                "measure": {"metric": "rate", "unit": "percent", "direction": "at_least",
                            "target": target, "amber": target - 5, "period": "monthly",
                            "baseline": target - 3},
            })  # fmt: skip
        text = yaml.safe_dump({"standards": items}, allow_unicode=True, sort_keys=False)
        (folder / f"file-{f // 50:03d}.yaml").write_text(text, encoding="utf-8")


def best_of(runs: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--standards", type=int, default=2000)
    parser.add_argument("--json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        generate(root, args.standards)
        files = sorted((root / "standards").glob("*.yaml"))

        def parse() -> None:
            for path in files:
                yaml.safe_load(path.read_text(encoding="utf-8"))

        project = Project(root)
        config = Config()
        # Fresh text caches each run would be fairer to a cold CI: clear them.
        from builder.text.assess import assess

        def run_check() -> None:
            assess.cache_clear()
            check(project, [root / "standards"], config=config)

        t_parse = best_of(3, parse)
        t_check = best_of(3, run_check)
    result = {"standards": args.standards, "parse_s": round(t_parse, 3),
              "check_s": round(t_check, 3), "ratio": round(t_check / t_parse, 2)}  # fmt: skip
    print(f"{args.standards} standards: parse {t_parse:.3f} s, check {t_check:.3f} s, "
          f"ratio {t_check / t_parse:.2f} (target <= 1.5)")  # fmt: skip
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
