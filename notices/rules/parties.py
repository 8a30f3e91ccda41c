"""Who brought the case and who is served: the case clause of a notice.

A case clause is how every notice names its case: "[申请人]A[、B]与你单位X争议一案",
"原告A诉被告B、C X纠纷一案", "A申请执行B、你们一案", "被告人A X罪一案". The patterns find the
clause; the functions split it into claimants, respondents and the cause, all as spans of the
text so every value keeps its evidence.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from notices.normalize import begins_wrapped_name
from notices.rules import Rule, standalone, table
from notices.rules.causes import ADMINISTRATIVE, CAUSE_END, DISPUTE_SHAPES, cause_start, forms, heads
from notices.rules.parts import (CASE_COUNT, CLAIMANT_ROLE, FIELD_LABEL, NAME_SEPARATOR, NAME_SEPARATOR_IN_LINE,
                                 ORG_SUFFIX, RESPONDENT_ROLE, THIRD_ROLE, YOU)
from notices.vocab import role_sides

Span = tuple[int, int]

CLAUSES = table(
    "case_clause",
    Rule(
        "case_clause/application",  # A因与你发生X争议向本委申请仲裁
        rf"""
        (?:\G|(?<=^)|(?<=[。:\n]))(?P<clause>[^。:\n]{{2,120}}?(?:因|就)与{YOU}(?:之间)?(?:的|发生的?)?[^。\n]{{2,40}}?(?:争议|纠纷))
        (?:,)?向(?:本委|本院|我委|我院)(?:提出|申请)(?:劳动)?仲裁
        """,
        match=("常州武进腾跃精密模具有限公司因与你发生违约金争议向本委申请仲裁",
               ("申请人谭雅琴就与你单位之间的工伤保险待遇争议向本委申请仲裁", {"clause": "申请人谭雅琴就与你单位之间的工伤保险待遇争议"})),
        reject=("申请人张松田与你单位劳动报酬争议一案",),
    ),
    Rule(
        "case_clause/filed_by_you",  # 你于…向本委提交的与被申请人X追索劳动报酬争议的仲裁申请: the addressee applied
        rf"""
        (?:\G|(?<=^)|(?<=[。:\n])){YOU}[^。:\n]{{0,40}}?(?:提交|提出|递交)的?
        (?P<clause>与(?:[^。:\n]|(?<=\([^()]{{0,60}}):){{2,100}}?(?:争议|纠纷))的?(?:劳动(?:人事)?争议)?仲裁申请
        """,
        match=(("你于2026年2月12日向本委提交的与被申请人江西赣顺物流有限公司追索劳动报酬争议的仲裁申请",
                {"clause": "与被申请人江西赣顺物流有限公司追索劳动报酬争议"}),
               ("你于2026年1月26日向本院提交的与被申请人沈阳德盛装饰工程有限公司(法定代表人:高书铭)追索劳动报酬争议的仲裁申请",
                {"clause": "与被申请人沈阳德盛装饰工程有限公司(法定代表人:高书铭)追索劳动报酬争议"})),
        reject=("申请人张松田与你单位劳动报酬争议一案",),
    ),
    Rule(
        "case_clause/applied_by_you",  # 你于…向本委申请仲裁,要求被申请人X支付…: the addressee applied
        rf"""
        (?:\G|(?<=^)|(?<=[。:\n])){YOU}[^。:\n]{{0,40}}?申请(?:劳动(?:人事)?争议)?仲裁\s*,?\s*(?:要求|请求)
        (?P<clause>被申请人[^。:\n,;]{{2,60}}?)(?=支付|给付|赔偿|返还|承担|继续|确认|补缴|补发|办理|为你|向你|履行|,|。)
        """,
        match=(("你于2026年3月3日向本委申请仲裁,要求被申请人厦门海翼云帆信息科技有限公司支付2022年度年终奖金",
                {"clause": "被申请人厦门海翼云帆信息科技有限公司"}),),
        reject=("申请人张松田与你单位劳动报酬争议一案",),
    ),
    Rule(
        "case_clause/count",  # …一案, …二案, …十二案
        rf"""(?:\G|(?<=^)|(?<=[。:\n]))(?P<clause>(?:[^。:\n]|(?<=\d):(?=\d)|(?<=\([^()]{{0,60}}):
             |(?<=[^\n]{{16}})\n(?=[^\n。]{{1,200}}?{CASE_COUNT}))   # a long line the page wrapped inside a name
           {{2,400}}?){CASE_COUNT}""",
        match=("本委受理的张松田与你单位劳动报酬争议一案", "申请人张红霞、何文斌与你单位劳动争议二案",
               ("原告王建设诉被告西安鼎盛宏达劳务有限公司、西安鼎盛宏达劳务有限公司\n未央分公司劳务合同纠纷两案",
                {"clause": "原告王建设诉被告西安鼎盛宏达劳务有限公司、西安鼎盛宏达劳务有限公司\n未央分公司劳务合同纠纷"})),
        reject=("本案定于二〇二六年六月十日下午三时开庭", "一案"),
    ),
    Rule(
        "case_clause/row_suit",  # a list row's last cell: 甲诉乙 (…网络购物合同纠纷<gap>李晓红诉杭州优品汇电子商务有限公司)
        r"(?<=\t)(?P<clause>[^\t\n。:,;]{2,60}?诉(?!讼|称|请|前|状)[^\t\n。:;]{2,120}?)(?=[^\S\n]*(?:\n|$))",
        match=(("网络购物合同纠纷\t李晓红诉杭州优品汇电子商务有限公司\n", {"clause": "李晓红诉杭州优品汇电子商务有限公司"}),),
        reject=("本院受理的诉讼材料已送达\t",),
    ),
    Rule(
        "case_clause/applicant",  # 申请人A因遗失…向本院申请公示催告: a special procedure names its applicant alone
        rf"(?:\G|(?<=^)|(?<=[。:\n]|号))(?P<clause>申请人[^。:\n,;]{{2,60}}?)(?=因|以|于\d{{4}}|向(?:本院|本委|我院)|就|,)",
        match=(("申请人杭州恒晟纺织品有限公司因遗失银行承兑汇票一张", {"clause": "申请人杭州恒晟纺织品有限公司"}),
               ("(2026)湘0181民催12号申请人浏阳市金阳花炮材料有限公司因遗失", {"clause": "申请人浏阳市金阳花炮材料有限公司"})),
        reject=("申请人张松田与你单位劳动报酬争议一案",),
    ),
    Rule(
        "case_clause/indictment",  # X人民检察院以…起诉书指控被告人Y犯Z罪 (a criminal case named without 一案)
        rf"(?:(?<=^)|(?<=[。:,\s]))(?P<clause>\p{{Han}}{{2,30}}?人民检察院[^。:\n]{{0,40}}?指控被告(?:人|单位)"
        rf"[^。:\n]{{2,100}}?罪)(?=[,;。\s]|$)",
        match=(("贵阳市人民检察院以筑检刑诉〔2026〕12号起诉书指控被告人田某某犯贪污罪、受贿罪,于2026年2月10日",
                {"clause": "贵阳市人民检察院以筑检刑诉〔2026〕12号起诉书指控被告人田某某犯贪污罪、受贿罪"}),),
        reject=("被告人黄某某诈骗罪一案",),
    ),
    Rule(
        "case_clause/cause_end",  # list items: 原告A诉被告B买卖合同纠纷;
        rf"(?P<clause>{CLAIMANT_ROLE}[^。\n;]{{1,150}}?(?:诉|与|申请执行|[\s,，]\s*{RESPONDENT_ROLE})[^。\n;]{{1,150}}?{CAUSE_END})"
        rf"(?=\s*(?:[;。,]|\n|$))",
        match=("原告刘卫平诉被告赣州通衢汽车销售服务有限公司买卖合同纠纷;",),
        reject=("被告赣州通衢汽车销售服务有限公司", "申请人可通过网上平台在线提交仲裁申请,"),
    ),
)

# The prosecution named outside the case clause: 由X人民检察院提起公诉, X人民检察院于…向本院提起公诉,
# or after its role (…一案,案号…,公诉机关X人民检察院).
PROSECUTOR = Rule(
    "prosecutor",
    r"(?<=^|[。,;:\s])由?(?P<name>(?!由)\p{Han}{2,30}?人民检察院)(?:以[^。,]{0,40}?起诉书)?"
    r"(?:于[^。,]{4,20}?)?(?:向本院|向我院)?(?:提起公诉|指控|起诉)"
    r"|(?:原审)?公诉机关\s*:?\s*(?P<name>\p{Han}{2,30}?人民检察院)",
    match=(("由泉州市丰泽区人民检察院提起公诉", {"name": "泉州市丰泽区人民检察院"}),
           ("。海口市龙华区人民检察院于2026年1月5日向本院提起公诉", {"name": "海口市龙华区人民检察院"}),
           ("盗窃罪一案,案号(2026)晋0702刑初233号,公诉机关晋中市榆次区人民检察院。", {"name": "晋中市榆次区人民检察院"})),
    reject=("本院受理原告某某人民检察院诉被告",),
    flags=regex.MULTILINE,
)

# The person a declaration of disappearance or death is sought for, named in the notice's body
# (下落不明人吕某应当…申报, 宣告祁某死亡) when the case clause says only 申请宣告自然人失踪.
MISSING_PERSON = Rule(
    "missing_person",
    r"下落不明人(?P<name>\p{Han}{2,4}?)(?=应|于|自|的|,|。)|宣告(?!自然人|公民)(?P<name>\p{Han}{2,4}?)(?:为)?(?:失踪|死亡)"
    r"|被申请人(?P<name>\p{Han}+·\p{Han}+|\p{Han}{2,4}?)\s*[(,]\s*(?:男|女)",  # the person a special procedure concerns, described
    match=(("下落不明人吕某应当自本公告发出之日起三个月内", {"name": "吕某"}), ("本院将依法宣告祁某死亡", {"name": "祁某"}),
           ("申请人称,被申请人王振邦(男,1949年2月出生", {"name": "王振邦"}),
           ("经查:被申请人艾力·买合木提,男,1975年3月出生", {"name": "艾力·买合木提"})),
    reject=("申请宣告自然人失踪一案",),
)

# Where the clause proper starts inside the matched sentence: after the last of these.
CLAUSE_LEAD = regex.compile(
    r"(?:依法|已|已经|立案)*(?:受理了?的?|审理(?:终结)?的?|立案的?|(?:不)?公开(?:开庭)?(?:审理|宣判)|开庭审理|宣判)"
    r"|(?:本院|本委|我院)?(?:根据|依据|依照)"
    r"|在[^,。;]{2,30}?(?:法庭|审判庭|仲裁庭|审判区|室)(?:依法)?(?:公开)?对"  # 在本院第一审判庭对甲指控…一案公开宣判
)
# Words that join one side of a case to the other: 原告A诉被告B, A与B, A就与你之间的…, 公诉机关A指控被告人B.
SWITCH = (r"因与|因诉(?!讼|称|请)|就与|提起公诉的|指控|申请(?:强制)?执行(?!人)|提请(?:对)?|(?<!提出|向|的)申请(?!人|书|执行人|再审人|日|期|费|理由|事项|材料)"
          r"|(?<![抗起上申自公应败胜告])诉(?!讼|称|请|前|状)|与(?!其)"
          r"|的申请[^。]{0,40}?受理(?:了)?"  # 本院根据甲的申请，于…裁定受理乙破产清算一案
          rf"|对(?=\s*(?:{RESPONDENT_ROLE}|{YOU}))|[,,](?=\s*{RESPONDENT_ROLE})")
# Names end and the side goes on: 甲就(2026)…号判决申请执行; a field's label (案由:) ends them too.
BREAK = rf"就(?!与)|(?<=号)的|(?<=检察院)以|{FIELD_LABEL}\s*[:：]"  # …检察院以…起诉书指控
APPEAL_AGAINST = r"因[^与。,]{0,8}不服|不服"
CLAUSE_TOKEN = regex.compile(
    rf"(?P<third>{THIRD_ROLE})|(?P<respondent>{RESPONDENT_ROLE})|(?P<claimant>(?<!被)(?<!原审){CLAIMANT_ROLE})"
    rf"|(?P<appeal>{APPEAL_AGAINST})|(?P<switch>{SWITCH})|(?P<break>{BREAK})"
)
APPEAL_ROLES = regex.compile(r"上诉人|再审申请人|申诉人")
ROLE_PREFIX = regex.compile(rf"(?:{CLAIMANT_ROLE}|{RESPONDENT_ROLE}|{THIRD_ROLE})")
# Listed parties that are neither side: 第三人, and in an appeal the 原审被告 who did not appeal.
THIRD_PARTY = regex.compile(rf"\s*(?:{THIRD_ROLE}|原审(?:原告|被告))")
# Trailing annotations that are not part of a name: (经营者:钱德福), (统一社会信用代码:9137…)
ANNOTATION = regex.compile(
    r"\([^()]*[:][^()]*\)|\((?:原审)?(?:原告|被告|第三人)[^()]{0,12}\)"
    r"|\([^()]*(?:单位|身份|号码|代码|出生|住所|住址|法定代表人|法定代理人|监护人|负责人|经营者|曾用名|又名|原名|简称|下称|[男女]|族|\d{4})[^()]*\)"
    r"|\([A-Za-z][A-Za-z .,&'-]*(?:\([A-Za-z .]{1,12}\)[A-Za-z .,&'-]*)?\)"  # an English name beside the Chinese one: …(… (HK) LIMITED)
    r"|(?<=[A-Za-z.])\(\p{Han}{2,30}\)"  # and the Chinese name beside an English one: Michael Zhou(周明远), … Ltd.(…有限公司)
    r"|\([^()]{0,40}(?:居民|国籍|籍|同胞)\)"  # where the party is from: (台湾居民), (CHAN KA HO,香港特别行政区居民)
)
# Words after a name that are not of it: 等3人, (共3人), 之间的, and 及 before a role (陈某及原审第三人…).
COUNT_TAIL = regex.compile(r"(?:等?[\d二三四五六七八九十百两]+(?:人|名|位|家)|\(共?[\d二三四五六七八九十百两]+(?:人|名|位|家)\)"
                           r"|等人|(?<=\p{Han}{2})等|分别|之间的?|的|(?:以)?及)$")
CASE_NUMBER_LEAD = regex.compile(r"[\[〔(【]?\(?\d{4}[\]〕)】][^\s原申上被诉与]{1,16}?号")
YOU_RE = regex.compile(YOU)
SEPARATOR = regex.compile(NAME_SEPARATOR)
SEPARATOR_IN_PROSE = regex.compile(NAME_SEPARATOR_IN_LINE)  # a sentence the page wrapped: a line break is no gap
# 及/和 join two names (王五及赵六) but sit inside many (中和集团, 太和县…): they split where both
# sides read as names.
AND = regex.compile(r"以及|及|和")
PERSON_NAME = regex.compile(r"\p{Han}{2,4}|\p{Han}+·\p{Han}+|\p{Han}某某?")
# Digits and Latin letters may be part of one (杭州1688网络技术有限公司, 上海1号店电子商务有限公司).
ORG_NAME = regex.compile(rf"\p{{Han}}[\p{{Han}}\dA-Za-z]+{ORG_SUFFIX}(?:\([^()]*\))?")
# Quotation and title marks are in sentences, never in a party's name; nor is a case number, or
# a name for oneself (本公司曾涉及的…), or a table's ditto (同上).
# What a notice prints after a party's name, parted by commas (被告:马俊海,男,1979年5月3日出生,回族,
# 住…,公民身份号码…; 兰州恒泰达物资有限公司,住所地…,统一社会信用代码…,法定代表人周红梅): no party.
PERSONAL_DETAIL = (r"\G(?:(?:男|女)$|\d{4}年\d{1,2}月\d{1,2}日(?:出生|生)$|\p{Han}{1,4}族$"
                   r"|(?:住|住所地|住址|现住|户籍地|住所|经常居住地|身份证号码?|公民身份号码|居民身份证|统一社会信用代码"
                   r"|组织机构代码|注册号|法定代表人|负责人|经营者|职务|工作单位)(?!\p{Han}*(?:公司|厂|店|中心|合作社)$))")
NO_NAME = regex.compile(r"[“”\"《》?？!！]|[\[〔(【]\d{4}[\]〕)】]|\G本(?:公司|院|委|人|会|单位|局)|\G(?:同上|同前)$"
                     r"|(?<![(（][^()（）]{0,40})[:：]"  # a label (罪名:), outside an annotation (身份证号:…)
                     rf"|{PERSONAL_DETAIL}")
ROLE_SIDES = role_sides()
ANNOTATED = regex.compile(r"[\[【]?(?:原审)?(?P<label>[^()\[\]【】]+?)[\]】]?(?:\([^()]*\))?")


def role_side(label: str) -> str:
    """The side a printed role label names: 被告 and 原审被告(上诉人) are the respondent side."""
    m = ANNOTATED.fullmatch(label)
    bare = m.group("label") if m else label
    return ROLE_SIDES.get(label) or ROLE_SIDES.get(bare) or ROLE_SIDES.get(label.removeprefix("原审"), "other")


@dataclass
class Clause:
    claimants: list[Span] = field(default_factory=list)
    respondents: list[Span] = field(default_factory=list)
    addressed: str | None = None  # the side the clause names the addressee on (你, 你单位): claimant or respondent
    dispute: Span | None = None
    others: list[Span] = field(default_factory=list)  # third parties (第三人): on neither side


def _strip(text: str, a: int, b: int) -> Span:
    """Trim blanks, role labels, annotations and counting words from a name span."""
    while True:
        before = (a, b)
        while a < b and text[a] in " \t\n的了:：":
            a += 1
        while b > a and text[b - 1] in " \t\n":
            b -= 1
        role = ROLE_PREFIX.match(text, a, b)
        if role and role.end() < b:
            a = role.end()
        if text.startswith("宣告", a) and b - a > 3:  # 申请宣告刘国庆死亡: the person is 刘国庆
            a += 2
        declared = DECLARED.search(text, a, b)
        if declared and declared.start() - a >= 2:
            b = declared.start()
        tail = COUNT_TAIL.search(text, a, b)
        if tail and tail.start() > a:
            b = tail.start()
        note = ANNOTATION.search(text, a, b)
        if note and note.end() == b:
            b = note.start()
        if (a, b) == before:
            return a, b


def split_names(text: str, a: int, b: int, prose: bool = False) -> list[Span]:
    """Party names in text[a:b], split at 、 , ; (and 及/和 between two names), and at line breaks
    unless the names are in a sentence (`prose`), where a line break is the page's wrap — third
    parties and empty slots dropped."""
    names = []
    cursor = a
    for sep in [*(SEPARATOR_IN_PROSE if prose else SEPARATOR).finditer(text, a, b), None]:
        end = sep.start() if sep else b
        if sep and LATIN_COMMA.match(text, sep.start() - 1):
            continue  # HANSOL MARINE CO., LTD.: a comma inside an English name
        if not _inside_brackets(text, cursor, end):
            if not THIRD_PARTY.match(text, cursor, end):
                names.extend(span for part in _split_and(text, *_strip(text, cursor, end))
                             for span in _split_blank(text, *part)
                             if span[1] - span[0] >= 2 and not NO_NAME.search(text, *span))
            cursor = sep.end() if sep else b
    return _rejoined_names(text, names)


def _rejoined_names(text: str, names: list[Span]) -> list[Span]:
    """A name a cell or a column wrapped is one name (天津河东新兴街道城市更新投资 / 有限公司)."""
    joined: list[Span] = []
    for span in names:
        if joined and not text[joined[-1][1]:span[0]].strip() and "\n" in text[joined[-1][1]:span[0]] \
                and begins_wrapped_name(text[slice(*joined[-1])], text[slice(*span)]):
            joined[-1] = (joined[-1][0], span[1])
        else:
            joined.append(span)
    return joined


def _split_blank(text: str, a: int, b: int) -> list[Span]:
    """Organisations a table cell parts by a blank alone (中山市恒力五金制品厂 东莞市长安镇宏发贸易商行):
    split where every part is an organisation's name."""
    parts = [m.span() for m in NON_BLANK.finditer(text, a, b)]
    if len(parts) > 1 and all(ORG_NAME.fullmatch(text, *part) for part in parts):
        return parts
    return [(a, b)]


NON_BLANK = regex.compile(r"[^ ]+")


def _split_and(text: str, a: int, b: int) -> list[Span]:
    for joint in AND.finditer(text, a, b):
        left, right = _strip(text, a, joint.start()), _strip(text, joint.end(), b)
        kinds = (_kind_of_name(text, *left), _kind_of_name(text, *right))
        # 和 sits inside place names (天津和平…公司): it splits like names only; 及 between any two
        if kinds[1] and (kinds[0] in (kinds[1], "organisation") or (kinds[0] and joint.group() != "和")):
            return [left, *_split_and(text, *right)]
    return [(a, b)]


def _kind_of_name(text: str, a: int, b: int) -> str | None:
    """person, organisation, or None. 及/和 split two names (王五及赵六, 甲公司及乙公司, 甲公司和黄德明)
    but not a place before a name (天津和平恒基置业有限公司)."""
    if ORG_NAME.fullmatch(text, a, b):
        return "organisation"
    return "person" if PERSON_NAME.fullmatch(text, a, b) and not ORG_END.search(text, a, b) else None


def _inside_brackets(text: str, a: int, b: int) -> bool:
    """A separator inside an annotation, (经营者:甲、乙), does not split names."""
    return text.count("(", a, b) > text.count(")", a, b)


def parse_clause(text: str, a: int, b: int) -> Clause:
    """Split the clause text[a:b] (without its 一案) into claimants, respondents and cause.

    Role labels say whose names follow (申请人, 被告, 被告人, 第三人 …); a word that joins the
    sides (诉, 与, 就与 … 之间, 指控, 申请执行) turns from the claimants to the respondents; names
    after an appeal against a decision (上诉人A不服…判决) are none of this case's. The cause is
    the official cause the clause ends with (notices.rules.causes)."""
    clause = Clause()
    stage = STAGE_TAIL.search(text, a, b)
    if stage and stage.start() > a:
        b = stage.start()  # …买卖合同纠纷再审一案: the stage of the case follows its cause
    tokens = [m for m in CLAUSE_TOKEN.finditer(text, a, b) if not _inside_brackets(text, a, m.start())]
    first_party = tokens[0].start() if tokens else b
    for lead in CLAUSE_LEAD.finditer(text, a, first_party):
        a = lead.end()
    number = CASE_NUMBER_LEAD.match(text, a, b)
    if number:
        a = number.end()
    tokens = [m for m in tokens if m.start() >= a]
    last = tokens[-1].end() if tokens else a
    cause = cause_at_end(text, last, b)
    if tokens and cause_start(text, tokens[-1].start(), b) == tokens[-1].start():
        # …与被申请人乙申请实现担保物权: the 申请 is the cause's own first word, not a joining one
        cause, tokens = (tokens[-1].start(), _cause_span(text, tokens[-1].start(), b)), tokens[:-1]
    if tokens and len(tokens) > 1:  # a role word inside the cause (股东损害公司债权人利益责任纠纷) is no role
        whole = cause_start(text, tokens[0].end(), b)
        if whole is not None and whole < tokens[-1].start() and (cause is None or whole < cause[0]):
            cause = (whole, _cause_span(text, whole, b))
    end, clause.dispute = cause if cause and cause[1] else (b, None)
    if tokens and tokens[0].lastgroup in ("claimant", "respondent", "third"):
        a = tokens[0].start()  # words before the first role label lead in: 本院在执行申请执行人…
    appeal = any(APPEAL_ROLES.search(m.group()) for m in tokens if m.lastgroup in ("claimant", "respondent"))
    side, cursor, switched, skipping = None, a, False, False
    for token in [m for m in tokens if m.start() < end]:
        if not skipping:
            _take(text, cursor, token.start(), side or "claimant", clause)
        skipping = False
        kind = token.lastgroup
        if kind == "appeal":
            return clause  # an appeal against a decision: the other side is not named here
        if kind == "break":
            skipping = True  # what follows up to the next role or joining word is no name
        elif kind == "switch":
            if token.group().startswith(("与",)) and switched:
                cursor = token.end()
                continue  # 被告甲与乙: the same side goes on
            side, switched = "respondent", True
        elif appeal and ORIGINAL_ONLY.fullmatch(token.group()):
            # 原审被告 who did not appeal: neither side of the appeal (served if addressed); a 原审第三人 is a third party
            side = "third" if token.group().endswith("第三人") else "original"
        else:
            side = role_side(token.group()) if kind != "third" else "third"
            switched = switched or side == "respondent"
        cursor = token.end()
    if not skipping:
        _take(text, cursor, end, side or ("respondent" if tokens else "claimant"), clause)
    return clause


STAGE_TAIL = regex.compile(r"(?<=纠纷|争议|罪)(?:申请再审|再审审查|再审|二审|一审|上诉)$")
SEGMENT = regex.compile(r"[^、,，;；\t\n]+")
LATIN_COMMA = regex.compile(r"[A-Za-z.],\s?[A-Z]")
ORIGINAL_ONLY = regex.compile(r"[\[【]?原审(?:原告|被告|第三人)[\]】]?")


CHARGED = regex.compile(r"犯(?P<charge>\p{Han}{2,30}?罪)$")


def _take(text: str, a: int, b: int, side: str, clause: Clause) -> None:
    """The names of text[a:b] go to their side; 你/你单位 marks the side the addressee is on."""
    if side == "third":
        clause.others.extend(_strip(text, *piece.span()) for piece in SEGMENT.finditer(text, a, b))
    if side not in ("claimant", "respondent"):
        return
    for na, nb in split_names(text, a, b, prose=True):
        charged = CHARGED.search(text, na, nb)  # 被告人林某某犯交通肇事罪: the accused, and the charge
        if charged and charged.start() - na >= 2 and charged.group("charge") in forms():
            nb = charged.start()
            clause.dispute = clause.dispute or charged.span("charge")
        if YOU_RE.fullmatch(text, na, nb):
            clause.addressed = clause.addressed or side
        else:
            (clause.claimants if side == "claimant" else clause.respondents).append((na, nb))
    you = YOU_RE.fullmatch(text, *_strip(text, a, b)) if b > a else None
    if you:
        clause.addressed = clause.addressed or side


ROLE_BEFORE = regex.compile(rf"(?P<role>{THIRD_ROLE}|{RESPONDENT_ROLE}|{CLAIMANT_ROLE})$")


def split_at_names(text: str, clause: Clause, names: list[str]) -> Clause:
    """The clause with the names the notice is addressed to as the boundary between a party and
    the cause, where the words alone left it unclear: 被告关雪梅商铺租赁合同纠纷 addressed to 关雪梅 is
    关雪梅 and 商铺租赁合同纠纷; 被执行人张德胜土地行政处罚 addressed to 张德胜 is 张德胜 and 土地行政处罚."""
    if clause.dispute is None:
        return clause
    d_start, d_end = clause.dispute
    for name in names:
        rest = d_start + len(name)
        if text.startswith(name, d_start) and (BARE_CAUSE.fullmatch(text, rest, d_end)
                                               or ADMINISTRATIVE.fullmatch(text, rest, d_end)):
            clause.dispute = (rest, d_end)  # the name was read as the cause's field
            role = ROLE_BEFORE.search(text, max(0, d_start - 8), d_start)
            side = role_side(role.group("role")) if role else None
            if side == "respondent" and (d_start, rest) not in clause.respondents:
                clause.respondents.append((d_start, rest))
            elif side == "third":
                clause.others.append((d_start, rest))
            return clause
        for k, (s, e) in enumerate(clause.respondents):
            if e == d_start and e - s > len(name) and text.startswith(name, s) and CAUSE_WORDS.fullmatch(
                    text, s + len(name), e):
                clause.respondents[k] = (s, s + len(name))
                clause.dispute = (s + len(name), d_end)  # the cause's first words were read as the name's end
                return clause
    return clause


# A special procedure's cause is the application it names, in the words of the 非讼程序 causes of
# the 民事案件案由规定 (…向本院申请公示催告): 申请公示催告.
SPECIAL_CAUSE = standalone(Rule(
    "cause/special_procedure",
    r"申请(?:公示催告|宣告(?:公民|自然人)(?:失踪|死亡)|(?:认定|宣告)(?:公民|自然人)(?:无民事行为能力|限制民事行为能力)|认定财产无主)",
    match=("向本院申请公示催告", "申请宣告公民死亡", "申请认定公民无民事行为能力"),
    reject=("申请执行", "申请宣告陆建新死亡"),  # the cause as the list names it, not the person's
))
DECLARED = regex.compile(r"(?:为)?(?:失踪人?|死亡)$")


def cause_at_end(text: str, a: int, b: int) -> tuple[int, Span] | None:
    """The cause at the end of text[a:b]: an official one (or several joined by 、), else one
    in other words with a cause's first words and ending; 犯 before a charge is not part of it."""
    while a < b and text[a] in " \t":
        a += 1
    you = YOU_RE.match(text, a, b)
    if you and not SEPARATOR.match(text, you.end(), b):  # 与你单位劳动报酬争议, 因与你发生违约金争议
        start = you.end()
        while text.startswith(("发生", "之间的", "之间"), start):
            start += 2 if text.startswith(("发生", "之间"), start) else 3
        span = _cause_span(text, start, b)
        return (you.start(), span) if span else None
    start = cause_start(text, a, b)
    start = _cause_in_other_words(text, a, b) if start is None else _after_organisation(text, a, start)
    span = _cause_span(text, start, b) if start is not None else None
    return (start, span) if span else None


CAUSE_WORDS = regex.compile(r"\p{Han}{2,8}")


def _after_organisation(text: str, a: int, start: int) -> int:
    """…电子商务有限公司网络购物合同纠纷: where an official cause (合同纠纷) follows an organisation's
    name and a few words that begin causes (网络购物), the cause is all of them; else `start`."""
    last = None
    for org in ORG_END.finditer(text, a, start):
        last = org
    if last and CAUSE_WORDS.fullmatch(text, last.end(), start) and heads().match(text, last.end(), start):
        return last.end()
    return start


def _cause_in_other_words(text: str, a: int, b: int) -> int | None:
    """A cause the lists do not have: the first of its first words that follows a name and
    starts what ends like a cause (追索劳动报酬争议); else what follows an organisation's name."""
    ending = DISPUTE_SHAPES.rules[0].compiled
    for head in heads().finditer(text, a, b, overlapped=True):
        p = head.start()
        if p - _last_separator(text, a, p) >= 2 and not ORG_END.search(text, p, b) and ending.fullmatch(text, p, b):
            return p
    last_org = None
    for org in ORG_END.finditer(text, a, b):
        last_org = org
    if last_org and BARE_CAUSE.fullmatch(text, last_org.end(), b):
        return last_org.end()
    return None


BARE_CAUSE = regex.compile(rf"[\p{{Han}}、]{{2,24}}{CAUSE_END}")
ORG_END = regex.compile(ORG_SUFFIX)


def _last_separator(text: str, a: int, p: int) -> int:
    found = a
    for sep in SEPARATOR.finditer(text, a, p):
        found = sep.end()
    while found < p and text[found] == " ":
        found += 1
    return found


def _cause_span(text: str, a: int, b: int) -> Span | None:
    while a < b and text[a] in " 的\t":
        a += 1
    if text.startswith("犯", a) and b - a > 2:  # 指控被告人A犯盗窃罪: the cause is 盗窃罪
        a += 1
    while b > a and text[b - 1] in " ,\t":
        b -= 1
    return (a, b) if b - a >= 2 else None
