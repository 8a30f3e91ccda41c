"""Deadlines worked out by hand. Every expected date below was counted on a calendar: the start
day is not counted, a last day on a rest day moves to the next working day (the 2024-2026
holidays as the State Council announced them), a weekend worked in lieu is a working day."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from notices.deadlines import add_period, derive, next_workday, nth_workday_after
from notices.model import Notice, Problem

D = dt.date

# Corpus notices (../shared/corpus/dev), folded to ASCII punctuation, lines joined.
SEED_001 = ("公告青岛意合达金属制品有限公司:本委受理的张松田与你单位劳动报酬争议一案已审理终结。现依法向你单位公告送达"
            "青黄劳人仲案字[2025]第7062号仲裁裁决书,请自本公告发布之日起30日内到本委(地址:青岛西海岸新区社会治理综合服务中心"
            "三层劳动维权二室)领取仲裁裁决书,逾期不领取,即视为送达。特此公告青岛市黄岛区劳动人事争议仲裁委员会2026年3月25日")
SEED_002 = ("公告青岛佳豪塑钢门窗有限公司:本委依法受理张焕合与你单位劳动报酬争议一案(青黄劳人仲案字[2026]第2888号)。"
            "因向你单位直接、邮寄送达不成,现依法向你单位公告《应诉、开庭通知书》《申请书》等法律文书,自公告之日起经过30日即视为"
            "送达。本委定于2026年6月9日14时00分在本委仲裁庭(地址:青岛西海岸新区双珠路1688号明珠便民服务中心306-2室)开庭审理"
            "此案,请准时到庭参加庭审,届时不到庭,本委将依法缺席审理。特此公告青岛市黄岛区劳动人事争议仲裁委员会2026年3月25日")
SEED_006 = ("公告山东安齐建筑安装劳务有限公司:本委受理的姜涛与你单位农民工工资争议一案已审理终结。现依法向你单位公告送达"
            "青黄劳人仲案字[2024]第22211-1号仲裁决定书,请自本公告发布之日起30日内到本委(地址:青岛西海岸新区双珠路166号机关"
            "西部办公中心2号楼0306室)领取仲裁裁决书,逾期不领取,即视为送达。联系电话:0532-88187720。特此公告青岛西海岸新区"
            "劳动人事争议仲裁委员会2026年3月25日")
ARB_001 = ("公告山西晋鼎恒泰商贸有限公司:申请人郝建平诉你单位劳动报酬争议一案(小店劳人仲案字〔2026〕第0836号),本委已于"
           "2026年3月9日立案受理。因你单位住所地人去楼空,经电话联系、邮寄送达均无法送达,本委依法向你单位公告送达《仲裁申请书》"
           "副本、《应诉通知书》、《举证通知书》、《开庭通知书》。本公告自发布之日起满三十日视为送达,你单位答辩期及举证期限为"
           "公告期满后十日内。本委定于2026年5月12日上午9:30在本委第二仲裁庭(地址:太原市小店区坞城路街道平阳路西二巷16号"
           "小店区人力资源和社会保障局五层)开庭审理。你单位无正当理由拒不到庭或未经仲裁庭许可中途退庭的,本委将依法缺席裁决。"
           "联系电话:0351-7236415特此公告太原市小店区劳动人事争议仲裁委员会2026年3月16日")
ARB_003 = ("送达公告甘肃陇原金穗餐饮管理有限公司兰州城关分公司:申请人张红霞、何文斌与你单位劳动争议二案,本委已审理终结并依法"
           "作出兰城劳人仲字〔2025〕第1187号、兰城劳人仲字〔2025〕第1188号仲裁裁决书。因你单位原经营场所已停业,负责人下落不明,"
           "裁决书无法直接或邮寄送达,现依法公告送达。请你单位在本公告刊登之日起三十日内到本委(兰州市城关区张掖路副8号二楼立案"
           "大厅)领取裁决书,逾期未领取的,视为送达。你单位如不服上述裁决,可在裁决书送达之日起十五日内向人民法院起诉。联系电话:"
           "0931-8468203特此公告兰州市城关区劳动人事争议仲裁委员会2026年1月22日")
ARB_008 = ("公告送达书海南琼岛椰韵餐饮管理有限公司:申请人符小燕与你单位加班费争议一案(海美劳人仲案字〔2026〕第0415号之二),"
           "经本委主持调解,双方自愿达成调解协议,本委已依法制作仲裁调解书。因你单位下落不明,现向你单位公告送达该调解书,请于公告"
           "发布之日起三十日内到本委(海口市美兰区海府路96号美兰区人力资源服务中心405室)领取,逾期不领取的,视为送达。特此公告"
           "海口市美兰区劳动人事争议仲裁委员会")
ARB_014 = ("开庭公告禾美食品(中国)有限公司:本委受理的申请人沈佳怡与你单位解除劳动合同争议一案(嘉南劳人仲案〔2026〕第0733号),"
           "因你单位下落不明,无法以其他方式送达,现依法公告送达仲裁申请书副本、证据副本、应诉通知书及开庭通知书。本公告自刊登之日起"
           "经过三十日即视为送达;你单位提交答辩书及证据的期限为公告期满后十日内。本委定于2026年9月22日(周二)9:00在嘉兴市南湖区"
           "中山东路1120号南湖区人力资源服务产业园2号楼3楼第二仲裁庭开庭审理。无正当理由不到庭的,仲裁庭将缺席审理并依法裁决。"
           "特此公告嘉兴市南湖区劳动人事争议仲裁委员会2026年8月10日")
COURT_001 = ("我院定于二〇一六年八月一日 上午九时三十分,在本院三区第1法庭依法公开开庭审理王博因其他不服2015年海行初字第01392号"
             "行政裁定(或判决)上诉一案。")
COURT_005 = ("起诉状副本及开庭传票 钟双辉 钟双辉:本院受理原告马巧灵诉你民间借贷纠纷一案,现依法向你送达起诉状副本及开庭传票,"
             "自公告之日起经过60日即视为送达,提出答辩期为公告期 满后15日,举证期限为公告期满后的30日内。并定于举证期限届满后的第3天"
             "上午9时(遇节假日顺延)在本院花乡法庭公开开庭审理,逾期将依法缺席判决。 [北京]北京市丰台区人民法院 刊登版面:G29 "
             "刊登日期:2016-07-17 上传日期:2016-07-17 下载打印本公告 (公告样报已直接寄承办法官)")
COURT_006 = ("公 告(2017)渝民终41号邓昆,四川省正雄投资有限公司,蓝元贵,陈建兴, ,李宗理:本院受理中国农业银行股份有限公司重庆彭水"
             "支行,彭水县海天水电开发有限公司诉你们借款合同纠纷一案,因你们下落不明,依照《中华人民共和国民事诉讼法》第九十二条的规定,"
             "向你公告送达(2017)渝民终41号举证通知书、应诉通知书、合议庭人员通知书、传票等诉讼文书。自本公告发出之日起,经过六十日,"
             "即视为送达。提出答辩状的期限为公告期满后的15日内。举证期限为答辩期满后的10日内。本案将于2017年5月24日上午9:30"
             "(遇节假日顺延)在本院第六号法庭公开开庭审理,逾期将依法判决。特此公告。重庆市高级人民法院刊登日期:2017年02月22日"
             "上传日期:2017年02月22日")
COURT_010 = ("郭伟、沙坪坝区天喜四层火锅:本院受理北京百度网讯科技有限公司诉郭伟、 天喜四层火锅服务合同纠纷一案,现依法向你公告送达"
             "起诉书副本、开庭传票及证据材料,限你自公告之日起六十日内来本院五层第十九法庭领取,逾期则视为送达。提出答辩状的期限为公告"
             "送达期满后十五日内。本院定于答辩期满后的第三日上午九时(遇节假日顺延),在本院五层第十九法庭公开开庭审理此案,逾期本院将"
             "依法缺席裁判。")
COURT_013 = ("兖州市三合平价手机超市:本院受理小米科技有限责任公司诉兖州市三合平价手机超市侵害商标权纠纷一案,现已审理终结。现依法向你"
             "公告送达(2018)鲁08民初14号民事判决书。自公告之日起60日内来本院领取民事判决书,逾期则视为送达。如不服本判决,可在公告"
             "期满后15日内向本院递交上诉状及副本,上诉于山东省高级人民法院。逾期本判决即发生法律效力。")
COURT_027 = ("周细清:本院受理原告恒大地产集团有限公司诉被告周细清房屋买卖合同纠纷一案,现依法向你公告送达起诉状副本、开庭传票。自公告"
             "之日起经过六十天,即视为送达。提出答辩状和举证的期限分别为公告期满后的30日内。并定于举证期满后的2015年9月2日10时30分"
             "(遇法定节假日顺延)在本院第十七法庭开庭审理,逾期将依法缺席判决...")
COURT_030 = ("谢雨波:本院受理原告恒大地产集团有限公司诉你商品房销售合同纠纷二案,因你下落不明,现依法向你公告送达起诉状及证据副本、应诉"
             "通知书、举证通知书、民事裁定书、告知合议庭组成人员通知书和开庭传票等法律文书。自本公告发出之日起经过60日即视为送达。"
             "提出答辩状和举证期限分别为公告期满后的15日和30日内。...")

ARBITRATION = "青岛市黄岛区劳动人事争议仲裁委员会"


def notice(text: str, published: D | None, kind: str = "document_service", **fields) -> Notice:
    return Notice(page="t", span=(0, len(text)), notice_type=kind, text=text, publication_date=published, **fields)


def dates(record: Notice) -> dict[str, D]:
    return {d.kind: d.date for d in record.deadlines}


def by_kind(record: Notice, kind: str):
    return next(d for d in record.deadlines if d.kind == kind)


def codes(record: Notice) -> list[str]:
    return [p.code for p in record.problems]


# ---- counting --------------------------------------------------------------------------------

@pytest.mark.parametrize(("start", "number", "unit", "end"), [
    (D(2026, 3, 25), 30, "day", D(2026, 4, 24)),
    (D(2024, 1, 30), 30, "day", D(2024, 2, 29)),   # leap year
    (D(2023, 1, 30), 30, "day", D(2023, 3, 1)),
    (D(2023, 11, 30), 3, "month", D(2024, 2, 29)),  # no 30 February: month end, leap year
    (D(2024, 11, 30), 3, "month", D(2025, 2, 28)),
    (D(2026, 1, 31), 1, "month", D(2026, 2, 28)),
    (D(2026, 1, 31), 2, "month", D(2026, 3, 31)),
    (D(2025, 10, 15), 3, "month", D(2026, 1, 15)),  # across a year end
])
def test_add_period(start, number, unit, end):
    assert add_period(start, number, unit) == end


@pytest.mark.parametrize(("day", "workday"), [
    (D(2026, 2, 21), D(2026, 2, 24)),  # Spring Festival 2026: 2-15 .. 2-23
    (D(2025, 1, 29), D(2025, 2, 5)),   # Spring Festival 2025: 1-28 .. 2-4
    (D(2025, 10, 1), D(2025, 10, 9)),  # National Day 2025: 10-1 .. 10-8
    (D(2026, 10, 5), D(2026, 10, 8)),  # National Day 2026: 10-1 .. 10-7
    (D(2026, 4, 25), D(2026, 4, 27)),  # an ordinary Saturday
    (D(2026, 2, 28), D(2026, 2, 28)),  # a Saturday worked in lieu
    (D(2026, 9, 20), D(2026, 9, 20)),  # a Sunday worked in lieu
    (D(2024, 2, 29), D(2024, 2, 29)),
])
def test_next_workday(day, workday):
    assert next_workday(day) == workday


def test_nth_workday_skips_rest_days():
    assert nth_workday_after(D(2026, 10, 23), 1) == D(2026, 10, 26)  # Friday -> Monday
    assert nth_workday_after(D(2026, 9, 30), 1) == D(2026, 10, 8)   # over National Day


# ---- years with no published schedule: provisional, from the statute ---------------------------
# 2027 by hand: 元旦 Fri 1-1; 春节 除夕 Fri 2-5 and 初一 to 初三 Sat 2-6 to Mon 2-8; 清明 Mon 4-5;
# 劳动节 Sat 5-1, Sun 5-2; 端午 Wed 6-9; 中秋 Wed 9-15; 国庆 Fri 10-1 to Sun 10-3.

@pytest.mark.parametrize(("day", "workday"), [
    (D(2027, 1, 1), D(2027, 1, 4)),    # 元旦 Friday, then the weekend
    (D(2027, 2, 5), D(2027, 2, 9)),    # 除夕 to 初三, Friday to Monday
    (D(2027, 4, 5), D(2027, 4, 6)),    # 清明 Monday
    (D(2027, 6, 9), D(2027, 6, 10)),   # 端午 Wednesday
    (D(2027, 9, 15), D(2027, 9, 16)),  # 中秋 Wednesday
    (D(2027, 10, 1), D(2027, 10, 4)),  # 国庆 Friday to Sunday
    (D(2027, 3, 10), D(2027, 3, 10)),  # an ordinary Wednesday
])
def test_next_workday_in_a_year_with_no_published_schedule(day, workday):
    assert next_workday(day) == workday


def test_no_calendar_before_2004_nor_for_a_misread_year():
    for day in (D(2003, 6, 2), D(9999, 1, 4)):
        with pytest.raises(ValueError):
            next_workday(day)


@pytest.fixture
def schedule_file(tmp_path, monkeypatch):
    """A schedule file for 2027 typed for the test (not the State Council's): 2-9 to 2-11 added
    to 春节, Saturday 2-13 worked in lieu."""
    from notices import workdays

    path = tmp_path / "2027.tsv"
    path.write_text("# source: a test schedule for 2027\n2027-02-05\trest\n2027-02-08\trest\n2027-02-09\trest\n"
                    "2027-02-10\trest\n2027-02-11\trest\n2027-02-13\twork\t春节调休\n", encoding="utf-8")
    monkeypatch.setenv("NOTICES_CALENDAR", str(path))
    workdays.refresh()
    yield path
    monkeypatch.delenv("NOTICES_CALENDAR")
    workdays.refresh()


def test_a_schedule_file_replaces_the_provisional_year(schedule_file):
    from notices import workdays

    assert next_workday(D(2027, 2, 5)) == D(2027, 2, 12)  # the added days are rest days
    assert next_workday(D(2027, 2, 13)) == D(2027, 2, 13)  # a Saturday worked in lieu
    assert next_workday(D(2027, 1, 1)) == D(2027, 1, 1)  # not listed: an ordinary Friday
    assert workdays.schedule(2027).source == "a test schedule for 2027" and not workdays.schedule(2027).provisional


def test_an_unreadable_schedule_file_names_its_line(tmp_path):
    from notices.workdays import CalendarError, read_schedule

    path = tmp_path / "bad.tsv"
    path.write_text("2027-02-05\trest\n2027-02-30\trest\n", encoding="utf-8")
    with pytest.raises(CalendarError, match="line 2"):
        read_schedule(path)


# ---- deemed service, pickup, answer, evidence: corpus notices ---------------------------------

def test_award_pickup_and_last_day_to_sue():
    record = derive(notice(SEED_001, D(2026, 3, 25), "decision_service", authority=ARBITRATION,
                           documents=["青黄劳人仲案字[2025]第7062号仲裁裁决书"]))
    # 3-25 + 30 = 4-24 (Fri); + 15 = 5-9, a Saturday worked in lieu of Labour Day: it stays
    assert dates(record) == {"deemed_service": D(2026, 4, 24), "pickup_deadline": D(2026, 4, 24),
                             "last_day_to_sue": D(2026, 5, 9)}
    sue = by_kind(record, "last_day_to_sue")
    assert sue.rule == "劳动争议调解仲裁法(2007) 第50条" and sue.assumed
    served = by_kind(record, "deemed_service")
    assert not served.assumed and served.computed is True
    assert served.basis.startswith("published 2026-03-25; 30 days stated in the notice")
    assert "start day not counted" in served.basis
    assert "民事诉讼法(2023修正) 第95条" in served.rule and "劳动人事争议仲裁办案规则(2017) 第20条" in served.rule
    assert record.problems == []


def test_hearing_notice_states_deemed_service():
    record = derive(notice(SEED_002, D(2026, 3, 25), "hearing", authority=ARBITRATION))
    assert dates(record) == {"deemed_service": D(2026, 4, 24)}


def test_a_decision_is_not_an_award():
    record = derive(notice(SEED_006, D(2026, 3, 25), "decision_service", authority="青岛西海岸新区劳动人事争议仲裁委员会",
                           documents=["青黄劳人仲案字[2024]第22211-1号仲裁决定书"]))
    assert "last_day_to_sue" not in dates(record)


def test_answer_and_evidence_move_off_a_saturday():
    record = derive(notice(ARB_001, D(2026, 3, 16), "hearing"))
    # 3-16 + 30 = 4-15 (Wed); + 10 = 4-25 (Sat) -> 4-27 (Mon)
    assert dates(record) == {"deemed_service": D(2026, 4, 15), "answer_deadline": D(2026, 4, 27),
                             "evidence_deadline": D(2026, 4, 27)}
    assert "2026-04-25, a rest day" in by_kind(record, "answer_deadline").basis


def test_pickup_ends_in_the_spring_festival():
    record = derive(notice(ARB_003, D(2026, 1, 22), "decision_service"))
    # 1-22 + 30 = 2-21, inside the 2026 Spring Festival (2-15 .. 2-23) -> 2-24; stated 15 days -> 3-11
    assert dates(record) == {"deemed_service": D(2026, 2, 24), "pickup_deadline": D(2026, 2, 24),
                             "last_day_to_sue": D(2026, 3, 11)}
    assert not by_kind(record, "last_day_to_sue").assumed


def test_answer_ends_on_a_sunday_worked_in_lieu():
    record = derive(notice(ARB_014, D(2026, 8, 10), "hearing"))
    # 8-10 + 30 = 9-9; + 10 = 9-19 (Sat, rest) -> 9-20 (Sun, worked before National Day)
    assert dates(record)["answer_deadline"] == D(2026, 9, 20)


def test_court_hearing_counted_from_the_evidence_period():
    record = derive(notice(COURT_005, D(2016, 7, 17), "hearing", authority="北京市丰台区人民法院", problems=[
        Problem(field="hearing_datetime", code="relative_hearing", message="hearing time is relative")]))
    # 7-17 + 60 = 9-15 (Mid-autumn 9-15..9-17) -> 9-18 (Sun, worked); answer + 15 = 10-3 (National Day)
    # -> 10-8 (Sat, worked); evidence + 30 = 10-18; hearing 第3天 = 10-21 (Fri) 9:00
    assert dates(record) == {"deemed_service": D(2016, 9, 18), "answer_deadline": D(2016, 10, 8),
                             "evidence_deadline": D(2016, 10, 18), "hearing": D(2016, 10, 21)}
    hearing = by_kind(record, "hearing")
    assert hearing.time == dt.time(9, 0) and not hearing.assumed
    assert by_kind(record, "deemed_service").rule == "民事诉讼法(2012修正) 第92条"
    assert record.hearing_datetime is None
    [relative] = [p for p in record.problems if p.code == "relative_hearing"]
    assert "2016-10-21 09:00" in relative.message and relative.field == "hearing_datetime"
    assert codes(record) == ["relative_hearing"]


def test_evidence_period_counted_from_the_answer_period():
    record = derive(notice(COURT_006, D(2017, 2, 22), "hearing", authority="重庆市高级人民法院",
                           case_numbers=["(2017)渝民终41号"]))
    # 2-22 + 60 = 4-23 (Sun) -> 4-24; answer + 15 = 5-9; evidence: answer end + 10 = 5-19
    assert dates(record) == {"deemed_service": D(2017, 4, 24), "answer_deadline": D(2017, 5, 9),
                             "evidence_deadline": D(2017, 5, 19)}
    assert "answer period ends 2017-05-09" in by_kind(record, "evidence_deadline").basis


def test_hearing_counted_from_the_answer_period():
    record = derive(notice(COURT_010, D(2016, 4, 27), "hearing"))
    # 4-27 + 60 = 6-26 (Sun) -> 6-27; answer + 15 = 7-12 (Tue); 第三日 = 7-15 (Fri) 9:00
    assert dates(record) == {"deemed_service": D(2016, 6, 27), "pickup_deadline": D(2016, 6, 27),
                             "answer_deadline": D(2016, 7, 12), "hearing": D(2016, 7, 15)}


def test_appeal_stated_in_a_judgment_notice():
    record = derive(notice(COURT_013, D(2018, 9, 27), "decision_service",
                           documents=["(2018)鲁08民初14号民事判决书"]))
    # 9-27 + 60 = 11-26 (Mon); + 15 = 12-11 (Tue)
    assert dates(record) == {"deemed_service": D(2018, 11, 26), "pickup_deadline": D(2018, 11, 26),
                             "last_day_to_appeal": D(2018, 12, 11)}
    appeal = by_kind(record, "last_day_to_appeal")
    assert appeal.rule == "民事诉讼法(2017修正) 第164条" and not appeal.assumed
    assert record.problems == []


def test_one_period_for_answer_and_evidence_ending_in_a_one_off_holiday():
    record = derive(notice(COURT_027, D(2015, 6, 6), "hearing"))
    # 6-6 + 60 = 8-5 (Wed); + 30 = 9-4, the 2015 Victory Day holiday (9-3..9-5) -> 9-6 (Sun, worked)
    assert dates(record) == {"deemed_service": D(2015, 8, 5), "answer_deadline": D(2015, 9, 6),
                             "evidence_deadline": D(2015, 9, 6)}


def test_answer_and_evidence_given_as_a_pair():
    record = derive(notice(COURT_030, D(2015, 4, 1), "document_service", documents=["民事裁定书"]))
    # 4-1 + 60 = 5-31 (Sun) -> 6-1; + 15 = 6-16; + 30 = 7-1; the ruling is not said to be appealable
    assert dates(record) == {"deemed_service": D(2015, 6, 1), "answer_deadline": D(2015, 6, 16),
                             "evidence_deadline": D(2015, 7, 1)}


def test_a_hearing_announcement_has_no_deadlines():
    record = derive(notice(COURT_001, None, "hearing"))
    assert record.deadlines == [] and record.problems == []


def test_no_publication_date_gives_a_problem_and_no_dates():
    record = derive(notice(ARB_008, None, "decision_service"))
    assert record.deadlines == []
    assert codes(record) == ["no_publication_date"]


# ---- statutory defaults ------------------------------------------------------------------------

COURT_SERVICE = "张三:本院受理原告李四诉你买卖合同纠纷一案,因你下落不明,现依法向你公告送达起诉状副本、应诉通知书及开庭传票。"
ARB_SERVICE = "某某有限公司:本委受理王五与你单位劳动报酬争议一案,现依法向你单位公告送达仲裁申请书副本、应诉通知书。"
FOREIGN = "因你在中华人民共和国领域内没有住所,"


@pytest.mark.parametrize(("text", "published", "expected", "rule"), [
    (COURT_SERVICE, D(2026, 3, 2), D(2026, 4, 1), "民事诉讼法(2023修正) 第95条"),          # 30 days
    (COURT_SERVICE, D(2021, 12, 15), D(2022, 2, 14), "民事诉讼法(2017修正) 第92条"),        # 60: 2-13 Sun -> 2-14
    (COURT_SERVICE, D(2022, 1, 1), D(2022, 2, 7), "民事诉讼法(2021修正) 第95条"),           # 30: 1-31 Spring Festival -> 2-7
    (FOREIGN + COURT_SERVICE, D(2024, 3, 1), D(2024, 4, 30), "民事诉讼法(2023修正) 第283条"),  # 60 days
    (FOREIGN + COURT_SERVICE, D(2023, 11, 30), D(2024, 2, 29), "民事诉讼法(2021修正) 第274条"),  # 3 months
    (ARB_SERVICE, D(2026, 3, 2), D(2026, 4, 1), "劳动人事争议仲裁办案规则(2017) 第20条; 民事诉讼法(2023修正) 第95条"),
    (ARB_SERVICE, D(2021, 6, 1), D(2021, 8, 2), "劳动人事争议仲裁办案规则(2017) 第20条; 民事诉讼法(2017修正) 第92条"),
])
def test_statutory_default_for_deemed_service(text, published, expected, rule):
    record = derive(notice(text, published))
    served = by_kind(record, "deemed_service")
    assert (served.date, served.rule, served.assumed) == (expected, rule, True)
    assert "the notice stating none" in served.basis
    assert record.problems == []


def test_arbitration_default_says_why():
    served = by_kind(derive(notice(ARB_SERVICE, D(2026, 3, 2))), "deemed_service")
    assert "labour arbitration" in served.basis and "refers service to civil procedure" in served.basis


def test_stated_period_that_differs_from_the_statute():
    text = COURT_SERVICE + "自公告之日起经过60日即视为送达。"
    record = derive(notice(text, D(2026, 3, 2)))
    # the notice wins: 3-2 + 60 = 5-1, Labour Day (5-1..5-5) -> 5-6
    served = by_kind(record, "deemed_service")
    assert (served.date, served.assumed) == (D(2026, 5, 6), False)
    [differs] = [p for p in record.problems if p.code == "period_differs_from_statute"]
    assert "60 days" in differs.message and "30 days" in differs.message


def test_a_committee_stating_another_period_is_not_warned():
    # the arbitration rules refer service to civil procedure without binding the committee
    text = ARB_SERVICE + "自公告之日起经过60日即视为送达。"
    record = derive(notice(text, D(2026, 3, 2)))
    served = by_kind(record, "deemed_service")
    assert served.date == D(2026, 5, 6) and "period_differs_from_statute" not in codes(record)
    assert "may follow or not" in served.basis


def test_pickup_ending_in_national_day_2025():
    text = ("某某有限公司:本委受理的王五与你单位劳动报酬争议一案已审理终结。现依法向你单位公告送达仲裁裁决书,"
            "请自本公告发布之日起30日内到本委领取仲裁裁决书,逾期不领取,即视为送达。")
    record = derive(notice(text, D(2025, 9, 1), "decision_service", documents=["仲裁裁决书"]))
    # 9-1 + 30 = 10-1 (National Day 10-1..10-8) -> 10-9; + 15 = 10-24
    assert dates(record) == {"deemed_service": D(2025, 10, 9), "pickup_deadline": D(2025, 10, 9),
                             "last_day_to_sue": D(2025, 10, 24)}


def test_service_ending_in_spring_festival_2025():
    record = derive(notice(ARB_SERVICE + "公告期为三十日,期满视为送达。", D(2024, 12, 30)))
    assert dates(record) == {"deemed_service": D(2025, 2, 5)}  # 1-29 -> after 1-28..2-4


def test_month_period_ending_on_a_saturday_worked_in_lieu():
    record = derive(notice(FOREIGN + COURT_SERVICE + "自公告之日起满三个月,即视为送达。", D(2025, 11, 30)))
    # 11-30 + 3 months = 2-30, absent -> 2-28, a Saturday worked before the Spring Festival
    assert dates(record) == {"deemed_service": D(2026, 2, 28)}
    assert "period_differs_from_statute" in codes(record)  # 2023 text: 60 days, not 3 months


def test_leap_day():
    record = derive(notice(COURT_SERVICE + "自公告之日起经过30日即视为送达。", D(2024, 1, 30)))
    assert dates(record) == {"deemed_service": D(2024, 2, 29)}


# ---- awards: final or not ----------------------------------------------------------------------

AWARD = ("本委受理的王五与你{who}劳动报酬争议一案已审理终结,本裁决为终局裁决。现依法向你{who}公告送达仲裁裁决书,"
         "自公告之日起经过30日即视为送达。")


def test_final_award_served_on_an_employer_can_be_set_aside():
    record = derive(notice(AWARD.format(who="单位"), D(2026, 3, 25), "decision_service", documents=["仲裁裁决书"]))
    # 4-24 + 30 = 5-24 (Sun) -> 5-25; an employer cannot sue on a final award
    assert dates(record) == {"deemed_service": D(2026, 4, 24), "last_day_to_set_aside": D(2026, 5, 25)}
    assert by_kind(record, "last_day_to_set_aside").rule == "劳动争议调解仲裁法(2007) 第49条"


def test_final_award_served_on_a_worker():
    record = derive(notice(AWARD.format(who=""), D(2026, 3, 25), "decision_service", documents=["仲裁裁决书"],
                           respondents=["李四"]))
    assert dates(record) == {"deemed_service": D(2026, 4, 24), "last_day_to_sue": D(2026, 5, 9)}
    assert by_kind(record, "last_day_to_sue").rule == "劳动争议调解仲裁法(2007) 第48条"


# ---- appeals -----------------------------------------------------------------------------------

JUDGMENT = "张三:本院受理原告李四诉你买卖合同纠纷一案,现已审理终结。现依法向你公告送达{number}{document}。自公告之日起经过{days}日即视为送达。{tail}"


@pytest.mark.parametrize(("number", "document", "tail", "foreign", "expected", "rule"), [
    # 3-2 + 30 = 4-1; + 15 = 4-16 (Thu)
    ("(2026)京0105民初123号", "民事判决书", "", False, D(2026, 4, 16), "民事诉讼法(2023修正) 第171条"),
    # + 10 = 4-11 (Sat) -> 4-13
    ("(2026)京0105民初123号", "民事裁定书", "如不服本裁定,可以上诉。", False, D(2026, 4, 13), "民事诉讼法(2023修正) 第171条"),
    # 3-2 + 60 = 5-1 -> 5-6; + 30 = 6-5 (Fri)
    ("(2026)京0105民初123号", "民事判决书", "", True, D(2026, 6, 5), "民事诉讼法(2023修正) 第286条"),
    ("(2026)京0105行初12号", "行政判决书", "", False, D(2026, 4, 16), "行政诉讼法(2017修正) 第85条"),
])
def test_last_day_to_appeal(number, document, tail, foreign, expected, rule):
    days = 60 if foreign else 30
    text = (FOREIGN if foreign else "") + JUDGMENT.format(number=number, document=document, days=days, tail=tail)
    record = derive(notice(text, D(2026, 3, 2), "decision_service", documents=[number + document]))
    appeal = by_kind(record, "last_day_to_appeal")
    assert (appeal.date, appeal.rule, appeal.assumed) == (expected, rule, True)


@pytest.mark.parametrize(("number", "document", "tail"), [
    ("(2026)京0105民初123号", "民事裁定书", ""),          # a ruling not said to be appealable
    ("(2026)京01民终45号", "民事判决书", ""),              # second instance: final
    ("(2026)京0105执123号", "执行裁定书", "如不服,可上诉。"),  # enforcement
])
def test_no_appeal(number, document, tail):
    text = JUDGMENT.format(number=number, document=document, days=30, tail=tail)
    record = derive(notice(text, D(2026, 3, 2), "decision_service", documents=[number + document]))
    assert "last_day_to_appeal" not in dates(record)


# ---- relative hearings -------------------------------------------------------------------------

def test_hearing_on_the_first_working_day_after_the_answer_period():
    text = ("张三:现依法向你公告送达起诉状副本及开庭传票。自公告之日起经过30日即视为送达。提出答辩状的期限为公告期满后15日内。"
            "本院定于答辩期满后第1个工作日上午9时在本院第一法庭开庭。")
    record = derive(notice(text, D(2026, 9, 1), "hearing", hearing_text="答辩期满后第1个工作日上午9时"))
    # 9-1 + 30 = 10-1 (National Day) -> 10-8; + 15 = 10-23 (Fri); first working day after: 10-26 (Mon)
    assert dates(record) == {"deemed_service": D(2026, 10, 8), "answer_deadline": D(2026, 10, 23),
                             "hearing": D(2026, 10, 26)}
    assert by_kind(record, "hearing").time == dt.time(9, 0)


def test_hearing_after_an_unstated_answer_period_is_assumed():
    text = "张三:现依法向你公告送达起诉状副本。自公告之日起经过30日即视为送达。本院定于答辩期满后的第3日上午9时开庭。"
    record = derive(notice(text, D(2026, 3, 2), "hearing"))
    # 4-1 + 15 (statute) = 4-16; 第3日 = 4-19, a Sunday, and the notice does not say to postpone
    assert dates(record) == {"deemed_service": D(2026, 4, 1), "answer_deadline": D(2026, 4, 16),
                             "hearing": D(2026, 4, 19)}
    assert by_kind(record, "answer_deadline").assumed and by_kind(record, "hearing").assumed
    assert by_kind(record, "answer_deadline").rule == "民事诉讼法(2023修正) 第128条"
    assert codes(record) == ["hearing_on_rest_day"]


def test_hearing_postponed_past_a_holiday():
    text = ("张三:现依法向你公告送达起诉状副本。自公告之日起经过30日即视为送达。本院定于公告期满后第5日下午2时30分"
            "(遇法定节假日顺延)开庭。")
    record = derive(notice(text, D(2026, 8, 27), "hearing"))
    # 8-27 + 30 = 9-26 (Mid-autumn 9-25..9-27) -> 9-28; 第5日 = 10-3 (National Day) -> 10-8
    hearing = by_kind(record, "hearing")
    assert (hearing.date, hearing.time) == (D(2026, 10, 8), dt.time(14, 30))
    assert by_kind(record, "deemed_service").date == D(2026, 9, 28)
    assert "遇节假日顺延" in hearing.basis


def test_printed_hearing_time_is_not_recomputed():
    text = "张三:现依法向你公告送达开庭传票。自公告之日起经过30日即视为送达。定于举证期满后第3日上午9时开庭。"
    record = derive(notice(text, D(2026, 3, 2), "hearing",
                           hearing_datetime=dt.datetime(2026, 5, 6, 9, tzinfo=dt.timezone(dt.timedelta(hours=8)))))
    assert "hearing" not in dates(record)


def test_hearing_whose_period_has_no_date():
    text = "张三:现依法向你公告送达开庭传票。自公告之日起经过30日即视为送达。定于举证期满后第3日上午9时开庭。"
    record = derive(notice(text, D(2026, 3, 2), "hearing"))
    assert "hearing" not in dates(record)
    assert codes(record) == ["anchor_unknown"]  # a court sets the evidence period: no default


# ---- years with no published schedule, and years no calendar covers -----------------------------

def test_a_year_with_no_published_schedule_gives_provisional_dates():
    # published Tue 2026-12-15: day 30 is Thu 2027-01-14, a working day on the statute's calendar
    record = derive(notice(COURT_SERVICE + "自公告之日起经过30日即视为送达。", D(2026, 12, 15)))
    (served,) = [d for d in record.deadlines if d.kind == "deemed_service"]
    assert served.date == D(2027, 1, 14) and served.provisional
    assert "provisional" in served.basis
    message = next(p.message for p in record.problems if p.code == "calendar_provisional")
    assert "2027" in message and "later" in message and "earlier" in message


def test_a_period_counted_from_a_provisional_date_is_provisional():
    record = derive(notice(ARB_001, D(2026, 12, 20), "hearing"))
    assert record.deadlines and all(d.provisional for d in record.deadlines)


def test_a_date_on_a_published_year_is_not_provisional():
    record = derive(notice(COURT_SERVICE + "自公告之日起经过30日即视为送达。", D(2026, 3, 2)))
    assert record.deadlines and not any(d.provisional for d in record.deadlines)
    assert "calendar_provisional" not in codes(record)


def test_a_period_no_calendar_covers_keeps_its_nominal_day_marked():
    # 2003-12-01 + 30 = 2003-12-31, before the first year a calendar is kept for (2004)
    record = derive(notice(COURT_SERVICE + "自公告之日起经过30日即视为送达。", D(2003, 12, 1)))
    [served] = record.deadlines
    assert (served.date, served.provisional) == (D(2003, 12, 31), True)
    assert "not moved off a rest day" in served.basis
    assert codes(record) == ["calendar_unavailable", "period_differs_from_statute"]  # 2003: 60 days by statute


def test_a_misread_year_gives_no_date():
    record = derive(notice(COURT_SERVICE + "自公告之日起经过30日即视为送达。", D(9999, 12, 20)))
    assert record.deadlines == [] and codes(record) == ["calendar_unavailable"]


# ---- the record as a whole ---------------------------------------------------------------------

def test_derive_is_pure_and_idempotent():
    original = notice(COURT_005, D(2016, 7, 17), "hearing", problems=[
        Problem(field="hearing_datetime", code="relative_hearing", message="hearing time is relative")])
    once = derive(original)
    assert original.deadlines == [] and original.problems[0].message == "hearing time is relative"
    assert derive(once) == once


def test_deadlines_are_in_date_order_and_name_an_article():
    record = derive(notice(COURT_005, D(2016, 7, 17), "hearing"))
    assert [d.date for d in record.deadlines] == sorted(d.date for d in record.deadlines)
    for deadline in record.deadlines:
        assert deadline.computed is True and "第" in deadline.rule and "条" in deadline.rule
    assert set(record.record()["deadlines"][0]) >= {"kind", "date", "rule", "basis", "computed"}


@pytest.mark.parametrize(("text", "published", "served", "rule"), [
    # 3 months from Mon 2026-03-02: Tue 2026-06-02
    ("香港某某有限公司:本院受理原告李四诉你公司买卖合同纠纷一案,现依法向你公司公告送达起诉状副本。",
     D(2026, 3, 2), D(2026, 6, 2), "法释〔2009〕2号"),
    # 3 months from Wed 2026-04-15: Wed 2026-07-15
    ("陈某(澳门居民):本院受理原告李四诉你民间借贷纠纷一案,现依法向你公告送达起诉状副本。",
     D(2026, 4, 15), D(2026, 7, 15), "法释〔2009〕2号"),
    # 3 months from Fri 2026-07-03: Sat 2026-10-03, inside 国庆 (10-1 to 10-7): Thu 2026-10-08
    ("林某某:本院受理原告李四诉你(住所地台湾省台北市)买卖合同纠纷一案,现依法向你公告送达起诉状副本。",
     D(2026, 7, 3), D(2026, 10, 8), "法释〔2008〕4号"),
])
def test_hong_kong_macau_and_taiwan_parties_get_three_months(text, published, served, rule):
    record = derive(notice(text, published, respondents=[text.split(":")[0]]))
    deadline = by_kind(record, "deemed_service")
    assert deadline.date == served and rule in deadline.rule and deadline.assumed


def test_a_stated_period_wins_over_the_cross_border_default():
    text = "香港某某有限公司:本院受理原告李四诉你公司买卖合同纠纷一案,现依法向你公司公告送达起诉状副本。自公告之日起经过三个月即视为送达。"
    record = derive(notice(text, D(2026, 3, 2), respondents=["香港某某有限公司"]))
    assert by_kind(record, "deemed_service").date == D(2026, 6, 2) and not by_kind(record, "deemed_service").assumed
    assert "period_differs_from_statute" not in codes(record)


HONG_KONG = "香港某某有限公司:本院受理原告李四诉你公司买卖合同纠纷一案,现依法向你公司公告送达"


def test_a_hong_kong_party_has_30_days_to_appeal_and_the_earlier_15_as_alternative():
    text = HONG_KONG + "(2026)粤0391民初12号民事判决书。"
    record = derive(notice(text, D(2026, 3, 2), "decision_service", respondents=["香港某某有限公司"],
                           documents=["(2026)粤0391民初12号民事判决书"]))
    # 3-2 + 3 months = 6-2 (Tue); + 30 = 7-2 (Thu); the earlier reading + 15 = 6-17 (Wed)
    appeal = by_kind(record, "last_day_to_appeal")
    assert (by_kind(record, "deemed_service").date, appeal.date, appeal.alternative) == (
        D(2026, 6, 2), D(2026, 7, 2), D(2026, 6, 17))
    assert "第549条" in appeal.rule and "第286条" in appeal.rule and "15 days" in appeal.basis
    assert codes(record) == []


def test_a_hong_kong_party_has_30_days_to_answer_by_default():
    text = HONG_KONG + "起诉状副本。本院定于答辩期满后第1个工作日上午9时开庭。"
    record = derive(notice(text, D(2026, 3, 2), "hearing", respondents=["香港某某有限公司"]))
    # 6-2 + 30 = 7-2 (Thu), hearing the next working day 7-3 (Fri); + 15 = 6-17 (Wed), hearing 6-18 (Thu)
    answer, hearing = by_kind(record, "answer_deadline"), by_kind(record, "hearing")
    assert (answer.date, answer.alternative, answer.assumed) == (D(2026, 7, 2), D(2026, 6, 17), True)
    assert (hearing.date, hearing.alternative) == (D(2026, 7, 3), D(2026, 6, 18))
    assert "alternative (earlier) reading 2026-06-18" in hearing.basis


def test_a_party_without_domicile_in_china_has_30_days_to_answer():
    text = ("张三:" + FOREIGN + "本院受理原告李四诉你买卖合同纠纷一案,现依法向你公告送达起诉状副本。自公告之日起经过60日即视为送达。"
            "本院定于答辩期满后第1个工作日上午9时开庭。")
    record = derive(notice(text, D(2026, 3, 2), "hearing"))
    # 3-2 + 60 = 5-1 (劳动节) -> 5-6; + 30 = 6-5 (Fri); hearing 6-8 (Mon). The earlier reading: service
    # on 5-1 as it falls, + 30 = 5-31 (Sun) -> 6-1 (Mon); hearing 6-2 (Tue)
    served, answer = by_kind(record, "deemed_service"), by_kind(record, "answer_deadline")
    assert (served.date, served.alternative) == (D(2026, 5, 6), D(2026, 5, 1))
    assert (answer.date, answer.alternative, answer.rule) == (D(2026, 6, 5), D(2026, 6, 1), "民事诉讼法(2023修正) 第285条")
    assert (by_kind(record, "hearing").date, by_kind(record, "hearing").alternative) == (D(2026, 6, 8), D(2026, 6, 2))


def test_service_moved_off_a_holiday_gives_the_earlier_reading_to_every_later_date():
    text = ("张三:现依法向你公告送达起诉状副本及开庭传票。自公告之日起经过30日即视为送达。提出答辩状的期限为公告期满后15日内。"
            "本院定于答辩期满后第1个工作日上午9时在本院第一法庭开庭。")
    record = derive(notice(text, D(2026, 9, 1), "hearing", hearing_text="答辩期满后第1个工作日上午9时"))
    # 9-1 + 30 = 10-1 (National Day) -> 10-8; as it falls: 10-1, + 15 = 10-16 (Fri), hearing 10-19 (Mon)
    assert {d.kind: d.alternative for d in record.deadlines} == {
        "deemed_service": D(2026, 10, 1), "answer_deadline": D(2026, 10, 16), "hearing": D(2026, 10, 19)}
    assert "service deemed on the period's last day where it falls" in by_kind(record, "deemed_service").basis


def test_no_alternative_where_no_rest_day_moved_anything():
    record = derive(notice(SEED_002, D(2026, 3, 25), "hearing"))
    assert [d.alternative for d in record.deadlines] == [None]


def test_a_road_named_for_hong_kong_is_no_cross_border_party():
    text = "王某:本院受理原告李四诉你(住所地青岛市香港中路8号)买卖合同纠纷一案,现依法向你公告送达起诉状副本。"
    record = derive(notice(text, D(2026, 3, 2)))
    assert "法释" not in by_kind(record, "deemed_service").rule


PHRASES = ["自公告之日起经过30日即视为送达。", "公告期为三个月,期满视为送达。", "公告期满后十日内提交答辩书。",
           "举证期限为答辩期满后的10日内。", "定于举证期满后第3日上午9时(遇节假日顺延)开庭。", "仲裁裁决书", "民事判决书",
           "如不服,可在公告期满后15日内上诉。", "本裁决为终局裁决。", "在中华人民共和国领域内没有住所", "请自本公告发布之日起"]


@settings(max_examples=300, deadline=None)
@example(pieces=[PHRASES[3], PHRASES[4], PHRASES[0]], published=D(9999, 12, 31))
@given(pieces=st.lists(st.one_of(st.sampled_from(PHRASES), st.text(max_size=20)), max_size=8),
       published=st.one_of(st.none(), st.dates(D(1985, 1, 1), D(2035, 12, 31)), st.dates()))
def test_any_text_and_date_give_deadlines_or_problems_never_an_exception(pieces, published):
    record = derive(notice("".join(pieces), published))
    assert all(d.computed is True and d.rule and d.basis for d in record.deadlines)
    assert all(p.field == "deadlines" for p in record.problems)
