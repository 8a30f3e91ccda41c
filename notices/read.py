"""Page files to text: encodings, YAML front matter, HTML and PDF.

The decoded text is what every evidence offset points into, so it is never altered here
beyond decoding (HTML and PDF pages: the text extracted from them).
"""
from __future__ import annotations

import codecs
import datetime as dt
import functools
import html.parser
import os
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path

import regex

from notices.columns import in_column_order, side_by_side, widened_cells

PAGE_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".html", ".htm", ".pdf")
STDIN = "-"  # the page path that reads standard input
STDIN_NAME = "(standard input)"  # how records name that page
STDIN_LIMIT = 1 << 30  # a pipe from /dev/zero must end: no page is a gigabyte


class UnreadablePage(Exception):
    """The file is not a page we can read; the message says why, for the user."""


@dataclass(frozen=True)
class Page:
    text: str
    path: str
    page_date: dt.date | None = None
    notes: tuple[str, ...] = ()  # what the user should know of the reading: PDF pages not read
    doubt: str | None = None  # why the decoding may be wrong: the pipeline reports it


@dataclass(frozen=True)
class Decoded:
    text: str
    doubt: str | None = None


def decode(data: bytes) -> Decoded:
    """Bytes to text: a BOM wins, then UTF-8, then UTF-16 told by its NUL bytes, then GB18030 (a
    superset of GBK and GB2312) or Big5-HKSCS, whichever reads as common Chinese, then UTF-8 with
    a few broken bytes. A reading that may be wrong says why (`doubt`): never a silent guess."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as error:
                raise UnreadablePage(f"starts with a {codec} byte-order mark but is not {codec}: {error}") from None
            return Decoded(text, text_doubt(text, codec.upper()))
    text = as_text(data, "utf-8")
    if text is not None:
        return Decoded(text, text_doubt(text, "UTF-8"))
    utf16 = utf16_without_bom(data)
    if utf16 is not None:
        codec, text = utf16
        return Decoded(text, text_doubt(text, codec) or f"read as {codec} without a byte-order mark, "
                                                         "from where its NUL bytes fall")
    readings = [(codec, text) for codec in ("gb18030", "big5hkscs") if (text := as_text(data, codec)) is not None]
    if readings:  # GB18030 decodes Big5 bytes too, into rare characters: the reading in common ones wins
        codec, text = max(readings, key=lambda reading: common_share(reading[1], at_least=1) or 0.0)
        return Decoded(text, text_doubt(text, codec.upper()))
    damaged = data.decode("utf-8", errors="replace")
    broken = damaged.count("\ufffd")
    if broken <= max(1, len(data) // 1000) and looks_like_text(damaged):
        # UTF-8 with a few broken bytes (a cut transfer): read the rest, marked by U+FFFD
        return Decoded(damaged, f"read as UTF-8 with {broken} broken byte sequence{'s' if broken > 1 else ''} "
                                "(shown as U+FFFD)")
    if b"\x00" in data[:4096]:
        raise UnreadablePage("binary file (NUL bytes), not a text page")
    raise UnreadablePage("not text in UTF-8, UTF-16, GB18030 or Big5")


PRIVATE_USE = regex.compile(r"[\ue000-\uf8ff]")
RARE_SHARE = 0.8  # real notices score 0.95 and more, a wrong decoding 0.45 and less
HAN_TO_JUDGE = 20  # fewer Chinese characters than this say nothing of the encoding


def text_doubt(text: str, codec: str) -> str | None:
    """Why text read as codec may be wrong: control characters (a NUL in a text file), private-use
    or replacement characters, or mostly rare characters (mojibake), else None."""
    sample = text[:20000]
    doubts = [f"{what}: {count}" for what, pattern in (("control characters (NUL and the like)", CONTROL),
                                                     ("private-use characters", PRIVATE_USE),
                                                     ("replacement characters (U+FFFD)", REPLACEMENT))
              if (count := len(pattern.findall(sample)))]
    share = common_share(text)
    if share is not None and share < RARE_SHARE:
        doubts.append(f"mostly rare characters ({share:.0%} common ones): perhaps mojibake")
    return f"read as {codec}, but it holds " + "; ".join(doubts) if doubts else None


HAN = regex.compile(r"[\u4e00-\u9fff]")
REPLACEMENT = regex.compile("\ufffd")


@functools.cache
def level_one() -> frozenset[str]:
    """The 3,755 most common characters (GB 2312 level 1, rows 0xB0-0xD7)."""
    found = set()
    for row in range(0xB0, 0xD8):
        for cell in range(0xA1, 0xFF):
            try:
                found.add(bytes((row, cell)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return frozenset(found)


def common_share(text: str, sample: int = 2000, at_least: int = HAN_TO_JUDGE) -> float | None:
    """The share of Chinese characters that are among the most common (GB 2312 level 1),
    traditional ones counted by their simplified form: real text scores high, a wrong decoding's
    characters are rare ones. None when the sample has fewer Chinese characters than at_least."""
    han = HAN.findall(text[:sample])
    if len(han) < max(at_least, 1):
        return None
    common = level_one()
    rare = [ch for ch in han if ch not in common]
    if rare:
        from notices.normalize import to_simplified

        rare = [ch for ch in to_simplified("".join(rare)) if ch not in common]
    return 1 - len(rare) / len(han)


def utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """(codec, text) of UTF-16 without a byte-order mark: its ASCII characters put NUL bytes
    on one side of each pair far more often than its Chinese ones (一 is 4E00) on the other."""
    even, odd = data[0::2].count(0), data[1::2].count(0)
    pairs = len(data) // 2
    for codec, nuls, others in (("UTF-16-LE", odd, even), ("UTF-16-BE", even, odd)):
        # line breaks and digits alone are more than 1 in 100 characters; a stray NUL is not UTF-16
        text = as_text(data, codec) if nuls > 4 * others and nuls * 100 >= pairs else None
        if text is not None:
            return codec, text
    return None


def as_text(data: bytes, codec: str) -> str | None:
    """data decoded with codec, when that decodes it and gives text."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return text if looks_like_text(text) else None


CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f]")  # not \t \n \v \f \r


def looks_like_text(text: str) -> bool:
    """GB18030 decodes almost any bytes; real text has few control characters."""
    sample = text[:20000]
    return len(CONTROL.findall(sample)) <= len(sample) // 100


FRONT_MATTER = regex.compile(r"\A\ufeff?---[ \t]*\r?\n(?P<body>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", regex.DOTALL)
FRONT_MATTER_DATE = regex.compile(r"^date[ \t]*:[ \t]*['\"]?(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})", regex.MULTILINE)


def front_matter_date(text: str) -> dt.date | None:
    """The `date:` of a YAML front matter block, the page's date."""
    block = FRONT_MATTER.match(text)
    if not block:
        return None
    found = FRONT_MATTER_DATE.search(block.group("body"))
    if not found:
        return None
    try:
        return dt.date(int(found["y"]), int(found["m"]), int(found["d"]))
    except ValueError:
        return None


# Not inside a longer run of letters and digits (a hash like b5eb20260402ab is no date).
PATH_DATE = regex.compile(r"(?<!\d)(?P<y>20\d{2})[-_.]?(?P<m>[01]\d)[-_.]?(?P<d>[0-3]\d)(?![0-9A-Za-z])")


def path_date(path: str) -> dt.date | None:
    """An issue date in the file's path (e-paper archives: 2026-04-02/page07.txt, 20260402_07.txt)."""
    for found in reversed(list(PATH_DATE.finditer(path))):
        try:
            return dt.date(int(found["y"]), int(found["m"]), int(found["d"]))
        except ValueError:
            continue
    return None


@dataclass
class _Table:
    """Where the parser is in one table: the open cell's text (None between cells), its
    column, and the columns that cells of rows above still cover (rowspan) with the rows left."""

    cell: list[str] | None = None
    nested: bool = False  # the open cell holds a table: it lays out the page, it is no data cell
    column: int = 0
    covered: dict[int, int] = field(default_factory=dict)


