"""Causes of action: where a party's name ends and the cause begins.

"诉被告李四车辆租赁合同纠纷一案": nothing marks the boundary but the words themselves. Causes come
from closed official vocabularies (notices/data: the 民事案件案由规定 of 2025 and 2020, the
administrative causes, the criminal charges, the labour-dispute causes), so the cause a clause
ends with is the longest of them it ends with, in the forms notices print them:

- as listed (车辆租赁合同纠纷, 盗窃罪, 行政处罚);
- a civil cause with 争议 for 纠纷, as arbitration committees write (劳动合同争议), and the name of
  a cause without the 纠纷 that ends it, where that still names a dispute (劳动争议);
- an application printed without its 申请 (破产清算), 自然人 printed 公民 as before 2021, 宣告 of
  民事行为能力 printed 认定 as the Civil Procedure Law names the procedure;
- an administrative cause with its field before it or 决定/纠纷 after (治安行政处罚, 行政处罚决定);
- several causes joined by 、 (贪污罪、挪用公款罪; 劳动报酬、经济补偿金争议).

A cause in words no list has (追索劳动报酬争议) is found by its first words, taken from the lists
(HEADS), and its last (CAUSE_END).
"""
from __future__ import annotations

from functools import cache

import regex

from notices.rules import Rule, table
from notices.rules.parts import CLAIMANT_ROLE, RESPONDENT_ROLE, THIRD_ROLE
from notices.vocab import causes

CAUSE_END = r"(?:纠纷|争议|罪|案件|之诉|申请|赔偿|补偿|待遇|报酬|工资|费用|费|金|事宜|关系|担保物权|调解协议)"  # the last two: special procedures (申请实现担保物权)
ENDING = regex.compile(r"(?:纠纷|争议)$")
CHARGE_END = regex.compile(r"罪$")
# The field an administrative cause is in (治安, 土地, 公安, 房屋): no part of an agency's name.
ADMINISTRATIVE_FIELD = r"(?:(?![府局会司院所厅站队处室心某厂店])\p{Han}){1,10}"  # 宅基地使用权登记及
# A field is no party: a role word in it (被执行人张德胜土地行政处罚, 第三人王海涛不动产行政登记) is the clause's.
PARTY_IN_FIELD = regex.compile(rf"{CLAIMANT_ROLE}|{RESPONDENT_ROLE}|{THIRD_ROLE}|与")
ADMINISTRATIVE = regex.compile(
    rf"(?:{ADMINISTRATIVE_FIELD})?(?:行政(?:处罚|强制(?:措施|执行|拆除|清除)?|许可|登记|确认|征收|征用|补偿|赔偿|复议|协议|裁决|给付|奖励"
    r"|命令|监督|批准|不作为|允诺|检查|指导|规划|决定|处理)|政府信息公开|信息公开|征收补偿决定|补偿决定|房屋征收)"
    r"(?:[\p{Han}]{0,8}?(?:决定|纠纷|行为))?"
)


# The proceedings of the Enterprise Bankruptcy Law and the Company Law, which a notice names as
# the case (…公司破产清算一案), and the special procedures of the Civil Procedure Law by their names.
PROCEEDINGS = ("破产清算", "破产重整", "重整", "破产和解", "和解", "强制清算", "破产", "清算", "督促程序", "公示催告",
               "诉前财产保全", "财产保全", "诉前行为保全", "证据保全")


@cache
def forms() -> frozenset[str]:
    """Every printed form of an official cause."""
    found: set[str] = set(PROCEEDINGS)
    for name in causes():
        variants = {name, name.replace("自然人", "公民"), *_selective(name)}
        if "民事行为能力" in name:  # the Civil Procedure Law's chapter says 认定 (认定公民无民事行为能力案件)
            variants |= {variant.replace("宣告", "认定") for variant in list(variants)}
        if name.endswith("罪") and len(name) > 3:  # 被告人黎铭柳贩卖毒品一案: a charge without its 罪
            variants |= {variant[:-1] for variant in list(variants) if variant.endswith("罪")}
        for variant in list(variants):
            if variant.startswith("申请") and len(variant) > 4:
                variants.add(variant[2:])
            if variant.endswith("纠纷"):
                variants.add(variant[:-2] + "争议")
                if len(variant) > 4 and variant[:-2].endswith(("争议", "关系", "报酬", "待遇", "补偿", "赔偿", "责任")):
                    variants.add(variant[:-2])
        found |= variants
    return frozenset(found)


