"""Case numbers, as written: (2025)鲁0211民初1234号, 青黄劳人仲案字[2026]第2888号 and their
abbreviated followers (、第0127号). All rules run, in table order; where two overlap, the
earlier rule's match is kept.

A court's number is built as the SPC's rules on case numbers (法〔2015〕137号, revised
法〔2018〕335号) say: (year) + court code + [specialised-trial code] + case-type code + serial +
号. Court codes and case-type codes come from notices/data (court_codes.tsv, case_types.tsv),
so every code of the standard is read, and a serial of any length.
"""
from __future__ import annotations

from notices.rules import Rule, table
from notices.vocab import alternation, case_types, court_codes

OPEN = r"[\[〔(【]"
CLOSE = r"[\]〕)】]"
SEQ = r"\d+(?:\s*[-—–~至]\s*\d+|(?:\s*、\s*\d+)+(?=\s*号))?"  # 0188—0190, 5865、5866号: one number, as written
SUFFIX = r"(?:之[一二三四五六七八九十\d]{1,3})?(?:-\d{1,2})?"  # 第22211-1号, 第0415号之二
YEAR = r"(?P<year>(?:19|20)\d{2})"
# A court code: the SPC's, or a high court's (province) code and the digits of a lower court.
COURT = rf"(?:最高法|{alternation(c for c in court_codes() if c != '最高法')}\s*\d{{0,4}})"
KIND = alternation(case_types())
SPECIAL = r"(?:知)?"  # the specialised-trial code (2018): 知 for intellectual property

CASE_NUMBERS = table(
    "case_number",
    Rule(
        "case_number/court",  # (year) court code, case type, serial: the standard form since 2016
        rf"""
        {OPEN}\s*{YEAR}\s*{CLOSE}\s*
        (?P<court>{COURT})\s*{SPECIAL}(?P<kind>{KIND})\s*第?\s*(?P<seq>{SEQ})\s*号{SUFFIX}
        """,
        match=(("(2025)鲁0211民初1234号", {"court": "鲁0211", "kind": "民初", "seq": "1234"}),
               ("(2023)最高法民终88号", {"court": "最高法", "kind": "民终"}),
               ("(2026)京0105民督123号", {"kind": "民督"}), ("(2026)沪0115强清27号", {"kind": "强清"}),
               ("(2026)京0105 民初 123 号", {"kind": "民初", "seq": "123"}),
               ("(2026)豫0105刑更1234567号", {"kind": "刑更", "seq": "1234567"}),
               ("(2020)浙01知民初277号", {"court": "浙01", "kind": "民初"}),
               ("(2026)内0203民初3021号", {"court": "内0203"}), ("〔2026〕苏05破31号", {"kind": "破"}),
               ("(2026)浙0702执恢215号之一", "(2026)浙0702执恢215号之一"),
               ("(2026)冀0102司惩5号", {"kind": "司惩"}), ("(2026)京0105民他9号", {"kind": "民他"}),
               ("(2016)川0106民初5865、5866号", {"seq": "5865、5866"})),
        reject=("(2020)5号文件", "京ICP备12345号", "(2026)冀石国证字第9081号"),
    ),
    Rule(
        "case_number/court_without_year",  # 湘1381民初516号: printed without its year
        rf"""
        (?<![\d\]〕)】])
        (?P<court>(?!最高法){COURT})\s*{SPECIAL}(?P<kind>{KIND})\s*第?\s*(?P<seq>{SEQ})\s*号{SUFFIX}
        """,
        match=(("现依法向你们公告送达湘1381民初516号民事判决书", "湘1381民初516号"),),
        reject=("(2025)鲁0211民初1234号", "京ICP备12345号"),
    ),
    Rule(
        "case_number/arbitration",  # the prefix names an arbitration body: it contains 仲
        rf"""
        (?P<prefix>[\p{{Han}}]{{0,8}}仲[\p{{Han}}]{{0,4}}(?:\([\p{{Han}}]{{1,4}}\))?[\p{{Han}}]{{0,2}})
        \s*{OPEN}\s*{YEAR}\s*{CLOSE}\s*
        (?:[\p{{Han}}]{{1,3}}(?=第|\d))?   # 沪劳人仲(2026)办字第123号
        第?\s*(?P<seq>{SEQ})(?:-\d{{1,3}})?\s*号{SUFFIX}
        """,
        match=(("青黄劳人仲案字[2026]第2888号", {"prefix": "青黄劳人仲案字", "seq": "2888"}),
               "青黄劳人仲案字[2024]第22211-1号", "小店劳人仲案字〔2026〕第0836号",
               "呼劳人仲院案字〔2026〕第0273号", ("三劳人仲院案〔2026〕第0188—0190号", {"seq": "0188—0190"}),
               "海美劳人仲案字〔2026〕第0415号之二", "洛涧劳人仲案字(2026)第0462号", "兰城劳人仲字〔2025〕第1187号",
               ("沪劳人仲(2026)办字第123号", "沪劳人仲(2026)办字第123号")),
        reject=("人社厅明电〔2020〕5号", "京ICP备12345号", "2024年第12号公告"),
    ),
    Rule(
        "case_number/old_court",  # before 2016: (2015)穗云法民四初字第451号, (2015)郑执一字第884号
        rf"""
        {OPEN}\s*{YEAR}\s*{CLOSE}\s*
        (?P<court>\p{{Han}}{{1,6}}?)
        (?P<kind>[民刑行执赔破商知立保送特监再初终恢异复辖催申清算督][\p{{Han}}一二三四五六七八九十]{{0,4}}?)字
        \s*第?\s*(?P<seq>{SEQ})\s*号{SUFFIX}
        """,
        match=(("(2015)穗云法民四初字451号", {"court": "穗云法", "seq": "451"}), "(2015)郑执一字第884号",
               ("(2015)郴北民二初字第723号", "(2015)郴北民二初字第723号")),
        reject=("(2020)5号文件",),
    ),
    Rule(
        "case_number/year_first",  # other numbers that open with their year: (2026)台黄劳人仲案字第0528号
        rf"""
        {OPEN}\s*{YEAR}\s*{CLOSE}\s*
        (?P<court>(?![^\n]{{0,8}}?证字)[\p{{Han}}]{{1,12}}?\d{{0,4}}[\p{{Han}}]{{0,8}}?)   # a notary's 证字 is no case
        (?<=[民刑行执赔破知商立保送特监再初终字仲案调裁审诉恢异复辖催申清督])
        第?\s*(?P<seq>{SEQ})\s*号{SUFFIX}
        """,
        match=(("(2026)台黄劳人仲案字第0528号", {"court": "台黄劳人仲案字", "seq": "0528"}),
               "(2017)渝民终41号", "(2026)湘0105劳人仲案字第78号"),
        reject=("(2020)5号文件", "2015年海行初字第01392号", "(2016)冀石国证字第9081号公证书"),
    ),
    Rule(
        "case_number/follower",  # 、第0127号 after a full number: kept as written
        rf"""
        (?<=号(?:之[一二三四五六七八九十\d]{{1,3}})?\s*[、,和及]\s*)
        第?\s*(?P<seq>{SEQ})\s*号{SUFFIX}
        """,
        match=(("〔2026〕第0126号、第0127号", "第0127号"), "第0612号、第0620-0622号", ("〔2026〕27号、28号", "28号")),
        reject=("第0127号",),
    ),
)
