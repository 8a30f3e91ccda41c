"""Block to Notice records: the field readers of notices.fields, called in a fixed order.

1. frame: issuer and publication date, shared by every record of the block
2. items: a hearing list (sentences, numbered items or a table) gives one record per hearing;
   any other notice is one item
3. per item: case numbers, parties and cause, hearing and venue, documents, notice type
"""
from __future__ import annotations

import datetime as dt

import regex

from notices import dates
from notices.fields import (SERVICE, Draft, addressees, case_numbers, documents, frame, hearing, labelled_parties,
                            notice_type, parties, read_hearing)
from notices.model import Notice, Problem, Span, moment_day
from notices.rules.case_numbers import CASE_NUMBERS
from notices.rules.hearing import WHEN_AT
from notices.rules.parties import CLAUSES, split_names
from notices.rules.parts import AUTHORITY_SUFFIX
from notices.rules.structure import TITLES
from notices.segment import Block

ITEM_START = regex.compile(
    rf"""(?:(?<=[\n;。\s]|公告)\s*(?:\d{{1,3}}[.、]|[一二三四五六七八九十]{{1,3}}、|\(\d{{1,3}}\))\s*
          (?=[^。]{{0,10}}?(?:{dates.DATE.pattern}|同日|当日|[\[〔(【]\d{{4}}[\]〕)】]|原告|上诉人|申请人)))
       |(?:(?<=;)\s*(?=(?:同日|当日|{dates.DATE.pattern})))
       |(?:(?<=。)\s*(?=(?:本院|我院)(?:将)?定于))""",
    regex.VERBOSE,
)
TABLE_CELL = regex.compile(r"[^\t|]*[^\t|\s][^\t|]*")  # a cell has something besides blanks
TABLE_FIELDS = tuple((name, regex.compile(rf"\s*(?:开庭)?(?:{header})\s*")) for name, header in (
    ("when", r"时间|日期"), ("venue", r"法庭|地点|审判庭"), ("case", r"案号"), ("dispute", r"案由"),
    ("claimants", r"原告|上诉人|申请人|公诉机关"), ("respondents", r"被告|被上诉人|被申请人"),
    ("parties", r"当事人|诉讼参与人")))
LINE = regex.compile(r"[^\n]+")
HAN_OR_DIGIT = regex.compile(r"[\p{Han}\d]")
COURT_SCHEDULES = regex.compile(r"(?:本院|我院|本委|本庭|兹|现)(?:将)?定于")
AUTHORITY_END = regex.compile(AUTHORITY_SUFFIX)


# -- 2. items -----------------------------------------------------------------------------------

def items(text: str, a: int, b: int) -> list[Span]:
    """A hearing list's items, or [] for a notice about one case."""
    starts = [m.end() for m in ITEM_START.finditer(text, a, b)]
    spans = [(s, e) for s, e in zip(starts, starts[1:] + [b])]
    hearings = [span for span in spans if _states_hearing(text, *span)]
    if len(hearings) >= 2:
        first_hearing = _first_hearing_at(text, a, b)
        if (first_hearing is not None and first_hearing < hearings[0][0]
                and _states_hearing(text, first_hearing, hearings[0][0])):
            hearings.insert(0, (first_hearing, hearings[0][0]))  # the first item has no marker
        return hearings
    return []


def _first_hearing_at(text: str, a: int, b: int) -> int | None:
    m = COURT_SCHEDULES.search(text, a, b)
    return m.start() if m else None


def _states_hearing(text: str, a: int, b: int) -> bool:
    when = WHEN_AT.by_id["hearing_when/relative_then_date"].compiled.search(text, a, b)
    return bool(when and when.group("time") and (CLAUSES.first(text, a, b)[0] or CASE_NUMBERS.first(text, a, b)[0]))


def table_rows(text: str, a: int, b: int) -> list[dict[str, Span]]:
    """Rows of a hearing table (cells split by tabs or markdown pipes), each a map from field to
    cell span."""
    rows: list[dict[str, Span]] = []
    columns: list[str | None] | None = None
    for line in LINE.finditer(text, a, b):
        if "\t" not in line.group() and "|" not in line.group():
            continue
        cells = [(line.start() + m.start(), line.start() + m.end()) for m in TABLE_CELL.finditer(line.group())]
        if len(cells) < 4:
            continue
        names = [next((name for name, header in TABLE_FIELDS if header.fullmatch(text, s, e)), None) for s, e in cells]
        if columns is None and sum(n is not None for n in names) >= 3:
            columns = names
        elif columns is not None and len(cells) == len(columns) and HAN_OR_DIGIT.search(line.group()):
            rows.append({name: cell for name, cell in zip(columns, cells) if name})
    return rows