class _HTMLText(html.parser.HTMLParser):
    """Visible text of an HTML page: block elements as line breaks, a table row as one line of
    tab-separated cells. A data cell's text is one line (its <br> and <p> are spaces); a cell of a
    layout table (one holding a table, or long text) keeps its lines. A cell a rowspan stretches
    over later rows is printed in them as 〃 (ditto, "as above"), so every row keeps its columns."""

    BLOCKS = {"p", "div", "br", "hr", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
              "blockquote", "dd", "dt", "dl", "header", "footer", "main", "nav", "aside", "pre", "address",
              "figcaption", "caption", "ul", "ol", "form", "fieldset"}
    HIDDEN = {"script", "style", "title", "noscript", "template"}  # not <head>: its end tag may be left out
    DITTO = "〃"
    DATA_CELL = 200  # characters: a longer cell is page layout, not a table's data

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.tables: list[_Table] = []

    def _out(self) -> list[str]:
        """Where text goes: the innermost open cell, else the page."""
        for table in reversed(self.tables):
            if table.cell is not None:
                return table.cell
        return self.parts

    def handle_starttag(self, tag, attrs):
        table = self.tables[-1] if self.tables else None
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag == "table":
            if table is not None and table.cell is not None:
                table.nested = True
            self._out().append("\n")
            self.tables.append(_Table())
        elif tag == "tr" and table is not None:
            self._close_cell(table)
            self._out().append("\n")
            table.column = 0
        elif tag in ("td", "th") and table is not None:
            self._close_cell(table)
            self._cover(table, until=None)
            if table.column:
                self._out().append("\t")
            rows = _int(dict(attrs).get("rowspan"))
            if rows > 1:
                table.covered[table.column] = rows - 1
            table.column += max(1, _int(dict(attrs).get("colspan")))
            table.cell, table.nested = [], False
        elif tag in self.BLOCKS:
            self._out().append("\n")

    def handle_endtag(self, tag):
        table = self.tables[-1] if self.tables else None
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag == "table" and table is not None:
            self._close_cell(table)
            self.tables.pop()
            self._out().append("\n")
        elif tag in ("td", "th") and table is not None:
            self._close_cell(table)
        elif tag == "tr" and table is not None:
            self._close_cell(table)
            self._cover(table, until=max(table.covered, default=-1) + 1)
            self._out().append("\n")
        elif tag in self.BLOCKS:
            self._out().append("\n")

    def _close_cell(self, table: _Table) -> None:
        if table.cell is None:
            return
        text = "".join(table.cell)
        if not table.nested and len(text.strip()) <= self.DATA_CELL:
            text = " ".join(text.split())
        table.cell = None
        self._out().append(text)

    def _cover(self, table: _Table, until: int | None) -> None:
        """Print 〃 for the columns, from the current one on, that a cell above still covers
        (up to `until`, or only those that come before the next cell of this row)."""
        while table.column in table.covered or (until is not None and table.column < until):
            rows = table.covered.pop(table.column, 0)
            if rows:
                if table.column:
                    self._out().append("\t")
                self._out().append(self.DITTO)
                if rows > 1:
                    table.covered[table.column] = rows - 1
            table.column += 1
            if until is None and table.column not in table.covered:
                break

    def handle_data(self, data):
        table = self.tables[-1] if self.tables else None
        if table is not None and table.cell is None and not data.strip():
            return  # the source's indentation between a table's rows and cells: no text of the page
        if not self.hidden:
            self._out().append(data)

    def close(self):
        super().close()
        while self.tables:
            self._close_cell(self.tables.pop())


def _int(value: str | None) -> int:
    try:
        return int(value or 1)
    except ValueError:
        return 1


def html_text(markup: str) -> str:
    parser = _HTMLText()
    parser.feed(markup)
    parser.close()
    return regex.sub(r"\n[ \t]*(?:\n[ \t]*)+", "\n\n", "".join(parser.parts)).strip() + "\n"


def pdf_text(data: bytes) -> tuple[str, tuple[str, ...]]:
    """The text of a PDF in reading order (notices.pdf), and notes on pages that have none. A
    PDF without any text layer (a scan) is unreadable here: it needs OCR."""
    from notices.pdf import pages_without_text
    from notices.pdf import pdf_text as ordered_text  # imported here: only PDF pages pay for pdfminer

    try:
        text = ordered_text(data)
    except Exception as error:  # pdfminer raises many types on damaged files
        raise UnreadablePage(f"PDF could not be read: {error}") from None
    blank = pages_without_text(text)
    pages = text.count("\f") or 1
    if len(blank) == pages:
        raise UnreadablePage(f"PDF has no text layer ({pages} page{'s' if pages > 1 else ''} of images): "
                             "it is a scan and needs OCR to be read")
    notes = (f"PDF page{'s' if len(blank) > 1 else ''} {', '.join(map(str, blank))} of {pages} "
             "have no text layer (images): not read, they need OCR",) if blank else ()
    return text, notes


HTML_START = regex.compile(r"\s*<(?:!doctype html|html|head|body|div|table|p|section|article|h[1-6]|meta)\b",
                           regex.IGNORECASE)
