"""The JSON Schema of a standards file, generated from the loader's own key lists and choices.

Editors (the YAML language server behind VS Code's YAML extension and others) read it from
the `# yaml-language-server: $schema=…` line of each file: they complete keys and enum
values and show the bilingual descriptions below. It is generated, never hand-edited:
`handbook schema` writes schema/standard.schema.json, and a test fails when the committed
file and the loader disagree.
"""

from __future__ import annotations

import json
from typing import Any

from builder.model.load import (
    CHOICES,
    FILE_KEYS,
    HISTORY_KEYS,
    ID_PATTERN,
    INHERITED,
    KNOWN_KEYS,
    MAX_ID_LENGTH,
    MEASURE_KEYS,
    REQUIRED,
)
from builder.model.standard import PERSONAL_AREAS, PROCESS_AREAS

SCHEMA_ID = "https://handbook.example/schema/standard.schema.json"
SCHEMA_PATH = "schema/standard.schema.json"  # relative to the project root

DESCRIPTIONS: dict[str, str] = {
    "standards": "本文件的标准列表 / The standards in this file",
    "id": "唯一编号,如 PRC-TIM-001 / Unique id, e.g. PRC-TIM-001",
    "title": "标题 / Short title",
    "kind": "类型:服务承诺、流程标准、个人标准、标准作业程序 / Kind of standard",
    "statement": "可检查的标准内容:谁、做什么、多快、多少 / The checkable commitment",
    "area": "领域(7个流程领域或7个个人领域)/ Area: one of 7 process or 7 personal areas",
    "tier": "层级:基本、期望、差异化 / Tier: basic, expected or differentiated",
    "owner": "负责人或团队 / Owner (person or team)",
    "version": "版本号 / Version of this standard",
    "effective": "生效日期 YYYY-MM-DD / Date it takes effect",
    "review_by": "复审截止日期 YYYY-MM-DD / Review due by",
    "measure": "如何衡量:指标、单位、方向、目标 / How it is scored",
    "steps": "SOP 步骤 / SOP steps, in order",
    "lang": "语言 zh 或 en(默认自动识别)/ Language (detected when absent)",
    "status": "active 生效;draft 草案(问题只作提示)/ draft: findings are warnings",
    "en": "英文标题和内容 / English title and statement",
    "journey": "客户旅程阶段 / Customer journey stage",
    "serves": "所服务的承诺编号或客户需要 / Pledge ids or customer needs it serves",
    "roles": "适用岗位 / Roles that must know it",
    "ignore": "不检查的规则代码(需说明理由)/ Rule codes not checked here",
    "metric": "指标名称 / Metric name",
    "unit": "单位 / Unit of the target",
    "direction": "at_least 不低于;at_most 不超过 / Direction of the target",
    "target": "标准值 / Target level",
    "amber": "警戒线:未达标但在此范围内为黄灯 / Amber line: a miss within it is amber",
    "period": "计分周期 / Scoring period",
    "method": "检查方式 / How it is checked",
    "baseline": "当前水平(用于可实现性检查)/ Current level, for the achievable check",
    "scale": "量表分数(CSAT 5 分、CES 7 分)/ Points on the survey scale",
    "satisfied_from": "CSAT 中算作满意的最低分 / Lowest CSAT answer counted as satisfied",
    "history": "以前的目标及其生效日期 / Earlier targets with their effective dates",
    "text": "步骤内容 / What to do in this step",
}
NUMBER_KEYS = ("target", "amber", "baseline")
INTEGER_KEYS = ("scale", "satisfied_from")
DATE_KEYS = ("effective", "review_by")
LIST_KEYS = ("serves", "roles", "ignore")


def _described(key: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": DESCRIPTIONS[key], **schema} if key in DESCRIPTIONS else schema


def _value(key: str) -> dict[str, Any]:
    """The schema of one scalar or list key, from the loader's choices."""
    if key in CHOICES:
        return {"enum": list(CHOICES[key])}
    if key == "area":  # handbook.yml may declare more areas, so suggest, do not restrict
        return {"anyOf": [{"enum": [*PROCESS_AREAS, *PERSONAL_AREAS]}, {"type": "string"}]}
    if key in NUMBER_KEYS:
        return {"type": "number"}
    if key in INTEGER_KEYS:
        return {"type": "integer", "minimum": 2}
    if key in DATE_KEYS:
        return {"type": "string", "format": "date"}
    if key in LIST_KEYS:
        return {"type": "array", "items": {"type": "string"}}
    if key == "version":
        return {"type": ["string", "number"]}
    if key == "id":  # it names the standard's page: see ID_PATTERN
        return {"type": "string", "pattern": f"^{ID_PATTERN.pattern}$",
                "maxLength": MAX_ID_LENGTH}  # fmt: skip
    return {"type": "string"}


def _object(
    keys: tuple[str, ...], special: dict[str, Any], required: tuple[str, ...] = ()
) -> dict[str, Any]:
    properties = {k: _described(k, special.get(k, _value(k))) for k in keys}
    out: dict[str, Any] = {"type": "object", "properties": properties,
                           "additionalProperties": False}  # fmt: skip
    return {**out, "required": list(required)} if required else out


def standard_schema() -> dict[str, Any]:
    """The schema, as a dict ready for json.dumps."""
    history = _object(HISTORY_KEYS, {}, ("effective", "target"))
    measure = _object(MEASURE_KEYS, {"history": {"type": "array", "items": history}})
    step = {"anyOf": [{"type": "string"},
                      _object(("text", "measure"), {"measure": measure}, ("text",))]}  # fmt: skip
    en = _object(("title", "statement"), {})
    nested = {"measure": measure, "steps": {"type": "array", "items": step}, "en": en}
    own = tuple(k for k in REQUIRED if k not in INHERITED)  # `kind` may come from the file
    standard = _object(KNOWN_KEYS, nested, own)
    file_keys = {"standards": {"type": "array", "items": standard}}
    schema = _object(FILE_KEYS, file_keys, ("standards",))  # the other top keys: defaults
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": "服务标准文件 Service standards file",
        "description": "顶层键为本文件各标准的默认值 / Top-level keys are defaults for the "
        "standards in this file. Generated by `handbook schema`; do not edit.",
        **schema,
    }


def schema_text() -> str:
    return json.dumps(standard_schema(), ensure_ascii=False, indent=2) + "\n"
