"""Page text made harmless for an output: what would act on a terminal, a spreadsheet or a
line-splitting reader instead of being read. One definition, used by every writer and by the
command line's streams."""
from __future__ import annotations

from collections.abc import Callable

import regex

# Characters page text may carry that act instead of being read: C0 controls but tab and line
# breaks (ESC starts terminal sequences), DEL, C1 controls (U+0085 ends a line for some readers),
# bidi marks, embeddings, overrides and isolates (U+202E reverses what follows), line and
# paragraph separators (U+2028 ends a line for JavaScript and for line-splitting JSON readers).
UNSAFE = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
LINE_BREAKS = regex.compile(r"[\t\n\r]")


def escaped(ch: str) -> str:
    """'\\x1b', '\\u202e': the character shown, not acting."""
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


def dropped(ch: str) -> str:
    return ""


def json_escaped(ch: str) -> str:
    """The JSON escape: the parsed string keeps the character, the line carries none raw."""
    return f"\\u{ord(ch):04x}"


def inert(text: str, replace: Callable[[str], str] = escaped) -> str:
    """Page text made harmless for an output: every UNSAFE character replaced (shown escaped by
    default; writers of data files drop or JSON-escape them). Every writer and the terminal use it."""
    return UNSAFE.sub(lambda found: replace(found[0]), text)


def one_line(text: str) -> str:
    """Text for one line of a message (a file name, a party): line breaks and tabs shown escaped too."""
    return LINE_BREAKS.sub(lambda found: escaped(found[0]), inert(text))
