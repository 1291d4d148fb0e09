"""How a bad input is tried: write the files into a fresh handbook, run one `handbook`
command on it (in-process, or as its own process where memory is capped), and collect what
the user sees; and how audit rows are accounted for (`lost_rows`).

The corpus itself is in tests/test_bad_inputs.py; bench/fuzz_loaders.py counts lost rows
with `lost_rows` too.
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from click.testing import CliRunner

from builder.cli import cli
from builder.project import Project
from tests.conftest import make_handbook

# One finding as `check` and `score` print it: file:line:col: severity CODE message [span]
FINDING_LINE = re.compile(r"^\S+:\d+:\d+: (?:error|warning) [A-Z]+-[A-Z]\d{3} .*$")
OUTSIDE = "{outside}"  # in a link target or an expected line: a folder outside the project
HELP = "    help: "


@dataclass(frozen=True)
class Case:
    """One bad input: the files that hold it, the command run on it, and exactly what the
    user must see. The name says what is wrong."""

    name: str
    files: Mapping[str, str | bytes]
    # Every finding the command prints, in order: its line, and when given here, the help
    # line printed under it ("…\n    help: did you mean 'owner'?"), compared too.
    findings: tuple[str, ...]
    args: tuple[str, ...] = ("check", "--select", "LOAD")
    project: bool = True  # add -C <the handbook> to `args`
    exit_code: int = 1
    error: str | None = None  # the "Error: …" line of a command that stops, if any
    links: Mapping[str, str] = field(default_factory=dict)  # link path -> where it points
    seconds: float = 5.0  # the most the command may take
    # Run as a real process whose address space the OS caps at this size, if given: an
    # input that needed more would end it (MemoryError, exit 2) and fail the case.
    megabytes: int | None = None


@dataclass(frozen=True)
class Outcome:
    exit_code: int
    findings: list[str]
    errors: list[str]  # "Error: …" lines
    output: str  # stdout and stderr, for messages
    crashed: BaseException | None  # an exception that escaped the command, never expected
    seconds: float


def write(case: Case, root: Path, outside: Path) -> Project:
    """The case's handbook in `root`; `outside` is a folder beside it, for links out."""
    outside.mkdir(parents=True, exist_ok=True)
    (outside / "secret.yaml").write_text("standards: []\n", encoding="utf-8")
    (outside / "secret.csv").write_text("standard,period,value\n", encoding="utf-8")
    make_handbook(root, dict(case.files))
    for link, target in case.links.items():
        path = root / link
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target.replace(OUTSIDE, str(outside)), path)
    return Project(root)


def run(case: Case, root: Path, outside: Path) -> Outcome:
    project = write(case, root, outside)
    args = [*case.args, "-C", str(project.root)] if case.project else list(case.args)
    if case.megabytes is not None:
        return run_process(args, case.megabytes)
    return invoke(args)


def invoke(args: list[str]) -> Outcome:
    """`handbook ARGS` in-process, through the same top-level handler as the real command."""
    start = time.perf_counter()
    result = CliRunner().invoke(cli, args)
    seconds = time.perf_counter() - start
    crashed = result.exception if not isinstance(result.exception, SystemExit) else None
    return _outcome(result.exit_code, result.stdout + result.stderr, crashed, seconds)


def run_process(args: list[str], megabytes: int) -> Outcome:
    """`handbook ARGS` as its own process, in at most `megabytes` of address space."""
    limit = megabytes * 2**20

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", "from builder.cli import main; main()", *args],
        capture_output=True,
        text=True,
        preexec_fn=cap,
        timeout=120,
        check=False,
    )
    seconds = time.perf_counter() - start
    return _outcome(proc.returncode, proc.stdout + proc.stderr, None, seconds)


def _outcome(code: int, output: str, crashed: BaseException | None, seconds: float) -> Outcome:
    lines = output.splitlines()
    findings = []
    for line in lines:
        if FINDING_LINE.match(line):
            findings.append(line)
        elif line.startswith(HELP) and findings:
            findings[-1] += "\n" + line
    return Outcome(
        code,
        findings,
        [line for line in lines if line.startswith("Error: ")],
        output,
        crashed,
        seconds,
    )


def as_expected(case: Case, outcome: Outcome, outside: Path) -> tuple[list[str], list[str]]:
    """(what the case expects, what the command printed), each finding's help line kept
    only where the case gives one."""
    wanted = [line.replace(OUTSIDE, str(outside.resolve())) for line in case.findings]
    printed = [
        got if HELP in want else got.split("\n")[0]
        for want, got in zip(wanted, outcome.findings, strict=False)
    ]
    return wanted, printed + outcome.findings[len(wanted) :]


def is_traceback(output: str) -> bool:
    return "Traceback (most recent call last)" in output


# The lines of a CSV file as the csv module counts them (\n, \r\n or \r).
_CSV_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def lost_rows(project: Project) -> list[str]:
    """Data rows of the audit CSVs that were neither counted nor reported, as "file:line".

    A row is counted when an accepted audit row starts on its line, and reported when a
    finding points at its line; a finding about the whole file (unreadable, no header, a
    copy of another file) accounts for all its rows. Each record must sit on one line.
    """
    from builder.model.load import load_standards
    from builder.scoring.audits import audit_files, load_audits

    standards = {s.id: s for s in load_standards(project).standards}
    audits = load_audits(project, standards)
    seen = {(r.file, r.line) for r in audits.rows} | {(f.file, f.line) for f in audits.findings}
    whole = {f.file for f in audits.findings if _about_the_whole_file(f.rule, f.message)}
    lost = []
    for path in audit_files(project):
        rel = project.relative(path)
        if rel in whole:
            continue
        for number in data_lines(path.read_bytes()):
            if (rel, number) not in seen:
                lost.append(f"{rel}:{number}")
    return lost


def _about_the_whole_file(rule: str, message: str) -> bool:
    return rule == "AUDIT-F001" or (rule == "AUDIT-R003" and "row for row" in message)


def data_lines(data: bytes) -> list[int]:
    """The numbers of the lines after the header that hold more than white space between
    delimiters, in the reader's decoding; the delimiter is the header's commonest."""
    from builder.scoring.csv_io import CsvError, decode

    try:
        lines = _CSV_LINES.findall(decode(data))
    except CsvError:
        return []
    header = lines[0] if lines else ""
    delimiter = max((",", ";", "\t"), key=header.count)
    return [n for n, line in enumerate(lines[1:], 2) if line.replace(delimiter, "").strip()]
