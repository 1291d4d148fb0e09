"""`handbook build`: gather everything, write Markdown + mkdocs.yml, run the engine, publish.

Order matters: everything is checked and generated before anything is published, and the
published `site/` is replaced in one rename at the end. A failing build leaves the
previous site untouched.
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field, replace
from datetime import date
from importlib import metadata
from pathlib import Path
from typing import Any

from builder.atomic import write_atomic
from builder.check import check_loaded
from builder.config import Config, load_config
from builder.errors import BuildFailed
from builder.model.load import load_standards
from builder.model.report import Report
from builder.model.schema import SCHEMA_PATH, schema_text
from builder.model.standard import Standard
from builder.progress import Step, silent
from builder.project import Project
from builder.releases import Release, export, releases
from builder.rules import load_all
from builder.scoring.audits import load_audits
from builder.scoring.score import Result, score
from builder.scoring.summary import GroupShare, summarise
from builder.site import labels as L
from builder.site import mkdocs_config, pages, reader, scorecard_report
from builder.site.chart_cache import ChartCache
from builder.site.charts import cache_salt, heatmap_svg, overview_svg, trend_svg, write_if_changed
from builder.site.flowchart import flowchart_svg
from builder.site.lineage import Lineage, lineage
from builder.site.markdown import front_matter, html_text, text
from builder.site.pages import Scorecard

ASSETS = Path(__file__).with_name("assets")


@dataclass(frozen=True)
class Handbook:
    """Everything the site shows, gathered before anything is written."""

    project: Project
    config: Config
    report: Report
    results: list[Result]
    today: date
    lineage: Lineage = field(default_factory=Lineage)


def gather(
    project: Project, config: Config, today: date | None = None, repo: Path | None = None
) -> Handbook:
    """Load, check and score; `repo` is where the release tags are (default: the project)."""
    loaded = load_standards(project)
    standards = {s.id: s for s in loaded.standards}
    audits = load_audits(project, standards)  # read once: for findings and for scoring
    day = today or date.today()
    results = score(audits.rows, standards, config)  # once: for SMART-A003 and scorecards
    report = check_loaded(loaded, audits, config, day, results)
    line = lineage(repo or project.root, config.version, loaded.standards)
    return Handbook(project, config, report, results, day, line)


def build(
    project: Project,
    site_dir: Path | None = None,
    *,
    allow_errors: bool = False,
    today: date | None = None,
    all_versions: bool = False,
    progress: Step = silent,
) -> Path:
    """Build the site into `site_dir` (default: <root>/site) and return the version folder.

    With `all_versions`, every release tag (handbook/<version>) not yet in the site is built
    first, from its own files, oldest first; versions already published are reused.
    """
    target = (site_dir or project.root / "site").resolve()
    _sweep_leftovers(target)
    built = []
    if all_versions:
        for release in releases(project.root):
            if not (target / _safe_version(release.version)).is_dir():
                progress(f"building release {release.version}")
                _build_release(project, release, target, today)
                built.append(release)
    config = load_config(project.root)
    # a release just published took the "latest" alias: the working tree must take it back
    return _build_version(project, config, target, allow_errors, today, force=bool(built),
                          progress=progress)  # fmt: skip


def _build_release(project: Project, release: Release, target: Path, today: date | None) -> None:
    """A release as it was tagged, into target/<version>; its own errors do not stop it."""
    with tempfile.TemporaryDirectory(prefix="handbook-release-") as tmp:
        root = export(project.root, release, Path(tmp) / "project")
        config = replace(load_config(root), version=release.version, version_title=None)
        _build_version(Project(root), config, target, True, today,
                       repo=project.root, work=Path(tmp) / "build")  # fmt: skip


def _build_version(
    project: Project,
    config: Config,
    target: Path,
    allow_errors: bool,
    today: date | None,
    *,
    repo: Path | None = None,
    work: Path | None = None,
    force: bool = False,
    progress: Step = silent,
) -> Path:
    progress("loading, checking and scoring")
    handbook = gather(project, config, today, repo)
    if handbook.report.errors and not allow_errors:
        first = [f for f in handbook.report.all_findings if f.is_error][:10]
        lines = "\n".join(f"  {f.file}:{f.line}:{f.column}: {f.rule} {f.message}" for f in first)
        raise BuildFailed(
            f"the handbook has {handbook.report.errors} error finding(s); nothing was published.\n"
            f"{lines}\nFix them (see `handbook check`) or build with --allow-errors."
        )
    work = work or project.root / "build"
    docs = work / "docs"
    cache = ChartCache(work / "chart-cache", cache_salt())
    progress("writing pages and charts")
    nav = write_docs(handbook, docs, cache)
    cache.prune()
    version = _safe_version(config.version)
    user = mkdocs_config.read_user_config(project.root / "mkdocs.yml")
    final = mkdocs_config.generate(user, docs, target / version, nav, config.version, work)
    stamp = _Stamp(work / "last-build.json", target / version, _fingerprint(docs, final))
    if stamp.unchanged() and not force:
        return target / version  # same pages, same config, same engine: nothing to do
    staging = _staging_folder(target)
    try:
        cfg_file = work / "mkdocs.yml"
        cfg_text = mkdocs_config.generate(user, docs, staging / version, nav, config.version, work)
        write_if_changed(cfg_file, cfg_text)
        progress("building the site (MkDocs)")
        run_engine(cfg_file)
        publish_versions(staging, target, config)
        _swap(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    stamp.save()
    return target / version


def _fingerprint(docs: Path, cfg_text: str) -> str:
    """What the engine's output depends on: every page, the config and the engine itself."""
    digest = hashlib.sha256(cfg_text.encode("utf-8"))
    for package in ("mkdocs", "mkdocs-material", "pymdown-extensions"):
        digest.update(f"{package}={metadata.version(package)}".encode())
    for path in sorted(p for p in docs.rglob("*") if p.is_file()):
        digest.update(path.relative_to(docs).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class _Stamp:
    """The fingerprint of the last published build of a version, kept beside its pages."""

    file: Path
    target: Path
    fingerprint: str

    def unchanged(self) -> bool:
        try:
            last = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        same = last == {"target": str(self.target), "fingerprint": self.fingerprint}
        return same and (self.target / "index.html").is_file()

    def save(self) -> None:
        record = {"target": str(self.target), "fingerprint": self.fingerprint}
        write_atomic(self.file, json.dumps(record))


def _safe_version(version: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9._-]+", version) or version in (".", ".."):
        raise BuildFailed(f"version {version!r} in handbook.yml must be like 2026.1")
    return version


def run_engine(cfg_file: Path) -> None:
    """The one place that knows the engine: Material for MkDocs 9.x, in a subprocess."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--config-file", str(cfg_file)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    output = (proc.stderr + proc.stdout).strip().splitlines()
    if proc.returncode != 0:
        raise BuildFailed("the site engine (mkdocs) failed:\n" + "\n".join(output[-15:]))
    for line in output:  # a broken link in a hand-written page, say: shown, not fatal
        if line.startswith("WARNING"):
            print(f"handbook: engine {line}", file=sys.stderr)


def publish_versions(staging: Path, target: Path, config: Config) -> None:
    """Keep older versions already published, then write versions.json and redirects."""
    current = config.version
    entries = [{"version": current, "title": config.version_title or current,
                "aliases": ["latest"]}]  # fmt: skip
    old_index = target / "versions.json"
    if old_index.is_file():
        try:
            old = json.loads(old_index.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            old = []
        for entry in old if isinstance(old, list) else []:
            name = str(entry.get("version", "")) if isinstance(entry, dict) else ""
            if name and name != current and (target / name).is_dir():
                shutil.copytree(target / name, staging / name)
                entries.append({"version": name, "title": entry.get("title", name), "aliases": []})
    (staging / "versions.json").write_text(json.dumps(entries, ensure_ascii=False, indent=2))
    (staging / "index.html").write_text(_redirect(f"{current}/"), encoding="utf-8")
    (staging / "latest").mkdir()
    (staging / "latest" / "index.html").write_text(_redirect(f"../{current}/"), encoding="utf-8")


def _redirect(url: str) -> str:
    return (
        '<!doctype html>\n<html lang="zh"><head><meta charset="utf-8">'
        f'<title>Redirecting…</title><meta http-equiv="refresh" content="0; url={url}">'
        f'<link rel="canonical" href="{url}"></head>'
        f'<body><a href="{url}">{url}</a></body></html>\n'
    )


# --- publishing: the site folder is replaced in one step --------------------------------
#
# A build stages the new site in a sibling folder named after its process, then swaps it
# in. A build killed midway leaves its staging folder behind, never a half site: the next
# build removes what dead builds left.

_LEFTOVER = re.compile(r"\.(?P<name>.+)-(?P<what>new|old)-(?P<pid>\d+)(?:-[0-9a-f]+)?")
_RENAME_EXCHANGE = 2  # linux/fs.h
_AT_FDCWD = -100


def _staging_folder(target: Path) -> Path:
    """A fresh folder beside `target`; readable as the umask allows (mkdtemp's is private,
    and it becomes the published site)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(f".{target.name}-new-{os.getpid()}-{secrets.token_hex(4)}")
    staging.mkdir(0o777)
    return staging


def _sweep_leftovers(target: Path) -> None:
    """Remove staging folders of builds that died; bring back a site a dead build had
    moved aside (the fallback swap's two renames, killed between them)."""
    if not target.parent.is_dir():
        return
    for path in sorted(target.parent.glob(f".{target.name}-*")):
        found = _LEFTOVER.fullmatch(path.name)
        if not found or found["name"] != target.name or _alive(int(found["pid"])):
            continue
        if found["what"] == "old" and not target.exists():
            path.rename(target)
        else:
            shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def _swap(staging: Path, target: Path) -> None:
    """Publish `staging` as `target` in one step, then remove the old site."""
    if not target.exists():
        staging.rename(target)
    elif _exchange(staging, target):
        shutil.rmtree(staging, ignore_errors=True)  # it now holds the old site
    else:
        old = target.with_name(f".{target.name}-old-{os.getpid()}")
        target.rename(old)
        staging.rename(target)
        shutil.rmtree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically (Linux's renameat2 with RENAME_EXCHANGE), so that the
    site is never missing, not even between two renames. False where that is unsupported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # not Linux, or a C library without it
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                          ctypes.c_uint]  # fmt: skip
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):  # the file system can't
        return False
    raise OSError(code, os.strerror(code), str(b))


