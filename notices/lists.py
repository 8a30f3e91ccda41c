"""The hearings of a hearing list (开庭公告): one item per hearing, in every shape courts print.

- a table: rows of cells (tabs, from wide gaps or HTML cells, or markdown pipes) under a header
  row that names the columns (序号 开庭日期 时间 法庭 案号 案由 原告 被告 …); 同上 or a ditto
  mark repeats the cell above;
- lines under date headings (5月12日（星期二）, and 上午/下午 under them);
- blocks of labelled lines (案号：… 案由：… 原告：… 开庭时间：…), one block per case;
- numbered items (1. 一、 （一）) or sentences joined by ；and 。 (…一案；同日下午…；次日…).

Items are spans of a block's normalized text; a table row also maps each column to the span of
its cell. What an item says (parties, case number, hearing) is read by notices.fields.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from notices import dates
from notices.model import Span
from notices.rules.parts import (ADDRESSED_CASE_LINE, BULLET, CASE_COUNT, CASE_YEAR, CLAIMANT_ROLE, COURTROOM,
                                 LINE_LABEL, RESPONDENT_ROLE, SELF, THIRD_ROLE)
from notices.rules.parts import ITEM_MARK as ITEM_MARK_PATTERN  # compiled here as ITEM_MARK
from notices.rules.structure import AUTHORITY, FULL_DATE

# Column headers: the words courts head a hearing table's columns with, by the field the column
# holds. A header cell may join two (原告/上诉人, 被告/被告人): its first word decides.
COLUMNS = (
    ("seq", r"序号|编号|排期号"),
    ("date", r"开庭日期|庭审日期|日期"),
    ("time", r"开庭时间|庭审时间|开庭时段|时间段|时段|时间"),
    ("venue", r"开庭地点|开庭法庭|庭审地点|审判法庭|承办法庭|开庭场所|法庭|地点|审判庭|仲裁庭|庭室"),
    ("case", r"案号|案件编号"),
    ("dispute", r"案由|罪名|案件类型"),
    ("parties", r"当事人|诉讼参与人|双方当事人|原被告|当事人姓名"),
    ("ignored", r"审判长|承办人|承办法官|主审法官|审判员|书记员|合议庭成员|合议庭|备注|法官|承办庭|承办部门|审判组织"
                r"|仲裁员|首席仲裁员|独任仲裁员|是否公开|公开审理|审理方式"),
    ("third", THIRD_ROLE),
    ("claimants", CLAIMANT_ROLE),
    ("respondents", RESPONDENT_ROLE),
)
HEADER_CELL = [(name, regex.compile(rf"\s*(?:{words})\s*(?:[/、或()（）][^\t|]*)?")) for name, words in COLUMNS]
DITTO = regex.compile(r"\s*(?:同上|同前|〃|\"|'')?\s*")  # an empty cell, or one that repeats the cell above
SEPARATOR_ROW = regex.compile(r"[\s|:\-—]*")  # a markdown table's |---|---| line
CELL_SPLIT = regex.compile(r"[\t|]")
LINE = regex.compile(r"[^\n]+")
HAN_OR_DIGIT = regex.compile(r"[\p{Han}\d]")

# What a cell of each kind looks like, to place a row's cells when it has fewer than the header.
CASE_CELL = regex.compile(rf"{CASE_YEAR}|\d+号")
WHEN_CELL = regex.compile(rf"{dates.DATE.pattern}|{dates.TIME.pattern}|同上|〃", regex.VERBOSE)
DAY_CELL = regex.compile(rf"{dates.DATE.pattern}|同上|〃", regex.VERBOSE)
VENUE_CELL = regex.compile(r"庭|室|院|厅|地址|路|号楼|在线|网上|互联网")
DISPUTE_CELL = regex.compile(r"纠纷|争议|罪|案件|之诉|申请|行政|赔偿")
COURTROOM_CELL = regex.compile(rf"\s*[^\s,。;:]{{0,12}}?(?:{COURTROOM}|\d+庭|第[一二三四五六七八九十\d]+庭)\s*")
CELL_LOOKS = {"case": CASE_CELL, "date": DAY_CELL, "time": WHEN_CELL, "venue": VENUE_CELL, "dispute": DISPUTE_CELL,
              "seq": regex.compile(r"\d{1,3}|[一二三四五六七八九十]{1,3}")}

# A date heading: a line that is a day (with its weekday), maybe with 上午/下午 after it, or a
# title that names the day (2026年6月29日（星期一）开庭公告); or 上午/下午 alone, heading the
# times below it.
DAY_HEADING = regex.compile(
    rf"\s*{BULLET}?\s*(?:(?P<date>{dates.DATE.pattern})\s*(?:[(（]\s*(?:星期|周)[一二三四五六日天]\s*[)）])?\s*"
    r"(?:(?:开庭|庭审)(?:公告|排期表?|安排表?))?\s*)?"
    r"(?P<period>上午|下午|晚上)?\s*[:：]?\s*",
    regex.VERBOSE,
)
ITEM_MARK = regex.compile(ITEM_MARK_PATTERN)
LABELLED_LINE = regex.compile(rf"(?:{ITEM_MARK.pattern})?\s*(?P<label>{LINE_LABEL})\s*[:：]")  # 一、案号:…
HEARING_TIME = regex.compile(dates.TIME.pattern, regex.VERBOSE)
HEARING_DAY = regex.compile(rf"{dates.DATE.pattern}|{dates.TIME.pattern}", regex.VERBOSE)
# A text item starts a hearing: its date (or 同日, 次日) comes first, or 本院定于…, or a case
# number or a party label does, with a date soon after.
ITEM_START = regex.compile(
    rf"""(?:(?<=[\n;。\s]|公告)\s*(?:\d{{1,3}}[.、]|[一二三四五六七八九十]{{1,3}}、|\(\d{{1,3}}\)|\([一二三四五六七八九十]{{1,3}}\)|{BULLET})\s*
          (?=[^。]{{0,10}}?(?:{dates.DATE.pattern}|同日|当日|次日|翌日|{CASE_YEAR}|原告|上诉人|申请人|公诉机关|被告)
             |[^。:\n]{{2,40}}?:(?=[^。]{{0,12}}?(?:申请人|原告|上诉人|本委|本院|你))   # 1.重庆川渝通达物流有限公司:申请人…: an item addressed to its party
             |[^。]{{0,24}}?检察院[^。]{{0,6}}?指控))   # 三、南京市鼓楼区人民检察院指控被告人…
       |(?:(?<=;)\s*(?=(?:(?:本院|我院|本委|本庭)?(?:将)?定于)?(?:同日|当日|次日|翌日|{dates.DATE.pattern})))
       |(?:(?<=\n)(?=[【\[]?\s*(?:{dates.DATE.pattern})\s*(?:[(（][^)）\n]{{1,6}}[)）])?\s*(?:{dates.TIME.pattern})))   # a line that opens with its day and time (【5月6日 10:00|第二法庭】…)
       |(?:(?<=。)\s*(?=(?:本院|我院|本委|本庭)?(?:将)?定于|同日|当日|次日|翌日))""",
    regex.VERBOSE,
)
STATES_TIME = regex.compile(  # a time, or the half-day alone (2026年6月18日下午，公开宣判…)
    rf"(?:{dates.DATE.pattern}|同日|当日|次日|翌日)[^。;\n]{{0,16}}?(?:{dates.TIME.pattern}|上午|下午|晚上)", regex.VERBOSE)
CASE_OR_PARTY = regex.compile(rf"{CASE_YEAR}|{CLAIMANT_ROLE}|{RESPONDENT_ROLE}|一案|纠纷|争议|罪")


@dataclass(frozen=True)
class Item:
    """One hearing of a list: text[start:end]; a table row's cells by field; the date heading
    above it and the 上午/下午 it falls under, for an item that prints only its time."""

    start: int
    end: int
    cells: tuple[tuple[str, Span], ...] = ()
    heading: Span | None = None
    period: str | None = None
    whole: bool = False  # a case addressed to its own party, a notice in itself

    def cell(self, name: str) -> list[Span]:
        return [span for field, span in self.cells if field == name]


def hearing_items(text: str, a: int, b: int) -> list[Item]:
    """The hearings listed in text[a:b], or [] when it is not a list: two or more hearings in
    one of the shapes, else a table of one row under its header (the header names its cells)."""
    table = table_items(text, a, b)
    if len(table) >= 2:
        return table
    for shape in (heading_items, labelled_items, text_items):
        found = shape(text, a, b)
        if len(found) >= 2:
            return found
    return table if table and _on_its_own_line(text, table[0]) and len(CASE_START.findall(text, a, b)) <= 1 else []


def _on_its_own_line(text: str, item: Item) -> bool:
    """A table's row printed as a row: on a line of its own, under the header's (a page run into
    one line holds no table to trust for a single row; nor does one that prints more cases)."""
    line_start = text.rfind("\n", 0, item.start) + 1
    line_end = text.find("\n", item.end)
    return line_start > 0 and not text[line_start:item.start].strip(" \t|") and (
        line_end < 0 or not text[item.end:line_end].strip(" \t|"))


# A case's own line: its number alone, or after the item's mark and name (一、罪犯巴特尔减刑一案 (2026)…号)
CASE_LINE = regex.compile(rf"^\s*(?:{ITEM_MARK.pattern}[^\n。]{{0,40}}?)?{CASE_YEAR}[^\n,。;:]{{1,24}}?号[^\S\n]*(?:\n|$)",
                          regex.MULTILINE)


def case_items(text: str, a: int, b: int) -> list[Item]:
    """Cases one notice prints one after another under one title and signature, each opened by
    its case number on a line of its own, or ending its item's heading line (公示催告 of several
    bills, 减刑、假释 of several prisoners), or numbered and opened by it (一、(2026)…号原告甲诉被告乙…
    一案; 二、…: one service to the defendants of several cases), or each addressed to its own party,
    on its line or numbered (郭志刚:本院定于…审理原告甲诉你…一案…。), or a line for each case that
    labels its number and its parties (案号:(2026)…号 被执行人:甲 申请执行人:乙), or numbered notices each
    complete in itself (1. 甲:本院受理…一案… 2. 本院受理申请人乙…一案…: an issuer's group in a
    supplement); [] for one case."""
    starts = [m.start() for m in CASE_LINE.finditer(text, a, b)]
    if len(starts) < 2:
        starts = [m.start() for m in LABELLED_CASE_ROW.finditer(text, a, b)]
    if len(starts) < 2:
        starts = [m.start("item") for m in NUMBERED_CASE_ITEM.finditer(text, a, b)]
        if not all(SUIT.search(text, s, e) or SIDES.search(text, s, e) for s, e in _spans(starts, b)):
            return []  # numbered cases that are no suits (减刑、假释 of several prisoners) are one notice
    items = [Item(s, e) for s, e in _spans(starts, b)
             if CASE_OR_PARTY.search(text, m.end() if (m := CASE_LINE.match(text, s, e)) else s, e)]
    if len(items) < len(starts):
        items = []  # an item that names no case nor party: these are no cases one after another
    for shape in (_addressed_lines, _numbered_addressees, _numbered_notices):
        items = items if len(items) >= 2 else shape(text, a, b)
    return items if len(items) >= 2 else []


def _spans(starts: list[int], b: int) -> list[Span]:
    return list(zip(starts, starts[1:] + [b]))


def _addressed_lines(text: str, a: int, b: int) -> list[Item]:
    """郭志刚:本院定于…一案…。 / 马秀兰、海军:…: a line for each case, addressed to its party."""
    return [Item(m.start(), m.end(), whole=True) for m in ADDRESSED_CASE.finditer(text, a, b)
            if SUIT.search(text, *m.span())]


def _numbered_addressees(text: str, a: int, b: int) -> list[Item]:
    """一、甲公司: / 本委受理…一案… / 二、乙公司: / …: numbered addressees, each with its case."""
    spans = _spans([m.start() for m in NUMBERED_ADDRESSEE.finditer(text, a, b)], b)
    return [Item(s, e, whole=True) for s, e in spans] if all(CASE_WORDS.search(text, s, e) for s, e in spans) else []


NUMBERED_LINE = regex.compile(rf"(?:^|(?<=\n))[^\S\n]*{ITEM_MARK.pattern}", regex.MULTILINE)
SPEAKS = regex.compile(SELF)


def _numbered_notices(text: str, a: int, b: int) -> list[Item]:
    """1. …本院受理…一案(…号)… / 2. 本院受理…: numbered paragraphs, each a notice in itself (it
    speaks as the issuer, names its case and prints its number)."""
    spans = _spans([m.start() for m in NUMBERED_LINE.finditer(text, a, b)], b)
    whole = all(SPEAKS.search(text, s, e) and CASE_WORDS.search(text, s, e) and CASE_START.search(text, s, e)
                for s, e in spans)
    return [Item(s, e, whole=True) for s, e in spans] if whole else []


# -- tables -------------------------------------------------------------------------------------

def cells_of(text: str, line: regex.Match) -> list[Span]:
    """A row's cells: split at tabs and pipes; a markdown row's outer pipes open and close it."""
    start, end = line.span()
    if text.startswith("|", start):
        start += 1
    if text.endswith("|", start, end):
        end -= 1
    edges = [start, *(m.start() for m in CELL_SPLIT.finditer(text, start, end)), end]
    return [(edges[0] if k == 0 else edges[k] + 1, edges[k + 1]) for k in range(len(edges) - 1)]


def header_fields(text: str, cells: list[Span]) -> list[str | None]:
    return [next((name for name, pattern in HEADER_CELL if pattern.fullmatch(text, s, e)), None) for s, e in cells]


CELL = regex.compile(r"[^\t|\n]+")
PIPE_CELL = regex.compile(r"[^|\n]+")
SEQ_CELL = regex.compile(r"\s*(?P<n>\d{1,3})\s*")
TABLE_END = regex.compile(r"\s*(?:特此|注\s*[:：]|以上|备注|(?:发布|刊登|公告|上传)(?:日期|时间)\s*[:：]"
                          r"|共\s*\d+\s*条|第\s*\d+\s*/\s*\d+\s*页|上一页|下一页|首页\s|尾页)|.*。")  # a site's pager ends it too
CONTINUES = regex.compile(r"\s*[、,，]")  # a cell that goes on with the names of the cell before it
GOES_ON = regex.compile(r"[、,，]\s*$")  # a cell whose names go on in the next one (a wrapped cell)
# The signature under a table, on a line of its own: the issuer (a date alone may head the rows
# under it; after the last row it heads none).
SIGNATURE_CELL = regex.compile(rf"\s*{AUTHORITY}(?:\s+{FULL_DATE})?\s*", regex.VERBOSE)


@dataclass(frozen=True)
class _Cell:
    span: Span
    line: int  # which line of the block it is on
    first: bool  # the first cell of its line
    cells_on_line: int


def table_items(text: str, a: int, b: int) -> list[Item]:
    """A table: the header's column names (≥3 header cells in a row, on one line or run over
    several), then its rows. A row is a line of cells; a line of one or two cells that starts no
    row goes on with the row above (a row an OCR column cut into lines), and where the rows lost
    their lines (run into one line, a cell to a line) a row starts at a cell like the first
    column's (the next 序号, a date, a case number). A row with fewer cells than the header has
    them placed by what they look like (a case number in the 案号 column, a time in 时间)."""
    cells = _cells(text, a, b)
    names = header_fields(text, [cell.span for cell in cells])
    start = next((i for i in range(len(cells) - 2)
                  if all(names[i:i + 3]) and any(n in ("case", "date", "time") for n in names[i:i + 9] if n)), None)
    if start is None:
        return []
    end = start
    while end < len(cells) and names[end] is not None:
        end += 1
    columns = names[start:end]
    items: list[Item] = []
    previous: dict[str, Span] = {}
    heading: Span | None = None
    for row in _rows(text, cells[end:], columns):
        if len(row) == 1 and DATE_CELL.fullmatch(text, *row[0]):
            heading = row[0]  # a row that is a day alone heads the rows under it (| **2026年11月3日** | | |)
            continue
        found: dict[str, Span] = {}
        details = {span: fields for span in row[1:] if (fields := _detail_fields(text, span))}
        row = [span for span in row if span not in details]
        for name, span in _placed(text, row, columns):
            if DITTO.fullmatch(text, *span) and name in previous:
                span = previous[name]
            elif DITTO.fullmatch(text, *span):
                continue
            found.setdefault(name, span)
        for name, span in (pair for fields in details.values() for pair in fields):
            found.setdefault(name, span)
        if "date" not in found and "date" in previous and not any(DATE_CELL.search(text, *span) for span in found.values()):
            found["date"] = previous["date"]  # a day printed once, on the first of its rows
        previous = found | {name: span for name, span in previous.items() if name not in found}
        if "case" in found or "date" in found or "time" in found:
            items.append(Item(row[0][0], row[-1][1], tuple(found.items()), heading=heading))
    return items


# A row's detail line under it (案由:买卖合同纠纷 承办人:孟秋实 书记员:韩雪): labels of the header's words.
DETAIL_LABEL = regex.compile(rf"(?P<label>{'|'.join(words for _, words in COLUMNS)})\s*[:：]\s*")


def _detail_fields(text: str, span: Span) -> list[tuple[str, Span]]:
    """The fields a labelled detail line of a row gives (a line of its own under the row), by the
    field its label names ([] when the cell is no such line); labels no field reads (承办人, 书记员)
    are left out."""
    a, b = span
    labels = list(DETAIL_LABEL.finditer(text, a, b))
    line_start, line_end = text.rfind("\n", 0, a) + 1, text.find("\n", b)
    alone = not text[line_start:a].strip() and (line_end < 0 or not text[b:line_end].strip())
    if not labels or labels[0].start() != a or not alone:  # a labelled cell in the row (当事人 原告:…) is no detail line
        return []
    fields = []
    for label, after in zip(labels, labels[1:] + [None]):
        value = _trimmed_cell(text, (label.end(), after.start() if after else b))
        name = _label_kind(label.group("label"))
        if value[1] > value[0] and name not in ("seq", "ignored", "third"):
            fields.append((name, value))
    return fields


def _cells(text: str, a: int, b: int) -> list[_Cell]:
    """The cells of text[a:b] in reading order: split at tabs, pipes and line ends; a
    markdown table's |---| line is none."""
    cells: list[_Cell] = []
    for number, line in enumerate(LINE.finditer(text, a, b)):
        if SEPARATOR_ROW.fullmatch(line.group()):
            continue
        cell = PIPE_CELL if "|" in line.group() else CELL  # in a pipe table a wide blank is inside a cell
        spans = [span for m in cell.finditer(text, *line.span()) if (span := _trimmed_cell(text, m.span()))[1] > span[0]]
        cells.extend(_Cell(span, number, k == 0, len(spans)) for k, span in enumerate(spans))
    return cells


