"""The columns of a notice row and a case row, defined once for CSV, XLSX and the terminal table.

Each column has a short name (for `--columns`), a bilingual header (Chinese for the reviewer,
English for everyone else and for scripts) and a getter giving a typed cell: text, int, date or a
China wall-clock datetime. Lists are already joined with "；"; each writer turns the cell into
its own format.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar, Union

from notices.cases import next_deadline, next_hearing
from notices.model import Case, Deadline, Moment, Notice

from .common import (
    china_local,
    computed_date_text,
    computed_marks,
    deadline_label,
    deadline_text,
    earlier_text,
    event_text,
    first_deadline,
    iso_date,
    join_list,
    local_datetime_text,
    notice_id,
    notice_type_text,
)
from .hearings import ComputedDate, Hearing, count_moves

Cell = Union[str, int, dt.date, dt.datetime, None]
Record = TypeVar("Record")


@dataclass(frozen=True)
class Column(Generic[Record]):
    name: str
    header: str
    get: Callable[[Record], Cell]


def cell_text(value: Cell) -> str:
    """A cell as text: ISO dates, 'YYYY-MM-DD HH:MM' China time, '' for nothing."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return local_datetime_text(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _hearing(value: dt.date | None) -> dt.date | None:
    return china_local(value) if value else None


def _deemed_service(notice: Notice) -> dt.date | None:
    deadline = first_deadline(notice, "deemed_service")
    return deadline.date if deadline else None


def _rules(notice: Notice) -> str:
    return join_list(f"{deadline_label(d.kind)}: {d.rule} — {d.basis}" for d in notice.deadlines)


def _problems(notice: Notice) -> str:
    return join_list(f"{p.field + ' ' if p.field else ''}{p.code}: {p.message}" for p in notice.problems)


NOTICE_COLUMNS: list[Column[Notice]] = [
    Column("id", "编号 ID", notice_id),
    Column("published", "公告日期 Published", lambda n: n.publication_date),
    Column("type", "公告类型 Type", lambda n: notice_type_text(n.notice_type)),
    Column("authority", "发布机关 Authority", lambda n: n.authority),
    Column("respondents", "被申请人/被告 Respondents", lambda n: join_list(n.respondents)),
    Column("claimants", "申请人/原告 Claimants", lambda n: join_list(n.claimants)),
    Column("case_numbers", "案号 Case numbers", lambda n: join_list(n.case_numbers)),
    Column("dispute", "案由 Dispute", lambda n: n.dispute_type),
    Column("hearing", "开庭时间(北京时间) Hearing (UTC+8)", lambda n: _hearing(n.hearing_datetime)),
    Column("hearing_text", "开庭时间原文 Hearing as written", lambda n: n.hearing_text),
    Column("venue", "开庭地点 Venue", lambda n: n.venue),
    Column("documents", "送达文书 Documents", lambda n: join_list(n.documents)),
    Column("events", "其他日程 Other sessions", lambda n: join_list(map(event_text, n.events))),
    Column("deemed_service", "视为送达日(计算) Deemed service (computed)", _deemed_service),
    Column("deadlines", "计算日期 Computed dates", lambda n: join_list(map(deadline_text, n.deadlines))),
    Column("rules", "计算依据 Rules and basis", _rules),
    Column("problems", "问题 Problems", _problems),
    Column("page", "来源页 Page", lambda n: n.page),
    Column("span_start", "起始位置 Span start", lambda n: n.span[0]),
    Column("span_end", "结束位置 Span end", lambda n: n.span[1]),
    Column("text", "公告原文 Notice text", lambda n: n.text),
]


def _timeline(case: Case) -> str:
    return join_list(
        f"{iso_date(e.publication_date) or '?'} {notice_type_text(e.notice_type)} {e.notice_id} {e.page}"
        for e in case.timeline
    )


def _published(case: Case, pick: Callable) -> dt.date | None:
    dates = [e.publication_date for e in case.timeline if e.publication_date]
    return pick(dates) if dates else None


CASE_COLUMNS: list[Column[Case]] = [
    Column("key", "案件键 Key", lambda c: c.key),
    Column("case_number", "案号 Case number", lambda c: c.case_number),
    Column("authority", "发布机关 Authority", lambda c: c.authority),
    Column("respondents", "被申请人/被告 Respondents", lambda c: join_list(c.respondents)),
    Column("claimants", "申请人/原告 Claimants", lambda c: join_list(c.claimants)),
    Column("dispute", "案由 Dispute", lambda c: c.dispute_type),
    Column("status", "状态(最近公告) Status (latest notice)", lambda c: notice_type_text(c.status)),
    Column("hearing", "开庭时间(最近公告, 北京时间) Hearing, latest announced (UTC+8)",
           lambda c: _hearing(c.hearing)),
    Column("venue", "开庭地点 Venue", lambda c: c.venue),
    Column("hearing_history", "历次开庭时间 Hearing history",
           lambda c: join_list(map(local_datetime_text, c.hearing_history))),
    Column("moves", "改期次数 Times moved", lambda c: count_moves(c.hearing_history)),
    Column("deadlines", "计算日期 Computed dates", lambda c: join_list(map(deadline_text, c.deadlines))),
    Column("first_published", "首次公告 First published", lambda c: _published(c, min)),
    Column("last_published", "最近公告 Last published", lambda c: _published(c, max)),
    Column("sightings", "见报次数 Sightings", lambda c: c.sightings),
    Column("timeline", "公告时间线 Timeline", _timeline),
]


