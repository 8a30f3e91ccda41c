"""Page text to normalized text, with a map back to the page.

Every rule downstream assumes the normalized form: full-width ASCII folded to ASCII, no
markdown markers, no stray spaces between letter-spaced characters, the lines of a
hard-wrapped column joined, simplified characters. `Norm.page_span` turns a span of the
normalized text back into the span of the page text it came from.
"""
from __future__ import annotations

from array import array
from dataclasses import dataclass
from functools import lru_cache

import regex

from notices.dates import DATE
from notices.model import Span
from notices.rules.parts import (AUTHORITY_SUFFIX, CASE_YEAR, FIELD_LABEL, KIND_WORD, LINE_LABEL, NAVIGATION, ORG_SUFFIX,
                                 RULE, TITLE_BRACKET, TITLE_KIND)

# Full-width ASCII (U+FF01..U+FF5E) to ASCII, ideographic and no-break spaces to a space.
# One character to one character, so folding keeps every offset.
FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
FOLD.update({0x3000: " ", 0x00A0: " ", 0x2002: " ", 0x2003: " ", 0x200B: " ", 0xFEFF: " ", ord("\r"): " ",
             ord("\f"): "\n", ord("\v"): "\n", 0x2028: "\n", 0x2029: "\n", ord("﹝"): "〔", ord("﹞"): "〕",
             ord("Ｏ"): "〇"})

HAN = regex.compile(r"\p{Han}")
GAP = regex.compile(r"(?:[ \t]*\*\*+)+[ \t]*|[ \t]+")  # blanks, and markdown emphasis with the blanks around it
EMPHASIS = regex.compile(r"\*\*+")
MARKDOWN_LEAD = regex.compile(r"(?:#{1,6}[ \t]+|>[ \t]*|\*\*)")


