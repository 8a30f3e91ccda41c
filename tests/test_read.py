"""Reading page files: encodings, YAML front matter, HTML, PDF, binary files, directories.

Every page is written to tmp_path as a user would receive it, then read with notices.read; where
it matters, the read page is also run through the pipeline to show the decoding is right.
"""
from __future__ import annotations

import codecs
import os
import datetime as dt
import random
from pathlib import Path

import pytest

from notices.pipeline import extract_bytes, extract_page, extract_text
from notices.read import Page, UnreadablePage, page_files, page_from_bytes, read_page

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
SEED_PAGE = ROOT / "seeds" / "001_b5eb491884ba4549.txt"

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"labelled corpus not found at {CORPUS}")


def corpus_text(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def fields(notices) -> list[dict]:
    """What a record says, without where it was read from (the page path differs per file)."""
    return [n.model_dump(exclude={"page"}) for n in notices]


# -- encodings ---------------------------------------------------------------------------------

NOTICE = "山西晋鼎恒泰商贸有限公司：\n申请人郝建平诉你单位劳动报酬争议一案（小店劳人仲案字〔2026〕第0836号）"


def test_utf8_without_bom(tmp_path):
    page = read_page(write(tmp_path, "p.txt", NOTICE.encode("utf-8")))
    assert page.text == NOTICE
    assert page.page_date is None


def test_utf8_with_bom_drops_the_bom(tmp_path):
    page = read_page(write(tmp_path, "p.txt", codecs.BOM_UTF8 + NOTICE.encode("utf-8")))
    assert page.text == NOTICE
    assert not page.text.startswith("\ufeff")


def test_path_is_kept_as_given(tmp_path):
    path = write(tmp_path, "p.txt", NOTICE.encode("utf-8"))
    assert read_page(path).path == str(path)
    assert page_from_bytes(b"x", "some/dir/p.txt").path == "some/dir/p.txt"


@needs_corpus
@pytest.mark.parametrize("codec", ["gb18030", "gbk"])
def test_gb_encoded_notice_reads_like_utf8(tmp_path, codec):
    text = corpus_text("arb-001.txt")
    utf8 = write(tmp_path, "utf8.txt", text.encode("utf-8"))
    gb = write(tmp_path, f"{codec}.txt", text.encode(codec))
    assert gb.read_bytes() != utf8.read_bytes()  # really another encoding
    assert read_page(gb).text == text
    from_gb, from_utf8 = extract_page(gb), extract_page(utf8)
    assert from_gb.error is None and from_gb.notices
    assert fields(from_gb.notices) == fields(from_utf8.notices)
    assert from_gb.notices[0].respondents == ["山西晋鼎恒泰商贸有限公司"]


@needs_corpus
def test_every_corpus_notice_survives_gb18030(tmp_path):
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert page_from_bytes(text.encode("gb18030"), path.name).text == text, path.name


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_utf16_with_bom(tmp_path, bom, codec):
    text = (SEED_PAGE.read_text(encoding="utf-8"))
    page = read_page(write(tmp_path, "p.txt", bom + text.encode(codec)))
    assert page.text == text
    result = extract_page(tmp_path / "p.txt")
    assert len(result.notices) == 6


def test_bom_that_lies_is_unreadable(tmp_path):
    with pytest.raises(UnreadablePage, match="utf-8"):
        read_page(write(tmp_path, "p.txt", codecs.BOM_UTF8 + b"\xff\xfe\xfd not utf-8"))


def test_empty_file_is_an_empty_page(tmp_path):
    page = read_page(write(tmp_path, "empty.txt", b""))
    assert page == Page("", str(tmp_path / "empty.txt"), None)
    result = extract_page(tmp_path / "empty.txt")
    assert result.error is None and result.notices == []


def test_bom_only_file_is_an_empty_page(tmp_path):
    assert read_page(write(tmp_path, "bom.txt", codecs.BOM_UTF8)).text == ""


# -- front matter ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "front, expected",
    [
        ("---\ntitle: 法治日报 第7版\ndate: 2026-03-25\n---\n", dt.date(2026, 3, 25)),
        ("---\ndate: '2026-03-05'\n---\n", dt.date(2026, 3, 5)),
        ('---\ndate: "2026-3-5"\n---\n', dt.date(2026, 3, 5)),
        ("---\r\ntitle: x\r\ndate: 2026-03-05\r\n---\r\n", dt.date(2026, 3, 5)),
        ("---\ndate: 2026-03-05T07:00:00+08:00\n---\n", dt.date(2026, 3, 5)),
        ("---\ntitle: no date\npage: 7\n---\n", None),
        ("---\nupdated: 2026-03-05\n---\n", None),  # another key that ends in 'date'
        ("---\ndate: 2026-02-30\n---\n", None),  # malformed: no such day
        ("---\ndate: 2026-13-01\n---\n", None),  # malformed: no such month
        ("---\ndate: 25/03/2026\n---\n", None),  # not ISO
        ("---\ndate: tomorrow\n---\n", None),
        ("---\ndate: 2026-03-05\n", None),  # never closed: not front matter
        ("正文\n---\ndate: 2026-03-05\n---\n", None),  # not at the top of the page
    ],
)
def test_front_matter_date(tmp_path, front, expected):
    text = front + "# 公告\n正文。\n"
    page = read_page(write(tmp_path, "p.md", text.encode("utf-8")))
    assert page.page_date == expected
    assert page.text == text  # offsets point into the page as printed, front matter included


