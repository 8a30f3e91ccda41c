"""Cases: notices grouped by normalized case number, with a timeline, parties, status and hearing.

Pure: notices in, cases out. A case number is printed in many ways (〔2026〕, [2026], （2026）,
with or without 第, full-width digits), so notices are grouped by a folded key, never by the
string as printed.
"""
from __future__ import annotations

import datetime as dt
import unicodedata

import regex

from notices.model import CHINA_TZ, Case, CaseEvent, Deadline, Moment, Notice, moment_day, moment_key

# Every bracket a case number is printed with, folded to one pair (after NFKC, which already
# turns （） into ()).
_BRACKETS = str.maketrans({"〔": "(", "〕": ")", "[": "(", "]": ")", "【": "(", "】": ")",
                           "［": "(", "］": ")", "〖": "(", "〗": ")"})
_SPACE = regex.compile(r"\s+")


# A full number: everything up to the sequence number is the prefix a follower shares.
FULL_NUMBER = regex.compile(r"(?P<prefix>.*?[\]〕)】）](?:.*?[^\d\-—–~至])?)第?\d+(?:[-—–~至]\d+)?号")


def fold(text: str) -> str:
    """Width folded, one bracket form, no spaces: how two printings of one string compare."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text).translate(_BRACKETS))


def case_key(case_number: str) -> str:
    """'青黄劳人仲案字〔2026〕2888号' and '青黄劳人仲案字[2026]第2888号' give the same key.

    第 only marks the sequence number ("No."), so dropping it loses nothing.
    """
    return fold(case_number).replace("第", "")


def parties_key(notice: Notice) -> str | None:
    """The key of a case whose notices print no case number; None when nothing identifies it."""
    if not notice.respondents and not notice.claimants:
        return None
    respondents = ",".join(sorted(fold(name) for name in notice.respondents))
    claimants = ",".join(sorted(fold(name) for name in notice.claimants))
    return f"parties:{fold(notice.authority or '')}|{respondents}|{claimants}"


def full_numbers(numbers: list[str]) -> list[str]:
    """Case numbers with an abbreviated follower ('…〔2026〕第0126号、第0127号') completed from the
    full number before it, so 第0127号 of one committee is not the same case as another's."""
    completed, prefix = [], ""
    for number in numbers:
        head = FULL_NUMBER.match(number)
        if head:
            prefix = head.group("prefix")
            completed.append(number)
        elif prefix:
            completed.append(prefix + number.removeprefix("第"))
        else:
            completed.append(number)
    return completed


SECOND_DOCUMENT = regex.compile(r"号之[一二三四五六七八九十\d]{1,3}$")


def notice_case_keys(notice: Notice) -> list[str]:
    """Every case a notice belongs to: one per distinct case number, else its parties case. A
    second document of a case (…215号之一) belongs to the case (…215号)."""
    keys = _unique(SECOND_DOCUMENT.sub("号", case_key(number)) for number in full_numbers(notice.case_numbers)
                   if case_key(number))
    if keys:
        return keys
    key = parties_key(notice)
    return [key] if key else []


def hearing_of(notice: Notice) -> dt.date | None:
    """The hearing time a notice prints. A time computed from a relative phrase ("公告期满后第三日")
    is a Deadline of kind "hearing" and stays there: a Case cannot mark a time as computed, and
    the exports show computed dates apart, marked."""
    return _aware(notice.hearing_datetime) if notice.hearing_datetime is not None else None


def timeline_order(notice: Notice) -> tuple:
    """Publication date, then hearing, then id. An undated notice goes first (it cannot be shown
    to be the latest); a notice without a hearing goes after one with a hearing on the same day
    (an award is served after the hearing, not before)."""
    hearing = hearing_of(notice)
    return (
        notice.publication_date is not None,
        notice.publication_date or dt.date.min,
        hearing is None,
        moment_key(hearing) if hearing is not None else (),
        notice.id,
    )