@dataclass(frozen=True)
class Norm:
    """Normalized text; offsets[i] is the page offset of text[i]."""

    text: str
    offsets: array
    end: int  # page offset just past the normalized region

    def page_span(self, start: int, end: int) -> Span:
        if start >= end:
            at = self.offsets[start] if start < len(self.offsets) else self.end
            return (at, at)
        return (self.offsets[start], self.offsets[end - 1] + 1)


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # the converter loads its dictionaries once

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional to simplified, one character for one: when a phrase conversion changes the
    length of a line, that line is converted character by character so offsets still hold."""
    converter = _t2s()
    converted = converter.convert(text)
    if len(converted) == len(text):
        return converted
    lines = []
    for line in text.split("\n"):
        out = converter.convert(line)
        if len(out) != len(line):
            out = "".join(ch2 if len(ch2 := converter.convert(ch)) == 1 else ch for ch in line)
        lines.append(out)
    return "\n".join(lines)


def simplify_if_traditional(text: str, sample: int = 300) -> str:
    """Convert only text that is written in traditional characters; simplified text is left as
    printed (a variant like 啟 in a name stays). Samples from the start, middle and end decide,
    so a simplified page (most of them) costs three short conversions."""
    middle = len(text) // 2
    probe = text if len(text) <= 3 * sample else text[:sample] + text[middle:middle + sample] + text[-sample:]
    han = len(HAN.findall(probe))
    if han < 4:
        return text
    changed = sum(1 for a, b in zip(probe, to_simplified(probe)) if a != b)
    return to_simplified(text) if changed >= max(3, han // 50) else text


CELL_GAP = 4  # blanks between two cells of a letter-spaced table row (a word gap is two or three)
MIN_COLUMN, MAX_COLUMN = 8, 40  # widths (characters) of the hard-wrapped columns OCR and e-paper text give
FRAME_MAX = 80  # a frame line (title, issuer, case number, date) is shorter
NEIGHBOURS = 3  # how many lines apart two lines of one width still show one column
INDENT = 2  # a paragraph's first line is indented by up to two characters
DATE_LINE = (r"(?:[\d〇○一二三四五六七八九十]{2,4}年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日"
             r"|\d{4}[-./]\d{1,2}[-./]\d{1,2})")
# A day's heading in a hearing list: 5月12日(星期二), 12月8日 周一, and the half-day's: 下午.
DAY_HEADING = (r"(?:\d{1,2}月\d{1,2}日\s?(?:\((?:星期|周)[一二三四五六日天]\)|(?:星期|周)[一二三四五六日天])?"
               r"|上午|下午|晚上)")
# A line that starts one of these is not the continuation of the line above it.
UNIT_START = regex.compile(
    rf"(?:{LINE_LABEL}\s*[:：]\s*\S|特此|(?:[一二三四五六七八九十]{{1,3}}|\d{{1,2}})[、.]"
    rf"|\(\s*[一二三四五六七八九十\d]{{1,3}}\s*\)|{DATE_LINE}$)"
)
# A line that ends a sentence or a label ends where the text does, not where the column does.
CLOSED = regex.compile(r"(?:[。!?！？：;；]|(?<!\d):)$")
# An issuer as a signature prints it: it starts with its place (…省, …市, …区) or is a court
# named for what it tries (北京互联网法院); a wrapped tail (争议仲裁委员会) is no issuer.
PLACE_END = "[省市县区州旗盟]"  # the last character of a place's name
_ISSUER = (rf"(?:最高人民法院|(?:\p{{Han}}{{0,20}}?{PLACE_END}|\p{{Han}}{{2,3}}(?=海事|知识产权|互联网|金融|铁路运输))"
           rf"[\p{{Han}}()]{{0,30}}?{AUTHORITY_SUFFIX}(?:\p{{Han}}{{0,6}}?(?:仲裁庭|人民法庭|派出法庭|分院))?)")
_CASE_NUMBER = (r"(?:案号\s*[:为]?\s*)?(?:\p{Han}{0,10}仲\p{Han}{0,4})?"
                rf"{CASE_YEAR}[^\n]{{1,24}}号(?:之[一二三四五六七八九十\d]{{1,3}})?")
# The frame of a notice, printed on lines of their own: a title, the issuer, a case number, a
# date, the dates a list covers in brackets, a day's heading, 特此公告. Two such lines of one
# width by chance show no column.
FRAME_LINE = regex.compile(
    rf"""(?:(?:{_ISSUER})?(?:关于[^\n。,]{{1,40}}的)?{TITLE_KIND}?(?:公\s?告|通\s?告|告\s?示|公告送达(?:\p{{Han}}{{0,16}}?(?:书|通知)|传票)?)
            {TITLE_BRACKET}?{NAVIGATION}?   # 开庭排期公告(2026年7月13日—7月15日)
         |{_ISSUER}|{_CASE_NUMBER}|{DATE_LINE}|\({DATE_LINE}[^()\n]{{0,24}}\)|{DAY_HEADING}|特此[^\n]{{0,6}}
         |{RULE})   # a rule between items""",
    regex.VERBOSE,
)
WRAPPED_HEAD = regex.compile(r"[\p{Han}A-Za-z\d()]{2,20}")
WRAPPED_TAIL = regex.compile(rf"\p{{Han}}{{0,6}}{ORG_SUFFIX}")  # 安装有限公司: too short to be a whole name


def begins_wrapped_name(line: str, rest: str) -> bool:
    """Is `line` the first part of an organisation's name a column wrapped, `rest` the rest of it
    (辽宁北方重工机电设备 / 安装有限公司): a bare run of characters, no frame line nor a name of its own?"""
    return bool(WRAPPED_TAIL.fullmatch(rest) and WRAPPED_HEAD.fullmatch(line) and not FRAME_LINE.fullmatch(line)
                and not WRAPPED_TAIL.search(line))


# Words a column may break in two: the line break is inside one of these when it matches
# across it (an issuer starts where a name may start).
# No issuer starts in a field's value (承办法官:耿晓峰 / 郑州市金水区人民法院 are two lines).
SPLIT_WORD = regex.compile(rf"{DATE_LINE}|{KIND_WORD}?公告|(?:\p{{Han}}{{0,8}}仲\p{{Han}}{{0,4}})?{CASE_YEAR}[^\s,。;]{{1,24}}?号"
                           rf"|(?:^|(?<=[\s。;,)【〔\[]|日|版|号)|(?<!{FIELD_LABEL}\s*:)(?<=:))(?P<issuer>{_ISSUER})")  # …五月二十二日杭州市余 / 杭区…委员会公告
