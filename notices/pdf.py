"""PDF pages to text in reading order, for newspaper pages set in columns.

pdfminer.six's `extract_text` orders its text boxes by a clustering of their positions
(LAParams.boxes_flow). On a page of 2 or 3 columns of short lines that interleaves the columns,
and even on one column it can put the line under a centred title (the addressee) before the
title. Here pdfminer only finds the text lines (`extract_pages` with LAParams; the
LTTextLineHorizontal lines of each LTTextBoxHorizontal and their bounding boxes); their order is
rebuilt from geometry, per page, by cutting the page recursively:

1. Rows. A region (at first the page) is cut at every empty horizontal strip across it that is
   clearly wider than the leading between lines (ROW_GAP). A first or last text line of a row
   that bridges a gutter of the lines under or over it (a headline or footer set tight against
   the columns) is peeled off as a row of its own. Then adjacent rows that are pieces of one set
   of columns are joined again: their columns are those of the body rows (BODY_ROW text lines or
   more) among them, the other row must lie within those columns, and both must read as column
   text (see `column_text`). What stays a row of its own -- a masthead, a headline, a band
   heading, a footer -- is read in its place, top to bottom: a line spanning several columns
   comes before the columns under it, and a band of 2 columns can stand above a band of 3.
2. Columns. A region that is one row is split at the gutters its lines leave (empty vertical
   strips, top to bottom, at least GUTTER wide), read left to right, each column recursively.
3. A region with neither is one column: its lines top to bottom (so a centred title stays above
   its notice), the pieces of one text line left to right.

The text of each line is pdfminer's own (`get_text()`, with the spaces it inserts), so on a
one-column page the lines are those of `extract_text`. Lines are joined by newlines; a blank line
goes between two text boxes that are far apart: in a column, further apart than the leading by
ROW_GAP line heights (before and after a title); across a change of column or row, always, unless a
line reaching the right edge of its column runs on into a line at the left edge of the next
(a paragraph broken across columns). Every page ends with a form feed, as in `extract_text`; a
page without a text layer (a scan) gives nothing before its form feed: see `pages_without_text`.

Deterministic: the result depends only on the line boxes pdfminer finds; ties go by position.
"""
from __future__ import annotations

import io
import statistics
from dataclasses import dataclass
from typing import Iterable, Iterator

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTContainer, LTPage, LTTextBoxHorizontal, LTTextLineHorizontal

# boxes_flow=None: pdfminer keeps its line and box grouping but skips its own ordering of the
# boxes, which is replaced here (and is the slow part of its layout analysis). all_texts: text in
# form XObjects (LTFigure) is grouped into lines too (extract_text prints its characters run on).
LAPARAMS = dict(boxes_flow=None, all_texts=True)

GUTTER = 0.5  # narrowest gutter between columns, in body line heights
ROW_GAP = 0.5  # an empty strip this much (in line heights) wider than the leading cuts rows,
#                and two lines that far apart in a column get a blank line between them
BODY_ROW = 3  # a row of this many text lines is body text, whose columns a short row is judged by
EDGE = 1.0  # "flush with an edge", "centred": within this many line heights


@dataclass(frozen=True)
class Scale:
    unit: float  # median height of a text line on the page
    gap: float  # narrowest vertical gap that is more than the leading between lines


@dataclass(frozen=True)
class Line:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    box: int  # index of the pdfminer text box it came from

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass(frozen=True)
class Placed:
    line: Line
    column: tuple[float, float]  # x-extent of the column the line was read in


def pdf_text(data: bytes) -> str:
    """The text of every page of the PDF in data, in reading order, each page ending in \\f."""
    pages = extract_pages(io.BytesIO(data), laparams=LAParams(**LAPARAMS))
    return "".join(page_text(page) + "\f" for page in pages)


def pages_without_text(text: str) -> list[int]:
    """1-based numbers of the pages of pdf_text's result that have no text (scans: need OCR)."""
    pages = text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")
    return [n for n, page in enumerate(pages, 1) if not page.strip()]


def page_text(page: LTPage) -> str:
    lines = list(text_lines(page))
    if not lines:
        return ""
    unit = statistics.median(line.height for line in lines) or 1.0
    scale = Scale(unit, leading(lines, unit) + ROW_GAP * unit)
    placed = list(read(lines, scale, (min(l.x0 for l in lines), max(l.x1 for l in lines))))
    return render(placed, scale)