HTML_END_TAGS = regex.compile(r"</(?:td|tr|th|p|div|li|table)\s*>", regex.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """A page saved as .txt that is HTML: a whole document, or a fragment cut from a site (it
    starts with a block tag, or is full of closing tags: cells, paragraphs)."""
    return bool(HTML_START.match(text[:200])) or len(HTML_END_TAGS.findall(text[:20000])) >= 5


def page_from_bytes(data: bytes, path: str) -> Page:
    """A page from raw bytes; the suffix of `path` says HTML or PDF."""
    suffix = Path(path).suffix.lower()
    if suffix == ".pdf" or data.startswith(b"%PDF-"):
        text, notes = pdf_text(data)
        return Page(text, path, path_date(path), notes)
    decoded = decode(data)
    text = decoded.text
    if suffix in (".html", ".htm") or looks_like_html(text):
        text = html_text(text)
        return Page(text, path, front_matter_date(text) or path_date(path) or masthead_date(text), doubt=decoded.doubt)
    return replace(text_page(text, path), doubt=decoded.doubt)


def text_page(text: str, path: str) -> Page:
    """A page of plain text, read in column order, a padded table parted at its cells (notices.columns)."""
    beside = side_by_side(text)
    reordered = in_column_order(beside.text)
    notes = (f"{reordered.runs} run{'s' if reordered.runs > 1 else ''} of lines alternated between two columns "
             "(OCR read across the page): read one column after the other",) if reordered.runs else ()
    notes += (f"{beside.runs} run{'s' if beside.runs > 1 else ''} of lines held two columns side by side: "
              "read one column after the other",) if beside.runs else ()
    return Page(widened_cells(reordered.text), path, front_matter_date(text) or path_date(path) or masthead_date(text),
                notes)


MASTHEAD_LINES = 400  # characters: the paper's name, date and page number head the page


def masthead_date(text: str) -> dt.date | None:
    """The issue date a newspaper page prints at its head (notices.rules.structure.MASTHEAD)."""
    from notices.dates import DATE, chinese_number
    from notices.normalize import FOLD
    from notices.rules.structure import MASTHEAD

    found = MASTHEAD.search(text[:MASTHEAD_LINES].translate(FOLD))  # rules see folded digits and punctuation
    day = DATE.fullmatch(found.group("date")) if found else None
    if not day or not day.group("year"):
        return None
    try:
        return dt.date(*(chinese_number(day.group(part)) for part in ("year", "month", "day")))
    except (TypeError, ValueError):
        return None


def read_page(path: str | Path) -> Page:
    """Read one page file; UnreadablePage says why it cannot be."""
    return page_from_bytes(read_bytes(path), str(path))


def page_name(path: str | Path) -> str:
    """The name records give the page read from `path`."""
    return STDIN_NAME if str(path) == STDIN else str(path)


def read_bytes(path: str | Path) -> bytes:
    """The bytes of a regular file, or of standard input for `-`. A FIFO or a device (/dev/zero)
    would block or never end, a folder that cannot be listed holds pages nobody read: each is
    UnreadablePage, saying why."""
    if str(path) == STDIN:
        return _stdin_bytes()
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO opens without a writer
    except OSError as error:
        raise UnreadablePage(_folder_error(path) or error.strerror or str(error)) from None
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        if stat.S_ISDIR(mode):
            raise UnreadablePage(_folder_error(path) or "a folder, not a page file")
        raise UnreadablePage(f"not a regular file ({_KINDS.get(stat.S_IFMT(mode), 'special file')}): not read")
    with os.fdopen(descriptor, "rb") as file:
        return file.read()


def _stdin_bytes() -> bytes:
    import sys

    data = sys.stdin.buffer.read(STDIN_LIMIT + 1)
    if len(data) > STDIN_LIMIT:
        raise UnreadablePage(f"standard input is longer than {STDIN_LIMIT >> 20} MB: not a page, not read")
    return data


_KINDS = {stat.S_IFIFO: "a FIFO", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
          stat.S_IFSOCK: "a socket"}


def _folder_error(path: str | Path) -> str | None:
    """Why a folder cannot be listed, or None (not a folder, or it can be)."""
    if not os.path.isdir(path):
        return None
    try:
        os.listdir(path)
    except OSError as error:
        return f"folder cannot be read ({error.strerror or error}): its pages are not read"
    return None


def page_files(paths: list[str], skip: tuple[Path, ...] = ()) -> list[str]:
    """Expand directories into their page files (sorted, hidden files skipped, and the folders
    in `skip`: the tool's own exports are no newspaper pages); a file stays as given, so records
    name a page the way the user wrote it. A folder that cannot be listed stays in the list, so
    that reading it reports it like an unreadable file."""
    skipped = {os.path.realpath(folder) for folder in skip}
    found: list[str] = []
    for name in paths:
        if os.path.isdir(name):
            found.extend(_folder_pages(name, skipped))
        else:
            found.append(name)
    return found


def _folder_pages(folder: str, skipped: set[str]) -> list[str]:
    pages: list[Path] = []
    unlisted: list[str] = []
    if os.path.realpath(folder) in skipped:
        return []
    for parent, folders, files in os.walk(folder, onerror=lambda error: unlisted.append(error.filename)):
        folders[:] = [name for name in folders if not name.startswith(".")
                      and os.path.realpath(os.path.join(parent, name)) not in skipped]
        pages.extend(Path(parent, name) for name in files if not name.startswith(".")
                     and Path(name).suffix.lower() in PAGE_SUFFIXES and os.path.isfile(os.path.join(parent, name)))
    root = Path(folder)
    return [os.path.join(folder, page.relative_to(root).as_posix()) for page in sorted(pages)] + unlisted
