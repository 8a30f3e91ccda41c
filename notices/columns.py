"""Two columns that OCR or a text export read across the page, put back one after the other.

An OCR engine that misses a column gap reads the first line of the left column, then the first
of the right, then the second of each. Every notice then alternates with its neighbour line by
line and no rule can read it. The page itself says so: a column hard-wrapped inside words joins
on to the line after next (本院定于2026年7月2 | … | 1日上午9时), where the two halves make
character pairs the page prints elsewhere inside a line, or the project's vocabularies print (a
short page has few words twice); the line just below belongs to the other column and joins badly.

Two columns can also share each line: a page's text with its layout kept prints the right column
from one display column on (`side_by_side`), and OCR that merged the two lines beside each other
puts one blank between them. Those are put back one column after the other too.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from operator import add

import regex

from notices.normalize import display_width, is_letter_spaced
from notices.vocab import DATA

MIN_LINES = 8  # a shorter run says too little either way
NUMBER_UNITS = ":年月日时分号室"  # what a number cut at a line end goes on with (2026年6月9日14 | 时00分)
NOTICE_MARKS = ("院", "委", "公告")  # 法院, 本院, 委员会, 本委, 公告: a run without one holds no notice
MARGIN = 4  # joins the line after next must win by, beyond half as many again as the next line's
SIDE_MIN_LINES = 4  # side-by-side columns: fewer lines say too little
SIDE_GAP = 1.5  # the blank width (in CJK characters: three spaces) that parts two columns on one line
BLANK_RUN = regex.compile(r"[ \u3000]{2,}|\u3000")


@dataclass(frozen=True)
class Reordered:
    text: str
    runs: int  # runs of interleaved lines put back in column order


def in_column_order(text: str) -> Reordered:
    """The text with every run of interleaved lines (a run: lines between blank lines) given as
    its first column, a blank line, then its second; every other run as it was. Only runs with
    a notice's mark in them are looked at: elsewhere there is nothing to lose either way."""
    out: list[str] = []
    runs = done = 0
    for start, end in _marked_runs(text):
        if text.count("\n", start, end) + 1 < MIN_LINES:
            continue  # too short to tell (counted before the run is split: most runs are)
        columns = _columns(text[start:end].split("\n"))
        if columns:
            out += [text[done:start], "\n".join(columns[0] + [""] + columns[1])]
            done = end
            runs += 1
    return Reordered("".join(out) + text[done:], runs) if runs else Reordered(text, 0)


