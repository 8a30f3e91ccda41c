"""Dated sessions that are no trial: a creditors' meeting (破产法 第十四条、第六十二条), an
auction or sale of seized property (网络司法拍卖), the lottery that picks a valuer (确定财产处置参考价
的摇号), an evidence exchange (证据交换), a 听证 (in enforcement, an objection's review, a bankruptcy
application). A party still wants them in the calendar, under their own kind.

Each rule finds the scheduling sentence: 定于/将于 and the day (a time if printed), the place
after 在 or 通过, then what is held there; or 第一次债权人会议定于… for a meeting named first. The
kind is the rule id's last part.
"""
from __future__ import annotations

from notices.dates import DATE, TIME
from notices.rules import Rule, table

SCHEDULED = r"(?:定于|将于|决定于|拟于|拟定于)"
# The day and the time: 2026年6月3日上午9时30分, 二〇二六年七月十五日(星期三)下午二时三十分.
WHEN = (rf"(?P<when>(?:{DATE.pattern})\s*(?:\((?:星期|周)[一二三四五六日天]\))?\s*(?:{TIME.pattern})?)"
        r"(?:\s*(?:至|到|—|-)[^,。;]{0,30}?止)?(?:\s*\([^()]{0,12}\))?")  # …10时至…10时止(延时的除外)
PLACE = r"(?:(?:在|通过)\s*(?P<place>[^。;]{2,80}?)\s*)?"
MEETING = r"(?:第[一二三四五六七八九十\d]{1,2}次)?债权人会议"

EVENTS = table(
    "event",
    Rule(
        "event/creditors_meeting",
        rf"""{SCHEDULED}\s*{WHEN}\s*,?\s*{PLACE}(?:以[^,。;]{{0,20}}?方式\s*)?(?:召开|举行)\s*{MEETING}
        |{MEETING}\s*(?:定于|将于|于)\s*{WHEN}\s*,?\s*{PLACE}(?:以[^,。;]{{0,20}}?方式\s*)?(?:召开|举行)""",
        match=(("本院定于2026年6月19日上午9时30分在本院第三十一法庭召开第一次债权人会议",
                {"when": "2026年6月19日上午9时30分", "place": "本院第三十一法庭"}),
               ("第一次债权人会议定于2026年6月3日上午9时30分通过全国企业破产重整案件信息网召开",
                {"place": "全国企业破产重整案件信息网"}),
               ("本院定于2026年9月18日(星期五)上午9:00以现场与网络相结合的方式召开第二次债权人会议",
                {"when": "2026年9月18日(星期五)上午9:00"})),
        reject=("依法申报债权的债权人有权参加债权人会议", "本院定于2026年6月9日14时在本院第一法庭开庭审理"),
    ),
    Rule(
        "event/auction",
        rf"""{SCHEDULED}\s*{WHEN}\s*,?\s*{PLACE}(?:上\s*)?(?:,\s*)?(?:对[^。;]{{0,40}}?)?(?:依法|进行|按现状|依据[^。;]{{0,40}}?)*\s*
        (?:公开)?(?:拍卖|变卖)(?!网|平台|行|公司|厅|大厅|大厦|通知|公告)|{SCHEDULED}\s*{WHEN}\s*,?\s*{PLACE}举行拍卖会""",
        match=(("本院定于2026年6月24日10时至2026年6月25日10时止(延时的除外)在淘宝网司法拍卖网络平台上进行公开拍卖",
                {"when": "2026年6月24日10时", "place": "淘宝网司法拍卖网络平台"}),
               ("本院将于2026年5月20日10时至2026年5月21日10时止(延时的除外)在淘宝网司法拍卖网络平台上对被执行人晋中顺通达物流有限公司所有的车辆进行公开拍卖",
                {"place": "淘宝网司法拍卖网络平台"}),),
        reject=("裁定:拍卖被执行人林建华、郑美玉共有的位于", "标的物有关的权利人应于拍卖前向本院书面申报权利"),
    ),
    Rule(
        "event/valuation_lottery",
        rf"""{SCHEDULED}\s*{WHEN}\s*,?\s*{PLACE}(?:通过[^,。;]{{0,20}}?)?(?:以)?(?:摇号|抽签)(?:的)?(?:方式)?\s*(?:随机)?(?:选定|确定|选择)
        |{SCHEDULED}\s*{WHEN}\s*,?\s*{PLACE}进行(?:摇号|抽签)""",
        match=(("本院定于2026年5月12日(星期二)上午10时在本院司法技术辅助室(温州市鹿城区府东路168号本院三楼)以摇号方式随机选定评估机构",
                {"place": "本院司法技术辅助室(温州市鹿城区府东路168号本院三楼)"}),
               ("本院定于2026年6月10日上午10时在本院执行指挥中心通过人民法院询价评估系统以摇号方式选定评估机构",
                {"place": "本院执行指挥中心"}),
               ("本院定于2026年6月3日10时在本院执行局三楼询价评估室进行摇号,你公司可以到场", {"place": "本院执行局三楼询价评估室"})),
        reject=("向你公告送达网络询价报告",),
    ),
    Rule(
        "event/procedural_hearing",
        rf"""{SCHEDULED}\s*{WHEN}\s*,?\s*{PLACE}(?:就[^。;]{{0,80}}?)?(?:依法)?(?:组织|举行|进行|召开)?(?:公开)?听证(?!室)""",
        match=(("本院定于2026年9月10日上午9时在本院执行局听证室举行听证", {"place": "本院执行局听证室"}),
               ("定于2025年12月2日上午10时在本院第二十一法庭就申请人贵州顺成建筑劳务有限公司申请你公司破产清算一案组织听证",
                {"place": "本院第二十一法庭"})),
        reject=("本院定于2026年8月11日上午9时在本院第五审判庭开庭审理",),
    ),
    Rule(
        "event/evidence_exchange",
        rf"""{SCHEDULED}\s*{WHEN}\s*,?\s*{PLACE}(?:组织[^,。;]{{0,12}}?)?(?:进行)?证据交换""",
        match=(("本院定于二〇二六年八月四日上午九时在本院第六法庭组织双方当事人进行证据交换",
                {"when": "二〇二六年八月四日上午九时", "place": "本院第六法庭"}),),
        reject=("本院定于2026年8月11日上午9时在本院第五审判庭开庭审理",),
    ),
)
