"""Block to Notice records: the field readers of notices.fields, called in a fixed order.

1. frame: issuer and publication date, shared by every record of the block
2. items: a hearing list (sentences, numbered items or a table) gives one record per hearing;
   any other notice is one item
3. per item: case numbers, parties and cause, hearing and venue, other sessions (events),
   documents, notice type
"""
from __future__ import annotations

import datetime as dt

import regex

from notices.fields import (SERVICE, Context, Draft, addressees, case_numbers, documents, events, frame, hearing,
                            labelled_parties, notice_type, parties, read_cells_hearing)
from notices.lists import Item, case_items, hearing_items
from notices.model import Notice, Problem, Span, moment_day
from notices.rules.parties import parse_clause, split_names
from notices.rules.hearing import LIST_VENUES
from notices.rules.parts import AUTHORITY_SUFFIX, SELF
from notices.rules.structure import TITLES
from notices.segment import Block

AUTHORITY_END = regex.compile(AUTHORITY_SUFFIX)
ISSUER_SPEAKS = regex.compile(SELF)
# Special procedures serve no one and may print no case number, but name their applicant.
SPECIAL_PROCEDURE = regex.compile(r"公示催告|宣告[^。]{0,12}?(?:失踪|死亡)|认定[^。]{0,8}?财产无主|支付令|破产|强制清算|债权申报")
SERVES_LISTED = regex.compile(r"视为送达|向(?:你|各|上列|上述)[^。]{0,12}?送达")  # a list's cases served on their parties
IN_COURT = regex.compile(r"开庭|庭审|宣判")  # a time set for a session in court, not for an exam or a holiday
CASE_WORDING = regex.compile(
    r"送达|开庭|审理|判决|裁定|裁决|调解|执行|受理|立案|一案|公示催告|宣告|失踪|死亡|破产|清算|无主|支付令|申报|听证|宣判|诉讼|仲裁")


def extract_block(block: Block, page: str, page_date: dt.date | None = None,
                  previous: dt.date | None = None) -> list[Notice]:
    """Every record of one block: one, or one per hearing of a hearing list. `previous` is the
    day of the hearing announced just before the block, for one that says 同日 or 次日."""
    text, a, b = block.norm.text, block.start, block.end
    head = frame(text, a, b, page_date)
    publication = head.fields.get("publication_date")
    named = addressees(text, a, b)
    year = _head_year(text, a, b)
    if block.sentences:  # a run of hearing sentences under one signature: each is a hearing notice
        return _hearings(block, page, head, [Item(s, e) for s, e in block.sentences], named, publication, previous,
                         year, "hearing")
    listed = hearing_items(text, a, b)
    cases = [] if listed else case_items(text, a, b)
    if cases:
        return _cases(block, page, head, cases, named, publication, Context(previous=previous, year=year))
    if not listed:
        draft = _item(head, text, a, b, named, publication, Context(previous=previous, year=year))
        if not _is_case_notice(draft, text, a, b):
            if not _is_announcement(text, a, b, head):
                return []
            return [_record(block, page, _announcement(head), "other")]  # about no case: it serves no one
        return [_record(block, page, draft, notice_type(draft, text, a, b))]
    # A list that serves the documents of its cases (向你们公告送达…) is a service notice per case,
    # with the periods that follow; a court's hearing calendar is a hearing list.
    serves = SERVES_LISTED.search(text, a, listed[0].start) or SERVES_LISTED.search(text, listed[-1].end, b)
    return _hearings(block, page, head, listed, named, publication, previous, year, None if serves else "hearing_list")


SHARED = ("hearing_datetime", "hearing_text", "hearing_stated", "venue", "documents")


def _cases(block: Block, page: str, head: Draft, cases: list[Item], named, publication, context: Context) -> list[Notice]:
    """One record per case of a notice that serves several; what the notice says once for all
    of them (上列案件定于…开庭, the documents served) goes to each case that does not say it
    itself, which is then read over the whole notice; a case addressed to its own party reads
    nothing from the others."""
    text = block.norm.text
    shared: Draft | None = None  # the whole notice read once, when a case needs it
    records = []
    for item in cases:
        draft = _item(head, text, item.start, item.end, _own(text, item, named), publication, context)
        span = (item.start, item.end)
        for name in SHARED:
            if draft.fields.get(name):
                continue
            if item.whole:
                continue  # a case addressed to its own party says all it says itself
            shared = shared or _item(head, text, block.start, block.end, [], publication, context)
            if shared.fields.get(name):
                draft.fields[name] = shared.fields[name]
                draft.spans[name] = list(shared.spans.get(name, []))
                span = (block.start, block.end)
        records.append(_record(block, page, draft, notice_type(draft, text, item.start, item.end), item=span))
    return records


