"""Case numbers, as written: 青黄劳人仲案字[2026]第2888号, (2025)鲁0211民初1234号 and their
abbreviated followers (、第0127号). Order is priority; all rules run and overlaps keep the first."""
from __future__ import annotations

from notices.rules import Rule, table

OPEN = r"[\[〔(【]"
CLOSE = r"[\]〕)】]"
SEQ = r"\d{1,6}(?:\s*[-—–~至]\s*\d{1,6})?"  # 0188—0190: one range, as written
SUFFIX = r"(?:之[一二三四五六七八九十\d]{1,3})?(?:-\d{1,2})?"  # 第22211-1号, 第0415号之二

CASE_NUMBERS = table(
    "case_number",
    Rule(
        "case_number/arbitration",  # the prefix names an arbitration body: it contains 仲
        rf"""
        (?P<prefix>[\p{{Han}}]{{0,8}}仲[\p{{Han}}]{{0,4}}(?:\([\p{{Han}}]{{1,4}}\))?[\p{{Han}}]{{0,2}})
        \s*{OPEN}\s*(?P<year>(?:19|20)\d{{2}})\s*{CLOSE}\s*
        (?:[\p{{Han}}]{{1,3}}(?=第|\d))?   # 沪劳人仲(2026)办字第123号
        第?\s*(?P<seq>{SEQ})(?:-\d{{1,3}})?\s*号{SUFFIX}
        """,
        match=("青黄劳人仲案字[2026]第2888号", "青黄劳人仲案字[2024]第22211-1号", "小店劳人仲案字〔2026〕第0836号",
               "呼劳人仲院案字〔2026〕第0273号", "三劳人仲院案〔2026〕第0188—0190号", "海美劳人仲案字〔2026〕第0415号之二",
               "洛涧劳人仲案字(2026)第0462号", "兰城劳人仲字〔2025〕第1187号", "沪劳人仲(2026)办字第123号"),
        reject=("人社厅明电〔2020〕5号", "京ICP备12345号", "2024年第12号公告"),
    ),
    Rule(
        "case_number/year_first",  # (2025)鲁0211民初1234号, (2015)穗云法民四初字451号, (2026)台黄劳人仲案字第0528号
        rf"""
        {OPEN}\s*(?P<year>(?:19|20)\d{{2}})\s*{CLOSE}\s*
        (?P<court>[\p{{Han}}]{{1,12}}?\d{{0,4}}[\p{{Han}}]{{0,8}}?)
        (?<=[民刑行执赔破知商立保送特监再初终字仲案调裁审诉恢异复辖催申])
        第?\s*(?P<seq>{SEQ})\s*号{SUFFIX}
        """,
        match=("(2025)鲁0211民初1234号", "(2023)最高法民终88号", "(2015)穗云法民四初字451号", "(2015)郑执一字第884号",
               "(2026)台黄劳人仲案字第0528号", "(2017)渝民终41号", "(2026)豫1302刑初276号", "(2026)浙0702执恢215号"),
        reject=("(2020)5号文件", "2015年海行初字第01392号"),
    ),
    Rule(
        "case_number/follower",  # 、第0127号 after a full number: kept as written
        rf"""
        (?<=号(?:之[一二三四五六七八九十\d]{{1,3}})?\s*[、,和及]\s*)
        第?\s*(?P<seq>{SEQ})\s*号{SUFFIX}
        """,
        match=("〔2026〕第0126号、第0127号", "第0612号、第0620-0622号", "〔2026〕27号、28号"),
        reject=("第0127号",),
    ),
)
