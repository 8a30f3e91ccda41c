"""Page layouts real newspapers come in, made from a notice's plain text.

Each function takes text as printed and returns the same text laid out another way; the
extractor must find the same notices, with the same fields, in every layout (tests/test_layouts.py,
and `notices eval --layouts`, which scores a corpus set in each of them among news).
"""
from __future__ import annotations

import unicodedata

import opencc

FULL_WIDTH = {code: code + 0xFEE0 for code in range(0x21, 0x7F)}


def markdown(text: str) -> str:
    """'## 公告' headings and markdown hard breaks (two trailing spaces)."""
    lines = text.strip("\n").split("\n")
    if lines and len(lines[0]) <= 20 and lines[0].endswith(("公告", "告示", "送达书")):
        lines[0] = "## " + lines[0] + "\n"
    return "\n".join(line + "  " for line in lines) + "\n"


def ocr_column(text: str, width: int = 16) -> str:
    """Hard-wrapped every `width` characters, with a stray blank line now and then."""
    out = []
    for n, line in enumerate(text.strip("\n").split("\n")):
        chunks = [line[i:i + width] for i in range(0, len(line), width)] or [""]
        for k, chunk in enumerate(chunks):
            out.append(chunk)
            if (n + k) % 7 == 3:
                out.append("")
    return "\n".join(out) + "\n"


def letter_spaced(text: str) -> str:
    """A space between every two characters of a line."""
    return "\n".join(" ".join(line) for line in text.split("\n"))


def one_line(text: str) -> str:
    """The whole notice on one line, its lines separated by ideographic spaces."""
    return "\u3000".join(line.strip() for line in text.strip().split("\n") if line.strip())


def traditional(text: str) -> str:
    return opencc.OpenCC("s2t").convert(text)


def full_width(text: str) -> str:
    """ASCII digits, letters and punctuation printed full-width."""
    return text.translate(FULL_WIDTH)


def interleaved(*texts: str, width: int = 16) -> str:
    """Columns OCR read line by line across the page: the first line of each column, then the
    second of each, … (each text hard-wrapped `width` wide)."""
    columns = [[line for line in ocr_column(text, width).split("\n") if line] for text in texts]
    rows = max(map(len, columns), default=0)
    return "\n".join(column[k] for k in range(rows) for column in columns if k < len(column)) + "\n"


def side_by_side(left: str, right: str, width: int = 16, gap: int = 4) -> str:
    """Two columns printed beside each other on every line, as a page's text with its layout
    kept gives them: each hard-wrapped `width` wide, the left one padded with blanks (a table's
    tabs printed as blanks too)."""
    columns = [[line.replace("\t", "  ") for line in ocr_column(text, width).split("\n") if line] for text in (left, right)]
    span = max((_width(line) for line in columns[0]), default=0) + gap
    rows = max(map(len, columns), default=0)
    lines = []
    for k in range(rows):
        head = columns[0][k] if k < len(columns[0]) else ""
        tail = columns[1][k] if k < len(columns[1]) else ""
        lines.append((head + " " * (span - _width(head)) + tail).rstrip() if tail else head)
    return "\n".join(lines) + "\n"


def merged_across(left: str, right: str, width: int = 16) -> str:
    """Two columns OCR read across the page as one line each: a line of the left column, one
    blank, the line beside it (each hard-wrapped `width` wide)."""
    columns = [[line for line in ocr_column(text, width).split("\n") if line.strip()] for text in (left, right)]
    rows = max(map(len, columns), default=0)
    return "\n".join(" ".join(column[k] for column in columns if k < len(column)) for k in range(rows)) + "\n"


def _width(line: str) -> int:
    """Terminal columns: a CJK or full-width character takes two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line)


LAYOUTS = {
    "markdown": markdown,
    "ocr_column": ocr_column,
    "letter_spaced": letter_spaced,
    "one_line": one_line,
    "traditional": traditional,
    "full_width": full_width,
}

NEWS = (
    "开源大模型能否赶超闭源大模型\n\n在很多人看来，马斯克状告OpenAI背后的动机并不“纯洁”，可能是出于嫉妒或者商业利益的考虑，"
    "获胜的概率不大。双方的这场“互撕”，反映的是生成式人工智能中的一个争议性话题。\n\n"
    "12月26日消息，宁德时代发布公告，公司于2024年12月26日召开了董事会会议，审议通过相关议案。\n"
)


def on_news_page(*notices: str) -> str:
    """Notices printed between news stories."""
    return NEWS + "\n" + "\n\n".join(n.strip("\n") for n in notices) + "\n\n" + NEWS