def _selective(name: str) -> set[str]:
    """A charge that names several acts (走私、贩卖、运输、制造毒品罪) is printed for one of them
    (贩卖毒品罪): each act with what the last one is done to."""
    parts = name.split("、")
    if len(parts) < 2 or not name.endswith("罪") or len({len(p) for p in parts[:-1]}) != 1:
        return set()
    act = len(parts[0])
    target = parts[-1][act:]
    return {part + target for part in parts[:-1]} | {parts[-1]} if len(target) >= 2 else set()


@cache
def heads() -> regex.Pattern:
    """The first words of the causes (two to four characters), longest first."""
    words = {form[:n] for form in forms() for n in (2, 3, 4) if len(form) > n}
    return regex.compile("|".join(sorted(map(regex.escape, words), key=len, reverse=True)))


def cause_start(text: str, a: int, b: int, min_name: int = 2) -> int | None:
    """Where, in text[a:b] (names followed by a cause), the longest official cause it ends with
    begins, leaving a name of at least `min_name` characters before it (or nothing); several
    causes joined by 、 count as one. None when it ends with no official cause."""
    known = forms()
    for k in range(a, b - 1):
        cause = text[k:b]
        if text[k] == "犯" and cause[1:] in known:  # 指控被告人A犯盗窃罪
            return k
        official = cause in known or (ADMINISTRATIVE.fullmatch(cause) and not PARTY_IN_FIELD.search(cause))
        if official and (k == a or text[k - 1] in SEPARATORS or k - _name_start(text, a, k) >= min_name):
            k = _joined_causes(text, a, k, b)
            return k - 1 if k > a and text[k - 1] == "犯" else k  # 犯受贿罪、滥用职权罪
    return None


SEPARATORS = "、,，;；\t\n "


def _name_start(text: str, a: int, k: int) -> int:
    """Where the last name before k starts: after the last separator."""
    for p in range(k - 1, a - 1, -1):
        if text[p] in SEPARATORS:
            return p + 1
    return a


JOINED_CAUSE = regex.compile(r"[\p{Han}]{2,20}")


def _joined_causes(text: str, a: int, k: int, b: int) -> int:
    """劳动报酬、经济补偿金争议 / 贪污罪、挪用公款罪: causes joined by 、 before the last one (text[k:b]),
    each the longest cause (or cause without the common ending) that ends at its 、."""
    known = forms()
    ending = ENDING.search(text, k, b) or CHARGE_END.search(text, k, b)
    suffix = ending.group() if ending else ""
    while k - 1 > a and text[k - 1] == "、":
        found = None
        for start in range(max(a, k - 1 - 20), k - 2):
            piece = text[start:k - 1]
            if JOINED_CAUSE.fullmatch(piece) and (piece in known or (suffix and piece + suffix in known)):
                found = start
                break
        if found is None:
            break
        k = found
    return k


DISPUTE_SHAPES = table(
    "dispute",
    Rule(
        "dispute/cause",  # a cause printed in words the lists do not have: its first words and its end
        rf"(?P<cause>(?:{heads().pattern})[\p{{Han}}、]{{0,20}}?{CAUSE_END})$",
        match=(("追索劳动报酬争议", {"cause": "追索劳动报酬争议"}), "民间借贷纠纷", "未签订书面劳动合同二倍工资争议"),
        reject=("青岛佳豪塑钢门窗有限公司",),
    ),
)
