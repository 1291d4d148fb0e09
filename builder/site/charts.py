"""Scorecard trend charts: matplotlib, headless, SVG, CJK text, byte-identical rebuilds."""

from __future__ import annotations

import io
import math
import warnings
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")

from matplotlib import font_manager
from matplotlib import pyplot as plt

from builder.errors import BuildFailed
from builder.model.standard import Standard
from builder.scoring.score import Result
from builder.site.labels import UNIT

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


def trend_svg(std: Standard, org: Sequence[Result], units: dict[str, list[Result]]) -> str:
    """Achieved vs target over periods, amber band shaded, latest value labelled.

    `org` is the organisation-level series (one result per period); `units` the per-unit
    series. Status shows by marker shape as well as colour.
    """
    m = std.measure
    with plt.rc_context(_style()), warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*[Gg]lyph.*missing.*")
        fig, ax = plt.subplots(figsize=(7.2, 3.4))
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
        if m is not None and m.target is not None:
            ax.axhline(m.target, color="#333333", linestyle="--", linewidth=1.2,
                       label=f"标准 target {m.target:g}")  # fmt: skip
            if m.amber is not None:
                ax.axhspan(min(m.target, m.amber), max(m.target, m.amber), color=COLOURS["amber"],
                           alpha=0.15, label=f"警戒 amber {m.amber:g}")  # fmt: skip
        if org and org[-1].achieved is not None:
            last = org[-1]
            ax.annotate(f"{last.achieved:.1f}", (xs[-1], last.achieved), xytext=(0, 9),
                        textcoords="offset points", ha="center", fontsize=9)  # fmt: skip
        ax.set_xticks(xs, labels, fontsize=8)
        unit = UNIT.get(m.unit or "", "") if m else ""
        ax.set_ylabel(unit, fontsize=8)
        ax.set_title(f"{std.id} {std.title.value}", fontsize=10, loc="left")
        ax.spines[["top", "right"]].set_visible(False)
        ax.grid(axis="y", color="#EEEEEE")
        ax.legend(fontsize=7, loc="best", frameon=False)
        fig.tight_layout()
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": "handbook"})
        plt.close(fig)
    return buffer.getvalue()


def write_if_changed(path: Path, content: str) -> None:
    """Leave identical files alone, so unchanged charts keep their timestamps."""
    if path.exists() and path.read_text(encoding="utf-8") == content:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
