"""notices.xlsx: notices, cases, hearings and computed dates, one sheet each.

Dates are date cells and counts number cells; every other cell is an explicit string, so a case
number or a phone number never turns into a number and loses its zeros, and newspaper text that
could start a formula is prefixed with a quote as in the CSV. Each sheet starts with the columns
a reviewer knows a row by, frozen with the header. The bytes are reproducible: document
properties carry a time derived from the data, the zip entries a fixed date, and the XML comes
from openpyxl's standard-library writer whether or not lxml is installed (notices/__init__.py).
"""
from __future__ import annotations

import datetime as dt
import io
import zipfile

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from notices.inert import dropped, inert
from notices.model import Case, Notice

from .columns import CASE_COLUMNS, COMPUTED_COLUMNS, HEARING_COLUMNS, NOTICE_COLUMNS, Cell, Column
from .common import data_timestamp, display_width, neutralize, sorted_cases, sorted_notices
from .hearings import all_hearings, computed_dates

ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can hold
MAX_CELL_CHARS = 32767  # Excel's limit for one cell
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
MIN_WIDTH, MAX_WIDTH = 8, 60

def safe_text(value: str) -> str:
    """Text a worksheet accepts: no control characters, within the cell limit, no formula."""
    text = inert(ILLEGAL_CHARACTERS_RE.sub("", value), dropped)
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - 1] + "…"
    return neutralize(text)


def set_cell(sheet: Worksheet, row: int, column: int, value: Cell) -> None:
    if value is None:
        return
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, dt.datetime):
        cell.value, cell.number_format = value.replace(tzinfo=None), DATETIME_FORMAT
    elif isinstance(value, dt.date):
        cell.value, cell.number_format = value, DATE_FORMAT
    elif isinstance(value, int):
        cell.value = value
    else:
        cell.value = safe_text(str(value))
        cell.data_type = "s"  # explicit: openpyxl would read '=…' as a formula, '#N/A' as an error


def cell_width(value: Cell) -> int:
    """Columns a value needs: CJK characters count double; the longest line of a text counts."""
    if value is None:
        return 0
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    return max((display_width(line) for line in str(value).splitlines()), default=0)


def leading(columns: list[Column], names: tuple[str, ...]) -> list[Column]:
    """The columns with those named moved to the front, in the order named."""
    first = [column for name in names for column in columns if column.name == name]
    return first + [column for column in columns if column not in first]


def fill_sheet(sheet: Worksheet, columns: list[Column], records: list, frozen: int) -> None:
    """The header row and the first `frozen` columns stay in view."""
    bold = Font(bold=True)
    widths = []
    for index, column in enumerate(columns, start=1):
        set_cell(sheet, 1, index, column.header)
        sheet.cell(row=1, column=index).font = bold
        widths.append(cell_width(column.header))
    for row, record in enumerate(records, start=2):
        for index, column in enumerate(columns, start=1):
            value = column.get(record)
            set_cell(sheet, row, index, value)
            widths[index - 1] = max(widths[index - 1], cell_width(value))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width, MIN_WIDTH), MAX_WIDTH) + 2
    sheet.freeze_panes = f"{get_column_letter(frozen + 1)}2"
    last = f"{get_column_letter(len(columns))}{max(len(records) + 1, 1)}"
    sheet.auto_filter.ref = f"A1:{last}"


def build_workbook(notices: list[Notice], cases: list[Case]) -> Workbook:
    workbook = Workbook()
    stamp = data_timestamp(notices).replace(tzinfo=None)  # openpyxl takes naive UTC
    workbook.properties.created = workbook.properties.modified = stamp
    workbook.properties.creator = workbook.properties.lastModifiedBy = "notices"
    sheets = [  # title, columns, the key columns that lead and stay in view, records
        ("公告 Notices", NOTICE_COLUMNS, ("case_numbers", "respondents"), sorted_notices(notices)),
        ("案件 Cases", CASE_COLUMNS, ("case_number", "respondents"), sorted_cases(cases)),
        ("开庭 Hearings", HEARING_COLUMNS, ("start", "case_number"), all_hearings(notices, cases)),
        ("计算日期 Computed dates", COMPUTED_COLUMNS, ("date", "case_numbers"), computed_dates(notices)),
    ]
    workbook.remove(workbook.active)
    for title, columns, key, records in sheets:
        fill_sheet(workbook.create_sheet(title), leading(columns, key), records, frozen=len(key))
    return workbook


def fixed_zip(data: bytes) -> bytes:
    """The same archive with every entry dated ZIP_DATE: zipfile stamps entries with the clock."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return buffer.getvalue()


def notices_xlsx(notices: list[Notice], cases: list[Case]) -> bytes:
    buffer = io.BytesIO()
    # ExcelWriter, not Workbook.save: save() overwrites the modified property with the clock.
    ExcelWriter(build_workbook(notices, cases), zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    return fixed_zip(buffer.getvalue())
