"""Specification of `builder.text.quantities.find_quantities`.

Each case is an input statement and *every* quantity expected in it, in order, as
(span text, kind, value, low, unit, comparator, approximate). Values are compared rounded to
two decimals.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.text import quantities
from builder.text.quantities import UNITS, Kind, Quantity, find_quantities

Expected = tuple[str, Kind, float | None, float | None, str | None, str | None, bool]


def q(
    text: str,
    kind: Kind,
    value: float | None = None,
    unit: str | None = None,
    comparator: str | None = None,
    *,
    low: float | None = None,
    approx: bool = False,
) -> Expected:
    return (text, kind, value, low, unit, comparator, approx)


def dur(
    text: str,
    value: float,
    unit: str,
    cmp: str | None = None,
    *,
    low: float | None = None,
    approx: bool = False,
) -> Expected:
    return q(text, "duration", value, unit, cmp, low=low, approx=approx)


def pct(
    text: str,
    value: float,
    cmp: str | None = None,
    *,
    low: float | None = None,
    approx: bool = False,
) -> Expected:
    return q(text, "percent", value, "percent", cmp, low=low, approx=approx)


def freq(text: str, value: float, unit: str, cmp: str | None = None) -> Expected:
    return q(text, "frequency", value, unit, cmp)


def deadline(text: str, unit: str) -> Expected:
    return q(text, "deadline", None, unit, "at_most")


def clock(text: str, value: float, cmp: str | None = None) -> Expected:
    return q(text, "clock", value, "clock", cmp)


def ident(text: str, unit: str, value: float | None = None) -> Expected:
    return q(text, "identifier", value, unit)


def date(text: str, cmp: str | None = None) -> Expected:
    return q(text, "date", None, "date", cmp)


CASES: list[tuple[str, list[Expected]]] = [
    # --- durations, Chinese ------------------------------------------------------------------
    ("铃响三声内接听", [dur("三声内", 3, "rings", "at_most")]),
    ("响铃3声以内接听来电", [dur("3声以内", 3, "rings", "at_most")]),
    ("来电15秒内接通", [dur("15秒内", 15, "seconds", "at_most")]),
    ("平均等候时间不超过10分钟", [dur("不超过10分钟", 10, "minutes", "at_most")]),
    ("抢修人员2小时到达现场", [dur("2小时", 2, "hours")]),
    ("两小时内答复", [dur("两小时内", 2, "hours", "at_most")]),
    ("二十四小时内回复", [dur("二十四小时内", 24, "hours", "at_most")]),
    ("5个工作日内办结", [dur("5个工作日内", 5, "working_days", "at_most")]),
    ("3日内办结", [dur("3日内", 3, "days", "at_most")]),
    ("3天", [dur("3天", 3, "days")]),
    ("特殊情况一周内给用户答复", [dur("一周内", 1, "weeks", "at_most")]),
    ("1周内", [dur("1周内", 1, "weeks", "at_most")]),
    ("一个月内详细回复", [dur("一个月内", 1, "months", "at_most")]),
    ("三个月", [dur("三个月", 3, "months")]),
    ("1个季度内完成", [dur("1个季度内", 1, "quarters", "at_most")]),
    ("三年内", [dur("三年内", 3, "years", "at_most")]),
    ("半小时内到场", [dur("半小时内", 0.5, "hours", "at_most")]),
    ("一个半小时", [dur("一个半小时", 1.5, "hours")]),
    ("两个半小时", [dur("两个半小时", 2.5, "hours")]),
    ("半个月内", [dur("半个月内", 0.5, "months", "at_most")]),
    ("平均停电时间小于2.26小时", [dur("小于2.26小时", 2.26, "hours", "at_most")]),
    ("最多3个工作日", [dur("最多3个工作日", 3, "working_days", "at_most")]),
    ("最迟7日内办结", [dur("最迟7日内", 7, "days", "at_most")]),
    ("最遲於十四日內答復陳情人", [dur("最遲於十四日內", 14, "days", "at_most")]),
    ("1個工作天內獲得初步回覆", [dur("1個工作天內", 1, "working_days", "at_most")]),
    ("承諾:25 個工作天", [dur("25 個工作天", 25, "working_days")]),
    ("运营时间不应少于15小时", [dur("不应少于15小时", 15, "hours", "at_least")]),
    ("提前24小时通知重要客户", [dur("提前24小时", 24, "hours", "at_least")]),
    ("超过12小时的计划停水", [dur("超过12小时", 12, "hours", "at_least")]),
    ("受理3个工作日后", [dur("3个工作日后", 3, "working_days", "at_least")]),
    ("在第3个工作日答复", [dur("第3个工作日", 3, "working_days")]),
    ("五個工作天或以上", [dur("五個工作天或以上", 5, "working_days", "at_least")]),
    ("误差控制在±3分钟之内", [dur("控制在±3分钟之内", 3, "minutes", "at_most")]),
    ("一两天内", [dur("一两天内", 2, "days", "at_most", low=1, approx=True)]),
    ("两三个工作日", [dur("两三个工作日", 3, "working_days", low=2, approx=True)]),
    ("二十多分钟", [dur("二十多分钟", 20, "minutes", approx=True)]),
    ("十余天", [dur("十余天", 10, "days", approx=True)]),
    ("１５分钟内", [dur("１５分钟内", 15, "minutes", "at_most")]),
    # --- ranges, Chinese ---------------------------------------------------------------------
    ("3-5个工作日", [dur("3-5个工作日", 5, "working_days", low=3)]),
    ("3～5个工作日", [dur("3～5个工作日", 5, "working_days", low=3)]),
    ("3至5天", [dur("3至5天", 5, "days", low=3)]),
    ("3到5天", [dur("3到5天", 5, "days", low=3)]),
    ("3~5天", [dur("3~5天", 5, "days", low=3)]),
    ("7至15个工作日内", [dur("7至15个工作日内", 15, "working_days", "at_most", low=7)]),
    ("3天至5天", [dur("3天至5天", 5, "days", low=3)]),
    ("三至五个工作日", [dur("三至五个工作日", 5, "working_days", low=3)]),
    ("3天至5个工作日", [dur("3天", 3, "days"), dur("5个工作日", 5, "working_days")]),
    # --- durations, English ------------------------------------------------------------------
    ("we aim to answer calls within six rings", [dur("within six rings", 6, "rings", "at_most")]),
    ("answer within 3 rings", [dur("within 3 rings", 3, "rings", "at_most")]),
    ("answered by the third ring", [dur("by the third ring", 3, "rings", "at_most")]),
    (
        "Answer telephone calls within 30 seconds.",
        [dur("within 30 seconds", 30, "seconds", "at_most")],
    ),
    ("pick up in 15 s", [dur("15 s", 15, "seconds")]),
    ("pick up in 15s", [dur("15s", 15, "seconds")]),
    ("wait 10 min", [dur("10 min", 10, "minutes")]),
    ("wait 10 minutes", [dur("10 minutes", 10, "minutes")]),
    ("reply in 24h", [dur("24h", 24, "hours")]),
    ("within 24 hours", [dur("within 24 hours", 24, "hours", "at_most")]),
    ("within 5 working days", [dur("within 5 working days", 5, "working_days", "at_most")]),
    ("within 2 business days", [dur("within 2 business days", 2, "working_days", "at_most")]),
    ("within ten working days", [dur("within ten working days", 10, "working_days", "at_most")]),
    ("within 30 days", [dur("within 30 days", 30, "days", "at_most")]),
    ("within 14 calendar days", [dur("within 14 calendar days", 14, "days", "at_most")]),
    ("respond within a week", [dur("within a week", 1, "weeks", "at_most")]),
    ("up to 8 weeks", [dur("up to 8 weeks", 8, "weeks", "at_most")]),
    ("within a fortnight", [dur("within a fortnight", 2, "weeks", "at_most")]),
    ("within 3 months", [dur("within 3 months", 3, "months", "at_most")]),
    ("within 1 year", [dur("within 1 year", 1, "years", "at_most")]),
    ("within half an hour", [dur("within half an hour", 0.5, "hours", "at_most")]),
    ("a two-hour time slot", [dur("two-hour", 2, "hours")]),
    ("within a 72-hour window", [dur("within a 72-hour", 72, "hours", "at_most")]),
    (
        "acknowledged within five (5) working days",
        [dur("within five (5) working days", 5, "working_days", "at_most")],
    ),
    ("no more than 10 minutes", [dur("no more than 10 minutes", 10, "minutes", "at_most")]),
    (
        "no later than 10 working days",
        [dur("no later than 10 working days", 10, "working_days", "at_most")],
    ),
    ("please allow up to 21 days", [dur("up to 21 days", 21, "days", "at_most")]),
    (
        "waiting will not exceed 20 minutes",
        [dur("will not exceed 20 minutes", 20, "minutes", "at_most")],
    ),
    ("at least 24 hours' notice", [dur("at least 24 hours'", 24, "hours", "at_least")]),
    ("kept waiting more than 20 minutes", [dur("more than 20 minutes", 20, "minutes", "at_least")]),
    ("3 days or less", [dur("3 days or less", 3, "days", "at_most")]),
    ("10 minutes or more", [dur("10 minutes or more", 10, "minutes", "at_least")]),
    ("2 weeks in advance", [dur("2 weeks in advance", 2, "weeks", "at_least")]),
    ("within one week at most", [dur("within one week at most", 1, "weeks", "at_most")]),
    (
        "no longer than an additional 20 working days",
        [dur("no longer than an additional 20 working days", 20, "working_days", "at_most")],
    ),
    # --- ranges, English ---------------------------------------------------------------------
    ("3-5 working days", [dur("3-5 working days", 5, "working_days", low=3)]),
    ("3–5 working days", [dur("3–5 working days", 5, "working_days", low=3)]),
    ("3 to 5 working days", [dur("3 to 5 working days", 5, "working_days", low=3)]),
    ("three to five days", [dur("three to five days", 5, "days", low=3)]),
    ("between 3 and 5 days", [dur("between 3 and 5 days", 5, "days", low=3)]),
    ("3 days to 5 days", [dur("3 days to 5 days", 5, "days", low=3)]),
    (
        "between 10 minutes and 2 hours",
        [dur("10 minutes", 10, "minutes"), dur("2 hours", 2, "hours")],
    ),
    (
        "within 2-3 business days",
        [dur("within 2-3 business days", 3, "working_days", "at_most", low=2)],
    ),
    # --- percentages -------------------------------------------------------------------------
    ("接通率96%", [pct("96%", 96)]),
    ("接通率96％", [pct("96％", 96)]),
    ("百分之九十五的来电", [pct("百分之九十五", 95)]),
    ("九成以上", [pct("九成以上", 90, "at_least")]),
    ("八成五", [pct("八成五", 85)]),
    ("95 per cent of calls", [pct("95 per cent", 95)]),
    ("95 percent", [pct("95 percent", 95)]),
    ("满意度不低于95%", [pct("不低于95%", 95, "at_least")]),
    ("满意度达到90%以上", [pct("达到90%以上", 90, "at_least")]),
    ("及时率不少于98%", [pct("不少于98%", 98, "at_least")]),
    ("至少90%", [pct("至少90%", 90, "at_least")]),
    ("差错率低于0.5%", [pct("低于0.5%", 0.5, "at_most")]),
    ("投诉率不高于1%", [pct("不高于1%", 1, "at_most")]),
    ("satisfaction of at least 85%", [pct("at least 85%", 85, "at_least")]),
    ("no less than 90 per cent", [pct("no less than 90 per cent", 90, "at_least")]),
    ("above 80%", [pct("above 80%", 80, "at_least")]),
    ("below 5%", [pct("below 5%", 5, "at_most")]),
    ("90%-95%", [pct("90%-95%", 95, low=90)]),
    ("90-95%", [pct("90-95%", 95, low=90)]),
    ("between 90% and 95%", [pct("between 90% and 95%", 95, low=90)]),
    ("三分之二以上", [pct("三分之二以上", 66.67, "at_least")]),
    ("千分之五", [pct("千分之五", 0.5)]),
    ("0.5‰", [pct("0.5‰", 0.05)]),
    ("百分之百办结", [pct("百分之百", 100)]),
    ("一半以上", [pct("一半以上", 50, "at_least")]),
    ("nine out of ten seen", [pct("nine out of ten", 90)]),
    ("不得低于座椅总数的10%", [pct("不得低于座椅总数的10%", 10, "at_least")]),
    ("约95%", [pct("约95%", 95, approx=True)]),
    # --- frequencies -------------------------------------------------------------------------
    ("每月一次", [freq("每月一次", 1, "per_month")]),
    ("每季度巡检一次", [freq("每季度巡检一次", 1, "per_quarter")]),
    ("每周两次", [freq("每周两次", 2, "per_week")]),
    ("每年开展满意度调查", [freq("每年", 1, "per_year")]),
    ("每日巡查", [freq("每日", 1, "per_day")]),
    ("每两年一次", [freq("每两年一次", 0.5, "per_year")]),
    ("委員會每半年舉行會議一次", [freq("每半年舉行會議一次", 2, "per_year")]),
    ("每月至少开展一次", [freq("每月至少开展一次", 1, "per_month", "at_least")]),
    ("每2小时巡查一次", [freq("每2小时巡查一次", 0.5, "per_hour")]),
    ("每年2-3次", [q("每年2-3次", "frequency", 3, "per_year", low=2)]),
    ("一年两次", [freq("一年两次", 2, "per_year")]),
    ("review the charter twice a year", [freq("twice a year", 2, "per_year")]),
    ("once a month", [freq("once a month", 1, "per_month")]),
    ("three times a week", [freq("three times a week", 3, "per_week")]),
    ("every quarter", [freq("every quarter", 1, "per_quarter")]),
    ("every 2 hours", [freq("every 2 hours", 0.5, "per_hour")]),
    ("every six months", [freq("every six months", 1 / 6, "per_month")]),
    ("every other week", [freq("every other week", 0.5, "per_week")]),
    ("each working day", [freq("each working day", 1, "per_working_day")]),
    ("reviewed annually", [freq("annually", 1, "per_year")]),
    ("published monthly", [freq("monthly", 1, "per_month")]),
    ("quarterly reports", [freq("quarterly", 1, "per_quarter")]),
    ("checked weekly", [freq("weekly", 1, "per_week")]),
    ("updated daily", [freq("daily", 1, "per_day")]),
    ("twice yearly", [freq("twice yearly", 2, "per_year")]),
    ("at least once a year", [freq("at least once a year", 1, "per_year", "at_least")]),
    # --- deadline words ----------------------------------------------------------------------
    ("当日办结", [deadline("当日", "same_day")]),
    ("当天答复", [deadline("当天", "same_day")]),
    ("於即日回應", [deadline("即日", "same_day")]),
    ("同日办理", [deadline("同日", "same_day")]),
    ("次日回访", [deadline("次日", "next_day")]),
    ("翌日完成", [deadline("翌日", "next_day")]),
    ("當場答覆", [deadline("當場", "on_the_spot")]),
    ("投寄后下一个工作天派达", [deadline("下一个工作天", "next_working_day")]),
    ("不迟于次日", [deadline("不迟于次日", "next_day")]),
    ("same day", [deadline("same day", "same_day")]),
    ("a same-day service", [deadline("same-day", "same_day")]),
    ("the next working day", [deadline("the next working day", "next_working_day")]),
    ("next business day", [deadline("next business day", "next_working_day")]),
    ("the following day", [deadline("the following day", "next_day")]),
    ("by the end of the day", [deadline("by the end of the day", "same_day")]),
    ("resolved on the spot", [deadline("on the spot", "on_the_spot")]),
    # --- clock deadlines ---------------------------------------------------------------------
    ("次日中午12时前回复", [deadline("次日", "next_day"), clock("中午12时前", 12, "at_most")]),
    ("下午5点前", [clock("下午5点前", 17, "at_most")]),
    ("下午一時前接獲的投訴", [clock("下午一時前", 13, "at_most")]),
    (
        "下一个工作日下午一时或之前",
        [
            deadline("下一个工作日", "next_working_day"),
            clock("下午一时或之前", 13, "at_most"),
        ],
    ),
    ("19点以后的报修", [clock("19点以后", 19, "at_least")]),
    ("requests received by 2 pm", [clock("by 2 pm", 14, "at_most")]),
    ("before noon", [clock("before noon", 12, "at_most")]),
    ("until 8pm", [clock("until 8pm", 20, "at_most")]),
    # --- clock times and hours of service ----------------------------------------------------
    ("08:30", [clock("08:30", 8.5)]),
    ("9时开始受理", [clock("9时", 9)]),
    ("12时", [clock("12时", 12)]),
    ("下午5点", [clock("下午5点", 17)]),
    ("9am", [clock("9am", 9)]),
    ("at 5 pm", [clock("5 pm", 17)]),
    ("9:30am", [clock("9:30am", 9.5)]),
    ("9点整开门", [clock("9点整", 9, "exactly")]),
    ("at 9am and 5pm", [clock("9am", 9), clock("5pm", 17)]),
    ("5.30pm", [clock("5.30pm", 17.5)]),
    ("8:30–17:30", [q("8:30–17:30", "hours", 17.5, "clock", low=8.5)]),
    ("open 08:30–17:30 Monday to Friday", [q("08:30–17:30", "hours", 17.5, "clock", low=8.5)]),
    ("9am to 5pm", [q("9am to 5pm", "hours", 17, "clock", low=9)]),
    ("between 9am and 5pm", [q("between 9am and 5pm", "hours", 17, "clock", low=9)]),
    ("上午8时至下午5时", [q("上午8时至下午5时", "hours", 17, "clock", low=8)]),
    ("上午8時30分至下午5時30分", [q("上午8時30分至下午5時30分", "hours", 17.5, "clock", low=8.5)]),
    (
        "9:00-12:00,14:00-17:00",
        [
            q("9:00-12:00", "hours", 12, "clock", low=9),
            q("14:00-17:00", "hours", 17, "clock", low=14),
        ],
    ),
    (
        "from 1000 hours to 1300 hours",
        [q("1000 hours to 1300 hours", "hours", 13, "clock", low=10)],
    ),
    ("7×24小时受理", [q("7×24小时", "hours", 168, "hours_per_week")]),
    ("服务热线7*24小时值守", [q("7*24小时", "hours", 168, "hours_per_week")]),
    ("7x24 support", [q("7x24", "hours", 168, "hours_per_week")]),
    ("5×8小时", [q("5×8小时", "hours", 40, "hours_per_week")]),
    ("24/7", [q("24/7", "hours", 168, "hours_per_week")]),
    ("24 hours a day", [q("24 hours a day", "hours", 24, "hours_per_day")]),
    (
        "24 hours a day, 7 days a week",
        [q("24 hours a day, 7 days a week", "hours", 168, "hours_per_week")],
    ),
    ("open 7 days a week", [q("7 days a week", "hours", 7, "days_per_week")]),
    ("365 days a year", [q("365 days a year", "hours", 365, "days_per_year")]),
    ("全年365天服务", [q("全年365天", "hours", 365, "days_per_year")]),
    ("每天24小时", [q("每天24小时", "hours", 24, "hours_per_day")]),
    ("保证服务热线24小时畅通", [q("24小时", "hours", 24, "hours_per_day")]),
    ("a 24-hour helpline", [q("24-hour", "hours", 24, "hours_per_day")]),
    ("we are open 24 hours", [q("24 hours", "hours", 24, "hours_per_day")]),
    # --- counts and ratings ------------------------------------------------------------------
    ("安排3名工作人员", [q("3名", "count", 3, "people")]),
    ("2人", [q("2人", "count", 2, "people")]),
    ("上门1次", [q("1次", "count", 1, "times")]),
    ("自动售票机不应少于2台", [q("不应少于2台", "count", 2, "items", "at_least")]),
    ("3 staff", [q("3 staff", "count", 3, "people")]),
    ("after 2 attempts", [q("2 attempts", "count", 2, "times")]),
    ("at least 2 staff", [q("at least 2 staff", "count", 2, "people", "at_least")]),
    ("至少配备2名工作人员", [q("至少配备2名", "count", 2, "people", "at_least")]),
    ("最多跑一次", [q("最多跑一次", "count", 1, "times", "at_most")]),
    ("our 24 branches welcome you warmly", [q("24 branches", "count", 24, "items")]),
    ("transfer a call only once", [q("once", "count", 1, "times")]),
    ("收费10元", [q("10元", "count", 10, "money")]),
    ("a £10 payment", [q("£10", "count", 10, "money")]),
    ("500米范围内", [q("500米", "count", 500, "metres")]),
    ("满意度4.5分", [q("4.5分", "rating", 4.5, "points")]),
    ("评分90分以上", [q("90分以上", "rating", 90, "points", "at_least")]),
    ("4 out of 5", [q("4 out of 5", "rating", 4, "points")]),
    ("NPS 30", [q("NPS 30", "rating", 30, "points")]),
    ("an NPS of at least +30", [q("NPS of at least +30", "rating", 30, "points", "at_least")]),
    ("4.5 stars", [q("4.5 stars", "rating", 4.5, "stars")]),
    ("rated 8/10 by users", [q("8/10", "rating", 8, "points")]),
    # --- identifiers -------------------------------------------------------------------------
    ("服务热线95588", [ident("95588", "phone", 95588)]),
    ("95388服务热线", [ident("95388", "phone", 95388)]),
    ("拨打12345热线", [ident("12345", "phone", 12345)]),
    ("拨打110报警", [ident("110", "phone", 110)]),
    ("客服电话400-820-8820", [ident("400-820-8820", "phone")]),
    ("010-12345678", [ident("010-12345678", "phone")]),
    ("+44 20 7946 0000", [ident("+44 20 7946 0000", "phone")]),
    ("call us on 0300 123 4567", [ident("0300 123 4567", "phone")]),
    ("(一)热情服务", [ident("(一)", "marker", 1)]),
    ("（1）按时办结", [ident("（1）", "marker", 1)]),
    ("1. Reply to letters", [ident("1.", "marker", 1)]),
    ("一、服务时间", [ident("一、", "marker", 1)]),
    ("第三条", [ident("第三条", "marker", 3)]),
    ("Article 5", [ident("Article 5", "marker", 5)]),
    ("Section 3.2", [ident("Section 3.2", "marker")]),
    ("Stage 2 complaints", [ident("Stage 2", "marker", 2)]),
    ("P1 incidents", [ident("P1", "marker", 1)]),
    ("邮编100000", [ident("100000", "postcode", 100000)]),
    ("XX路88号", [ident("88号", "address", 88)]),
    ("服务大厅在3楼", [ident("3楼", "address", 3)]),
    ("Room 301", [ident("Room 301", "address", 301)]),
    ("12 High Street", [ident("12 High Street", "address")]),
    ("v2.1", [ident("v2.1", "version")]),
    ("GB/T 19001-2016", [ident("GB/T 19001-2016", "standard")]),
    ("ISO 9001:2015", [ident("ISO 9001:2015", "standard")]),
    ("www.12345.gov.cn", [ident("www.12345.gov.cn", "url")]),
    # --- dates -------------------------------------------------------------------------------
    ("2026年", [date("2026年")]),
    ("2026年1月1日起施行", [date("2026年1月1日起", "at_least")]),
    ("自即日起施行", [date("自即日起")]),
    ("2026-01-01", [date("2026-01-01")]),
    ("3月底前", [date("3月底前", "at_most")]),
    ("每月5日前", [freq("每月", 1, "per_month"), date("5日前", "at_most")]),
    ("31 March 2026", [date("31 March 2026")]),
    ("by 31 March", [date("by 31 March", "at_most")]),
    ("in 2026", [date("2026")]),
    ("Q1 2026", [date("Q1 2026")]),
    ("in the 1990s", [date("1990s")]),
    ("by the 1st of each month", [date("by the 1st of each month", "at_most")]),
    ("自2019-20年起", [date("2019-20年起", "at_least")]),
    # --- approximate -------------------------------------------------------------------------
    ("约10分钟", [dur("约10分钟", 10, "minutes", approx=True)]),
    ("大约15分钟", [dur("大约15分钟", 15, "minutes", approx=True)]),
    ("10分钟左右", [dur("10分钟左右", 10, "minutes", approx=True)]),
    ("approximately 10 minutes", [dur("approximately 10 minutes", 10, "minutes", approx=True)]),
    ("about 2 days", [dur("about 2 days", 2, "days", approx=True)]),
    ("around 3 working days", [dur("around 3 working days", 3, "working_days", approx=True)]),
    ("roughly 20 minutes", [dur("roughly 20 minutes", 20, "minutes", approx=True)]),
    ("~10 minutes", [dur("~10 minutes", 10, "minutes", approx=True)]),
    ("10 minutes or so", [dur("10 minutes or so", 10, "minutes", approx=True)]),
    ("within about 5 days", [dur("within about 5 days", 5, "days", "at_most", approx=True)]),
    # --- mixed statements --------------------------------------------------------------------
    ("尽快处理,最迟3个工作日内答复", [dur("最迟3个工作日内", 3, "working_days", "at_most")]),
    (
        "Answer your calls within 15 seconds or 5 rings",
        [dur("within 15 seconds", 15, "seconds", "at_most"), dur("5 rings", 5, "rings")],
    ),
    (
        "Processing of QSM Feedback (Simple): 100% within 3 working days",
        [pct("100%", 100), dur("within 3 working days", 3, "working_days", "at_most")],
    ),
    (
        "answer 90% of calls within 20 seconds",
        [pct("90%", 90), dur("within 20 seconds", 20, "seconds", "at_most")],
    ),
    (
        "服务热线12345 24小时受理",
        [ident("12345", "phone", 12345), q("24小时", "hours", 24, "hours_per_day")],
    ),
    (
        "清理堵塞污水管:於即日回應在下午一時前接獲的投訴,工作目標99%",
        [deadline("即日", "same_day"), clock("下午一時前", 13, "at_most"), pct("99%", 99)],
    ),
    (
        "受理客戶投訴後,1個工作日內聯絡客戶,7個工作日內答覆處理意見。",
        [
            dur("1個工作日內", 1, "working_days", "at_most"),
            dur("7個工作日內", 7, "working_days", "at_most"),
        ],
    ),
    (
        "入戶安全檢查,未安裝報警器的用戶每年兩次,安裝報警器的用戶每年一次。",
        [freq("每年兩次", 2, "per_year"), freq("每年一次", 1, "per_year")],
    ),
    (
        "戶所於上班時段每週一至週五上午8時至下午5時派員提供服務",
        [freq("每週", 1, "per_week"), q("上午8時至下午5時", "hours", 17, "clock", low=8)],
    ),
    (
        "a Patient's Charter standard: within 26 weeks, with nine out of ten seen within 13 weeks",
        [
            dur("within 26 weeks", 26, "weeks", "at_most"),
            pct("nine out of ten", 90),
            dur("within 13 weeks", 13, "weeks", "at_most"),
        ],
    ),
    # --- no quantity -------------------------------------------------------------------------
    ("热情接待每一位客户", []),
    ("respond promptly", []),
    ("尽快处理", []),
    ("严格执行一次性告知制度", []),
    ("提供一站式服务", []),
    ("让客户十分满意", []),
    ("第一时间响应", []),
    ("提供五星级服务", []),
    ("five-star service", []),
    ("be courteous and helpful", []),
    ("二次供水设施", []),
    ("一般问题及时处理", []),
    ("定期回访", []),
    ("每个人都能享受服务", []),
    ("we will answer the phone as soon as possible", []),
    ("First time, every time", []),
    ("", []),
]


def _row(x: Quantity) -> Expected:
    def r(v: float | None) -> float | None:
        return None if v is None else round(v, 2)

    return (x.text, x.kind, r(x.value), r(x.low), x.unit, x.comparator, x.approximate)


def _expected(e: Expected) -> Expected:
    text, kind, value, low, unit, cmp, approx = e
    return (
        text,
        kind,
        None if value is None else round(value, 2),
        None if low is None else round(low, 2),
        unit,
        cmp,
        approx,
    )


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] or "<empty>" for c in CASES])
def test_find_quantities(text: str, expected: list[Expected]) -> None:
    found = find_quantities(text)
    assert [_row(x) for x in found] == [_expected(e) for e in expected]
    for x in found:
        assert text[x.start : x.end] == x.text


def test_cases_cover_every_kind_and_enough_ground() -> None:
    kinds = {e[1] for _, expected in CASES for e in expected}
    assert kinds == set(UNITS)
    assert len(CASES) >= 120
    negatives = [text for text, expected in CASES if not expected]
    assert len(negatives) >= 10


def test_units_are_canonical() -> None:
    for _, expected in CASES:
        for e in expected:
            assert e[4] in UNITS[e[1]], e


def test_offsets_point_into_original_text() -> None:
    text = "ＡＢ，最迟３个工作日内答复；95%以上"
    found = find_quantities(text)
    assert [(x.start, x.end, x.text) for x in found] == [
        (3, 11, "最迟３个工作日内"),
        (14, 19, "95%以上"),
    ]


def test_quantity_is_frozen() -> None:
    (x,) = find_quantities("within 5 days")
    with pytest.raises(AttributeError):
        x.value = 6.0  # type: ignore[misc]


# --- properties ----------------------------------------------------------------------------------

FRAGMENTS = [
    "3", "15", "24", "0.5", "1,000", "２４", "二十四", "两", "三", "十", "半", "个", "小时", "分钟",
    "秒", "天", "日", "周", "月", "年", "工作日", "声", "内", "以内", "以上", "不超过", "不低于",
    "至", "-", "–", "~", "%", "％", "每", "次", "当日", "次日", "上午", "下午", "点", "时", ":",
    "：", "30", "前", "约", "左右", "第", "条", "号", "(", ")", "（", "）", "、", "。", "，", " ",
    "within", "at least", "days", "working days", "hours", "minutes", "rings", "percent",
    "twice a year", "every", "a", "week", "am", "pm", "by", "to", "and", "between", "24/7",
    "7×24", "95588", "热线", "电话", "2026", "-01-01", "out of", "NPS", "stars", "staff", "once",
]  # fmt: skip

statements = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=14).map(
    "".join
)

KINDS = set(UNITS)


def _check_invariants(text: str) -> None:
    found = find_quantities(text)
    previous_end = 0
    for x in found:
        assert 0 <= x.start < x.end <= len(text)
        assert x.start >= previous_end, "sorted and non-overlapping"
        previous_end = x.end
        assert x.text == text[x.start : x.end]
        assert x.kind in KINDS
        assert x.unit in UNITS[x.kind]
        assert x.comparator in (None, "at_most", "at_least", "exactly")
        if x.low is not None:
            assert x.value is not None


@pytest.mark.parametrize("text", ["3at least每天", "3 days at least once a week", "10%以上5天"])
def test_words_between_two_quantities_are_claimed_once(text: str) -> None:
    _check_invariants(text)


@settings(max_examples=400)
@given(statements)
def test_spans_sorted_non_overlapping_on_statement_like_text(text: str) -> None:
    _check_invariants(text)


@settings(max_examples=300)
@given(st.text(max_size=60))
def test_spans_sorted_non_overlapping_on_any_text(text: str) -> None:
    _check_invariants(text)


def _without_triggers(text: str, monkeypatch: pytest.MonkeyPatch) -> list[Quantity]:
    with monkeypatch.context() as m:
        m.setattr(quantities, "_RULES", tuple((None, r, b) for _, r, b in quantities._RULES))
        return find_quantities(text)


def test_rule_triggers_only_skip_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each rule's trigger is a necessary condition: skipping by trigger changes no result."""
    for text, _ in CASES:
        assert find_quantities(text) == _without_triggers(text, monkeypatch), text


@settings(max_examples=300)
@given(statements)
def test_rule_triggers_only_skip_work_on_random_text(text: str) -> None:
    with pytest.MonkeyPatch.context() as m:
        expected = _without_triggers(text, m)
    assert find_quantities(text) == expected