# --- the Markdown tree --------------------------------------------------------------------


def write_docs(handbook: Handbook, docs: Path, cache: ChartCache) -> list[Any]:
    """Write every page into `docs` (stale files removed) and return the nav.

    Charts come through `cache`: only charts whose data changed are drawn.
    """
    files: dict[str, str | bytes] = {}
    nav: list[Any] = []
    prose = _prose_pages(handbook.project.pages_dir)
    for rel, data in prose.items():
        files[rel] = data
    for asset in sorted(ASSETS.iterdir()):  # our stylesheets, named in the generated config
        files[f"assets/handbook/{asset.name}"] = asset.read_bytes()
    files[SCHEMA_PATH] = schema_text()  # editors may point at the published copy
    if "index.md" not in files:
        files["index.md"] = f"# {L.KIND['charter']}\n"
    nav.append({"首页 Home": "index.md"})
    for rel in sorted(r for r in prose if r.endswith(".md") and r != "index.md"):
        nav.append({_title(prose[rel], rel): rel})

    results = list(handbook.report.results)
    standards = {r.standard.id: r.standard for r in results}
    cards = {c.standard.id: c for c in pages.scorecards(handbook.results, standards)}
    files["standards/index.md"] = pages.standards_index(results)
    std_nav: list[Any] = ["standards/index.md"]
    for kind in pages.KIND_ORDER:
        group = sorted((r for r in results if r.standard.kind == kind), key=lambda r: r.standard.id)
        for r in group:
            card = cards.get(r.standard.id)
            page = pages.standard_page(r, card, standards.keys())
            tags = reader.front_matter(r.standard, handbook.config.roles, _label(r.standard))
            files[pages.page_path(r.standard)] = (
                tags + page + _more(files, r.standard, handbook, cache)
            )
        if group:
            std_nav.append({L.KIND[kind]: [{_entry(r.standard): pages.page_path(r.standard)}
                                           for r in group]})  # fmt: skip
    nav.append({"标准 Standards": std_nav})
    for by in ("kind", "area", "tier"):
        files[f"by/{by}.md"] = pages.grouped_index(results, by)
    nav.append({"索引 Indexes": [{"按类型 By kind": "by/kind.md"}, {"按领域 By area": "by/area.md"},
                                 {"按层级 By tier": "by/tier.md"}]})  # fmt: skip
    shares = summarise(handbook.results, standards)
    card_nav = scorecard_files(files, list(cards.values()), shares, cache)
    nav.append({"记分卡 Scorecards": card_nav})
    files["flagged.md"] = pages.flagged_page(results)
    nav.append({"待改进 Flagged": "flagged.md"})
    files["health.md"] = pages.health_page(handbook.report)
    nav.append({"健康度 Health": "health.md"})
    nav += _reader_files(files, handbook)
    rules = sorted(load_all().values(), key=lambda r: r.code)
    files["rules/index.md"] = pages.rules_index(rules)
    for rule in rules:
        files[f"rules/{rule.code}.md"] = pages.rule_page(rule)
    nav.append({"规则 Rules": ["rules/index.md", *({r.code: f"rules/{r.code}.md"} for r in rules)]})
    _write_tree(docs, files)
    return nav


