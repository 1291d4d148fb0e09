"""Words that make a service standard vague or uncheckable, in Chinese and English.

Chinese has no spaces, so `\\b` is useless next to CJK characters. Each Chinese term instead
lists the characters that may not stand right before or after it, e.g. 等 is an open list
but 等候 is waiting. English terms match on word boundaries, case-insensitively.

Families:
  quality     subjective qualities (热情, courteous)
  time        bare immediacy or regularity (尽快, promptly)
  hedge       makes the promise optional (尽量, where possible)
  quantity    vague amounts (若干, several)
  openlist    a list left open (等, etc.)
  superlative superlatives and comparatives with nothing to compare against (最好, better)
  totality    absolutes nobody can check or keep (始终, always)
  reference   threshold incorporated by reference (按规定时限, as set out in)
  limit       a limit named but not stated (超时限, "within our timescales"); counts only
              when the text gives no number
  escape      an unbounded way out (特殊情况除外, complex cases)
  overrun     the limit may be exceeded (may take longer, 延长); partial even with no limit
  improve     a metric with a direction but no level (不断提高, reduce)
  punctual    a reference time with no tolerance (准时, on time)
  attitude    an inner state, not an observable behaviour (心态, mindset)
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class Term:
    phrase: str
    family: str
    suggestion: str
    not_before: str = ""  # zh: characters that may not precede the phrase
    not_after: str = ""  # zh: characters that may not follow the phrase
    need_after: str = ""  # zh: one of these characters must follow the phrase

    @property
    def lang(self) -> str:
        return "en" if self.phrase.isascii() else "zh"

    def pattern(self) -> str:
        if self.lang == "en":
            words = r"\s+".join(re.escape(w) for w in self.phrase.split())
            return rf"(?<![\w-]){words}(?![\w-])"
        before = f"(?<![{re.escape(self.not_before)}])" if self.not_before else ""
        after = f"(?![{re.escape(self.not_after)}])" if self.not_after else ""
        if self.need_after:
            after += f"(?=[{re.escape(self.need_after)}])"
        return before + re.escape(self.phrase) + after


QUOTE_PAIRS = (("“", "”"), ("「", "」"), ("『", "』"), ("‘", "’"))
# Characters that turn a vague word into the *name of a metric*: 及时率, 满意度.
METRIC_SUFFIX = "率度性"

_Q_ZH = "写出可观察的行为,例如「客户进门3秒内目光接触、微笑并问候」"
_Q_EN = "describe observable behaviour, e.g. 'greet the customer within 3 seconds of arrival'"
_T_ZH = "写出时限,例如「24小时内回复」「当日办结」"
_T_EN = "state a time limit, e.g. 'respond within 2 working days'"
_H_ZH = "删去限定词,写出承诺的比例,例如「95%的来电在三声内接听」"
_H_EN = "drop the hedge and state the share of cases, e.g. '95% of calls answered in 20 s'"
_R_ZH = "把引用的时限或标准写进标准本身,例如「5个工作日内」"
_R_EN = "state the limit itself instead of referring to it, e.g. 'within 5 working days'"
_E_ZH = "给出上限,例如「复杂情况最迟15个工作日内办结」"
_E_EN = "give an outer limit, e.g. 'and never more than 20 working days'"
_I_ZH = "写出目标水平,例如「接通率不低于95%」"
_I_EN = "state the level, e.g. 'at least 95% of calls answered'"
_P_ZH = "写出容差,例如「预约时间后5分钟内开始办理」"
_P_EN = "state a tolerance, e.g. 'start within 5 minutes of the appointment time'"
_A_ZH = "写出看得见的外表、行为或沟通(ABC),例如「与客户交谈时保持目光接触并点头回应」"
_A_EN = "describe what an observer sees or hears, e.g. 'keeps eye contact and nods while listening'"
_SEEN_EN = "describe what the customer sees and hears, e.g. 'greets by name and smiles'"
_N_ZH = "写出具体数量,例如「3个工作日」「至少2名柜员」"
_N_EN = "state the number, e.g. 'at least 2 tellers'"
_L_ZH = "列全适用的项目,或写明「以下3类」"
_L_EN = "list every item the standard covers, or say 'the following 3 services'"
_C_ZH = "写出要达到的水平,例如「平均等候不超过10分钟」"
_C_EN = "state the level to reach, e.g. 'average wait under 10 minutes'"
_W_ZH = "写出可检查的频次或比例,例如「每次通话结束前确认需求」「95%的检查合格」"
_W_EN = "state a checkable share or occasion, e.g. 'at the end of every call' or '95% of checks'"

TERMS: tuple[Term, ...] = (
    # quality
    Term("热情", "quality", _Q_ZH),
    Term("周到", "quality", "列出要做的每一步,例如「办结后提醒客户带齐证件和银行卡」"),
    Term("耐心", "quality", "写出可观察的行为,例如「客户说完前不打断,结束前复述确认需求」"),
    Term("礼貌", "quality", "写出用语和动作,例如「使用“您好”“请”“谢谢”,双手递接单据」"),
    Term("友好", "quality", _Q_ZH),
    Term("良好", "quality", _Q_ZH),
    Term("优质", "quality", _Q_ZH),
    Term("满意", "quality", "写出满意度指标和水平,例如「月度满意度调查得分不低于90%」"),
    Term(
        "规范", "quality", "写出检查项,例如「按《柜面服务规范》唱收唱付、双手递接」", not_after="化"
    ),
    Term("细致", "quality", _Q_ZH),
    Term("贴心", "quality", _Q_ZH),
    Term("真诚", "quality", _Q_ZH),
    Term("親切", "quality", _Q_ZH),
    Term("亲切", "quality", _Q_ZH),
    Term("熱情", "quality", _Q_ZH),
    Term("週到", "quality", _Q_ZH),
    Term("禮貌", "quality", "写出用语和动作,例如「使用“您好”“请”“谢谢”,双手递接单据」"),
    Term("委婉", "quality", _Q_ZH),
    Term("妥善", "quality", _Q_ZH),
    Term("妥慎", "quality", _Q_ZH),
    Term("高效", "quality", _Q_ZH),
    Term("便捷", "quality", _Q_ZH),
    Term("专业", "quality", "写出可检查的资质或行为,例如「持证上岗,产品问题无需转接即可解答」"),
    Term("courteous", "quality", _SEEN_EN),
    Term("courteously", "quality", _SEEN_EN),
    Term("friendly", "quality", _SEEN_EN),
    Term("polite", "quality", "name the words and actions, e.g. 'says please and thank you'"),
    Term("politely", "quality", _Q_EN),
    Term("helpful", "quality", _Q_EN),
    Term("professional", "quality", "state a checkable skill, e.g. 'answers without a transfer'"),
    Term("professionally", "quality", _Q_EN),
    Term("warm", "quality", _Q_EN),
    Term("warmly", "quality", _Q_EN),
    Term("appropriate", "quality", "say what is appropriate, e.g. 'in plain words, no jargon'"),
    Term("high quality", "quality", _Q_EN),
    Term("excellent", "quality", _Q_EN),
    # time
    Term("及时", "time", _T_ZH),
    Term("尽快", "time", _T_ZH),
    Term("立即", "time", "写出时限,例如「10秒内」「当场」"),
    Term("马上", "time", "写出时限,例如「10秒内」「当场」"),
    Term("迅速", "time", _T_ZH),
    Term("适时", "time", _T_ZH),
    Term("定期", "time", "写出频次,例如「每季度一次」「每月第5个工作日前」", not_before="不"),
    Term("不定期", "time", _T_ZH),
    Term("第一时间", "time", _T_ZH),
    Term("合理时限", "time", _T_ZH),
    Term("合理時限", "time", _T_ZH),
    Term("reasonable timeframe", "time", _T_EN),
    Term("reasonable timeframes", "time", _T_EN),
    Term("及時", "time", _T_ZH),
    Term("盡快", "time", _T_ZH),
    Term("儘快", "time", _T_ZH),
    Term("即时", "time", _T_ZH),
    Term("即時", "time", _T_ZH),
    Term("随时", "time", _T_ZH),
    Term("隨時", "time", _T_ZH),
    Term("立刻", "time", _T_ZH),
    Term("定時", "time", _T_ZH),
    Term("as fast as we can", "time", _T_EN),
    Term("as quickly as possible", "time", _T_EN),
    Term("promptly", "time", _T_EN),
    Term("prompt", "time", _T_EN),
    Term("as soon as possible", "time", _T_EN),
    Term("asap", "time", _T_EN),
    Term("timely", "time", _T_EN),
    Term("quickly", "time", _T_EN),
    Term("without delay", "time", _T_EN),
    Term("without undue delay", "time", _T_EN),
    Term("regularly", "time", "state the frequency, e.g. 'every quarter'"),
    Term("immediately", "time", "state the limit, e.g. 'within 10 seconds'"),
    Term("in a timely manner", "time", _T_EN),
    Term("reasonable time", "time", _T_EN),
    # hedge
    Term("尽量", "hedge", _H_ZH),
    Term("尽可能", "hedge", _H_ZH),
    Term("原则上", "hedge", _H_ZH),
    Term("力争", "hedge", _H_ZH),
    Term("争取", "hedge", _H_ZH),
    Term("努力", "hedge", _H_ZH),
    Term("必要时", "hedge", _H_ZH),
    Term("视情况", "hedge", _H_ZH),
    Term("一般情况下", "hedge", _H_ZH),
    Term("原則上", "hedge", _H_ZH),
    Term("盡量", "hedge", _H_ZH),
    Term("儘量", "hedge", _H_ZH),
    Term("盡可能", "hedge", _H_ZH),
    Term("通常", "hedge", _H_ZH),
    Term("一般", "hedge", _H_ZH, need_after="不在于於会會为為可需要都均情"),
    Term("視情況", "hedge", _H_ZH),
    Term("视人力", "hedge", _H_ZH),
    Term("視人力", "hedge", _H_ZH),
    Term("视实际", "hedge", _H_ZH),
    Term("視實際", "hedge", _H_ZH),
    Term("视需要", "hedge", _H_ZH),
    Term("視需要", "hedge", _H_ZH),
    Term("视工作量", "hedge", _H_ZH),
    Term("视业务量", "hedge", _H_ZH),
    Term("力爭", "hedge", _H_ZH),
    Term("爭取", "hedge", _H_ZH),
    Term("尽力", "hedge", _H_ZH),
    Term("盡力", "hedge", _H_ZH),
    Term("力求", "hedge", _H_ZH),
    Term("大部分", "hedge", _H_ZH),
    Term("大多数", "hedge", _H_ZH),
    Term("大多數", "hedge", _H_ZH),
    Term("多数情况", "hedge", _H_ZH),
    Term("多數情況", "hedge", _H_ZH),
    Term("基本上", "hedge", _H_ZH),
    Term("酌情", "hedge", _H_ZH),
    Term("如有可能", "hedge", _H_ZH),
    Term("正常情况下", "hedge", _H_ZH),
    Term("正常情況下", "hedge", _H_ZH),
    Term("无特殊情况", "hedge", _H_ZH),
    Term("無特殊情況", "hedge", _H_ZH),
    Term("do our best", "hedge", _H_EN),
    Term("do all we can", "hedge", _H_EN),
    Term("best endeavours", "hedge", _H_EN),
    Term("in most cases", "hedge", _H_EN),
    Term("most", "hedge", _H_EN),
    Term("ideally", "hedge", _H_EN),
    Term("when possible", "hedge", _H_EN),
    Term("where practicable", "hedge", _H_EN),
    Term("in normal circumstances", "hedge", _H_EN),
    Term("under normal circumstances", "hedge", _H_EN),
    Term("where possible", "hedge", _H_EN),
    Term("wherever possible", "hedge", _H_EN),
    Term("if possible", "hedge", _H_EN),
    Term("as far as possible", "hedge", _H_EN),
    Term("try to", "hedge", _H_EN),
    Term("endeavour", "hedge", _H_EN),
    Term("endeavor", "hedge", _H_EN),
    Term("make every effort", "hedge", _H_EN),
    Term("generally", "hedge", _H_EN),
    Term("usually", "hedge", _H_EN),
    Term("normally", "hedge", _H_EN),
    Term("typically", "hedge", _H_EN),
    Term("if necessary", "hedge", _H_EN),
    Term("as a rule", "hedge", _H_EN),
    Term("in general", "hedge", _H_EN),
    Term("where practical", "hedge", _H_EN),
    Term("wherever practicable", "hedge", _H_EN),
    Term("as far as practicable", "hedge", _H_EN),
    Term("where feasible", "hedge", _H_EN),
    Term("reasonable endeavours", "hedge", _H_EN),
    Term("reasonable efforts", "hedge", _H_EN),
    Term("every reasonable effort", "hedge", _H_EN),
    Term("strive", "hedge", _H_EN),
    Term("seek to", "hedge", _H_EN),
    Term("hope to", "hedge", _H_EN),
    Term("wherever we can", "hedge", _H_EN),
    Term("where we can", "hedge", _H_EN),
    Term("majority", "hedge", _H_EN),
    Term("most of the time", "hedge", _H_EN),
    Term("attempt to", "hedge", _H_EN),
    Term("if we can", "hedge", _H_EN),
    Term("whenever possible", "hedge", _H_EN),
    Term("whenever practicable", "hedge", _H_EN),
    Term("as far as reasonably possible", "hedge", _H_EN),
    Term("circumstances permit", "hedge", _H_EN),
    Term("resources permit", "hedge", _H_EN),
    Term("resources permitting", "hedge", _H_EN),
    Term("subject to availability", "hedge", _H_EN),
    Term("subject to resources", "hedge", _H_EN),
    Term("fully staffed", "hedge", _H_EN),
    Term("as appropriate", "hedge", _H_EN),
    # vague quantity
    Term("若干", "quantity", _N_ZH),
    Term("一些", "quantity", _N_ZH),
    Term("少量", "quantity", _N_ZH),
    Term("大量", "quantity", _N_ZH),
    Term("适量", "quantity", _N_ZH),
    Term("適量", "quantity", _N_ZH),
    Term("大约", "quantity", _N_ZH),
    Term("大約", "quantity", _N_ZH),
    Term("several", "quantity", _N_EN),
    Term("some", "quantity", _N_EN),
    Term("a few", "quantity", _N_EN),
    Term("a number of", "quantity", _N_EN),
    Term("many", "quantity", _N_EN),
    Term("various", "quantity", _N_EN),
    Term("approximately", "quantity", _N_EN),
    Term("roughly", "quantity", _N_EN),
    # open-ended lists; 等 is also 等候/平等/等级, and "等3类" closes the list it ends
    Term(
        "等",
        "openlist",
        _L_ZH,
        not_before="平相同对對初高中上头頭一二三四五六七八九十何均超优優次劣特",
        not_after="候待级級同于於额額值量比到你您号號效价價0123456789一二三四五六七八九十两兩几幾",
    ),
    Term("等等", "openlist", _L_ZH),
    Term("之类", "openlist", _L_ZH),
    Term("之類", "openlist", _L_ZH),
    Term("etc", "openlist", _L_EN),
    Term("and so on", "openlist", _L_EN),
    Term("and so forth", "openlist", _L_EN),
    Term("and the like", "openlist", _L_EN),
    Term("among others", "openlist", _L_EN),
    Term("including but not limited to", "openlist", _L_EN),
    # superlatives and comparatives; 最迟/最长/最多 are bounds and are not listed
    Term("最好", "superlative", _C_ZH),
    Term("最佳", "superlative", _C_ZH),
    Term("最优", "superlative", _C_ZH),
    Term("最優", "superlative", _C_ZH),
    Term("最快", "superlative", _C_ZH),
    Term("最大限度", "superlative", _C_ZH),
    Term("最大程度", "superlative", _C_ZH),
    Term("更好", "superlative", _C_ZH),
    Term("更加", "superlative", _C_ZH),
    Term("更优", "superlative", _C_ZH),
    Term("更優", "superlative", _C_ZH),
    Term("更便捷", "superlative", _C_ZH),
    Term("较好", "superlative", _C_ZH),
    Term("較好", "superlative", _C_ZH),
    Term("较快", "superlative", _C_ZH),
    Term("較快", "superlative", _C_ZH),
    Term("一流", "superlative", _C_ZH),
    Term("尽善尽美", "superlative", _C_ZH),
    Term("best", "superlative", _C_EN),
    Term("better", "superlative", _C_EN),
    Term("faster", "superlative", _C_EN),
    Term("fastest", "superlative", _C_EN),
    Term("world-class", "superlative", _C_EN),
    Term("first-class", "superlative", _C_EN),
    Term("best-in-class", "superlative", _C_EN),
    Term("highest", "superlative", _C_EN),
    Term("superior", "superlative", _C_EN),
    # absolutes; with a threshold they only scope it ("所有投诉24小时内回复")
    Term("始终", "totality", _W_ZH),
    Term("始終", "totality", _W_ZH),
    Term("一律", "totality", _W_ZH),
    Term("所有", "totality", _W_ZH),
    Term("一切", "totality", _W_ZH),
    Term("永远", "totality", _W_ZH),
    Term("永遠", "totality", _W_ZH),
    Term("绝不", "totality", _W_ZH, not_after="迟遲"),
    Term("絕不", "totality", _W_ZH, not_after="迟遲"),
    Term("从不", "totality", _W_ZH, not_after="迟遲"),
    Term("always", "totality", _W_EN),
    Term("never", "totality", _W_EN),
    Term("all", "totality", _W_EN),
    Term("at all times", "totality", _W_EN),
    # threshold by reference
    Term("规定时限", "reference", _R_ZH),
    Term("规定的时限", "reference", _R_ZH),
    Term("规定时间", "reference", _R_ZH),
    Term("承诺时限", "reference", _R_ZH),
    Term("约定时间", "reference", _R_ZH),
    Term("国家标准", "reference", _R_ZH),
    Term("监管规定", "reference", _R_ZH),
    Term("有关规定", "reference", _R_ZH),
    Term("相关规定", "reference", _R_ZH),
    Term("規定時限", "reference", _R_ZH),
    Term("规定期限", "reference", _R_ZH),
    Term("規定期限", "reference", _R_ZH),
    Term("期限內", "reference", _R_ZH),
    Term("期限内", "reference", _R_ZH),
    Term("按规定", "reference", _R_ZH),
    Term("按規定", "reference", _R_ZH),
    Term("依规定", "reference", _R_ZH),
    Term("依規定", "reference", _R_ZH),
    Term("所列标准", "reference", _R_ZH),
    Term("所列標準", "reference", _R_ZH),
    Term("约定的时间", "reference", _R_ZH),
    Term("約定的時間", "reference", _R_ZH),
    Term("限时办理", "reference", _R_ZH),
    Term("agreed schedule", "reference", _R_EN),
    Term("agreed dates", "reference", _R_EN),
    Term("period notified", "reference", _R_EN),
    Term("time limit", "reference", _R_EN),
    Term("set out in", "reference", _R_EN),
    Term("in line with", "reference", _R_EN),
    Term("in accordance with", "reference", _R_EN),
    Term("agreed timescale", "reference", _R_EN),
    Term("agreed timescales", "reference", _R_EN),
    Term("statutory", "reference", _R_EN),
    Term("prescribed", "reference", _R_EN),
    Term("as specified", "reference", _R_EN),
    Term("specified in", "reference", _R_EN),
    Term("agreed timeframe", "reference", _R_EN),
    Term("agreed timeframes", "reference", _R_EN),
    Term("agreed time", "reference", _R_EN),
    Term("agreed date", "reference", _R_EN),
    Term("laid out in", "reference", _R_EN),
    Term("specified time", "reference", _R_EN),
    Term("按期", "reference", _R_ZH),
    Term("达标", "reference", _R_ZH),
    Term("達標", "reference", _R_ZH),
    # a limit named but not stated (only a criterion when no number is given):
    # 超时限, 计划时间内, 承诺指标, "within our timescales"
    Term("时限", "limit", _R_ZH, not_before="有无無"),
    Term("時限", "limit", _R_ZH, not_before="有无無"),
    Term("期限", "limit", _R_ZH, not_before="有无無"),
    Term("时间内", "limit", _R_ZH),
    Term("時間內", "limit", _R_ZH),
    Term("指标", "limit", _R_ZH),
    Term("指標", "limit", _R_ZH),
    Term("timescale", "limit", _R_EN),
    Term("timescales", "limit", _R_EN),
    Term("timeframe", "limit", _R_EN),
    Term("timeframes", "limit", _R_EN),
    Term("time frame", "limit", _R_EN),
    Term("time frames", "limit", _R_EN),
    Term("deadlines", "limit", _R_EN),
    Term("target times", "limit", _R_EN),
    Term("service standard", "limit", _R_EN),
    Term("service standards", "limit", _R_EN),
    Term("time-bound", "limit", _R_EN),
    Term("法定时限", "reference", _R_ZH),
    Term("法定時限", "reference", _R_ZH),
    Term("法定期限", "reference", _R_ZH),
    Term("承诺期限", "reference", _R_ZH),
    Term("承諾期限", "reference", _R_ZH),
    Term("合同约定", "reference", _R_ZH),
    Term("合約約定", "reference", _R_ZH),
    Term("按约定", "reference", _R_ZH),
    Term("按照约定", "reference", _R_ZH),
    Term("约定期限", "reference", _R_ZH),
    Term("约定的期限", "reference", _R_ZH),
    Term("行业标准", "reference", _R_ZH),
    Term("國家規定", "reference", _R_ZH),
    Term("国家规定", "reference", _R_ZH),
    Term("办事指南", "reference", _R_ZH),
    Term("服务指南", "reference", _R_ZH),
    Term("处理期限", "reference", _R_ZH),
    Term("處理期限", "reference", _R_ZH),
    Term("約定時間", "reference", _R_ZH),
    Term("按照设计", "reference", _R_ZH),
    Term("按設計", "reference", _R_ZH),
    Term("按设计", "reference", _R_ZH),
    Term("as per the", "reference", _R_EN),
    Term("guidelines", "reference", _R_EN),
    Term("service targets", "reference", _R_EN),
    Term("delivery targets", "reference", _R_EN),
    # unbounded escape
    Term("特殊情况除外", "escape", _E_ZH),
    Term("特殊情况", "escape", _E_ZH, not_after="除"),
    Term("复杂", "escape", _E_ZH),
    Term("may take longer", "overrun", _E_EN),
    Term("complex cases", "escape", _E_EN),
    Term("more time", "overrun", _E_EN),
    Term("或以上", "escape", _E_ZH),
    Term("不可抗力除外", "escape", _E_ZH),
    Term("take longer", "overrun", _E_EN),
    Term("exceptional circumstances", "escape", _E_EN),
    Term("when capacity allows", "escape", _E_EN),
    Term("may not be possible", "escape", _E_EN),
    Term("depend on", "escape", _E_EN),
    Term("depends on", "escape", _E_EN),
    Term("depending on", "escape", _E_EN),
    Term("延长", "overrun", _E_ZH),
    Term("延長", "overrun", _E_ZH),
    Term("如需超过", "overrun", _E_ZH),
    Term("特殊原因", "escape", _E_ZH),
    Term("疑难", "escape", _E_ZH),
    Term("疑難", "escape", _E_ZH),
    Term("延期", "overrun", _E_ZH),
    Term("另行告知", "escape", _E_ZH),
    Term("另行通知", "escape", _E_ZH),
    Term("另行商定", "escape", _E_ZH),
    Term("另行约定", "escape", _E_ZH),
    Term("busy times", "escape", _E_EN),
    Term("busy periods", "escape", _E_EN),
    Term("peak times", "escape", _E_EN),
    Term("peak periods", "escape", _E_EN),
    Term("or longer", "overrun", _E_EN),
    Term("be longer", "overrun", _E_EN),
    Term("a little longer", "overrun", _E_EN),
    Term("can extend", "overrun", _E_EN),
    Term("extension of time", "overrun", _E_EN),
    Term("be relaxed", "overrun", _E_EN),
    Term("may extend", "overrun", _E_EN),
    Term("right to extend", "overrun", _E_EN),
    Term("or a progress report", "escape", _E_EN),
    Term("or a holding reply", "escape", _E_EN),
    Term("延迟", "overrun", _E_ZH, not_before="无不無"),
    Term("延遲", "overrun", _E_ZH, not_before="无不無"),
    Term("if we cannot", "escape", _E_EN),
    Term("if we can't", "escape", _E_EN),
    Term("if we are unable", "escape", _E_EN),
    Term("if we are not able", "escape", _E_EN),
    Term("if this is not possible", "escape", _E_EN),
    Term("where this is not possible", "escape", _E_EN),
    Term("if it is not possible", "escape", _E_EN),
    Term("need longer", "overrun", _E_EN),
    Term("explain why", "escape", _E_EN),
    Term("tell you why", "escape", _E_EN),
    Term("无法", "escape", _E_ZH),
    Term("無法", "escape", _E_ZH),
    Term("如不能", "escape", _E_ZH),
    Term("不能按时", "escape", _E_ZH),
    Term("不能按時", "escape", _E_ZH),
    Term("说明原因", "escape", _E_ZH),
    Term("說明原因", "escape", _E_ZH),
    Term("告知原因", "escape", _E_ZH),
    Term("certain circumstances", "escape", _E_EN),
    Term("some circumstances", "escape", _E_EN),
    Term("not always", "overrun", _E_EN),
    Term("未必", "overrun", _E_ZH),
    Term("有所不同", "overrun", _E_ZH),
    Term("繁忙时段", "escape", _E_ZH),
    Term("繁忙時段", "escape", _E_ZH),
    # a direction with no level
    Term("不断提高", "improve", _I_ZH),
    Term("不断提升", "improve", _I_ZH),
    Term("逐步提高", "improve", _I_ZH),
    Term("持续改进", "improve", _I_ZH),
    Term("减少", "improve", _I_ZH),
    Term("缩短", "improve", _I_ZH),
    Term("提高", "improve", _I_ZH),
    Term("提升", "improve", _I_ZH),
    Term("縮短", "improve", _I_ZH),
    Term("減少", "improve", _I_ZH),
    Term("improve", "improve", _I_EN),
    Term("reduce", "improve", _I_EN),
    Term("minimise", "improve", _I_EN),
    Term("minimize", "improve", _I_EN),
    Term("increase", "improve", _I_EN),
    Term("持续提升", "improve", _I_ZH),
    Term("持续提高", "improve", _I_ZH),
    Term("持續提升", "improve", _I_ZH),
    Term("持續提高", "improve", _I_ZH),
    Term("进一步", "improve", _I_ZH),
    Term("進一步", "improve", _I_ZH),
    Term("降低", "improve", _I_ZH),
    Term("压缩", "improve", _I_ZH),
    Term("壓縮", "improve", _I_ZH),
    Term("加快", "improve", _I_ZH),
    Term("最短时间", "improve", _I_ZH),
    Term("最短時間", "improve", _I_ZH),
    Term("最快速度", "improve", _I_ZH),
    Term("shorten", "improve", _I_EN),
    Term("speed up", "improve", _I_EN),
    Term("to a minimum", "improve", _I_EN),
    Term("maximise", "improve", _I_EN),
    Term("maximize", "improve", _I_EN),
    Term("lower", "improve", _I_EN),
    Term("reduced", "improve", _I_EN),
    Term("reduction", "improve", _I_EN),
    Term("improved", "improve", _I_EN),
    Term("increased", "improve", _I_EN),
    Term("shorter", "improve", _I_EN),
    # inner states, not observable behaviour (personal standards)
    Term("心态", "attitude", _A_ZH),
    Term("心態", "attitude", _A_ZH),
    Term("意识", "attitude", _A_ZH),
    Term("用心", "attitude", _A_ZH),
    Term("真心", "attitude", _A_ZH),
    Term("责任心", "attitude", _A_ZH),
    Term("热爱", "attitude", _A_ZH),
    Term("积极", "attitude", _A_ZH),
    Term("attitude", "attitude", _A_EN),
    Term("mindset", "attitude", _A_EN),
    Term("passion", "attitude", _A_EN),
    Term("genuinely care", "attitude", _A_EN),
    Term("positive", "attitude", _A_EN),
    # reference time with no tolerance
    Term("准时", "punctual", _P_ZH),
    Term("按时", "punctual", _P_ZH),
    Term("準時", "punctual", _P_ZH),
    Term("准点", "punctual", _P_ZH),
    Term("準點", "punctual", _P_ZH),
    Term("不迟到", "punctual", _P_ZH),
    Term("不遲到", "punctual", _P_ZH),
    Term("on time", "punctual", _P_EN),
    Term("punctual", "punctual", _P_EN),
    Term("punctually", "punctual", _P_EN),
    Term("appointment time", "punctual", _P_EN),
)


@dataclass(frozen=True)
class TermHit:
    term: Term
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.term.phrase


FAMILY_SUGGESTIONS: dict[str, tuple[str, str]] = {
    "quality": (_Q_ZH, _Q_EN),
    "time": (_T_ZH, _T_EN),
    "hedge": (_H_ZH, _H_EN),
    "quantity": (_N_ZH, _N_EN),
    "openlist": (_L_ZH, _L_EN),
    "superlative": (_C_ZH, _C_EN),
    "totality": (_W_ZH, _W_EN),
    "reference": (_R_ZH, _R_EN),
    "limit": (_R_ZH, _R_EN),
    "escape": (_E_ZH, _E_EN),
    "overrun": (_E_ZH, _E_EN),
    "improve": (_I_ZH, _I_EN),
    "punctual": (_P_ZH, _P_EN),
    "attitude": (_A_ZH, _A_EN),
}
FAMILIES = tuple(FAMILY_SUGGESTIONS)


@dataclass(frozen=True, eq=False)  # compared by identity: a cheap key for assess()'s cache
class Lexicon:
    """A set of terms compiled into one leftmost-longest pattern."""

    terms: tuple[Term, ...]

    @cached_property
    def _ordered(self) -> tuple[Term, ...]:
        # Longest phrase first, so 不定期 wins over 定期 and "without undue delay" over "without".
        return tuple(sorted(self.terms, key=lambda t: -len(t.phrase)))

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        alternatives = (f"(?P<t{i}>{t.pattern()})" for i, t in enumerate(self._ordered))
        return re.compile("|".join(alternatives), re.I)

    def find(self, text: str) -> list[TermHit]:
        """Every term in `text`, leftmost-longest, non-overlapping."""
        hits = []
        for m in self._pattern.finditer(text):
            index = int(m.lastgroup[1:]) if m.lastgroup else 0
            hits.append(TermHit(self._ordered[index], m.start(), m.end()))
        return hits

    def extended(self, extra: Mapping[str, Sequence[str]], allow: Sequence[str] = ()) -> Lexicon:
        """This lexicon plus a handbook's own words per family, minus the words it allows."""
        allowed = {a.casefold() for a in allow}
        kept = [t for t in self.terms if t.phrase.casefold() not in allowed]
        for family, phrases in extra.items():
            zh, en = FAMILY_SUGGESTIONS[family]
            kept += [Term(p, family, en if p.isascii() else zh) for p in phrases]
        return Lexicon(tuple(kept))


DEFAULT = Lexicon(TERMS)


def find_terms(text: str, lexicon: Lexicon = DEFAULT) -> list[TermHit]:
    """Every lexicon term in `text`, leftmost-longest, non-overlapping."""
    return lexicon.find(text)


def is_mention(text: str, hit: TermHit) -> bool:
    """True when the word is quoted or asked about, not promised: “满意”, 询问是否满意."""
    before, after = text[: hit.start], text[hit.end : hit.end + 1]
    quoted = any(
        before.rfind(o) > before.rfind(c) and 0 <= text.find(c, hit.end) - hit.end <= 8
        for o, c in QUOTE_PAIRS
    )
    return quoted or before.endswith(("是否", "是不是")) or after == "吗"


def names_a_metric(text: str, hit: TermHit) -> bool:
    """True when the term is part of a metric's name: 及时率, 满意度, "satisfaction rate"."""
    follow = text[hit.end : hit.end + 1]
    return follow != "" and follow in METRIC_SUFFIX
