"""Page text to normalized text, with a map back to the page.

Every rule downstream assumes the normalized form: full-width ASCII folded to ASCII, no
markdown markers, no stray spaces between letter-spaced characters, the lines of a
hard-wrapped column joined, simplified characters. `Norm.page_span` turns a span of the
normalized text back into the span of the page text it came from.
"""
from __future__ import annotations

import statistics
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
SENTENCE_END = "。!?！？:：;；」』”"


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
    probe = text[:sample] + text[middle:middle + sample] + text[-sample:]
    han = len(HAN.findall(probe))
    if han < 4:
        return text
    changed = sum(1 for a, b in zip(probe, to_simplified(probe)) if a != b)
    return to_simplified(text) if changed >= max(3, han // 50) else text


def wrap_width(lengths: list[int]) -> int | None:
    """The column width of hard-wrapped OCR text, or None when lines are paragraphs.

    Only short lines count (a paragraph line is no column; a table row or a line that ends a
    sentence, given as 0, neither);
    a column shows as most of them being full, many to within two characters of the same width."""
    short = sorted(n for n in lengths if 0 < n <= 40)
    if len(short) < 3 or (len(short) < 6 and len(short) < 0.6 * len(lengths)):
        return None
    width = short[int(len(short) * 0.8)]
    if statistics.median(short) < 6:
        return None
    full = sum(1 for n in short if 0.75 * width <= n <= width + 1)
    exact = sum(1 for n in short if abs(n - width) <= 2)
    if full < len(short) * 0.5 or exact < len(short) * 0.5:
        return None
    # A column wraps paragraphs over several lines of one width; a notice's short lines
    # (addressee, 特此公告, issuer, date) only happen to be alike.
    run = longest = 0
    for n in lengths:
        run = run + 1 if n and abs(n - width) <= 2 else 0
        longest = max(longest, run)
    return width if longest >= 3 else None


def is_full(length: int, width: int | None) -> bool:
    """A line that fills its column continues on the next line."""
    return bool(width) and 0.75 * width <= length <= width + 1


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
        while a < b and text[a] in " \t":
            a += 1
        lead = MARKDOWN_LEAD.match(text, a, b)
        while lead and lead.end() > a:
            a = lead.end()
            lead = MARKDOWN_LEAD.match(text, a, b)
        while b > a and text[b - 1] in " \t":
            b -= 1
        bounds.append((a, b))
        start += len(line) + 1
    return bounds


def normalize(page_text: str, start: int = 0, end: int | None = None) -> Norm:
    """Normalize page_text[start:end]."""
    end = len(page_text) if end is None else end
    text = simplify_if_traditional(page_text[start:end].translate(FOLD))
    bounds = [(a, b) for a, b in _line_bounds(text) if b > a]
    width = wrap_width([0 if "\t" in text[a:b] or text[b - 1] in "。!?" else b - a for a, b in bounds])
    pieces: list[str] = []
    offsets = array("l")

    def keep(a: int, b: int) -> None:
        pieces.append(text[a:b])
        offsets.extend(range(start + a, start + b))

    def put(s: str, at: int) -> None:
        pieces.append(s)
        offsets.extend([start + at] * len(s))

    previous: tuple[int, int] | None = None
    for a, b in bounds:
        if previous is not None:
            pa, pb = previous
            if not (is_full(pb - pa, width) and "\t" not in text[pa:pb]):
                put("\n", pb)
        _keep_line(text, a, b, keep, put)
        previous = (a, b)
    return Norm("".join(pieces), offsets, end)


def _keep_line(text: str, a: int, b: int, keep, put) -> None:
    """One line's content: letter-spaced lines lose the single spaces between characters (a
    wider gap still separates words), other lines keep one space (or a tab, a column
    separator) per run."""
    spaced = is_letter_spaced(text[a:b])
    cursor = a
    for gap in GAP.finditer(text, a, b):
        keep(cursor, gap.start())
        left, right = text[gap.start() - 1], text[gap.end()]
        between_words = left.isascii() and left.isalpha() and right.isascii() and right.isalpha()
        if not (spaced and gap.group() == " " and not between_words):
            put("\t" if "\t" in gap.group() else " ", gap.start())
        cursor = gap.end()
    keep(cursor, b)
