"""Documents served: 公告送达《应诉、开庭通知书》《申请书》等法律文书, 送达起诉状副本及开庭传票,
公告送达青黄劳人仲案字[2025]第7062号仲裁裁决书."""
from __future__ import annotations

import regex

from notices.rules import Rule, table

DOCUMENT_END = (
    r"(?:书|通知|传票|副本|证据|材料|须知|告知书|清单|笔录|报告|结论|文书|裁定|判决|决定|调解书|裁决书|手册|令|表|函)"
)

SERVED = table(
    "documents",
    Rule(
        "documents/served",  # the list after 送达, up to 等…文书 or the end of the clause
        r"""
        (?:公告送达|依法送达|送达|公告(?!之日|期|发布|刊登)(?![^\S\n]*\n))\s*(?:了)?(?:上述[^。,]{0,6}?的)?   # 公告 ending its line is a title
        (?P<list>(?!,)[^。;]{2,240}?)   # 向你送达,依照《…法》…: what follows the comma is no list
        (?=\s*(?:等(?:法律|诉讼|相关)?(?:文书|材料|文件)|[。;]|,\s*(?:自|请|限|公告期|本公告|提出|你|如|逾期|经过|即|期满)))
        """,
        match=("现依法向你单位公告《应诉、开庭通知书》《申请书》等法律文书", "现依法向你送达起诉状副本及开庭传票,自公告之日起",
               ("无法向你送达,依照《中华人民共和国行政诉讼法》第一百零一条的规定,向你公告送达本院(2025)黑01行初212号行政判决书。",
                {"list": "本院(2025)黑01行初212号行政判决书"})),
        reject=("特此公告", "公告\n(2026)湘06破4号\n2026年3月10日,本院作出(2026)湘06破申9号民事裁定,根据申请人的申请"),
    ),
    Rule(
        "documents/made",  # 本委已作出X劳人仲案字〔2026〕第1号仲裁裁决书。…现向你单位公告送达。
        r"作出(?:了)?(?P<list>[^。,;]{2,60}?(?:裁决书|判决书|裁定书|决定书|调解书))",
        match=("本委已作出兰城劳人仲字〔2025〕第1187号仲裁裁决书",),
        reject=("本委依法作出裁决",),
    ),
)

# Book-title marks hold one document each, even when its name contains 、.
BOOK_TITLE = regex.compile(r"《(?P<doc>[^《》]{2,40})》")
ITEM_SEPARATOR = regex.compile(r"、|,|及|和|以及|与")
DOCUMENT_NAME = regex.compile(rf"(?!.*(?:之日|领取|日内|期限))[^\s]{{1,30}}?{DOCUMENT_END}$")
LEADING_NOISE = regex.compile(
    r"(?:向你们?(?:单位|公司)?|向其|你们?(?:单位|公司)?|本院|本委|该|上述[^的]{0,6}的|上述|的|一份|)"
    r"(?:[\[〔(【]?\(?\d{4}[\]〕)】][^、,]{1,20}?号|[\p{Han}]{0,8}仲[\p{Han}]{0,4}[\[〔(【]\d{4}[\]〕)】]第?[\d\-—]+号)?"
)
