"""A bounded fuzz run over the readers: YAML and CSV, random and mangled, in every encoding.

    python -m bench.fuzz_loaders [--examples 2000] [--seed 0]

Hypothesis generates the inputs (no example database: a run is repeatable from its seed).
Each of five targets tries `--examples` inputs:

- yaml-text      read_yaml on standards files from a YAML grammar, then mangled (tabs,
                 quotes, brackets, anchors, tags, NUL, BOM, lines cut or doubled), and on
                 arbitrary text;
- yaml-check     the same, as bytes in UTF-8, UTF-8 with a BOM, UTF-16, GBK or at random,
                 through `handbook check`'s core (loader, every rule, every output format);
- csv-bytes      the CSV reader (CsvFile) on arbitrary bytes;
- csv-rows       audit files of whole rows whose cells are drawn from trouble (NUL, BOM,
                 formulas, NaN, huge and full-width numbers, markup), in UTF-8, UTF-16
                 or GB18030, through `handbook score`'s core;
- csv-mangled    those files with bytes inserted, deleted or flipped, through the same core.

An input passes when the code returns (or raises the one documented error: YamlError,
CsvError), every finding names its file and a line and column of at least 1, every
output format renders, and — for csv-rows — every data row is either counted or reported.
Anything else stops the run with the smallest failing input Hypothesis finds (exit 1).
The figures it prints are the ones the README quotes.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as with_seed
from hypothesis import strategies as st

from builder.check import check
from builder.config import Config
from builder.formats import FORMATTERS, SCORE_FORMATTERS
from builder.model.finding import Finding
from builder.model.load import KNOWN_KEYS, MEASURE_KEYS, REQUIRED
from builder.model.yamlsource import YamlError, read_yaml
from builder.project import Project
from builder.scoring.csv_io import CsvError, CsvFile
from builder.scoring.score import score_project
from tests.bad_inputs import lost_rows

ROOT = Path(__file__).resolve().parents[1]

# --- YAML -----------------------------------------------------------------------------------

NASTY = ["", "~", "yes", "no", ".nan", ".inf", "-.inf", "1e400", "9" * 40, "2026-13-01",
         "2026-02-30", "CALL-001", "../../etc/passwd", ".hidden", "<script>alert(1)</script>",
         "[x](javascript:alert(1))", "百分之九十五", "三声内接听", "\x00", "\ufeff", "\ud800",
         "percent", "at_least", "monthly", "sop", "draft", "*a", "&a", "!!binary",
         "| x"]  # fmt: skip
KEYS = [*KNOWN_KEYS, *MEASURE_KEYS, "standards", "text", "effective", "x"]
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30),
    st.sampled_from(NASTY),
)  # fmt: skip
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=6), inner, max_size=6)
    ),
    max_leaves=25,
)
ids = st.one_of(st.sampled_from(["CALL-001", "call-001", "SOP-1", "A.b_c-1"]), scalars)
standard = st.fixed_dictionaries(
    {"id": ids, "title": scalars, "kind": st.sampled_from(["process", "sop", "charter", "x"]),
     "statement": st.one_of(st.sampled_from(NASTY), st.text(max_size=60))},
    optional={key: values for key in KNOWN_KEYS if key not in REQUIRED},
)  # fmt: skip
documents = st.fixed_dictionaries(
    {"standards": st.lists(st.one_of(standard, values), max_size=4)},
    optional={"owner": values, "area": values, "kind": values, "bogus": values},
)
DIRT = ["\t", " ", "  ", ":", ": ", "- ", "[", "]", "{", "}", "&a ", "*a", "!!str ",
        "!!python/name:x ", "'", '"', "\n", "#", "|", ">", "\x00", "\ufeff", "%", "@", "`", "? ",
        ",", "<<: *a\n", "---\n", "...\n", "\\", "\r", "\x85", "\u2028"]  # fmt: skip


def dump(document: dict[str, Any]) -> str:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


@st.composite
def mangled(draw: st.DrawFn, texts: st.SearchStrategy[str]) -> str:
    """`texts` with a few edits: dirt inserted, a slice deleted, a line doubled."""
    text = draw(texts)
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(text)))
        edit = draw(st.sampled_from(["insert", "delete", "double"]))
        if edit == "insert":
            text = text[:at] + draw(st.sampled_from(DIRT)) + text[at:]
        elif edit == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)) :]
        else:
            lines = text.splitlines(keepends=True) or [""]
            i = draw(st.integers(0, len(lines) - 1))
            text = "".join(lines[: i + 1] + lines[i:])
    return text


yaml_texts = st.one_of(mangled(documents.map(dump)), documents.map(dump), st.text(max_size=300))
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "gbk", "latin-1"]


@st.composite
def encoded(draw: st.DrawFn, texts: st.SearchStrategy[str], encodings: list[str]) -> bytes:
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=400))
    return draw(texts).encode(draw(st.sampled_from(encodings)), "replace")


def try_yaml_text(text: str) -> None:
    try:
        problems = read_yaml(text)[1]
    except YamlError as exc:
        problems = [exc.problem]
    for problem in problems:
        assert problem.mark.line >= 1 and problem.mark.column >= 1, problem


class Scratch:
    """One handbook folder, emptied and refilled for every input."""

    def __init__(self, root: Path) -> None:
        self.project = Project(root)
        (root / "mkdocs.yml").write_text("site_name: fuzz\n", encoding="utf-8")

    def fill(self, files: dict[str, bytes]) -> Project:
        for folder in ("standards", "scorecards"):
            shutil.rmtree(self.project.root / folder, ignore_errors=True)
        for rel, data in files.items():
            path = self.project.root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        return self.project


def located(findings: list[Finding] | tuple[Finding, ...], files: dict[str, bytes]) -> None:
    for f in findings:
        assert f.file in files and f.line >= 1 and f.column >= 1, f


def rendered(text: str) -> None:
    text.encode("utf-8")  # what the terminal gets: no lone surrogates


def try_check(scratch: Scratch, data: bytes) -> None:
    files = {"standards/fuzz.yaml": data}
    report = check(scratch.fill(files), config=Config())
    located(report.all_findings, files)
    for format_report in FORMATTERS.values():
        rendered(format_report(report))


# --- CSV --------------------------------------------------------------------------------------

TROUBLE = ["", " ", "CALL-001", "WAIT-001", "call-001", "\ufeffCALL-001", "2026-01", "2026-Q1",
           "2026-W05", "2026-13", "2026-02-30", "9", "10", "0", "-1", "8.5", "1e400", "nan", "inf",
           "-Infinity", "NaN%", "96%", "1,000", "1_000", "0x10", "１２", "٣", "½", "9" * 30,
           "\x00", "A\x00", "\x02wzxhzdk:0\x03", "=1+1", "+1", "-1+1", "@SUM(A1)",
           "<script>alert(1)</script>", "[x](javascript:alert(1))", "城东", "\u3000", "\x1f", "a;b",
           "a\tb", "\x85", "\u2028"]  # fmt: skip
HEADERS = [
    ["standard", "period", "unit", "passed", "total"],
    ["standard", "period", "unit", "value"],
    ["standard", "period", "response", "count"],
    ["标准", "周期", "网点", "通过", "总数", "备注"],
    ["standard", "period", "unit", "passed", "total", "value", "method", "notes"],
]
AUDITED = b"""standards:
  - id: CALL-001
    title: t
    kind: process
    statement: Answer 96% of calls by the third ring.
    measure: {unit: percent, direction: at_least, target: 96, period: monthly}
  - id: WAIT-001
    title: t
    kind: process
    statement: Wait at most 10 minutes.
    measure: {unit: minutes, direction: at_most, target: 10, period: monthly}
  - id: NPS-001
    title: t
    kind: process
    statement: NPS at least 40.
    measure: {unit: nps, direction: at_least, target: 40, method: survey, period: quarterly}
