"""Score the linter's verdicts against the labelled set in tests/eval (issue 12).

Prints, per language and for the development and held-back parts side by side: precision,
recall and F1 for "flagged" (verdict != measurable), exact three-way accuracy, F1 on
`partial`, and the confusion matrix. A large gap between the parts means overfitting.

    python -m bench.eval_verdicts [--json FILE] [--errors dev|held|all]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass

from builder.text.assess import assess
from tests.eval.dataset import LABELS, Labelled, load


@dataclass(frozen=True)
class Scores:
    n: int
    precision: float
    recall: float
    f1: float
    accuracy: float
    partial_f1: float
    confusion: dict[str, dict[str, int]]  # gold -> predicted -> count


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(rows: list[Labelled]) -> Scores:
    pairs = [(r.label, assess(r.text).verdict) for r in rows]
    tp = sum(g != "measurable" and p != "measurable" for g, p in pairs)
    fp = sum(g == "measurable" and p != "measurable" for g, p in pairs)
    fn = sum(g != "measurable" and p == "measurable" for g, p in pairs)
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    ptp = sum(g == p == "partial" for g, p in pairs)
    pp, pr = (
        _ratio(ptp, sum(p == "partial" for _, p in pairs)),
        _ratio(ptp, sum(g == "partial" for g, _ in pairs)),
    )
    counts = Counter(pairs)
    confusion = {g: {p: counts[(g, p)] for p in LABELS} for g in LABELS}
    accuracy = _ratio(sum(g == p for g, p in pairs), len(pairs))
    return Scores(
        len(pairs), precision, recall, _f1(precision, recall), accuracy, _f1(pp, pr), confusion
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", help="also write the scores to this file")
    parser.add_argument("--errors", choices=["dev", "held", "all"], help="list misclassified rows")
    args = parser.parse_args()
    rows = load()
    out: dict[str, dict[str, object]] = {}
    print(f"{'lang':<5}{'part':<6}{'n':>5}{'P':>7}{'R':>7}{'F1':>7}{'acc3':>7}{'F1-part':>9}")
    for lang in ("en", "zh"):
        for part, held in (("dev", False), ("held", True)):
            chosen = [r for r in rows if r.lang == lang and r.held_back == held]
            s = score(chosen)
            out[f"{lang}-{part}"] = s.__dict__
            print(f"{lang:<5}{part:<6}{s.n:>5}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
                  f"{s.accuracy:>7.3f}{s.partial_f1:>9.3f}")  # fmt: skip
            cells = [f"{g[0]}:{'/'.join(str(s.confusion[g][p]) for p in LABELS)}" for g in LABELS]
            print("      confusion (gold → predicted m/p/v): " + "  ".join(cells))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(out, fh, indent=2)
    if args.errors:
        for r in rows:
            if args.errors != "all" and r.held_back != (args.errors == "held"):
                continue
            got = assess(r.text).verdict
            if got != r.label:
                print(f"{r.id}\tgold={r.label}\tgot={got}\t{r.text}")


if __name__ == "__main__":
    main()