def test_front_matter_after_a_bom(tmp_path):
    page = read_page(write(tmp_path, "p.md", codecs.BOM_UTF8 + "---\ndate: 2026-03-25\n---\n正文\n".encode()))
    assert page.page_date == dt.date(2026, 3, 25)


@needs_corpus
def test_page_date_dates_an_undated_notice(tmp_path):
    """court-007 prints no date: the page's front matter date becomes its publication date."""
    notice = corpus_text("court-007.txt")
    path = write(tmp_path, "p.md", ("---\ndate: 2016-11-20\n---\n\n" + notice + "\n").encode("utf-8"))
    result = extract_page(path)
    assert result.page_date == dt.date(2016, 11, 20)
    assert len(result.notices) == 1
    record = result.notices[0]
    assert record.publication_date == dt.date(2016, 11, 20)
    assert any(p.field == "publication_date" and p.code == "page_date" for p in record.problems)
    start, end = record.span
    assert read_page(path).text[start:end].startswith("本院定于")


@pytest.mark.parametrize(
    "path, expected",
    [
        ("epaper/2026-04-02/page07.txt", dt.date(2026, 4, 2)),
        ("archive/20260402_07.txt", dt.date(2026, 4, 2)),
        ("fzrb_2026.04.02_p7.md", dt.date(2026, 4, 2)),
        ("2025-12-31/2026-01-02_p7.txt", dt.date(2026, 1, 2)),  # the innermost date is the issue's
        ("seeds/001_b5eb491884ba4549.txt", None),  # a hash is no date
        ("x/b5eb20260402ab.txt", None),  # digits inside a longer run of letters and digits
        ("2026-02-30/page.txt", None),  # no such day
        ("page07.txt", None),
    ],
)
def test_page_date_from_the_path(path, expected):
    assert page_from_bytes("正文\n".encode(), path).page_date == expected


def test_front_matter_date_wins_over_the_path():
    page = page_from_bytes("---\ndate: 2026-03-25\n---\n正文\n".encode(), "2026-04-02/page07.md")
    assert page.page_date == dt.date(2026, 3, 25)


def test_html_page_date_from_the_path():
    assert page_from_bytes(HTML.encode(), "2026-04-02/page07.html").page_date == dt.date(2026, 4, 2)


