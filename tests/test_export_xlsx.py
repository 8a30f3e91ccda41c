"""notices.xlsx, read back with zipfile + ElementTree (not openpyxl, which wrote it) and by LibreOffice."""
from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from export_fixtures import (
    ARBITRATION_CASE,
    COURT_CASE,
    HOSTILE_RESPONDENT,
    PHONE,
    RELATIVE_CASE,
    SHEET_NS,
    all_cases,
    all_notices,
    hostile_notice,
    read_xlsx,
    soffice_convert,
)

from notices.export.xlsx import MAX_WIDTH, notices_xlsx

SHEETS = ["公告 Notices", "案件 Cases", "开庭 Hearings", "计算日期 Computed dates"]
EXCEL_EPOCH = dt.datetime(1899, 12, 30)


def workbook() -> bytes:
    return notices_xlsx(all_notices(), all_cases())


def records(sheet: list) -> list[dict]:
    header = [text for _, text, _ in sheet[0]]
    return [dict(zip(header, row)) for row in sheet[1:]]


def date_styles(data: bytes) -> dict[int, str]:
    """Style index -> number format code, for the styles that format dates."""
    root = ET.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("xl/styles.xml"))
    codes = {int(f.get("numFmtId")): f.get("formatCode") for f in root.iterfind("m:numFmts/m:numFmt", SHEET_NS)}
    styles = {}
    for index, xf in enumerate(root.iterfind("m:cellXfs/m:xf", SHEET_NS)):
        code = codes.get(int(xf.get("numFmtId", "0")), "")
        if "yy" in code:
            styles[index] = code
    return styles


def sheet_xml(data: bytes, number: int) -> ET.Element:
    return ET.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(f"xl/worksheets/sheet{number}.xml"))


def test_four_sheets_in_order():
    assert list(read_xlsx(workbook())) == SHEETS


COUNT_HEADERS = {"起始位置 Span start", "结束位置 Span end", "改期次数 Times moved", "见报次数 Sightings"}


def test_every_cell_is_text_except_dates_and_counts():
    data = workbook()
    dates = date_styles(data)
    kinds = {"date": 0, "count": 0}
    for sheet in read_xlsx(data).values():
        header = [text for _, text, _ in sheet[0]]
        for row in sheet[1:]:
            for name, (kind, text, style) in zip(header, row):
                if name in COUNT_HEADERS:
                    assert kind == "n" and style not in dates and text.isdigit(), (name, text)
                    kinds["count"] += 1
                elif kind == "n":
                    assert style in dates, (text, style)
                    kinds["date"] += 1
                else:
                    assert kind in ("s", ""), (kind, text)
    assert kinds["date"] > 20 and kinds["count"] > 20  # dates, hearing times; spans, sightings


def test_dates_are_date_cells_with_a_format():
    data = workbook()
    notices = records(read_xlsx(data)["公告 Notices"])
    row = next(r for r in notices if r["案号 Case numbers"][1] == COURT_CASE)
    kind, serial, style = row["开庭时间(北京时间) Hearing (UTC+8)"]
    assert kind == "n" and date_styles(data)[style] == "yyyy-mm-dd hh:mm"
    assert EXCEL_EPOCH + dt.timedelta(days=float(serial)) == dt.datetime(2026, 7, 15, 9, 0)
    kind, serial, style = row["公告日期 Published"]
    assert (kind, EXCEL_EPOCH + dt.timedelta(days=int(serial))) == ("n", dt.datetime(2026, 4, 2))


def test_case_numbers_and_phone_stay_strings():
    notices = records(read_xlsx(workbook())["公告 Notices"])
    cells = {cell[:2] for row in notices for cell in row.values()}
    assert {("s", ARBITRATION_CASE), ("s", COURT_CASE), ("s", PHONE)} <= cells
    spans = [row["起始位置 Span start"] for row in notices]
    assert all(kind == "n" for kind, _, _ in spans)  # a count sorts and sums as a number


def test_hostile_notice_is_neutralized_and_never_a_formula():
    data = workbook()
    sheets = read_xlsx(data)
    row = next(r for r in records(sheets["公告 Notices"]) if r["编号 ID"][1] == hostile_notice().id)
    assert row["被申请人/被告 Respondents"][:2] == ("s", "'" + HOSTILE_RESPONDENT + "；@SUM(1+1)*cmd|' /C calc'!A0")
    assert row["发布机关 Authority"][:2] == ("s", "'=cmd|' /C calc'!A0")
    assert row["案号 Case numbers"][:2] == ("s", "'-2+3")
    assert row["送达文书 Documents"][:2] == ("s", "#N/A")  # text, not an error value
    assert "\x1b" not in row["公告原文 Notice text"][1] and "\x07" not in row["公告原文 Notice text"][1]
    assert all(cell[0] != "formula" for sheet in sheets.values() for r in sheet for cell in r)


