"""Does the folder we generate for Material for MkDocs also build with Zensical?

    python -m bench.engine_compat [--zensical PATH] [--ui-theme DIR] [--keep DIR]

Builds the example handbook (a copy of this repository's mkdocs.yml, handbook.yml,
handbook/, standards/ and scorecards/ in a temporary folder; the real build/ and site/ are
not touched) with our own build, so with Material for MkDocs 9.x, and then builds copies of
the same generated folder (build/docs + build/mkdocs.yml):

- with Material directly (`mkdocs build`, not quiet, so its warnings can be listed);
- with Zensical, if an executable is given (--zensical), named in $ZENSICAL, on PATH or in
  /tmp/zensical-venv/bin. Zensical first gets the config exactly as generated, then with
  only docs_dir made relative, then with only site_dir moved inside the config's folder,
  then with both: which settings it rejects, and what it builds;
- with Material again, on the config Zensical accepted: does that change anything for
  Material users?

Prints, side by side: exit code, time, HTML pages, the charts (SVG), CSV downloads and
other files of docs/ found in the output, the search index, tags, heading anchors, links
left pointing at .md files; then the files only one engine wrote, the pages whose article
text differs, and each engine's warnings. Prints, never asserts; installs nothing. Without
Zensical it says how to install it into a separate virtualenv, never into .venv.
"""

from __future__ import annotations

import argparse
import difflib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from builder.project import Project
from builder.site import build as site_build

ROOT = Path(__file__).resolve().parents[1]
PROJECT_FILES = ("mkdocs.yml", "handbook.yml", "handbook", "standards", "scorecards")
SEPARATE_VENV = Path("/tmp/zensical-venv")
TIMEOUT = 600  # seconds, per engine run
INSTALL_HINT = f"""\
Install Zensical into a separate virtualenv (never into .venv, and not into pyproject's
dependencies), then run this again:

    python3 -m venv {SEPARATE_VENV}
    {SEPARATE_VENV}/bin/pip install 'zensical>=0.1,<0.2'
    python -m bench.engine_compat --zensical {SEPARATE_VENV}/bin/zensical

zensical 0.1.x needs the package zensical-ui (its theme). Where the package index does not
serve zensical-ui, install the last release that bundles its theme instead
(`pip install 'zensical==0.0.73'`), or install 0.1.x with `--no-deps` plus its other
dependencies and pass --ui-theme DIR with a theme folder (e.g. the `zensical/templates`
folder of a 0.0.73 install)."""


@dataclass
class Run:
    """One engine run: what it printed, how long it took, where it wrote."""

    label: str
    returncode: int
    seconds: float
    output: str
    site: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and (self.site / "index.html").is_file()

    def reason(self) -> str:
        """The line that says why a failed run failed (Zensical ends on it)."""
        lines = [line.strip() for line in self.output.splitlines() if line.strip()]
        for line in reversed(lines):
            if line.startswith(("Error:", "RuntimeError", "ModuleNotFoundError", "ERROR")):
                return line
            if "Exception" in line.split(":", 1)[0]:
                return line
        return lines[-1] if lines else f"exit code {self.returncode}"


@dataclass
class Summary:
    """What a built site holds, measured the same way for both engines."""

    pages: int = 0
    copied: dict[str, tuple[int, int]] = field(default_factory=dict)  # suffix -> (found, of)
    missing: list[str] = field(default_factory=list)
    search: str = "none"
    search_entries: int = 0
    search_lang: str = ""
    search_separator: str = ""
    segmented: int = 0  # index entries with U+200B, i.e. Chinese split into words at build
    tags_listed: int = 0
    tagged_pages: int = 0
    md_links: int = 0
    anchors: dict[str, list[str]] = field(default_factory=dict)


# --- building -----------------------------------------------------------------------------


class _EngineClock:
    """Wraps the one engine adapter to add up the time spent in it (as bench.build_speed)."""

    def __init__(self, run: Callable[[Path], None]) -> None:
        self.total = 0.0
        self._run = run

    def __call__(self, cfg_file: Path) -> None:
        start = time.perf_counter()
        self._run(cfg_file)
        self.total += time.perf_counter() - start


