"""Who brought the case and who is served: the case clause of a notice.

A case clause is how every notice names its case: "[申请人]A[、B]与你单位X争议一案",
"原告A诉被告B、C X纠纷一案", "A申请执行B、你们一案", "被告人A X罪一案". The patterns find the
clause; the functions split it into claimants, respondents and the cause, all as spans of the
text so every value keeps its evidence.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from notices.rules import Rule, table
from notices.rules.disputes import CAUSE_END, CAUSE_HEAD, DISPUTE_SHAPES, STRONG_ORG_END
from notices.rules.parts import CASE_COUNT, CLAIMANT_ROLE, NAME_SEPARATOR, RESPONDENT_ROLE, YOU
from notices.vocab import role_sides

Span = tuple[int, int]

CLAUSES = table(
    "case_clause",
    Rule(
        "case_clause/application",  # A因与你发生X争议向本委申请仲裁
        rf"""
        (?:\G|(?<=^)|(?<=[。:\n]))(?P<clause>[^。:\n]{{2,120}}?因与{YOU}发生[^。\n]{{2,40}}?(?:争议|纠纷))(?:,)?向(?:本委|本院|我委|我院)申请(?:劳动)?仲裁
        """,
        match=("常州武进腾跃精密模具有限公司因与你发生违约金争议向本委申请仲裁",),
        reject=("申请人张松田与你单位劳动报酬争议一案",),
    ),
    Rule(
        "case_clause/count",  # …一案, …二案, …十二案
        rf"(?:\G|(?<=^)|(?<=[。:\n]))(?P<clause>(?:[^。:\n]|(?<=\d):(?=\d)|(?<=\([^()]{{0,16}}):){{2,400}}?){CASE_COUNT}",
        match=("本委受理的张松田与你单位劳动报酬争议一案", "申请人张红霞、何文斌与你单位劳动争议二案"),
        reject=("本案定于二〇二六年六月十日下午三时开庭", "一案"),
    ),
    Rule(
        "case_clause/cause_end",  # list items: 原告A诉被告B买卖合同纠纷;
        rf"(?P<clause>{CLAIMANT_ROLE}[^。:\n;]{{2,300}}?{CAUSE_END})(?=\s*(?:[;。,]|\n|$))",
        match=("原告刘卫平诉被告赣州通衢汽车销售服务有限公司买卖合同纠纷;",),
        reject=("被告赣州通衢汽车销售服务有限公司",),
    ),
)

# Where the clause proper starts inside the matched sentence: after the last of these.
CLAUSE_LEAD = regex.compile(
    r"(?:依法|已|已经|立案)*(?:受理了?的?|审理(?:终结)?的?|立案的?|(?:不)?公开(?:开庭)?(?:审理|宣判)|开庭审理|宣判)"
)
CONNECTOR = regex.compile(
    rf"(?P<conn>因与|提起公诉的|指控|申请执行|因[^与。,]{{0,8}}不服|不服|诉|与|[,,](?=\s*{RESPONDENT_ROLE}))\s*(?:{RESPONDENT_ROLE})?"
)
CLAIMANT_LABEL = regex.compile(rf"(?<!被)(?<!原审){CLAIMANT_ROLE}")
RESPONDENT_LABEL = regex.compile(RESPONDENT_ROLE)
ROLE_PREFIX = regex.compile(rf"(?:{CLAIMANT_ROLE}|{RESPONDENT_ROLE}|原审第三人|第三人)")
# Listed parties that are neither side: 第三人, and in an appeal the 原审被告 who did not appeal.
THIRD_PARTY = regex.compile(r"\s*(?:(?:原审)?第三人|原审(?:原告|被告))")
# Trailing annotations that are not part of a name: (经营者:钱德福), (统一社会信用代码:9137…)
ANNOTATION = regex.compile(r"\([^()]*[:][^()]*\)|\((?:原审)?(?:原告|被告|第三人)\)")
COUNT_TAIL = regex.compile(r"(?:等?[\d二三四五六七八九十百两]+(?:人|名|位|家)|等人|分别)$")
CASE_NUMBER_LEAD = regex.compile(r"[\[〔(【]?\(?\d{4}[\]〕)】][^\s原申上被诉与]{1,16}?号")
YOU_RE = regex.compile(YOU)
SEPARATOR = regex.compile(NAME_SEPARATOR)
BARE_CAUSE = regex.compile(rf"[\p{{Han}}]{{0,20}}{CAUSE_END}")
PERSON_NAME = regex.compile(r"\p{Han}{2,4}|\p{Han}+·\p{Han}+")


ROLE_SIDES = role_sides()
ANNOTATED = regex.compile(r"(?:原审)?(?P<label>[^()]+?)(?:\([^()]*\))?")


def role_side(label: str) -> str:
    """The side a printed role label names: 被告 and 原审被告(上诉人) are the respondent side."""
    m = ANNOTATED.fullmatch(label)
    bare = m.group("label") if m else label
    return ROLE_SIDES.get(label) or ROLE_SIDES.get(bare) or ROLE_SIDES.get(label.removeprefix("原审"), "other")


@dataclass
class Clause:
    claimants: list[Span] = field(default_factory=list)
    respondents: list[Span] = field(default_factory=list)
    addressed: bool = False  # the respondents include 你/你单位/你们: the addressee
    dispute: Span | None = None


def _strip(text: str, a: int, b: int) -> Span:
    """Trim blanks, role labels, annotations and counting words from a name span."""
    while True:
        before = (a, b)
        while a < b and text[a] in " \t\n的了":
            a += 1
        while b > a and text[b - 1] in " \t\n":
            b -= 1
        role = ROLE_PREFIX.match(text, a, b)
        if role and role.end() < b:
            a = role.end()
        tail = COUNT_TAIL.search(text, a, b)
        if tail:
            b = tail.start()
        note = ANNOTATION.search(text, a, b)
        if note and note.end() == b:
            b = note.start()
        if (a, b) == before:
            return a, b


def split_names(text: str, a: int, b: int) -> list[Span]:
    """Party names in text[a:b], split at 、 , ; — third parties and empty slots dropped."""
    names = []
    cursor = a
    for sep in [*SEPARATOR.finditer(text, a, b), None]:
        end = sep.start() if sep else b
        if not _inside_brackets(text, cursor, end):
            na, nb = _strip(text, cursor, end)
            if nb - na >= 2 and not THIRD_PARTY.match(text, cursor, end):
                names.append((na, nb))
            cursor = sep.end() if sep else b
    return names


def _inside_brackets(text: str, a: int, b: int) -> bool:
    """A separator inside an annotation, (经营者:甲、乙), does not split names."""
    return text.count("(", a, b) > text.count(")", a, b)


def cause_start(text: str, a: int, b: int) -> int | None:
    """Where the cause of action begins in text[a:b] = respondent names followed by the cause.

    The first cause word that ends the clause as a cause does wins; else the first cause word
    after a plausible name (挪用公款、贪诈: charges need not end in 罪); else the end of the last
    organisation name, when what follows reads as a cause."""
    plausible = None
    for head in CAUSE_HEAD.finditer(text, a, b, overlapped=True):
        p = head.start()
        name_start = _last_separator(text, a, p)
        if p - name_start < 2 or STRONG_ORG_END.search(text, p, b):
            continue  # no name before it, or the word sits inside a later organisation's name
        if DISPUTE_SHAPES.rules[0].compiled.search(text[p:b]):
            return p
        if plausible is None and _plausible_name(text[name_start:p]):
            plausible = p
    if plausible is not None:
        return plausible
    last_org = None
    for org in STRONG_ORG_END.finditer(text, a, b):
        last_org = org
    if last_org and BARE_CAUSE.fullmatch(text, last_org.end(), b):
        return last_org.end()
    return None


def _plausible_name(name: str) -> bool:
    """A person's name (2-4 characters, or a dotted transliteration) or an organisation's."""
    return bool(PERSON_NAME.fullmatch(name) or STRONG_ORG_END.search(name))


def _last_separator(text: str, a: int, p: int) -> int:
    found = a
    for sep in SEPARATOR.finditer(text, a, p):
        found = sep.end()
    while found < p and text[found] == " ":
        found += 1
    return found


def parse_clause(text: str, a: int, b: int) -> Clause:
    """Split the clause text[a:b] (without its 一案) into claimants, respondents and cause."""
    clause = Clause()
    label = CLAIMANT_LABEL.search(text, a, b)
    if label:
        a = label.end()
    else:
        for lead in CLAUSE_LEAD.finditer(text, a, b):
            a = lead.end()
    number = CASE_NUMBER_LEAD.match(text, a, b)
    if number:
        a = number.end()
    connector = _connector(text, a, b)
    if connector is None:
        role = RESPONDENT_LABEL.match(text, a, b)
        if not role:
            return clause
        rest = role.end()  # 被告人A X罪: no claimant named
    else:
        clause.claimants = split_names(text, a, connector.start())
        if "不服" in connector.group("conn"):
            return clause  # an appeal against a decision: the other side is not named
        rest = connector.end()
    _respondents_and_cause(text, rest, b, clause)
    return clause


def _connector(text: str, a: int, b: int):
    """The word joining claimants to respondents, outside brackets and past the first name."""
    for found in CONNECTOR.finditer(text, a + 1, b):
        if not _inside_brackets(text, a, found.start()):
            return found
    return None


def _respondents_and_cause(text: str, a: int, b: int, clause: Clause) -> None:
    while a < b and text[a] == " ":
        a += 1
    you = YOU_RE.match(text, a, b)
    if you and not SEPARATOR.match(text, you.end(), b):  # 你公司、被告X…: a list, read below  # 与你单位劳动报酬争议, 因与你发生违约金争议
        clause.addressed = True
        cause = you.end() + 2 if text.startswith("发生", you.end()) else you.end()
        if b - cause >= 2:
            clause.dispute = _cause_span(text, cause, b)
        return
    start = cause_start(text, a, b)
    names_end = start if start is not None else b
    for na, nb in split_names(text, a, names_end):
        if YOU_RE.fullmatch(text, na, nb):
            clause.addressed = True
        else:
            clause.respondents.append((na, nb))
    if start is not None:
        clause.dispute = _cause_span(text, start, b)


def _cause_span(text: str, a: int, b: int) -> Span | None:
    while a < b and text[a] in " 的":
        a += 1
    if text.startswith("犯", a) and b - a > 2:  # 指控被告人A犯盗窃罪: the cause is 盗窃罪
        a += 1
    while b > a and text[b - 1] in " ,":
        b -= 1
    return (a, b) if b - a >= 2 else None
