"""Dates that follow from a notice: deemed service, pickup, answer, evidence, hearing, last day
to sue, set aside or appeal. Each is a Deadline with the rule it came from and its inputs in
words; nothing here reads the clock, and a date that cannot be computed is a Problem instead.

`derive(notice)` reads the periods the notice states (notices.rules.periods), falls back on the
statute in force on the day a period starts, and counts with the Chinese public calendar
(notices.workdays: each year's statutory holidays and weekends worked in lieu, from the State
Council's schedule, or provisional where none is published yet).

Counting (民事诉讼法 第85条 of the 2021/2023 texts, 第82条 of 2012/2017, 第75条 before):
- The start day is not counted: 30 days from a notice published 3-25 end on 4-24.
- A period whose last day is a rest day (a statutory holiday, or a weekend that is not a
  weekend worked in lieu) ends on the next working day; rest days inside a period count.
- A month period ends on the same day-number of the later month, or that month's last day.

Choices where the law leaves a point open (each flagged in the deadline's basis):
- Deemed service is the last day of the publication period (自公告之日起经过30日即视为送达 →
  day 30), and that period, too, is moved off a rest day: it is a 期间 like any other.
  逾期不领取即视为送达 makes the pickup period the service period.
- A period counted from another (公告期满后15日, 答辩期满后的10日) starts from that period's end
  as moved off a rest day; anything counted from an assumed date is itself marked assumed.
  An answer period something counts from but the notice does not state takes the statute's
  (15 days, 民事诉讼法 第128条; 10 days in arbitration, 劳动争议调解仲裁法 第30条), assumed; an
  evidence period has no default (the court or committee sets it), so a Problem says so.
- A statute is chosen by the day its period starts (publication for service, deemed service for
  appeal): 60 days before 2022-01-01, 30 days from then (民事诉讼法 2021修正), and for a party
  without domicile in China 3 months until 2023-12-31, 60 days from 2024-01-01 (2023修正).
  A party counts as without domicile only when the notice says so (在中华人民共和国领域内没有住所).
  A party the notice places in Hong Kong or Macau (法释〔2009〕2号 第9条, from 2009-03-16) or
  Taiwan (法释〔2008〕4号 第3条第8项, from 2008-04-23), by its words (住所地香港…, 台湾地区) or a
  name that starts with the place, is deemed served three months after publication.
- Answer and appeal: a party without domicile in China has 30 days to answer (第285条 of the 2023
  text) and to appeal (第286条); for a Hong Kong, Macau or Taiwan party the court may follow those
  periods (民诉法解释 第549条, 可以参照适用): 30 days, with the domestic 15 (or 10) as the earlier
  alternative.
- Alternatives: where a date can be read earlier (service deemed on the day the period ends
  though it is a rest day, a period counted from such an earlier reading, the shorter of two
  periods the law leaves open) the deadline keeps that date as `alternative`, its reason in the basis.
- A period running into a year no holiday calendar covers keeps its nominal last day, marked
  provisional, with a calendar_unavailable problem: a placeholder, not a silent gap.
- Labour arbitration: the arbitration rules (劳动人事争议仲裁办案规则 2017 第19条/第20条, 2009
  第23条) refer period counting and service to civil procedure, so a notice that states no period
  gets the Civil Procedure Law period in force; committees print that period in practice. A
  committee that states another is not warned: the rules refer, they do not bind.
- Appeal: 15 days for a judgment; 10 days for a ruling only when the notice speaks of appeal
  (most rulings cannot be appealed); none for second-instance, enforcement or criminal cases.
- A final award (终局裁决): the employer may apply to set it aside within 30 days (第49条); a worker
  may sue within 15 days (第48条). The served party is an employer when the notice says 你单位 /
  你公司 … or a respondent's name ends like an organisation.
- A hearing counted from a period (举证期满后第3日) is moved off a rest day only when the notice
  says so (遇节假日顺延); otherwise a Problem says it falls on a rest day. The extractor's
  "relative_hearing" problem is kept and its message rewritten to give the computed time.

Problems (field "deadlines"): no_publication_date, calendar_unavailable (a misread year no
calendar covers), calendar_provisional (counted on a year with no published schedule: the date
may move), period_differs_from_statute (the notice's period is used), anchor_unknown (a period
counts from one that has no date), hearing_on_rest_day, no_statutory_default.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

import regex

from notices import workdays
from notices.workdays import next_workday
from notices.model import Deadline, Notice, Problem
from notices.rules.parts import ORG_SUFFIX
from notices.rules.periods import (CASE_KINDS, DOCUMENTS, FACTS, RelativeHearing, StatedPeriod, compact,
                                   has, read_periods, read_relative_hearing)


@dataclass(frozen=True)
class CivilProcedure:
    """One text of the Civil Procedure Law: article numbers and the periods that matter here."""

    since: dt.date
    law: str
    counting: int
    service: int
    service_period: tuple[int, str]
    foreign_service: int
    foreign_service_period: tuple[int, str]
    answer: int
    appeal: int
    foreign_answer: int
    foreign_appeal: int


# newest first; columns: in force from, text, 期间 article, 公告送达 article and period, the same for a
# party without domicile in China, 答辩 article (15 days), 上诉 article, and for a party without
# domicile in China the 答辩 and 上诉 articles (30 days each)
CIVIL_PROCEDURE = (
    CivilProcedure(dt.date(2024, 1, 1), "民事诉讼法(2023修正)", 85, 95, (30, "day"), 283, (60, "day"), 128, 171, 285, 286),
    CivilProcedure(dt.date(2022, 1, 1), "民事诉讼法(2021修正)", 85, 95, (30, "day"), 274, (3, "month"), 128, 171, 275, 276),
    CivilProcedure(dt.date(2017, 7, 1), "民事诉讼法(2017修正)", 82, 92, (60, "day"), 267, (3, "month"), 125, 164, 268, 269),
    CivilProcedure(dt.date(2013, 1, 1), "民事诉讼法(2012修正)", 82, 92, (60, "day"), 267, (3, "month"), 125, 164, 268, 269),
    CivilProcedure(dt.date(2008, 4, 1), "民事诉讼法(2007修正)", 75, 84, (60, "day"), 245, (6, "month"), 113, 147, 246, 247),
    CivilProcedure(dt.date(1991, 4, 9), "民事诉讼法(1991)", 75, 84, (60, "day"), 247, (6, "month"), 113, 147, 248, 249),
)


class AdministrativeLitigation(NamedTuple):
    since: dt.date
    law: str
    appeal: int


class ArbitrationRules(NamedTuple):
    since: dt.date
    law: str
    counting: int  # refers the counting of periods to civil procedure
    service: int  # refers service to civil procedure


ADMINISTRATIVE = (AdministrativeLitigation(dt.date(2017, 7, 1), "行政诉讼法(2017修正)", 85),
                  AdministrativeLitigation(dt.date(2015, 5, 1), "行政诉讼法(2014修正)", 85),
                  AdministrativeLitigation(dt.date(1990, 10, 1), "行政诉讼法(1989)", 58))
ARBITRATION_RULES = (ArbitrationRules(dt.date(2017, 7, 1), "劳动人事争议仲裁办案规则(2017)", 19, 20),
                     ArbitrationRules(dt.date(2009, 1, 1), "劳动人事争议仲裁办案规则(2009)", 23, 23))
LABOUR_ARBITRATION_LAW, LABOUR_ARBITRATION_SINCE = "劳动争议调解仲裁法(2007)", dt.date(2008, 5, 1)


class CrossBorderService(NamedTuple):
    """The Supreme People's Court's rules on service to a party domiciled in Hong Kong and Macau,
    or in Taiwan: published notice is deemed served three months after it is published."""

    since: dt.date
    law: str
    where: str


CROSS_BORDER_SERVICE = {
    "hk_macau": CrossBorderService(dt.date(2009, 3, 16), "最高人民法院关于涉港澳民商事案件司法文书送达问题若干规定"
                                   "(法释〔2009〕2号) 第9条", "Hong Kong or Macau"),
    "taiwan": CrossBorderService(dt.date(2008, 4, 23), "最高人民法院关于涉台民事诉讼文书送达的若干规定"
                                 "(法释〔2008〕4号) 第3条第8项", "Taiwan"),
}


class CrossBorderProcedure(NamedTuple):
    """The Supreme People's Court's interpretation of the Civil Procedure Law: a court hearing the
    case of a Hong Kong, Macau or Taiwan party may follow the rules for foreign-related cases
    (可以参照适用), which give 30 days to answer and to appeal."""

    since: dt.date
    law: str


CROSS_BORDER_PROCEDURE = (
    CrossBorderProcedure(dt.date(2022, 4, 10), "最高人民法院关于适用《中华人民共和国民事诉讼法》的解释(2022修正) 第549条"),
    CrossBorderProcedure(dt.date(2015, 2, 4), "最高人民法院关于适用《中华人民共和国民事诉讼法》的解释(法释〔2015〕5号) 第551条"),
)

KINDS = (  # every kind derive() makes, in display order for deadlines on one date
    "deemed_service", "pickup_deadline", "answer_deadline", "evidence_deadline", "hearing",
    "last_day_to_sue", "last_day_to_set_aside", "last_day_to_appeal")
MOVED = "a rest day: moved to the next working day"
ORGANISATION = regex.compile(ORG_SUFFIX + r"$")
# A misread year (9999) has no calendar (ValueError) or overflows (OverflowError): there is no
# date, and a Problem says so.
UNCOUNTABLE = (OverflowError, ValueError)
START_WORDS = {"publication": "published", "deemed_service": "deemed served", "answer_deadline": "answer period ends",
               "evidence_deadline": "evidence period ends"}
START_NOUNS = {"publication": "publication", "deemed_service": "deemed service", "answer_deadline": "answer period end",
               "evidence_deadline": "evidence period end"}


def in_force(table, day: dt.date):
    """The entry of a newest-first table in force on day, or None before the first."""
    return next((entry for entry in table if day >= entry.since), None)


# ---- the calendar ----------------------------------------------------------------------------

def add_period(start: dt.date, number: int, unit: str) -> dt.date:
    """The nominal last day: start day not counted; a month period keeps the day-number."""
    if unit == "day":
        return start + dt.timedelta(days=number)
    year, month = divmod(start.month - 1 + number, 12)
    year, month = start.year + year, month + 1
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))




def nth_workday_after(day: dt.date, n: int) -> dt.date:
    for _ in range(n):
        day = next_workday(day + dt.timedelta(days=1))
    return day


# ---- what the notice is about ----------------------------------------------------------------

@dataclass(frozen=True)
class Facts:
    published: dt.date
    court: bool
    foreign: bool
    cross_border: str | None  # "hk_macau" or "taiwan": where the notice says the party is domiciled
    served_by_publication: bool
    award: bool
    judgment: bool
    ruling: bool
    final_award: bool
    employer: bool
    case_kinds: frozenset[str]
    mentions_appeal: bool


def facts_of(notice: Notice, text: str) -> Facts:
    authority = notice.authority or ""
    court = "法院" in authority or ("仲裁" not in authority and not has(FACTS, "facts/arbitration", text))
    served = "、".join(notice.documents) or text
    numbers = "、".join(notice.case_numbers + notice.documents) or text
    return Facts(
        published=notice.publication_date,
        court=court,
        foreign=has(FACTS, "facts/no_domicile_in_china", text),
        cross_border=cross_border_of(notice, text),
        served_by_publication=has(FACTS, "facts/service_by_publication", text),
        award=has(DOCUMENTS, "document/award", served),
        judgment=has(DOCUMENTS, "document/judgment", served),
        ruling=has(DOCUMENTS, "document/ruling", served),
        final_award=has(FACTS, "facts/final_award", text),
        employer=has(FACTS, "facts/employer_addressed", text)
        or any(len(name) >= 4 and ORGANISATION.search(name) for name in notice.respondents),
        case_kinds=frozenset(r.id.split("/")[1] for r in CASE_KINDS if r.search(compact(numbers))),
        mentions_appeal="上诉" in text,
    )


def cross_border_of(notice: Notice, text: str) -> str | None:
    """Hong Kong or Macau, or Taiwan, when the notice places the party served there: by its words
    (住所地香港…, 澳门特别行政区居民, 台湾地区) or a party's name that starts with the place."""
    for region in ("hk_macau", "taiwan"):
        if has(FACTS, f"facts/domicile_{region}", text) or any(
                name.startswith(REGION_NAMES[region]) for name in notice.respondents):
            return region
    return None