def _rows(text: str, cells: list[_Cell], columns: list[str | None]) -> list[list[Span]]:
    rows: list[list[Span]] = []
    previous_seq = 0
    for k, cell in enumerate(cells):
        if TABLE_END.match(text, *cell.span) or (cell.cells_on_line == 1 and SIGNATURE_CELL.fullmatch(text, *cell.span)):
            break
        looks_first = _starts_row(text, cell.span, columns[0], previous_seq)
        if cell.first and cell.cells_on_line >= 3:  # a line of cells: a row, unless it carries on one;
            # a line with a case number of its own under a row that has one is the next row, its
            # first cells left blank for the row above's (a date printed once for the day's rows)
            opens = (looks_first or CELL_LOOKS.get(columns[0] or "") is None or not rows
                     or (_has_case(text, [c.span for c in cells[k:k + cell.cells_on_line]]) and _has_case(text, rows[-1])))
        else:  # a line of one or two cells, or a row run into a long line: the next row comes
            # where a cell like the first column's comes after most of a row's cells
            crowded = cell.cells_on_line > len(columns) + 2
            opens = looks_first and (cell.cells_on_line < 3 or crowded) and (not rows or len(rows[-1]) >= len(columns) - 2)
        if not rows or opens:
            rows.append([])
            if columns[0] == "seq" and (seq := SEQ_CELL.fullmatch(text, *cell.span)):
                previous_seq = int(seq.group("n"))
        if rows[-1] and (CONTINUES.match(text, *cell.span) or GOES_ON.search(text, *rows[-1][-1])):
            rows[-1][-1] = (rows[-1][-1][0], cell.span[1])
        else:
            rows[-1].append(cell.span)
    return rows