def build_example(tmp: Path) -> tuple[Path, float, float]:
    """Our own build of a copy of the example; returns its build/ folder, full and engine s."""
    root = tmp / "project"
    root.mkdir()
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        elif source.is_file():
            shutil.copy2(source, root / name)
    original = site_build.run_engine
    clock = _EngineClock(original)
    site_build.run_engine = clock  # measuring the adapter, not replacing it
    try:
        start = time.perf_counter()
        site_build.build(Project(root), root / "site", allow_errors=True)
        full = time.perf_counter() - start
    finally:
        site_build.run_engine = original
    return root / "build", full, clock.total


def config_with(cfg_text: str, docs_dir: str, site_dir: str) -> str:
    """The generated config with only docs_dir and site_dir replaced (as text: the custom
    YAML tags, e.g. the toc slugify, stay byte for byte as generated)."""
    for key, value in (("docs_dir", docs_dir), ("site_dir", site_dir)):
        line = f"{key}: {json.dumps(value)}"  # a JSON string is a YAML double-quoted scalar
        cfg_text, n = re.subn(rf"(?m)^{key}:.*$", line.replace("\\", "\\\\"), cfg_text)
        if not n:
            cfg_text += line + "\n"
    return cfg_text


def copy_folder(build: Path, dest: Path) -> Path:
    dest.mkdir(parents=True)
    shutil.copytree(build / "docs", dest / "docs")
    return dest


def timed(
    label: str, cmd: list[str], cwd: Path, site: Path, env: dict[str, str] | None = None
) -> Run:
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
        )
        code, output = proc.returncode, proc.stdout + proc.stderr
    except subprocess.TimeoutExpired:
        code, output = -1, f"ERROR timed out after {TIMEOUT} s"
    return Run(label, code, time.perf_counter() - start, output, site)


def run_material(folder: Path, cfg_text: str, label: str) -> Run:
    cfg = folder / f"{label}.yml"
    cfg.write_text(cfg_text, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    site = folder / "site-material"
    shutil.rmtree(site, ignore_errors=True)
    cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "--config-file", str(cfg)]
    return timed(label, cmd, folder, site, env)


def zensical_env(ui_theme: Path | None, tmp: Path) -> dict[str, str]:
    """The environment for Zensical; with --ui-theme, a stand-in `zensical_ui` module (the
    package that ships Zensical 0.1's theme) that points at that theme folder."""
    env = dict(os.environ)
    if ui_theme is not None:
        stub = tmp / "zensical-ui-stand-in" / "zensical_ui"
        stub.mkdir(parents=True, exist_ok=True)
        (stub / "__init__.py").write_text(
            '"""Stand-in for zensical-ui, written by bench.engine_compat."""\n\n\n'
            f"def get_theme_dir() -> str:\n    return {str(ui_theme.resolve())!r}\n",
            encoding="utf-8",
        )
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(stub.parent), env.get("PYTHONPATH")]))
    return env


def run_zensical(
    exe: Path, folder: Path, cfg_text: str, label: str, env: dict[str, str], *, clean: bool = True
) -> Run:
    cfg = folder / f"{label}.yml"
    cfg.write_text(cfg_text, encoding="utf-8")
    cmd = [str(exe), "build", "--config-file", str(cfg), *(["--clean"] if clean else [])]
    return timed(label, cmd, folder, folder / "site", env)


def version_of(cmd: list[str]) -> str:
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired) as err:
        return f"? ({err})"
    return (proc.stdout.strip() or proc.stderr.strip() or "?").splitlines()[-1]


def find_zensical(given: str | None) -> Path | None:
    candidates = [
        given,
        os.environ.get("ZENSICAL"),
        shutil.which("zensical"),
        str(SEPARATE_VENV / "bin" / "zensical"),
    ]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return Path(candidate)
        if candidate and candidate == given:
            print(f"--zensical {given}: not an executable file")
            return None
    return None


# --- measuring ----------------------------------------------------------------------------

ARTICLE = re.compile(r"<article[^>]*>(.*?)</article>", re.S)
HEADING_ID = re.compile(r"<h[1-6][^>]*\bid=\"([^\"]+)\"")
HREF = re.compile(r"href=\"([^\"]+)\"")


def _article(page: Path) -> str:
    match = ARTICLE.search(page.read_text(encoding="utf-8"))
    return match.group(1) if match else ""


def _words(fragment: str) -> list[str]:
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split()