REGION_NAMES = {"hk_macau": ("香港", "澳门"), "taiwan": ("台湾",)}


# ---- statutes --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Statute:
    number: int
    unit: str
    rule: str
    why: str
    shorter: int | None = None  # the period of the other reading, where the law leaves a choice open


def counting_rule(facts: Facts, day: dt.date) -> str:
    cpl = in_force(CIVIL_PROCEDURE, day)
    counting = f"{cpl.law} 第{cpl.counting}条" if cpl else "期间计算"
    arb = None if facts.court else in_force(ARBITRATION_RULES, day)
    return f"{arb.law} 第{arb.counting}条; {counting}" if arb else counting


def statute_for(kind: str, facts: Facts, start: dt.date) -> Statute | None:
    """The statutory period for kind starting on start, or None where none applies."""
    cpl = in_force(CIVIL_PROCEDURE, start)
    labour = start >= LABOUR_ARBITRATION_SINCE
    cross_border = CROSS_BORDER_SERVICE.get(facts.cross_border or "")
    if kind == "deemed_service" and facts.court and cross_border and start >= cross_border.since:
        return Statute(3, "month", cross_border.law, f"{cross_border_words(facts)}: three months")
    if kind == "deemed_service" and cpl:
        if facts.court:
            article, (number, unit) = ((cpl.foreign_service, cpl.foreign_service_period) if facts.foreign
                                       else (cpl.service, cpl.service_period))
            party = ("a party without domicile in China, as the notice says" if facts.foreign
                     else "a party domiciled in China: the notice does not say otherwise")
            return Statute(number, unit, f"{cpl.law} 第{article}条", f"statutory period for {party}")
        arb = in_force(ARBITRATION_RULES, start)
        if arb:
            (number, unit) = cpl.service_period
            return Statute(number, unit, f"{arb.law} 第{arb.service}条; {cpl.law} 第{cpl.service}条",
                           f"labour arbitration: {arb.law} refers service to civil procedure, so the period of "
                           f"{cpl.law} 第{cpl.service}条 applies")
    if kind == "answer_deadline":
        if facts.court and cpl and facts.foreign:
            return Statute(30, "day", f"{cpl.law} 第{cpl.foreign_answer}条",
                           "statutory answer period of a party without domicile in China")
        cross = cross_border_procedure(facts, start)
        if facts.court and cpl and cross:
            return Statute(30, "day", f"{cross.law}; {cpl.law} 第{cpl.foreign_answer}条",
                           f"{cross_border_words(facts)}: the court may follow the foreign-related rules (30 days); "
                           f"choice: 30 days, the earlier reading 15 days ({cpl.law} 第{cpl.answer}条) where it does not",
                           shorter=15)
        if facts.court and cpl:
            return Statute(15, "day", f"{cpl.law} 第{cpl.answer}条", "statutory answer period")
        if not facts.court and labour:
            return Statute(10, "day", f"{LABOUR_ARBITRATION_LAW} 第30条", "statutory answer period")
    if kind == "last_day_to_sue" and not facts.court and facts.award and labour:
        if not facts.final_award:
            return Statute(15, "day", f"{LABOUR_ARBITRATION_LAW} 第50条",
                           "either party may sue on a non-final award")
        if not facts.employer:
            return Statute(15, "day", f"{LABOUR_ARBITRATION_LAW} 第48条",
                           "a worker may sue on a final award; choice: the served party reads as a worker")
    final_on_employer = facts.award and facts.final_award and facts.employer
    if kind == "last_day_to_set_aside" and not facts.court and final_on_employer and labour:
        return Statute(30, "day", f"{LABOUR_ARBITRATION_LAW} 第49条", "an employer may apply to set aside a "
                       "final award; choice: the served party reads as the employer")
    if kind == "last_day_to_appeal" and facts.court:
        return appeal_statute(facts, start, cpl)
    return None


