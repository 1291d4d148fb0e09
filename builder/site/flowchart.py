"""SOP flowcharts drawn as static SVG: no JavaScript, no CDN, prints as it shows.

Material renders Mermaid with a script it loads from a CDN, which an intranet without
internet access cannot reach. An SOP is a sequence of steps, so a plain vertical chart
says all Mermaid would, and drawing it with matplotlib reuses the charts' CJK font,
determinism and glyph checks.
"""

from __future__ import annotations

import textwrap

from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from builder.model.standard import Standard
from builder.site.charts import LINE, figure, svg_text

WIDTH = 6.4  # inches
BOX_X, BOX_W = 0.06, 0.62  # step boxes, in figure-width fractions
CHECK_X = 0.71  # where the audit check of a step is noted
LINE_H = 0.22  # inches per text line
GAP = 0.28  # inches between boxes


def _wrap(text: str, width_chars: int) -> list[str]:
    """CJK text wraps by characters, other text by words; a CJK character counts as two."""
    if text.isascii():
        return textwrap.wrap(text, width_chars) or [""]
    lines, line, size = [], "", 0
    for ch in text:
        w = 1 if ch.isascii() else 2
        if size + w > width_chars:
            lines.append(line)
            line, size = "", 0
        line, size = line + ch, size + w
    return [*lines, line] if line else lines or [""]


def flowchart_svg(std: Standard) -> str:
    """One box per step, top to bottom, numbered; a step's audit check noted beside it."""
    steps = [_wrap(f"{i}. {s.text.value}", 44) for i, s in enumerate(std.steps, 1)]
    heights = [len(lines) * LINE_H + 0.16 for lines in steps]
    total = sum(heights) + GAP * (len(steps) + 1) + 0.5
    title = f"{std.id} {std.title.value}"
    with figure(std.id, figsize=(WIDTH, total)) as (fig, ax):
        ax.set_axis_off()  # the boxes are drawn in figure coordinates
        y = total - 0.3  # inches from the bottom, top edge of the next box
        fig.text(BOX_X, y / total, title, fontsize=10, va="top")
        y -= GAP + 0.1
        for step, lines, height in zip(std.steps, steps, heights, strict=True):
            bottom = (y - height) / total
            fig.add_artist(FancyBboxPatch(
                (BOX_X, bottom), BOX_W, height / total, boxstyle="round,pad=0.004",
                transform=fig.transFigure, facecolor="#F4F8FB", edgecolor=LINE, linewidth=1.2,
            ))  # fmt: skip
            fig.text(BOX_X + 0.015, (y - 0.08) / total, "\n".join(lines), fontsize=8,
                     va="top", linespacing=1.5)  # fmt: skip
            if step.measure and step.measure.target is not None:
                note = f"检查 check\n{step.measure.metric or ''}"
                fig.text(CHECK_X, (y - 0.08) / total, "\n".join(_wrap(note, 24)), fontsize=7,
                         va="top", color="#555555")  # fmt: skip
            y -= height
            if step is not std.steps[-1]:
                fig.add_artist(_arrow(fig, y / total, (y - GAP) / total))
            y -= GAP
        return svg_text(fig, f"{title}: {len(std.steps)} steps")


def _arrow(fig: Figure, top: float, bottom: float) -> FancyArrowPatch:
    x = BOX_X + BOX_W / 2
    return FancyArrowPatch((x, top), (x, bottom), arrowstyle="-|>", mutation_scale=12,
                           color=LINE, transform=fig.transFigure)  # fmt: skip
