"""The fields of one notice, each read from normalized text with the span it came from.

frame: issuer and publication date (signature, title, labelled dates, page date); then, per
case or hearing: case numbers, parties and cause, hearing and venue, documents served, and
the notice type. Values are slices of the normalized text; evidence maps them back to the page.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import regex

from notices import dates
from notices.cases import case_key
from notices.model import Event, Span
from notices.normalize import FRAME_LINE, begins_wrapped_name
from notices.rules.case_numbers import CASE_NUMBERS
from notices.rules.causes import DISPUTE_SHAPES
from notices.rules.documents import BOOK_TITLE, DOCUMENT_NAME, ITEM_SEPARATOR, LEADING_NOISE, SERVED
from notices.rules.events import EVENTS
from notices.rules.hearing import (HEARING_ANCHORS, HEARING_WORD, NOT_YET, TIME_RANGE_END, TIME_RANGE_START, VENUE,
                                   VENUE_LABELLED, WHEN_AT)
from notices.rules.parties import (CLAUSES, MISSING_PERSON, ORG_NAME, PROSECUTOR, SPECIAL_CAUSE, YOU_RE, Clause,
                                   cause_at_end, parse_clause, role_side, split_at_names, split_names)
from notices.rules.parts import CASE_YEAR, CLAIMANT_ROLE, ORG_SUFFIX, RESPONDENT_ROLE, THIRD_ROLE
from notices.vocab import alternation, role_sides
from notices.rules.structure import AUTHORITY, DATE_LINE, LABELLED_DATE, NAME_START, OPENINGS, SIGNATURES, TITLES

# A case number or title printed on the line before the addressee, joined to it.
ADDRESSEE_LEAD = regex.compile(rf"\s*(?:\p{{Han}}{{0,12}}?[\[〔(【]\d{{4}}[\]〕)】][^\s:]{{1,16}}?号|(?:{AUTHORITY})?[\p{{Han}}]{{0,6}}?公告)\s*")
# 被申请人:X公司, 当事人:原告:张三, 上诉人(原审原告):X公司
LABELLED_PARTY = regex.compile(
    rf"(?:\G|(?<=^)|(?<=[\n\s;,|:]))(?P<role>{RESPONDENT_ROLE}|{CLAIMANT_ROLE}|{THIRD_ROLE})"
    rf"(?:\([^()\n]{{1,20}}\))?\s*:\s*(?P<names>(?:[^\n。;:|()]|\([^()\n]{{0,40}}\)){{2,120}}?)"   # (法定代表人:龙启华)
    rf"\s*(?=\n|$|。|;|\||\s+(?:{RESPONDENT_ROLE}|{CLAIMANT_ROLE}|{THIRD_ROLE})\s*:)")
# A list item's sides parted by commas, no colon: 1.(2026)鲁1302执2145号,申请执行人甲,被执行人乙;
LISTED_PARTY = regex.compile(
    rf"(?<=号\s*,(?:[^,。;:\n]{{2,60}},){{0,2}})\s*(?P<role>{RESPONDENT_ROLE}|{CLAIMANT_ROLE}|{THIRD_ROLE})"
    rf"(?P<names>(?:(?!诉|与)[^,。;:\n]){{2,60}}?)\s*(?=[,;。]|$)")  # not a clause: 甲诉被告乙…
PARTIES_LINE = regex.compile(r"(?:(?<=^)|(?<=\n))\s*(?:当事人|双方当事人)\s*:\s*(?P<clause>[^\n。]{4,200}?)\s*(?=\n|$|。)")
# 受送达人:X、Y — whom the notice is served on (民诉法第87—95条), set out as a labelled line: no role
# of a side (a third party may be served too), so not in roles.tsv; the notice's addressees.
LABELLED_SERVED = regex.compile(r"(?:(?<=^)|(?<=\n))\s*受送达人\s*:\s*(?P<names>[^\n。;:|]{2,120}?)\s*(?=\n|$|。|;)")
LABELLED_CAUSE = regex.compile(r"(?:案由|(?<!认定|原判)罪名)\s*:\s*(?P<cause>[^\n。;:]{2,40}?)\s*(?=\n|$|。|;)")
# A block's head line: its case number, then its cause after a blank.
NUMBER_THEN_CAUSE = regex.compile(rf"{CASE_YEAR}[^\n,。;:]{{1,24}}?号[^\S\n]+(?P<cause>[^\s,。;:]{{2,40}})(?=\s|$)")
SERVED_WORD = regex.compile(r".*(?:送达|公告)")
COPIES = regex.compile(r"(?:各|共)?[一二三四五六七八九十\d]+份$")
DECISION = regex.compile(r"裁决书|判决书|裁定书|决定书|调解书|支付令|决定|令(?=\s|$)")  # 限制消费令, 报告财产令
# A decision the notice itself states and serves as "本通知书": a committee will not hear the case, or ends it.
DECIDES = regex.compile(r"(?:决定)?不予受理(?:通知书|决定书)|决定不予受理|决定终止(?:审理|仲裁)|终止(?:审理|仲裁)决定书")
FIRST_PAPERS = regex.compile(r"申请书|起诉状|起诉书|应诉|开庭通知|传票|举证|受理通知|答辩|仲裁庭组成")
SERVICE = regex.compile(r"公告送达|依法送达|向你[^。]{0,10}送达|向你[^。]{0,6}公告|视为送达|领取")
BODY_AUTHORITY = regex.compile(rf"{NAME_START}(?P<authority>{AUTHORITY})(?:(?:已|依法)*(?:立案)?受理|(?:将)?定于)")
AUTHORITY_NAME = regex.compile(AUTHORITY)
LINE_AUTHORITY = regex.compile(rf"(?:(?<=^)|(?<=\n))\s*(?P<authority>{AUTHORITY})\s*(?=\n|$)")
OPEN_BRACKET = regex.compile(r"[\[〔(【]")
NAME_GAP = regex.compile(r"(?<=\p{Han})\s+(?=\p{Han})")
NOT_A_NAME = regex.compile(  # outside brackets: (身份证号:3201…) annotates a name
    r"(?:书|传票|通知|副本|证据|材料)$|(?<!\([^()]{0,40})(?:公告|\d{4}|\d+号)")
HEARING_WORDS = regex.compile(HEARING_WORD)
# An addressee that names no one: 各利害关系人, 各债权人, 有关当事人 (a role, for all who hold it).
ANYONE = regex.compile(rf"(?:各|全体|相关|有关|各位|广大|下列|以下)?(?:{alternation(role_sides())}|当事人|有关单位|单位和个人"
                       rf"|用人单位|单位|人员)")  # 下列用人单位: the parties are listed below


@dataclass
class Draft:
    """A record being filled: values with their spans in the normalized text."""

    fields: dict = field(default_factory=dict)
    spans: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)

    def put(self, name: str, value, *spans: Span) -> None:
        self.fields[name] = value
        if spans:
            self.spans[name] = list(spans)

    def add(self, name: str, value: str, span: Span) -> None:
        """Append to a list field, skipping a value already there; a name printed once with its
        place (沙坪坝区天喜四层火锅) and once without (天喜四层火锅) is one party, kept whole."""
        if name in ("respondents", "claimants"):
            value = value.replace("\n", "")  # a name a line wrapped is one name
        values = self.fields.setdefault(name, [])
        spans = self.spans.setdefault(name, [])
        for i, old in enumerate(values):
            if old == value or same_with_place(value, old):
                return
            if same_with_place(old, value):
                values[i], spans[i] = value, span
                return
        values.append(value)
        spans.append(span)

    def copy(self) -> Draft:
        return Draft(dict(self.fields), dict(self.spans), list(self.problems))

    def problem(self, field_name: str | None, code: str, message: str, span: Span | None = None) -> None:
        self.problems.append((field_name, code, message, span))


def same_with_place(short: str, long: str) -> bool:
    """long is short with a place name before it."""
    return long.endswith(short) and len(short) >= 4 and bool(PLACE.fullmatch(long[: len(long) - len(short)]))


# -- 1. frame ---------------------------------------------------------------------------------

BARE_PLACE_LEVEL = regex.compile(r"[市区县省州盟旗]")
PLACE_CHAR = regex.compile(r"(?![向到于由的在是经为了及和与对将被受理])\p{Han}")
PLACE = regex.compile(r"\p{Han}{1,8}?(?:省|自治区|市|地区|州|盟|县|区|旗|镇|乡|街道)")
ITEM_LEAD = 40  # an unanchored hearing time opens its list item: look only at the item's start
SIGNATURE_REACH = 240  # a signature closes its notice: look for it only in the notice's tail


def frame(text: str, a: int, b: int, page_date: dt.date | None) -> Draft:
    draft = Draft()
    signature = None
    for rule in SIGNATURES:  # the last signature, taken whole (issuer and date over the date alone)
        # inside the notice as its end; an issuer alone also as what the next notice follows
        ends = (b, min(len(text), b + SIGNATURE_REACH)) if rule.id == "signature/authority_alone" else (b,)
        for end in ends:
            for m in rule.finditer(text, max(a, b - SIGNATURE_REACH), end):
                if m.end() <= b and (signature is None or (m.end(), -m.start()) > (signature.end(), -signature.start())):
                    signature = m
    _authority(draft, text, a, b, signature)
    _publication_date(draft, text, a, b, signature, page_date)
    return draft


def _authority(draft: Draft, text: str, a: int, b: int, signature) -> None:
    found, source = None, None
    if signature is not None and signature.group("authority"):
        found, source = signature.span("authority"), "signature"
    for rule in TITLES:
        title = rule.search(text, a, b) if found is None else None
        if title and title.group("authority"):
            found, source = title.span("authority"), "title"
    for pattern, where in ((LINE_AUTHORITY, "line"), (BODY_AUTHORITY, "body")):
        if found is None:
            m = pattern.search(text, a, b)
            found, source = (m.span("authority"), where) if m else (None, None)
    # Named in the frame (signature, title, a line of its own), the body issues the notice;
    # named only in running text (…人民法院已立案受理), it may be a report about the case.
    draft.fields["issued_by_authority"] = source in ("signature", "title", "line")
    if found is None:
        draft.put("authority", None)
        draft.problem("authority", "not_found", "the issuing body is not named in the notice")
        return
    found = _fullest_printing(text, a, b, _complete_authority(text, a, b, found))
    draft.put("authority", text[found[0]:found[1]], found)


PROVINCE = regex.compile(r"\p{Han}{1,7}?(?:省|自治区)")
PROVINCE_BEFORE = regex.compile(r"(?:(?<=^)|(?<=[\s\]】:。]))\p{Han}{1,7}?(?:省|自治区)", regex.MULTILINE)


def _fullest_printing(text: str, a: int, b: int, span: Span) -> Span:
    """The issuer as printed in full: a signature 长春市朝阳区人民法院 under a title that names
    吉林省长春市朝阳区人民法院 is the same body, printed with its province."""
    name = text[span[0]:span[1]]
    for lo, hi in ((a, b), (0, len(text))):  # the block, else the page around it
        at = text.find(name, lo, hi)
        while at >= 0:
            province = PROVINCE_BEFORE.search(text, max(0, at - 8), at)
            if province and province.end() == at:
                return province.start(), at + len(name)
            at = text.find(name, at + 1, hi)
    return span


def _complete_authority(text: str, a: int, b: int, span: Span) -> Span:
    """'市劳动人事争议仲裁委员会' with its city dropped: take the city from where the body names
    the body in full (…,长沙市劳动人事争议仲裁委员会位于…): the Chinese characters just before it,
    up to four, stopping at a word that cannot be part of a place name."""
    name = text[span[0]:span[1]]
    if not BARE_PLACE_LEVEL.match(name):
        return span
    at = text.find(name, a, b)
    while at >= 0:
        end = at
        start = end
        while start > max(a, end - 4) and PLACE_CHAR.match(text, start - 1):
            start -= 1
        if end - start >= 2:
            return start, end + len(name)
        at = text.find(name, at + 1, b)
    return span


def _publication_date(draft: Draft, text: str, a: int, b: int, signature, page_date) -> None:
    candidates = []
    if signature is not None and signature.group("date"):
        candidates.append(signature.span("date"))
    for rule in LABELLED_DATE:
        candidates += [m.span("date") for m in rule.finditer(text, a, b)]
    first_lines = text.find("\n", text.find("\n", a) + 1, b)
    line = DATE_LINE.search(text, a, first_lines + 1 if first_lines > 0 else min(b, a + 80))
    if line:
        candidates.append(line.span("date"))
    for span in candidates:
        m = dates.DATE.fullmatch(text, *span)
        hit = dates.parse_date_match(m, None) if m else None
        if hit and hit.date:
            draft.put("publication_date", hit.date, span)
            return
        draft.problem("publication_date", "invalid_date", hit.error if hit else "unreadable date", span)
    draft.put("publication_date", page_date)
    if page_date is None:
        draft.problem("publication_date", "not_found", "the notice is not dated and the page has no date")
    else:
        draft.problem("publication_date", "page_date", f"the notice is not dated; the page date {page_date} is used")


# -- per item --------------------------------------------------------------------------------

def case_numbers(draft: Draft, text: str, a: int, b: int) -> None:
    """This notice's case numbers. The number of a decision it only refers to (不服…(2025)…号民事判决,
    履行…号判决书确定的义务, 撤销…号裁决) belongs to an earlier case, unless the notice prints no
    other; so does one of an earlier stage of the same proceedings (民初 before 民终, 破申 before
    破, 执异 before 执复)."""
    taken: list[tuple[Span, regex.Match]] = []
    for rule in CASE_NUMBERS:
        for m in rule.finditer(text, a, b):
            span = _trim_case_prefix(text, m.span())
            if any(s < span[1] and span[0] < e for (s, e), _ in taken):
                continue
            taken.append((span, m))
    own = [(span, m) for span, m in taken if not _refers_to_earlier_decision(text, span)]
    taken = own or taken  # a notice that prints only the number it refers to is known by that one
    kinds = {_kind(m) for _, m in taken}
    later = {kind for kind in kinds for earlier in kinds if earlier in EARLIER_STAGES.get(kind, ())}
    taken = [(span, m) for span, m in taken
             if not any(_kind(m) in EARLIER_STAGES.get(kind, ()) for kind in later)]
    seen = set()
    for span, _ in sorted(taken, key=lambda pair: pair[0]):
        value = "".join(text[span[0]:span[1]].split())  # a number a line or a cell wrapped is one number
        key = case_key(value)
        if key not in seen:
            seen.add(key)
            draft.add("case_numbers", value, span)


def _kind(m: regex.Match) -> str | None:
    return m.groupdict().get("kind")


# The stages of one proceedings in the order the case-type standard numbers them (and the
# conviction a penalty change follows): a notice of the later stage may name the number of an
# earlier one, which is not its own.
EARLIER_STAGES = {"民终": ("民初",), "刑终": ("刑初",), "行终": ("行初",), "刑更": ("刑初", "刑终"), "破": ("破申",),
                  "强清": ("清申",), "执复": ("执异",), "执恢": ("执",), "民再": ("民申",), "刑更监": ("刑更",),
                  "行审复": ("行审",), "司惩复": ("司惩",), "清终": ("清申",), "破终": ("破申",)}


def _refers_to_earlier_decision(text: str, span: Span) -> bool:
    """A number the notice names as the ground of its case: the decision appealed, enforced or
    set aside (不服…号判决), one in force (…号民事判决书已经发生法律效力), the enforcement a
    sanction or an objection arose in (本院在执行…号案件中)."""
    before = text[max(0, span[0] - 48):span[0]]
    return bool((REFERRED_BEFORE.search(before) and REFERRED_AFTER.match(text, span[1]))
                or IN_FORCE_AFTER.match(text, span[1])
                or (DURING_BEFORE.search(before) and DURING_AFTER.match(text, span[1])))


REFERRED_BEFORE = regex.compile(r"(?:不服|依据|根据|撤销|履行|执行依据为?|确认|(?<!一案)就|对)[^,。;:]{0,40}$")
REFERRED_AFTER = regex.compile(r"(?:民事|刑事|行政|执行|仲裁|破产)?(?:判决|裁定|调解|裁决|决定)")
IN_FORCE_AFTER = regex.compile(r"(?:民事|刑事|行政|仲裁)?(?:判决|裁定|调解|裁决)书?[^,。;]{0,4}?已(?:经)?发生法律效力")
DURING_BEFORE = regex.compile(r"(?:在(?:执行|审理|审查)|对(?:本院|我院)?)\s*$")
DURING_AFTER = regex.compile(r"(?:一案|案件?)?(?:的)?(?:执行)?(?:过程)?中|(?:一案|案件?)(?:中)?提出")  # 对…号案件提出的异议
CASE_PREFIX_LEAD = regex.compile(r".*(?:送达|案号为?|作出|制作|出具|受理|审理|公告|依法|本委|我委|的|了|为|即|及|和|、|:)")


def _trim_case_prefix(text: str, span: Span) -> Span:
    """An arbitration number's prefix is the committee's abbreviation: words before it are not."""
    lead = CASE_PREFIX_LEAD.match(text, span[0], span[1])
    bracket = OPEN_BRACKET.search(text, span[0], span[1])
    if lead and bracket and lead.end() <= bracket.start() and text[span[0]] not in "[〔(【":
        return lead.end(), span[1]
    return span


def parties(draft: Draft, text: str, a: int, b: int, addressees: list[Span]) -> None:
    clause = split_at_names(text, _clause(text, a, b), [text[s:e] for s, e in addressees])
    if clause.dispute is None:  # 甲诉乙 in a row's last cell: the cause is the cell after the number
        clause.dispute = labelled_cause(text, a, b)
    prosecutor = None if clause.claimants else PROSECUTOR.search(text, a, b)
    if prosecutor:  # a criminal case: the clause names the accused, the prosecution is said apart
        clause.claimants.append(prosecutor.span("name"))
    for span in clause.claimants:  # a name the page wrapped is one name (…有限公司\n未央分公司)
        draft.add("claimants", text[span[0]:span[1]], span)
    claimants = draft.fields.get("claimants", [])
    neither = [text[s:e] for s, e in clause.others]
    for span in addressees:  # served on its addressees: on the side the clause names them (你与…公司: the claimant)
        name = text[span[0]:span[1]].replace("\n", "")  # a name the column wrapped (…机电设备 / 安装有限公司)
        if any(name == other or same_with_place(name, other) or same_with_place(other, name)
               for other in claimants + neither):
            continue  # a claimant, or a third party the notice is also served on
        draft.add("claimants" if clause.addressed == "claimant" else "respondents", name, span)
    for span in clause.respondents:
        draft.add("respondents", text[span[0]:span[1]], span)
    special = None if clause.dispute else SPECIAL_CAUSE.compiled.search(text, a, b)
    if clause.dispute or special:
        s, e = clause.dispute or special.span()
        draft.put("dispute_type", text[s:e], (s, e))
    missing = None if draft.fields.get("respondents") else MISSING_PERSON.search(text, a, b)
    if missing:
        draft.add("respondents", missing.group("name"), missing.span("name"))
    draft.fields.setdefault("claimants", [])
    draft.fields.setdefault("respondents", [])
    if not draft.fields["respondents"]:
        draft.problem("respondents", "not_found", "no party served could be read")


def _clause(text: str, a: int, b: int) -> Clause:
    for rule in CLAUSES:
        m = rule.search(text, a, b)
        if m:
            parsed = parse_clause(text, *m.span("clause"))
            if rule.id in ("case_clause/filed_by_you", "case_clause/applied_by_you"):
                parsed.addressed = "claimant"
            if parsed.claimants or parsed.respondents or parsed.addressed:
                return parsed
    return labelled_parties(text, a, b)


def labelled_parties(text: str, a: int, b: int) -> Clause:
    """A notice set out as labelled lines: 被申请人:X公司 / 申请人:张三 / 案由:劳动报酬争议."""
    clause = Clause()
    for pattern in (LABELLED_PARTY, LISTED_PARTY):  # with colons; else a list item's sides, comma-parted
        for m in pattern.finditer(text, a, b):
            side = role_side(m.group("role"))
            if side in ("claimant", "respondent"):
                names = split_names(text, *m.span("names"))
                (clause.respondents if side == "respondent" else clause.claimants).extend(names)
        if clause.claimants or clause.respondents:
            break
    for m in [] if clause.claimants or clause.respondents else PARTIES_LINE.finditer(text, a, b):
        parsed = parse_clause(text, *m.span("clause"))  # 当事人:原告甲诉被告乙,第三人丙
        clause.claimants += parsed.claimants
        clause.respondents += parsed.respondents
        clause.others += parsed.others
    if not clause.respondents:
        clause.respondents = [span for m in LABELLED_SERVED.finditer(text, a, b)
                              for span in split_names(text, *m.span("names"))]
    clause.dispute = labelled_cause(text, a, b)
    return clause


def labelled_cause(text: str, a: int, b: int) -> Span | None:
    """The cause a labelled notice or a list row gives: after 案由:, or after the case number."""
    cause = LABELLED_CAUSE.search(text, a, b)
    if cause:
        return cause.span("cause")
    for m in NUMBER_THEN_CAUSE.finditer(text, a, b):  # 一、(2026)粤73知民初455号 侵害发明专利权纠纷
        found = cause_at_end(text, *m.span("cause"))
        if found:
            end = found[1][1]
            # the word after the number is all cause, no party: 网络购物合同纠纷, read in its own words
            whole = DISPUTE_SHAPES.rules[0].compiled.fullmatch(text, m.start("cause"), end)
            return (m.start("cause"), end) if whole else found[1]
    return None


def addressees(text: str, a: int, b: int) -> list[Span]:
    """Names the notice is addressed to (the line that ends in a colon before the body)."""
    head = text[a:min(b, a + 400)]  # cut out: the notice's start is where a name may start
    found = [m for rule in OPENINGS if rule.id.startswith("opening/addressee") for m in [rule.search(head)] if m]
    if not found:
        return []
    m = min(found, key=lambda m: m.start())
    s, e = a + m.start("names"), a + m.end("names")
    for fence in (*(rule.search(text, s, e + 1) for rule in TITLES), *SIGNATURES.by_id["signature/closing"].finditer(text, s, e),
                  ADDRESSEE_LEAD.match(text, s, e)):
        if fence and fence.end() <= e:
            s = max(s, fence.end())
    while s < e and text[s] in "】]〕)":  # the end of a title run into its addressee (【公告】甲:)
        s += 1
    # Names may be space-separated; going back from the colon, the first piece that is no name
    # (a heading '起诉状副本及开庭传票', a case number, a date) ends the addressee.
    names: list[Span] = []
    pieces = _pieces(text, s, e)
    for k in reversed(range(len(pieces))):
        found = split_names(text, *pieces[k])
        # a piece too short for a name is part of its neighbour: 张卫 / 东 (a space OCR put in)
        # adds nothing; 公 / 告 (a letter-spaced title) is no name and ends the names
        joined = "".join(text[a_:b_] for a_, b_ in pieces[max(0, k - 1):k + 1]) if not found else ""
        if (not found and NOT_A_NAME.search(joined)) or any(
                (NOT_A_NAME.search(text, *name) and not _numbered_company(text, *name))
                or AUTHORITY_NAME.fullmatch(text, *name) for name in found):
            break  # a heading, a number, or the issuer heading its notice (厦门海事法院 泉州远扬船务有限公司:)
        names[:0] = found
    names = [span for span in names if not YOU_RE.fullmatch(text, *span) and not ANYONE.fullmatch(text, *span)]
    if names:
        names[0] = _wrapped_name(text, a, *names[0])
    return names


def _wrapped_name(text: str, a: int, s: int, e: int) -> Span:
    """An addressee a column wrapped: the line above begins the organisation's name (辽宁北方重工
    机电设备 / 安装有限公司:)."""
    if s <= a or text[s - 1] != "\n":
        return s, e
    above = max(a, text.rfind("\n", a, s - 1) + 1)
    return (above, e) if begins_wrapped_name(text[above:s - 1], text[s:e]) else (s, e)


def _numbered_company(text: str, a: int, b: int) -> bool:
    """A company with digits in its name (杭州1688网络技术有限公司, 上海1号店…), not a case
    number run into one (民申1742号宝鸡市…经营部: a serial of three or more digits and 号)."""
    return bool(ORG_NAME.fullmatch(text, a, b)) and not CASE_SERIAL.search(text, a, b)


CASE_SERIAL = regex.compile(r"\d{3,}号")


def _pieces(text: str, s: int, e: int) -> list[Span]:
    """Names on one line separated by a space between Chinese characters ('Smart Link Ltd' stays)."""
    cuts = [gap.span() for gap in NAME_GAP.finditer(text, s, e)]
    edges = [s, *(x for cut in cuts for x in cut), e]
    return [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]


@dataclass(frozen=True)
class Context:
    """What dates a hearing of a list that prints less than a full date: the day of the hearing
    before it (同日, 次日), the date heading above it, the 上午/下午 it is listed under."""

    previous: dt.date | None = None
    heading: Span | None = None
    period: str | None = None
    year: int | None = None  # the year a date without one takes when the notice is undated: one its head prints

    def default_year(self, publication: dt.date | None) -> int | None:
        """The year of a hearing date printed without one: the notice's, else the year before."""
        if publication:
            return publication.year
        return self.year or (self.previous.year if self.previous else None)