def appeal_statute(facts: Facts, start: dt.date, cpl: CivilProcedure | None) -> Statute | None:
    if facts.case_kinds & {"second_instance", "enforcement", "criminal"} or not cpl:
        return None
    if not (facts.judgment or (facts.ruling and facts.mentions_appeal)):
        return None
    number = 15 if facts.judgment else 10
    what = "judgment" if facts.judgment else "ruling the notice says can be appealed"
    if "administrative" in facts.case_kinds:
        ala = in_force(ADMINISTRATIVE, start)
        if ala is None:
            return None
        return Statute(number, "day", f"{ala.law} 第{ala.appeal}条", f"appeal from a first-instance {what}")
    if facts.foreign:
        return Statute(30, "day", f"{cpl.law} 第{cpl.foreign_appeal}条",
                       "appeal by a party without domicile in China")
    cross = cross_border_procedure(facts, start)
    if cross:
        return Statute(30, "day", f"{cross.law}; {cpl.law} 第{cpl.foreign_appeal}条",
                       f"appeal from a first-instance {what}, {cross_border_words(facts)}: the court may follow the "
                       f"foreign-related rules (30 days); choice: 30 days, the earlier reading {number} days "
                       f"({cpl.law} 第{cpl.appeal}条) where it does not", shorter=number)
    return Statute(number, "day", f"{cpl.law} 第{cpl.appeal}条", f"appeal from a first-instance {what}")