CASE_START = regex.compile(CASE_YEAR)


def _has_case(text: str, cells: list[Span]) -> bool:
    return any(CASE_START.search(text, *span) for span in cells)


def _trimmed_cell(text: str, span: Span) -> Span:
    a, b = span
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _starts_row(text: str, cell: Span, first: str | None, previous_seq: int) -> bool:
    """Does a row begin at this cell: the next number of a 序号 column, or a cell like the first column's?"""
    if first == "seq":
        seq = SEQ_CELL.fullmatch(text, *cell)
        return bool(seq) and int(seq.group("n")) == previous_seq + 1
    if first == "venue":  # a courtroom cell is a courtroom's name, all of it (第一法庭, 民事审判第三庭)
        return bool(COURTROOM_CELL.fullmatch(text, *cell))
    looks = CELL_LOOKS.get(first or "")
    # a case number or a cause can be anywhere in its cell (〔2026〕…号, 物业服务合同纠纷)
    return bool(looks and (looks.search if first in ("case", "dispute") else looks.match)(text, *cell))


def _placed(text: str, cells: list[Span], columns: list[str | None]) -> list[tuple[str, Span]]:
    """(field, cell) for the cells of a row; columns no field reads are left out."""
    if not ("date" in columns and "time" in columns):
        cells = _rejoined(text, cells, len(columns))
    if len(cells) >= len(columns):
        pairs = list(zip(columns, cells))
        if len(cells) > len(columns):  # more cells than columns still: the rest joins the last
            pairs[-1] = (columns[-1], (cells[len(columns) - 1][0], cells[-1][1]))
        return [(name, span) for name, span in pairs if name and name not in ("seq", "ignored", "third")]
    spare = len(columns) - len(cells)
    placed, column = [], 0
    for span in cells:
        choice = column
        for ahead in range(column, min(len(columns), column + spare + 1)):
            looks = CELL_LOOKS.get(columns[ahead] or "")
            if looks is not None and looks.search(text, *span):
                choice = ahead
                break
        spare -= choice - column
        if columns[choice] and columns[choice] not in ("seq", "ignored", "third"):
            placed.append((columns[choice], span))
        column = choice + 1
        if column >= len(columns):
            break
    return placed