def scorecard_files(
    files: dict[str, str | bytes],
    cards: list[Scorecard],
    shares: list[GroupShare],
    cache: ChartCache,
) -> list[Any]:
    """Scorecard pages with their charts and CSVs, the index with the area overview, and
    the monthly report; returns their nav."""
    overview = scorecard_report.area_overview(shares)
    overview_chart = "charts/summary/areas.svg"
    files[f"scorecards/{overview_chart}"] = cache.svg(
        overview_svg, scorecard_report.OVERVIEW_TITLE, overview.periods, overview.groups
    )
    section = scorecard_report.overview_section(overview, overview_chart)
    files["scorecards/index.md"] = pages.scorecard_index(cards, section)
    files["scorecards/report.md"] = scorecard_report.report_page(cards)
    nav: list[Any] = ["scorecards/index.md", {"月度报告 Monthly report": "scorecards/report.md"}]
    for card in cards:
        slug = card.standard.slug
        trend, heatmap = f"charts/{slug}.svg", f"charts/units/{slug}.svg"
        files[f"scorecards/{trend}"] = cache.svg(trend_svg, card.standard, card.org, card.units)
        if card.units:
            periods = [r.period.label for r in card.org]
            files[f"scorecards/{heatmap}"] = cache.svg(
                heatmap_svg, card.standard, card.units, periods
            )
        files[f"scorecards/{slug}.csv"] = scorecard_report.scorecard_csv(card)
        files[f"scorecards/{slug}.md"] = front_matter(_label(card.standard)) + pages.scorecard_page(
            card, trend, heatmap if card.units else None, f"{slug}.csv"
        )
        nav.append({_entry(card.standard): f"scorecards/{slug}.md"})
    return nav