"""
CSV_ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"])
# Any character but the ones that quote or break a row, so that each row stays one line.
whole_row_text = st.characters(codec="utf-8", exclude_characters=',"\r\n')
cells = st.one_of(st.sampled_from(TROUBLE), st.text(whole_row_text, max_size=12))


@st.composite
def csv_rows(draw: st.DrawFn) -> str:
    """A header, then rows of one line each, ragged at times: whole rows, no quoting."""
    header = draw(st.sampled_from(HEADERS))
    width = len(header)
    rows = draw(st.lists(st.lists(cells, min_size=width - 2, max_size=width + 1), max_size=12))
    return "\n".join([",".join(header), *(",".join(row) for row in rows)]) + "\n"


def try_csv_bytes(data: bytes) -> None:
    try:
        csv_file = CsvFile(data)
    except CsvError:
        return
    for record, first, last in csv_file.records():
        csv_file.row(record, first, last)


def try_score(scratch: Scratch, data: bytes, *, whole_rows: bool) -> None:
    files = {"standards/s.yaml": AUDITED, "scorecards/audit.csv": data}
    project = scratch.fill(files)
    report = score_project(project)
    located(report.findings, files)
    for format_scores in SCORE_FORMATTERS.values():
        rendered(format_scores(report))
    if whole_rows:
        assert lost_rows(project) == [], lost_rows(project)


# --- the run ------------------------------------------------------------------------------------

# Bugs already reported and not fixed yet: (exception, file, function) where it is raised.
# Each is counted and the run goes on; a failure anywhere else stops it, and a failing case
# goes into tests/test_bad_inputs.py. Empty: the last one (undecodable bytes with NULs in
# csv_io.decode) is fixed.
KNOWN: dict[tuple[str, str, str], str] = {}
known_seen: dict[tuple[str, str, str], int] = {}


def known(exc: BaseException) -> tuple[str, str, str] | None:
    """The KNOWN bug `exc` is, judged by the last frame of ours it passed through."""
    ours = None
    tb = exc.__traceback__
    while tb is not None:
        path = Path(tb.tb_frame.f_code.co_filename).resolve()
        if path.is_relative_to(ROOT / "builder"):
            ours = (path.relative_to(ROOT).as_posix(), tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    key = (type(exc).__name__, *ours) if ours else None
    return key if key in KNOWN else None


def tolerating_known(attempt: Callable[[Any], None]) -> Callable[[Any], None]:
    def guarded(value: Any) -> None:
        try:
            attempt(value)
        except Exception as exc:
            key = known(exc)
            if key is None:
                raise
            known_seen[key] = known_seen.get(key, 0) + 1

    return guarded


def run(name: str, strategy: st.SearchStrategy[Any], attempt: Callable[[Any], None],
        examples: int, seed: int) -> int:  # fmt: skip
    """Try `examples` inputs from `strategy`; return how many were tried."""
    tried = 0

    @with_seed(seed)
    @settings(max_examples=examples, database=None, deadline=None, phases=[Phase.generate,
              Phase.shrink], suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(strategy)
    def fuzz(value: Any) -> None:
        nonlocal tried
        tried += 1
        tolerating_known(attempt)(value)

    start = time.perf_counter()
    fuzz()
    print(f"  {name:<12} {tried:>7,} inputs  {time.perf_counter() - start:6.1f} s  ok")
    return tried


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000, help="inputs per target")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    n, s = args.examples, args.seed
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Scratch(Path(tmp))
        row_files = st.builds(str.encode, csv_rows(), CSV_ENCODINGS)
        targets: list[tuple[str, st.SearchStrategy[Any], Callable[[Any], None]]] = [
            ("yaml-text", yaml_texts, try_yaml_text),
            ("yaml-check", encoded(yaml_texts, ENCODINGS), lambda d: try_check(scratch, d)),
            ("csv-bytes", st.binary(max_size=600), try_csv_bytes),
            ("csv-rows", row_files, lambda d: try_score(scratch, d, whole_rows=True)),
            (
                "csv-mangled",
                mangled_bytes(row_files),
                lambda d: try_score(scratch, d, whole_rows=False),
            ),
        ]
        print(f"fuzzing with seed {s}, {n:,} inputs per target")
        tried = 0
        try:
            for name, strategy, attempt in targets:
                tried += run(name, strategy, attempt, n, s)
        except Exception as exc:  # the smallest failing input, and where it failed
            traceback.print_exception(exc)
            print(f"FAILED after {tried:,} inputs: {type(exc).__name__}: {exc}", file=sys.stderr)
            sys.exit(1)
    hits = sum(known_seen.values())
    print(f"{tried:,} inputs tried: tracebacks 0, unlocated findings 0, rows lost 0, "
          f"known bugs hit {hits:,}")  # fmt: skip
    for key, count in known_seen.items():
        print(f"  known: {count:,} x {key[0]} in {key[1]} {key[2]}(): {KNOWN[key]}")


@st.composite
def mangled_bytes(draw: st.DrawFn, files: st.SearchStrategy[bytes]) -> bytes:
    data = bytearray(draw(files))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        edit = draw(st.sampled_from(["insert", "delete", "flip"]))
        if edit == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=4))
        elif edit == "delete":
            del data[at : at + draw(st.integers(1, 8))]
        elif at < len(data):
            data[at] ^= 1 << draw(st.integers(0, 7))
    return bytes(data)


if __name__ == "__main__":
    main()
