"""Periods a notice states (公告期, pickup, answer, evidence, appeal) and relative hearing times.

The patterns see the notice text with all whitespace removed (`compact`): normalized text may
still carry stray spaces inside a phrase ("公告期 满后15日"), and nothing here needs offsets.
`read_periods` and `read_relative_hearing` turn matches into plain values; which date a value
leads to is notices.deadlines' business.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from notices.dates import NUMBER, TIME, chinese_number, parse_time_match
from notices.rules import Rule, table

# The end of a period the notice counts from. Group names of the caller decide what it means.
PUBLICATION_END = r"公告(?:送达)?期(?:限|间)?(?:届满|满)"
ANSWER_END = r"答辩期(?:限|间)?(?:届满|满)"
EVIDENCE_END = r"举证期(?:限|间)?(?:届满|满)"
ANCHOR = rf"(?P<anchor>{PUBLICATION_END}|{ANSWER_END}|{EVIDENCE_END})"
UNIT = r"(?P<unit>个月|月|日|天)"

PERIODS = table(
    "period",  # every rule is searched; a notice may state several periods
    Rule(
        "period/deemed_service",
        rf"""
        (?:
            自 [^。;,]{{0,10}}? 之日起 ,?        # 自(本)公告(发布|发出|刊登)之日起 / 本公告自发布之日起
          | 公告(?:送达)?期(?:间)? (?:为|是)? 满?  # 公告期为三十日 / 公告期满三十日
        )
        (?:经过|满|计)? ,?
        (?P<number>{NUMBER}) {UNIT}
        (?!内)                                   # 三十日内(领取): a pickup period
        [^。;]{{0,8}}?                            # ,期满即 / 即 / ,
        视为送达
        """,
        match=("自公告之日起经过30日即视为送达", "本公告自发布之日起满三十日视为送达",
               "公告期三十日,期满即视为送达", "公告期为三十日,期满视为送达", "公告期满三十日即视为送达",
               "自本公告发出之日起,经过六十日,即视为送达", "自公告之日起经过六十天,即视为送达",
               "自公告之日起满三个月,即视为送达", "自本公告发布之日起30日即视为送达"),
        reject=("请自本公告发布之日起30日内到本委领取仲裁裁决书,逾期不领取,即视为送达",
                "自公告之日起60日内来本院领取民事判决书,逾期则视为送达",
                "你单位答辩期及举证期限为公告期满后十日内", "可自裁决书送达之日起十五日内向人民法院提起诉讼"),
    ),
    Rule(
        "period/pickup",
        rf"""
        (?:自|于|在|从) [^。;,]{{0,12}}? 之日起 ,?   # 请自本公告发布之日起 / 请于公告发布之日起
        (?P<number>{NUMBER}) {UNIT} 内
        [^。;]{{0,80}}?                             # 到本委(地址:…) / 来本院五层第十九法庭
        领取
        (?:[^。]{{0,40}}? (?P<lapse>逾期 [^。;,]{{0,6}}? ,? 即? 视为送达))?   # 逾期不领取,即视为送达
        """,
        match=("请自本公告发布之日起30日内到本委(地址:青岛西海岸新区社会治理综合服务中心三层劳动维权二室)领取仲裁裁决书,逾期不领取,即视为送达",
               "限你自公告之日起六十日内来本院五层第十九法庭领取,逾期则视为送达",
               "请于公告发布之日起三十日内到本委(海口市美兰区海府路96号)领取,逾期不领取的,视为送达",
               "自公告之日起,60日内来本院领取民事判决书"),
        reject=("自公告之日起经过30日即视为送达", "可在裁决书送达之日起十五日内向人民法院起诉"),
    ),
    Rule(
        "period/after_anchor",
        rf"""
        {ANCHOR}
        (?:后的?|之?次日起|之日起)                 # 公告期满之次日起十五日内: the same count
        (?P<number>{NUMBER}) (?P<unit>日|天)
        (?: (?:和|、|与|及) (?P<number2>{NUMBER}) (?:日|天) )?   # 分别为…15日和30日内
        """,
        match=("提出答辩状和举证的期限分别为公告期满后的15日和30日内", "答辩期及举证期限为公告期满后十日内",
               "举证期限为答辩期满后的10日内", "提出答辩期为公告期满后15日", "可在公告期满后15日内,向本院递交上诉状",
               "提出答辩状的期限为公告期满之次日起十五日内", "举证期限为公告期满次日起三十日内"),
        reject=("举证期满后第3日上午9时", "举证期满后的2015年9月2日10时30分", "答辩期满后第1个工作日"),
    ),
    Rule(
        "period/after_service",
        rf"""
        (?:送达|收到 [^。;,]{{0,8}}?) 之日起
        (?P<number>{NUMBER}) (?P<unit>日|天) 内
        """,
        match=("可在裁决书送达之日起十五日内向人民法院起诉", "可自裁决书送达之日起十五日内向人民法院提起诉讼",
               "可以自收到仲裁裁决书之日起三十日内向劳动争议仲裁委员会所在地的中级人民法院申请撤销裁决"),
        reject=("自公告之日起经过30日即视为送达", "自本公告发布之日起30日内到本委领取"),
    ),
)

# What a period is for, read from the words of its clause (then of its sentence): the first
# rule that matches wins, except that a clause naming both 答辩 and 举证 sets both.
PURPOSES = table(
    "period_purpose",
    Rule("purpose/last_day_to_appeal", r"上诉", match=("向本院递交上诉状及副本",), reject=("向人民法院起诉",)),
    Rule("purpose/last_day_to_set_aside", r"申请撤销", match=("向中级人民法院申请撤销裁决",),
         reject=("撤回仲裁申请",)),
    Rule("purpose/last_day_to_sue", r"起诉|提起诉讼", match=("向人民法院起诉", "向人民法院提起诉讼"),
         reject=("递交上诉状",)),
    Rule("purpose/answer_deadline", r"答辩", match=("提出答辩状的期限为", "提交答辩书"), reject=("举证期限为",)),
    Rule("purpose/evidence_deadline", r"举证|证据", match=("举证期限为", "提交书面答辩意见和证据"),
         reject=("提出答辩状的期限为",)),
)

# A hearing time counted from the end of a period: 举证期满后第3日上午9时.
HEARING = table(
    "hearing_relative",
    Rule(
        "hearing/relative",
        rf"""
        {ANCHOR}
        (?:之日)? 后的?
        (?: 第(?P<number>{NUMBER})(?P<unit>个工作日|日|天) | (?P<next_day>次日) )
        的? ,?
        (?:{TIME.pattern})?                      # 上午9时 (notices.dates.TIME)
        """,
        match=("举证期满后第3日上午9时", "答辩期满后第1个工作日上午9时", "公告期满后第5日",
               "举证期限届满后的第3天上午9时", "答辩期满后的第三日上午九时", "公告期满后次日下午2时"),
        reject=("举证期满后的2015年9月2日10时30分", "公告期满后十日内", "答辩期满后15日内"),
    ),
    Rule("hearing/postpone_on_holiday", r"遇(?:法定)?(?:节假日|节日|假日|休息日)(?:则|即)?顺延",
         match=("(遇节假日顺延)", "遇法定节假日顺延"), reject=("逾期则视为送达",)),
)

# Facts about the case that decide which statute applies.
FACTS = table(
    "case_facts",
    Rule("facts/service_by_publication", r"公告送达|视为送达|向[^。;,]{0,12}?送达",
         match=("现依法向你单位公告送达", "经过30日即视为送达", "现依法向你送达起诉状副本"),
         reject=("本院定于2017年5月22日下午14:30在第六法庭公开开庭审理原告包修源诉被告东方蓝城房地产开发有限公司",)),
    Rule("facts/final_award", r"(?<!非)终局(?:的)?裁决|裁决为终局",
         match=("本裁决为终局裁决", "该裁决为终局的裁决"), reject=("本裁决为非终局裁决",)),
    Rule("facts/no_domicile_in_china", r"(?:中华人民共和国|中国|我国)(?:领域|境)内(?:没有|无)住所",
         match=("因你在中华人民共和国领域内没有住所",), reject=("因你下落不明",)),
    Rule("facts/domicile_hk_macau",
         r"(?:住所地?|住址|地址|住|居住|注册地)(?:在|于|为|地)?\s*:?\s*(?:中国)?(?:香港|澳门)|(?:香港|澳门)特别行政区|\((?:香港|澳门)(?:居民|特别行政区)?\)",
         match=("住所地香港特别行政区湾仔区港湾道1号", "(香港居民)", "住所地:澳门南湾大马路"), reject=("香港路8号",)),
    Rule("facts/domicile_taiwan",
         r"(?:住所地?|住址|地址|住|居住|注册地)(?:在|于|为|地)?\s*:?\s*(?:中国)?台湾|台湾地区|\(台湾(?:居民|同胞|地区)?\)",
         match=("住所地台湾省台北市", "台湾地区居民", "(台湾居民)"), reject=("台湾路12号",)),
    Rule("facts/arbitration", r"仲裁委|仲裁院|劳人仲|本委",
         match=("本委受理的张松田与你单位", "呼和浩特市劳动人事争议仲裁院"), reject=("本院受理原告马巧灵诉你",)),
    Rule("facts/employer_addressed", r"你(?:们)?(?:单位|公司|厂|店|企业|学校|医院)",
         match=("现依法向你单位公告送达", "向你公司公告送达"), reject=("因你下落不明,现依法向你公告送达",)),
)

# The documents served (notice.documents, or the text when the extractor found none).
DOCUMENTS = table(
    "document_kind",
    Rule("document/award", r"裁决书", match=("仲裁裁决书",), reject=("仲裁决定书", "仲裁调解书")),
    Rule("document/judgment", r"判决书", match=("(2018)鲁08民初14号民事判决书",), reject=("民事裁定书",)),
    Rule("document/ruling", r"裁定书", match=("民事裁定书", "执行裁定书"), reject=("民事判决书",)),
)

# The kind of case, from its case number: no appeal from a second-instance or enforcement
# decision; criminal cases run on other periods and are left alone.
CASE_KINDS = table(
    "case_kind",
    Rule("case/second_instance", r"[民行商]终|终字", match=("(2017)渝民终41号", "(2014)穗中法民五终字第12号"),
         reject=("(2018)鲁08民初14号",)),
    Rule("case/enforcement", r"执", match=("(2015)郑执一字第884号", "执行裁定书"), reject=("(2016)浙0523民初6366号",)),
    Rule("case/criminal", r"刑", match=("(2016)琼0105刑初12号",), reject=("(2016)浙0523民初6366号",)),
    Rule("case/administrative", r"行[初终再审赔申]|行字", match=("2015年海行初字第01392号",),
         reject=("(2016)浙0523民初6366号",)),
)


@dataclass(frozen=True)
class StatedPeriod:
    """A period as the notice states it: what it is for, how long, counted from what."""

    kind: str  # deemed_service, pickup_deadline, answer_deadline, evidence_deadline, last_day_to_*
    number: int
    unit: str  # "day" or "month"
    anchor: str  # publication, deemed_service, answer_deadline or evidence_deadline
    words: str  # as printed (without spaces)
    rule: str


@dataclass(frozen=True)
class RelativeHearing:
    anchor: str  # deemed_service, answer_deadline or evidence_deadline
    offset: int  # the N of 第N日; 1 for 次日
    workdays: bool  # 第N个工作日
    time: dt.time | None
    postpone: bool  # 遇节假日顺延
    words: str


ANCHORS = {"公告": "deemed_service", "答辩": "answer_deadline", "举证": "evidence_deadline"}
UNITS = {"个月": "month", "月": "month", "日": "day", "天": "day"}


WHITESPACE = regex.compile(r"\s+")


def compact(text: str) -> str:
    return WHITESPACE.sub("", text)


def anchor_of(words: str) -> str:
    return ANCHORS[words[:2]]


def rule(table_, rule_id: str) -> Rule:
    return table_.by_id[rule_id]


def enclosing(text: str, start: int, end: int, stops: str) -> str:
    """The words around [start, end), up to the nearest stop character on each side, without
    the matched words themselves (so the 答辩 of 答辩期满后 is not read as a purpose)."""
    left = max(text.rfind(ch, 0, start) for ch in stops) + 1
    rights = [i for i in (text.find(ch, end) for ch in stops) if i >= 0]
    return text[left:start] + text[end:min(rights) if rights else len(text)]


def purposes(text: str, start: int, end: int) -> list[str]:
    """The kinds a period serves: the clause's words first, then the sentence's; 答辩 and 举证
    together give both, in the order they are written (分别为15日和30日)."""
    for scope in (enclosing(text, start, end, ",;。"), enclosing(text, start, end, "。")):
        answer = rule(PURPOSES, "purpose/answer_deadline").search(scope)
        evidence = rule(PURPOSES, "purpose/evidence_deadline").search(scope)
        if answer and evidence:
            pair = sorted([(answer.start(), "answer_deadline"), (evidence.start(), "evidence_deadline")])
            return [kind for _, kind in pair]
        found, _ = PURPOSES.first(scope)
        if found:
            return [found.id.split("/")[1]]
    return []


def read_periods(text: str) -> list[StatedPeriod]:
    """Every period the notice states, in the order written."""
    text = compact(text)
    found: list[tuple[int, StatedPeriod]] = []
    for m in rule(PERIODS, "period/deemed_service").finditer(text):
        found.append((m.start(), period("deemed_service", m, "publication", "period/deemed_service")))
    for m in rule(PERIODS, "period/pickup").finditer(text):
        found.append((m.start(), period("pickup_deadline", m, "publication", "period/pickup")))
        if m.group("lapse"):  # 逾期不领取即视为送达: service is deemed when the pickup period ends
            found.append((m.start(), period("deemed_service", m, "publication", "period/pickup")))
    for rule_id, anchor in (("period/after_anchor", None), ("period/after_service", "deemed_service")):
        for m in rule(PERIODS, rule_id).finditer(text):
            kinds = purposes(text, m.start(), m.end())
            numbers = [m.group("number")] + ([m.group("number2")] if m.groupdict().get("number2") else [])
            for i, kind in enumerate(kinds):
                value = numbers[min(i, len(numbers) - 1)]
                found.append((m.start(), StatedPeriod(kind, chinese_number(value) or 0, "day",
                                                      anchor or anchor_of(m.group("anchor")), m.group(0), rule_id)))
    return [p for _, p in sorted(found, key=lambda item: item[0]) if p.number > 0]


def period(kind: str, m: regex.Match, anchor: str, rule_id: str) -> StatedPeriod:
    """A pickup phrase is quoted without the address in between: 自…30日内…逾期不领取,即视为送达."""
    words = m.group(0)
    if rule_id == "period/pickup":
        words = m.string[m.start():m.end("unit") + 1] + "…领取" + (f"…{m.group('lapse')}" if m.group("lapse") else "")
    return StatedPeriod(kind, chinese_number(m.group("number")) or 0, UNITS[m.group("unit")], anchor, words, rule_id)


def read_relative_hearing(text: str) -> RelativeHearing | None:
    """The first hearing time counted from the end of a period, if the text has one."""
    text = compact(text)
    m = rule(HEARING, "hearing/relative").search(text)
    if not m:
        return None
    time = parse_time_match(m)[0] if m.group("hour") else None
    sentence = enclosing(text, m.start(), m.end(), "。")
    return RelativeHearing(
        anchor=anchor_of(m.group("anchor")),
        offset=1 if m.group("next_day") else chinese_number(m.group("number")) or 0,
        workdays=m.group("unit") == "个工作日",
        time=time,
        postpone=bool(rule(HEARING, "hearing/postpone_on_holiday").search(sentence)),
        words=m.group(0),
    )


def has(table_, rule_id: str, text: str) -> bool:
    return bool(rule(table_, rule_id).search(compact(text)))
