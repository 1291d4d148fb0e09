"""Scorecard trend charts: matplotlib, headless, SVG, CJK text, byte-identical rebuilds."""

from __future__ import annotations

import hashlib
import io
import math
import re
import sys
import warnings
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")

from matplotlib import font_manager
from matplotlib import pyplot as plt
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle

from builder.atomic import write_atomic
from builder.errors import BuildFailed
from builder.model.standard import Measure, Standard
from builder.scoring.score import Result
from builder.site import labels, markdown
from builder.site.labels import STATUS, UNIT
from builder.site.markdown import number

# Real CJK fonts, in order of preference; the set-up command installs WenQuanYi Micro Hei.
CJK_FONTS = ("Noto Sans CJK SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Source Han Sans SC")
# Okabe–Ito: distinguishable with every common colour-vision deficiency.
COLOURS = {"green": "#009E73", "amber": "#E69F00", "red": "#D55E00", "no-data": "#999999"}
MARKERS = {"green": "o", "amber": "^", "red": "X", "no-data": "."}
LINE = "#0072B2"


@cache
def cjk_font() -> str:
    for fresh in (False, True):
        if fresh:  # the font may have been installed after matplotlib cached its font list
            font_manager.fontManager = font_manager._load_fontmanager(try_read_cache=False)  # type: ignore[attr-defined]
        available = {f.name for f in font_manager.fontManager.ttflist}
        for name in CJK_FONTS:
            if name in available:
                return name
    raise BuildFailed(
        "no CJK font found for the charts (looked for "
        + ", ".join(CJK_FONTS)
        + "); install one, e.g. `apt-get install fonts-wqy-microhei`, then build again"
    )


def cache_salt() -> str:
    """What decides a chart's bytes besides its data: the drawing code, matplotlib, the font.

    The code is hashed rather than versioned by hand, so no edit can leave stale charts.
    """
    code = hashlib.sha256()
    for module in (sys.modules[__name__], labels, markdown):
        code.update(Path(str(module.__file__)).read_bytes())
    return f"code {code.hexdigest()[:16]}; matplotlib {matplotlib.__version__}; font {cjk_font()}"


def _style() -> Any:  # matplotlib types rc keys as literals; this is a plain dict
    return {
        "font.family": [cjk_font(), "DejaVu Sans"],
        "axes.unicode_minus": False,
        "svg.hashsalt": "handbook",  # stable element ids: same data, same bytes
        "svg.fonttype": "path",  # glyphs as paths: no font needed in the reader's browser
        "figure.dpi": 100,
    }


def _y(result: Result) -> float:
    return math.nan if result.achieved is None else result.achieved


def _targets(ax: Any, xs: list[int], org: Sequence[Result], m: Measure | None) -> None:
    """The target in force each period (a step when the owner raised it), amber band below."""
    if m is None or m.target is None:
        return
    targets = [m.target if r.target is None else r.target for r in org]
    ambers = [m.amber if r.target is None else r.amber for r in org]
    if len(set(targets)) <= 1 and len(set(ambers)) <= 1:
        target, amber = (targets or [m.target])[0], (ambers or [m.amber])[0]
        ax.axhline(target, color="#333333", linestyle="--", linewidth=1.2,
                   label=f"标准 target {target:g}")  # fmt: skip
        if amber is not None:
            ax.axhspan(min(target, amber), max(target, amber), color=COLOURS["amber"],
                       alpha=0.15, label=f"警戒 amber {amber:g}")  # fmt: skip
        return
    ax.step(xs, targets, where="mid", color="#333333", linestyle="--", linewidth=1.2,
            label=f"标准 target (按期 as in force) → {targets[-1]:g}")  # fmt: skip
    if all(a is not None for a in ambers):
        ax.fill_between(xs, targets, [a for a in ambers if a is not None], step="mid",
                        color=COLOURS["amber"], alpha=0.15, label="警戒 amber")  # fmt: skip


