"""When and where the hearing is: 本委定于2026年6月9日14时00分在本委仲裁庭(地址:…)开庭审理,
开庭时间:2026年10月20日(星期二)9:30—11:30, 改定于…, 同日下午2时30分, 定于举证期满后第3日上午9时."""
from __future__ import annotations

from notices.dates import DATE, TIME
from notices.rules import Rule, standalone, table

PERIOD_END = (
    r"(?:公告期满|公告送达期满|公告期届满|答辩期满|答辩期限届满|答辩期届满|举证期满|举证期限届满|举证期届满|"
    r"举证期限满|送达之日|期满)"
)
RELATIVE = rf"{PERIOD_END}后?的?第?[一二三四五六七八九十\d]{{1,3}}(?:日|天|个工作日)"
WHEN = rf"(?:(?P<date>{DATE.pattern})|(?P<same_day>同日|当日)|(?P<next_day>次日|翌日))"
# 9:30—11:30, 10:30到12:00, 上午9:00至11:30: the hearing starts at the first time.
TIME_RANGE_END = (r"(?:\s*[-—–~至到]\s*(?:上午|下午|中午)?\s*(?:\d{1,2}:\d{2}|[\d一二三四五六七八九十]{1,3}[时点]"
                  r"(?:\d{1,2}分|半)?))?")
TIME_RANGE_START = r"(?<![\d:])"  # a time starts where no number runs into it

# Order is priority: a changed hearing beats the one first announced, a labelled time beats
# a time in running text.
HEARING_ANCHORS = table(
    "hearing",
    Rule(
        "hearing/rescheduled",
        r"(?:改定于|改期至|改期于|延期至|变更为|调整为|更正为)\s*[“\"]?",
        match=("本委决定延期开庭,改定于2026年7月16日下午2时30分", "开庭时间“2026年5月6日上午9时”有误,现更正为“2026年5月7日上午9时”"),
        reject=("原定于2026年6月9日上午9时开庭审理",),
    ),
    Rule(
        "hearing/labelled",
        r"开庭(?:时间|日期)\s*[:为]?\s*(?!另行|待定|将另行)",
        match=("开庭时间:2026年10月20日(星期二)9:30—11:30",),
        reject=("开庭日期另行通知",),
    ),
    Rule(
        "hearing/labelled_short",  # 时间：2026年5月28日下午2时30分 on a line of its own, under 开庭时间、地点如下
        r"(?:(?<=^)|(?<=[\n\s;。]))时间\s*[:：]\s*",
        match=("本案开庭时间、地点如下:\n时间:2026年5月28日下午2时30分",),
        reject=("开庭时间:2026年5月28日",),
    ),
    Rule(
        "hearing/scheduled",
        r"(?<!原)(?<!原来)(?:定于|定在|将于|拟于|订于)\s*",
        match=("本委定于2026年6月9日14时00分", "两案定于2026年7月8日上午10:30"),
        reject=("原定于2026年6月9日上午9时开庭审理",),
    ),
    Rule(
        "hearing/relative_first",  # 公告期满后第3日上午9时,本院将在本院第六法庭开庭审理本案
        rf"(?:(?<=^)|(?<=[\n\s;。,]))(?={RELATIVE}[^。]{{0,40}}?(?:开庭|审理|宣判))",
        match=("。公告期满后第3日上午9时,本院将在本院第六法庭开庭审理本案",),
        reject=("答辩期为公告期满后十五日内。",),
    ),
)

# Read right after an anchor.
WHEN_AT = table(
    "hearing_when",
    Rule(
        "hearing_when/relative_then_date",  # 举证期满后的2015年9月2日10时30分: the date wins
        rf"(?:{PERIOD_END}后的?)?\s*{WHEN}\s*(?:\([^()\n]{{1,8}}\))?\s*(?P<time>{TIME.pattern})?{TIME_RANGE_END}",
        match=("2026年6月9日14时00分", "6月18日(星期四)下午2:30", "二〇二六年六月十日下午三时", "同日下午2时30分",
               "2026年7月9日(北京时间)上午11时", "次日上午9时30分"),
        reject=("另行通知",),
    ),
    Rule(
        "hearing_when/relative",
        rf"(?P<relative>{RELATIVE}\s*(?:{TIME.pattern})?(?:\s*\(\s*遇[^()]{{0,12}}顺延\s*\))?)",
        match=("举证期限届满后的第3天上午9时", "答辩期满后的第三日上午九时", "举证期满后第3日上午9时(遇法定节假日顺延)"),
    ),
)

# A hearing sentence must say it is a hearing.
HEARING_WORD = r"(?:开庭|审理|庭审|听证|开庭审理|宣判)"  # a pronouncement of judgment is a session parties attend