def cross_border_procedure(facts: Facts, start: dt.date) -> CrossBorderProcedure | None:
    return in_force(CROSS_BORDER_PROCEDURE, start) if facts.cross_border else None


def cross_border_words(facts: Facts) -> str:
    return f"a party domiciled in {CROSS_BORDER_SERVICE[facts.cross_border].where}, as the notice says"


# ---- counting one deadline -------------------------------------------------------------------

def problem(code: str, message: str) -> Problem:
    return Problem(field="deadlines", code=code, message=message)


def span_words(number: int, unit: str) -> str:
    return f"{number} {unit}{'s' if number != 1 else ''}"


def count(kind: str, start: Deadline | dt.date, anchor: str, number: int, unit: str, rule: str,
          source: str, assumed: bool, shorter: int | None = None) -> tuple[Deadline | None, list[Problem]]:
    """A deadline number units after start (a publication date or an earlier deadline). Where the
    law leaves a choice open (deemed service on a rest day left where it falls, an earlier reading
    of the start, a shorter period) the earlier date is kept beside it as the alternative."""
    start_day = start if isinstance(start, dt.date) else start.date
    inherited = not isinstance(start, dt.date) and start.assumed
    try:
        nominal = add_period(start_day, number, unit)
    except UNCOUNTABLE as error:  # a misread year past the end of dates
        return None, [problem("calendar_unavailable", f"{kind}: no date, the period from {start_day} cannot be "
                                                      f"counted ({error})")]
    try:
        end = next_workday(nominal)
        alternative, why = earlier_reading(kind, start, number, unit, shorter, nominal, end)
    except UNCOUNTABLE as error:  # no holiday calendar for the year: the nominal day, marked, stands in
        basis = (f"{START_WORDS[anchor]} {start_day}; {span_words(number, unit)} {source}; start day not counted; "
                 f"day {number} is {nominal}, not moved off a rest day: no holiday calendar covers it ({error})")
        return (Deadline(kind=kind, date=nominal, rule=rule, basis=basis, assumed=assumed or inherited,
                         provisional=True),
                [problem("calendar_unavailable", f"{kind}: {nominal} is the nominal last day only, the holiday "
                                                 f"calendar does not cover it ({error}); it may move to a later "
                                                 "working day")])
    parts = [f"{START_WORDS[anchor]} {start_day}", f"{span_words(number, unit)} {source}",
             "start day not counted"]
    parts.append(f"ends {end}" if end == nominal else f"day {number} is {nominal}, {MOVED} {end}")
    parts.append(calendar_words(nominal, end))
    if kind == "deemed_service":
        parts.append("choice: service is deemed on the period's last day, moved off a rest day like any period")
    if not isinstance(start, dt.date) and MOVED in start.basis:
        parts.append("choice: counted from the end as moved off a rest day")
    if inherited:
        parts.append(f"counted from an assumed {START_NOUNS[anchor]} date")
    provisional = workdays.provisional_years(nominal, end)
    inherited_provisional = not isinstance(start, dt.date) and start.provisional
    if inherited_provisional:
        parts.append(f"counted from a provisional {START_NOUNS[anchor]} date")
    if alternative:
        parts.append(f"alternative (earlier) reading {alternative}: {why}")
    deadline = Deadline(kind=kind, date=end, rule=rule, basis="; ".join(parts), assumed=assumed or inherited,
                        provisional=bool(provisional) or inherited_provisional, alternative=alternative)
    return deadline, ([problem("calendar_provisional", f"{kind} {end}: " + workdays.provisional_note(provisional))]
                      if provisional else [])


