"""Hand-built notices and cases for the export tests: what the extractor, the deadline rules
and the store would give for a few realistic pages, plus one hostile notice.

Case 青黄劳人仲案字[2026]第2888号 is heard on 2026-06-09 14:00, then a later notice moves the
hearing to 2026-06-23 09:30; the notice of 青岛蓝海餐饮 prints no case number.
"""
from __future__ import annotations

import datetime as dt

from notices.model import CHINA_TZ, Case, CaseEvent, Deadline, Notice, Problem

ARBITRATION_CASE = "青黄劳人仲案字[2026]第2888号"
COURT_CASE = "（2025）鲁0211民初1234号"
AWARD_CASE = "京朝劳人仲字[2026]第01234号"
RELATIVE_CASE = "（2026）浙0110民初5678号"
PHONE = "0532-88187720"
FIRST_HEARING = dt.datetime(2026, 6, 9, 14, 0, tzinfo=CHINA_TZ)
MOVED_HEARING = dt.datetime(2026, 6, 23, 9, 30, tzinfo=CHINA_TZ)
COURT_HEARING = dt.datetime(2026, 7, 15, 9, 0, tzinfo=CHINA_TZ)
NO_NUMBER_HEARING = dt.datetime(2026, 5, 20, 9, 0, tzinfo=CHINA_TZ)
ARBITRATION_VENUE = f"青岛市黄岛区长江中路216号, 仲裁院三楼第一仲裁庭; 联系电话{PHONE}"
COURT_VENUE = "青岛市黄岛区人民法院第十二法庭\n（黄岛区峨眉山路1号，近地铁13号线; 请携带身份证件原件及本公告）"
HOSTILE_RESPONDENT = '=HYPERLINK("http://evil.example/x","点击查看")'

DEEMED_RULE_ARBITRATION = "劳动人事争议仲裁办案规则(2017) 第22条"
DEEMED_RULE_COURT = "民事诉讼法(2023) 第95条"


def evidence(text: str, base: int, **values: str) -> dict[str, list[tuple[int, int]]]:
    """Spans in the page, taking the notice text to start at page offset `base`."""
    spans = {}
    for field, value in values.items():
        start = text.index(value)
        spans[field] = [(base + start, base + start + len(value))]
    return spans


def deadline(kind: str, date: dt.date, rule: str, basis: str, **extra) -> Deadline:
    return Deadline(kind=kind, date=date, rule=rule, basis=basis, **extra)


def arbitration_hearing() -> Notice:
    text = (
        "青岛市黄岛区劳动人事争议仲裁委员会公告\n青岛海润达国际贸易有限公司：本委受理张晓梅与你单位劳动报酬争议一案"
        f"（{ARBITRATION_CASE}），因无法向你单位直接送达，依法向你单位公告送达仲裁申请书副本、开庭通知书、举证通知书。"
        "自公告之日起经过三十日即视为送达。答辩期为送达后十日。本案定于2026年6月9日14时00分在"
        f"{ARBITRATION_VENUE}开庭审理，逾期不到庭将依法缺席裁决。\n二〇二六年三月二十五日"
    )
    base = 1200
    return Notice(
        page="seeds/qingdao_daily_2026-03-25_p07.txt",
        span=(base, base + len(text)),
        notice_type="hearing",
        authority="青岛市黄岛区劳动人事争议仲裁委员会",
        respondents=["青岛海润达国际贸易有限公司"],
        claimants=["张晓梅"],
        case_numbers=[ARBITRATION_CASE],
        dispute_type="劳动报酬争议",
        hearing_datetime=FIRST_HEARING,
        venue=ARBITRATION_VENUE,
        publication_date=dt.date(2026, 3, 25),
        documents=["仲裁申请书副本", "开庭通知书", "举证通知书"],
        deadlines=[
            deadline("deemed_service", dt.date(2026, 4, 24), DEEMED_RULE_ARBITRATION,
                     "published 2026-03-25; 30 days stated in the notice; start day not counted"),
            deadline("answer_deadline", dt.date(2026, 5, 4), "劳动争议调解仲裁法(2008) 第30条",
                     "deemed served 2026-04-24; 10 days stated in the notice"),
        ],
        evidence=evidence(text, base, authority="青岛市黄岛区劳动人事争议仲裁委员会",
                          respondents="青岛海润达国际贸易有限公司", claimants="张晓梅",
                          case_numbers=ARBITRATION_CASE, hearing_datetime="2026年6月9日14时00分",
                          venue=ARBITRATION_VENUE, publication_date="二〇二六年三月二十五日"),
        text=text,
    ).with_id()