# -- HTML --------------------------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html><head><title>电子版 第7版</title>
<style>p { color: red; } .公告 { }</style>
<script>var notice = "本院定于2026年1月1日开庭";</script>
</head>
<body>
<h1>公告</h1><div>青岛佳豪塑钢门窗有限公司:</div>
<p>本委依法受理张焕合与你单位劳动报酬争议一案(青黄劳人仲案字[2026]第2888号)。<br>因向你单位直接、邮寄送达不成,现依法向你单位公告《应诉、开庭通知书》《申请书》等法律文书,自公告之日起经过30日即视为送达。本委定于2026年6月9日&nbsp;14时00分在本委仲裁庭(地址:青岛西海岸新区双珠路1688号明珠便民服务中心306-2室)开庭审理此案,请准时到庭参加庭审,届时不到庭,本委将依法缺席审理。</p>
<p>特此公告</p><p>青岛市黄岛区劳动人事争议仲裁委员会</p><p>2026年3月25日</p>
<table><tr><td>案号</td><td>当事人</td></tr></table>
<span>行</span><span>内</span> &lt;完&gt;
<noscript>请启用脚本</noscript>
</body></html>
"""


@pytest.fixture
def html_page(tmp_path) -> Page:
    return read_page(write(tmp_path, "p.html", HTML.encode("utf-8")))


def test_html_drops_script_style_and_head(html_page):
    for hidden in ("color: red", "var notice", "2026年1月1日", "电子版 第7版", "请启用脚本", "<", "DOCTYPE"):
        assert hidden not in html_page.text.replace("<完>", ""), hidden


def test_html_block_elements_become_line_breaks(html_page):
    lines = [line.strip() for line in html_page.text.split("\n")]
    assert "公告" in lines
    assert "青岛佳豪塑钢门窗有限公司:" in lines
    assert "本委依法受理张焕合与你单位劳动报酬争议一案(青黄劳人仲案字[2026]第2888号)。" in lines  # <br> ends the line
    assert any(line.startswith("因向你单位直接") for line in lines)
    assert "特此公告" in lines and "2026年3月25日" in lines
    assert "\n\n\n" not in html_page.text  # runs of blank lines collapse


def test_html_inline_elements_entities_and_cells(html_page):
    assert "行内" in html_page.text  # <span>s do not break a line
    assert "<完>" in html_page.text  # entities decoded
    assert "2026年6月9日\u00a014时" in html_page.text  # &nbsp; is a no-break space, folded later
    assert "案号\t当事人" in html_page.text.replace("\t\t", "\t")


def test_html_page_is_extracted(tmp_path):
    result = extract_page(write(tmp_path, "p.html", HTML.encode("utf-8")))
    assert [n.respondents for n in result.notices] == [["青岛佳豪塑钢门窗有限公司"]]
    record = result.notices[0]
    assert record.hearing_datetime.isoformat() == "2026-06-09T14:00:00+08:00"
    assert record.case_numbers == ["青黄劳人仲案字[2026]第2888号"]
    assert record.publication_date == dt.date(2026, 3, 25)
    assert record.venue == "本委仲裁庭(地址:青岛西海岸新区双珠路1688号明珠便民服务中心306-2室)"


def test_html_recognized_by_content_and_in_gb18030(tmp_path):
    page = read_page(write(tmp_path, "page.txt", HTML.encode("gb18030")))
    assert "青岛佳豪塑钢门窗有限公司" in page.text
    assert "var notice" not in page.text


def test_html_suffix_without_doctype(tmp_path):
    page = read_page(write(tmp_path, "frag.HTM", "<p>第一段</p><p>第二段</p>".encode()))
    assert [line for line in page.text.split("\n") if line] == ["第一段", "第二段"]


BLOCK_ELEMENTS_READ = ["p", "div", "li", "tr", "h1", "h2", "h3", "section", "article", "table"]
# Block elements html_text once missed: their contents ran together on one line.
BLOCK_ELEMENTS_MISSED = ["blockquote", "dd", "dt", "header", "footer", "main", "nav", "aside", "pre", "address",
                         "figcaption", "caption"]


@pytest.mark.parametrize(
    "tag",
    BLOCK_ELEMENTS_READ + BLOCK_ELEMENTS_MISSED,
)
def test_every_block_element_breaks_the_line(tag):
    text = page_from_bytes(f"<html><body><{tag}>特此公告</{tag}><{tag}>二〇二六年三月二十五日</{tag}></body></html>".encode(),
                           "p.html").text
    assert [line for line in text.split("\n") if line] == ["特此公告", "二〇二六年三月二十五日"]


def test_horizontal_rule_breaks_the_line():
    text = page_from_bytes("<html><body>特此公告<hr>二〇二六年三月二十五日</body></html>".encode(), "p.html").text
    assert [line for line in text.split("\n") if line] == ["特此公告", "二〇二六年三月二十五日"]


def test_html_without_closing_head_tag(tmp_path):
    markup = HTML.replace("</head>", "")
    assert markup.count("<head>") == 1 and "</head>" not in markup
    result = extract_page(write(tmp_path, "p.html", markup.encode("utf-8")))
    assert "青岛佳豪塑钢门窗有限公司" in read_page(tmp_path / "p.html").text
    assert [n.respondents for n in result.notices] == [["青岛佳豪塑钢门窗有限公司"]]


# -- PDF ---------------------------------------------------------------------------------------

def minimal_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with ASCII text in Helvetica, byte offsets in the xref table exact."""
    content = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({line}) '" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        " /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("ascii")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("ascii")
    out += b"".join(f"{offset:010d} 00000 n \n".encode("ascii") for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode("ascii")
    return out


def test_pdf_page_text(tmp_path):
    page = read_page(write(tmp_path, "p.pdf", minimal_pdf(["Court notice", "Hearing on 2026-06-09"])))
    lines = [line for line in page.text.splitlines() if line.strip()]
    assert lines[:2] == ["Court notice", "Hearing on 2026-06-09"]


def test_pdf_recognized_by_magic_bytes(tmp_path):
    page = read_page(write(tmp_path, "scan.txt", minimal_pdf(["Page seven"])))
    assert "Page seven" in page.text


def test_pdf_page_date_from_the_path():
    assert page_from_bytes(minimal_pdf(["Page seven"]), "2026-04-02/page07.pdf").page_date == dt.date(2026, 4, 2)


def test_damaged_pdf_is_unreadable(tmp_path):
    with pytest.raises(UnreadablePage, match="PDF"):
        read_page(write(tmp_path, "p.pdf", b"%PDF-1.4\nthis is not a pdf body\n"))
    result = extract_page(tmp_path / "p.pdf")
    assert result.notices == [] and "PDF" in result.error


# -- not pages ---------------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"


@pytest.mark.parametrize("data", [PNG, b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", b"PK\x03\x04\x14\x00\x00\x00\x08\x00"])
def test_binary_file_is_unreadable(tmp_path, data):
    path = write(tmp_path, "photo.txt", data)
    with pytest.raises(UnreadablePage, match="binary"):
        read_page(path)
    result = extract_page(path)
    assert result.notices == [] and "binary" in result.error


def test_undecodable_bytes_are_unreadable(tmp_path):
    rng = random.Random(20260325)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(3000))  # no NUL, not UTF-8, not GB18030
    with pytest.raises(UnreadablePage, match="not text"):
        read_page(write(tmp_path, "noise.txt", data))


def test_random_bytes_never_raise_anything_but_unreadable(tmp_path):
    rng = random.Random(7)
    for n in range(200):
        data = rng.randbytes(rng.randrange(1, 600))
        try:
            page = page_from_bytes(data, f"r{n}.txt")
        except UnreadablePage as error:
            assert str(error)  # always says why
        else:
            assert isinstance(page.text, str)


def test_control_characters_are_not_text(tmp_path):
    data = ("公告" + "\x01\x02\x03\x04" * 50).encode("utf-8")
    with pytest.raises(UnreadablePage):
        read_page(write(tmp_path, "ctl.txt", data))


def test_vertical_tab_line_breaks_are_text(tmp_path):
    text = SEED_PAGE.read_text(encoding="utf-8")
    notice = text[text.index("青岛意合达金属制品有限公司"):][:190]
    data = notice.replace("\n", "\v").encode("utf-8")
    page = read_page(write(tmp_path, "word.txt", data))
    assert page.text == notice.replace("\n", "\v")


def test_missing_file_is_unreadable(tmp_path):
    with pytest.raises(UnreadablePage, match="No such file"):
        read_page(tmp_path / "nope.txt")
    assert extract_page(tmp_path / "nope.txt").error


# -- directories -------------------------------------------------------------------------------

def test_page_files_expands_directories(tmp_path):
    tree = tmp_path / "pages"
    for name in ("b.txt", "a.md", "c.html", "d.pdf", "e.htm", "f.markdown", "g.text", "UPPER.TXT",
                 "sub/z.txt", "sub/deeper/y.md",
                 "notes.json", "image.png", "README", ".hidden.txt", ".git/HEAD.txt", "sub/.cache/x.txt"):
        write(tree, name, b"x")
    found = page_files([str(tree)])
    relative = [Path(p).relative_to(tree).as_posix() for p in found]
    assert sorted(relative) == sorted(["b.txt", "a.md", "c.html", "d.pdf", "e.htm", "f.markdown", "g.text",
                                       "UPPER.TXT", "sub/z.txt", "sub/deeper/y.md"])
    assert found == sorted(found)
    assert all(Path(p).is_file() for p in found)


def test_page_files_keeps_files_as_given_and_in_order(tmp_path):
    tree = tmp_path / "d"
    write(tree, "2.txt", b"x")
    write(tree, "1.txt", b"x")
    single = write(tmp_path, "z.json", b"{}")  # a file named on the command line is not filtered
    first = write(tmp_path, "y.txt", b"x")
    found = page_files([str(first), str(tree), str(single)])
    assert found == [str(first), str(tree / "1.txt"), str(tree / "2.txt"), str(single)]


def test_page_files_in_a_hidden_directory_given_by_name(tmp_path):
    tree = tmp_path / ".inbox"
    write(tree, "p.txt", b"x")
    assert page_files([str(tree)]) == [str(tree / "p.txt")]


def test_page_files_of_seeds():
    found = page_files([str(ROOT / "seeds")])
    assert [Path(p).name for p in found] == sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))