def leading(lines: list[Line], unit: float) -> float:
    """The usual gap between a line and the next one under it in its column (median)."""
    ordered = sorted(lines, key=lambda l: (-l.y1, l.x0))
    gaps = []
    for i, line in enumerate(ordered):
        for below in ordered[i + 1:i + 12]:  # a row of up to a few columns: the next line is near
            if below.y1 < line.y0 + 0.5 * unit and min(line.x1, below.x1) > max(line.x0, below.x0):
                gaps.append(line.y0 - below.y1)
                break
    return max(0.0, statistics.median(gaps)) if gaps else 0.5 * unit


def text_lines(page: LTPage) -> Iterator[Line]:
    """Every horizontal text line with text, also inside figures."""
    box = 0

    def walk(item) -> Iterator[Line]:
        nonlocal box
        if isinstance(item, LTTextBoxHorizontal):
            box += 1
            for child in item:
                if isinstance(child, LTTextLineHorizontal):
                    text = child.get_text().rstrip("\n")
                    if text.strip():
                        yield Line(child.x0, child.y0, child.x1, child.y1, text, box)
        elif isinstance(item, LTContainer):
            for child in item:
                yield from walk(child)

    yield from walk(page)


def read(lines: list[Line], scale: Scale, column: tuple[float, float]) -> Iterator[Placed]:
    """lines in reading order, each with the column it is read in."""
    rows = [piece for row in split_rows(lines, scale.gap) for piece in peel(row, scale.unit)]
    rows = join_rows(rows, scale.unit)
    if len(rows) > 1:
        for row in rows:
            yield from read(row, scale, column)
        return
    columns = split_columns(lines, scale.unit)
    if len(columns) > 1:
        for group in columns:
            yield from read(group, scale, (min(l.x0 for l in group), max(l.x1 for l in group)))
        return
    for text_row in text_rows(lines):
        for line in text_row:
            yield Placed(line, column)


def spans(intervals: Iterable[tuple[float, float]], gap: float) -> list[tuple[float, float]]:
    """The union of intervals as disjoint spans, merging spans closer than gap."""
    merged: list[list[float]] = []
    for a, b in sorted(intervals):
        if merged and a - merged[-1][1] < gap:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def split_columns(lines: list[Line], unit: float) -> list[list[Line]]:
    """lines split at the gutters their x-extents leave, left to right."""
    cols = spans(((l.x0, l.x1) for l in lines), GUTTER * unit)
    if len(cols) == 1:
        return [lines]
    groups: list[list[Line]] = [[] for _ in cols]
    for line in lines:
        groups[column_of(line, cols)].append(line)
    return groups


def column_of(line: Line, cols: list[tuple[float, float]]) -> int:
    middle = (line.x0 + line.x1) / 2
    for i, (a, b) in enumerate(cols):
        if a <= middle <= b:
            return i
    return min(range(len(cols)), key=lambda i: abs((cols[i][0] + cols[i][1]) / 2 - middle))


def split_rows(lines: list[Line], gap: float) -> list[list[Line]]:
    """lines split at the empty horizontal strips at least gap high across them, top to bottom."""
    bands = spans(((-l.y1, -l.y0) for l in lines), gap)  # top to bottom
    rows: list[list[Line]] = [[] for _ in bands]
    for line in lines:
        for i, (top, bottom) in enumerate(bands):
            if top <= -line.y1 <= bottom:
                rows[i].append(line)
                break
    return [row for row in rows if row]


def peel(lines: list[Line], unit: float) -> list[list[Line]]:
    """A headline or footer set too close to the columns to be cut off by a gap: the first and
    last text lines that cross a gutter of the lines between them, each as a row of its own."""
    rows = text_rows(lines)
    top: list[list[Line]] = []
    bottom: list[list[Line]] = []
    while len(rows) > BODY_ROW:
        if across_gutter(rows[0], rows[1:], unit):
            top.append(rows.pop(0))
        elif across_gutter(rows[-1], rows[:-1], unit):
            bottom.insert(0, rows.pop())
        else:
            break
    if not top and not bottom:
        return [lines]
    return top + [[l for row in rows for l in row]] + bottom


def across_gutter(row: list[Line], others: list[list[Line]], unit: float) -> bool:
    cols = spans(((l.x0, l.x1) for other in others for l in other), GUTTER * unit)
    return len(cols) > 1 and any(crosses(l, cols) for l in row)


def crosses(line: Line, cols: list[tuple[float, float]]) -> bool:
    """Whether line bridges a gutter between cols (reaches into both columns beside it)."""
    return any(line.x0 < b and line.x1 > a for (_, b), (a, _) in zip(cols, cols[1:]))