NO_CONTEXT = Context()


def hearing(draft: Draft, text: str, a: int, b: int, publication: dt.date | None, context: Context = NO_CONTEXT) -> None:
    if NOT_YET.search(text, a, b):
        return
    says = bool(HEARING_WORDS.search(text, a, b))
    for rule in HEARING_ANCHORS:
        for anchor in rule.finditer(text, a, b):
            # 开庭时间: says itself that a hearing follows; 时间: does when the notice speaks of a
            # hearing; 定于 needs 开庭/审理 in its sentence
            says_hearing = rule.id == "hearing/labelled" or (rule.id == "hearing/labelled_short" and says)
            if rule.id == "hearing/labelled_short" and not says:
                continue
            if read_hearing(draft, text, anchor.end(), b, publication, context, says_hearing=says_hearing):
                return
    read_hearing(draft, text, a, b, publication, context, anchored=False)


def read_hearing(draft: Draft, text: str, at: int, b: int, publication: dt.date | None,
                 context: Context = NO_CONTEXT, anchored: bool = True, says_hearing: bool = False) -> bool:
    """Read the hearing time at `at` (right after an anchor such as 定于), or, not anchored, at
    the start of a list item or table cell (1. 2026年6月2日上午9:00,…; 上午9:00 under a date
    heading); True when the item's hearing has been settled."""
    previous = context.previous
    default_year = context.default_year(publication)
    sentence_end = text.find("。", at, b)
    sentence_end = b if sentence_end < 0 else sentence_end
    if anchored and not says_hearing and not HEARING_WORDS.search(text, at, sentence_end):
        return False
    when_rule = WHEN_AT.by_id["hearing_when/relative_then_date"].compiled
    when = when_rule.match(text, at, b) if anchored else when_rule.search(text, at, min(b, at + ITEM_LEAD))
    carried = when is not None and (when.group("same_day") or when.group("next_day"))
    # an item that does not open with its day needs a time to show the date is its hearing's
    stray_date = bool(when and not anchored and not when.group("time") and text[at:when.start()].strip())
    if when is None or (carried and previous is None) or stray_date:
        if context.heading is not None and _under_heading(draft, text, at, b, publication, context):
            return True
        relative = WHEN_AT.by_id["hearing_when/relative"].compiled.match(text, at, b) if anchored else None
        if relative:
            span = relative.span("relative")
            draft.put("hearing_text", text[span[0]:span[1]], span)
            draft.put("hearing_datetime", None)
            draft.problem("hearing_datetime", "relative_hearing",
                          f"the hearing is set relative to the notice: {text[span[0]:span[1]]}", span)
            _venue(draft, text, relative.end(), sentence_end, b)
            return True
        return False
    if when.group("same_day"):
        day = previous
    elif when.group("next_day"):
        day = previous + dt.timedelta(days=1)
    else:
        day = _day(draft, when, default_year, publication)
        if day is None:
            return True
    return _settle(draft, text, when, day, context, sentence_end, b)


