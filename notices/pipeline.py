"""The whole pipeline for one page: read → normalize → segment → extract → derive."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from notices.extract import extract_block
from notices.cases import case_key
from notices.model import Excerpt, Notice, Problem, moment_day
from notices.read import Page, UnreadablePage, page_files, page_from_bytes, page_name, read_bytes
from notices.segment import segment


CONTEXT_CHARS = 200  # page text kept either side of a notice, for the review page


@dataclass(frozen=True)
class PageResult:
    page: str
    notices: list[Notice] = field(default_factory=list)
    page_date: dt.date | None = None
    error: str | None = None  # the page could not be read: why
    notes: tuple[str, ...] = ()  # read, but with something the user should know (PDF pages not read)


def derive(notice: Notice) -> Notice:
    """Computed dates (deadlines module), then the stable id."""
    from notices.deadlines import derive as add_deadlines

    return add_deadlines(notice).with_id()


def extract_text(text: str, page: str = "<text>", page_date: dt.date | None = None) -> list[Notice]:
    """Every notice in a page's decoded text; a notice printed twice on the page is one record."""
    notices: list[Notice] = []
    previous = None  # the day of the last hearing read: a run of hearing sentences goes on with 同日, 次日
    for block in segment(text):
        for notice in extract_block(block, page, page_date, previous):
            notices.append(derive(notice).model_copy(update={"context": context(text, notice.span)}))
            previous = moment_day(notice.hearing_datetime) if notice.hearing_datetime else previous
    return without_reprints(notices)


def context(text: str, span: tuple[int, int]) -> Excerpt:
    start = max(0, span[0] - CONTEXT_CHARS)
    return Excerpt(start=start, text=text[start:span[1] + CONTEXT_CHARS])


def without_reprints(notices: list[Notice]) -> list[Notice]:
    """A notice the page prints twice (a site's page that repeats it, the second copy perhaps
    cut off) is one record: the fuller one, with a problem that says where the other copy is."""
    kept: list[Notice] = []
    by_cases: dict[frozenset[str], list[int]] = {}
    for notice in notices:
        keys = frozenset(case_key(number) for number in notice.case_numbers)
        twin = next((i for i in by_cases.get(keys, []) if _same_notice(kept[i], notice)), None) if keys else None
        if twin is None:
            by_cases.setdefault(keys, []).append(len(kept))
            kept.append(notice)
            continue
        fuller, other = sorted((kept[twin], notice), key=_fullness, reverse=True)
        kept[twin] = fuller.model_copy(update={"problems": [*fuller.problems, Problem(
            code="printed_twice", message=f"the page prints this notice again at {list(other.span)}",
            span=other.span)]})
    return kept


def _same_notice(a: Notice, b: Notice) -> bool:
    """One notice printed twice (the same case numbers: the caller looks only among those):
    nothing tells the two apart (other parties, another hearing, another issuer); a copy cut
    off may lack some of them."""
    return (_alike(set(a.respondents), set(b.respondents)) and _alike(a.hearing_datetime, b.hearing_datetime)
            and _alike(a.authority, b.authority))


def _alike(x, y) -> bool:
    return x == y or not x or not y


def _fullness(notice: Notice) -> tuple:
    filled = sum(bool(getattr(notice, name)) for name in ("authority", "respondents", "claimants", "case_numbers",
                                                           "dispute_type", "hearing_datetime", "venue",
                                                           "publication_date", "documents"))
    return (filled, -notice.span[0])


def extract_page(path: str | Path) -> PageResult:
    """Every notice of one page file; an unreadable file gives a result with its error."""
    try:
        data = read_bytes(path)
    except UnreadablePage as error:
        return PageResult(page_name(path), error=str(error))
    return extract_bytes(data, page_name(path))


def extract_bytes(data: bytes, path: str) -> PageResult:
    """Every notice of a page's bytes, named by path; unreadable bytes give a result with the error."""
    try:
        page: Page = page_from_bytes(data, path)
    except UnreadablePage as error:
        return PageResult(path, error=str(error))
    try:
        notices = extract_text(page.text, page.path, page.page_date)
    except Exception as error:  # a bug met on this page must not stop the batch: report it, go on
        return PageResult(page.path, page_date=page.page_date,
                          error=f"extraction failed ({type(error).__name__}: {error}); please report this page")
    if page.doubt and not notices:  # perhaps a notice page read wrong: not to be taken as read and clean
        return PageResult(page.path, page_date=page.page_date,
                          error=f"{page.doubt}; no notice found in it: check the file's encoding")
    notes = (page.doubt,) if page.doubt else ()
    return PageResult(page.path, notices, page.page_date, notes=notes + page.notes)


def iter_page_files(paths: list[str], skip: tuple[Path, ...] = ()) -> list[str]:
    return page_files(paths, skip)