def _hearings(block: Block, page: str, head: Draft, listed: list[Item], named, publication, previous,
              year: int | None, kind: str | None) -> list[Notice]:
    """One record per hearing of a list, each day carried to the next (同日, 次日); of `kind`, or,
    None, of the kind each item's wording gives."""
    text = block.norm.text
    records = []
    venue: tuple[str, list[Span]] | None = None  # the last venue named, for 同一法庭
    shared = LIST_VENUES.by_id["list_venue/shared"].compiled.search(text, block.start, block.end)
    headings = list(LIST_VENUES.by_id["list_venue/heading"].compiled.finditer(text, block.start, block.end))
    for item in listed:
        context = Context(previous=previous, heading=item.heading, period=item.period, year=year)
        draft = (_row(head, text, item, publication, context) if item.cells
                 else _item(head, text, item.start, item.end, _own(text, item, named) or named, publication, context))
        when = draft.fields.get("hearing_datetime")
        previous = moment_day(when) if when else previous
        if venue and SAME_PLACE.fullmatch(draft.fields.get("venue") or ""):
            draft.fields["venue"], draft.spans["venue"] = venue[0], list(venue[1])
        elif not draft.fields.get("venue"):  # said for the list: a courtroom heading above, or for all
            above = [m for m in headings if m.end() <= item.start]
            place = above[-1] if above else shared
            if place:
                draft.put("venue", place.group("place"), place.span("place"))
        if draft.fields.get("venue"):
            venue = draft.fields["venue"], draft.spans.get("venue", [])
        records.append(_record(block, page, draft, kind or notice_type(draft, text, item.start, item.end),
                               item=(item.start, item.end)))
    return records


def _own(text: str, item: Item, named: list[Span]) -> list[Span]:
    """The addressees an item serves: its own addressee line (1.甲公司:…), else those of the
    notice's addressees it names."""
    own = addressees(text, item.start, item.end)
    return own or [span for span in named if text[span[0]:span[1]] in text[item.start:item.end]]


SAME_PLACE = regex.compile(r"(?:同一|原|上述|同)(?:法庭|审判庭|仲裁庭|地点|场所)|同上")


HEAD_YEAR = regex.compile(r"(?<!\d)(?P<year>20\d{2})\s*年")
HEAD = 200  # a notice's head: its title and the lines under it


def _head_year(text: str, a: int, b: int) -> int | None:
    """A year the head of the notice prints (开庭排期公告（2027年3月16日—18日）)."""
    m = HEAD_YEAR.search(text, a, min(b, a + HEAD))
    return int(m.group("year")) if m else None


def _item(head: Draft, text, a, b, named, publication, context: Context) -> Draft:
    draft = head.copy()
    case_numbers(draft, text, a, b)
    parties(draft, text, a, b, named)
    hearing(draft, text, a, b, publication, context)
    events(draft, text, a, b, publication)
    documents(draft, text, a, b)
    return draft


def _is_case_notice(draft: Draft, text: str, a: int, b: int) -> bool:
    """Does the block carry the marks of a case notice? A party with a case or a service by
    publication (news never names a party served); or an issuing court or committee (named in
    the frame, or speaking as 本院/本委) with the words of a case and a case number or a hearing
    time (a party and a number a narrow column broke may be unread), or a party of a special
    procedure (公示催告, 宣告失踪, 破产 notices name the case but may serve no one). Field
    reading never vetoes such a block: what cannot be read is null, and says so."""
    f = draft.fields
    has_case = bool(f.get("case_numbers")) or bool(f.get("dispute_type"))
    has_party = bool(f.get("respondents")) or bool(f.get("claimants"))
    has_hearing = any(f.get(name) for name in ("hearing_datetime", "hearing_text", "hearing_stated"))
    served = bool(SERVICE.search(text, a, b)) or has_hearing
    if has_party and (has_case or served):
        return True
    issued = bool(ISSUER_SPEAKS.search(text, a, b)) or _issued_by_authority(draft)
    special = bool(SPECIAL_PROCEDURE.search(text, a, b))
    return issued and bool(CASE_WORDING.search(text, a, b)) and (
        bool(f.get("case_numbers")) or (has_hearing and bool(IN_COURT.search(text, a, b))) or (has_party and special))