DATE_CELL = regex.compile(rf"\s*{dates.DATE.pattern}\s*(?:[(（][^)）]{{1,6}}[)）])?\s*", regex.VERBOSE)
TIME_CELL = regex.compile(rf"\s*{dates.TIME.pattern}.*", regex.VERBOSE)


def _rejoined(text: str, cells: list[Span], wanted: int) -> list[Span]:
    """A row with more cells than the header has columns: a day and a time a wide gap split
    (2026-06-22　09:30 under 开庭时间) are one cell again."""
    cells = list(cells)
    k = 0
    while len(cells) > wanted and k < len(cells) - 1:
        if DATE_CELL.fullmatch(text, *cells[k]) and TIME_CELL.fullmatch(text, *cells[k + 1]):
            cells[k:k + 2] = [(cells[k][0], cells[k + 1][1])]
        else:
            k += 1
    return cells


# -- lines under date headings -------------------------------------------------------------------

UNIT = regex.compile(r"[^\t\n]+")


def run_together(text: str, a: int, b: int) -> bool:
    """Were the lines of text[a:b] run into one (a page printed as one line, its lines now
    parted by wide gaps)?"""
    return text.count("\n", a, b) * 3 + 3 < text.count("\t", a, b)


def units(text: str, a: int, b: int) -> list[regex.Match]:
    """The lines of text[a:b], or the pieces between wide gaps where lines were run together."""
    if run_together(text, a, b):
        return [m for m in UNIT.finditer(text, a, b) if m.group().strip()]
    return list(LINE.finditer(text, a, b))