# An issuer a column broke after a table cell's gap has its place before the break; a cell's
# name before a signature (…有限公司	宋喜军 / 长春市朝阳区人民法院) is no part of it.
PLACE = regex.compile(rf"{PLACE_END}|最高|人民|法院")
# A title's last word: 公告 after 的, a kind of notice or an issuer (…的公告, 开庭公告, …法院公告),
# not the verb of 现依法向你公告.
TITLE_END = regex.compile(rf"(?:^|的|{TITLE_KIND}|{AUTHORITY_SUFFIX})(?:公告|通告|告示|公告送达书?){NAVIGATION}?$")
# 公告 alone on a line is a title, unless the line before ends as its verb's subject does.
BARE_TITLE = regex.compile(r"公\s?告")
PUBLISHES = regex.compile(r"(?:向你(?:们|单位|公司|方)?|依法|特此|予以|现)$")
CELL_SEPARATOR = regex.compile(r"[\t|]")
BRACKET_OF = {"】": "【", "〕": "〔"}
# A table row's serial number or its time, then the next cell: 3\t…, 9:30\t第四审判庭…
ROW_START = regex.compile(r"(?:[1-9]\d{0,2}|(?:上午|下午)?\d{1,2}:\d{2}(?:-\d{1,2}:\d{2})?)\t")
NUMBER_GOES_ON = regex.compile(r"[\d:.\-]$")  # …09: / 00 is a time cut, not a row's end
LABEL_AFTER = regex.compile(r"\p{Han}{1,3}\s*[:：]")  # the rest of a spaced-out label: 号：, 事人：
# Body text: a line that goes on into a sentence (it holds sentence punctuation).
SENTENCE_MARK = regex.compile(r"[。,，;；、]")


def splits_a_word(line: str, following: str) -> bool:
    """Does the break between line and following fall inside a date, a case number or an issuer?"""
    joined = line + following[:30]
    cut = len(line)
    # searched from 30 before the break: ^ is the line's start, not where the search starts
    return any(m.start() < cut < m.end() and not (m.group("issuer") and joined[m.start() - 1:m.start()] == "\t"
                                                  and not PLACE.search(joined, m.start(), cut))
               for m in SPLIT_WORD.finditer(joined, max(0, cut - 30)))


def is_frame(line: str) -> bool:
    return len(line) <= FRAME_MAX and bool(FRAME_LINE.fullmatch(line))


def display_width(line: str) -> float:
    """Width in character cells of a printed column: ASCII letters and digits take half a cell."""
    return len(line) - 0.5 * len(line.encode("ascii", "ignore"))