def moved_hearing() -> Notice:
    text = (
        f"青岛市黄岛区劳动人事争议仲裁委员会公告\n青岛海润达国际贸易有限公司：张晓梅与你单位劳动报酬争议一案（{ARBITRATION_CASE}），"
        f"原定于2026年6月9日14时的开庭改期至2026年6月23日9时30分，地点不变（{ARBITRATION_VENUE}）。\n二〇二六年四月十日"
    )
    base = 300
    return Notice(
        page="seeds/qingdao_daily_2026-04-10_p06.txt",
        span=(base, base + len(text)),
        notice_type="hearing",
        authority="青岛市黄岛区劳动人事争议仲裁委员会",
        respondents=["青岛海润达国际贸易有限公司"],
        claimants=["张晓梅"],
        case_numbers=[ARBITRATION_CASE],
        dispute_type="劳动报酬争议",
        hearing_datetime=MOVED_HEARING,
        venue=ARBITRATION_VENUE,
        publication_date=dt.date(2026, 4, 10),
        evidence=evidence(text, base, case_numbers=ARBITRATION_CASE, hearing_datetime="2026年6月23日9时30分"),
        text=text,
    ).with_id()


def court_service() -> Notice:
    text = (
        "青岛市黄岛区人民法院公告\n李建国、青岛鑫源建材有限公司：本院受理原告山东华通物流股份有限公司诉你们买卖合同纠纷一案"
        f"{COURT_CASE}，现依法向你们公告送达起诉状副本、应诉通知书、举证通知书及开庭传票。自公告发出之日起经过三十日即视为送达。"
        "提出答辩状和举证的期限分别为公告期满后十五日内。定于2026年7月15日上午9时在本院第十二法庭开庭审理。\n二〇二六年四月二日"
    )
    base = 40
    return Notice(
        page="seeds/qingdao_daily_2026-04-02_p08.txt",
        span=(base, base + len(text)),
        notice_type="document_service",
        authority="青岛市黄岛区人民法院",
        respondents=["李建国", "青岛鑫源建材有限公司"],
        claimants=["山东华通物流股份有限公司"],
        case_numbers=[COURT_CASE],
        dispute_type="买卖合同纠纷",
        hearing_datetime=COURT_HEARING,
        venue=COURT_VENUE,
        publication_date=dt.date(2026, 4, 2),
        documents=["起诉状副本", "应诉通知书", "举证通知书", "开庭传票"],
        deadlines=[
            deadline("deemed_service", dt.date(2026, 5, 2), DEEMED_RULE_COURT,
                     "published 2026-04-02; 30 days stated in the notice; start day not counted"),
            deadline("answer_deadline", dt.date(2026, 5, 17), "民事诉讼法(2023) 第128条",
                     "deemed served 2026-05-02; 15 days stated in the notice"),
            deadline("evidence_deadline", dt.date(2026, 5, 17), "最高人民法院关于民事诉讼证据的若干规定(2019) 第51条",
                     "deemed served 2026-05-02; 15 days stated in the notice"),
        ],
        evidence=evidence(text, base, authority="青岛市黄岛区人民法院", respondents="李建国",
                          case_numbers=COURT_CASE, dispute_type="买卖合同纠纷"),
        text=text,
    ).with_id()


def award_service() -> Notice:
    text = (
        "北京市朝阳区劳动人事争议仲裁委员会公告\n北京星辰文化传媒有限公司：王磊与你单位确认劳动关系争议一案"
        f"（{AWARD_CASE}）已审理终结，现向你单位公告送达仲裁裁决书，自公告之日起经过三十日即视为送达。"
        "不服本裁决的，可自收到裁决书之日起十五日内向人民法院提起诉讼。\n二〇二六年三月二十八日"
    )
    base = 5000
    return Notice(
        page="seeds/beijing_legal_2026-03-28_p11.txt",
        span=(base, base + len(text)),
        notice_type="decision_service",
        authority="北京市朝阳区劳动人事争议仲裁委员会",
        respondents=["北京星辰文化传媒有限公司"],
        claimants=["王磊"],
        case_numbers=[AWARD_CASE],
        dispute_type="确认劳动关系争议",
        publication_date=dt.date(2026, 3, 28),
        documents=["仲裁裁决书"],
        deadlines=[
            deadline("deemed_service", dt.date(2026, 4, 27), DEEMED_RULE_ARBITRATION,
                     "published 2026-03-28; 30 days stated in the notice; start day not counted"),
            deadline("last_day_to_sue", dt.date(2026, 5, 12), "劳动争议调解仲裁法(2008) 第50条",
                     "deemed served 2026-04-27; 15 days stated in the notice"),
        ],
        evidence=evidence(text, base, case_numbers=AWARD_CASE, respondents="北京星辰文化传媒有限公司"),
        text=text,
    ).with_id()