def heading_items(text: str, a: int, b: int) -> list[Item]:
    """Lines under day headings (5月12日（星期二）): each line that prints a time, a case number
    or a party is a hearing on that day, at 上午/下午 as its sub-heading says; where the lines
    were run into one, a hearing runs from its time to the next."""
    items: list[Item] = []
    heading: Span | None = None
    period: str | None = None
    pieces = run_together(text, a, b)
    for unit in units(text, a, b):
        head = DAY_HEADING.fullmatch(unit.group())
        if head and (head.group("date") or head.group("period")):
            if head.group("date"):
                heading = (unit.start() + head.start("date"), unit.start() + head.end("date"))
            period = head.group("period")
            continue
        if heading is None:
            continue
        if unit.group().startswith("特此"):
            break
        timed = bool(UNIT_TIME.match(unit.group()))
        if timed or (not pieces and CASE_OR_PARTY.search(unit.group())):
            items.append(Item(unit.start(), unit.end(), heading=heading, period=period))
        elif pieces and items and items[-1].heading == heading:
            items[-1] = Item(items[-1].start, unit.end(), heading=heading, period=period)  # a cell of the hearing
        elif items and HAN_OR_DIGIT.search(unit.group()):
            break
    return items


UNIT_TIME = regex.compile(rf"\s*(?:{dates.TIME.pattern})", regex.VERBOSE)