def join_rows(rows: list[list[Line]], unit: float) -> list[list[Line]]:
    """Adjacent rows that are pieces of the same columns, joined.

    A row of BODY_ROW text lines or more is a piece of text; a shorter one (a masthead, a
    headline, a title or date at the head of a column) is judged against the columns of the
    text next to it, never against another short row: two short rows give no columns to go by."""
    merged = [(row, len(text_rows(row)) >= BODY_ROW) for row in rows]
    i = 0
    while i < len(merged) - 1:
        (upper, big_upper), (lower, big_lower) = merged[i], merged[i + 1]
        if (big_upper or big_lower) and fits(upper, big_upper, lower, big_lower, unit):
            merged[i:i + 2] = [(upper + lower, True)]
            i = max(i - 1, 0)  # the joined row is body text: the short row above may fit it now
        else:
            i += 1
    return [row for row, _ in merged]


def fits(upper: list[Line], big_upper: bool, lower: list[Line], big_lower: bool, unit: float) -> bool:
    """Whether two adjacent rows are pieces of one set of columns: the columns are those of the
    body rows among them; a short row must lie within them, and both must read as column text."""
    body = (upper if big_upper else []) + (lower if big_lower else [])
    cols = spans(((l.x0, l.x1) for l in body), GUTTER * unit)
    if len(cols) < 2:
        return False
    tol = EDGE * unit
    for row, big in ((upper, big_upper), (lower, big_lower)):
        if not big and not all(any(a - tol <= l.x0 and l.x1 <= b + tol for a, b in cols) for l in row):
            return False  # a line of the short row lies across a gutter or in it
    return column_text(upper, cols, unit) and column_text(lower, cols, unit)


def column_text(row: list[Line], cols: list[tuple[float, float]], unit: float) -> bool:
    """Whether row reads as part of the columns cols, not as a strip across them (a masthead,
    a headline, a footer). Some line of it must be, away from the middle of the page, either
    flush with a column edge by a gutter, or centred in its column (a title), or -- unless the
    row is a single text line across a gutter, as a masthead is -- flush with the outer edge
    of the first or last column. A line centred on the middle of the page tells nothing: it may
    be a headline or a footer as well as text of a middle column."""
    tol = EDGE * unit
    across = len(text_rows(row)) == 1 and len({column_of(l, cols) for l in row}) > 1
    page_middle = (cols[0][0] + cols[-1][1]) / 2
    last = len(cols) - 1
    for line in row:
        middle = (line.x0 + line.x1) / 2
        if abs(middle - page_middle) <= tol:
            continue
        i = column_of(line, cols)
        a, b = cols[i]
        left, right = abs(line.x0 - a) <= tol, abs(line.x1 - b) <= tol
        if (left and i > 0) or (right and i < last):
            return True  # flush with a gutter: body text, an addressee, an issuer, a date
        if (left or right) and not across:
            return True  # flush with the outer edge, in a row of column text
        if abs(middle - (a + b) / 2) <= tol:
            return True  # centred in its column: a title
    return False


def text_rows(lines: list[Line]) -> list[list[Line]]:
    """lines grouped into text lines (vertically overlapping), top to bottom, each left to right."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda l: (-l.y1, l.x0, -l.y0)):
        if rows:
            last = rows[-1][-1]
            if min(last.y1, line.y1) - max(last.y0, line.y0) > 0.5 * min(last.height, line.height):
                rows[-1].append(line)
                continue
        rows.append([line])
    return [sorted(row, key=lambda l: (l.x0, -l.y1)) for row in rows]


def render(placed: list[Placed], scale: Scale) -> str:
    unit = scale.unit
    out: list[str] = []
    prev: Placed | None = None
    for item in placed:
        line = item.line
        if prev is None:
            out.append(line.text)
        else:
            p = prev.line
            same_row = (min(p.y1, line.y1) - max(p.y0, line.y0) > 0.5 * min(p.height, line.height)
                        and line.x0 >= p.x1 - 0.5 * unit)
            if same_row:  # pieces of one text line (a masthead): one a line, as extract_text has them
                out.append("\n" + line.text)
            elif line.y1 <= p.y0 + 0.5 * unit and overlaps(item.column, prev.column):
                far = (p.y0 - line.y1) >= scale.gap
                out.append(("\n\n" if far and line.box != p.box else "\n") + line.text)
            else:  # another column or row: a paragraph broken across columns runs on
                runs_on = (p.x1 >= prev.column[1] - EDGE * unit and line.x0 <= item.column[0] + EDGE * unit)
                out.append(("\n" if runs_on else "\n\n") + line.text)
        prev = item
    return "".join(out) + "\n"


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])
