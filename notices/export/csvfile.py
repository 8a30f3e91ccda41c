"""notices.csv and cases.csv for Excel, WPS and LibreOffice.

UTF-8 with a BOM (without it Excel reads the file as the local ANSI code page and Chinese turns
to mojibake), RFC 4180 quoting with CRLF line ends, and every cell that could start a formula
prefixed with a single quote; characters that act instead of being read (controls, bidi
overrides) are dropped.
"""
from __future__ import annotations

import csv
import io

from notices.inert import dropped, inert
from notices.model import Case, Notice

from .columns import CASE_COLUMNS, NOTICE_COLUMNS, Column, cell_text
from .common import neutralize, sorted_cases, sorted_notices


def csv_bytes(columns: list[Column], records: list) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([column.header for column in columns])
    for record in records:
        writer.writerow([neutralize(inert(cell_text(column.get(record)), dropped)) for column in columns])
    return buffer.getvalue().encode("utf-8-sig")


def notices_csv(notices: list[Notice], cases: list[Case] | None = None) -> bytes:
    """One row per notice, in (publication_date, page, span) order."""
    return csv_bytes(NOTICE_COLUMNS, sorted_notices(notices))


def cases_csv(notices: list[Notice] | None, cases: list[Case]) -> bytes:
    """One row per case, in key order."""
    return csv_bytes(CASE_COLUMNS, sorted_cases(cases))
