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

from notices.model import Span

# Full-width ASCII (U+FF01..U+FF5E) to ASCII, ideographic and no-break spaces to a space.
# One character to one character, so folding keeps every offset.
FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
FOLD.update({0x3000: " ", 0x00A0: " ", 0x2002: " ", 0x2003: " ", 0x200B: " ", 0xFEFF: " ", ord("\r"): " ",
             ord("\f"): "\n", ord("\v"): "\n", 0x2028: "\n", 0x2029: "\n", ord("﹝"): "〔", ord("﹞"): "〕",
             ord("Ｏ"): "〇"})

HAN = regex.compile(r"\p{Han}")
GAP = regex.compile(r"[ \t]+")
MARKDOWN_LEAD = regex.compile(r"(?:#{1,6}[ \t]+|>[ \t]*|\*\*)")
SENTENCE_END = "。!?！？:：」』”"
FIELD_LINE = regex.compile(r"\p{Han}{2,6}[:：]")
TITLE_LINE = regex.compile(r"(?:公告|告示|通告)$")
SIGNATURE_LINE = regex.compile(r"\p{Han}{2,30}(?:委员会|仲裁院|法院|法庭)|[\d〇○一二三四五六七八九十]{2,4}年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日")


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


def full_lines(lengths: list[int], candidates: list[int]) -> list[bool]:
    """Which lines fill their column, so the line after them continues the same paragraph.

    A hard-wrapped column shows as runs of three or more consecutive lines of one width
    (within two characters: punctuation and Latin letters make widths uneven). Runs are
    found among `candidates` (the lengths, 0 for a line that cannot be a wrapped one: a table
    row, a title, a field line, a sentence end), run by run, so columns of different widths on
    one page are each recognised, and a notice's short lines (addressee, 特此公告, issuer,
    date) that happen to be alike are not a column. Then any line of `lengths` at a width a
    run established fills that column too ('…仲裁委员' + '会', a wrapped line that begins
    like a field)."""
    full = [False] * len(candidates)
    for i, n in enumerate(candidates):
        if not 8 <= n <= 40:
            continue
        low = i
        while low > 0 and candidates[low - 1] and abs(candidates[low - 1] - n) <= 2:
            low -= 1
        high = i
        while high + 1 < len(candidates) and candidates[high + 1] and abs(candidates[high + 1] - n) <= 2:
            high += 1
        full[i] = high - low >= 2
    widths = {n for n, is_full in zip(candidates, full) if is_full}
    return [is_full or (8 <= n <= 40 and any(abs(n - w) <= 1 for w in widths)) for n, is_full in zip(lengths, full)]


def is_letter_spaced(line: str) -> bool:
    """'中 国 车 企', '2 0 2 6 年': most space-separated pieces are single characters."""
    pieces = line.split()
    singles = sum(1 for piece in pieces if len(piece) == 1)
    return (len(pieces) >= 2 and singles == len(pieces)) or (len(pieces) >= 4 and singles >= 0.6 * len(pieces))


def _line_bounds(text: str) -> list[tuple[int, int]]:
    """Content bounds of every line: leading/trailing blanks and markdown markers excluded."""
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
        bounds.append((a, b))
        start += len(line) + 1
    return bounds


Piece = tuple[int, int] | tuple[str, int]  # a slice of the text to keep, or a replacement at an offset


def close_up(text: str, a: int, b: int) -> list[Piece]:
    """One line's content: a letter-spaced line loses the single spaces between its characters
    (a wider gap still separates words, unless the line is still letter-spaced then); other
    lines keep one space (or a tab, a column separator) per run of blanks."""
    spaced = is_letter_spaced(text[a:b])
    pieces = _gaps_replaced(text, a, b, drop_single=spaced, drop_wide=False)
    if spaced and is_letter_spaced(_joined(text, pieces)):
        pieces = _gaps_replaced(text, a, b, drop_single=True, drop_wide=True)
    return pieces


def _gaps_replaced(text: str, a: int, b: int, drop_single: bool, drop_wide: bool) -> list[Piece]:
    pieces: list[Piece] = []
    cursor = a
    for gap in GAP.finditer(text, a, b):
        pieces.append((cursor, gap.start()))
        left, right = text[gap.start() - 1], text[gap.end()]
        between_words = left.isascii() and left.isalpha() and right.isascii() and right.isalpha()
        drop = not between_words and "\t" not in gap.group() and (drop_wide if len(gap.group()) > 1 else drop_single)
        if not drop:
            pieces.append(("\t" if "\t" in gap.group() else " ", gap.start()))
        cursor = gap.end()
    pieces.append((cursor, b))
    return pieces


def _joined(text: str, pieces: list[Piece]) -> str:
    return "".join(text[p[0]:p[1]] if isinstance(p[0], int) else p[0] for p in pieces)


def _column_width(line: str) -> int:
    """A line's width as a column line, or 0 for one that cannot be a wrapped line: a table row,
    a line ending a sentence or a label (where a paragraph may well end), a field line
    (刊登日期:…, 联系电话:…), a title, or a signature line (the issuer, the date)."""
    if ("\t" in line or line[-1] in SENTENCE_END or FIELD_LINE.match(line) or TITLE_LINE.search(line)
            or SIGNATURE_LINE.fullmatch(line)):
        return 0
    return len(line)


def normalize(page_text: str, start: int = 0, end: int | None = None) -> Norm:
    """Normalize page_text[start:end]."""
    end = len(page_text) if end is None else end
    text = simplify_if_traditional(page_text[start:end].translate(FOLD))
    lines = [close_up(text, a, b) for a, b in _line_bounds(text) if b > a]
    joined = [_joined(text, line) for line in lines]
    full = full_lines([0 if "\t" in line else len(line) for line in joined], [_column_width(line) for line in joined])
    out: list[str] = []
    offsets = array("l")
    for i, line in enumerate(lines):
        if i and not full[i - 1]:
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
