"""PDF pages as newspapers export them, made here with LibreOffice: two and three columns, a
column band over another, one column, and a page that is only a scanned image.

Every notice of every page must be found with its addressee, issuer and date, and its text must
come in reading order (title, addressee, body, 特此公告, issuer, date): pdfminer's own text order
puts addressees before their titles and runs columns into each other."""
from __future__ import annotations

import datetime as dt
import re

import pdf_pages
import pytest

from notices.cli import main
from notices.pipeline import extract_page
from notices.read import read_page

BLANKS = re.compile(r"\s+")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    return pdf_pages.build(tmp_path_factory.mktemp("pdfs"))


def squeezed(text: str) -> str:
    return BLANKS.sub("", text)


def day(text: str) -> dt.date:
    year, month, date = map(int, re.findall(r"\d+", text))
    return dt.date(year, month, date)


@pytest.mark.parametrize("name", list(pdf_pages.DOCS))
def test_every_notice_of_a_column_page_is_read(pdfs, name):
    result = extract_page(pdfs[name])
    assert result.error is None
    for notice in pdf_pages.DOCS[name]:
        addressees = notice.addressee.rstrip("：").split("、")
        if addressees == ["各利害关系人"]:  # 公示催告 serves no one: its applicant is the claimant
            matches = [n for n in result.notices if n.authority == notice.issuer and n.claimants]
        else:
            matches = [n for n in result.notices if set(addressees) <= set(n.respondents)]
        assert len(matches) == 1, (notice.addressee, [(n.respondents, n.claimants) for n in result.notices])
        found = matches[0]
        assert (found.authority, found.publication_date) == (notice.issuer, day(notice.date))


@pytest.mark.parametrize("name", list(pdf_pages.DOCS))
def test_column_page_text_is_in_reading_order(pdfs, name):
    text = squeezed(read_page(pdfs[name]).text)
    cursor = 0
    for notice in pdf_pages.DOCS[name]:
        parts = [squeezed(part) for part in notice.parts()]
        at = text.find(parts[1], cursor)  # the addressee, then the title just before it
        assert at >= 0, notice.addressee
        assert text[:at].endswith(parts[0]), (notice.addressee, text[max(0, at - 30):at])
        position = at
        for part in parts[1:]:
            found = text.find(part, position)
            assert found >= 0, (notice.addressee, part[:20])
            position = found + len(part)
        cursor = position


def test_a_pdf_without_a_text_layer_needs_ocr(pdfs, capsys):
    result = extract_page(pdfs["image_only"])
    assert result.notices == [] and "needs OCR" in result.error
    assert main(["extract", str(pdfs["image_only"])]) == 1
    assert "needs OCR" in capsys.readouterr().err