@pytest.mark.parametrize("codec", ["big5", "big5hkscs"])
def test_a_big5_page_is_read_as_big5_not_as_gb18030(codec):
    """GB18030 decodes Big5 bytes without an error, into rare characters: the reading in common
    characters is the right one."""
    import opencc

    text = opencc.OpenCC("s2tw").convert("公告\n山西晋鼎恒泰商贸有限公司：\n本院受理原告郝建平诉你单位劳务合同纠纷一案，"
                                         "现依法向你单位公告送达起诉状副本及开庭传票。\n特此公告\n太原市小店区人民法院\n2026年3月16日\n")
    page = page_from_bytes(text.encode(codec), "page.txt")
    assert page.text == text
    [notice] = extract_text(page.text)
    assert notice.respondents == ["山西晋鼎恒泰商贸有限公司"] and notice.authority == "太原市小店区人民法院"


def test_a_gb18030_page_stays_gb18030():
    text = "公告\n本院受理原告王强诉被告青岛佳豪塑钢门窗有限公司买卖合同纠纷一案。\n"
    assert page_from_bytes(text.encode("gb18030"), "page.txt").text == text


# -- doubtful decodings: read by the likeliest encoding and reported, or refused ----------------

def seed_bytes() -> bytes:
    return SEED_PAGE.read_bytes()


