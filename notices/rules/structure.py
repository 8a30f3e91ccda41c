"""The frame of a notice: where it may start (title, addressee, a hearing sentence), where it
ends (signature), who issued it and when. Used by the segmenter and for block-level fields."""
from __future__ import annotations

import regex

from notices.dates import YEAR
from notices.rules import Rule, standalone, table
from notices.rules.parts import (AUTHORITY_SUFFIX, BULLET, ITEM_MARK, CASE_YEAR, COMPANY_KIND, FIELD_LABEL, KIND_WORD, NAVIGATION, SELF,
                                 TITLE_BRACKET)

# A full date with its year, as notices are dated: 2026年3月25日, 二〇二六年四月八日, 2016-07-17
FULL_DATE = (
    rf"(?:{YEAR}\s*年\s*(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*月\s*(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*日"
    r"|\d{4}-\d{1,2}-\d{1,2}(?!\d)|\d{4}\.\d{1,2}\.\d{1,2}(?!\d)|\d{4}/\d{1,2}/\d{1,2}(?!\d))"
)
# An issuing body's name: place and body, ending in a known suffix.
# A bare 法院 names no one; a seat of the body may follow its name (…仲裁院塘厦仲裁庭).
AUTHORITY = (rf"(?:(?:最高人民法院|[\p{{Han}}()]{{1,40}}?{AUTHORITY_SUFFIX})"
             r"(?:办公室|\p{Han}{2,6}?(?:仲裁庭|人民法庭|派出法庭))?)")
# Where a name may begin: line start, after a space, a bracket tag such as [北京], or 特此公告.
NAME_START = r"(?:(?<=^)|(?<=[\n\s\]】:。]))"

# How a title line ends: its word, a number or dates in brackets, website navigation.
TITLE_TAIL = (rf"(?:公\s?告(?:送达书?)?|告\s?示|通\s?告|排期表?|安排表?|信息|预告)"
              rf"{TITLE_BRACKET}?{NAVIGATION}?")

