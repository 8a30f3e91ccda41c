"""hearings.ics: hearings, the other sessions notices schedule (creditors' meetings, auctions,
听证) and computed dates as an iCalendar feed (RFC 5545) for any calendar app.

Re-exporting gives the same bytes: UIDs hash what identifies the event, DTSTAMP is the
publication date of the notice behind the event, and a moved hearing keeps its UID with
SEQUENCE = number of moves. Everything shown in an alarm is also in the description, since some
calendars drop alarms on import. The icalendar library escapes text (, ; \\ newline); the lines
are folded here, at 75 octets, without splitting a UTF-8 character or a backslash escape
(icalendar 7 can fold between the two backslashes of an escaped backslash).
"""
from __future__ import annotations

import datetime as dt
import re

from icalendar import Alarm, Calendar, Event, Timezone, TimezoneStandard

from notices.inert import dropped, inert
from notices.model import CHINA_TZ, Case, Deadline, Notice
from notices.model import Event as Session  # icalendar's Event is the calendar component

from .common import (
    ALTERNATIVE_MARK,
    EVENT_LABELS,
    computed_marks,
    data_timestamp,
    deadline_label,
    iso_date,
    join_list,
    local_datetime_text,
    notice_id,
    sorted_notices,
    stable_uid,
)
from .hearings import ComputedDate, Hearing, computed_dates, hearings

TZID = "Asia/Shanghai"
CALENDAR_NAME = "公告开庭与计算期限 Notices: hearings and computed dates"
HEARING_DURATION = dt.timedelta(hours=2)  # notices never print an end time; 2 h blocks a session
ALARM_BEFORE = dt.timedelta(days=1)
LINE_OCTETS = 75  # RFC 5545 3.1, without the CRLF
FOLD = re.compile(r"\r\n[ \t]")
UNITS = re.compile(r"\\.|.", re.DOTALL)  # an escape pair or one character: never cut


def china_timezone() -> Timezone:
    """Asia/Shanghai as one STANDARD rule, +08:00 since 1970: China has had no DST since 1991,
    and a fixed block keeps the bytes independent of the machine's tz database."""
    standard = TimezoneStandard()
    standard.add("dtstart", dt.datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", dt.timedelta(hours=8))
    standard.add("tzoffsetto", dt.timedelta(hours=8))
    standard.add("tzname", "CST")
    zone = Timezone()
    zone.add("tzid", TZID)
    zone.add_component(standard)
    return zone


def stamp(published: dt.date | None, fallback: dt.datetime) -> dt.datetime:
    """DTSTAMP: midnight China time of the publication date, in UTC (RFC 5545 wants UTC)."""
    if published is None:
        return fallback
    return dt.datetime.combine(published, dt.time(0), tzinfo=CHINA_TZ).astimezone(dt.timezone.utc)


def parties_title(respondents: list[str], case_number: str | None) -> str:
    """'{respondent} — {case number}': who is summoned and in which case, at a glance."""
    who = respondents[0] + (" 等" if len(respondents) > 1 else "") if respondents else "当事人未识别"
    return f"{who} — {case_number}" if case_number else who


def clean(text: str) -> str:
    """Newspaper text without the control characters a calendar must not receive."""
    return inert(text, dropped)  # controls are not allowed in a TEXT value (RFC 5545 3.3.11)


def describe(lines: list[tuple[str, str | None]]) -> str:
    return clean("\n".join(f"{label}: {value}" for label, value in lines if value))


def add_alarm(event: Event, summary: str) -> None:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", clean(f"明天 Tomorrow: {summary}"))
    alarm.add("trigger", -ALARM_BEFORE)
    event.add_component(alarm)


def add_local_time(event: Event, name: str, when: dt.datetime) -> None:
    event.add(name, when, parameters={"TZID": TZID})


def add_start(event: Event, start: dt.date) -> None:
    """A session's block: two hours from a printed time, or the day alone as an all-day event
    (never an invented midnight)."""
    if isinstance(start, dt.datetime):
        add_local_time(event, "dtstart", start)
        add_local_time(event, "dtend", start + HEARING_DURATION)
    else:
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(days=1))