def mojibake(text: str) -> bytes:
    """UTF-8 bytes read as GBK and saved again as UTF-8: what a page that went through a wrong
    decoding upstream looks like."""
    return text.encode("utf-8").decode("gbk", errors="replace").encode("utf-8")


@pytest.mark.parametrize("damage, says", [
    (lambda data: b"\x00" + data, "control characters"),
    (lambda data: data[:4000] + b"\x00" + data[4000:], "broken byte sequence"),  # inside a character
    (lambda data: (lambda text: (text[:2000] + "\x00" + text[2000:]).encode())(data.decode()), "control characters"),
    (lambda data: data.decode().encode("utf-16-le"), "UTF-16-LE without a byte-order mark"),
    (lambda data: data.decode().encode("utf-16-be"), "UTF-16-BE without a byte-order mark"),
    (lambda data: data[:3001] + data[3003:], "broken byte sequence"),
    (lambda data: "\ue015".encode() + data, "private-use characters"),
])
def test_a_doubtful_decoding_is_read_and_reported(damage, says):
    clean = extract_bytes(seed_bytes(), "page.txt")
    result = extract_bytes(damage(seed_bytes()), "page.txt")
    assert result.error is None
    assert len(result.notices) == len(clean.notices) == 6
    assert [n.respondents for n in result.notices] == [n.respondents for n in clean.notices]
    assert any(says in note for note in result.notes), result.notes