# -- labelled blocks -----------------------------------------------------------------------------

def labelled_items(text: str, a: int, b: int) -> list[Item]:
    """Blocks of labelled lines, one per case: a block ends where a label it already has comes
    again (the next 案号：), at an item number, or where the labelled lines end."""
    items: list[Item] = []
    start: int | None = None
    end = a
    labels: set[str] = set()
    for unit in units(text, a, b):
        mark = ITEM_MARK.fullmatch(unit.group())
        labelled = LABELLED_LINE.match(unit.group().replace(" ", ""))  # 被 告人: a label letter-spaced
        if not labelled and NUMBERED_CASE.match(unit.group()):  # 一、(2026)粤73知民初455号 侵害发明专利权纠纷
            if start is not None:
                items.append(Item(start, end))
            start, end, labels = unit.start(), unit.end(), {"case"}
            continue
        if labelled:
            label = _label_kind(labelled.group("label"))
            if start is not None and label in labels:
                items.append(Item(start, end))
                start, labels = None, set()
            if start is None:
                start = unit.start()
            labels.add(label)
            end = unit.end()
        elif start is not None and labels == {"case"} and not mark and not text[start:end].rstrip().endswith("。"):
            end = unit.end()  # a numbered case's sentence the column wrapped (…劳务有限公司 / 未央分公司…纠纷两案)
        elif start is not None and (mark or HAN_OR_DIGIT.search(unit.group())):
            items.append(Item(start, end))
            start, labels = None, set()
    if start is not None:
        items.append(Item(start, end))
    return [item for item in items if HEARING_DAY.search(text, item.start, item.end)]