def no_number_hearing() -> Notice:
    text = (
        "青岛市城阳区劳动人事争议仲裁委员会公告\n青岛蓝海餐饮管理有限公司：刘芳与你单位经济补偿金争议一案，"
        "定于2026年5月20日9时在城阳区正阳路177号仲裁庭开庭。\n二〇二六年三月二十五日"
    )
    base = 2100
    return Notice(
        page="seeds/qingdao_daily_2026-03-25_p07.txt",
        span=(base, base + len(text)),
        notice_type="hearing",
        authority="青岛市城阳区劳动人事争议仲裁委员会",
        respondents=["青岛蓝海餐饮管理有限公司"],
        claimants=["刘芳"],
        dispute_type="经济补偿金争议",
        hearing_datetime=NO_NUMBER_HEARING,
        venue="城阳区正阳路177号仲裁庭",
        publication_date=dt.date(2026, 3, 25),
        problems=[Problem(field="case_numbers", code="missing_case_number", message="no case number printed")],
        text=text,
    ).with_id()


def relative_hearing() -> Notice:
    text = (
        "杭州市余杭区人民法院公告\n浙江宏图科技有限公司：本院受理的借款合同纠纷一案"
        f"{RELATIVE_CASE}，定于公告期满后第三日上午9时在本院第三法庭开庭审理。\n二〇二六年四月三日"
    )
    base = 0
    return Notice(
        page="seeds/zhejiang_legal_2026-04-03_p05.txt",
        span=(base, base + len(text)),
        notice_type="hearing",
        authority="杭州市余杭区人民法院",
        respondents=["浙江宏图科技有限公司"],
        case_numbers=[RELATIVE_CASE],
        dispute_type="借款合同纠纷",
        hearing_text="公告期满后第三日上午9时",
        venue="本院第三法庭",
        publication_date=dt.date(2026, 4, 3),
        deadlines=[
            deadline("deemed_service", dt.date(2026, 5, 3), DEEMED_RULE_COURT,
                     "published 2026-04-03; 30 days; start day not counted", assumed=True),
            deadline("hearing", dt.date(2026, 5, 6), DEEMED_RULE_COURT,
                     "deemed served 2026-05-03; third day after", time=dt.time(9, 0)),
        ],
        problems=[Problem(field="hearing_datetime", code="relative_hearing",
                          message="hearing time relative to service")],
        text=text,
    ).with_id()


def hostile_notice() -> Notice:
    """Newspaper text is untrusted: every field tries to become a formula or a number."""
    text = f"{HOSTILE_RESPONDENT} @SUM(1+1) \x07\x1b[31m红字\x1b[0m {PHONE}"
    return Notice(
        page="seeds/hostile_2026-03-30.txt",
        span=(10, 10 + len(text)),
        notice_type="other",
        authority="=cmd|' /C calc'!A0",
        respondents=[HOSTILE_RESPONDENT, "@SUM(1+1)*cmd|' /C calc'!A0"],
        claimants=["+86-10-12345678"],
        case_numbers=["-2+3"],
        dispute_type="\t=1+1",
        venue=PHONE,  # a venue misread as a bare phone number must stay text, zeros and all
        hearing_text="\r=2+2",
        documents=["#N/A"],
        publication_date=dt.date(2026, 3, 30),
        text=text,
    ).with_id()


def all_notices() -> list[Notice]:
    return [arbitration_hearing(), moved_hearing(), court_service(), award_service(),
            no_number_hearing(), relative_hearing(), hostile_notice()]


def event(notice: Notice) -> CaseEvent:
    return CaseEvent(notice_id=notice.id, notice_type=notice.notice_type, publication_date=notice.publication_date,
                     hearing_datetime=notice.hearing_datetime, venue=notice.venue, page=notice.page)


