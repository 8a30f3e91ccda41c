"""Named parts that rules are built from: how the bodies, parties and dates of Chinese legal
notices are worded. Each is a regex fragment (no groups of its own unless named)."""
from __future__ import annotations

from notices.vocab import alternation, roles

# Issuing bodies end in one of these; longer first so the whole suffix is taken.
AUTHORITY_SUFFIX = (
    r"(?:劳动人事争议仲裁委员会|劳动争议仲裁委员会|人事争议仲裁委员会|劳动人事争议仲裁院|劳动争议仲裁院"
    r"|仲裁委员会|仲裁院|中级人民法院|高级人民法院|最高人民法院|人民法院|人民法庭|海事法院|知识产权法院"
    r"|金融法院|互联网法院|铁路运输法院|法院)"
)
# The notice speaks of its issuer as 本委, 本院 ...
SELF = r"(?:本委|本院|我院|我委|本会|本庭|本仲裁委|本仲裁院|本局)"
# The bracketed year a court's case number opens with: (2026), 〔2026〕, [2026], 【2026】.
CASE_YEAR = r"[\[〔(【]\s*\d{4}\s*[\]〕)】]"
# An item's number: 1. 1、 一、 (1) (一).
ITEM_MARK = r"\s*(?:\d{1,3}[.、．]|[一二三四五六七八九十]{1,3}、|[(（]\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)）])\s*"
# The last word of a courtroom's name: 第五法庭, 第二仲裁庭, 调解室, 306室, 3号庭.
COURTROOM = r"(?:法庭|审判庭|仲裁庭|审判室|调解室|\d+室|\d+号庭)"
# A mark a paper prints before each item or heading.
BULLET = "[■□●○◆◇▲△★☆▶►•※]"
# A rule printed between items or notices: ——————, ------, ======.
RULE = r"[—\-=_─━~～·*]{3,}"

# Characters of a party or place name: Han, Latin, digits, middle dot, brackets such as (中国).
NAME_CHAR = r"[\p{Han}A-Za-z0-9·•\-()&]"

# How an addressee is referred to in the body.
YOU = (r"(?:你单位|你公司|你们|你方|你厂|你店|你部|你中心|你校|你所|你社|你会|你院|你行|你处|你站|你司|你局|你村|你园|你馆"
       r"|你店铺|你)")

# A count of cases: 一案, 二案, 两案, 十二案, 12案
# 一案, 二案, 系列案, and 争议案/纠纷案 without the count before its number (…与你单位追索劳动报酬
# 争议案（西劳人仲案字…）; news says 一起…纠纷案, with no number)
CASE_COUNT = (r"(?:[一二两三四五六七八九十百\d]{1,4}(?:起|件)?案(?!件|号|由|情|字)|(?<=争议|纠纷)案(?=\s*[(\[〔【])"
              r"|系列案)")

# Role labels before party names, from the roles vocabulary (notices/data/roles.tsv): the side
# that brought the case and the side it is brought against; (原审被告) annotations are part of
# the label.
# A label may be printed in square brackets, as court websites list parties: [原告]甲,[被告]乙.


def _role(side: str) -> str:
    label = rf"(?:原审)?{alternation(roles(side))}"
    return rf"(?:[\[【]{label}[\]】]|{label})(?:\([^()]{{1,12}}\))?"


CLAIMANT_ROLE = _role("claimant")
RESPONDENT_ROLE = _role("respondent")
THIRD_ROLE = _role("third")

# A case's own line in a notice of several cases, addressed to its party: 郭志刚:本院定于…一案[…],…。
ADDRESSED_CASE_LINE = rf"[^\n:。]{{2,60}}:[^\n]*?(?:{CASE_COUNT})[^\n]*。"

# Separators between names in a list of parties.
# A line break ends a name, and so does a tab in a table row (two tabs or more on the line); a lone
# tab in running text is a crawler's damage inside a name (甘肃陇原	恒泰化工有限公司).
NAME_SEPARATOR_IN_LINE = r"[、,;，；]|\t(?=[^\n]*\t)|(?<=\t[^\n]*)\t"
NAME_SEPARATOR = rf"{NAME_SEPARATOR_IN_LINE}|\n"

# Organisation name endings: where a party name stops and the cause of action begins.
ORG_SUFFIX = (
    r"(?:有限责任公司|股份有限公司|有限公司|分公司|支公司|公司|集团|总厂|分厂|厂|商店|门市部|经营部|经销部|服务部"
    r"|部|中心|学校|幼儿园|医院|诊所|事务所|研究所|所|商行|银行|支行|分行|合作社|联社|工作室|会所|酒店|宾馆"
    r"|饭店|酒楼|超市|餐厅|馆|店|站|场|园|社|行|委员会|检察院|协会|基金会|村民委员会|居民委员会)"
)

# What a title may say before 公告: the kind of notice, a word of a case's proceedings with a
# few words before it (仲裁文书送达公告, 民事判决书送达公告, 破产宣告公告, 债权申报公告).
# What a title may carry in brackets after it: (第19期), (2027年3月16日—18日); not a year alone,
# which opens the case number on the next line (公告送达(2018) / 鲁08民初14号).
TITLE_BRACKET = r"(?:[^\S\n]*\((?!\s*\d{4}\s*\))[^()\n]{1,30}\))"
# A company's own notices (Company Law: 减资, 注销, 合并, 分立): titles too, of look-alikes.
COMPANY_KIND = r"(?:减资|注销|合并|分立)"
KIND_WORD = (rf"(?:送达|开庭|排期|执行|拍卖|催告|应诉|宣判|破产|清算|{COMPANY_KIND}|更正|延期|受理|判决|裁定|裁决|文书"
             r"|宣告|申报|听证|传唤|认领|寻找|撤销|变更|恢复|通知|组成|书)")
TITLE_KIND = rf"(?:\p{{Han}}{{0,8}}?{KIND_WORD})"

# Labels of the fields of a notice set out as labelled lines (案号: …, 开庭时间: …), and of party roles.
FIELD_LABEL = (
    r"(?:开庭时间|开庭日期|开庭地点|时间|日期|地点|仲裁庭|审判庭|法庭|地址|案号|案由|联系电话"
    r"|电话|联系人|联系地址|法定代表人|负责人|经营者|住所地|住址|住所|备注|刊登日期|刊登版面|上传日期|发布时间|发布日期|承办人|审判长|审判员"
    r"|书记员|法官助理|承办法官|合议庭成员)"
)
LINE_LABEL = rf"(?:{CLAIMANT_ROLE}|{RESPONDENT_ROLE}|{THIRD_ROLE}|{FIELD_LABEL}|当事人)"

# Website navigation glued to a title line: 返回公告列表 >>, 【打印】【关闭】.
NAVIGATION = r"(?:[^\S\n]*[【\[]?(?:返回|回到|打印|关闭|更多)[^\n。,;:]{0,16})"
