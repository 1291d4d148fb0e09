"""Read YAML with the safe loader while keeping where every key and value came from.

PyYAML's `safe_load` forgets positions and silently keeps the last of duplicate keys. We
compose the node tree instead (same safe resolver, no arbitrary objects), then turn it into
plain dicts and lists that remember 1-based positions. Parser marks are 0-based; they are
converted here, once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

# Bounds the work an alias bomb ("billion laughs") can cause: aliases are expanded as we
# walk, so a document with a few lines can otherwise describe billions of nodes.
MAX_NODES = 200_000
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Mark:
    line: int  # 1-based
    column: int  # 1-based


@dataclass(frozen=True)
class Problem:
    """A defect found while reading: where, and what."""

    mark: Mark
    code: str
    message: str


class YamlError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class YMap(dict[Any, Any]):
    """A mapping that knows the position of itself, each key, and each value's source text."""

    mark: Mark
    key_marks: dict[Any, Mark]
    value_marks: dict[Any, Mark]
    value_raw: dict[Any, str]


class YList(list[Any]):
    mark: Mark
    item_marks: list[Mark]
    item_raw: list[str]


def _mark(m: yaml.Mark) -> Mark:
    return Mark(m.line + 1, m.column + 1)


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.loader = yaml.SafeLoader(text)
        self.problems: list[Problem] = []
        self.nodes = 0

    def raw(self, node: yaml.Node) -> str:
        return self.text[node.start_mark.index : node.end_mark.index]

    def convert(self, node: yaml.Node) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise YamlError(
                Problem(
                    _mark(node.start_mark),
                    "LOAD-F005",
                    f"document expands to more than {MAX_NODES:,} nodes "
                    "(aliases repeated too often); it is refused",
                )
            )
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node)
        if isinstance(node, yaml.SequenceNode):
            seq = YList()
            seq.mark = _mark(node.start_mark)
            seq.item_marks, seq.item_raw = [], []
            for item in node.value:
                seq.append(self.convert(item))
                seq.item_marks.append(_mark(item.start_mark))
                seq.item_raw.append(self.raw(item))
            return seq
        try:
            value = self.loader.construct_object(node, deep=True)
        # "2026-13-01" has a date's shape but is none; "!!timestamp nope" trips PyYAML itself
        # (AttributeError). Either way the text is kept, and the loader reports it, located,
        # wherever a typed value is needed.
        except (ValueError, OverflowError, AttributeError, TypeError):
            return node.value
        return self.checked_text(value, node) if isinstance(value, str) else value

    def checked_text(self, value: str, node: yaml.Node) -> str:
        """Text that can be written out as UTF-8. PyYAML reads the escape "\\ud83d\\ude00"
        as two halves of a surrogate pair: they are joined into one character. A lone half
        is no character, and would stop the build when a page is written: it is reported."""
        if not _SURROGATE.search(value):
            return value
        value = value.encode("utf-16", "surrogatepass").decode("utf-16", "surrogatepass")
        if _SURROGATE.search(value):
            self.problems.append(
                Problem(
                    _mark(node.start_mark),
                    "LOAD-S002",
                    "the text holds an escape such as \\ud800, half of a surrogate pair and "
                    "no character; it is shown as U+FFFD",
                )
            )
        return _SURROGATE.sub("\ufffd", value)

    def mapping(self, node: yaml.MappingNode) -> YMap:
        self.loader.flatten_mapping(node)  # resolves "<<" merge keys
        out = YMap()
        out.mark = _mark(node.start_mark)
        out.key_marks, out.value_marks, out.value_raw = {}, {}, {}
        for key_node, value_node in node.value:
            key = self.convert(key_node)
            if isinstance(key, (YMap, YList)):
                self.problems.append(
                    Problem(_mark(key_node.start_mark), "LOAD-F003", "a key must be a plain value")
                )
                continue
            if key in out:
                first = out.key_marks[key]
                self.problems.append(
                    Problem(
                        _mark(key_node.start_mark),
                        "LOAD-F004",
                        f"duplicate key {key!r} (first at line {first.line}); "
                        "YAML keeps only the last one — remove or rename one of them",
                    )
                )
            out[key] = self.convert(value_node)
            out.key_marks[key] = _mark(key_node.start_mark)
            out.value_marks[key] = _mark(value_node.start_mark)
            out.value_raw[key] = self.raw(value_node)
        return out


def read_yaml(text: str) -> tuple[Any, list[Problem]]:
    """Parse one YAML document. Raises YamlError (with a located problem) on bad syntax."""
    try:
        reader = _Reader(text)  # PyYAML checks every character here, before parsing
    except yaml.reader.ReaderError as exc:
        raise YamlError(_unprintable(text, exc)) from None
    try:
        node = reader.loader.get_single_node()
        data = reader.convert(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = _mark(mark) if mark is not None else Mark(1, 1)
        what = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        raise YamlError(Problem(where, "LOAD-F002", f"YAML syntax error: {what}")) from None
    except yaml.YAMLError as exc:
        raise YamlError(Problem(Mark(1, 1), "LOAD-F002", f"YAML error: {exc}")) from None
    except RecursionError:
        raise YamlError(
            Problem(Mark(1, 1), "LOAD-F005", "document is nested too deeply to read")
        ) from None
    finally:
        reader.loader.dispose()
    return data, list(dict.fromkeys(reader.problems))  # an alias repeats its value's problems


def _unprintable(text: str, exc: yaml.reader.ReaderError) -> Problem:
    """A control character (a NUL byte, say) YAML does not allow, where it is."""
    at = exc.position
    where = Mark(text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at))
    return Problem(
        where,
        "LOAD-F002",
        f"the file holds the control character U+{exc.character:04X}, which YAML does not "
        "allow; delete it",
    )