TITLES = table(
    "title",
    Rule(
        "title/notice",
        rf"""
        ^                               # a line of its own (MULTILINE)
        (?!特此)
        (?=[^\n]{{0,200}}?{TITLE_TAIL}[】\]]?(?:\n|$))   # the line ends as a title does: fails fast on the rest
        [【\[]?                          # 【襄阳市樊城区人民法院公告】
        (?P<title>
            (?:(?P<authority>{AUTHORITY})(?:[^\S\n]+(?!{FULL_DATE}))?)?   # 海口市美兰区人民法院 开庭公告, not a signature's date
            (?:关于[^\n。]{{1,60}}?的)?
            (?:[\p{{Han}}()\d—\-~]{{0,38}}?{KIND_WORD})?   # whom or when: …公司破产宣告公告, 西安中院2026年12月7日至12月9日开庭公告
            (?:公\s?告(?:送达书?)?|告\s?示|通\s?告|(?<=开庭|庭审)(?:排期表?|安排表?|信息|预告))
        )
        {TITLE_BRACKET}?   # (第19期), (2027年3月16日—18日)
        {NAVIGATION}?   # website navigation glued to a title line
        [】\]]?
        (?=\n|$)
        """,
        match=("开庭公告\n", "公告\n", ("【襄阳市樊城区人民法院公告】\n", {"authority": "襄阳市樊城区人民法院"}), "送达公告\n", "公告送达书\n", "公告送达\n", "呼和浩特市劳动人事争议仲裁院公告\n",
               "淄博市张店区劳动人事争议仲裁委员会开庭公告\n", "公 告\n", "延期开庭公告\n",
               "芜湖市劳动人事争议仲裁院关于疫情防控期间仲裁等事项安排的公告返回公告列表 >>\n",
               "宁波市鄞州区人民法院开庭排期公告(2027年3月16日—18日)\n", "开庭公告(第19期)\n",
               ("武汉江城锦绣置业有限公司破产宣告公告\n", {"title": "武汉江城锦绣置业有限公司破产宣告公告"}),
               "西安中院2026年12月7日至12月9日开庭公告\n", "杭州互联网法院2026年8月第二周开庭排期\n",
               ("海口市美兰区人民法院 开庭公告\n", {"authority": "海口市美兰区人民法院"})),
        reject=("特此公告\n", "宁德时代发布公告,公司于2024年召开了会议。\n", "根据京东招商网站发布的商家公告,升级后\n",
                "福建省宁德市中级人民法院\u30002026年3月30日减资公告\n"),
        flags=regex.VERBOSE | regex.MULTILINE,
    ),
    Rule(
        "title/authority_above",  # the issuer on its own line above the title: 天津市…委员会 / 送达公告
        rf"""
        ^[^\S\n]*(?P<authority>{AUTHORITY})[^\S\n]*\n[^\S\n]*
        (?!{COMPANY_KIND})   # no court issues a 减资公告
        (?P<title>(?:[\p{{Han}}()\d—\-~]{{0,38}}?{KIND_WORD})?(?:公\s?告(?:送达书?)?|告\s?示|通\s?告))   # 2026年6月29日(星期一)开庭公告
        {TITLE_BRACKET}?[^\S\n]*$   # (第19期)
        """,
        match=("天津市滨海新区劳动人事争议仲裁委员会\n送达公告\n", "昆山市劳动人事争议仲裁委员会\n公 告\n",
               "南京市劳动人事争议仲裁委员会\n公告送达\n",
               "黑龙江省哈尔滨市中级人民法院\n开庭公告(第19期)\n", "重庆市渝北区人民法院\n2026年6月29日(星期一)开庭公告\n"),
        reject=("特此公告\n天津市滨海新区劳动人事争议仲裁委员会\n2026年5月6日", "北京互联网法院\n减资公告\n"),
        flags=regex.VERBOSE | regex.MULTILINE,
    ),
    Rule(
        "title/issuer_heading",  # a supplement grouped by issuer: ■ 西安市莲湖区人民法院, then its numbered notices
        rf"""
        (?:(?<=^)|(?<=\n))[^\S\n]*   # a line of its own
        (?:{BULLET}[^\S\n]*(?P<title>(?P<authority>{AUTHORITY}))[^\S\n]*(?=\n|$)
           |(?P<title>(?P<authority>{AUTHORITY}))[^\S\n]*(?=\n\s*{ITEM_MARK}))   # or right above the first item
        """,
        match=(("■ 西安市莲湖区人民法院\n\n　　1. 郭亚楠:", {"authority": "西安市莲湖区人民法院"}),
               ("\n南宁市劳动人事争议仲裁委员会\n(一)南宁某某公司:", {"authority": "南宁市劳动人事争议仲裁委员会"})),
        reject=("本院定于开庭。\n西安市莲湖区人民法院\n2026年5月6日", "特此公告\n\n西安市莲湖区人民法院\n二〇二六年五月六日"),
        flags=regex.VERBOSE,
    ),
    Rule(
        "title/bracketed",  # 人民法院报: each notice opens with its court in brackets, 【北京市朝阳区人民法院】张三:…
        rf"[【\[〔](?P<title>(?P<authority>{AUTHORITY})(?:{KIND_WORD})?(?:公告|通告)?)[】\]〕]",
        match=(("【北京市朝阳区人民法院】张三:本院受理", {"authority": "北京市朝阳区人民法院"}), "[上海市浦东新区人民法院]王五:",
               ("〔安徽省合肥市蜀山区人民法院〕本院受理", {"authority": "安徽省合肥市蜀山区人民法院"}),
               ("【西安市雁塔区人民法院公告】杜小龙:本院受理", {"authority": "西安市雁塔区人民法院"})),
        reject=("[北京]北京市丰台区人民法院", "【公告】"),
    ),
    Rule(
        "title/inline",  # a page printed as one line: '开庭公告 本院定于…', '公告 山西晋鼎恒泰商贸有限公司:…'
        rf"""
        (?:(?<=^)|(?<=[\n。\s])|(?<={FULL_DATE}))   # or right after the date that signs the notice before
        (?!特此|{FULL_DATE})
        (?=[^\n。]{{0,200}}?(?:公告|告示|通告|排期|安排表|预告))
        (?P<title>
            (?:(?P<authority>{AUTHORITY})[^\S\n]*)?
            (?:(?:(?!{FULL_DATE})[\p{{Han}}\d]){{0,20}}?{KIND_WORD})?   # a signature's date is no part of the next title
            (?:公告(?:送达书)?|告示|通告|(?<=开庭|庭审)(?:排期表?|安排表?|预告))
        )
        {TITLE_BRACKET}?   # (2027年3月16日—18日)
        (?:[^\S\n]+(?=[^\s,。;:、])|(?=[一1][、.])   # a space, or the first item of a list,
           |(?(authority)(?={CASE_YEAR})|(?!)))        # or, after an issuer, the case number
        """,
        match=("开庭公告 本院定于2026年7月7日", "公告 山西晋鼎恒泰商贸有限公司:", "南阳市宛城区人民法院开庭公告 一、二〇二六年",
               ("安徽省合肥市蜀山区人民法院公告(2026)皖0104民催7号:申请人", {"title": "安徽省合肥市蜀山区人民法院公告"}),
               "天津市滨海新区劳动人事争议仲裁委员会 送达公告 (2026)津滨劳仲案字第0678号",
               "\n南阳市宛城区人民法院开庭公告一、二〇二六年八月十八日",
               ("议案。\t宁波市鄞州区人民法院开庭排期公告(2027年3月16日—18日)\t3月16日", {"title": "宁波市鄞州区人民法院开庭排期公告"}),
               "议案。\t杭州互联网法院2026年8月第二周开庭排期\t8月10日",
               ("广东省东莞市第一人民法院\t2026年6月3日广东省广州市海珠区人民法院公告\t(2026)粤0105民特713号",
                {"title": "广东省广州市海珠区人民法院公告"}),
               ("法院\t二〇二六年六月一日东莞市劳动人事争议仲裁委员会公告\t东莞市塘厦镇鸿昌电子厂:",
                {"title": "东莞市劳动人事争议仲裁委员会公告"}),
               ("东莞市劳动人事争议仲裁委员会\t2026年5月29日注销公告\t东莞市松山湖", {"title": "注销公告"})),
        reject=("宁德时代发布公告,公司", "特此公告 青岛市黄岛区劳动人事争议仲裁委员会", "本院于2026年5月6日发布公告(2026)"),
    ),
)