def earlier_reading(kind: str, start: Deadline | dt.date, number: int, unit: str, shorter: int | None,
                    nominal: dt.date, end: dt.date) -> tuple[dt.date | None, str]:
    """The earliest date another tenable reading gives, and why; (None, "") where none is earlier."""
    readings = []
    if kind == "deemed_service" and nominal != end:
        readings.append((nominal, "service deemed on the period's last day where it falls, a rest day"))
    start_day = start if isinstance(start, dt.date) else start.date
    other_start = start.alternative if isinstance(start, Deadline) else None
    from_other = f"counted from the earlier reading {other_start} of the date it counts from"
    in_short = f"{span_words(shorter or 0, unit)} where the longer period does not apply"
    for day, days, why in ((other_start, number, from_other), (start_day, shorter, in_short),
                           (other_start, shorter, f"{from_other}, {in_short}")):
        if day and days:
            readings.append((next_workday(add_period(day, days, unit)), why))
    earlier = [reading for reading in readings if reading[0] < end]
    return min(earlier) if earlier else (None, "")


def calendar_words(first: dt.date, last: dt.date) -> str:
    """The schedules the days from first to last were counted on, and the calendar's version."""
    return "calendar: " + ", ".join(dict.fromkeys(workdays.schedule(year).source
                                                  for year in range(first.year, last.year + 1))) + \
        f" (calendar version {workdays.version()})"


