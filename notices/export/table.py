"""Terminal tables of notices and cases that fit the width the caller gives.

What a reader acts on is never cut: case numbers, respondents, problems and hearing times wrap
onto more lines when the terminal is narrow (a list at its 、 and ；, a name where it must). Other
columns give way first: a long value is shortened with "…", and a column that cannot keep even
a few characters (a date that cannot stay whole) leaves the table, which says so below it. The
headers are the files' bilingual ones, Chinese over English. Widths count CJK characters as two
columns (tabulate measures with wcwidth too, so the columns line up). Control characters from
the page become spaces: newspaper text never drives the terminal.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import regex
from tabulate import tabulate

from notices.inert import inert
from notices.model import Case, Notice

from .columns import CASE_COLUMNS, NOTICE_COLUMNS, Column, cell_text, pick_columns
from .common import display_width, sorted_cases, sorted_notices

NOTICE_TABLE_COLUMNS = [column.name for column in NOTICE_COLUMNS]
CASE_TABLE_COLUMNS = [column.name for column in CASE_COLUMNS]
NOTICE_TABLE_DEFAULT = ["published", "type", "respondents", "case_numbers", "hearing", "venue"]
CASE_TABLE_DEFAULT = ["case_number", "respondents", "status", "hearing", "venue", "moves"]

COLUMN_GAP = 2  # tabulate's "simple" format puts two spaces between columns
HEADER_PADDING = 2  # and makes a column at least its header plus two wide
MIN_COLUMN = 8  # narrowest a column that gives way keeps ("青岛海…"); narrower, it leaves the table
WRAP_MIN = 16  # narrowest a column that wraps gets while another column can leave instead
HEADER_WIDEST = 10  # a header widens its column only so far: beyond, it is shortened
LAST_RESORT = 4  # the width every column gets when even the wrapping columns alone do not fit
ELLIPSIS = "…"
DATE_START = re.compile(r"\d{4}-\d\d-\d\d(?: \d\d:\d\d)?")
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\s]+")
# A bilingual header: the Chinese part ends at its last Han character's word, English follows.
BILINGUAL = regex.compile(r"^(?P<zh>.*\p{Han}\S*)\s+(?P<en>[A-Za-z].*)$")
# Columns a reader acts on: wrapped, never cut.
WRAPPED = {"case_numbers", "case_number", "respondents", "problems", "hearing", "next_hearing", "start", "date",
           "next_deadline", "kind"}
# How narrow a wrapped column gets when they alone are too wide: a date stays on its line (the
# time wraps), a case number keeps a readable part, a name four characters.
NAMES_SQUEEZED = 12
SQUEEZED = {"hearing": 10, "next_hearing": 10, "start": 10, "date": 10, "next_deadline": 10,
            "case_numbers": 12, "case_number": 12}
# Case numbers and paths differ at the end (…第2888号, …_p07.txt): cut these in the middle.
CUT_IN_THE_MIDDLE = {"case_numbers", "case_number", "key", "page"}
BREAK_AFTER = "；、，, "  # where a wrapped line prefers to end


def one_line(text: str) -> str:
    return inert(CONTROL.sub(" ", text)).strip()


def keep_width(chars, width: int) -> str:
    """The leading characters of `chars` that fit in `width` columns."""
    kept, used = [], 0
    for char in chars:
        used += display_width(char)
        if used > width:
            break
        kept.append(char)
    return "".join(kept)


def shorten(text: str, width: int, middle: bool = False) -> str:
    """At most `width` columns, with "…" where something was cut: at the end, or in the middle."""
    if display_width(text) <= width:
        return text
    if not middle:
        return keep_width(text, width - 1) + ELLIPSIS
    tail = keep_width(reversed(text), (width - 1) // 2)[::-1]
    head = keep_width(text, width - 1 - display_width(tail))
    return head + ELLIPSIS + tail


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` columns holding all of `text`: each ends after the last 、；, or
    space that fits, else where the width runs out."""
    lines = []
    while display_width(text) > width:
        head = keep_width(text, width) or text[0]
        breaks = [i for i, char in enumerate(head) if char in BREAK_AFTER and i > 0]
        cut = breaks[-1] + 1 if breaks else len(head)
        lines.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    return lines + [text]


def fit_widths(natural: list[int], minimum: list[int], width: int) -> list[int]:
    """Narrow the widest column, one column at a time, until the row fits or nothing can give."""
    widths = list(natural)
    excess = sum(widths) + COLUMN_GAP * (len(widths) - 1) - width
    while excess > 0:
        shrinkable = [i for i, w in enumerate(widths) if w > minimum[i]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: (widths[i], -i))
        widths[widest] -= 1
        excess -= 1
    return widths


def dated_width(cells) -> int | None:
    """The width a column of dates keeps while others give way: all of a typed date; the date
    a text cell starts with (a computed '2027-04-12 09:30 [计算]') and a '…'. None: not dated."""
    keep = 0
    for cell in cells:
        if cell is None:
            continue
        if isinstance(cell, dt.date):
            keep = max(keep, display_width(cell_text(cell)))
            continue
        start = DATE_START.match(cell) if isinstance(cell, str) else None
        if start is None:
            return None
        keep = max(keep, len(start.group()) + (len(ELLIPSIS) if len(cell) > start.end() else 0))
    return keep


def header_lines(header: str) -> list[str]:
    """'案号 Case number' -> ['案号', 'Case number']; a header in one language stays one line."""
    match = BILINGUAL.match(header)
    return [match["zh"], match["en"]] if match else [header]