SIGNATURES = table(
    "signature",
    Rule(
        "signature/closing",  # 特此公告 [authority] [date]
        rf"""
        (?P<closing>特此(?:公告|通知|告知|公示)[。.!]?)
        (?:\s*(?P<authority>{AUTHORITY}))?
        (?:\s*(?P<date>{FULL_DATE}))?
        (?:\s*(?:刊登|上传|发布)(?:日期|时间)\s*:?\s*{FULL_DATE})*   # bulletin pages date the notice below
        """,
        match=("特此公告\n青岛市黄岛区劳动人事争议仲裁委员会\n2026年3月25日", "特此公告。\n2026年7月20日",
               "特此公告 保定市竞秀区劳动人事争议仲裁委员会 二〇二六年十一月三日"),
        reject=("此公告自发布之日起生效",),
    ),
    Rule(
        "signature/authority_date",  # authority and date closing a notice without 特此公告
        rf"""
        {NAME_START}
        (?P<authority>{AUTHORITY})
        [^\S\n]*\n?[^\S\n]*
        (?P<date>{FULL_DATE})
        (?=\s|$|。)
        """,
        match=("\n临沂市兰山区劳动人事争议仲裁委员会\n2026年5月13日", "\n台州市黄岩区劳动人事争议仲裁委员会 2026年9月8日"),
        reject=("本委已于2026年3月9日立案受理。",),
    ),
    Rule(
        "signature/date_line",  # a notice that ends with its date alone: on the last line, or after
        # the last sentence of a page printed as one line
        rf"(?:^[^\S\n]*(?P<authority>)(?P<date>{FULL_DATE})[^\S\n]*$"
        rf"|(?<=。[^\S\n]{{1,4}})(?P<authority>)(?P<date>{FULL_DATE})(?=[^\S\n]|$))",
        match=("开庭审理。\n2026年5月6日\n", "\n二〇二六年二月九日", "依法缺席裁决。 2026年5月6日 开源大模型"),
        reject=("本委于2026年5月11日作出决定。", "依法缺席裁决。 2026年3月9日本委立案受理", "\n2026-06-15 09:00\t第一法庭"),
        flags=regex.VERBOSE | regex.MULTILINE,
    ),
    Rule(
        "signature/authority_alone",  # the issuer after the last sentence, on its line: at its end, or on
        # a page run into one line before the next notice (…法律效力。 厦门海事法院<gap>陕西省西安市中级人民法院 本院…)
        rf"(?<=。[^\S\n]{{0,4}})(?P<authority>{AUTHORITY})(?P<date>)(?=[^\S\n]*\t[^\S\n]*{AUTHORITY}(?![^\S\n]*公\s*告))"
        rf"|(?<=。[^\S\n]{{0,8}})(?P<authority>{AUTHORITY})(?P<date>)(?=[^\S\n]*(?:\n|$))",  # or ending the line
        match=("法律效力。 厦门海事法院\t陕西省西安市中级人民法院 本院根据", "一案((2026)皖0102民初1377号)。  合肥市瑶海区人民法院\n", "刑初96号))。贵阳市观山湖区人民法院\n"),
        reject=("法律效力。 厦门海事法院\t公告\t泉州远扬船务有限公司:", "法律效力。\n厦门海事法院\n公告",
                "作出判决。广东省广州市海珠区人民法院\t二〇二六年六月一日东莞市劳动人事争议仲裁委员会公告"),
    ),
    Rule(
        "signature/bulletin",  # a court-bulletin page: [北京]北京市丰台区人民法院 刊登版面:G29 刊登日期:2016-07-17
        rf"""
        [\[〔【]\p{{Han}}{{1,4}}[\]〕】](?P<authority>{AUTHORITY})
        (?:\s*刊登版面:\s*\S+)?
        (?:\s*刊登日期:\s*(?P<date>{FULL_DATE}))?
        """,
        match=("[北京]北京市丰台区人民法院 刊登版面:G29 刊登日期:2016-07-17", "〔陕西〕西安市雁塔区人民法院"),
        reject=("北京市丰台区人民法院",),
    ),
)

