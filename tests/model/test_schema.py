"""The editors' JSON Schema is generated from the loader, and every example file passes it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from builder.model.schema import SCHEMA_PATH, schema_text, standard_schema
from tests.conftest import ROOT

EXAMPLES = sorted((ROOT / "standards").rglob("*.yaml"))


class _DatesAsText(yaml.SafeLoader):
    """Editors see dates as text, as JSON does."""


_DatesAsText.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def as_editor_sees(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_DatesAsText)


def test_the_committed_schema_is_the_generated_one() -> None:
    committed = (ROOT / SCHEMA_PATH).read_text(encoding="utf-8")
    assert committed == schema_text(), "run `handbook schema` and commit the result"


def test_every_example_file_points_at_the_schema() -> None:
    for path in EXAMPLES:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        relative = Path("../" * (len(path.relative_to(ROOT).parts) - 1)) / SCHEMA_PATH
        assert first == f"# yaml-language-server: $schema={relative.as_posix()}", path


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_example_files_are_valid(path: Path) -> None:
    jsonschema.validate(as_editor_sees(path), standard_schema(), cls=jsonschema.Draft7Validator)


def test_typos_and_wrong_values_are_caught_as_in_the_editor() -> None:
    validator = jsonschema.Draft7Validator(standard_schema())
    doc = {"standards": [{"id": "A", "title": "t", "kind": "proces", "statment": "s"}]}
    messages = sorted(e.message for e in validator.iter_errors(doc))
    assert any("'proces' is not one of" in m for m in messages)
    assert any("'statement' is a required property" in m for m in messages)
    assert any("'statment' was unexpected" in m for m in messages)