NUMBERED_CASE = regex.compile(rf"{ITEM_MARK.pattern}{CASE_YEAR}")  # a block headed by its number and case
SUIT = regex.compile(rf"(?:{CLAIMANT_ROLE})[^。;\n]{{1,120}}?(?:诉|与|申请)[^。;]{{1,150}}?(?:一案|纠纷|争议)")  # 原告甲诉被告乙…一案
NUMBERED_ADDRESSEE = regex.compile(rf"(?:^|(?<=\n))[^\S\n]*{ITEM_MARK.pattern}[^\n:。]{{2,60}}:", regex.MULTILINE)
CASE_WORDS = regex.compile(CASE_COUNT)  # …一案, …三案, …争议案
ADDRESSED_CASE = regex.compile(rf"(?:^|(?<=\n)){ADDRESSED_CASE_LINE}", regex.MULTILINE)
# 申请执行人甲,被执行人乙: the sides of an enforcement case named by their labels
SIDES = regex.compile(rf"(?:{CLAIMANT_ROLE})[^。;\n]{{2,80}}?[,、]\s*(?:{RESPONDENT_ROLE})\s*[:]?\p{{Han}}")
LABELLED_CASE_ROW = regex.compile(rf"^[^\S\n]*(?:{ITEM_MARK.pattern})?案号\s*:\s*{CASE_YEAR}[^\n]*?号"
                                  rf"[^\n]*?(?:{CLAIMANT_ROLE}|{RESPONDENT_ROLE})\s*:", regex.MULTILINE)
