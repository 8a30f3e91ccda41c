"""review.html: self-contained, escaped, every extracted value marked in the notice text."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from export_fixtures import (
    ARBITRATION_CASE,
    all_cases,
    all_notices,
    arbitration_hearing,
    hostile_notice,
    no_number_hearing,
)

from notices.export.html import find_marks, offsets_align, review_html

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


def test_well_formed_and_self_contained():
    structure = Structure()
    structure.feed(page())
    assert structure.errors == [] and structure.stack == []
    assert not structure.tags & {"script", "link", "img", "iframe", "object"}
    hrefs = [value for name, value in structure.attributes if name in ("href", "src")]
    assert hrefs and all(value.startswith("#") for value in hrefs)
    assert "url(" not in page() and "@import" not in page()


def test_untrusted_text_is_escaped():
    evil = hostile_notice().model_copy(update={"text": '<script>alert(1)</script><img src=x onerror=alert(2)>',
                                               "respondents": ['"><b>注入</b>']})
    html = page([evil])
    assert "<script>" not in html and "<img" not in html and "<b>注入</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&quot;&gt;&lt;b&gt;注入&lt;/b&gt;" in html


def test_each_notice_once_in_publication_order():
    html = page()
    ids = re.findall(r'<article class="notice" id="n-([0-9a-f]+)"', html)
    assert ids == [n.id for n in sorted(all_notices(), key=lambda n: (n.publication_date, n.page, n.span))]


def test_values_are_marked_in_the_notice_text():
    html = page([arbitration_hearing()])
    text = html.split('<div class="text">', 1)[1]
    assert f'<mark class="case_numbers" title="case_numbers">{ARBITRATION_CASE}</mark>' in text
    assert '<mark class="respondents" title="respondents">青岛海润达国际贸易有限公司</mark>' in text
    assert '<mark class="claimants" title="claimants">张晓梅</mark>' in text


def test_evidence_offsets_mark_the_hearing_when_they_align():
    notice = arbitration_hearing()
    assert offsets_align(notice)
    marks = {(notice.text[start:end], field) for start, end, field in find_marks(notice)}
    assert ("2026年6月9日14时00分", "hearing_datetime") in marks
    assert ("二〇二六年三月二十五日", "publication_date") in marks


def test_offsets_are_not_trusted_when_the_text_was_changed():
    notice = arbitration_hearing()
    shifted = notice.model_copy(update={"text": "【转载】" + notice.text})
    assert not offsets_align(shifted)
    fields = {field for _, _, field in find_marks(shifted)}
    assert "hearing_datetime" not in fields and "respondents" in fields


def test_marks_never_overlap():
    for notice in all_notices():
        marks = find_marks(notice)
        for (_, end, _), (start, _, _) in zip(marks, marks[1:]):
            assert end <= start


def test_value_missing_from_the_text_is_flagged():
    notice = no_number_hearing().model_copy(update={"claimants": ["刘芳", "赵六"]})
    html = page([notice])
    assert '<mark class="claimants">赵六</mark> <span class="missing">未在原文中找到 not in text</span>' in html
    assert '<mark class="claimants">刘芳</mark><br>' in html


def test_computed_dates_and_problems_are_shown():
    html = page()
    assert "计算日期(非原文) Computed dates, not printed" in html
    assert "劳动人事争议仲裁办案规则(2017) 第22条" in html
    assert "missing_case_number" in html
    assert "<h2>开庭 Hearings (北京时间 UTC+8)</h2>" in html


def test_same_input_same_bytes():
    assert review_html(all_notices(), all_cases()) == review_html(all_notices()[::-1], all_cases()[::-1])
