"""The period rules on their own examples, and what read_periods / read_relative_hearing make
of the phrases notices print."""
from __future__ import annotations

import datetime as dt

import pytest

from notices.rules.periods import (CASE_KINDS, DOCUMENTS, FACTS, HEARING, PERIODS, PURPOSES, compact,
                                   read_periods, read_relative_hearing)

TABLES = (PERIODS, PURPOSES, HEARING, FACTS, DOCUMENTS, CASE_KINDS)
MATCHES = [(r.id, text) for t in TABLES for r in t for text in r.match]
REJECTS = [(r.id, text) for t in TABLES for r in t for text in r.reject]
RULES = {r.id: r for t in TABLES for r in t}


@pytest.mark.parametrize(("rule_id", "text"), MATCHES)
def test_rule_matches_its_examples(rule_id, text):
    assert RULES[rule_id].search(text), f"{rule_id} should match {text!r}"


@pytest.mark.parametrize(("rule_id", "text"), REJECTS)
def test_rule_rejects_its_counterexamples(rule_id, text):
    assert not RULES[rule_id].search(text), f"{rule_id} should not match {text!r}"


def test_every_rule_has_examples_both_ways():
    for rule in RULES.values():
        assert rule.match and rule.reject, rule.id


# text → [(kind, number, unit, anchor)] in the order written
PERIOD_ROWS = [
    ("自公告之日起经过30日即视为送达", [("deemed_service", 30, "day", "publication")]),
    ("本公告自发布之日起满三十日视为送达", [("deemed_service", 30, "day", "publication")]),
    ("公告期为三十日,期满视为送达", [("deemed_service", 30, "day", "publication")]),
    ("自公告之日起经过六十天,即视为送达", [("deemed_service", 60, "day", "publication")]),
    ("自公告之日起满三个月,即视为送达", [("deemed_service", 3, "month", "publication")]),
    ("公告期60日,期满即视为送达", [("deemed_service", 60, "day", "publication")]),
    ("请自本公告发布之日起30日内到本委(地址:长江中路359号213室)领取仲裁裁决书,逾期不领取,即视为送达",
     [("pickup_deadline", 30, "day", "publication"), ("deemed_service", 30, "day", "publication")]),
    ("请自本公告发布之日起30日内到本委领取仲裁裁决书。", [("pickup_deadline", 30, "day", "publication")]),
    ("提出答辩状和举证的期限分别为公告期满后的15日和30日内",
     [("answer_deadline", 15, "day", "deemed_service"), ("evidence_deadline", 30, "day", "deemed_service")]),
    ("举证和答辩的期限分别为公告期满后的20日和15日内",
     [("evidence_deadline", 20, "day", "deemed_service"), ("answer_deadline", 15, "day", "deemed_service")]),
    ("提出答辩状和举证的期限分别为公告期满后的30日内",
     [("answer_deadline", 30, "day", "deemed_service"), ("evidence_deadline", 30, "day", "deemed_service")]),
    ("答辩期及举证期限为公告期满后十日内",
     [("answer_deadline", 10, "day", "deemed_service"), ("evidence_deadline", 10, "day", "deemed_service")]),
    ("提出答辩状的期限为公告期满后的15日内。举证期限为答辩期满后的10日内。",
     [("answer_deadline", 15, "day", "deemed_service"), ("evidence_deadline", 10, "day", "answer_deadline")]),
    ("你单位应在公告期满后十日内提交答辩书。", [("answer_deadline", 10, "day", "deemed_service")]),
    ("提出答辩期为公告期 满后15日,举证期限为公告期满后的30日内。",  # a stray space inside a word
     [("answer_deadline", 15, "day", "deemed_service"), ("evidence_deadline", 30, "day", "deemed_service")]),
    ("如不服本判决,可在公告期满后15日内,向本院递交上诉状及副本。", [("last_day_to_appeal", 15, "day", "deemed_service")]),
    ("你单位如不服上述裁决,可在裁决书送达之日起十五日内向人民法院起诉。", [("last_day_to_sue", 15, "day", "deemed_service")]),
    ("用人单位可以自收到仲裁裁决书之日起三十日内向中级人民法院申请撤销裁决。",
     [("last_day_to_set_aside", 30, "day", "deemed_service")]),
    ("提出答辩状的期限为公告期满之次日起十五日内,举证期限为公告期满次日起三十日内。",
     [("answer_deadline", 15, "day", "deemed_service"), ("evidence_deadline", 30, "day", "deemed_service")]),
    # no period here
    ("本院定于2017年5月22日下午14:30在第六法庭公开开庭审理原告包修源诉被告东方蓝城房地产开发有限公司商品房销售合同纠纷一案。", []),
    ("请你单位于2026年5月29日前向本委提交答辩书及证据材料,开庭日期另行通知。", []),
    ("并定于举证期满后的2015年9月2日10时30分(遇法定节假日顺延)在本院第十七法庭开庭审理", []),
]


@pytest.mark.parametrize(("text", "expected"), PERIOD_ROWS)
def test_read_periods(text, expected):
    assert [(p.kind, p.number, p.unit, p.anchor) for p in read_periods(text)] == expected


def test_pickup_quote_leaves_out_the_address():
    [pickup, _] = read_periods("请自本公告发布之日起30日内到本委(地址:长江中路359号213室)领取仲裁裁决书,逾期不领取,即视为送达")
    assert pickup.words == "自本公告发布之日起30日内…领取…逾期不领取,即视为送达"


HEARING_ROWS = [
    ("并定于举证期限届满后的第3天上午9时(遇节假日顺延)在本院花乡法庭公开开庭审理",
     ("evidence_deadline", 3, False, dt.time(9, 0), True)),
    ("本院定于答辩期满后的第三日上午九时(遇节假日顺延),在本院五层第十九法庭公开开庭审理此案",
     ("answer_deadline", 3, False, dt.time(9, 0), True)),
    ("定于答辩期满后第1个工作日上午9时在本院第一法庭开庭", ("answer_deadline", 1, True, dt.time(9, 0), False)),
    ("公告期满后第5日下午2时30分开庭,遇法定节假日顺延。", ("deemed_service", 5, False, dt.time(14, 30), True)),
    ("举证期满后次日上午10时开庭", ("evidence_deadline", 1, False, dt.time(10, 0), False)),
    ("举证期满后第3日在本院开庭", ("evidence_deadline", 3, False, None, False)),
]


@pytest.mark.parametrize(("text", "expected"), HEARING_ROWS)
def test_read_relative_hearing(text, expected):
    hearing = read_relative_hearing(text)
    assert (hearing.anchor, hearing.offset, hearing.workdays, hearing.time, hearing.postpone) == expected


@pytest.mark.parametrize("text", [
    "本委定于2026年6月9日14时00分在本委仲裁庭开庭审理此案",
    "并定于举证期满后的2015年9月2日10时30分(遇法定节假日顺延)在本院第十七法庭开庭审理",
    "你单位答辩期及举证期限为公告期满后十日内",
])
def test_no_relative_hearing(text):
    assert read_relative_hearing(text) is None


def test_compact_removes_every_kind_of_space():
    assert compact("公告期 满后\u300015日\n内") == "公告期满后15日内"