def _issued_by_authority(draft: Draft) -> bool:
    authority = draft.fields.get("authority")
    return bool(draft.fields.get("issued_by_authority") and authority and AUTHORITY_END.search(authority))


def _is_announcement(text: str, a: int, b: int, head: Draft) -> bool:
    """A notice by a court or committee that concerns no case: titled, and from an authority."""
    title = TITLES.by_id["title/notice"].search(text, a, min(b, a + 200))
    return bool(title and head.fields.get("authority") and AUTHORITY_END.search(head.fields["authority"]))


def _announcement(head: Draft) -> Draft:
    draft = Draft(dict(head.fields), dict(head.spans),
                  [p for p in head.problems if p[0] not in ("respondents",)])
    for name in ("case_numbers", "claimants", "respondents", "documents"):
        draft.fields[name] = []
    return draft


def _row(head: Draft, text: str, item: Item, publication, context: Context) -> Draft:
    """A table row's record: each field from its own cell."""
    draft = head.copy()
    for role in ("claimants", "respondents"):
        draft.fields[role] = []
        for cell in item.cell(role):
            for span in split_names(text, *cell):
                draft.add(role, text[span[0]:span[1]], span)
    for cell in item.cell("case"):
        case_numbers(draft, text, *cell)
    for cell in item.cell("dispute"):
        value = _trimmed(text, cell)
        draft.put("dispute_type", text[slice(*value)], value)
    for cell in item.cell("parties"):  # 原告:林阿水;被告:漳州芗江建筑劳务有限公司, or 甲诉乙
        labelled = labelled_parties(text, *cell)
        if not (labelled.claimants or labelled.respondents):
            labelled = parse_clause(text, *cell)
        for role, spans in (("claimants", labelled.claimants), ("respondents", labelled.respondents)):
            for span in spans:
                draft.add(role, text[span[0]:span[1]], span)
    for cell in item.cell("venue"):
        value = _trimmed(text, cell)
        draft.put("venue", text[slice(*value)], value)
    when = item.cell("date") + item.cell("time")
    if when:
        read_cells_hearing(draft, text, when, publication, context)
    return draft


def _trimmed(text: str, span: Span) -> Span:
    """A cell's value: its first line, without blanks around it."""
    a, b = span
    while a < b and text[a].isspace():
        a += 1
    line_end = text.find("\n", a, b)
    b = b if line_end < 0 else line_end
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


PADDING = " \t\n\r\v\f\u3000\ufeff"


def _unpadded(text: str, a: int, b: int) -> Span:
    """A value's span without the blanks a pattern or a table cell put around it: evidence
    slices the page to exactly what the value was read from."""
    while a < b and text[a] in PADDING:
        a += 1
    while b > a and text[b - 1] in PADDING:
        b -= 1
    return a, b


def _record(block: Block, page: str, draft: Draft, kind: str, item: Span | None = None) -> Notice:
    f = draft.fields
    problems = [Problem(field=n, code=c, message=m, span=block.page_span(*s) if s else None)
                for n, c, m, s in draft.problems]
    when, published = f.get("hearing_datetime"), f.get("publication_date")
    if when and published and moment_day(when) < published:
        problems.append(Problem(field="hearing_datetime", code="hearing_before_publication",
                                message=f"the hearing ({moment_day(when)}) is before the notice date ({published})"))
    evidence = {name: [block.page_span(*_unpadded(block.norm.text, s, e)) for s, e in spans]
                for name, spans in draft.spans.items()}
    start, end = item or (block.start, block.end)
    return Notice(
        page=page,
        span=block.page_span(),  # a hearing list is one notice: every record of it has its span
        notice_type=kind,
        authority=f.get("authority"),
        respondents=f.get("respondents", []),
        claimants=f.get("claimants", []),
        case_numbers=f.get("case_numbers", []),
        dispute_type=f.get("dispute_type"),
        hearing_datetime=when,
        hearing_text=f.get("hearing_text"),
        venue=f.get("venue"),
        publication_date=published,
        documents=f.get("documents", []),
        events=f.get("events", []),
        evidence=evidence,
        problems=problems,
        text=block.norm.text[start:end] if item else block.text,
    )

