"""Bilingual labels for the generated pages: Chinese first, English after."""

from __future__ import annotations

KIND = {
    "charter": "服务承诺 Charter",
    "process": "流程标准 Process",
    "personal": "个人标准 Personal",
    "sop": "标准作业程序 SOP",
}
AREA = {
    "timeliness": "及时性 Timeliness",
    "flow": "流程顺畅 Flow",
    "flexibility": "灵活性 Flexibility",
    "anticipation": "预见性 Anticipation",
    "communication": "沟通 Communication",
    "feedback": "反馈 Feedback",
    "supervision": "监督 Supervision",
    "appearance": "仪容仪表 Appearance",
    "attitude": "态度 Attitude",
    "attentiveness": "关注 Attentiveness",
    "tact": "得体 Tact",
    "guidance": "指导 Guidance",
    "complaint-handling": "投诉处理 Complaint handling",
    "selling": "销售 Selling",
}
TIER = {
    "basic": "基本 Basic",
    "expected": "期望 Expected",
    "differentiated": "差异化 Differentiated",
}
JOURNEY = {
    "before": "到店前 Before the visit",
    "arrival": "到达 Arrival",
    "waiting": "等候 Waiting",
    "service": "办理 Service",
    "departure": "离开 Departure",
    "after": "售后 After the visit",
}
VERDICT = {
    "measurable": "可测量 measurable",
    "partial": "部分可测 partial",
    "vague": "模糊 vague",
}
VERDICT_ADMONITION = {"measurable": "success", "partial": "warning", "vague": "danger"}
STATUS = {
    "green": "✔ 达标 green",
    "amber": "▲ 接近 amber",
    "red": "✘ 未达标 red",
    "no-data": "— 无数据 no data",
}
SMART = {
    "specific": "S 具体",
    "measurable": "M 可测量",
    "achievable": "A 可实现",
    "relevant": "R 相关",
    "time_bound": "T 有时限",
}
UNIT = {
    "percent": "%",
    "seconds": "秒 s",
    "minutes": "分钟 min",
    "hours": "小时 h",
    "days": "天 days",
    "count": "次 count",
    "score": "分 score",
    "nps": "NPS",
    "csat": "CSAT %",
    "ces": "CES",
}
DIRECTION = {"at_least": "≥ 不低于 at least", "at_most": "≤ 不超过 at most"}
TREND = {
    "improving": "↑ 改善 improving",
    "stable": "→ 持平 stable",
    "declining": "↓ 下滑 declining",
}
NO_DATA_REASON = {
    "no-target": "无标准值 no target",
    "no-result": "无结果 no result",
    "insufficient-sample": "样本不足 sample too small",
}
GRAIN = {"day": "日 day", "week": "周 week", "month": "月 month", "quarter": "季度 quarter",
         "year": "年 year"}  # fmt: skip