def start_text(start: dt.date) -> str:
    return f"{local_datetime_text(start)} (北京时间 UTC+8)" + (
        "" if isinstance(start, dt.datetime) else " 时间未载明 time not printed")


def notice_lines(notice: Notice) -> list[tuple[str, str | None]]:
    """The description lines that say which notice an event comes from."""
    return [
        ("案号 Case numbers", join_list(notice.case_numbers)),
        ("被申请人/被告 Respondents", join_list(notice.respondents)),
        ("申请人/原告 Claimants", join_list(notice.claimants)),
        ("案由 Dispute", notice.dispute_type),
        ("发布机关 Authority", notice.authority),
        ("来源 Source", f"{notice.page} ({iso_date(notice.publication_date) or '日期不详'})"),
        ("公告编号 Notice", notice_id(notice)),
    ]


def hearing_event(hearing: Hearing, fallback: dt.datetime) -> Event:
    summary = f"开庭: {parties_title(hearing.respondents, hearing.case_number)}"
    event = Event()
    event.add("uid", hearing.uid)
    event.add("dtstamp", stamp(hearing.published, fallback))
    event.add("sequence", hearing.moves)
    add_start(event, hearing.start)
    event.add("summary", clean(summary))
    if hearing.venue:
        event.add("location", clean(hearing.venue))
    event.add("description", describe([
        ("开庭时间 Hearing", start_text(hearing.start)),
        ("改期自 Moved from", join_list(map(local_datetime_text, hearing.earlier_times))),
        ("地点 Venue", hearing.venue),
        ("案号 Case number", hearing.case_number),
        ("被申请人/被告 Respondents", join_list(hearing.respondents)),
        ("申请人/原告 Claimants", join_list(hearing.claimants)),
        ("案由 Dispute", hearing.dispute_type),
        ("发布机关 Authority", hearing.authority),
        ("来源 Source", f"{hearing.page} ({iso_date(hearing.published) or '日期不详'})"),
        ("公告编号 Notices", join_list(hearing.notice_ids)),
    ]))
    event.add("categories", ["开庭"])
    add_alarm(event, summary)
    return event


def session_event(notice: Notice, scheduled: Session, fallback: dt.datetime) -> Event:
    """A session the notice schedules that is no trial (a creditors' meeting, an auction, 听证)."""
    label = EVENT_LABELS.get(scheduled.kind, scheduled.kind)
    case_number = notice.case_numbers[0] if notice.case_numbers else None
    summary = f"{label}: {parties_title(notice.respondents, case_number)}"
    event = Event()
    event.add("uid", stable_uid(notice_id(notice), scheduled.kind, scheduled.start.isoformat()))
    event.add("dtstamp", stamp(notice.publication_date, fallback))
    event.add("sequence", 0)
    add_start(event, scheduled.start)
    event.add("summary", clean(summary))
    if scheduled.venue:
        event.add("location", clean(scheduled.venue))
    event.add("description", describe([
        ("日程 Session", f"{label} {scheduled.kind}"),
        ("时间 When", start_text(scheduled.start)),
        ("地点 Venue", scheduled.venue),
        *notice_lines(notice),
    ]))
    event.add("categories", [label])
    add_alarm(event, summary)
    return event