NUMBERED_CASE_ITEM = regex.compile(rf"(?:^|(?<=[\n;。]))(?P<item>{ITEM_MARK.pattern}{CASE_YEAR})", regex.MULTILINE)


def _label_kind(label: str) -> str:
    """Labels of one kind: 原告 and 上诉人 both name the claimants of a block."""
    for name, pattern in HEADER_CELL:
        if pattern.fullmatch(label):
            return name
    return label


# -- numbered items and sentences ----------------------------------------------------------------

def text_items(text: str, a: int, b: int) -> list[Item]:
    """Items marked by numbers, or sentences joined by ；/。, each stating a hearing time and a
    case or a party; the first item may carry no mark (本院定于…；同日…)."""
    starts = [m.end() for m in ITEM_START.finditer(text, a, b)]
    spans: list[Span] = []
    for span in zip(starts, starts[1:] + [b]):
        if spans and _time_for_the_case_before(text, spans[-1], span):
            spans[-1] = (spans[-1][0], span[1])
        else:
            spans.append(span)
    hearings = [span for span in spans if _states_hearing(text, *span)]
    if len(hearings) < 2:
        return []
    first = _first_schedule(text, a, hearings[0][0])
    if first is not None and _states_hearing(text, first, hearings[0][0]):
        hearings.insert(0, (first, hearings[0][0]))
    return [Item(s, e) for s, e in hearings]


SCHEDULES = regex.compile(rf"(?:本院|我院|本委|本庭|兹|现)(?:将)?定于|{CASE_YEAR}")


def _first_schedule(text: str, a: int, b: int) -> int | None:
    m = SCHEDULES.search(text, a, b)
    return m.start() if m else None


def _time_for_the_case_before(text: str, before: Span, span: Span) -> bool:
    """(一)被告人张某某盗窃罪一案，案号…。定于…上午9时…开庭: the sentence with the time and no
    case belongs to the item before it, which names a case and no time."""
    return (not CASE_OR_PARTY.search(text, *span) and CASE_OR_PARTY.search(text, *before) is not None
            and not STATES_TIME.search(text, *before))


def _states_hearing(text: str, a: int, b: int) -> bool:
    return bool(STATES_TIME.search(text, a, b) and CASE_OR_PARTY.search(text, a, b))
