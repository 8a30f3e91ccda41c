"""What every writer shares: row order, labels, list joining, dates as text, safe cells.

Everything here is pure: the same records give the same strings, and nothing reads the clock.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from collections.abc import Iterable

import wcwidth

from notices.model import CHINA_TZ, Case, Deadline, Event, Notice

LIST_SEPARATOR = "；"  # full-width semicolon: never part of a name, reads naturally in Chinese

NOTICE_TYPE_LABELS = {
    "hearing": "开庭",
    "decision_service": "裁判文书送达",
    "document_service": "文书送达",
    "hearing_list": "开庭排期",
    "other": "其他",
}

DEADLINE_LABELS = {  # the kinds notices.deadlines makes; an unknown kind shows as itself
    "deemed_service": "视为送达",
    "pickup_deadline": "领取期限",
    "answer_deadline": "答辩期限",
    "evidence_deadline": "举证期限",
    "hearing": "开庭",
    "last_day_to_sue": "起诉期限",
    "last_day_to_set_aside": "申请撤销期限",
    "last_day_to_appeal": "上诉期限",
}

EVENT_LABELS = {  # the kinds of notices.rules.events
    "creditors_meeting": "债权人会议",
    "auction": "拍卖",
    "valuation_lottery": "摇号选定评估机构",
    "evidence_exchange": "证据交换",
    "procedural_hearing": "听证",
}


def event_text(event: Event) -> str:
    """'债权人会议 creditors_meeting 2026-06-03 09:30 全国企业破产重整案件信息网'."""
    parts = [EVENT_LABELS.get(event.kind, event.kind), event.kind, local_datetime_text(event.start), event.venue or ""]
    return " ".join(part for part in parts if part)


# A spreadsheet runs a cell starting with one of these as a formula (CWE-1236).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def notice_sort_key(notice: Notice) -> tuple:
    """(publication_date, page, span); notices without a date go last."""
    date = notice.publication_date
    return (date is None, date or dt.date.min, notice.page, tuple(notice.span))


def sorted_notices(notices: Iterable[Notice]) -> list[Notice]:
    return sorted(notices, key=notice_sort_key)


def sorted_cases(cases: Iterable[Case]) -> list[Case]:
    return sorted(cases, key=lambda case: case.key)


def notice_id(notice: Notice) -> str:
    """The stored id, or the one with_id() would give: exports never show an empty id."""
    return notice.id or notice.with_id().id


def stable_uid(*parts: str) -> str:
    """A calendar UID that depends only on what identifies the event."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{digest}@notices"


def join_list(values: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(values)


def iso_date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def china_local(value: dt.date) -> dt.date:
    """Wall-clock time in China, naive; a naive input is taken to be China time already. A day
    alone (a hearing printed without its time) stays a day."""
    if not isinstance(value, dt.datetime) or value.tzinfo is None:
        return value
    return value.astimezone(CHINA_TZ).replace(tzinfo=None)


def local_datetime_text(value: dt.date | None) -> str:
    """'2026-06-09 14:00' in China time, or '2026-06-09' for a day printed without a time: what
    a reviewer reads and a spreadsheet sorts."""
    if value is None:
        return ""
    local = china_local(value)
    return local.strftime("%Y-%m-%d %H:%M") if isinstance(local, dt.datetime) else local.isoformat()


def notice_type_text(notice_type: str) -> str:
    return f"{NOTICE_TYPE_LABELS.get(notice_type, notice_type)} {notice_type}"


def deadline_label(kind: str) -> str:
    return DEADLINE_LABELS.get(kind, kind)


COMPUTED_MARK = "[计算]"
PROVISIONAL_MARK = "[暂定]"  # a date counted on a year whose holiday schedule is not published
ASSUMED_MARK = "[推定]"  # a statutory default stood in for a period the notice does not state
ALTERNATIVE_MARK = "[另一读法]"  # the earlier date of another tenable reading of the law


def computed_marks(deadline: Deadline) -> str:
    """'[计算][暂定][推定]': computed, and provisional and assumed where it is."""
    return (COMPUTED_MARK + (PROVISIONAL_MARK if deadline.provisional else "")
            + (ASSUMED_MARK if deadline.assumed else ""))


def computed_date_text(deadline: Deadline) -> str:
    """'2027-02-18 09:00 [计算][暂定]': computed, and provisional where the year's schedule is
    unpublished; '(或 2027-02-11)' gives the earlier date of another reading."""
    when = deadline.date.isoformat() + (f" {deadline.time.strftime('%H:%M')}" if deadline.time else "")
    return f"{when} {computed_marks(deadline)}{earlier_text(deadline)}"


def earlier_text(deadline: Deadline) -> str:
    """' (或 or 2027-02-11)': the earlier date of another reading, where there is one."""
    return f" (或 or {deadline.alternative.isoformat()})" if deadline.alternative else ""


def deadline_text(deadline: Deadline) -> str:
    """'视为送达 deemed_service 2026-04-24', with the time of a computed hearing, a mark when a
    statutory default stood in for a period the notice does not state, and one when the year's
    holiday schedule is not published yet."""
    text = f"{deadline_label(deadline.kind)} {deadline.kind} {deadline.date.isoformat()}"
    if deadline.time is not None:
        text += f" {deadline.time.strftime('%H:%M')}"
    if deadline.assumed:
        text += " (推定 assumed)"
    if deadline.provisional:
        text += " (暂定 provisional)"
    if deadline.alternative:
        text += f" (另一读法 earlier reading {deadline.alternative.isoformat()})"
    return text


def first_deadline(notice: Notice, kind: str) -> Deadline | None:
    return next((d for d in notice.deadlines if d.kind == kind), None)


def neutralize(text: str) -> str:
    """Prefix a would-be formula with a single quote so no spreadsheet runs newspaper text."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def display_width(text: str) -> int:
    """Terminal/spreadsheet columns: CJK characters count double."""
    width = wcwidth.wcswidth(text)
    if width >= 0:
        return width
    # Control characters make wcswidth give up; count them as one column each.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def latest_publication(notices: Iterable[Notice]) -> dt.date | None:
    dates = [n.publication_date for n in notices if n.publication_date]
    return max(dates) if dates else None


def data_timestamp(notices: Iterable[Notice]) -> dt.datetime:
    """A fixed 'as of' instant derived from the data, never the clock: midnight China time of
    the latest publication date, in UTC; the Unix epoch when no notice has a date."""
    latest = latest_publication(notices)
    if latest is None:
        return dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
    midnight = dt.datetime.combine(latest, dt.time(0, 0), tzinfo=CHINA_TZ)
    return midnight.astimezone(dt.timezone.utc)