def full_lines(lines: list[str], printed: list[int] | None = None) -> list[bool]:
    """Which lines fill a hard-wrapped column, so the line after them continues the paragraph.
    `printed` gives each line's length with the blanks it was set with, where those count.

    A column shows itself by its width: lines near one another (NEIGHBOURS apart at most, with
    no longer line between) that are equally long, in characters or in printed cells (ASCII
    half a cell). Lines over MAX_COLUMN, and table rows, separate columns, so news printed in
    long lines around a wrapped notice, or a column of another width, does not decide its
    width. A paragraph wrapped once shows no width; its first line still joins the second when
    it breaks mid-sentence: it closes nothing, is the longer, and the next line runs on into a
    sentence.
    Either way a line joins the next only when it closes no sentence or label and is no frame
    line (title, issuer, case number, date), and the next line opens no unit of its own (a
    label, an item number, 特此…, a date line) and is no frame line either. A paragraph's
    first line may be shorter than the next by the blanks it was indented by (　　本院…)."""
    count = len(lines)
    # A line's length in its column counts the blanks it is set with (an OCR column cut a
    # table's padding as it cut its text), unless the blanks are an indent wider than a column.
    lengths = [p if p <= MAX_COLUMN else len(line) for p, line in zip(printed or map(len, lines), lines)]
    # printed cells; a line set with blanks is as wide as its characters (OCR kept the blanks)
    widths = [display_width(line) if n == len(line) else float(n) for n, line in zip(lengths, lines)]
    frame = [is_frame(line) for line in lines]
    row = [len(CELL_SEPARATOR.findall(line)) >= 2 for line in lines]  # a table row, or a piece of one
    in_column = [MIN_COLUMN <= n <= MAX_COLUMN for n in lengths]
    # A line closes with its sentence or label, not inside a bracket: (经营者: / 钱德福) goes on.
    candidate = [ok and (not CLOSED.search(line) or line.count("(") > line.count(")"))
                 for ok, line in zip(in_column, lines)]
    # A table row is a wrapped line only where the column is plain: three lines of its length
    # at least around it (an OCR column that cut a table's rows); a short row of a table as
    # printed is no such line.
    row_in_column = [is_row and sum(1 for k in range(max(0, i - NEIGHBOURS - 1), min(count, i + NEIGHBOURS + 2))
                                    if k != i and abs(lengths[k] - lengths[i]) <= 1) >= 2
                     for i, is_row in enumerate(row)]
    shown = [False] * count
    for i in range(count):
        if not candidate[i] or (row[i] and not row_in_column[i]):
            continue
        for j in range(i + 1, min(count, i + NEIGHBOURS + 1)):
            if lengths[j] > MAX_COLUMN or (row[j] and not row_in_column[j]):
                break
            alike = (lengths[j] == lengths[i] or abs(widths[j] - widths[i]) <= 0.5
                     or (j == i + 1 and 0 < lengths[j] - lengths[i] <= INDENT and (i == 0 or not candidate[i - 1])))
            if in_column[j] and alike and not frame[i] and not frame[j]:  # frame lines are alike by chance
                top = max(lengths[i], lengths[j])
                if all(lengths[k] <= top + 1 for k in range(i + 1, j)):
                    shown[i] = shown[j] = True
                    break
    full = [False] * count
    for i in range(count - 1):
        following = lines[i + 1]
        if following[:1] in "】〕" and lines[i].rfind(BRACKET_OF[following[0]]) > lines[i].rfind(following[0]):
            full[i] = True  # 【河南省洛阳市中级人民法院 / 】本院…: the bracket closes what the line opened
            continue
        if not candidate[i] or frame[i] or lengths[i + 1] > MAX_COLUMN:
            continue
        if i and full[i - 1] and (i < 2 or not full[i - 2]) and is_frame(lines[i - 1] + lines[i]):
            continue  # a frame line the column wrapped ends where it does: (2026年6月15 / 日—6月19日)
        if ROW_START.match(following) and not NUMBER_GOES_ON.search(lines[i]):
            continue  # a row's serial number or time opens the next line: the row before ended with the column
        if row[i] or row[i + 1]:  # a piece of a table row joins only a column its width shows
            full[i] = shown[i] and (row_in_column[i + 1] or not row[i + 1] or not row[i]) and not frame[i + 1]
            continue
        if splits_a_word(lines[i], following):
            full[i] = True  # 太原市小店区劳动人事 / 争议仲裁委员会, …二〇 / 二六年十一月三日
        elif PUBLISHES.search(lines[i]) and BARE_TITLE.fullmatch(following):
            full[i] = True  # …现向你们 / 公告 / 送达上诉状…: the verb, not a title
        elif lines[i].count("“") > lines[i].count("”"):
            full[i] = True  # …误写为“ / 2026年11月5日 / 上午9时”: a quotation goes on
        elif UNIT_START.match(following) and lines[i].count("(") <= lines[i].count(")"):
            # a label or an item opens the next line, unless a bracket is left open (统一社会 /
            # 信用代码:…) or both lines fill the column (…汽车租 / 赁有限公司:本院受理…)
            full[i] = shown[i] and shown[i + 1] and not UNIT_START.match(lines[i])
        elif TITLE_END.search(lines[i]):
            continue  # a title wrapped to this line ends here
        elif shown[i]:
            full[i] = shown[i + 1] or not frame[i + 1]
        else:  # a paragraph wrapped once: its first line is the longer
            full[i] = not frame[i + 1] and lengths[i] >= lengths[i + 1] and bool(SENTENCE_MARK.search(following))
    return full