def from_notice_or_statute(kind: str, facts: Facts, stated: StatedPeriod | None, start: Deadline | dt.date,
                           anchor: str) -> tuple[Deadline | None, list[Problem]]:
    """The notice's period where it states one (and a Problem if the statute differs), else the
    statute's, marked assumed."""
    start_day = start if isinstance(start, dt.date) else start.date
    statute = statute_for(kind, facts, start_day)
    if stated:
        rule = statute.rule if statute else counting_rule(facts, start_day)
        made, problems = count(kind, start, anchor, stated.number, stated.unit, rule,
                               f"stated in the notice ({stated.words})", False)
        differs = statute and (statute.number, statute.unit) != (stated.number, stated.unit)
        if differs and not facts.court and made is not None:  # the arbitration rules only refer to civil procedure
            made = made.model_copy(update={"basis": made.basis + f"; {statute.rule} gives "
                                           f"{span_words(statute.number, statute.unit)}, which a committee may "
                                           "follow or not: the notice's period is used"})
        elif differs:
            problems.append(problem(
                "period_differs_from_statute",
                f"{kind}: the notice states {span_words(stated.number, stated.unit)}, {statute.rule} gives "
                f"{span_words(statute.number, statute.unit)} ({statute.why}); the notice's period is used"))
        return made, problems
    if statute:
        return count(kind, start, anchor, statute.number, statute.unit, statute.rule,
                     f"by statute, the notice stating none ({statute.why}; assumed)", True, statute.shorter)
    return None, []