def trend_svg(std: Standard, org: Sequence[Result], units: dict[str, list[Result]]) -> str:
    """Achieved vs target over periods, amber band shaded, latest value labelled.

    `org` is the organisation-level series (one result per period); `units` the per-unit
    series. Status shows by marker shape as well as colour.
    """
    m = std.measure
    title = f"{std.id} {std.title.value}"
    with figure(std.id, figsize=(7.2, 3.4)) as (fig, ax):
        labels = [r.period.label for r in org]
        xs = list(range(len(labels)))
        for name, series in sorted(units.items()):
            pos = [labels.index(r.period.label) for r in series if r.period.label in labels]
            ys = [_y(r) for r in series if r.period.label in labels]
            ax.plot(pos, ys, color="#BBBBBB", linewidth=1, zorder=1)
            if pos:
                ax.annotate(name, (pos[-1], ys[-1]), fontsize=7, color="#777777",
                            xytext=(4, 0), textcoords="offset points", va="center")  # fmt: skip
        ys = [_y(r) for r in org]
        ax.plot(xs, ys, color=LINE, linewidth=2, zorder=2, label="实际 achieved")
        for x, r in zip(xs, org, strict=True):
            ax.scatter([x], [_y(r)], s=60, zorder=3, color=COLOURS[r.status],
                       marker=MARKERS[r.status], edgecolors="white", linewidths=0.8)  # fmt: skip
        _targets(ax, xs, org, m)
        if org and org[-1].achieved is not None:
            last = org[-1]
            ax.annotate(f"{last.achieved:.1f}", (xs[-1], last.achieved), xytext=(0, 9),
                        textcoords="offset points", ha="center", fontsize=9)  # fmt: skip
        ax.set_xticks(xs, labels, fontsize=8)
        unit = UNIT.get(m.unit or "", "") if m else ""
        ax.set_ylabel(unit, fontsize=8)
        ax.set_title(title, fontsize=10, loc="left")
        ax.spines[["top", "right"]].set_visible(False)
        ax.grid(axis="y", color="#EEEEEE")
        ax.legend(fontsize=7, loc="best", frameon=False)
        fig.tight_layout()
        return svg_text(fig, f"{title} 趋势 trend")


def heatmap_svg(
    std: Standard, units: Mapping[str, Sequence[Result]], periods: Sequence[str]
) -> str:
    """Units × periods: each cell prints its value and status mark on the status colour.

    Mark and legend carry the status too, so the chart reads without telling colours apart;
    a unit not audited in a period is an empty cell.
    """
    names = sorted(units)
    measure_unit = std.measure.unit if std.measure else None
    title = f"{std.id} {std.title.value} · 各单位 by unit"
    name_width = 0.4 + 0.13 * max((len(n) for n in names), default=0)
    size = (name_width + 0.4 + 0.85 * len(periods), 1.1 + 0.34 * len(names))
    with figure(std.id, figsize=size) as (fig, ax):
        shown: set[str] = set()
        for row, name in enumerate(names):
            by_period = {r.period.label: r for r in units[name]}
            for col, label in enumerate(periods):
                result = by_period.get(label)
                _heatmap_cell(ax, col, row, result, measure_unit)
                shown |= {result.status} if result else set()
        ax.set_xlim(0, len(periods))
        ax.set_ylim(len(names), 0)
        ax.xaxis.tick_top()
        ax.set_xticks([c + 0.5 for c in range(len(periods))], periods, fontsize=8)
        ax.set_yticks([r + 0.5 for r in range(len(names))], names, fontsize=8)
        ax.tick_params(length=0)
        ax.spines[:].set_visible(False)
        ax.set_title(title, fontsize=10, loc="left", pad=20)
        legend = [Patch(color=COLOURS[s], label=STATUS[s]) for s in COLOURS if s in shown]
        ax.legend(handles=legend, loc="upper center", bbox_to_anchor=(0.5, 0), ncol=4,
                  fontsize=7, frameon=False)  # fmt: skip
        fig.tight_layout()
        return svg_text(fig, title)