def is_letter_spaced(line: str) -> bool:
    """'中 国 车 企', '2 0 2 6 年': most space-separated pieces are single characters."""
    pieces = line.split()
    singles = sum(1 for piece in pieces if len(piece) == 1)
    return (len(pieces) >= 2 and singles == len(pieces)) or (len(pieces) >= 4 and singles >= 0.6 * len(pieces))


def _line_bounds(text: str) -> list[tuple[int, int, int]]:
    """(content start, content end, printed length) of every line: leading/trailing blanks and
    markdown markers are outside the content, inside the printed length."""
    bounds = []
    start = 0
    for line in text.split("\n"):
        a, b = start, start + len(line)
        while True:
            while a < b and text[a] in " \t":
                a += 1
            lead = MARKDOWN_LEAD.match(text, a, b)
            if not lead or lead.end() == a:
                break
            a = lead.end()
        while b > a and text[b - 1] in " \t":
            b -= 1
        bounds.append((a, b, len(line)))
        start += len(line) + 1
    return bounds


# What a page prints where a column breaks: its number, the running head with the paper's date,
# the editors' names. Inside a sentence the column broke, it is no part of the notice.
FURNITURE = regex.compile(
    r"\d{1,3}|[A-Z]?\d{1,2}\s*版|[^\n。]*(?:责任编辑|责编|校对|美编|组版|版式设计)\s*:[^\n。]*"
    r"|[^\n。,]{0,20}\d{4}年\d{1,2}月\d{1,2}日\s*星期[一二三四五六日天][^\n。,]{0,20}")
PAGE_NUMBER = regex.compile(r"\d{1,3}")
SENTENCE_GOES_ON = regex.compile(r"[^。!?;:]$")


