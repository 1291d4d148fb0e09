"""The chart cache: a chart is drawn once per distinct input, then read back."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from builder.model.standard import Measure, Standard, Text
from builder.site.chart_cache import ChartCache, canonical, chart_key

STD = Standard("A-001", Text("标题", 3, 5), "process", Text("s", 4, 5), "a.yaml", 3, "zh",
               measure=Measure(unit="percent", target=90, line=7))  # fmt: skip


class Drawer:
    """Stands in for a chart function and counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, std: Standard, values: list[float]) -> str:
        self.calls += 1
        return f"<svg>{std.id} {values}</svg>"


def test_unchanged_data_is_read_back_not_drawn(tmp_path: Path) -> None:
    draw = Drawer()
    first_build = ChartCache(tmp_path, "salt")
    svg = first_build.svg(draw, STD, [1.0, 2.5])
    second_build = ChartCache(tmp_path, "salt")
    assert second_build.svg(draw, STD, [1.0, 2.5]) == svg
    assert draw.calls == 1
    assert (len(first_build.drawn), len(second_build.reused), second_build.drawn) == (1, 1, [])


@pytest.mark.parametrize(
    "changed",
    [
        {"std": replace(STD, measure=Measure(unit="percent", target=95)), "values": [1.0, 2.5]},
        {"std": replace(STD, title=Text("新标题", 3, 5)), "values": [1.0, 2.5]},
        {"std": STD, "values": [1.0, 2.6]},
    ],
    ids=["target", "title", "values"],
)
def test_changed_data_is_drawn_again(tmp_path: Path, changed: dict[str, object]) -> None:
    draw = Drawer()
    ChartCache(tmp_path, "salt").svg(draw, STD, [1.0, 2.5])
    ChartCache(tmp_path, "salt").svg(draw, **changed)  # type: ignore[arg-type]
    assert draw.calls == 2


def test_new_chart_code_or_matplotlib_draws_again(tmp_path: Path) -> None:
    draw = Drawer()
    ChartCache(tmp_path, "code 1; matplotlib 3.10").svg(draw, STD, [1.0])
    ChartCache(tmp_path, "code 2; matplotlib 3.10").svg(draw, STD, [1.0])
    assert draw.calls == 2


def test_where_a_value_sits_in_its_file_is_not_part_of_the_key() -> None:
    moved = replace(STD, line=30, title=Text("标题", 30, 5),
                    measure=Measure(unit="percent", target=90, line=40))  # fmt: skip
    assert chart_key("s", "f", STD) == chart_key("s", "f", moved)


def test_a_build_keeps_only_the_charts_it_used(tmp_path: Path) -> None:
    draw = Drawer()
    ChartCache(tmp_path, "salt").svg(draw, STD, [1.0])
    later = ChartCache(tmp_path, "salt")
    later.svg(draw, STD, [2.0])
    later.prune()
    assert [p.stem for p in tmp_path.iterdir()] == later.drawn


def test_input_without_a_stable_form_is_refused() -> None:
    with pytest.raises(TypeError, match="set"):
        canonical({"units": {"东", "西"}})


def test_editing_the_module_that_draws_draws_again(tmp_path: Path) -> None:
    """Not only charts.py: any drawing module (the SOP flowcharts, say) is in the key."""
    import importlib.util
    import sys

    def load(source: str, name: str) -> object:
        path = tmp_path / f"{name}.py"
        path.write_text(source, encoding="utf-8")
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        return module.draw

    cache = ChartCache(tmp_path / "cache", "salt")
    cache.svg(load("def draw(x):\n    return f'<svg>{x}</svg>'\n", "drawing_v1"), 1)  # type: ignore[arg-type]
    cache.svg(load("def draw(x):\n    return f'<svg>{x}!</svg>'\n", "drawing_v2"), 1)  # type: ignore[arg-type]
    assert len(cache.drawn) == 2 and cache.reused == []