def test_a_clean_page_has_no_doubt():
    for data in (seed_bytes(), seed_bytes().decode().encode("gb18030"), codecs.BOM_UTF16_LE + seed_bytes().decode().encode("utf-16-le")):
        assert page_from_bytes(data, "page.txt").doubt is None


@needs_corpus
def test_no_corpus_page_is_doubted():
    doubted = [path.name for path in sorted(CORPUS.glob("*.txt")) if read_page(path).doubt]
    assert doubted == []


def test_mojibake_is_doubted():
    page = page_from_bytes(mojibake(SEED_PAGE.read_text(encoding="utf-8")), "page.txt")
    assert "mojibake" in page.doubt


def test_a_doubtful_page_with_no_notice_is_an_error_not_a_clean_page():
    """0 notices from a page that may be read wrong is no evidence that the page is clean."""
    for data in (mojibake(SEED_PAGE.read_text(encoding="utf-8")), b"\x00" + "本报讯 今日天气晴。".encode() * 40):
        result = extract_bytes(data, "page.txt")
        assert result.notices == [] and "check the file's encoding" in result.error


def test_run_does_not_store_a_doubtful_page_with_no_notice(tmp_path, monkeypatch, capsys):
    from notices.cli import main
    from notices.store import Store

    monkeypatch.chdir(tmp_path)
    write(tmp_path, "pages/bad.txt", mojibake(SEED_PAGE.read_text(encoding="utf-8")))
    write(tmp_path, "pages/good.txt", seed_bytes())
    assert main(["run", "pages", "--today", "2026-04-01"]) == 1
    out, err = capsys.readouterr()
    assert "bad.txt" in err and "mojibake" in err
    assert "1 failed" in out
    with Store.open(tmp_path / "exports" / "notices.db") as store:
        assert store.counts()["pages"] == 1  # the next run reads bad.txt again


# -- only regular files are read ---------------------------------------------------------------

def test_a_fifo_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(UnreadablePage, match="not a regular file .a FIFO."):
        read_page(fifo)  # without the check this blocks for ever: no writer ever comes
    assert "FIFO" in extract_page(fifo).error


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_is_refused_not_read_until_memory_runs_out(device):
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    with pytest.raises(UnreadablePage, match="character device"):
        read_page(device)


def test_a_fifo_inside_a_folder_is_not_a_page(tmp_path):
    write(tmp_path, "pages/a.txt", b"x")
    os.mkfifo(tmp_path / "pages" / "b.txt")
    assert page_files([str(tmp_path / "pages")]) == [str(tmp_path / "pages" / "a.txt")]


