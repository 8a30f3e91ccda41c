"""Review pages: self-contained, escaped, every field marked at its evidence span in the page text."""
from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from export_fixtures import (
    ARBITRATION_CASE,
    all_cases,
    all_notices,
    arbitration_hearing,
    hostile_notice,
    no_number_hearing,
)

from notices.export.html import Review, excerpt_of, find_marks, review_html, review_page, runs_index
from notices.model import Excerpt, Run

VOID = {"meta", "br", "img", "hr", "input", "link"}


class Structure(HTMLParser):
    """Collects tags, attributes and whether every element that opens also closes, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.attributes, self.tags = [], [], [], set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes.extend(attrs)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)


def page(notices=None) -> str:
    return review_html(all_notices() if notices is None else notices, all_cases()).decode("utf-8")


def printed_on_a_page(notice, before="版面上一条公告的结尾。\n", after="\n下一条公告的开头"):
    """The notice as the pipeline gives it: with the page text around it, as printed."""
    start = notice.span[0] - len(before)
    return notice.model_copy(update={"context": Excerpt(start=start, text=before + notice.text + after)})


def test_well_formed_self_contained_and_allowed_no_network():
    structure = Structure()
    structure.feed(page())
    assert structure.errors == [] and structure.stack == []
    assert not structure.tags & {"link", "img", "iframe", "object"}
    assert not [value for name, value in structure.attributes if name == "src"]  # the script is inline
    hrefs = [value for name, value in structure.attributes if name == "href"]
    assert hrefs == []  # no page links were given
    assert "url(" not in page() and "@import" not in page() and "http" not in page().split("<script>")[1]
    assert "default-src 'none'" in page()


def test_untrusted_text_is_escaped():
    evil = hostile_notice().model_copy(update={"text": '<script>alert(1)</script><img src=x onerror=alert(2)>',
                                               "respondents": ['"><b>注入</b>']})
    html = page([evil])
    assert html.count("<script>") == 1 and "<img" not in html and "<b>注入</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'data-respondents="&quot;&gt;&lt;b&gt;注入&lt;/b&gt;"' in html


def test_each_notice_once_in_publication_order():
    html = page(all_notices() + all_notices()[:2])
    ids = re.findall(r'<article class="notice" id="n-([0-9a-f]+)"', html)
    assert ids == [n.id for n in sorted(all_notices(), key=lambda n: (n.publication_date, n.page, n.span))]


def test_fields_are_marked_at_their_evidence_spans_in_the_page_text():
    notice = printed_on_a_page(arbitration_hearing())
    html = page([notice])
    text = html.split('<div class="text">', 1)[1].split("</div>", 1)[0]
    assert text.startswith('<span class="around">版面上一条公告的结尾。\n</span><span class="own">')
    assert text.endswith('</span><span class="around">\n下一条公告的开头</span>')
    for value, field in [(ARBITRATION_CASE, "case_numbers"), ("青岛海润达国际贸易有限公司", "respondents"),
                         ("张晓梅", "claimants"), ("2026年6月9日14时00分", "hearing_datetime"),
                         ("二〇二六年三月二十五日", "publication_date")]:
        assert f'<mark class="{field}" title="{field}">{value}</mark>' in text


def test_a_mark_is_the_span_not_a_search_for_the_value():
    """The claimant's name is printed twice; only the span the reader took it from is marked."""
    notice = printed_on_a_page(arbitration_hearing(), before="张晓梅诉另一家公司。\n")
    html = page([notice])
    assert html.count('<mark class="claimants" title="claimants">张晓梅</mark>') == 1
    assert '<span class="around">张晓梅诉另一家公司。' in html


def test_without_the_page_text_the_notice_text_serves_when_the_offsets_slice_it():
    notice = arbitration_hearing()
    assert excerpt_of(notice) == Excerpt(start=notice.span[0], text=notice.text)
    marks = {(notice.text[start:end], field) for start, end, field in find_marks(notice, excerpt_of(notice))}
    assert ("2026年6月9日14时00分", "hearing_datetime") in marks
    assert ("二〇二六年三月二十五日", "publication_date") in marks