def summarise(site: Path, docs: Path) -> Summary:
    out = Summary()
    pages = sorted(site.rglob("*.html"))
    out.pages = len(pages)
    wanted = Counter[str]()
    found = Counter[str]()
    for source in sorted(p for p in docs.rglob("*") if p.is_file() and p.suffix != ".md"):
        name = source.relative_to(docs).as_posix()
        wanted[source.suffix] += 1
        if (site / name).is_file():
            found[source.suffix] += 1
        else:
            out.missing.append(name)
    out.copied = {suffix: (found[suffix], n) for suffix, n in sorted(wanted.items())}
    _search(site, out)
    tags_page = site / "tags" / "index.html"
    if tags_page.is_file():
        out.tags_listed = len(set(re.findall(r"\bid=\"tag:([^\"]+)\"", _article(tags_page))))
    for page in pages:
        rel = page.relative_to(site).as_posix()
        article = _article(page)
        out.tagged_pages += 'class="md-tag' in article and rel != "tags/index.html"
        out.md_links += sum(
            1 for h in HREF.findall(article) if h.split("#")[0].endswith(".md") and "://" not in h
        )
        out.anchors[rel] = HEADING_ID.findall(article)
    return out


def _search(site: Path, out: Summary) -> None:
    """Material writes search/search_index.json ("docs"); Zensical search.json ("items")."""
    for rel, key in (("search/search_index.json", "docs"), ("search.json", "items")):
        path = site / rel
        if not path.is_file():
            continue
        try:
            index = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            out.search = f"{rel} (unreadable)"
            return
        entries = index.get(key, [])
        config = index.get("config", {})
        out.search = rel
        out.search_entries = len(entries)
        out.search_lang = ",".join(config.get("lang", []))
        out.search_separator = str(config.get("separator", ""))
        out.segmented = sum(1 for e in entries if "\u200b" in str(e.get("text", "")))
        return


def output_files(site: Path, docs: Path) -> set[str]:
    """Files an engine wrote that are not its theme's own assets."""
    files = set()
    for path in site.rglob("*"):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and (not rel.startswith("assets/") or (docs / rel).is_file()):
            files.add(rel)
    return files


def text_differences(a: Path, b: Path) -> tuple[int, list[str], list[str]]:
    """Pages whose article text is the same; the same words moved; other differences."""
    same, moved, other = 0, [], []
    for page in sorted(a.rglob("*.html")):
        rel = page.relative_to(a).as_posix()
        twin = b / rel
        if not twin.is_file():
            continue
        x, y = _words(_article(page)), _words(_article(twin))
        if x == y:
            same += 1
            continue
        ops = difflib.SequenceMatcher(None, x, y, autojunk=False).get_opcodes()
        gone = [" ".join(x[i1:i2]) for op, i1, i2, _, _ in ops if op in ("delete", "replace")]
        new = [" ".join(y[j1:j2]) for op, _, _, j1, j2 in ops if op in ("insert", "replace")]
        rest_gone = [g for g in gone if g not in new]
        rest_new = [n for n in new if n not in gone]
        if not rest_gone and not rest_new:
            moved.append(rel)
        else:
            what = "; ".join(
                [f"-{g[:40]!r}" for g in rest_gone[:2]] + [f"+{n[:40]!r}" for n in rest_new[:2]]
            )
            other.append(f"{rel}: {what}")
    return same, moved, other


def warnings_of(run: Run) -> list[str]:
    """Warnings, one line per kind: quoted names are folded, with a count."""
    quiet = (
        "Build started",
        "No issues found",
        "Build finished",
        "INFO",
        "Building prefix",
        "Loading model",
        "Prefix dict",
    )
    kinds = Counter[str]()
    files: dict[str, set[str]] = {}
    for line in run.output.splitlines():
        line = line.strip()
        if not line or line.startswith(quiet) or line.startswith(("File ", "^", "Traceback")):
            continue
        if run.returncode != 0:
            continue  # a failed run is described by its reason, not its traceback
        kind = re.sub(r"'[^']*'", "'…'", line)
        kinds[kind] += 1
        names = re.findall(r"'([^']*)'", line)
        if names:
            files.setdefault(kind, set()).add(names[0])
    out = []
    for kind, n in kinds.most_common():
        where = sorted(files.get(kind, ()))
        also = f" (in {', '.join(where[:4])}{', …' if len(where) > 4 else ''})" if where else ""
        out.append(f"{n:4} × {kind}{also}")
    return out