# Dates printed beside the signature on bulletin pages: they date the notice.
LABELLED_DATE = table(
    "labelled_date",
    Rule(
        "labelled_date/published",
        rf"(?:刊登|发布|公告|登报)(?:日期|时间)\s*:?\s*(?P<date>{FULL_DATE})",
        match=("刊登日期:2017年02月22日", "刊登日期:2016-07-17", "发布时间:2020-02-01"),
        reject=("上传日期:2017年02月22日",),
    ),
    Rule(
        "labelled_date/uploaded",
        rf"上传(?:日期|时间)\s*:?\s*(?P<date>{FULL_DATE})",
        match=("上传日期:2017年02月22日",),
    ),
)

# The issue date a newspaper page prints at its head, beside its weekday or page number: the
# date of a notice on it that prints none of its own.
PAGE_GAP = r"[\x20\u3000]{2}|\t"  # the blank that parts what a page run into one line printed apart
MASTHEAD = standalone(Rule(
    "masthead",
    rf"^(?!(?:(?!{PAGE_GAP})[^\n])*?(?:开庭|庭审|排期))[^\n。,]{{0,40}}?(?P<date>{FULL_DATE})[^\n。,]{{0,30}}?"
    r"(?:星期[一二三四五六日天]|周[一二三四五六日]|第\s*[A-Za-z]?\d{1,3}\s*版)"
    rf"(?:[^\n。,]*$|(?:(?!{PAGE_GAP})[^\n。,])*(?={PAGE_GAP}))",  # a line of its own, no sentence (本院定于
    # 2026年5月13日(星期三)…开庭 is none), or, on a page run into one line, up to the gap after it
    match=(("冰城晨报　2026年4月15日　星期三　第A11版", {"date": "2026年4月15日"}),
           ("首页 > 电子报 > 2026年05月20日 > 第07版:公告", {"date": "2026年05月20日"}),
           ("人民法院报 2026年4月17日 星期五 第7版 公告 责任编辑:胡凯\t【法院公告】\t厦门海事法院 泉州远扬船务有限公司:本院受理…开庭",
            {"date": "2026年4月17日"})),
    reject=("本院定于2026年7月15日上午9时30分在本院第三审判庭开庭审理", "本院定于2026年5月13日(星期三)14时30分在本院第二法庭开庭审理。",
            "2026年6月29日(星期一)开庭公告"),  # a list's title names the day of its hearings
    flags=regex.VERBOSE | regex.MULTILINE,
))