def _marked_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of lines between blank lines that holds a notice mark."""
    runs: dict[int, int] = {}
    for mark in NOTICE_MARKS:
        at = text.find(mark)
        while at >= 0:
            blank = text.rfind("\n\n", 0, at)
            end = text.find("\n\n", at)
            end = len(text) - text.endswith("\n") if end < 0 else end
            runs[0 if blank < 0 else blank + 2] = end
            at = text.find(mark, end)
    return sorted(runs.items())


def _columns(run: list[str]) -> tuple[list[str], list[str]] | None:
    """The run's two columns when its lines alternate between two, else None. OCR alternates
    the columns line by line until the shorter one ends; the rest of the run is the longer one's.
    Where the alternation ends is where the joins say: to the line after next before it, to the
    next line after it."""
    n = len(run)
    if sum("\t" in line or "|" in line for line in run) * 2 > n:
        return None  # a table: its wrapped rows repeat, and OCR prints no tabs
    lines = [line.strip() for line in run]
    if not _one_width(lines):
        return None
    pairs = _inner_pairs(lines)
    step = [_join(lines[i], lines[i + 1], pairs) for i in range(n - 1)]
    skip = [_join(lines[i], lines[i + 2], pairs) for i in range(n - 2)]
    alternating = [0] * (n + 1)  # alternating[k]: the joins to the line after next among lines [0, k)
    adjacent = [0] * (n + 1)  # adjacent[k]: the joins to the next line among lines [0, k)
    for k in range(2, n + 1):
        alternating[k] = alternating[k - 1] + (skip[k - 3] if k >= 3 else 0)
        adjacent[k] = adjacent[k - 1] + step[k - 2]
    best = None
    for k in range(MIN_LINES, n + 1):
        if alternating[k] < 1.5 * adjacent[k] + MARGIN:
            continue
        # after line k-1 the column of k-1 has ended: the rest goes on from line k-2
        tail = (adjacent[n] - adjacent[k + 1] + _join(lines[k - 2], lines[k], pairs)) if k < n else 0
        total = alternating[k] + tail
        if best is None or total >= best[0]:  # on a tie the longer alternation: OCR alternates while both columns go on
            best = (total, k)
    if best is None:
        return None
    ends = best[1]
    first = [run[i] for i in range(0, ends, 2)]
    second = [run[i] for i in range(1, ends, 2)]
    (first if ends % 2 == 0 else second).extend(run[ends:])  # the column of line ends-2
    return first, second


def _one_width(lines: list[str]) -> bool:
    """Do many lines fill one width (as printed, or in characters), as two columns OCR wrapped
    alike do? A cheap test that keeps running text, its paragraphs of every length, from the
    costlier one."""
    return any(_mostly_full(sorted(map(measure, lines))) for measure in (display_width, len))


def _mostly_full(widths: list[float]) -> bool:
    """Are a third of the lines as wide as the column (the width nine lines in ten stay within)?"""
    full = widths[len(widths) * 9 // 10]
    return sum(abs(width - full) <= 2 for width in widths) * 3 >= len(widths)


def _inner_pairs(lines: list[str]) -> set[str]:
    """Every two and three characters printed together inside a line."""
    text = "\n".join(lines)  # a pair across the line break holds a newline and so matches no join
    pairs = list(map(add, text, text[1:]))
    return set(pairs).union(map(add, pairs, text[2:]))


@lru_cache(maxsize=1)
def _vocabulary_pairs() -> frozenset[str]:
    """The pairs and triples of the vocabularies in notices/data (causes, charges, roles, courts,
    and the legal text their headers quote)."""
    return frozenset(_inner_pairs([line for path in sorted(DATA.iterdir()) for line in path.read_text(encoding="utf-8").splitlines()]))


def _join(upper: str, lower: str, pairs: set[str]) -> int:
    """How well `lower` goes on from `upper` (0-3): the pairs the break would split that are
    known words, or a number the break cuts from its digits or unit (2026年7月2 | 1日)."""
    if not upper or not lower:
        return 0
    if upper[-1].isdigit() and (lower[0].isdigit() or lower[0] in NUMBER_UNITS):
        return 3
    words = _vocabulary_pairs()
    return sum(piece in pairs or piece in words for piece in (upper[-1] + lower[0], upper[-1] + lower[:2], upper[-2:] + lower[0]))


# -- two columns side by side on each line ------------------------------------------------------
# A page turned to text with its layout kept (pdftotext -layout, an e-paper's text view) prints
# both columns on one line, the right one starting at the same display column on every line.

def side_by_side(text: str) -> Reordered:
    """The text with every run of lines that holds two columns side by side given as its left
    column, a blank line, then its right column; every other run as it was. Such runs that
    follow one another (a blank line across both columns between them) are one stretch of the
    page: all their left lines come first, then all their right ones."""
    lines = text.split("\n")
    indent = _right_indent(lines)
    out: list[str] = []
    left: list[str] = []
    right: list[str] = []
    runs = i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].strip():
            j += 1
        head, columns = _headed_columns(lines[i:j], indent) if j > i else (0, None)
        if columns and head:  # lines across the page above the columns (a masthead, a rule) end a stretch
            out += _stretch(left, right) + lines[i:i + head]
            left, right = [], []
        if columns:
            left += ([""] if left else []) + columns[0]
            right += ([""] if right else []) + columns[1]
            runs += 1
        elif j > i:
            out += _stretch(left, right) + _unindented(lines[i:j], indent)
            left, right = [], []
        if j < len(lines) and not (columns or left):
            out.append(lines[j])
        i = j + 1
    out += _stretch(left, right)
    return Reordered("\n".join(out), runs) if runs else Reordered(text, 0)


HEADING_LINES = 3  # lines across both columns a run may start with: a masthead, a section title, a rule


def _headed_columns(run: list[str], indent: float | None) -> tuple[int, tuple[list[str], list[str]] | None]:
    """The run's two columns, after as few of its first lines as must be set apart for them: lines
    across the page above the columns with no blank line between (a masthead, a rule). Set apart
    so, a table's header row would leave its rows to be taken for columns: columns found below
    such lines are columns of running text. Returns (that count, columns)."""
    columns = _side_columns(run, indent) or _merged_columns(run)
    if columns:
        return 0, columns
    for head in range(1, min(HEADING_LINES, len(run) - SIDE_MIN_LINES) + 1):
        columns = _side_columns(run[head:], indent)
        if columns and _running_text(columns[0]):
            return head, columns
    return 0, None


INNER_BLANK = regex.compile(r"\S(?: {2,}|\u3000+)\S")


def _running_text(lines: list[str]) -> bool:
    """Lines of a column of text, not rows of cells: few have a blank inside (公　告 has one)."""
    return sum(bool(INNER_BLANK.search(line)) for line in lines) * 4 <= len(lines)


def _unindented(run: list[str], indent: float | None) -> list[str]:
    """A run of the right column alone, without the blank that kept it beside the left one."""
    if indent is None or not all((m := BLANK_RUN.match(line)) and display_width(m.group()) >= indent - 1
                                 for line in run):
        return run
    return [line.lstrip(" \u3000") for line in run]


def _stretch(left: list[str], right: list[str]) -> list[str]:
    """Side-by-side runs put back: the left column, a blank line, the right one, a blank line."""
    return left + [""] + right + [""] if left or right else []


def _gaps(line: str) -> list[tuple[float, int]]:
    """(display width before it, character index) where text resumes after a blank of SIDE_GAP or
    more, in line order (a right column's line alone starts with its blank)."""
    found = []
    for blank in BLANK_RUN.finditer(line):
        width = display_width(blank.group())
        if width >= SIDE_GAP and blank.end() < len(line):
            found.append((display_width(line[:blank.start()]) + width, blank.end()))
    return found


def _cut(line: str, gaps: list[tuple[float, int]], at: float) -> int | None:
    """Where a line parts at the column `at`: its gap there, else its one gap near it (a character
    of ambiguous width, ×, ○, —, shifts a line's gap by a little), else a blank that runs across
    it (the right line indented further: a signature set right)."""
    exact = [index for column, index in gaps if at - 1 <= column <= at + 2]
    if exact:
        return exact[0]
    near = [index for column, index in gaps if abs(column - at) <= at / 3]
    if len(near) == 1:
        return near[0]
    for blank in BLANK_RUN.finditer(line):
        start = display_width(line[:blank.start()])
        if start <= at - 1 and start + display_width(blank.group()) >= at and blank.end() < len(line):
            return blank.end()
    return None


def _side_columns(run: list[str], indent: float | None = None) -> tuple[list[str], list[str]] | None:
    """The run's left and right columns when its lines part at one display column, else None.
    A table parts at several columns, running text at none."""
    if len(run) < SIDE_MIN_LINES:
        return None
    gaps = [_gaps(line.rstrip()) for line in run]
    gutter = _gutter(run, gaps, indent)
    if gutter is None:
        return None
    at, by_indent = gutter
    cuts = [_cut(line.rstrip(), found, at) for line, found in zip(run, gaps)]
    widest = max(display_width(line[:cut].rstrip()) for line, cut in zip(run, cuts) if cut is not None)
    left, right = [], []
    for line, cut in zip(run, cuts):
        line = line.rstrip()
        if cut is None and display_width(line) > max(widest + 1, at - 2):
            return None  # text runs across the gap: one column after all (a left line alone may fill its column)
        head, tail = (line, "") if cut is None else (line[:cut], line[cut:])
        left += [head.rstrip()] if head.strip() else []
        right += [tail.strip()] if tail.strip() else []
    if not left or len(right) < 3 or max(map(display_width, right)) > 2 * at:
        return None  # a right column alone stays as it is
    if not by_indent and not _one_width(left):
        return None  # labels or case numbers beside lines that run on are no two columns of text
    return left, right


def _gutter(run: list[str], gaps: list[list[tuple[float, int]]], indent: float | None) -> tuple[float, bool] | None:
    """The display column the right column starts at: where most lines resume after a blank and
    few part elsewhere; beside a table in the right column, where most lines part first and none
    parts left of it; or, beside a table in the left column (its cells part at several columns),
    the page's indent of the right column's lines alone (`indent`), when every line parts there
    or ends before it. Returns the column and whether the page's indent gave it."""
    inner = [[gap for gap in found if run[k][:gap[1]].strip()] for k, found in enumerate(gaps)]
    counts = Counter(column for found in inner for column, _ in found).most_common(2)
    if counts and counts[0][1] >= 3 and not (len(counts) > 1 and counts[1][1] * 2 > counts[0][1]):
        at = counts[0][0]
        if sum(any(abs(column - at) > 2 for column, _ in found) for found in inner) * 3 <= counts[0][1]:
            return at, False
    firsts = [min(column for column, _ in found) for found in inner if found]
    if firsts:  # beside a table in the right column (its rows indented as they go): the left holds no cells
        support, at = max((sum(c - 1 <= first <= c + 2 for first in firsts), -c) for c in set(firsts))
        at = -at
        if support >= 3 and support * 2 >= len(firsts) and not any(
                column < at - 1 for found in inner for column, _ in found):
            return at, False
    if indent is None:
        return None  # gaps at several columns: the cells of a table
    parted = sum(1 for found in gaps if any(indent - 1 <= column <= indent + 2 for column, _ in found))
    ends_before = sum(1 for line in run if display_width(line.rstrip()) <= indent - SIDE_GAP)
    return (indent, True) if parted >= 3 and parted + ends_before == len(run) else None


RIGHT_INDENT_MIN = 16  # display columns: a right column's lines alone start this far in at least
RIGHT_INDENT_LINES = 3


def _right_indent(lines: list[str]) -> float | None:
    """Where a page's lines that hold only a right column begin: the deep indent most of its
    indented lines share, or None."""
    indents = Counter(display_width(m.group()) for line in lines if line.strip()
                      and (m := BLANK_RUN.match(line)) and display_width(m.group()) >= RIGHT_INDENT_MIN)
    if not indents:
        return None
    at, count = indents.most_common(1)[0]
    return at if count >= RIGHT_INDENT_LINES else None


# OCR that merged each line of the left column with the line beside it puts one blank between
# them, wherever the left line ends: the left parts fill one width, the blank is the line's only one.
# One blank or two (a wider gap is a table's or a padded column's), then the right line's own indent.
ONE_BLANK = regex.compile(r"^(?P<left>\S+)(?: {1,2}|\u3000)\u3000*(?P<right>\S+)$")
BLANKS = regex.compile(r"[ \u3000]+")
SPACED_LABEL = regex.compile(r"\p{Han}{1,3}[:：]")  # 案　　号：: a label set out with blanks, not two columns
MERGED_MIN_LINES = 6
SENTENCE_END = ("。", "！", "？", ".")
MERGED_MIN_WIDTH = 8  # a column is wider than a label set out with blanks (案　　号:) or a cell


def _merged_columns(run: list[str]) -> tuple[list[str], list[str]] | None:
    """The run's left and right columns when most of its lines are a left line and a right line
    joined by one blank, else None. A line without a blank goes on with the column it joins best
    (the other one has ended)."""
    lines = [line.strip() for line in run]
    if len(lines) < MERGED_MIN_LINES:
        return None
    parted = [m if m and not SPACED_LABEL.match(m.group("right")) else None for m in map(ONE_BLANK.match, lines)]
    last = max((k for k, m in enumerate(parted) if m), default=-1)
    alone = sum(m is None for m in parted[:last + 1])  # lines not parted while both columns go on
    heads = [m.group("left") for m in parted if m]
    if len(heads) < 3 or alone * 3 > last + 1:
        return None
    widths = sorted(map(display_width, heads))
    width = widths[len(widths) * 9 // 10]  # the left column's
    tails = sorted(display_width(m.group("right")) for m in parted if m)
    right_width = tails[len(tails) * 9 // 10]
    if (width < MERGED_MIN_WIDTH or not _mostly_full(widths) or max(tails) > 2 * width
            or widths[len(widths) // 2] * 2 < width or tails[len(tails) // 2] * 2 < right_width):
        return None  # the blank falls anywhere (words of running text, cells), or the line runs on past it
    pairs = _inner_pairs(lines)
    left: list[str] = []
    right: list[str] = []
    going_on: list[str] | None = None  # the column that goes on alone
    for line, m in zip(lines, parted):
        blanks = list(BLANKS.finditer(line))
        if m:
            left.append(m.group("left"))
            right.append(m.group("right"))
        elif blanks:  # a blank inside one of the two lines too: part where the left column ends
            cut = min(blanks, key=lambda gap: abs(display_width(line[:gap.start()]) - width))
            left.append(line[:cut.start()])
            right.append(line[cut.end():])
        else:
            if going_on is None:  # the first line of one column alone: the other has ended
                to_left = _goes_on(left, line, pairs, width) >= _goes_on(right, line, pairs, right_width)
                going_on = left if to_left else right
            going_on.append(line)
            continue
        going_on = None
    return left, right


def _goes_on(column: list[str], line: str, pairs: set[str], width: float) -> int:
    """How well a line without a blank goes on with a column: the words the break would split,
    whether the column's last line fills its width and goes on after its last word (a short
    last line, or one that ends a sentence, may have ended the column)."""
    if not column:
        return -1
    last = column[-1]
    return _join(last, line, pairs) + (display_width(last) >= width - 1) + (not last.endswith(SENTENCE_END))


# -- a table set with blanks --------------------------------------------------------------------
# A padded table's cells are parted by two blanks or more; a cell that fills its column leaves
# one before the next (…有限公司 上海一帆…), which would read as a word gap, or vanish where the next
# cell is digits (纠纷 2026-05-07 joins up, as the scripts of one phrase do).

TABLE_MIN_CELLS = 4  # cells of a row: fewer is a label beside its value
CELL_GAP = regex.compile(r" {2,}|\u3000+|\t")
LONE_BLANK = regex.compile(r"(?<=\S) (?=\S)")


def widened_cells(text: str) -> str:
    """The text with every row of a padded table parted at its single blanks too, where they
    stand between two cells: not inside a date and time (2026-05-06 09:15) or a Latin name."""
    lines = text.split("\n")
    changed = False
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and lines[end].strip():
            end += 1
        rows = [k for k in range(start, end) if len(CELL_GAP.findall(lines[k].strip())) + 1 >= TABLE_MIN_CELLS
                and not is_letter_spaced(lines[k])]  # a letter-spaced line's word gaps are no cells
        if len(rows) >= 3 and len(rows) * 2 >= end - start:
            for k in rows:
                widened = LONE_BLANK.sub(lambda m: "  " if _parts_cells(lines[k], m.start()) else " ", lines[k])
                changed = changed or widened != lines[k]
                lines[k] = widened
        start = end + 1
    return "\n".join(lines) if changed else text


def _parts_cells(line: str, at: int) -> bool:
    """Is the blank at `at` between two cells? Not between two ASCII characters (a date and its
    time, a Latin name)."""
    return not (line[at - 1].isascii() and line[at + 1].isascii())