# --- printing -----------------------------------------------------------------------------


def _cell(run: Run | None, summary: Summary | None, row: str) -> str:
    if run is None:
        return "-"
    if not run.ok:
        return {"exit code": str(run.returncode), "time (s)": f"{run.seconds:.2f}"}.get(
            row, "(failed)"
        )
    assert summary is not None
    copied = summary.copied
    values = {
        "exit code": str(run.returncode),
        "time (s)": f"{run.seconds:.2f}",
        "HTML pages": str(summary.pages),
        "charts (.svg)": "{}/{}".format(*copied.get(".svg", (0, 0))),
        "downloads (.csv)": "{}/{}".format(*copied.get(".csv", (0, 0))),
        "other docs files": "{}/{}".format(
            sum(f for s, (f, _) in copied.items() if s not in (".svg", ".csv")),
            sum(n for s, (_, n) in copied.items() if s not in (".svg", ".csv")),
        ),
        "search index": summary.search,
        "  entries": str(summary.search_entries),
        "  lang": summary.search_lang,
        "  Chinese split at build": f"{summary.segmented} entries",
        "tags on the tags page": str(summary.tags_listed),
        "pages showing tags": str(summary.tagged_pages),
        "links left to .md": str(summary.md_links),
    }
    return values.get(row, "")


def print_table(columns: list[tuple[str, Run | None, Summary | None]]) -> None:
    rows = [
        "exit code",
        "time (s)",
        "HTML pages",
        "charts (.svg)",
        "downloads (.csv)",
        "other docs files",
        "search index",
        "  entries",
        "  lang",
        "  Chinese split at build",
        "tags on the tags page",
        "pages showing tags",
        "links left to .md",
    ]
    width = max(24, *(len(name) for name, _, _ in columns))
    print(f"{'':26}" + "".join(f"{name:<{width + 2}}" for name, _, _ in columns))
    for row in rows:
        cells = [_cell(run, summary, row) for _, run, summary in columns]
        print(f"{row:26}" + "".join(f"{c:<{width + 2}}" for c in cells))


def print_list(title: str, items: Iterable[str], limit: int = 12) -> None:
    items = list(items)
    print(f"\n{title}: {len(items) if items else 'none'}")
    for item in items[:limit]:
        print(f"  {item}")
    if len(items) > limit:
        print(f"  … and {len(items) - limit} more")


# --- main ---------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zensical", help="path of the zensical executable (separate venv)")
    parser.add_argument(
        "--ui-theme", type=Path, help="theme folder to stand in for a missing zensical-ui package"
    )
    parser.add_argument("--keep", type=Path, help="keep the folders built here (must not exist)")
    args = parser.parse_args()
    if args.keep is not None and args.keep.exists():
        parser.error(f"--keep {args.keep}: already exists")
    with tempfile.TemporaryDirectory(prefix="engine-compat-") as name:
        tmp = Path(name)
        compare(tmp, args.zensical, args.ui_theme)
        if args.keep is not None:
            shutil.copytree(tmp, args.keep, symlinks=True)
            print(f"\nkept: {args.keep}")


