"""What the command groups share: the page files named on the command line, the table width,
the terminal streams that page text cannot act through."""
from __future__ import annotations

import difflib
import shutil
import sys
from pathlib import Path

EXIT_NO_PAGES = 4  # no page file in the paths given: nothing was read or written


def counted(n: int, noun: str) -> str:
    """'1 page', '2 pages'."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def existing_page_files(paths: list[str], skip: tuple[Path, ...] = ()) -> list[str]:
    """The page files of `paths` (directories expanded, the folders in `skip` left out); a path
    that does not exist is bad use."""
    from notices.cli import UsageError  # notices.cli imports the command modules: import late
    from notices.inert import one_line
    from notices.pipeline import iter_page_files
    from notices.read import STDIN

    missing = [path for path in paths if path != STDIN and not Path(path).exists()]
    if missing:
        raise UsageError(f"no such file or directory: {', '.join(map(one_line, missing))}")
    files = iter_page_files(paths, skip)
    if not files:
        print(f"notices: no page files in {', '.join(map(one_line, paths))}", file=sys.stderr)
    return files


def did_you_mean(word: str, choices) -> str:
    """"; did you mean 'extract'?" for a mistyped word, or "" when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.75)
    return f"; did you mean {close[0]!r}?" if close else ""


def add_calendar_option(parser) -> None:
    parser.add_argument("--calendar", action="append", type=Path, default=[], metavar="FILE",
                        help="a holiday schedule file ('YYYY-MM-DD<TAB>rest|work' lines, '# source: …') for a year "
                             "the State Council has published since this release; may be given more than once")


def add_jobs_option(parser) -> None:
    from notices.parallel import available_cores

    parser.add_argument("--jobs", type=positive, default=available_cores(), metavar="N",
                        help="pages extracted at once, each in a process of its own (default: the cores "
                             f"available, {available_cores()} here); the records are the same for any N")


def positive(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, not {text!r}")
    return value


def use_calendar(args) -> None:
    """The --calendar files, and every other schedule file, read before any date is counted; a
    file that cannot be read is bad use."""
    from notices.cli import UsageError
    from notices.workdays import CalendarError, use_schedule_files

    try:
        use_schedule_files(args.calendar)
    except CalendarError as error:
        raise UsageError(str(error)) from None


def terminal_width() -> int | None:
    """The terminal's width for a table; None when output goes to a pipe, which gets it all."""
    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None


class InertText:
    """A text stream (stdout, stderr) through which page text cannot act on the terminal: ESC,
    BEL, a bidi override in a party name are shown as their codes (notices.inert). Every
    message goes through it; binary output (csv, jsonl to a pipe) goes to `buffer`, made safe by
    its writer."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        from notices.inert import inert

        self._stream.write(inert(text))
        return len(text)

    def __getattr__(self, name):  # flush, buffer, isatty, encoding: the stream's own
        return getattr(self._stream, name)
