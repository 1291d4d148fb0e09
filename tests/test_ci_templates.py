"""The pre-commit hooks and CI templates call commands and options the CLI really has."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

import click
import pytest
import yaml

from builder.cli import cli
from tests.conftest import ROOT

TEMPLATES = [ROOT / ".pre-commit-hooks.yaml", ROOT / "ci/github-actions.yml",
             ROOT / "ci/gitlab-ci.yml"]  # fmt: skip
SHELL_BREAKS = {">", "|", "||", "&&", "|&", ";"}


SHELL_KEYS = {"entry", "run", "script", "before_script"}


def shell_lines(node: Any, shell: bool = False) -> list[str]:
    """The commands a template runs: hook entries, run: and script: blocks, line by line."""
    if isinstance(node, str):
        return node.splitlines() if shell else []
    if isinstance(node, dict):
        return [line for k, v in node.items() for line in shell_lines(v, k in SHELL_KEYS)]
    if isinstance(node, list):
        return [line for value in node for line in shell_lines(value, shell)]
    return []


def handbook_calls(path: Path) -> list[list[str]]:
    calls = []
    for line in shell_lines(yaml.safe_load(path.read_text(encoding="utf-8"))):
        words = shlex.split(line.strip(), comments=True) if "handbook " in line else []
        while words and words[0] != "handbook":
            words = words[1:]
        if words[:1] == ["handbook"] and len(words) > 1:
            cut = next((i for i, w in enumerate(words) if w in SHELL_BREAKS), len(words))
            calls.append(words[1:cut])
    return calls


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_every_handbook_call_parses(path: Path) -> None:
    calls = handbook_calls(path)
    assert calls, f"{path.name} calls handbook"
    for args in calls:
        name, *rest = args
        command = cli.commands.get(name)
        assert command is not None, f"{path.name}: no command {name!r}"
        rest = [a.replace("$CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main") for a in rest]
        try:  # parse the options and arguments exactly as the CLI would, without running
            command.make_context(name, [a for a in rest if not a.startswith("${{")])
        except click.UsageError as exc:
            pytest.fail(f"{path.name}: handbook {' '.join(args)}: {exc.format_message()}")


def test_the_pre_commit_hook_checks_standards_files() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load(TEMPLATES[0].read_text(encoding="utf-8"))}
    assert hooks["handbook-check"]["entry"] == "handbook check"
    assert hooks["handbook-check"]["pass_filenames"] is True