def computed_event(entry: ComputedDate, fallback: dt.datetime, earlier_reading: bool = False) -> Event:
    """A computed date; with earlier_reading, the event of its alternative (earlier) date, as
    docketing tools mark a possible date beside the primary one."""
    deadline, notice = entry.deadline, entry.notice
    if earlier_reading:
        deadline = deadline.model_copy(update={"date": deadline.alternative})
    case_number = notice.case_numbers[0] if notice.case_numbers else None
    marks = computed_marks(deadline) + (ALTERNATIVE_MARK if earlier_reading else "")
    summary = f"{marks} {deadline_label(deadline.kind)}: {parties_title(notice.respondents, case_number)}"
    event = Event()
    event.add("uid", stable_uid(entry.uid, "earlier reading") if earlier_reading else entry.uid)
    event.add("dtstamp", stamp(notice.publication_date, fallback))
    event.add("sequence", 0)
    if deadline.time is not None:  # a hearing computed from a relative phrase has a time
        start = dt.datetime.combine(deadline.date, deadline.time)
        add_local_time(event, "dtstart", start)
        add_local_time(event, "dtend", start + HEARING_DURATION)
        if notice.venue:
            event.add("location", clean(notice.venue))
    else:
        event.add("dtstart", deadline.date)
        event.add("dtend", deadline.date + dt.timedelta(days=1))
        event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
    event.add("summary", clean(summary))
    event.add("description", describe([
        ("计算日期 Computed date", "由规则推算, 非公告原文 computed by a rule, not printed in the notice"),
        ("另一读法 Earlier reading", reading_words(entry.deadline, earlier_reading)),
        ("类型 Kind", f"{deadline_label(deadline.kind)} {deadline.kind}"),
        ("推定 Assumed", "法定默认期间 statutory default period" if deadline.assumed else None),
        ("暂定 Provisional", "节假日安排尚未公布, 日期可能变动 the year's holiday schedule is not published yet: the date may move"
         if deadline.provisional else None),
        ("规则 Rule", deadline.rule),
        ("依据 Basis", deadline.basis),
        ("开庭时间原文 Hearing as written", notice.hearing_text),
        *notice_lines(notice),
    ]))
    event.add("categories", ["计算日期"])
    add_alarm(event, summary)
    return event


def reading_words(deadline: Deadline, earlier_reading: bool) -> str | None:
    """Where the law leaves a choice open, each of the two events names the other's date."""
    if deadline.alternative is None:
        return None
    if earlier_reading:
        return (f"本事件为较早读法, 主读法为 {deadline.date.isoformat()} this event is the earlier reading where the law "
                f"leaves a choice open; the primary reading gives {deadline.date.isoformat()}")
    return (f"较早读法为 {deadline.alternative.isoformat()} (另有事件) the earlier reading gives "
            f"{deadline.alternative.isoformat()} (its own event)")


def build_calendar(notices: list[Notice], cases: list[Case]) -> Calendar:
    fallback = data_timestamp(notices)
    calendar = Calendar()
    calendar.add("prodid", "-//notices//hearings and computed dates//ZH")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    calendar.add("x-wr-timezone", TZID)
    calendar.add_component(china_timezone())
    for hearing in hearings(notices, cases):
        calendar.add_component(hearing_event(hearing, fallback))
    for notice in sorted_notices(notices):
        for scheduled in notice.events:
            calendar.add_component(session_event(notice, scheduled, fallback))
    for entry in computed_dates(notices):
        calendar.add_component(computed_event(entry, fallback))
        if entry.deadline.alternative:
            calendar.add_component(computed_event(entry, fallback, earlier_reading=True))
    return calendar


def fold_line(line: str) -> str:
    """One content line as physical lines of at most 75 octets; continuations start with a space."""
    lines, current, size = [], [], 0
    for unit in UNITS.findall(line):
        octets = len(unit.encode("utf-8"))
        budget = LINE_OCTETS - (1 if lines else 0)
        if current and size + octets > budget:
            lines.append("".join(current))
            current, size = [], 0
        current.append(unit)
        size += octets
    lines.append("".join(current))
    return "\r\n ".join(lines)


def refold(data: bytes) -> bytes:
    lines = FOLD.sub("", data.decode("utf-8")).split("\r\n")
    return "\r\n".join(fold_line(line) if line else line for line in lines).encode("utf-8")


def hearings_ics(notices: list[Notice], cases: list[Case]) -> bytes:
    return refold(build_calendar(notices, cases).to_ical())
