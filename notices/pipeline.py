"""The whole pipeline for one page: read → normalize → segment → extract → derive."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from notices.extract import extract_block
from notices.model import Notice
from notices.read import Page, UnreadablePage, page_files, page_from_bytes
from notices.segment import segment


@dataclass(frozen=True)
class PageResult:
    page: str
    notices: list[Notice] = field(default_factory=list)
    page_date: dt.date | None = None
    error: str | None = None  # the page could not be read: why


def derive(notice: Notice) -> Notice:
    """Computed dates (deadlines module), then the stable id."""
    from notices.deadlines import derive as add_deadlines

    return add_deadlines(notice).with_id()


def extract_text(text: str, page: str = "<text>", page_date: dt.date | None = None) -> list[Notice]:
    """Every notice in a page's decoded text."""
    return [derive(notice) for block in segment(text) for notice in extract_block(block, page, page_date)]


def extract_page(path: str | Path) -> PageResult:
    """Every notice of one page file; an unreadable file gives a result with its error."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        return PageResult(str(path), error=error.strerror or str(error))
    return extract_bytes(data, str(path))


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
    return PageResult(page.path, notices, page.page_date)


def iter_page_files(paths: list[str]) -> list[str]:
    return page_files(paths)