def _without_furniture(text: str, lines: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The lines without the page furniture printed between two lines of one sentence (…上午10时 /
    18 / 南国早报 2026年3月20日 星期五 责任编辑:覃小燕 / 在本院第三法庭…)."""
    kept: list[tuple[int, int, int]] = []
    k = 0
    while k < len(lines):
        j = k
        while j < len(lines) and FURNITURE.fullmatch(text, lines[j][0], lines[j][1]):
            j += 1
        running_head = any(not PAGE_NUMBER.fullmatch(text, a, b) for a, b, _ in lines[k:j])  # a number alone may be text
        if running_head and kept and j < len(lines) and SENTENCE_GOES_ON.search(text, kept[-1][0], kept[-1][1]) \
                and HAN.match(text, lines[j][0]):
            k = j  # the furniture of a column break inside a sentence
            continue
        kept.extend(lines[k:max(j, k + 1)])
        k = max(j, k + 1)
    return kept


Piece = tuple[int, int] | tuple[str, int]  # a slice of the text to keep, or a replacement at an offset


def close_up(text: str, a: int, b: int, raw: str | None = None) -> list[Piece]:
    """One line's content: a letter-spaced line loses the single spaces between its characters
    (a wider gap still separates words, unless the line is still letter-spaced then); in other
    lines a wide gap (two blanks or more, an ideographic space, a tab) is a column separator
    and becomes a tab, one per tab printed (an empty table cell stays a cell), and a single
    space stays a space. `raw` is the text before width folding, which tells an ideographic
    space from a plain one."""
    spaced = is_letter_spaced(EMPHASIS.sub("", text[a:b]))  # as the line reads once its ** marks are gone
    pieces = _gaps_replaced(text, a, b, raw or text, drop_single=spaced, drop_wide=False)
    if not spaced and is_letter_spaced(_joined(text, pieces)):  # letter-spaced once the gaps between scripts close
        spaced = True
        pieces = _gaps_replaced(text, a, b, raw or text, drop_single=True, drop_wide=False)
    if spaced and is_letter_spaced(_joined(text, pieces)):
        pieces = _gaps_replaced(text, a, b, raw or text, drop_single=True, drop_wide=True)
    return pieces


def _gaps_replaced(text: str, a: int, b: int, raw: str, drop_single: bool, drop_wide: bool) -> list[Piece]:
    pieces: list[Piece] = []
    cursor = a
    gaps = list(GAP.finditer(text, a, b))
    for gap in gaps:
        pieces.append((cursor, gap.start()))
        blanks = gap.group().replace("*", "")  # markdown emphasis (**顾振宇：**) is no text: the blanks around it are one gap
        if not blanks or gap.start() == a or gap.end() == b:
            cursor = gap.end()  # emphasis alone, or with its blanks at the line's start or end
            continue
        left, right = text[gap.start() - 1], text[gap.end()]
        between_words = left.isascii() and left.isalpha() and right.isascii() and right.isalpha()
        wide = len(blanks) > 1 or "\u3000" in raw[gap.start():gap.end()]
        drop = (not between_words and "\t" not in blanks and (drop_wide if wide else drop_single)
                and not left == right == "*")  # closing up * * would make an emphasis mark of them
        # In a letter-spaced line a word gap is wider than the spacing; wider still is a cell's.
        replacement = "\t" if wide and (not drop_single or len(blanks) >= CELL_GAP
                                         or "\u3000" in raw[gap.start():gap.end()]) else " "
        if _inside_a_word(text, raw, gap, cursor, len(gaps)):
            pass
        elif "\t" in blanks:
            pieces.extend(("\t", gap.start() + k) for k, ch in enumerate(gap.group()) if ch == "\t")
        elif not drop and not (replacement == " " and _between_scripts(left, right)):
            pieces.append((replacement, gap.start()))
        cursor = gap.end()
    pieces.append((cursor, b))
    return pieces


NUMBER_NEIGHBOUR = regex.compile(r"[\p{Han}〔〕【】()\[\]]")


def _between_scripts(left: str, right: str) -> bool:
    """A single space between a Chinese character (or a bracket) and a digit is the spacing PDF
    text and typesetting put between scripts: (2026)鲁 0211 民初 123 号, 2026 年 3 月."""
    return (left.isdigit() and left.isascii() and bool(NUMBER_NEIGHBOUR.match(right))) or (
        right.isdigit() and right.isascii() and bool(NUMBER_NEIGHBOUR.match(left)))


def _inside_a_word(text: str, raw: str, gap, piece_start: int, gaps: int) -> bool:
    """A gap between Chinese characters that splits a word rather than two cells: a label set
    spaced out (案　　号：, 地　　址：)."""
    left, right = text[gap.start() - 1], text[gap.end()]
    if not (HAN.match(left) and HAN.match(right)):
        return False
    return gap.start() - piece_start == 1 and bool(LABEL_AFTER.match(text, gap.end()))  # 案　　号：, 地　　址：


def _joined(text: str, pieces: list[Piece]) -> str:
    return "".join(text[p[0]:p[1]] if isinstance(p[0], int) else p[0] for p in pieces)


def _unwrapped(lines: list[list[Piece]], bounds: list[tuple[int, int]], printed: list[int] | None, text: str,
               raw: str) -> list[list[Piece]]:
    """The lines with every wrapped column joined, until no line fills a column any more (two
    joined lines may show a column again), so normalized text normalizes to itself. Lines are
    first measured as printed, blanks included (an OCR column cuts a table's padding as it cuts
    its text), then as their text. Blanks the column cut still separate what they separated (a
    wide gap, a cell)."""
    markdown = _markdown_breaks(text)
    while len(lines) > 1:
        full = full_lines([_joined(text, line) for line in lines], printed)
        if printed is None and not any(full):
            return lines
        measured_as_text = printed is None
        printed = None  # the blanks count once: joined lines are measured as their text
        merged, merged_bounds = [lines[0]], [bounds[0]]
        for previous_full, line, (a, b) in zip(full, lines[1:], bounds[1:]):
            end_of_line = merged_bounds[-1][1]
            if previous_full and not _dated_apart(text, merged_bounds[-1][0], end_of_line, a, b):
                merged[-1] = merged[-1] + _gap(text, raw, end_of_line, a, markdown) + line
                merged_bounds[-1] = (merged_bounds[-1][0], b)
            else:
                merged.append(line)
                merged_bounds.append((a, b))
        if measured_as_text and len(merged) == len(lines):
            return lines  # the full lines left are dated apart from the next
        lines, bounds = merged, merged_bounds
    return lines


DATE_AT_START = regex.compile(rf"\s*{DATE.pattern}", regex.VERBOSE)
DATE_AT_END = regex.compile(rf"{DATE.pattern}\s*$", regex.VERBOSE)


def _dated_apart(text: str, a: int, end: int, start: int, b: int) -> bool:
    """A line that ends with a date, a blank line, a line that starts with one (发布时间:2026年6月8日 /
    2026年6月15日(星期一), the day heading a list's rows): two lines, however full the first.
    (OCR columns leave stray blank lines inside a paragraph: a blank line alone parts nothing.)"""
    return (text.count("\n", end, start) >= 2 and bool(DATE_AT_START.match(text, start, b))
            and bool(DATE_AT_END.search(text, a, end)))


def _gap(text: str, raw: str, end: int, start: int, markdown: bool) -> list[Piece]:
    """What separates a line ending at `end` from the next starting at `start` once joined:
    nothing, or the blanks the column cut (a space, or a tab for a wide gap): a run of them
    the line ends with, lines of blanks only, and those the next line starts with. A carriage
    return is no blank, nor are the two spaces markdown breaks its lines with."""
    if text[end - 1] == "*" == text[start]:
        return [(" ", start - 1)]  # joined, the two would make an emphasis mark
    trailing, *blank_lines, leading = text[end:start].split("\n")
    trailing = trailing[:len(trailing) - raw.count("\r", end, end + len(trailing))]
    if markdown and trailing.endswith("  "):
        trailing = trailing[:-2]
    ideographic = "\u3000" in raw[end:end + len(trailing)]
    if len(trailing) < 2 and not leading and not ideographic and "\t" not in trailing:
        trailing = ""  # one space at a line's end alone is letter spacing or a typing slip
    blanks = trailing + "".join(blank_lines) + leading
    if not blanks:
        return []
    wide = len(blanks) > 1 or "\t" in blanks or "\u3000" in raw[end:start]
    left, right = end - 1, start
    while left > 0 and text[left] == "*":  # emphasis marks are no text
        left -= 1
    while right < len(text) - 1 and text[right] == "*":
        right += 1
    if not wide and _between_scripts(text[left], text[right]):
        return []
    return [("\t" if wide else " ", start - 1)]


def _markdown_breaks(text: str) -> bool:
    """Do most lines end with two spaces, as markdown breaks a line?"""
    lines = [line for line in text.split("\n") if line.strip()]
    return sum(1 for line in lines if line.endswith("  ") and not line.endswith("   ")) * 2 > len(lines)


# 【案号】(2026)… at the start of a line is the label 案号: (one character for one, so offsets hold).
BRACKETED_LABEL = regex.compile(rf"^([^\S\n]*)【({LINE_LABEL})】", regex.MULTILINE)


def _as_label(m: regex.Match) -> str:
    return f"{m.group(1)} {m.group(2)}:"


def normalize(page_text: str, start: int = 0, end: int | None = None) -> Norm:
    """Normalize page_text[start:end]."""
    end = len(page_text) if end is None else end
    text = BRACKETED_LABEL.sub(_as_label, simplify_if_traditional(page_text[start:end].translate(FOLD)))
    raw = page_text[start:end]
    kept = _without_furniture(text, [(a, b, n) for a, b, n in _line_bounds(text) if b > a])
    bounds = [(a, b) for a, b, _ in kept]
    closed = [close_up(text, a, b, raw) for a, b in bounds]
    # a letter-spaced line is as long as its characters, not its spacing
    printed = [len(_joined(text, line)) if is_letter_spaced(text[a:b]) else n for line, (a, b, n) in zip(closed, kept)]
    lines = _unwrapped(closed, bounds, printed, text, raw)
    out: list[str] = []
    offsets = array("l")
    for i, line in enumerate(lines):
        if i:
            out.append("\n")
            first = line[0][0] if isinstance(line[0][0], int) else line[0][1]
            offsets.append(start + first - 1)  # the line break just before this line
        for piece in line:
            if isinstance(piece[0], int):
                out.append(text[piece[0]:piece[1]])
                offsets.extend(range(start + piece[0], start + piece[1]))
            else:
                out.append(piece[0])
                offsets.append(start + piece[1])
    return Norm("".join(out), offsets, end)
