"""The records the pipeline produces: pydantic models, validated on construction.

A value that cannot be read is None and a Problem says why; evidence spans are
[start, end) character offsets into the decoded page text.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

NoticeType = Literal["hearing", "decision_service", "document_service", "hearing_list", "other"]
Span = tuple[int, int]

CHINA_TZ = dt.timezone(dt.timedelta(hours=8), "CST")


def parse_moment(value):
    """An ISO string as a date ('2026-06-09') or a datetime ('2026-06-09T14:00:00+08:00')."""
    if isinstance(value, str):
        return dt.date.fromisoformat(value) if len(value) == 10 else dt.datetime.fromisoformat(value)
    return value


# When something happens: an aware datetime when the notice prints the time, else the day alone
# (a hearing printed without a time is never given an invented midnight).
Moment = Annotated[dt.datetime | dt.date, BeforeValidator(parse_moment)]


def moment_day(moment: dt.date) -> dt.date:
    """The day of a Moment, in China time."""
    if isinstance(moment, dt.datetime):
        return moment.astimezone(CHINA_TZ).date() if moment.tzinfo else moment.date()
    return moment


def moment_key(moment: dt.date) -> tuple:
    """Orders Moments: by day, a day alone before the times of that day."""
    if isinstance(moment, dt.datetime):
        local = moment.astimezone(CHINA_TZ) if moment.tzinfo else moment
        return (local.date(), 1, local.time())
    return (moment, 0, dt.time(0))


class Problem(BaseModel):
    """Something that could not be read, or does not add up."""

    model_config = ConfigDict(frozen=True)

    field: str | None = None
    code: str  # short, stable: "invalid_date", "year_assumed", "relative_hearing", ...
    message: str
    span: Span | None = None


class Deadline(BaseModel):
    """A date that follows from the notice by a rule; never read from the text itself."""

    model_config = ConfigDict(frozen=True)

    kind: str  # one of notices.deadlines.KINDS: "deemed_service", "pickup_deadline", "answer_deadline",
    #            "evidence_deadline", "hearing", "last_day_to_sue", "last_day_to_set_aside", "last_day_to_appeal"
    date: dt.date
    rule: str  # legal source with article and version, e.g. "民事诉讼法(2023修正) 第95条"
    basis: str  # inputs in words: "published 2026-03-25; 30 days stated in the notice; start day not counted"
    time: dt.time | None = None  # set for a hearing computed from a relative phrase
    computed: Literal[True] = True
    assumed: bool = False  # a statutory default stood in for a period the notice does not state
    provisional: bool = False  # counted on a year whose holiday schedule is not published yet: it may move
    alternative: dt.date | None = None  # the earlier reading where the law leaves a choice open (the basis says which)


EventKind = Literal["creditors_meeting", "auction", "valuation_lottery", "evidence_exchange", "procedural_hearing"]


class Event(BaseModel):
    """A dated session the notice announces that is no trial (notices.rules.events): a creditors'
    meeting, an auction, the lottery that picks a valuer, an evidence exchange, a 听证."""

    model_config = ConfigDict(frozen=True)

    kind: EventKind
    start: Moment  # aware, +08:00; the date alone when no time is printed
    venue: str | None = None


class Excerpt(BaseModel):
    """The page text around a notice as printed (not normalized), from page offset `start`: what
    the evidence spans point into, with some text either side for a reviewer."""

    model_config = ConfigDict(frozen=True)

    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


class Notice(BaseModel):
    """One legal notice (or one hearing of a hearing list) found on a page."""

    id: str = ""
    page: str
    span: Span
    notice_type: NoticeType
    authority: str | None = None
    respondents: list[str] = Field(default_factory=list)
    claimants: list[str] = Field(default_factory=list)
    case_numbers: list[str] = Field(default_factory=list)
    dispute_type: str | None = None
    hearing_datetime: Moment | None = None  # aware, +08:00; the date alone when no time is printed
    hearing_text: str | None = None  # the hearing time as written when it is relative to the notice;
    # hearing_datetime holds only a printed time, a computed one is a Deadline of kind "hearing"
    venue: str | None = None
    publication_date: dt.date | None = None
    documents: list[str] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)  # sessions that are no hearing, in text order
    deadlines: list[Deadline] = Field(default_factory=list)
    evidence: dict[str, list[Span]] = Field(default_factory=dict)
    problems: list[Problem] = Field(default_factory=list)
    text: str = ""  # the notice as normalized (width folded, lines joined, simplified)
    context: Excerpt | None = None  # the page around it (pipeline.CONTEXT_CHARS): stored, not exported

    def with_id(self) -> Notice:
        """The id is a hash of what identifies the notice, so a re-run gives the same id and
        the same notice printed on another page gets the same id too (a second sighting)."""
        key = "\x1f".join(
            [
                self.notice_type,
                self.authority or "",
                "|".join(self.case_numbers),
                "|".join(self.respondents),
                "|".join(self.claimants),
                self.hearing_datetime.isoformat() if self.hearing_datetime else "",
                self.publication_date.isoformat() if self.publication_date else "",
                "" if self.case_numbers or self.respondents else self.text,
            ]
        )
        return self.model_copy(update={"id": hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]})

    def record(self) -> dict:
        """The JSON record of DESIGN.md (jsonl export, golden files)."""
        data = self.model_dump(mode="json", exclude={"text", "context"})
        data["span"] = list(self.span)
        data["evidence"] = {k: [list(s) for s in v] for k, v in self.evidence.items()}
        return data


class Sighting(BaseModel):
    """Where a notice was seen: a notice printed twice is one notice with two sightings."""

    notice_id: str
    page: str
    span: Span
    page_date: dt.date | None = None


class Run(BaseModel):
    """One `notices run`: what it read, and the notices on the pages it stored (its review page)."""

    number: int = 0  # given by the store
    read_at: str  # ISO 8601, Beijing time
    pages: int
    pages_new: int
    pages_failed: int
    hits_new: int
    found: list[str] = Field(default_factory=list)  # ids of the notices on the pages it stored, page order
    new: list[str] = Field(default_factory=list)  # those that were new to the store


class CaseEvent(BaseModel):
    """One notice in a case's timeline."""

    notice_id: str
    notice_type: NoticeType
    publication_date: dt.date | None = None
    hearing_datetime: Moment | None = None
    venue: str | None = None
    page: str


class Case(BaseModel):
    """Notices grouped by normalized case number (or by parties when no number is printed)."""

    key: str  # normalized case number, or "parties:…" when the notices print none
    case_number: str | None  # as first printed
    authority: str | None = None
    respondents: list[str] = Field(default_factory=list)
    claimants: list[str] = Field(default_factory=list)
    dispute_type: str | None = None
    status: str  # notice_type of the latest notice in the timeline
    hearing: Moment | None = None  # the printed hearing time the latest announcement gives, past or to come
    venue: str | None = None
    hearing_history: list[Moment] = Field(default_factory=list)  # every hearing time announced, in order
    deadlines: list[Deadline] = Field(default_factory=list)  # its notices' computed dates, in date order
    timeline: list[CaseEvent] = Field(default_factory=list)  # date order
    sightings: int = 0