def test_offsets_that_do_not_slice_the_text_mark_nothing_and_say_so():
    notice = arbitration_hearing()
    shifted = notice.model_copy(update={"text": "【转载】" + notice.text})
    assert excerpt_of(shifted) is None
    html = page([shifted])
    assert "<mark class=\"respondents\" title" not in html and "The page text was not kept" in html


def test_marks_never_overlap():
    for notice in [n for n in all_notices() if n.evidence]:
        marks = find_marks(notice, excerpt_of(printed_on_a_page(notice)))
        assert marks
        for (_, end, _), (start, _, _) in zip(marks, marks[1:]):
            assert end <= start


def test_a_value_without_evidence_is_flagged_and_an_unread_field_with_a_problem_is_shown():
    notice = no_number_hearing().model_copy(update={"documents": ["传票"]})
    html = page([notice])
    assert '<mark class="documents">传票</mark> <span class="missing">无原文位置 no evidence</span>' in html
    assert "<th>案号 Case numbers</th><td><span class=\"missing\">未读出 not read</span>" in html
    assert "<th>开庭时间原文 Hearing as written</th>" not in html  # neither read nor missed: left out


def test_computed_dates_and_problems_are_shown():
    html = page()
    assert "计算日期(非原文) Computed dates, not printed" in html
    assert "劳动人事争议仲裁办案规则(2017) 第22条" in html
    assert "missing_case_number" in html
    assert "<h2>开庭 Hearings (北京时间 UTC+8)</h2>" in html


def test_filters_offer_the_types_and_authorities_on_the_page():
    html = page()
    authorities = sorted({n.authority for n in all_notices() if n.authority})
    offered = re.findall(r'<select id="f-authority">(.*?)</select>', html)[0]
    assert [unescape(v) for v in re.findall(r'<option value="([^"]+)">', offered)] == authorities
    assert 'data-new="0"' in html and 'data-new="1"' not in html  # an export marks nothing new


def test_a_run_page_marks_the_new_notices_and_the_watch_hits_and_links_the_page():
    hearing, court = arbitration_hearing(), all_notices()[2]
    review = Review(title="Run 1", notices=[hearing, court], new=frozenset({hearing.id}),
                    hits={court.id: ["某某公司"]}, links={court.page: "../pages/p.txt"}, index="../review.html")
    html = review_page(review).decode("utf-8")
    article = {m[0]: m[1] for m in re.findall(r'<article class="notice" id="n-([0-9a-f]+)"(.*?)</article>', html, re.S)}
    assert 'data-new="1"' in article[hearing.id] and "新 new</span>" in article[hearing.id]
    assert 'data-hit="1"' in article[court.id] and "关注 watch: 某某公司" in article[court.id]
    assert '<a href="../pages/p.txt">' in article[court.id] and "<a href" not in article[hearing.id]
    assert html.count('<a href="../review.html">') == 1


def test_the_index_lists_the_runs_newest_first():
    notice = arbitration_hearing()
    runs = [Run(number=1, read_at="2026-03-25T08:00:00+08:00", pages=3, pages_new=3, pages_failed=0, hits_new=0,
                found=[notice.id], new=[notice.id]),
            Run(number=2, read_at="2026-03-26T08:00:00+08:00", pages=1, pages_new=1, pages_failed=1, hits_new=2)]
    html = runs_index(runs, {notice.id: notice}).decode("utf-8")
    assert re.findall(r'<a href="(review/run-\d+\.html)">', html) == ["review/run-0002.html", "review/run-0001.html"]
    assert "<td>1 (1 新 new, 1 失败 failed)</td><td>0</td><td>0</td><td>0</td><td>2</td>" in html


def test_same_input_same_bytes():
    assert review_html(all_notices(), all_cases()) == review_html(all_notices()[::-1], all_cases()[::-1])
