"""Cases from hand-built notices: keys, grouping, timeline, parties, status, hearings."""
from __future__ import annotations

import datetime as dt

import pytest

from notices.cases import build_cases, case_key, fold, hearing_of, next_deadline, next_hearing, notice_case_keys
from notices.model import CHINA_TZ, Deadline, Notice

COMMITTEE = "青岛市黄岛区劳动人事争议仲裁委员会"


def at(day: str, time: str = "09:00") -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=CHINA_TZ)


def notice(case_numbers=("青黄劳人仲案字[2026]第2888号",), notice_type="hearing", published="2026-03-25",
           hearing=None, respondents=("青岛佳豪塑钢门窗有限公司",), claimants=("张焕合",), venue=None,
           page="p1.txt", authority=COMMITTEE, **fields) -> Notice:
    return Notice(
        page=page, span=(0, 10), notice_type=notice_type, authority=authority,
        respondents=list(respondents), claimants=list(claimants), case_numbers=list(case_numbers),
        publication_date=dt.date.fromisoformat(published) if published else None,
        hearing_datetime=hearing, venue=venue, **fields,
    ).with_id()


@pytest.mark.parametrize("printed", [
    "青黄劳人仲案字[2026]第2888号",
    "青黄劳人仲案字〔2026〕2888号",
    "青黄劳人仲案字（2026）第2888号",
    "青黄劳人仲案字【2026】第２８８８号",
    "青黄劳人仲案字 [2026] 第 2888 号",
    "青黄劳人仲案字(2026)2888号",
])
def test_case_key_folds_printings_of_one_number(printed):
    assert case_key(printed) == case_key("青黄劳人仲案字[2026]第2888号")


@pytest.mark.parametrize("other", [
    "青黄劳人仲案字[2026]第2889号",
    "青黄劳人仲案字[2025]第2888号",
    "青黄劳人仲案字[2026]第2888-1号",
    "（2026）鲁0211民初2888号",
])
def test_case_key_keeps_different_numbers_apart(other):
    assert case_key(other) != case_key("青黄劳人仲案字[2026]第2888号")


def test_fold_width_brackets_spaces():
    assert fold("青岛佳豪（集团） 有限公司") == fold("青岛佳豪〔集团〕有限公司") == "青岛佳豪(集团)有限公司"


def test_two_printings_of_a_number_are_one_case():
    first = notice(case_numbers=["青黄劳人仲案字〔2026〕2888号"], published="2026-03-25", hearing=at("2026-06-09", "14:00"))
    second = notice(case_numbers=["青黄劳人仲案字[2026]第2888号"], notice_type="decision_service",
                    published="2026-07-01")
    [case] = build_cases([second, first])
    assert case.case_number == "青黄劳人仲案字〔2026〕2888号"  # as first printed, in timeline order
    assert [event.notice_id for event in case.timeline] == [first.id, second.id]
    assert case.status == "decision_service"
    assert case.sightings == 2


def test_notice_with_two_numbers_belongs_to_both_cases():
    joint = notice(case_numbers=["青黄劳人仲案字[2026]第1号", "青黄劳人仲案字[2026]第2号"])
    alone = notice(case_numbers=["青黄劳人仲案字[2026]第2号"], notice_type="decision_service", published="2026-05-01")
    cases = {case.key: case for case in build_cases([joint, alone])}
    assert set(cases) == {case_key("青黄劳人仲案字[2026]第1号"), case_key("青黄劳人仲案字[2026]第2号")}
    assert [e.notice_id for e in cases[case_key("青黄劳人仲案字[2026]第1号")].timeline] == [joint.id]
    assert [e.notice_id for e in cases[case_key("青黄劳人仲案字[2026]第2号")].timeline] == [joint.id, alone.id]


def test_notice_printing_one_number_twice_is_in_its_case_once():
    doubled = notice(case_numbers=["青黄劳人仲案字[2026]第1号", "青黄劳人仲案字〔2026〕1号"])
    assert len(notice_case_keys(doubled)) == 1
    [case] = build_cases([doubled])
    assert len(case.timeline) == 1


def test_notices_without_number_are_grouped_by_parties():
    first = notice(case_numbers=[], respondents=["甲公司有限公司", "乙公司有限公司"], claimants=["张三"])
    again = notice(case_numbers=[], respondents=["乙公司有限公司", "甲公司有限公司"],
                   claimants=["张三"], notice_type="decision_service", published="2026-06-01")
    other = notice(case_numbers=[], respondents=["甲公司有限公司"], claimants=["李四"])
    cases = build_cases([first, again, other])
    assert len(cases) == 2
    assert all(case.key.startswith("parties:") and case.case_number is None for case in cases)
    [both] = [case for case in cases if len(case.timeline) == 2]
    assert both.key == f"parties:{COMMITTEE}|乙公司有限公司,甲公司有限公司|张三"
    assert both.status == "decision_service"


def test_notice_naming_nothing_is_no_case():
    announcement = notice(case_numbers=[], respondents=[], claimants=[], notice_type="other", text="招聘仲裁员公告")
    assert build_cases([announcement]) == []


def test_same_notice_passed_twice_counts_once_but_sightings_come_from_the_store():
    hearing = notice(hearing=at("2026-06-09"))
    [case] = build_cases([hearing, hearing], sightings={hearing.id: 3})
    assert len(case.timeline) == 1
    assert case.sightings == 3