@dataclass(frozen=True)
class CaseToday:
    """A case as of a day, for the views that say what is still to come."""

    case: Case
    next_hearing: Moment | Deadline | None  # a Deadline when the hearing is computed
    next_deadline: Deadline | None


def case_today(case: Case, today: dt.date) -> CaseToday:
    return CaseToday(case, next_hearing(case, today), next_deadline(case, today))


def _next_hearing(view: CaseToday) -> Cell:
    """A printed time as a typed cell; a computed one as text that starts with its date and
    carries its marks ('2027-04-12 09:30 [计算][暂定]')."""
    coming = view.next_hearing
    return computed_date_text(coming) if isinstance(coming, Deadline) else _hearing(coming)


def _next_deadline(view: CaseToday) -> Cell:
    """'2026-12-09 举证期限 [计算] (或 or 2026-12-08)': the date first, then what is due."""
    deadline = view.next_deadline
    if deadline is None:
        return None
    due = f"{deadline.date.isoformat()} {deadline_label(deadline.kind)}"
    return f"{due} {computed_marks(deadline)}{earlier_text(deadline)}"


CASE_TODAY_COLUMNS: list[Column[CaseToday]] = [
    Column(column.name, column.header, lambda view, get=column.get: get(view.case)) for column in CASE_COLUMNS
] + [
    Column("next_hearing", "下次开庭(北京时间) Next hearing (UTC+8)", _next_hearing),
    Column("next_deadline", "下一计算期限 Next computed date", _next_deadline),
]


def pick_columns(available: list[Column], names: list[str] | None, default: list[str]) -> list[Column]:
    """The columns named, in the order given; an unknown name is a ValueError listing the valid ones."""
    by_name = {column.name: column for column in available}
    wanted = default if names is None else names
    unknown = [name for name in wanted if name not in by_name]
    if unknown:
        raise ValueError(
            f"unknown column(s): {', '.join(unknown)}; valid columns: {', '.join(by_name)}"
        )
    return [by_name[name] for name in wanted]


HEARING_COLUMNS: list[Column[Hearing]] = [
    Column("start", "开庭时间(北京时间) Hearing (UTC+8)", lambda h: h.start),
    Column("computed", "计算 Computed", lambda h: computed_marks(h.computed) if h.computed else None),
    Column("respondents", "被申请人/被告 Respondents", lambda h: join_list(h.respondents)),
    Column("case_number", "案号 Case number", lambda h: h.case_number),
    Column("claimants", "申请人/原告 Claimants", lambda h: join_list(h.claimants)),
    Column("dispute", "案由 Dispute", lambda h: h.dispute_type),
    Column("venue", "开庭地点 Venue", lambda h: h.venue),
    Column("authority", "发布机关 Authority", lambda h: h.authority),
    Column("moves", "改期次数 Times moved", lambda h: h.moves),
    Column("moved_from", "改期自 Moved from", lambda h: join_list(map(local_datetime_text, h.earlier_times))),
    Column("published", "公告日期 Published", lambda h: h.published),
    Column("page", "来源页 Page", lambda h: h.page),
    Column("uid", "日历UID Calendar UID", lambda h: h.uid),
]

COMPUTED_COLUMNS: list[Column[ComputedDate]] = [
    Column("date", "日期 Date", lambda c: c.deadline.date),
    Column("time", "时间 Time", lambda c: c.deadline.time.strftime("%H:%M") if c.deadline.time else None),
    Column("kind", "类型 Kind", lambda c: f"{deadline_label(c.deadline.kind)} {c.deadline.kind}"),
    Column("marks", "标记 Marks", lambda c: computed_marks(c.deadline)),
    Column("assumed", "推定 Assumed", lambda c: "是 yes" if c.deadline.assumed else "否 no"),
    Column("provisional", "暂定 Provisional", lambda c: "是 yes" if c.deadline.provisional else "否 no"),
    Column("alternative", "另一读法(较早) Earlier reading", lambda c: c.deadline.alternative),
    Column("respondents", "被申请人/被告 Respondents", lambda c: join_list(c.notice.respondents)),
    Column("case_numbers", "案号 Case numbers", lambda c: join_list(c.notice.case_numbers)),
    Column("rule", "规则 Rule", lambda c: c.deadline.rule),
    Column("basis", "依据 Basis", lambda c: c.deadline.basis),
    Column("published", "公告日期 Published", lambda c: c.notice.publication_date),
    Column("page", "来源页 Page", lambda c: c.notice.page),
    Column("notice", "公告编号 Notice ID", lambda c: notice_id(c.notice)),
]