@dataclass(frozen=True)
class Layout:
    shown: list[int]  # the indexes of the columns that fit, in order
    widths: list[int]  # their widths
    left_out: list[str]  # the names of the columns that did not fit


def fits(widths: list[int], width: int) -> bool:
    return sum(widths) + COLUMN_GAP * (len(widths) - 1) <= width


def lay_out(columns: list[Column], natural: list[int], minimum: list[int], width: int) -> Layout:
    """Which columns fit `width`, and how wide. The columns that give way are narrowed first and
    the wrapping ones only when those are at their minimums; if that is not enough, the columns
    that give way leave from the right, one at a time. When the wrapping columns alone are too
    wide, names wrap narrower (NAMES_SQUEEZED), then the widest of them all, down to SQUEEZED."""
    shown = list(range(len(columns)))
    while True:
        widths = narrowed([natural[i] for i in shown], [
            [natural[i] if columns[i].name in WRAPPED else minimum[i] for i in shown],
            [minimum[i] for i in shown],
        ], width)
        leaving = [i for i in shown if columns[i].name not in WRAPPED]
        if fits(widths, width) or not leaving:
            break
        shown.remove(leaving[-1])
    widths = narrowed(widths, [
        [minimum[i] if columns[i].name in SQUEEZED else min(natural[i], NAMES_SQUEEZED) for i in shown],
        [min(natural[i], SQUEEZED.get(columns[i].name, MIN_COLUMN)) for i in shown],
        [min(natural[i], LAST_RESORT) for i in shown],
    ], width)
    left_out = [column.name for i, column in enumerate(columns) if i not in shown]
    return Layout(shown, widths, left_out)


def narrowed(widths: list[int], minimums: list[list[int]], width: int) -> list[int]:
    """`widths` narrowed to fit, down to each set of minimums in turn until they do."""
    for minimum in minimums:
        if fits(widths, width):
            break
        widths = fit_widths(widths, minimum, width)
    return widths


def render(columns: list[Column], records: list, width: int | None) -> str:
    """A table that fits `width` columns (None: as wide as it needs): see the module's doc."""
    heads = [header_lines(column.header) for column in columns]
    cells = [[column.get(record) for column in columns] for record in records]
    rows = [[one_line(cell_text(cell)) for cell in row] for row in cells]
    widest_header = HEADER_WIDEST if width is not None else None  # a pipe gets the headers whole
    natural = [max([min(display_width(line), widest_header or display_width(line)) + HEADER_PADDING for line in head]
                   + [display_width(row[i]) for row in rows]) for i, head in enumerate(heads)]
    if width is None:
        layout = Layout(list(range(len(columns))), natural, [])
    else:
        dated = [dated_width(column) for column in zip(*cells)] or [None] * len(columns)
        minimum = [column_minimum(column, n, keep, [row[i] for row in rows])
                   for i, (column, n, keep) in enumerate(zip(columns, natural, dated))]
        layout = lay_out(columns, natural, minimum, width)
    table = tabulate([[fitted(row[i], columns[i], w) for i, w in zip(layout.shown, layout.widths)] for row in rows],
                     headers=["\n".join(shorten(line, w - HEADER_PADDING) for line in heads[i])
                              for i, w in zip(layout.shown, layout.widths)],
                     tablefmt="simple", disable_numparse=True, stralign="left")
    if layout.left_out:
        note = f"(left out at {width} columns: {', '.join(layout.left_out)}; --width, --columns)"
        table += "\n\n" + "\n".join(wrap(note, width))
    return table


def column_minimum(column: Column, natural: int, dated: int | None, texts: list[str]) -> int:
    """The narrowest a column gets while another can leave the table instead: a date stays whole,
    a case number too (a list of them wraps between numbers), other wrapped text wraps at
    WRAP_MIN, and the rest keeps MIN_COLUMN."""
    if dated is not None:
        return min(natural, max(dated, MIN_COLUMN))
    if column.name in ("case_numbers", "case_number"):
        return min(natural, max([display_width(part) for text in texts for part in text.split("、")], default=0))
    return min(natural, WRAP_MIN if column.name in WRAPPED else MIN_COLUMN)


def fitted(text: str, column: Column, width: int) -> str:
    if column.name in WRAPPED:
        return "\n".join(wrap(text, width))
    return shorten(text, width, column.name in CUT_IN_THE_MIDDLE)


# The table names the fields a notice has problems with; the files say why, at length.
PROBLEM_FIELDS = Column("problems", "问题 Problems",
                        lambda n: "、".join(dict.fromkeys(p.field or p.code for p in n.problems)))


def render_notices_table(notices: list[Notice], columns: list[str] | None = None, width: int | None = None) -> str:
    """Notices in (publication_date, page, span) order; `columns` from NOTICE_TABLE_COLUMNS. By
    default the page leads when there are several, and problems close when there are any."""
    if columns is None:
        several_pages = len({notice.page for notice in notices}) > 1
        columns = (["page"] * several_pages + NOTICE_TABLE_DEFAULT
                   + ["problems"] * any(notice.problems for notice in notices))
    available = [PROBLEM_FIELDS if column.name == "problems" else column for column in NOTICE_COLUMNS]
    return render(pick_columns(available, columns, NOTICE_TABLE_DEFAULT), sorted_notices(notices), width)


def render_cases_table(cases: list[Case], columns: list[str] | None = None, width: int | None = None) -> str:
    """Cases in key order; `columns` from CASE_TABLE_COLUMNS."""
    chosen = pick_columns(CASE_COLUMNS, columns, CASE_TABLE_DEFAULT)
    return render(chosen, sorted_cases(cases), width)