def test_key_columns_lead_and_stay_in_view_with_the_header():
    data = workbook()
    sheets = read_xlsx(data)
    leading = [[text for _, text, _ in sheet[0][:2]] for sheet in sheets.values()]
    assert leading == [["案号 Case numbers", "被申请人/被告 Respondents"], ["案号 Case number", "被申请人/被告 Respondents"],
                       ["开庭时间(北京时间) Hearing (UTC+8)", "案号 Case number"], ["日期 Date", "案号 Case numbers"]]
    for number in range(1, 5):
        pane = sheet_xml(data, number).find("m:sheetViews/m:sheetView/m:pane", SHEET_NS)
        assert (pane.get("state"), pane.get("topLeftCell"), pane.get("xSplit"), pane.get("ySplit")) == (
            "frozen", "C2", "2", "1")


def test_autofilter_and_widths():
    data = workbook()
    root = sheet_xml(data, 1)
    assert root.find("m:autoFilter", SHEET_NS).get("ref") == f"A1:U{len(all_notices()) + 1}"
    widths = [float(col.get("width")) for col in root.iterfind("m:cols/m:col", SHEET_NS)]
    assert len(widths) == 21 and max(widths) <= MAX_WIDTH + 2
    # Respondents: 李建国；青岛鑫源建材有限公司 is 14 CJK characters, 28 columns wide.
    assert widths[1] >= 28
    assert widths[3] < widths[1]  # a date column (Published) stays narrow


def test_hearings_and_computed_sheets():
    sheets = read_xlsx(workbook())
    hearings = records(sheets["开庭 Hearings"])
    printed = [r for r in hearings if not r["计算 Computed"][1]]
    computed_hearings = [r for r in hearings if r["计算 Computed"][1]]
    assert len(printed) == 3  # a hearing the notice sets relative to its periods is one more, marked
    assert [r["案号 Case number"][1] for r in computed_hearings] == [RELATIVE_CASE]
    assert computed_hearings[0]["计算 Computed"][1].startswith("[计算]")
    moved = next(r for r in hearings if r["案号 Case number"][1] == ARBITRATION_CASE)
    assert moved["改期次数 Times moved"][:2] == ("n", "1")
    assert moved["改期自 Moved from"][1] == "2026-06-09 14:00"
    computed = records(sheets["计算日期 Computed dates"])
    assert len(computed) == sum(len(n.deadlines) for n in all_notices())
    assert {r["类型 Kind"][1] for r in computed} >= {"视为送达 deemed_service", "起诉期限 last_day_to_sue"}


def test_bytes_are_reproducible():
    first, second = workbook(), workbook()
    assert first == second
    archive = zipfile.ZipFile(io.BytesIO(first))
    assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    core = archive.read("docProps/core.xml").decode()
    # Midnight China time of the latest publication date (2026-04-10), in UTC.
    assert core.count("2026-04-09T16:00:00Z") == 2


def test_bytes_do_not_depend_on_lxml(tmp_path):
    """openpyxl writes other XML with lxml installed; hidden or not, the workbook is the same."""
    script = ("import sys\n{hide}from export_fixtures import all_cases, all_notices\n"
              "from notices.export.xlsx import notices_xlsx\n"
              "sys.stdout.buffer.write(notices_xlsx(all_notices(), all_cases()))\n")
    tests = Path(__file__).parent
    outputs = [subprocess.run([sys.executable, "-c", script.format(hide=hide)], cwd=tests, capture_output=True,
                              check=True, timeout=120, env={**os.environ, "OPENPYXL_LXML": "True"}).stdout
               for hide in ("", "sys.modules['lxml'] = None\n")]
    assert outputs[0] == outputs[1] and outputs[0][:2] == b"PK"


def test_libreoffice_opens_the_workbook(tmp_path):
    source = tmp_path / "notices.xlsx"
    source.write_bytes(workbook())
    converted = soffice_convert(source, "csv:Text - txt - csv (StarCalc):44,34,76,1", tmp_path)
    text = converted.read_bytes().decode("utf-8")
    assert ARBITRATION_CASE in text and COURT_CASE in text
    assert f',"{PHONE}",' in text  # LibreOffice quotes text cells, and only those:
    assert ",2026-03-25," in text  # the dates it read as dates
    assert "'=HYPERLINK" in text
