"""The CLI wiring: SPEC §3–4 documents, exit codes, and usage errors."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from builder.cli import cli
from tests.conftest import make_handbook

PHONE = """
    standards:
      - id: CALL-001
        title: Answer the phone promptly
        kind: process
        area: timeliness
        tier: basic
        owner: phone team
        version: "1.0"
        effective: 2026-01-01
        review_by: 2099-01-01
        serves: [Callers reach a person without waiting]
        statement: Answer 96% of incoming calls by the third ring.
        measure: {unit: percent, direction: at_least, target: 96, period: monthly}
      - id: CALL-002
        title: 热情接待
        kind: personal
        statement: 热情周到地接待每一位来电客户
"""
AUDIT = "standard,period,unit,passed,total\nCALL-001,2026-Q1,,482,500\n"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout


def test_check_json_follows_the_spec(tmp_path: Path) -> None:
    make_handbook(tmp_path, {"standards/process/phone.yaml": PHONE})
    code, out = run("check", "-C", str(tmp_path), "--format", "json")
    assert code == 1
    doc = json.loads(out)
    assert doc["version"] == 1
    good, vague = doc["standards"]
    assert (good["id"], good["file"], good["line"], good["verdict"]) == (
        "CALL-001", "standards/process/phone.yaml", 2, "measurable",
    )  # fmt: skip
    assert set(good["smart"]) == {"specific", "measurable", "achievable", "relevant", "time_bound"}
    assert all(isinstance(v, bool) for v in good["smart"].values())
    assert good["findings"] == []
    assert vague["verdict"] == "vague" and vague["smart"]["measurable"] is False
    rules = {f["rule"] for f in vague["findings"]}
    assert {"SMART-M001", "SMART-S001"} <= rules
    quality = next(f for f in vague["findings"] if f["rule"] == "SMART-S001")
    assert (quality["line"], quality["column"], quality["text"]) == (17, 16, "热情")
    assert set(quality) >= {
        "rule",
        "smart",
        "severity",
        "message",
        "file",
        "line",
        "column",
        "text",
    }
    assert doc["summary"]["standards"] == 2 and doc["summary"]["errors"] >= 2


def test_check_text_is_file_line_col(tmp_path: Path) -> None:
    make_handbook(tmp_path, {"standards/process/phone.yaml": PHONE})
    code, out = run("check", "-C", str(tmp_path))
    assert code == 1
    assert "standards/process/phone.yaml:17:16: error SMART-S001 subjective quality word" in out


def test_clean_handbook_exits_zero(tmp_path: Path) -> None:
    make_handbook(tmp_path, {"standards/phone.yaml": PHONE.split("      - id: CALL-002")[0]})
    assert run("check", "-C", str(tmp_path))[0] == 0


def test_select_and_ignore_flags(tmp_path: Path) -> None:
    make_handbook(tmp_path, {"standards/phone.yaml": PHONE})
    code, out = run("check", "-C", str(tmp_path), "--format", "json", "--select", "SMART-S001")
    rules = {f["rule"] for s in json.loads(out)["standards"] for f in s["findings"]}
    assert (code, rules) == (1, {"SMART-S001"})
    code, out = run("check", "-C", str(tmp_path), "--ignore", "SMART", "--ignore", "DOC")
    assert code == 0


def test_audit_row_naming_unknown_standard_is_a_top_level_finding(tmp_path: Path) -> None:
    make_handbook(
        tmp_path,
        {
            "standards/phone.yaml": PHONE,
            "scorecards/q1.csv": "standard,period,value\nNOPE,2026,1\n",
        },
    )
    _, out = run("check", "-C", str(tmp_path), "--format", "json")
    (finding,) = json.loads(out)["findings"]
    assert (finding["rule"], finding["file"], finding["line"]) == (
        "AUDIT-R001",
        "scorecards/q1.csv",
        2,
    )


def test_sarif_and_github_formats(tmp_path: Path) -> None:
    make_handbook(tmp_path, {"standards/phone.yaml": PHONE})
    _, out = run("check", "-C", str(tmp_path), "--format", "sarif")
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0"
    results = sarif["runs"][0]["results"]
    rule_ids = [r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]]
    assert all(rule_ids[r["ruleIndex"]] == r["ruleId"] for r in results)
    _, out = run("check", "-C", str(tmp_path), "--format", "github")
    assert "::error file=standards/phone.yaml,line=17,col=16,title=SMART-S001::" in out


def test_score_json_follows_the_spec(tmp_path: Path) -> None:
    make_handbook(tmp_path, {"standards/phone.yaml": PHONE, "scorecards/q1.csv": AUDIT})
    code, out = run("score", "-C", str(tmp_path), "--format", "json")
    assert code == 0
    (result,) = json.loads(out)["results"]
    assert {k: result[k] for k in ("standard", "period", "unit", "achieved", "target",
                                   "direction", "status", "n")} == {
        "standard": "CALL-001", "period": "2026-Q1", "unit": None, "achieved": 96.4,
        "target": 96, "direction": "at_least", "status": "green", "n": 500,
    }  # fmt: skip


def test_no_project_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["check", "-C", str(tmp_path)])
    assert result.exit_code == 2
    assert "no mkdocs.yml" in result.output or "has no mkdocs.yml" in result.output


def test_bad_format_is_a_usage_error(tmp_path: Path) -> None:
    make_handbook(tmp_path, {})
    assert run("check", "-C", str(tmp_path), "--format", "xml")[0] == 2


def test_bad_config_is_a_usage_error_with_location(tmp_path: Path) -> None:
    make_handbook(tmp_path, {"handbook.yml": "rules:\n  selct: [SMART]\n"})
    result = CliRunner().invoke(cli, ["check", "-C", str(tmp_path)])
    assert result.exit_code == 2
    assert "handbook.yml:2:3: unknown key 'selct' (did you mean 'select'?)" in result.output


def test_rule_prints_its_documentation() -> None:
    code, out = run("rule", "SMART-S002")
    assert code == 0 and "## Why is this bad?" in out and "尽快" in out
    assert run("rule", "NOPE-X999")[0] == 2


def test_configured_severities_apply_to_rule_and_loader_codes(tmp_path: Path) -> None:
    config = "rules:\n  severity: {SMART: warning, LOAD-S004: error}\n"
    typo = PHONE.replace(
        "        kind: personal\n", "        kind: personal\n        tyer: basic\n"
    )
    make_handbook(tmp_path, {"standards/phone.yaml": typo, "handbook.yml": config})
    code, out = run("check", "-C", str(tmp_path), "--format", "json")
    doc = json.loads(out)
    levels = {(f["rule"], f["severity"]) for s in doc["standards"] for f in s["findings"]}
    levels |= {(f["rule"], f["severity"]) for f in doc["findings"]}
    assert ("SMART-S001", "warning") in levels and ("LOAD-S004", "error") in levels
    assert code == 1  # the unknown key is now an error


def test_score_json_adds_fields_and_a_summary_without_changing_the_spec(tmp_path: Path) -> None:
    make_handbook(tmp_path, {"standards/phone.yaml": PHONE, "scorecards/q1.csv": AUDIT})
    _, out = run("score", "-C", str(tmp_path), "--format", "json")
    doc = json.loads(out)
    assert list(doc) == ["version", "results", "summary"]
    (result,) = doc["results"]
    assert {k: result[k] for k in ("ci", "trend", "reason", "measure_unit", "target_effective",
                                   "gap")} == {
        "ci": [94.38, 97.71], "trend": None, "reason": None, "measure_unit": "percent",
        "target_effective": "2026-01-01", "gap": 0.4,
    }  # fmt: skip
    (organisation, area, tier) = doc["summary"]
    assert (organisation["by"], organisation["met_share"]) == ("organisation", 100.0)
    assert (area["group"], tier["group"]) == ("timeliness", "basic")


def test_score_csv_splits_the_interval_and_neutralises_formulas(tmp_path: Path) -> None:
    audit = "standard,period,unit,passed,total\nCALL-001,2026-Q1,=SUM(A1),482,500\n"
    make_handbook(tmp_path, {"standards/phone.yaml": PHONE, "scorecards/q1.csv": audit})
    _, out = run("score", "-C", str(tmp_path), "--format", "csv")
    header, row = out.splitlines()
    assert header.endswith(",gap,ci_low,ci_high,trend,reason,measure_unit,target_effective")
    assert row.startswith("CALL-001,2026-Q1,'=SUM(A1),96.4,") and ",94.38,97.71," in row


def test_score_reports_bad_rows_on_stderr_with_the_fix(tmp_path: Path) -> None:
    audit = "standard,period,unit,passed,total\nCALL-01,2026-Q1,,482,500\n"
    make_handbook(tmp_path, {"standards/phone.yaml": PHONE, "scorecards/q1.csv": audit})
    result = CliRunner().invoke(cli, ["score", "-C", str(tmp_path)])
    assert result.exit_code == 1
    assert ("scorecards/q1.csv:2:1: error AUDIT-R001 standard (column A): unknown standard "
            "'CALL-01' [CALL-01]\n    help: did you mean 'CALL-001'?") in result.stderr  # fmt: skip
    assert result.stdout.strip().endswith("0 results: 0 green, 0 amber, 0 red, 0 no-data")


def test_audit_template_writes_a_csv_and_a_checklist(tmp_path: Path) -> None:
    make_handbook(tmp_path, {"standards/phone.yaml": PHONE})
    out = tmp_path / "forms"
    result = CliRunner().invoke(cli, ["audit-template", "-C", str(tmp_path), "CALL-001",
                                      "-d", str(out), "-n", "may", "-p", "2026-05",
                                      "-u", "城东支行", "-u", "城西支行"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"wrote {out / 'may.csv'}" in result.stderr
    assert (out / "may.csv").read_text(encoding="utf-8-sig").splitlines() == [
        "standard,period,unit,passed,total,method,auditor,date,notes",
        "CALL-001,2026-05,城东支行,,,,,,",
        "CALL-001,2026-05,城西支行,,,,,,",
    ]
    assert "## CALL-001 Answer the phone promptly" in (out / "may.md").read_text()


def test_audit_template_needs_known_standards(tmp_path: Path) -> None:
    make_handbook(tmp_path, {"standards/phone.yaml": PHONE})
    result = CliRunner().invoke(cli, ["audit-template", "-C", str(tmp_path), "CALL-01",
                                      "-d", str(tmp_path)])  # fmt: skip
    assert result.exit_code == 2
    assert "no standard 'CALL-01' (did you mean 'CALL-001'?)" in result.output
    assert run("audit-template", "-C", str(tmp_path))[0] == 2  # at least one standard
