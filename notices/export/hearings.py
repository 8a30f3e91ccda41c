"""The calendar view of the records: hearings and computed dates, shared by ICS, XLSX and HTML.

A case gives one hearing slot: its current hearing time. A later notice that moves the hearing
moves the slot (same uid, one more move) instead of adding a second event. A notice whose
hearing no case covers (no case number, or exported without its case) gives its own slot. A
hearing the notice sets relative to its periods (举证期满后第三日) is a computed date; the views a
lawyer dockets from list it among the hearings, marked computed (`all_hearings`).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from notices.model import Case, CaseEvent, Deadline, Notice, moment_day, moment_key

from .common import china_local, notice_id, sorted_cases, sorted_notices, stable_uid


@dataclass(frozen=True)
class Hearing:
    uid: str
    start: dt.date  # China wall-clock time, naive; a day alone when the notice prints no time
    venue: str | None
    respondents: list[str]
    claimants: list[str]
    case_number: str | None
    authority: str | None
    dispute_type: str | None
    page: str
    published: dt.date | None  # publication date of the notice that set this time
    moves: int  # times a later notice moved the hearing: the calendar SEQUENCE
    earlier_times: list[dt.date]  # China wall-clock, the times it was moved from
    notice_ids: list[str]
    computed: Deadline | None = None  # a hearing counted from the notice's periods, not printed


@dataclass(frozen=True)
class ComputedDate:
    uid: str
    deadline: Deadline
    notice: Notice


def count_moves(history: list[dt.date]) -> int:
    """Changes between consecutive announced times; a repeated announcement is not a move."""
    return sum(1 for before, after in zip(history, history[1:]) if before != after)


def source_event(case: Case, when: dt.date) -> CaseEvent | None:
    """The latest notice in the timeline that announced this hearing time (else the latest)."""
    announcing = [e for e in case.timeline if e.hearing_datetime == when]
    candidates = announcing or case.timeline
    return candidates[-1] if candidates else None


def case_hearing(case: Case) -> Hearing | None:
    history = list(case.hearing_history)
    current = case.hearing or (history[-1] if history else None)
    if current is None:
        return None
    if not history or history[-1] != current:
        history.append(current)
    event = source_event(case, current)
    earlier = []
    for time in history[:-1]:
        if time != current and china_local(time) not in earlier:
            earlier.append(china_local(time))
    return Hearing(
        uid=stable_uid(case.key, "hearing"),
        start=china_local(current),
        venue=(event.venue if event else None) or case.venue,  # where the announcing notice says
        respondents=list(case.respondents),
        claimants=list(case.claimants),
        case_number=case.case_number,
        authority=case.authority,
        dispute_type=case.dispute_type,
        page=event.page if event else "",
        published=event.publication_date if event else None,
        moves=count_moves(history),
        earlier_times=earlier,
        notice_ids=[e.notice_id for e in case.timeline],
    )


def notice_hearing(notice: Notice) -> Hearing | None:
    if notice.hearing_datetime is None:
        return None
    return notice_slot(notice, stable_uid("notice", notice_id(notice), "hearing"), china_local(notice.hearing_datetime))


def notice_slot(notice: Notice, uid: str, start: dt.date, computed: Deadline | None = None) -> Hearing:
    """A hearing slot of one notice: printed, or computed from its periods."""
    return Hearing(
        uid=uid,
        start=start,
        venue=notice.venue,
        respondents=list(notice.respondents),
        claimants=list(notice.claimants),
        case_number=notice.case_numbers[0] if notice.case_numbers else None,
        authority=notice.authority,
        dispute_type=notice.dispute_type,
        page=notice.page,
        published=notice.publication_date,
        moves=0,
        earlier_times=[],
        notice_ids=[notice_id(notice)],
        computed=computed,
    )


def hearings(notices: list[Notice], cases: list[Case]) -> list[Hearing]:
    """One slot per case with a hearing, then one per notice hearing no such case covers;
    sorted by time, then uid; a uid appears once."""
    slots: dict[str, Hearing] = {}
    covered: set[str] = set()
    for case in sorted_cases(cases):
        slot = case_hearing(case)
        if slot is not None:
            slots.setdefault(slot.uid, slot)
            covered.update(slot.notice_ids)
    for notice in sorted_notices(notices):
        if notice_id(notice) in covered:
            continue
        slot = notice_hearing(notice)
        if slot is not None:
            slots.setdefault(slot.uid, slot)
    return sorted(slots.values(), key=lambda h: (moment_key(h.start), h.uid))


def computed_hearings(notices: list[Notice]) -> list[Hearing]:
    """The hearings notices set relative to their periods and print no time for, by date."""
    slots = []
    for entry in computed_dates(notices):
        deadline = entry.deadline
        if deadline.kind == "hearing" and entry.notice.hearing_datetime is None:
            start = dt.datetime.combine(deadline.date, deadline.time) if deadline.time else deadline.date
            slots.append(notice_slot(entry.notice, entry.uid, start, computed=deadline))
    return slots


def all_hearings(notices: list[Notice], cases: list[Case]) -> list[Hearing]:
    """The hearings as printed, and those computed for notices that print none, by time."""
    return sorted(hearings(notices, cases) + computed_hearings(notices), key=lambda h: (moment_key(h.start), h.uid))


def starts_within(moment: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    """Is the day of the moment in [start, end]? An open end has no bound."""
    day = moment_day(moment)
    return (start is None or day >= start) and (end is None or day <= end)


def computed_dates(notices: list[Notice]) -> list[ComputedDate]:
    """Every Notice.deadline; the uid is the notice id, the kind and its rank among deadlines
    of that kind, so a recomputed date keeps its calendar event."""
    entries: dict[str, ComputedDate] = {}
    for notice in sorted_notices(notices):
        identity = notice_id(notice)
        seen: dict[str, int] = {}
        for deadline in notice.deadlines:
            rank = seen.get(deadline.kind, 0)
            seen[deadline.kind] = rank + 1
            uid = stable_uid("notice", identity, "computed", deadline.kind, str(rank))
            entries.setdefault(uid, ComputedDate(uid, deadline, notice))
    return sorted(entries.values(), key=lambda c: (c.deadline.date, c.deadline.time or dt.time(0), c.uid))