def _day(draft: Draft, when, default_year: int | None, publication: dt.date | None) -> dt.date | None:
    """The day a date match names, its year from the notice when it prints none; None, with the
    problem recorded, when it names no day."""
    hit = dates.parse_date_match(when, default_year)
    if hit.date is None:
        draft.problem("hearing_datetime", "invalid_date", hit.error or "unreadable date", when.span())
        draft.put("hearing_datetime", None)
        draft.fields["hearing_stated"] = True
        return None
    day = hit.date
    if hit.year_assumed:
        if publication and day < publication:  # 1月20日 in a notice of 12月10日: next January
            day = _next_year(day)
        draft.problem("hearing_datetime", "year_assumed",
                      f"the hearing date has no year; {day.year} is taken from the notice date", when.span())
    return day


def _settle(draft: Draft, text: str, when, day: dt.date, context: Context, sentence_end: int, b: int) -> bool:
    """The hearing is `day` at the time `when` prints (under a 下午 heading, 2:30 is 14:30)."""
    clock = None
    if when.group("time"):
        clock, error = dates.parse_time_match(when, context.period)
        if error:  # a day with an impossible time is no hearing time: null, and why
            draft.problem("hearing_datetime", "invalid_time", error, when.span("time"))
            draft.put("hearing_datetime", None)
            draft.fields["hearing_stated"] = True
            return True
    draft.put("hearing_datetime", dates.combine(day, clock), when.span())
    _venue(draft, text, when.end(), sentence_end, b)
    return True