VENUE = table(
    "venue",
    Rule(
        "venue/at",  # …在本委第二仲裁庭(地址:…)开庭审理
        r"""
        \s*(?:\([^()]{1,20}\))?\s*,?\s*
        (?:(?:本院|本委|我院|我委)?(?:将|拟)?(?=在))?   # …第3日上午9时,本院将在本院第六法庭开庭
        在\s*(?P<place>[^,。;()\n]{2,80}?)
        (?:\s*\((?:地址\s*[:为]?\s*)?(?P<address>[^()]{4,120})\))?
        \s*(?:依法)?(?:(?:对|就)(?:上述|该|本|此)[^。,]{0,8})?(?:公开|不公开)?(?:合并)?(?:开庭|审理|宣判|进行|召开|举行|组织|参加)
        (?:审理|本案|此案)*\s*(?:\(地址\s*[:为]?\s*(?P<address_after>[^()]{4,120})\))?   # …开庭审理(地址:…)
        """,
        match=("在本委第二仲裁庭(地址:太原市小店区坞城路16号五层)开庭审理", "(遇法定节假日顺延)在洛阳市涧西区联盟路26号403室开庭审理",
               "在塔洋法庭公开开庭审理", "在本委仲裁庭开庭审理(地址:南充市顺庆区模范街88号二楼)",
               (",本院将在本院第六法庭开庭审理本案", {"place": "本院第六法庭"}),
               ("在本院执行听证室就该案举行听证", {"place": "本院执行听证室"})),
        reject=("到本委(地址:青岛西海岸新区)领取",),
    ),
    Rule(
        "venue/list",  # 上午9:00,第五法庭,(2026)赣0702民初2231号
        r"\s*,\s*(?P<place>[^,。;()\n]{2,40}?(?:法庭|审判庭|仲裁庭|审判室|调解室|\d+室|\d+号庭))\s*(?=,)",
        match=(",第五法庭,(2026)赣0702民初2231号", ",本院刑事审判庭,公开审理"),
        reject=(",请准时到庭,",),
    ),
    Rule(
        "venue/online",  # 下午三点通过杭州互联网法院诉讼平台在线开庭审理
        r"""\s*,?\s*(?:通过|利用|使用|依托)\s*(?P<place>[^,。;()\n]{2,40}?(?:平台|系统|小程序|网站|网))
        \s*(?:以)?(?:在线|线上|网上|网络|远程|视频)?(?:方式)?(?:公开|不公开)?(?:开庭|审理|庭审|宣判)""",
        match=(("通过杭州互联网法院诉讼平台在线开庭审理", {"place": "杭州互联网法院诉讼平台"}),
               ("通过人民法院在线服务平台以视频方式开庭", {"place": "人民法院在线服务平台"})),
        reject=("通过本院官网查询",),
    ),
    Rule(
        "venue/cell",  # a list line set out in cells: 上午9时　第七法庭　（2026）黑01民终1456号
        r"[^\S\n]*\t\s*(?P<place>[^\s,。;()]{2,30}?(?:法庭|审判庭|仲裁庭|审判室|调解室|\d+室|\d+号庭|人民法庭))(?=\s)",
        match=("\t第七法庭\t(2026)黑01民终1456号",),
        reject=("\t(2026)黑01民终1456号\t",),
    ),
    Rule(
        "venue/address_follows",  # 开庭审理此案,地址为…
        r"[^。]{0,12}?(?:开庭审理|审理)(?:此案|本案)?\s*[,。]\s*(?:开庭)?地(?:址|点)\s*[:为]\s*(?P<address>[^。\n]{4,120})",
        match=("开庭审理此案,地址为青岛西海岸新区长江中路359号213室。",),
    ),
)

VENUE_LABELLED = standalone(Rule(
    "venue/labelled",  # 开庭地点:柳州市柳北区跃进路52号…, 地点:第一法庭
    r"(?:开庭地点|(?<=[,;\s])地点)(?:不变\s*,?\s*仍)?\s*[:为]\s*(?P<place>[^\n。;,\s]{2,120})",
    match=("开庭地点:柳州市柳北区跃进路52号柳北区人力资源和社会保障局四楼第一仲裁庭", "9:00,地点:第一法庭;",
           ("开庭地点不变,仍为本院第三法庭。", {"place": "本院第三法庭"})),
    reject=("开庭时间及地点将另行通知",),
))

NOT_YET = standalone(Rule(
    "hearing/not_yet",  # 开庭时间另行通知: the notice announces no hearing
    r"开庭(?:时间|日期|时间及地点|时间、地点|事宜)?(?:及地点)?(?:将|均)?另行(?:通知|告知|公告)",
    match=("开庭日期另行通知", "本案开庭时间及地点将另行通知", "开庭时间、地点另行通知"),
))