# A bare date on its own line just under the title (notice lists on websites).
DATE_LINE = standalone(Rule(
    "date_line",
    rf"(?:(?<=^)|(?<=\n))\s*(?P<date>{FULL_DATE})\s*(?=\n|$)",
    match=("\n2020-01-30\n",),
    reject=("本委于2026年5月11日作出决定。",),
))

# The colon after an addressee's name, and how the notice goes on to speak to them.
ADDRESS_COLON = rf"""
    :\s*
    (?=
        {SELF}
      | (?:申请人|原告|上诉人|被告|申请执行人|公诉机关)[^\n。:]{{1,100}}?(?:与|诉|因|申请|不服|一案)
      | 现(?:依法)?向你 | 你(?:单位|公司|们|司)?(?:与|诉|因|申请|不服|就)
      | 你(?:单位|公司|们|司)?于[^\n。:]{{0,30}}?(?:向(?:本委|本院|我委|我院)|提交|提出)   # 你于2026年2月12日向本委提交的…申请
      | [^\n。:]{{0,120}}?(?:与你|诉你|因与你|申请执行)
      | [^\n。:]{{0,60}}?(?:因你|向你)
      | {AUTHORITY}(?:已|依法)?(?:立案)?受理
    )
    """

OPENINGS = table(
    "opening",
    Rule(
        "opening/addressee",  # 青岛意合达金属制品有限公司: 本委受理…  (a bracket may hold a colon: (身份证号:…))
        rf"""
        (?:(?<=^)|(?<=[\n:。;!?.…\s】\]]|公告))   # names start after a boundary
        (?!{FIELD_LABEL}\s*:)                      # 开庭地点:本院… labels a field, names no one
        (?P<names>(?:(?!公告|如下)[^\n:。;!?.…()]|(?<=[A-Za-z])\.|\((?:[^()\n]|\([^()\n]{{0,12}}\)){{0,60}}\)){{2,200}}?)   # not 现公告如下:
        {ADDRESS_COLON}
        """,
        match=("青岛意合达金属制品有限公司:\n本委受理的张松田", "霍明远:本委受理", "王大力(身份证号:320102198001011234):\n本院受理", "庞立群:\n申请人山东蒙山鲁信食品有限公司与你",
               "蒋文涛:\n常州武进腾跃精密模具有限公司因与你发生违约金争议",
               ("李国华:\n你于2026年2月12日向本委提交的与被申请人江西赣顺物流有限公司追索劳动报酬争议的仲裁申请", {"names": "李国华"}),
               ("香港瑞丰国际贸易有限公司(RUIFENG INTERNATIONAL TRADING (HK) LIMITED):\n本院受理",
                {"names": "香港瑞丰国际贸易有限公司(RUIFENG INTERNATIONAL TRADING (HK) LIMITED)"}),
               ("Lumora Digital Ltd.(卢莫拉数字有限公司):\n本院受理", {"names": "Lumora Digital Ltd.(卢莫拉数字有限公司)"})),
        reject=("地址:青岛西海岸新区双珠路", "联系电话:0532-88187720", "现公告如下:\n一、凡在本院有未结执行案件的被执行人,或者与申请执行人达成和解",
                "领取时须提供:申请人身份证原件及复印件", "开庭地点:本院第六审判庭"),
    ),
    Rule(
        "opening/addressee_to",  # 致:广州宏达建材有限公司 (the name on its own line, no colon after it)
        rf"""
        (?:(?<=^)|(?<=\n))致\s*:?\s*
        (?P<names>[^\n:。;!?.…]{{2,200}}?)
        \s*\n\s*
        (?={SELF}|申请人|原告|上诉人|[^\n。:]{{0,120}}?(?:与你|诉你|因与你|申请执行))
        """,
        match=("致:广州宏达建材有限公司\n本委受理申请人黄伟",),
        reject=("致广大读者\n本报讯",),
    ),
    Rule(
        "opening/hearing_sentence",  # 本院定于2017年3月7日上午9时在本院第四法庭公开审理原告…一案。 and, in a
        # run of such sentences, 同日下午…审理…一案; a case number printed just before one is its own
        r"""
        (?:[\[〔(【]\s*\d{4}\s*[\]〕)】][^\s。,;:]{1,20}?号[^\S\n]*)?
        (?:(?:本院|我院|本庭|(?<![\p{Han}])[\p{Han}]{2,20}?(?:人民法院|海事法院|知识产权法院|互联网法院|金融法院|铁路运输法院))
           (?:将)?定于|(?<=^|[。\s])(?:同日|当日|次日|翌日))
        [^。]{1,160}?(?:审理|宣判)[^。]{1,400}?(?:一案|案件|[二两三四五六七八九十]案)
        """,
        match=("本院定于二○一七年三月八日下午三时整在本院第五法庭公开审理被告人陈志挪用公款、贪污一案。",
               "一案。同日上午10时在本院第一法庭公开开庭审理原告郑州宏润物业服务有限公司诉被告王素芬物业服务合同纠纷一案。",
               "(2026)豫0105民初6612号 本院定于2026年6月16日下午3时在本院第四法庭公开开庭审理原告甲诉被告乙纠纷一案",
               "德庆县人民法院定于2022-12-05 15:00 在德庆县人民法院第三审判庭公开开庭审理[原告]甲公司,[被告]乙商行买卖合同纠纷一案"),
        reject=("本委定于2026年6月9日14时00分在本委仲裁庭开庭审理此案", "原定于同日开庭"),
    ),
    Rule(
        "opening/body",  # no addressee: 本委受理的申请人…与被申请人…一案; after a colon, an addressee
        # the addressee rule could not read (a bracket lost: 刘国凡身份证号码4522…）：本院受理…)
        rf"""
        (?:^|(?<=[:]))
        (?:{SELF}|{AUTHORITY})(?:依法)?(?:已)?(?:立案)?受理
        """,
        match=("\n本委受理的申请人孟庆华", "\n绍兴市柯桥区劳动人事争议仲裁委员会已受理申请人", "4232):本院受理原告苏正求"),
        reject=("申请人与本委受理",),
        flags=regex.VERBOSE | regex.MULTILINE,
    ),
)