# -- records ------------------------------------------------------------------------------------

def extract_block(block: Block, page: str, page_date: dt.date | None = None) -> list[Notice]:
    """Every record of one block: one, or one per hearing of a hearing list."""
    text, a, b = block.norm.text, block.start, block.end
    head = frame(text, a, b, page_date)
    publication = head.fields.get("publication_date")
    named = addressees(text, a, b)
    rows = table_rows(text, a, b)
    if rows:
        return [_table_record(block, page, head, row, publication) for row in rows]
    spans = items(text, a, b)
    if not spans:
        draft = _item(head, text, a, b, named, publication, None)
        if not _is_case_notice(draft, text, a, b):
            if not _is_announcement(text, a, b, head):
                return []
            draft = _announcement(head)
        return [_record(block, page, draft, notice_type(draft, text, a, b))]
    records, previous = [], None
    for s, e in spans:
        draft = _item(head, text, s, e, named, publication, previous)
        when = draft.fields.get("hearing_datetime")
        previous = moment_day(when) if when else previous
        records.append(_record(block, page, draft, "hearing_list", item=(s, e)))
    return records


def _item(head: Draft, text, a, b, named, publication, previous) -> Draft:
    draft = head.copy()
    case_numbers(draft, text, a, b)
    parties(draft, text, a, b, named)
    hearing(draft, text, a, b, publication, previous)
    documents(draft, text, a, b)
    return draft


def _is_case_notice(draft: Draft, text: str, a: int, b: int) -> bool:
    """News never names a party served together with a case or a service by publication."""
    has_case = bool(draft.fields.get("case_numbers")) or bool(draft.fields.get("dispute_type"))
    has_party = bool(draft.fields.get("respondents")) or bool(draft.fields.get("claimants"))
    served = bool(SERVICE.search(text, a, b)) or any(
        draft.fields.get(name) for name in ("hearing_datetime", "hearing_text", "hearing_stated"))
    return has_party and (has_case or served)


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


def _table_record(block: Block, page: str, head: Draft, row: dict[str, Span], publication) -> Notice:
    text = block.norm.text
    draft = head.copy()
    for role in ("claimants", "respondents"):
        draft.fields[role] = []
        if role in row:
            for span in split_names(text, *row[role]):
                draft.add(role, text[span[0]:span[1]], span)
    if "case" in row:
        case_numbers(draft, text, *row["case"])
    if "dispute" in row:
        draft.put("dispute_type", text[slice(*row["dispute"])].strip(), row["dispute"])
    if "parties" in row:  # 原告:林阿水;被告:漳州芗江建筑劳务有限公司
        labelled = labelled_parties(text, *row["parties"])
        for role, spans in (("claimants", labelled.claimants), ("respondents", labelled.respondents)):
            for span in spans:
                draft.add(role, text[span[0]:span[1]], span)
    if "venue" in row:
        draft.put("venue", text[slice(*row["venue"])].strip(), row["venue"])
    if "when" in row:
        read_hearing(draft, text, row["when"][0], row["when"][1], publication, None, anchored=False)
    return _record(block, page, draft, "hearing_list", item=(min(s for s, _ in row.values()), max(e for _, e in row.values())))


def _record(block: Block, page: str, draft: Draft, kind: str, item: Span | None = None) -> Notice:
    f = draft.fields
    problems = [Problem(field=n, code=c, message=m, span=block.page_span(*s) if s else None)
                for n, c, m, s in draft.problems]
    when, published = f.get("hearing_datetime"), f.get("publication_date")
    if when and published and moment_day(when) < published:
        problems.append(Problem(field="hearing_datetime", code="hearing_before_publication",
                                message=f"the hearing ({moment_day(when)}) is before the notice date ({published})"))
    evidence = {name: [block.page_span(s, e) for s, e in spans] for name, spans in draft.spans.items()}
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
        evidence=evidence,
        problems=problems,
        text=block.norm.text[start:end] if item else block.text,
    )

