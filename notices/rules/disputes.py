"""Where a party name ends and the cause of action begins.

"诉被告王道云,南充云丰水泥有限公司民间借贷纠纷一案": nothing marks the boundary but the words
themselves. Causes of action come from a closed official vocabulary (民事案件案由规定, the labour
dispute categories of 劳动争议调解仲裁法 §2, the names of crimes), so the first words of those
causes are listed here; a cause starts where one of them does.
"""
from __future__ import annotations

import regex

from notices.rules import Rule, table

# First words of causes of action, longest first within a family so a longer one wins.
CAUSE_HEADS = (
    # labour and personnel disputes
    "追索劳动报酬", "追索", "劳动报酬", "劳动合同", "劳动关系", "劳动争议", "劳动", "劳务派遣", "劳务合同", "劳务",
    "人事争议", "人事", "确认劳动关系", "确认", "工伤保险", "工伤", "社会保险", "养老保险", "医疗保险", "失业保险",
    "生育保险", "福利待遇", "经济补偿", "加班费", "加班", "拖欠", "欠薪", "工资", "农民工", "未签订", "二倍工资",
    "竞业限制", "违约金", "解除劳动", "解除", "终止劳动", "终止", "培训", "集体合同", "辞退", "除名", "开除",
    # contracts
    "买卖合同", "分期付款买卖", "网络购物", "商品房", "房屋买卖", "房屋租赁", "房屋拆迁", "房地产", "租赁合同", "融资租赁",
    "民间借贷", "借款合同", "金融借款", "企业借贷", "小额借款", "借贷", "借款", "保证合同", "担保", "追偿权", "追偿",
    "建设工程", "装饰装修", "承揽合同", "加工合同", "定作合同", "运输合同", "保管合同", "仓储合同", "委托合同",
    "居间合同", "中介合同", "行纪合同", "服务合同", "物业服务", "物业", "电信服务", "旅游合同", "教育培训", "合伙",
    "合同", "债权", "债务", "不当得利", "无因管理", "储蓄存款", "信用卡", "银行卡", "票据", "保险合同", "保险",
    "供用电", "供用水", "供用气", "供用热力", "赠与", "典当", "广告合同", "特许经营", "技术合同", "技术服务",
    # property and torts
    "所有权", "物权", "共有", "相邻", "排除妨害", "返还原物", "恢复原状", "财产损害", "侵权责任", "侵权", "侵害",
    "机动车交通事故", "交通事故", "医疗损害", "产品责任", "提供劳务者", "义务帮工", "饲养动物", "物件损害",
    "违反安全保障义务", "生命权", "身体权", "健康权", "名誉权", "肖像权", "隐私权", "人格权", "姓名权", "名称权",
    "网络侵权", "环境污染", "触电人身损害", "人身损害", "监护人责任", "用人单位责任", "教育机构责任",
    "宅基地", "土地承包", "建设用地", "业主", "抵押权", "质权", "留置权", "占有",
    # family and succession
    "离婚", "婚约财产", "婚姻", "同居关系", "抚养", "扶养", "赡养", "抚育", "收养", "监护权", "探望权", "分家析产",
    "法定继承", "遗嘱继承", "继承", "遗赠", "被继承人债务",
    # companies, IP, competition
    "股东", "股权", "公司", "清算", "破产", "证券", "期货", "信托", "著作权", "商标", "专利", "商业秘密",
    "不正当竞争", "垄断", "知识产权", "企业名称",
    # applications and procedures
    "申请", "撤销", "请求", "执行异议", "案外人执行异议", "第三人撤销之诉",
    # crimes
    "犯", "盗窃", "抢劫", "抢夺", "诈骗", "合同诈骗", "集资诈骗", "危险驾驶", "交通肇事", "故意伤害", "故意杀人",
    "过失致人", "挪用", "贪污", "受贿", "行贿", "职务侵占", "寻衅滋事", "聚众", "开设赌场", "赌博", "非法", "组织",
    "走私", "贩卖", "运输毒品", "敲诈勒索", "强奸", "猥亵", "妨害", "拒不", "掩饰", "帮助信息网络", "滥伐", "盗伐",
    "失火", "放火", "重大责任", "虚开", "逃税", "生产、销售", "销售假冒", "假冒", "伪造", "侵犯", "故意毁坏",
    # administrative cases
    "行政", "不服",
)

# Endings of a cause, so a bare remainder can be recognised as one.
CAUSE_END = r"(?:纠纷|争议|罪|案件|之诉|申请|赔偿|补偿|待遇|报酬|工资|费用|费|金|事宜|关系)"

CAUSE_HEAD = regex.compile("|".join(sorted(map(regex.escape, CAUSE_HEADS), key=len, reverse=True)))

# Organisation endings strong enough that a cause word before one sits inside a name:
# "北京劳动服务有限公司劳动争议" — the first 劳动 belongs to the company.
STRONG_ORG_END = regex.compile(
    r"(?:公司|集团|总厂|分厂|厂|商店|超市|酒店|宾馆|饭店|学校|医院|事务所|合作社|经营部|经销部|门市部|服务部"
    r"|中心|委员会|检察院|研究所|银行|支行|分行|工作室|会所)"
)

DISPUTE_SHAPES = table(
    "dispute",
    Rule(
        "dispute/cause",  # a cause of action as it ends a case clause
        rf"(?P<cause>(?:{CAUSE_HEAD.pattern})[\p{{Han}}、]{{0,20}}?{CAUSE_END})$",
        match=("劳动报酬争议", "民间借贷纠纷", "生命权、身体权、健康权纠纷", "危险驾驶罪", "未签订书面劳动合同二倍工资争议"),
        reject=("青岛佳豪塑钢门窗有限公司",),
    ),
)