def build_cases(notices: list[Notice], sightings: dict[str, int] | None = None) -> list[Case]:
    """Group notices into cases, sorted by key. `sightings` counts the pages each notice id was
    printed on (default: one each). Notices with neither a case number nor a party are no case."""
    groups: dict[str, list[Notice]] = {}
    for notice in _unique_by_id(notices):
        for key in notice_case_keys(notice):
            groups.setdefault(key, []).append(notice)
    return [_build_case(key, members, sightings) for key, members in sorted(groups.items())]


def find_cases(cases: list[Case], query: str) -> list[Case]:
    """The case a user means: its key or any printing of its number, else every case whose
    key contains the query ("2888号"), else every case naming the query as a party (the way to a
    case that prints no number)."""
    wanted = case_key(query)
    exact = [case for case in cases if case.key in (wanted, query)]
    return (exact or [case for case in cases if wanted and wanted in case.key]
            or [case for case in cases if query and query in case.respondents + case.claimants])


def _build_case(key: str, members: list[Notice], sightings: dict[str, int] | None) -> Case:
    ordered = sorted(members, key=timeline_order)
    latest = ordered[-1]
    hearings = [hearing for hearing in map(hearing_of, ordered) if hearing is not None]
    return Case(
        key=key,
        case_number=_first_printing(key, ordered),
        authority=_first(notice.authority for notice in ordered),
        respondents=_union_of_names(notice.respondents for notice in ordered),
        claimants=_union_of_names(notice.claimants for notice in ordered),
        dispute_type=_first(notice.dispute_type for notice in ordered),
        status=latest.notice_type,
        # The latest announcement wins: a moved hearing replaces the earlier date.
        hearing=hearings[-1] if hearings else None,
        venue=_first(notice.venue for notice in reversed(ordered)),
        hearing_history=_unique(hearings),
        deadlines=sorted(_unique(d for notice in ordered for d in notice.deadlines),
                         key=lambda d: (d.date, d.time or dt.time(0), d.kind)),
        timeline=[_event(notice) for notice in ordered],
        sightings=sum((sightings or {}).get(notice.id, 1) for notice in ordered),
    )


def next_hearing(case: Case, today: dt.date) -> Moment | Deadline | None:
    """The case's hearing still to come on today: the printed time of the latest announcement,
    else the first computed hearing (a Deadline, so a view can mark it). A past one is never next."""
    if case.hearing is not None and moment_day(case.hearing) >= today:
        return case.hearing
    return next((d for d in case.deadlines if d.kind == "hearing" and d.date >= today), None)


def next_deadline(case: Case, today: dt.date) -> Deadline | None:
    """The first computed date other than a hearing (deemed service, answer, appeal …) from today on."""
    return next((d for d in case.deadlines if d.kind != "hearing" and d.date >= today), None)


def _event(notice: Notice) -> CaseEvent:
    return CaseEvent(
        notice_id=notice.id,
        notice_type=notice.notice_type,
        publication_date=notice.publication_date,
        hearing_datetime=hearing_of(notice),
        venue=notice.venue,
        page=notice.page,
    )


def _first_printing(key: str, ordered: list[Notice]) -> str | None:
    for notice in ordered:
        for number in full_numbers(notice.case_numbers):
            if case_key(number) == key:
                return number
    return None


def _union_of_names(lists) -> list[str]:
    """Union in first-seen order; two printings of one name (width, brackets) count once."""
    seen: dict[str, str] = {}
    for names in lists:
        for name in names:
            seen.setdefault(fold(name), name)
    return list(seen.values())


def _first(values):
    return next((value for value in values if value), None)


def _unique(values) -> list:
    return list(dict.fromkeys(values))


def _unique_by_id(notices: list[Notice]) -> list[Notice]:
    """A notice passed twice (one id) is one member; notices without an id are all kept."""
    seen: set[str] = set()
    unique = []
    for notice in notices:
        if notice.id and notice.id in seen:
            continue
        seen.add(notice.id)
        unique.append(notice)
    return unique


def _aware(moment: dt.date) -> dt.date:
    # The model promises +08:00; a naive time from elsewhere is read as China time, not compared
    # against aware ones (which would raise). A day alone stays a day.
    if not isinstance(moment, dt.datetime):
        return moment
    return moment if moment.tzinfo else moment.replace(tzinfo=CHINA_TZ)