# ---- the notice's deadlines ------------------------------------------------------------------

def first(periods: list[StatedPeriod], kind: str) -> StatedPeriod | None:
    """The notice's own 视为送达 sentence wins over a pickup period that implies service."""
    matching = [p for p in periods if p.kind == kind]
    return min(matching, key=lambda p: p.rule != "period/deemed_service", default=None)


def periods_deadlines(facts: Facts, periods: list[StatedPeriod],
                      needs_answer: bool) -> tuple[dict[str, Deadline], list[Problem]]:
    """Deemed service, pickup, answer and evidence: each from the notice's period, in the order
    they count from each other. An unstated answer period that something counts from takes the
    statute's (assumed); an unstated evidence period has no statutory default (a court sets it)."""
    ends: dict[str, Deadline] = {}
    problems: list[Problem] = []
    stated = first(periods, "deemed_service")
    if stated or facts.served_by_publication:
        made, found = from_notice_or_statute("deemed_service", facts, stated, facts.published, "publication")
        problems += found
        ends.update({"deemed_service": made} if made else {})
        if not made and not found:
            problems.append(problem("no_statutory_default", "service by publication: the notice states no period "
                                                            f"and no statute here covers {facts.published}"))
    pickup = first(periods, "pickup_deadline")
    if pickup:
        made, found = count("pickup_deadline", facts.published, "publication", pickup.number, pickup.unit,
                            counting_rule(facts, facts.published), f"stated in the notice ({pickup.words})", False)
        problems += found
        ends.update({"pickup_deadline": made} if made else {})
    for kind in ("answer_deadline", "evidence_deadline"):  # the evidence period may follow the answer period
        stated = first(periods, kind)
        if stated is None and not (kind == "answer_deadline" and needs_answer and "deemed_service" in ends):
            continue
        anchor = stated.anchor if stated else "deemed_service"
        if anchor not in ends:
            problems.append(problem("anchor_unknown",
                                    f"{kind}: '{stated.words}' counts from the {anchor}, which has no date"))
            continue
        if stated:
            made, found = count(kind, ends[anchor], anchor, stated.number, stated.unit,
                                counting_rule(facts, ends[anchor].date),
                                f"stated in the notice ({stated.words})", False)
        else:
            made, found = from_notice_or_statute(kind, facts, None, ends[anchor], anchor)
        problems += found
        ends.update({kind: made} if made else {})
    return ends, problems


def remedy_deadlines(facts: Facts, periods: list[StatedPeriod],
                     ends: dict[str, Deadline]) -> tuple[list[Deadline], list[Problem]]:
    """Last day to sue, set aside or appeal: counted from deemed service."""
    made_all, problems = [], []
    served = ends.get("deemed_service")
    for kind in ("last_day_to_sue", "last_day_to_set_aside", "last_day_to_appeal"):
        stated = first(periods, kind)
        if served is None:
            if stated:
                problems.append(problem("anchor_unknown",
                                        f"{kind}: '{stated.words}' counts from service, which has no date"))
            continue
        made, found = from_notice_or_statute(kind, facts, stated, served, "deemed_service")
        made_all += [made] if made else []
        problems += found
    return made_all, problems


