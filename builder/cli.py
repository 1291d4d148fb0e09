"""The `handbook` command: parse, call one core function, echo, exit. No logic lives here."""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from typing import Any

import click

from builder import __version__
from builder.errors import Unexpected
from builder.model import standard as standard_model

project_option = click.option(
    "-C",
    "--project",
    "project_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Handbook root (the folder with mkdocs.yml). Default: search upwards.",
)


class _Handbook(click.Group):
    """The one place an unexpected exception is caught: a clear message and exit 2.

    Click's own exceptions (usage errors, BuildFailed, exit codes) pass through. Anything
    else is a bug or the environment (a full disk): the user sees what happened in one
    line, and the traceback only with --debug or HANDBOOK_DEBUG=1.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:
            if ctx.params.get("debug") or os.environ.get("HANDBOOK_DEBUG"):
                traceback.print_exc(file=sys.stderr)
            raise Unexpected.of(exc) from None


@click.group(cls=_Handbook, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="handbook")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error.")
def cli(debug: bool) -> None:
    """Write, check and publish service standards."""


@cli.command()
@project_option
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "github", "gitlab"]),
              default="text", show_default=True, help="Output format.")  # fmt: skip
@click.option("--select", multiple=True, help="Only these rule codes or prefixes (repeatable).")
@click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes (repeatable).")
def check(
    project_dir: Path | None,
    paths: tuple[Path, ...],
    fmt: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
) -> None:
    """Lint service standards against the SMART rules and report findings.

    PATHS are YAML files or folders (default: the project's standards/). Exit code 0: no
    error findings; 1: at least one; 2: usage error.
    """
    from builder.check import check as run_check
    from builder.config import load_config
    from builder.formats import FORMATTERS
    from builder.project import Project

    project = Project.find(project_dir)
    config = load_config(project.root).with_flags(select, ignore)
    report = run_check(project, paths, config=config)
    click.echo(FORMATTERS[fmt](report))
    sys.exit(report.exit_code)


@cli.command()
@project_option
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text",
              show_default=True, help="Output format.")  # fmt: skip
def score(project_dir: Path | None, fmt: str) -> None:
    """Score audit results in scorecards/ against each standard's target."""
    from builder.formats import SCORE_FORMATTERS, findings_text
    from builder.project import Project
    from builder.scoring.score import score_project

    report = score_project(Project.find(project_dir))
    if report.findings:
        click.echo(findings_text(report.findings), err=True)
    click.echo(SCORE_FORMATTERS[fmt](report))
    sys.exit(1 if any(f.is_error for f in report.findings) else 0)


@cli.command("audit-template")
@project_option
@click.argument("standards", nargs=-1, required=True)
@click.option("-d", "--dir", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("."), show_default=True, help="Where to write the files.")  # fmt: skip
@click.option("-n", "--name", default="audit-template", show_default=True,
              help="File name without extension: writes NAME.csv and NAME.md.")  # fmt: skip
@click.option("-p", "--period", default=None, help="Pre-fill this period, e.g. 2026-11.")
@click.option("-u", "--unit", "units", multiple=True,
              help="Pre-fill rows for this unit (repeatable), e.g. -u 城东支行.")  # fmt: skip
def audit_template(
    project_dir: Path | None,
    standards: tuple[str, ...],
    out_dir: Path,
    name: str,
    period: str | None,
    units: tuple[str, ...],
) -> None:
    """Write a blank audit CSV and a printable checklist (Markdown) for STANDARDS.

    The CSV has the columns each standard's measure needs (passed/total, value, or survey
    responses); the checklist lists an SOP's steps, or a tally table to fill in by hand.
    """
    from builder.project import Project
    from builder.scoring.template import write_audit_template

    project = Project.find(project_dir)
    for path in write_audit_template(project, standards, out_dir, name, period, units):
        click.echo(f"wrote {path}", err=True)


@cli.command()
@project_option
@click.option("-d", "--site-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the site. Default: <project>/site.")  # fmt: skip
@click.option("--allow-errors", is_flag=True, help="Publish even with error findings.")
@click.option("--all-versions", is_flag=True,
              help="Also build each release tag handbook/<version> not yet built.")  # fmt: skip
def build(
    project_dir: Path | None, site_dir: Path | None, allow_errors: bool, all_versions: bool
) -> None:
    """Build the versioned handbook site (Material for MkDocs)."""
    from builder.progress import terminal_progress
    from builder.project import Project
    from builder.site.build import build as run_build

    project = Project.find(project_dir)
    with terminal_progress() as progress:
        out = run_build(project, site_dir, allow_errors=allow_errors, all_versions=all_versions,
                        progress=progress)  # fmt: skip
    click.echo(f"built {out}", err=True)


@cli.command()
@project_option
@click.option("-d", "--site-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Site folder to serve. Default: <project>/site.")  # fmt: skip
@click.option("-a", "--address", default="127.0.0.1:8000", show_default=True,
              help="host:port to listen on.")  # fmt: skip
@click.option("--no-build", is_flag=True, help="Serve the existing site without rebuilding.")
@click.option("--no-watch", is_flag=True, help="Do not rebuild and reload when files change.")
def serve(
    project_dir: Path | None, site_dir: Path | None, address: str, no_build: bool, no_watch: bool
) -> None:
    """Build the site and serve it on loopback; rebuild and reload pages on every change."""
    from builder.project import Project
    from builder.site.build import build as run_build
    from builder.site.serve import serve_site

    project = Project.find(project_dir)
    target = site_dir or project.root / "site"

    def rebuild() -> None:
        try:
            run_build(project, target, allow_errors=True)
            click.echo("rebuilt", err=True)
        except Exception as exc:  # whatever went wrong, keep serving the last good site
            error = exc if isinstance(exc, click.ClickException) else Unexpected.of(exc)
            click.echo(f"handbook: {error.format_message()}", err=True)

    if not no_build:
        run_build(project, target, allow_errors=True)
    watched = [project.standards_dir, project.scorecards_dir, project.pages_dir,
               project.root / "mkdocs.yml", project.root / "handbook.yml"]  # fmt: skip
    serve_site(target, address, lambda url: click.echo(f"serving {url}  (Ctrl+C stops)"),
               None if no_watch else rebuild, watched)  # fmt: skip


@cli.command("init")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def init_command(directory: Path) -> None:
    """Create a new handbook repository in DIRECTORY that passes `handbook check`."""
    from datetime import date

    from builder.scaffold import init

    for path in init(directory, date.today()):
        click.echo(f"wrote {path}", err=True)
    click.echo(f"next: cd {directory} && handbook check && handbook build", err=True)


@cli.group("new")
def new() -> None:
    """Scaffold new content."""


@new.command("standard")
@project_option
@click.option("--kind", type=click.Choice(standard_model.KINDS),
              prompt="类型 Kind", default="process")  # fmt: skip
@click.option("--area", default="", help="Area (process and personal standards).")
@click.option("--title", prompt="标题 Title")
@click.option("--statement", prompt="标准内容 Statement (what, how much, how fast)")
@click.option("--owner", prompt="负责人 Owner")
@click.option("--tier", type=click.Choice(standard_model.TIERS),
              default="basic", show_default=True)  # fmt: skip
@click.option("--metric", default=None, help="Metric of the measure block.")
@click.option("--unit", type=click.Choice(standard_model.UNITS), default="percent",
              show_default=True)  # fmt: skip
@click.option("--direction", type=click.Choice(standard_model.DIRECTIONS), default="at_least",
              show_default=True)  # fmt: skip
@click.option("--target", type=float, default=None, help="Target level (adds a measure block).")
def new_standard(project_dir: Path | None, kind: str, area: str, title: str, statement: str,
                 owner: str, tier: str, metric: str | None, unit: str, direction: str,
                 target: float | None) -> None:  # fmt: skip
    """Add a well-formed standard to the right file, with a fresh id, dates and a check."""
    from datetime import date

    from builder.check import check
    from builder.formats import to_text
    from builder.project import Project
    from builder.scaffold import NewStandard, add_standard

    areas = standard_model.AREAS_BY_KIND.get(kind)
    if areas and not area:
        area = click.prompt("领域 Area", type=click.Choice(areas))
    std = NewStandard(kind, title, statement, owner, area or None, tier, metric, unit,
                      direction, target)  # fmt: skip
    project = Project.find(project_dir)
    path, sid = add_standard(project, std, date.today())
    click.echo(f"added {sid} to {project.relative(path)}", err=True)
    click.echo(to_text(check(project, [path])))


@cli.command("diff")
@project_option
@click.argument("base", default="HEAD")
@click.argument("head", required=False)
def diff_command(project_dir: Path | None, base: str, head: str | None) -> None:
    """What a change does to the standards, as Markdown for a pull-request comment.

    BASE and HEAD are git revisions (default: HEAD against the working tree).
    """
    from datetime import date

    from builder.project import Project
    from builder.review import review_markdown, review_refs

    project = Project.find(project_dir)
    click.echo(review_markdown(review_refs(project, base, head, date.today())))


@cli.command("codeowners")
@project_option
def codeowners_command(project_dir: Path | None) -> None:
    """Print a CODEOWNERS file built from the standards' owners."""
    from builder.model.load import load_standards
    from builder.project import Project
    from builder.review import codeowners

    click.echo(codeowners(load_standards(Project.find(project_dir)).standards), nl=False)


@cli.command("schema")
@project_option
def schema_command(project_dir: Path | None) -> None:
    """Write schema/standard.schema.json, the JSON Schema editors use for standards files."""
    from builder.atomic import write_atomic
    from builder.model.schema import SCHEMA_PATH, schema_text
    from builder.project import Project

    path = Project.find(project_dir).root / SCHEMA_PATH
    write_atomic(path, schema_text())
    click.echo(f"wrote {path}", err=True)


@cli.command("rule")
@click.argument("code", required=False)
def rule_cmd(code: str | None) -> None:
    """Explain a rule code, or list every rule."""
    from builder.rules import get, load_all

    if code is None:
        for r in sorted(load_all().values(), key=lambda r: r.code):
            click.echo(f"{r.code:<11} {r.name:<26} {r.summary}")
        return
    try:
        r = get(code.upper())
    except KeyError:
        raise click.BadParameter(f"no rule {code!r}; `handbook rule` lists them") from None
    click.echo(f"{r.code} ({r.name}, default {r.severity})\n\n{r.doc}")


def main() -> None:
    """Entry point of the `handbook` command (unexpected errors: see `_Handbook`)."""
    cli.main(standalone_mode=True)