def test_an_unreadable_folder_is_reported_like_an_unreadable_file(tmp_path, monkeypatch):
    write(tmp_path, "pages/a.txt", seed_bytes())
    write(tmp_path, "pages/locked/b.txt", seed_bytes())
    locked = str(tmp_path / "pages" / "locked")
    real_scandir, real_listdir = os.scandir, os.listdir

    def refuse(real):
        def call(path="."):
            if os.fspath(path) == locked:
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real(path)
        return call

    # as a user without the right to list it (root may list every folder, so it is simulated)
    monkeypatch.setattr(os, "scandir", refuse(real_scandir))
    monkeypatch.setattr(os, "listdir", refuse(real_listdir))
    files = page_files([str(tmp_path / "pages")])
    assert files == [str(tmp_path / "pages" / "a.txt"), locked]
    result = extract_page(locked)
    assert result.error == "folder cannot be read (Permission denied): its pages are not read"


# -- the issue date a page prints at its head -------------------------------------------------

@pytest.mark.parametrize("head, date", [
    ("冰城晨报　2026年4月15日　星期三　第A11版　法治·公告\n", dt.date(2026, 4, 15)),
    ("当前位置：首页 > 电子报 > 2026年05月20日 > 第07版：公告\n", dt.date(2026, 5, 20)),
    ("法治时报\n二〇二六年五月二十二日　星期五　　第08版\n", dt.date(2026, 5, 22)),
    ("浙江省宁波市鄞州区人民法院定于2026年5月13日（星期三）14时30分在本院第二法庭开庭审理被告人俞海波盗窃罪一案。\n", None),
    ("本报讯 2026年5月13日（星期三），记者获悉，\n", None),
])
def test_a_masthead_dates_the_page(head, date):
    page = page_from_bytes((head + "\n韩某：本院受理原告某某诉你不当得利纠纷一案，现依法向你公告送达起诉状副本。\n").encode(), "page.txt")
    assert page.page_date == date


def test_a_path_date_wins_over_the_masthead():
    page = page_from_bytes("冰城晨报　2026年4月15日　星期三　第A11版\n".encode(), "2026-04-16/page11.txt")
    assert page.page_date == dt.date(2026, 4, 16)


SITE_TABLE = """<html><body><h2>北京市朝阳区人民法院开庭公告</h2><p>发布日期：2026-03-20</p>
<table>
  <tr><th>序号</th><th>开庭日期</th><th>开庭时间</th><th>法庭</th><th>案号</th><th>当事人</th></tr>
  <tr>
    <td>1</td>
    <td>2026-03-30</td>
    <td>09:00</td>
    <td>第十八法庭</td>
    <td>（2026）京0105民初4127号</td>
    <td>原告：北京鼎泰恒通商贸有限公司；被告：孙立伟</td>
  </tr>
  <tr><td></td><td colspan="5">案由：买卖合同纠纷&nbsp;&nbsp;承办人：孟秋实&nbsp;&nbsp;书记员：韩雪</td></tr>
  <tr>
    <td>2</td>
    <td>2026-04-02</td>
    <td>14:00</td>
    <td>第十二法庭</td>
    <td>（2026）京0105民初6630号</td>
    <td>原告：陈丽华；被告：北京星河互动科技有限公司</td>
  </tr>
  <tr><td></td><td colspan="5">案由：劳动争议&nbsp;&nbsp;承办人：苏婉清</td></tr>
</table>
<div class="pager">共2条 第1/1页 上一页 下一页</div></body></html>"""


def test_a_site_table_set_out_over_lines_reads_as_one_row_a_line():
    text = page_from_bytes(SITE_TABLE.encode("utf-8"), "p.html").text
    assert "1\t2026-03-30\t09:00\t第十八法庭\t（2026）京0105民初4127号\t原告：北京鼎泰恒通商贸有限公司；被告：孙立伟\n" in text


def test_a_rows_labelled_detail_line_gives_its_cause_and_the_pager_is_no_party():
    records = extract_bytes(SITE_TABLE.encode("utf-8"), "p.html").notices
    assert [(n.case_numbers, n.dispute_type, n.claimants, n.respondents) for n in records] == [
        (["(2026)京0105民初4127号"], "买卖合同纠纷", ["北京鼎泰恒通商贸有限公司"], ["孙立伟"]),
        (["(2026)京0105民初6630号"], "劳动争议", ["陈丽华"], ["北京星河互动科技有限公司"])]
