"""Terminal tables of notices and cases that fit the width the caller gives.

One line per record: a long value is shortened with "…" rather than wrapped, so a table of a
hundred notices stays a hundred lines you can scan and grep; on a very narrow terminal the
column names are shortened too. Widths count CJK characters as two
columns (tabulate measures with wcwidth too, so the columns line up). Control characters from
the page become spaces: newspaper text never drives the terminal.
"""
from __future__ import annotations

import datetime as dt
import re

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
MIN_COLUMN = 5  # narrowest a column gets: "青岛…"; six columns fit 40 columns, fewer is too narrow
ELLIPSIS = "…"
DATE_START = re.compile(r"\d{4}-\d\d-\d\d(?: \d\d:\d\d)?")
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\s]+")
# Case numbers and paths differ at the end (…第2888号, …_p07.txt): cut these in the middle.
CUT_IN_THE_MIDDLE = {"case_numbers", "case_number", "key", "page"}


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


def render(columns: list[Column], records: list, width: int | None) -> str:
    """A table that fits `width` columns: the widest cells give way first; dates and times only
    when nothing else can (a hearing at 2026-06-09 1… is no hearing time)."""
    headers = [column.name for column in columns]
    cells = [[column.get(record) for column in columns] for record in records]
    rows = [[one_line(cell_text(cell)) for cell in row] for row in cells]
    natural = [
        max([display_width(header) + HEADER_PADDING] + [display_width(row[i]) for row in rows])
        for i, header in enumerate(headers)
    ]
    dated = [dated_width(column) for column in zip(*cells)] or [None] * len(columns)
    if width is not None:
        least = [min(n, MIN_COLUMN) for n in natural]
        widths = fit_widths(natural, [m if keep is None else max(m, min(n, keep))
                                      for n, m, keep in zip(natural, least, dated)], width)
        if sum(widths) + COLUMN_GAP * (len(widths) - 1) > width:  # too narrow even so: dates give way too
            widths = fit_widths(natural, least, width)
        headers = [shorten(header, w - HEADER_PADDING) for header, w in zip(headers, widths)]
        middle = [column.name in CUT_IN_THE_MIDDLE for column in columns]
        rows = [[shorten(cell, widths[i], middle[i]) for i, cell in enumerate(row)] for row in rows]
    return tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True, stralign="left")


def render_notices_table(notices: list[Notice], columns: list[str] | None = None, width: int | None = None) -> str:
    """Notices in (publication_date, page, span) order; `columns` from NOTICE_TABLE_COLUMNS."""
    chosen = pick_columns(NOTICE_COLUMNS, columns, NOTICE_TABLE_DEFAULT)
    return render(chosen, sorted_notices(notices), width)


def render_cases_table(cases: list[Case], columns: list[str] | None = None, width: int | None = None) -> str:
    """Cases in key order; `columns` from CASE_TABLE_COLUMNS."""
    chosen = pick_columns(CASE_COLUMNS, columns, CASE_TABLE_DEFAULT)
    return render(chosen, sorted_cases(cases), width)