def compare(tmp: Path, given: str | None, ui_theme: Path | None) -> None:
    material_version = (
        f"mkdocs {metadata.version('mkdocs')}, "
        f"mkdocs-material {metadata.version('mkdocs-material')}"
    )
    print(f"Material: {material_version}")
    build, full, engine = build_example(tmp)
    cfg_text = (build / "mkdocs.yml").read_text(encoding="utf-8")
    pages = sum(1 for _ in (build / "docs").rglob("*.md"))
    print(
        f"our build of the example: {full:.2f} s, of which the engine (mkdocs build, quiet) "
        f"{engine:.2f} s; {pages} Markdown pages in build/docs"
    )

    mat = copy_folder(build, tmp / "material")
    material = run_material(
        mat,
        config_with(cfg_text, str(mat / "docs"), str(mat / "site-material")),
        "material-as-generated",
    )
    material_summary = summarise(material.site, mat / "docs") if material.ok else None
    columns: list[tuple[str, Run | None, Summary | None]] = [
        ("Material", material, material_summary)
    ]

    exe = find_zensical(given)
    if exe is None:
        print_table(columns)
        print_list("Material warnings", warnings_of(material))
        print("\nZensical was not found.")
        print(INSTALL_HINT)
        return
    zensical_version = version_of([str(exe), "--version"])
    print(
        f"Zensical: {zensical_version} ({exe})"
        + (f"; theme stand-in for zensical-ui: {ui_theme}" if ui_theme else "")
    )
    zen = copy_folder(build, tmp / "zensical")
    env = zensical_env(ui_theme, tmp)
    outside = str(tmp / "staging-outside" / "site")  # where our build stages: not in build/
    probes = [
        ("as generated (absolute docs_dir, site_dir outside)", str(zen / "docs"), outside),
        ("docs_dir relative, site_dir outside", "docs", outside),
        ("absolute docs_dir, site_dir inside", str(zen / "docs"), "site"),
    ]
    print("\nZensical on the generated config:")
    for n, (what, docs_dir, site_dir) in enumerate(probes, 1):
        probe = run_zensical(exe, zen, config_with(cfg_text, docs_dir, site_dir), f"probe-{n}", env)
        verdict = "builds" if probe.ok else f"rejected: {probe.reason()}"
        print(f"  {n}. {what:52} {verdict}")
        if "No module named 'zensical_ui'" in probe.output:
            print("\nZensical cannot start: its theme package zensical-ui is not installed.")
            print(INSTALL_HINT)
            print()
            print_table(columns)
            print_list("Material warnings", warnings_of(material))
            return
    ready = config_with(cfg_text, "docs", "site")
    zensical = run_zensical(exe, zen, ready, "zensical-ready", env)
    print(
        f"  4. {'docs_dir relative, site_dir inside':52} "
        f"{'builds' if zensical.ok else 'rejected: ' + zensical.reason()}"
    )
    rebuild = run_zensical(exe, zen, ready, "zensical-ready", env, clean=False)
    zensical_summary = summarise(zensical.site, zen / "docs") if zensical.ok else None
    columns.append((f"Zensical {zensical_version}", zensical, zensical_summary))

    again = run_material(zen, config_with(ready, "docs", "site-material"), "material-ready")
    print()
    print_table(columns)
    if rebuild.ok:
        print(f"{'  unchanged rebuild':26}{rebuild.seconds:.2f} s (its own cache)")

    print("\nMaterial on the config Zensical accepted (docs_dir relative):", end=" ")
    if again.ok and material.ok:
        a, b = output_files(material.site, mat / "docs"), output_files(again.site, zen / "docs")
        changed = sorted(
            r for r in a & b if (material.site / r).read_bytes() != (again.site / r).read_bytes()
        )
        identical = not changed and a == b
        print(
            f"{'identical output' if identical else 'differs'} ({len(a)} files compared,"
            f" {again.seconds:.2f} s){'' if identical else ': ' + ', '.join(changed[:5])}"
        )
    else:
        print(f"failed: {again.reason()}")

    if material_summary and zensical_summary:
        a = output_files(material.site, mat / "docs")
        b = output_files(zensical.site, zen / "docs")
        print_list("Files only Material wrote (theme assets aside)", sorted(a - b))
        print_list("Files only Zensical wrote (theme assets aside)", sorted(b - a))
        print_list("docs/ files missing from the Zensical output", zensical_summary.missing)
        same_anchors = sum(
            1
            for rel, ids in material_summary.anchors.items()
            if zensical_summary.anchors.get(rel) == ids
        )
        print(f"\nHeading anchors identical on {same_anchors} of {material_summary.pages} pages")
        same, moved, other = text_differences(material.site, zensical.site)
        print(
            f"Article text identical on {same} of {material_summary.pages} pages; "
            f"same words in another order on {len(moved)} (e.g. where the tags are shown)"
        )
        print_list("Pages whose article text differs otherwise", other, limit=6)
        if material_summary.search_separator != zensical_summary.search_separator:
            print("\nThe search separator differs between the two indexes.")
    print_list("Material warnings", warnings_of(material))
    print_list("Zensical warnings", warnings_of(zensical) if zensical.ok else [zensical.reason()])


if __name__ == "__main__":
    main()