def arbitration_case(moved: bool = True) -> Case:
    """Before the move: one notice, one hearing time; after: two notices, the hearing moved."""
    notices = [arbitration_hearing(), moved_hearing()] if moved else [arbitration_hearing()]
    return Case(
        key=ARBITRATION_CASE, case_number=ARBITRATION_CASE, authority="青岛市黄岛区劳动人事争议仲裁委员会",
        respondents=["青岛海润达国际贸易有限公司"], claimants=["张晓梅"], dispute_type="劳动报酬争议",
        status="hearing", hearing=notices[-1].hearing_datetime, venue=ARBITRATION_VENUE,
        hearing_history=[n.hearing_datetime for n in notices], timeline=[event(n) for n in notices],
        sightings=len(notices),
    )


def case_of(notice: Notice, key: str | None = None) -> Case:
    return Case(
        key=key or notice.case_numbers[0], case_number=notice.case_numbers[0] if notice.case_numbers else None,
        authority=notice.authority, respondents=notice.respondents, claimants=notice.claimants,
        dispute_type=notice.dispute_type, status=notice.notice_type, hearing=notice.hearing_datetime,
        venue=notice.venue, hearing_history=[notice.hearing_datetime] if notice.hearing_datetime else [],
        timeline=[event(notice)], sightings=1,
    )


def all_cases() -> list[Case]:
    """The store's cases, except the notice without a case number: it must reach the calendar alone."""
    return [arbitration_case(), case_of(court_service()), case_of(award_service()),
            case_of(relative_hearing()), case_of(hostile_notice())]


# --- reading an .xlsx without the library that wrote it: zipfile + ElementTree -------------

SHEET_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def column_index(reference: str) -> int:
    letters = "".join(ch for ch in reference if ch.isalpha())
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter.upper()) - ord("A") + 1
    return index - 1


def cell_text(cell, shared: list[str]) -> str:
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        return "".join(t.text or "" for t in cell.iterfind(".//m:t", SHEET_NS))
    value = cell.findtext("m:v", default="", namespaces=SHEET_NS)
    return shared[int(value)] if kind == "s" else value


def read_xlsx(data: bytes) -> dict[str, list[list[tuple[str, str, int | None]]]]:
    """{sheet name: rows of (cell type, text, style index)}; type 's' is a string cell (shared
    or inline), 'n' a number (a date is a number with a date style), 'formula' a cell with a
    formula, 'e' an error value, 'b' a boolean."""
    import io
    import xml.etree.ElementTree as ET
    import zipfile

    archive = zipfile.ZipFile(io.BytesIO(data))
    names = archive.namelist()
    shared = []
    if "xl/sharedStrings.xml" in names:
        root = ET.fromstring(archive.read("xl/sharedStrings.xml"))
        shared = ["".join(t.text or "" for t in si.iterfind(".//m:t", SHEET_NS))
                  for si in root.iterfind("m:si", SHEET_NS)]
    rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels}
    workbook = ET.fromstring(archive.read("xl/workbook.xml"))
    sheets = {}
    for sheet in workbook.iterfind("m:sheets/m:sheet", SHEET_NS):
        target = targets[sheet.get(REL_NS)].lstrip("/")
        path = target if target.startswith("xl/") else f"xl/{target}"
        root = ET.fromstring(archive.read(path))
        rows = []
        for row in root.iterfind("m:sheetData/m:row", SHEET_NS):
            cells: list[tuple[str, str, int | None]] = []
            for cell in row.iterfind("m:c", SHEET_NS):
                index = column_index(cell.get("r"))
                cells.extend([("", "", None)] * (index - len(cells)))
                style = cell.get("s")
                kind = "formula" if cell.find("m:f", SHEET_NS) is not None else cell.get("t", "n")
                kind = "s" if kind == "inlineStr" else kind
                cells.append((kind, cell_text(cell, shared), int(style) if style else None))
            rows.append(cells)
        sheets[sheet.get("name")] = rows
    return sheets


# --- LibreOffice, as a reviewer's spreadsheet would open the files -----------------------

def soffice_convert(source, target: str, outdir, infilter: str | None = None):
    """Convert `source` with headless LibreOffice into `outdir`; fails (never skips) when
    LibreOffice is missing, since CI installs it. A private profile keeps runs independent."""
    import shutil
    import subprocess
    from pathlib import Path

    import pytest

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.fail("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc")
    outdir = Path(outdir)
    command = [soffice, "--headless", "--norestore", f"-env:UserInstallation={(outdir / 'profile').as_uri()}"]
    if infilter:
        command.append(f"--infilter={infilter}")
    command += ["--convert-to", target, "--outdir", str(outdir), str(source)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=180)
    converted = outdir / f"{Path(source).stem}.{target.split(':')[0]}"
    assert result.returncode == 0 and converted.exists(), result.stdout + result.stderr
    return converted
