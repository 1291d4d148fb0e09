"""The generated mkdocs.yml: the project's own config, plus what the generated pages need.

The project's mkdocs.yml is read with its custom tags (e.g. `!!python/name:`) kept as
opaque values and written back unchanged, so any Material config keeps working. We only
set paths and navigation, and add what offline use and Chinese search require.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from builder.errors import ConfigError

# Material's default separator plus U+200B, which jieba-segmented Chinese text uses.
SEARCH_SEPARATOR = r'[\s\u200b\-_,:!=\[\]()"`/]+|\.(?!\d)|&[lg]t;|(?!\b)(?=[A-Z][a-z])'
REQUIRED_EXTENSIONS = ("tables", "admonition", "attr_list", "md_in_html", "toc")
# Heading anchors that keep CJK characters (Python-Markdown's default drops them).
SLUGIFY = "tag:yaml.org,2002:python/object/apply:pymdownx.slugs.slugify"
PRINT_CSS = "assets/handbook/print.css"  # copied from builder/site/assets by the build
A11Y_CSS = "assets/handbook/a11y.css"  # underlined links, footer contrast (axe-core)
A11Y_JS = "assets/handbook/a11y.js"  # names Material's search dialog for screen readers
# Only the visible part of the navigation is rendered: Material's nav grows quadratically.
FEATURES = ("navigation.prune",)


class Tagged:
    """A YAML node with an application tag, carried through untouched."""

    def __init__(self, tag: str, value: Any) -> None:
        self.tag, self.value = tag, value


class _Loader(yaml.SafeLoader):
    pass


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.MappingNode):
        value: Any = loader.construct_mapping(node, deep=True)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        assert isinstance(node, yaml.ScalarNode)
        value = loader.construct_scalar(node)
    return Tagged(suffix, value)


_Loader.add_multi_constructor("", _construct_tagged)


class _Dumper(yaml.SafeDumper):
    pass


def _represent_tagged(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


_Dumper.add_representer(Tagged, _represent_tagged)


def read_user_config(path: Path) -> dict[str, Any]:
    """The project's mkdocs.yml; a file that cannot be read is a located usage error."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_Loader)
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path.name}: not UTF-8 text (bad byte at offset {exc.start})") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{mark.line + 1}:{mark.column + 1}" if mark else "1:1"
        what = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        raise ConfigError(f"{path.name}:{where}: YAML syntax error: {what}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path.name}: YAML error: {exc}") from None
    return data if isinstance(data, dict) else {}


def _names(items: list[Any]) -> list[str]:
    return [next(iter(i)) if isinstance(i, dict) else str(i) for i in items]


def _with_cjk_slugs(extension: Any) -> Any:
    """The toc extension, with pymdownx's Unicode slugify unless the user chose one."""
    if _names([extension]) != ["toc"]:
        return extension
    options = dict(extension["toc"] or {}) if isinstance(extension, dict) else {}
    options.setdefault("slugify", Tagged(SLUGIFY, {"kwds": {"case": "lower"}}))
    return {"toc": options}


def generate(
    user: dict[str, Any],
    docs_dir: Path,
    site_dir: Path,
    nav: list[Any],
    version: str,
    config_dir: Path | None = None,
) -> str:
    cfg = dict(user)
    # relative to the generated config beside it: Zensical accepts no absolute docs_dir
    cfg["docs_dir"] = os.path.relpath(docs_dir, config_dir) if config_dir else str(docs_dir)
    cfg["site_dir"] = str(site_dir)
    cfg["nav"] = nav
    cfg.setdefault("site_name", "服务标准手册 Service Standards Handbook")
    theme = dict(cfg.get("theme") or {"name": "material"})
    theme.setdefault("name", "material")
    theme.setdefault("language", "zh")
    theme.setdefault("variant", "classic")  # Zensical: keep Material's look; Material ignores it
    theme["font"] = False  # no Google Fonts: the site must work with no internet access
    features = list(theme.get("features") or [])
    theme["features"] = features + [f for f in FEATURES if f not in features]
    cfg["theme"] = theme
    extensions = list(cfg.get("markdown_extensions") or [])
    extensions += [e for e in REQUIRED_EXTENSIONS if e not in _names(extensions)]
    cfg["markdown_extensions"] = [_with_cjk_slugs(e) for e in extensions]
    cfg["extra_css"] = [*(cfg.get("extra_css") or []), A11Y_CSS, PRINT_CSS]
    cfg["extra_javascript"] = [*(cfg.get("extra_javascript") or []), A11Y_JS]
    plugins = [p for p in (cfg.get("plugins") or []) if _names([p]) != ["search"]]
    plugins += [] if "tags" in _names(plugins) else ["tags"]  # standard pages carry tags
    cfg["plugins"] = [{"search": {"separator": SEARCH_SEPARATOR}}, *plugins]
    extra = dict(cfg.get("extra") or {})
    extra["version"] = {"provider": "mike", "default": "latest"}
    extra["handbook_version"] = version
    cfg["extra"] = extra
    return yaml.dump(cfg, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