def hearing_deadline(facts: Facts, phrase: RelativeHearing,
                     ends: dict[str, Deadline]) -> tuple[Deadline | None, list[Problem]]:
    """A hearing counted from the end of a period: 举证期满后第3日上午9时."""
    anchor = ends.get(phrase.anchor)
    if anchor is None:
        return None, [problem("anchor_unknown",
                              f"hearing: '{phrase.words}' counts from the {phrase.anchor}, which has no date")]
    try:
        nominal, day = hearing_day(phrase, anchor.date)
        rest_day = not workdays.is_workday(day)
        alternative = hearing_day(phrase, anchor.alternative)[1] if anchor.alternative else None
    except UNCOUNTABLE as error:
        return None, [problem("calendar_unavailable",
                              f"hearing: no date, the holiday calendar does not cover {anchor.date} ({error})")]
    parts = [f"{START_WORDS[phrase.anchor]} {anchor.date}",
             f"hearing '{phrase.words}' stated in the notice: {nominal}"]
    if day != nominal:
        parts.append(f"a rest day, moved to the next working day {day} as the notice says (遇节假日顺延)")
    problems = []
    if rest_day:
        parts.append("a rest day; the notice does not say to postpone")
        problems.append(problem("hearing_on_rest_day", f"hearing: {day} computed from '{phrase.words}' is a rest day"))
    if phrase.time is None:
        parts.append("no time of day stated")
    if anchor.assumed:
        parts.append(f"counted from an assumed {START_NOUNS[phrase.anchor]} date")
    parts.append(calendar_words(anchor.date, day))
    provisional = workdays.provisional_years(anchor.date, day)
    if provisional:
        problems.append(problem("calendar_provisional", f"hearing {day}: " + workdays.provisional_note(provisional)))
    if anchor.provisional:
        parts.append(f"counted from a provisional {START_NOUNS[phrase.anchor]} date")
    alternative = alternative if alternative and alternative < day else None
    if alternative:
        parts.append(f"alternative (earlier) reading {alternative}: counted from the earlier reading "
                     f"{anchor.alternative} of the date it counts from")
    return Deadline(kind="hearing", date=day, time=phrase.time, rule=counting_rule(facts, anchor.date),
                    basis="; ".join(parts), assumed=anchor.assumed,
                    provisional=bool(provisional) or anchor.provisional, alternative=alternative), problems


def hearing_day(phrase: RelativeHearing, anchor: dt.date) -> tuple[dt.date, dt.date]:
    """The day the phrase names after anchor, and that day moved off a rest day where the notice says so."""
    nominal = (nth_workday_after(anchor, phrase.offset) if phrase.workdays
               else anchor + dt.timedelta(days=phrase.offset))
    return nominal, next_workday(nominal) if phrase.postpone else nominal


def relative_hearing(notice: Notice) -> RelativeHearing | None:
    """The extractor's hearing_text first; the whole text only when no time was printed."""
    return read_relative_hearing(notice.hearing_text or "") or (
        read_relative_hearing(notice.text) if notice.hearing_datetime is None else None)


def with_relative_note(problems: list[Problem], hearing: Deadline | None) -> list[Problem]:
    """Say in the extractor's relative_hearing problem where the computed time went."""
    if hearing is None:
        return problems
    at = f"{hearing.date}" + (f" {hearing.time:%H:%M}" if hearing.time else "")
    note = (f"hearing time is relative to the notice; computed as {at} (deadline of kind 'hearing'), "
            "hearing_datetime left empty")
    return [p.model_copy(update={"message": note}) if p.code == "relative_hearing" else p for p in problems]


def derive(notice: Notice) -> Notice:
    """A copy of the notice with its deadlines computed and any Problems appended.
    Running it again gives the same record: earlier deadline problems are replaced."""
    kept = [p for p in notice.problems if p.field != "deadlines"]
    text = compact(notice.text)
    periods = read_periods(notice.text)
    phrase = relative_hearing(notice)
    if notice.publication_date is None:
        wanted = periods or phrase or has(FACTS, "facts/service_by_publication", text)
        missing = [problem("no_publication_date", "no publication date, so no deadline can be counted")]
        return notice.model_copy(update={"deadlines": [], "problems": kept + (missing if wanted else [])})
    facts = facts_of(notice, text)
    needs_answer = any(p.anchor == "answer_deadline" for p in periods + ([phrase] if phrase else []))
    ends, problems = periods_deadlines(facts, periods, needs_answer)
    hearing, found = hearing_deadline(facts, phrase, ends) if phrase else (None, [])
    problems += found
    remedies, found = remedy_deadlines(facts, periods, ends)
    problems += found
    deadlines = sorted([*ends.values(), *([hearing] if hearing else []), *remedies],
                       key=lambda d: (d.date, KINDS.index(d.kind)))
    return notice.model_copy(update={"deadlines": deadlines,
                                     "problems": with_relative_note(kept, hearing) + problems})
