"""Watch-list matching: folded names, branches, traditional characters, the text fallback."""
from __future__ import annotations

import pytest

from notices.model import Notice
from notices.watch import Hit, check_name, find_hits, fold_name, name_matches

WATCHED = "青岛佳豪塑钢门窗有限公司"


def notice(respondents=(), claimants=(), text="", case="青黄劳人仲案字[2026]第2888号") -> Notice:
    return Notice(page="p.txt", span=(0, 1), notice_type="hearing", respondents=list(respondents),
                  claimants=list(claimants), case_numbers=[case], text=text).with_id()


@pytest.mark.parametrize("party", [
    "青岛佳豪塑钢门窗有限公司",
    "青岛佳豪塑钢门窗有限公司黄岛分公司",  # a branch of the watched company
    "青島佳豪塑鋼門窗有限公司",  # traditional characters
    "青岛佳豪塑钢门窗 有限公司",  # a stray space from the layout
    "青岛佳豪塑钢门窗有限公司",  # full width is folded
])
def test_party_matches_watched_name(party):
    assert name_matches(WATCHED, party)


@pytest.mark.parametrize("party", [
    "青岛佳豪塑钢有限公司",
    "青岛佳豪门窗有限公司",
    "佳豪塑钢门窗",  # shorter than the watched name: not the same company
])
def test_other_party_does_not_match(party):
    assert not name_matches(WATCHED, party)


def test_brackets_fold_both_ways():
    assert name_matches("青岛佳豪（集团）有限公司", "青岛佳豪(集团)有限公司")
    assert name_matches("青岛佳豪〔集团〕有限公司", "青岛佳豪【集团】有限公司北京分公司")


def test_fold_name():
    assert fold_name(" 青島佳豪（集團） 有限公司 ") == "青岛佳豪(集团)有限公司"


@pytest.mark.parametrize("name", ["张三", "佳豪", " 张 三 ", "a", "", "ＡＢ"])
def test_short_names_are_refused(name):
    with pytest.raises(ValueError, match="too short"):
        check_name(name)


def test_three_characters_are_enough():
    assert check_name(" 王小明 ") == "王小明"


def test_find_hits_roles_and_branches():
    served = notice(respondents=["青岛佳豪塑钢门窗有限公司黄岛分公司"], claimants=["张焕合"])
    suing = notice(respondents=["别的公司有限公司"], claimants=[WATCHED], case="X1")
    unrelated = notice(respondents=["别的公司有限公司"], claimants=["张焕合"], case="X2")
    hits = find_hits([WATCHED, "张焕合"], [served, suing, unrelated])
    assert hits == sorted([
        Hit(WATCHED, served.id, "respondent", "青岛佳豪塑钢门窗有限公司黄岛分公司"),
        Hit(WATCHED, suing.id, "claimant", WATCHED),
        Hit("张焕合", served.id, "claimant", "张焕合"),
        Hit("张焕合", unrelated.id, "claimant", "张焕合"),
    ])


def test_text_is_searched_only_when_no_party_matched():
    missed = notice(respondents=["某某"], text="青島佳豪塑鋼門窗有限公司:本委受理的……")
    named = notice(respondents=[WATCHED], text=f"{WATCHED}:本委受理的……", case="X3")
    hits = find_hits([WATCHED], [missed, named])
    assert Hit(WATCHED, missed.id, "text", "") in hits
    assert [hit.role for hit in hits if hit.notice_id == named.id] == ["respondent"]


def test_no_watch_list_no_hits():
    assert find_hits([], [notice(respondents=[WATCHED])]) == []