HEADING_TIME = regex.compile(rf"\s*(?:{TIME_RANGE_START})?(?P<time>{dates.TIME.pattern}){TIME_RANGE_END}", regex.VERBOSE)


def _under_heading(draft: Draft, text: str, at: int, b: int, publication: dt.date | None, context: Context) -> bool:
    """An item under a date heading prints its time alone (上午9:00 第一法庭 …): the day is the heading's."""
    when = HEADING_TIME.search(text, at, min(b, at + ITEM_LEAD))
    heading = dates.DATE.fullmatch(text, *context.heading)
    if when is None or heading is None:
        return False
    default_year = context.default_year(publication)
    day = _day(draft, heading, default_year, publication)
    if day is None:
        return True
    sentence_end = text.find("。", at, b)
    return _settle(draft, text, when, day, context, b if sentence_end < 0 else sentence_end, b)


CELL_DATE = regex.compile(dates.DATE.pattern, regex.VERBOSE)
CELL_TIME = regex.compile(rf"{TIME_RANGE_START}{dates.TIME.pattern}", regex.VERBOSE)


def read_cells_hearing(draft: Draft, text: str, cells: list[Span], publication: dt.date | None,
                       context: Context = NO_CONTEXT) -> None:
    """A table row's hearing from its date and time cells (or one cell holding both): the
    first date and the first time the cells print; a day alone when no time is printed."""
    date = next((m for s, e in cells for m in [CELL_DATE.search(text, s, e)] if m), None)
    clock_match = next((m for s, e in cells for m in [CELL_TIME.search(text, s, e)] if m), None)
    if date is None and context.heading is not None:  # a time under a row that is its day
        date = CELL_DATE.search(text, *context.heading)
    if date is None:
        return
    default_year = context.default_year(publication)
    day = _day(draft, date, default_year, publication)
    if day is None:
        return
    clock = None
    if clock_match is not None:
        clock, error = dates.parse_time_match(clock_match, context.period)
        if error:
            draft.problem("hearing_datetime", "invalid_time", error, clock_match.span())
            draft.put("hearing_datetime", None)
            draft.fields["hearing_stated"] = True
            return
    spans = [date.span()] + ([clock_match.span()] if clock_match is not None and clock_match.start() >= date.end()
                             or clock_match is not None and clock_match.end() <= date.start() else [])
    draft.put("hearing_datetime", dates.combine(day, clock), *spans)