def test_timeline_is_in_date_order_then_hearing_then_id():
    served = notice(notice_type="decision_service", published="2026-07-01")
    announced = notice(published="2026-03-25", hearing=at("2026-06-09", "14:00"))
    undated = notice(notice_type="document_service", published=None)
    same_day_award = notice(notice_type="decision_service", published="2026-03-25")
    [case] = build_cases([served, same_day_award, announced, undated])
    assert [e.notice_id for e in case.timeline] == [undated.id, announced.id, same_day_award.id, served.id]
    assert [e.publication_date for e in case.timeline] == [None, dt.date(2026, 3, 25), dt.date(2026, 3, 25),
                                                            dt.date(2026, 7, 1)]
    assert case.timeline[1].page == "p1.txt"


def test_parties_union_in_first_seen_order():
    first = notice(respondents=["青岛佳豪塑钢门窗有限公司"], claimants=["张焕合"], published="2026-03-25")
    second = notice(respondents=["青岛佳豪塑钢门窗有限公司黄岛分公司", "青岛佳豪塑钢门窗有限公司"],
                    claimants=["张焕合", "王五"], published="2026-04-25", notice_type="document_service")
    width_variant = notice(respondents=["青岛佳豪塑钢门窗有限公司 "], published="2026-05-25",
                           notice_type="decision_service")
    [case] = build_cases([width_variant, second, first])
    assert case.respondents == ["青岛佳豪塑钢门窗有限公司", "青岛佳豪塑钢门窗有限公司黄岛分公司"]
    assert case.claimants == ["张焕合", "王五"]


def test_moved_hearing_replaces_next_hearing_and_keeps_history():
    announced = notice(published="2026-03-25", hearing=at("2026-06-09", "14:00"), venue="本委仲裁庭")
    moved = notice(published="2026-05-20", hearing=at("2026-06-30", "09:30"))
    repeated = notice(published="2026-05-21", hearing=at("2026-06-09", "14:00"), page="p2.txt",
                      claimants=["张焕合", "另一人"])  # the first date printed again: no duplicate
    award = notice(notice_type="decision_service", published="2026-08-01", venue=None)
    [case] = build_cases([award, moved, announced])
    assert case.hearing == at("2026-06-30", "09:30")
    assert case.hearing_history == [at("2026-06-09", "14:00"), at("2026-06-30", "09:30")]
    assert case.status == "decision_service"
    assert case.venue == "本委仲裁庭"  # the moving notice printed none: the last one known stands
    [case] = build_cases([repeated, moved, announced])
    assert case.hearing == at("2026-06-09", "14:00")
    assert case.hearing_history == [at("2026-06-09", "14:00"), at("2026-06-30", "09:30")]


def test_computed_hearing_is_not_a_printed_hearing():
    relative = notice(hearing_text="公告期满后第3日上午9时", deadlines=[
        Deadline(kind="hearing", date=dt.date(2026, 4, 27), time=dt.time(9, 0), rule="r", basis="b")])
    assert hearing_of(relative) is None
    [case] = build_cases([relative])
    assert case.hearing is None and case.hearing_history == []


def test_latest_venue_authority_and_dispute_type():
    first = notice(venue="本委仲裁庭", dispute_type="劳动报酬争议", authority=None, hearing=at("2026-06-09"))
    later = notice(venue="第二仲裁庭", published="2026-04-01", hearing=at("2026-06-10"))
    [case] = build_cases([later, first])
    assert case.venue == "第二仲裁庭"
    assert case.authority == COMMITTEE
    assert case.dispute_type == "劳动报酬争议"


def test_naive_hearing_time_does_not_break_ordering():
    naive = notice(hearing=dt.datetime(2026, 6, 9, 14, 0))
    aware = notice(hearing=at("2026-06-10"), published="2026-03-25", claimants=["别人"])
    [case] = build_cases([naive, aware])
    assert case.hearing == at("2026-06-10")


def test_cases_are_sorted_by_key_and_deterministic():
    notices = [notice(case_numbers=[f"青黄劳人仲案字[2026]第{n}号"]) for n in (30, 1, 200)]
    keys = [case.key for case in build_cases(notices)]
    assert keys == sorted(keys)
    assert build_cases(notices) == build_cases(list(reversed(notices)))


def test_abbreviated_numbers_of_two_committees_are_two_cases():
    """第0127号 follows a full number: it is that committee's case, not every 第0127号."""
    first = notice(case_numbers=["拉劳人仲院案〔2026〕第0126号", "第0127号"], respondents=["甲公司有限公司"])
    second = notice(case_numbers=["三劳人仲院案〔2026〕第0126号", "第0127号"], respondents=["乙公司有限公司"])
    keys = {case.key: case.respondents for case in build_cases([first, second])}
    assert len(keys) == 4
    assert keys[case_key("拉劳人仲院案〔2026〕第0127号")] == ["甲公司有限公司"]


def computed(kind: str, day: str) -> Deadline:
    return Deadline(kind=kind, date=dt.date.fromisoformat(day), rule="r", basis="b")


def test_a_past_hearing_is_never_next_and_a_computed_one_stands_in():
    served = notice(hearing=at("2026-06-09", "14:00"))
    relative = notice(case_numbers=["（2026）京0105民初7号"], deadlines=[
        computed("deemed_service", "2026-04-24"), computed("answer_deadline", "2026-05-11"),
        computed("hearing", "2026-05-14")])
    printed, counted = build_cases([served, relative])[::-1]
    assert next_hearing(printed, dt.date(2026, 6, 9)) == at("2026-06-09", "14:00")
    assert next_hearing(printed, dt.date(2026, 6, 10)) is None and printed.hearing == at("2026-06-09", "14:00")
    assert next_hearing(counted, dt.date(2026, 5, 1)).date == dt.date(2026, 5, 14)
    assert next_hearing(counted, dt.date(2026, 5, 15)) is None
    assert next_deadline(counted, dt.date(2026, 4, 25)).kind == "answer_deadline"
    assert next_deadline(counted, dt.date(2026, 5, 12)) is None  # the hearing is not a deadline