def _heatmap_cell(ax: Any, col: int, row: int, r: Result | None, unit: str | None) -> None:
    fill = COLOURS[r.status] if r else "#FFFFFF"
    edge = "#FFFFFF" if r else "#DDDDDD"
    ax.add_patch(Rectangle((col, row), 1, 1, facecolor=fill, edgecolor=edge, linewidth=1.5))
    if r is None:
        return
    mark = STATUS[r.status][0]  # ✔ ▲ ✘ —: the same marks as the page's tables
    label = mark if r.achieved is None else f"{mark} {number(r.achieved, unit)}"
    ax.text(col + 0.5, row + 0.5, label, ha="center", va="center", fontsize=8, color=ink_on(fill))


def ink_on(fill: str) -> str:
    """Black or white text, whichever contrasts more with `fill` (WCAG contrast ratio)."""
    lum = _luminance(fill)
    return "#000000" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "#FFFFFF"


def _luminance(hex_colour: str) -> float:
    """WCAG relative luminance of "#RRGGBB"."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


Share = tuple[int, int] | None  # (standards met, standards with data) in a period; None: none


def overview_svg(title: str, periods: Sequence[str], groups: Mapping[str, Sequence[Share]]) -> str:
    """Small multiples, one panel per group (area): the share of standards met per period.

    One panel per group rather than one line each, so no line needs its colour told apart;
    the latest share is printed with its counts.
    """
    cols = max(1, min(3, len(groups)))  # three across: room for bilingual area names
    rows = max(1, math.ceil(len(groups) / cols))
    size = (2.5 * cols, 1.5 * rows + 0.5)
    with figure(title, figsize=size, nrows=rows, ncols=cols, squeeze=False) as (fig, axes):
        panels = [ax for row in axes for ax in row]
        for ax, (name, shares) in zip(panels, groups.items(), strict=False):
            _share_panel(ax, name, periods, shares)
        for ax in panels[len(groups) :]:
            ax.set_visible(False)
        fig.suptitle(title, fontsize=10, x=0.01, ha="left")
        fig.tight_layout()
        return svg_text(fig, title)


def _share_panel(ax: Any, name: str, periods: Sequence[str], shares: Sequence[Share]) -> None:
    points = [(x, s) for x, s in enumerate(shares) if s is not None and s[1]]
    xs = [x for x, _ in points]
    ys = [100 * met / total for _, (met, total) in points]
    ax.plot(xs, ys, color=LINE, linewidth=1.5, marker="o", markersize=3)
    if points:  # the latest share, in the panel's corner where no line can cover it
        met, total = points[-1][1]
        ax.set_title(f"{ys[-1]:.0f}% ({met}/{total})", fontsize=7, loc="right")
    ax.set_title(name, fontsize=8, loc="left")
    ax.set_ylim(-5, 105)
    ax.set_yticks([0, 50, 100], ["0", "50%", "100%"], fontsize=6)
    ends = sorted({0, len(periods) - 1}) if periods else []
    ax.set_xticks(ends, [periods[i] for i in ends], fontsize=6)
    ax.set_xlim(-0.3, max(len(periods) - 0.7, 0.3))
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="#EEEEEE")


_MISSING_GLYPH = ".*[Gg]lyph.*missing.*"


@contextmanager
def figure(chart: str, **subplots: Any) -> Iterator[tuple[Figure, Any]]:
    """A figure in our style; a glyph missing from every font fails the build, not the reader."""
    with plt.rc_context(_style()), warnings.catch_warnings():
        warnings.filterwarnings("error", message=_MISSING_GLYPH)
        fig, axes = plt.subplots(**subplots)
        try:
            yield fig, axes
        except UserWarning as warning:
            if not re.match(_MISSING_GLYPH, str(warning)):
                raise
            raise BuildFailed(
                f"chart {chart}: {warning} Install a font that has it, or rename the label."
            ) from warning
        finally:
            plt.close(fig)


def svg_text(fig: Figure, title: str) -> str:
    """The figure as SVG with a <title>; no date, so the same chart gives the same bytes."""
    buffer = io.StringIO()
    fig.savefig(
        buffer, format="svg", metadata={"Title": title, "Date": None, "Creator": "handbook"}
    )
    return buffer.getvalue()


def write_if_changed(path: Path, content: str) -> None:
    """Leave identical files alone, so unchanged charts keep their timestamps."""
    if path.exists() and path.read_text(encoding="utf-8") == content:
        return
    write_atomic(path, content)