def _more(files: dict[str, str | bytes], std: Standard, handbook: Handbook,
          cache: ChartCache) -> str:  # fmt: skip
    """What follows the standard page: an SOP's flowchart, the standard's history."""
    out = ""
    if std.steps:
        chart = f"charts/{std.slug}.svg"
        files[f"standards/{chart}"] = cache.svg(flowchart_svg, std)
        alt = f"{std.id} 流程图 flowchart: " + "; ".join(s.text.value for s in std.steps)
        out += f"\n## 流程图 Flowchart\n\n![{text(alt)}]({chart})\n"
    history = reader.history_section(handbook.lineage.history.get(std.id, []))
    return out + (f"\n{history}" if history else "")


def _reader_files(files: dict[str, str | bytes], handbook: Handbook) -> list[Any]:
    """What changed, review due, owners, journey and role indexes, the print page."""
    standards = [r.standard for r in handbook.report.results]
    line = handbook.lineage
    files["changes.md"] = reader.changes_page(handbook.config.version, line.previous, line.changes)
    files["review.md"] = reader.review_due_page(standards, handbook.today)
    files["owners.md"] = reader.owners_page(standards)
    files["by/journey.md"] = reader.journey_page(standards)
    files["by/role.md"] = reader.roles_page(standards, handbook.config.roles)
    files["print.md"] = reader.print_page(standards)
    files["tags.md"] = reader.TAGS_PAGE
    return [
        {"版本变更 What changed": "changes.md"},
        {"待复审 Review due": "review.md"},
        {"负责人 Owners": "owners.md"},
        {"按旅程与岗位 Journey & roles": ["by/journey.md", "by/role.md", "tags.md"]},
        {"打印版 Print": "print.md"},
    ]


def _label(std: Standard) -> str:
    return f"{std.id} {std.title.value}"


def _entry(std: Standard) -> str:
    """The standard in the navigation. Material prints a page's title as HTML (in the
    navigation, the header, the footer and the search results), so it is escaped; the
    page's front matter carries the same title, which Material puts in <title> as it is
    (for a title from the navigation it strips tags and so unescapes "&lt;script&gt;")."""
    return html_text(_label(std))


def _prose_pages(folder: Path) -> dict[str, str | bytes]:
    if not folder.is_dir():
        return {}
    out: dict[str, str | bytes] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(folder).as_posix()
        out[rel] = (
            path.read_text(encoding="utf-8-sig") if path.suffix == ".md" else path.read_bytes()
        )
    return out


def _title(page: str | bytes, rel: str) -> str:
    text = page.decode("utf-8", "replace") if isinstance(page, bytes) else page
    for line in text.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return Path(rel).stem.replace("-", " ").capitalize()


def _write_tree(root: Path, files: dict[str, str | bytes]) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for rel, content in files.items():
        path = root / rel
        if isinstance(content, bytes):
            if not path.exists() or path.read_bytes() != content:
                write_atomic(path, content)
        else:
            write_if_changed(path, content)
    wanted = {root / rel for rel in files}
    for path in sorted(root.rglob("*"), reverse=True):
        if path.is_file() and path not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