def _next_year(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 2月29日
        return day.replace(year=day.year + 1, day=28)


def _venue(draft: Draft, text: str, at: int, end: int, b: int) -> None:
    """The venue the hearing sentence names (text[at:end]), or a 开庭地点: line soon after it,
    inside the item (text[:b]): another notice's venue is not this one's."""
    for rule in VENUE:
        m = rule.compiled.match(text, at, end)
        if m:
            if m.groupdict().get("address") and m.groupdict().get("place"):  # the room, the address beside it: 本委第二仲裁庭(地址:…)
                span = (m.start("place"), text.find(")", m.end("address")) + 1)
            elif m.groupdict().get("address"):
                span = m.span("address")
            else:
                span = m.span(next((g for g in ("address_after",) if m.groupdict().get(g)), "place"))
            draft.put("venue", text[span[0]:span[1]].strip(), span)
            return
    m = VENUE_LABELLED.search(text, at, min(b, end + 200))
    if m:
        draft.put("venue", m.group("place").strip(), m.span("place"))


def events(draft: Draft, text: str, a: int, b: int, publication: dt.date | None) -> None:
    """The sessions the notice schedules that are no hearing, in text order (notices.rules.events);
    a day without a year takes the notice's, a day that cannot be read is a problem."""
    found: list[tuple[int, int, Event, Span]] = []
    for rule in EVENTS:
        for m in rule.finditer(text, a, b):
            if any(s < m.end() and m.start() < e for s, e, _, _ in found):
                continue  # one sentence, one event: the first kind that reads it
            day_match = dates.DATE.search(text, *m.span("when"))
            hit = dates.parse_date_match(day_match, publication.year if publication else None)
            if hit.date is None:
                draft.problem("events", "invalid_date", hit.error or "unreadable date", m.span("when"))
                continue
            if hit.year_assumed:
                draft.problem("events", "year_assumed",
                              f"the {rule.id.split('/')[1]} date has no year; {hit.date.year} is the notice's", m.span("when"))
            time_match = dates.TIME.search(text, day_match.end(), m.end("when"))
            time = dates.parse_time_match(time_match)[0] if time_match else None
            place = m.group("place").strip() if m.group("place") else None
            event = Event(kind=rule.id.split("/")[1], start=dates.combine(hit.date, time), venue=place)
            found.append((m.start(), m.end(), event, m.span("when")))
    found.sort(key=lambda item: item[0])
    draft.put("events", [event for _, _, event, _ in found], *(span for _, _, _, span in found))


def documents(draft: Draft, text: str, a: int, b: int) -> None:
    """Documents served; when the list names none, the decision the notice says was made."""
    draft.fields.setdefault("documents", [])
    _documents_of(draft, text, SERVED.by_id["documents/served"].finditer(text, a, b))
    if not draft.fields["documents"] and SERVICE.search(text, a, b):
        _documents_of(draft, text, SERVED.by_id["documents/made"].finditer(text, a, b))


def _documents_of(draft: Draft, text: str, matches) -> None:
    for m in matches:
        s, e = m.span("list")
        titles = list(BOOK_TITLE.finditer(text, s, e))
        if titles:
            for t in titles:
                draft.add("documents", t.group("doc"), t.span("doc"))
            continue
        cursor = s
        for sep in [*ITEM_SEPARATOR.finditer(text, s, e), None]:
            end = sep.start() if sep else e
            served = SERVED_WORD.search(text, cursor, end)
            start = served.end() if served else cursor
            count = COPIES.search(text, start, end)
            end = count.start() if count else end
            lead = LEADING_NOISE.match(text, start, end)
            start = lead.end() if lead else start
            if DOCUMENT_NAME.fullmatch(text, start, end):
                draft.add("documents", text[start:end], (start, end))
            cursor = sep.end() if sep else e


def notice_type(draft: Draft, text: str, a: int, b: int) -> str:
    if any(draft.fields.get(name) for name in ("hearing_datetime", "hearing_text", "hearing_stated")):
        return "hearing"
    served = " ".join(draft.fields.get("documents", []))
    if (DECISION.search(served) or DECIDES.search(text, a, b)) and not FIRST_PAPERS.search(served):
        return "decision_service"
    if served or SERVICE.search(text, a, b):
        return "document_service"
    return "other"


