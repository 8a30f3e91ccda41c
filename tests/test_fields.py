"""Field tables: notices in forms the development corpus does not have, and what each field
must read from them; negative rows; known failures as strict xfails."""
from __future__ import annotations

import datetime as dt

import pytest

from notices import dates
from notices.model import CHINA_TZ
from notices.pipeline import extract_text
from notices.read import path_date

ARB_SIGNATURE = "\n特此公告\n北京市劳动人事争议仲裁委员会\n2026年1月5日"


def one(text: str):
    found = extract_text(text)
    assert len(found) == 1, [n.record() for n in found]
    return found[0]


def at(*parts) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=CHINA_TZ)


NOTICES = {
    "court, relative hearing": (
        "张三、李四：\n本院受理原告王五诉你们民间借贷纠纷一案，现依法向你们公告送达起诉状副本、应诉通知书、举证通知书、"
        "开庭传票。自公告之日起经过30日即视为送达。提出答辩状和举证的期限分别为公告期满后15日和30日内。并定于举证期满后"
        "第3日上午9时（遇法定节假日顺延）在本院第三法庭公开开庭审理，逾期将依法缺席判决。\n北京市朝阳区人民法院\n二〇二六年三月五日",
        dict(notice_type="hearing", authority="北京市朝阳区人民法院", respondents=["张三", "李四"], claimants=["王五"],
             dispute_type="民间借贷纠纷", hearing_datetime=None, hearing_text="举证期满后第3日上午9时(遇法定节假日顺延)",
             venue="本院第三法庭", publication_date=dt.date(2026, 3, 5),
             documents=["起诉状副本", "应诉通知书", "举证通知书", "开庭传票"])),
    "court, judgment served": (
        "深圳市鹏程智联科技有限公司：\n本院受理原告陈建华诉被告深圳市鹏程智联科技有限公司买卖合同纠纷一案，已审理终结。现依法向你"
        "公司公告送达（2025）粤0305民初12345号民事判决书。自公告之日起30日内来本院领取民事判决书，逾期则视为送达。如不服本判决，"
        "可在判决书送达之日起15日内，向本院递交上诉状及副本，上诉于广东省深圳市中级人民法院。\n广东省深圳市南山区人民法院\n2026年1月8日",
        dict(notice_type="decision_service", authority="广东省深圳市南山区人民法院", respondents=["深圳市鹏程智联科技有限公司"],
             claimants=["陈建华"], case_numbers=["(2025)粤0305民初12345号"], dispute_type="买卖合同纠纷",
             documents=["民事判决书"], venue=None)),
    "enforcement": (
        "刘洋：\n本院在执行申请执行人招商银行股份有限公司上海分行与被执行人刘洋金融借款合同纠纷一案中，因你下落不明，依法向你公告"
        "送达（2026）沪0115执1234号执行通知书、报告财产令。自公告之日起经过30日即视为送达。\n上海市浦东新区人民法院\n2026年2月3日",
        dict(notice_type="decision_service", respondents=["刘洋"], claimants=["招商银行股份有限公司上海分行"],
             case_numbers=["(2026)沪0115执1234号"], dispute_type="金融借款合同纠纷")),
    "arbitration office number, 两点半": (
        "上海锦程物流有限公司：\n本会受理的申请人赵敏与你单位劳动合同争议一案（沪劳人仲（2026）办字第123号），因你单位下落不明，"
        "现依法向你单位公告送达仲裁申请书副本及开庭通知书。本会定于2026年4月10日（星期五）下午两点半在本会仲裁一庭开庭审理。"
        "\n上海市劳动人事争议仲裁委员会\n2026年3月2日",
        dict(case_numbers=["沪劳人仲(2026)办字第123号"], hearing_datetime=at(2026, 4, 10, 14, 30), venue="本会仲裁一庭",
             dispute_type="劳动合同争议")),
    "致 addressee, dotted date": (
        "致：广州宏达建材有限公司\n本委受理申请人黄伟与你单位工资争议一案（穗劳人仲案〔2026〕5678号），现依法向你单位公告送达"
        "开庭通知书等材料。本委定于2026.4.20上午九点整在本委第一仲裁庭开庭。\n特此公告\n广州市劳动人事争议仲裁委员会\n2026年3月10日",
        dict(respondents=["广州宏达建材有限公司"], claimants=["黄伟"], hearing_datetime=at(2026, 4, 20, 9, 0),
             publication_date=dt.date(2026, 3, 10))),
    "bank claimant, 第12法庭": (
        "李小红：\n本院受理原告中国建设银行股份有限公司北京分行诉被告李小红信用卡纠纷一案，现依法向你公告送达起诉状副本、证据材料"
        "及开庭传票。自公告之日起经过30日即视为送达。本院定于2026年5月20日9时30分在本院第12法庭公开开庭审理。"
        "\n北京市西城区人民法院\n2026年3月1日",
        dict(claimants=["中国建设银行股份有限公司北京分行"], respondents=["李小红"], dispute_type="信用卡纠纷",
             hearing_datetime=at(2026, 5, 20, 9, 30), venue="本院第12法庭")),
    "labelled lines, 办公室 signature, dotted date": (
        "公告\n被申请人：成都蓉城优选商贸有限公司\n申请人：刘芳\n案由：追索劳动报酬争议\n案号：成劳人仲案〔2026〕第0456号\n"
        "因你单位下落不明，本委依法向你单位公告送达仲裁申请书副本、开庭通知书。本委定于2026年5月6日上午9时30分在本委第三"
        "仲裁庭开庭审理，逾期不到庭的，依法缺席裁决。\n特此公告\n成都市劳动人事争议仲裁委员会办公室\n2026.3.20",
        dict(respondents=["成都蓉城优选商贸有限公司"], claimants=["刘芳"], dispute_type="追索劳动报酬争议",
             case_numbers=["成劳人仲案〔2026〕第0456号"], hearing_datetime=at(2026, 5, 6, 9, 30),
             authority="成都市劳动人事争议仲裁委员会办公室", publication_date=dt.date(2026, 3, 20))),
    "addressee with an identity number": (
        "王大力（身份证号：320102198001011234）：\n本院受理原告南京银行股份有限公司诉你金融借款合同纠纷一案，因你下落不明，"
        "现依法向你公告送达起诉状副本、应诉通知书、举证通知书及开庭传票。自公告之日起经过30日即视为送达。本院定于2026年7月1日"
        "上午9时在本院第五法庭开庭审理。\n南京市鼓楼区人民法院\n2026年4月1日",
        dict(respondents=["王大力"], claimants=["南京银行股份有限公司"], dispute_type="金融借款合同纠纷",
             hearing_datetime=at(2026, 7, 1, 9, 0))),
    "a special procedure's cause opens with 申请": (
        "黄某：本院受理申请人福建海峡融资担保有限公司与被申请人黄某、厦门闽茶商贸有限公司申请实现担保物权一案，因你下落不明，"
        "现依法向你公告送达申请书副本。自公告之日起经过三十日即视为送达。\n福建省厦门市思明区人民法院\n2026年4月1日",
        dict(claimants=["福建海峡融资担保有限公司"], respondents=["黄某", "厦门闽茶商贸有限公司"], dispute_type="申请实现担保物权")),
    "the addressee marks where a party ends and a cause begins": (
        "关雪梅：\n本院受理原告哈尔滨中央大街商业运营有限公司诉被告关雪梅商铺租赁合同纠纷一案，现依法向你公告送达起诉状副本。"
        "自公告之日起经过三十日即视为送达。\n哈尔滨市道里区人民法院\n2026年4月1日",
        dict(respondents=["关雪梅"], claimants=["哈尔滨中央大街商业运营有限公司"], dispute_type="商铺租赁合同纠纷")),
    "a person's name is no administrative cause's field": (
        "张德胜：本院受理申请执行人合肥市庐阳区自然资源和规划局申请强制执行被执行人张德胜土地行政处罚一案，已作出（2026）皖0103"
        "行审12号行政裁定书，准予强制执行。现依法向你公告送达该行政裁定书，自公告之日起经过三十日即视为送达。\n"
        "合肥市庐阳区人民法院\n2026年3月20日",
        dict(respondents=["张德胜"], claimants=["合肥市庐阳区自然资源和规划局"], dispute_type="土地行政处罚")),
    "a cause in words no list has, after a company's name": (
        "本院定于2026年5月6日上午9时在本院第一法庭开庭审理原告李某诉被告杭州云秀电子商务有限公司网络购物合同纠纷一案。",
        dict(respondents=["杭州云秀电子商务有限公司"], dispute_type="网络购物合同纠纷")),
    "an administrative cause with no field": (
        "本院定于2026年6月3日上午9:30在第三法庭开庭审理原告韩秀兰诉被告兰州市七里河区西园街道办事处行政强制一案。",
        dict(respondents=["兰州市七里河区西园街道办事处"], dispute_type="行政强制")),
    "a notice to the applicant": (
        "陈俊杰：\n你于2026年3月3日向本委申请仲裁，要求被申请人厦门海翼云帆信息科技有限公司支付2022年度年终奖金。经审查，本委决定"
        "不予受理。现向你公告送达不予受理通知书。自公告之日起经过三十日视为送达。\n厦门市劳动人事争议仲裁委员会\n2026年4月8日",
        dict(respondents=["厦门海翼云帆信息科技有限公司"], claimants=["陈俊杰"])),
    "公示催告 with its number run into the applicant": (
        "湖南省浏阳市人民法院公告（2026）湘0181民催12号申请人浏阳市金阳花炮材料有限公司因遗失银行承兑汇票一张，向本院申请公示催告。"
        "本院决定受理。湖南省浏阳市人民法院二〇二六年五月六日",
        dict(notice_type="other", claimants=["浏阳市金阳花炮材料有限公司"], dispute_type="申请公示催告")),
    "认定公民无民事行为能力": (
        "本院受理申请人宝鸡市渭滨区姜谭路社区居民委员会申请认定公民无民事行为能力一案。申请人称，被申请人王振邦（男，1949年2月出生）"
        "患阿尔茨海默病多年。现公告通知被申请人王振邦的近亲属，自本公告发布之日起三十日内向本院申报。\n陕西省宝鸡市渭滨区人民法院"
        "\n2026年4月2日",
        dict(respondents=["王振邦"], claimants=["宝鸡市渭滨区姜谭路社区居民委员会"], dispute_type="申请认定公民无民事行为能力")),
    "a relative hearing on the day after a period": (
        "程立新：本院受理原告合肥滨湖新区物业管理有限公司诉你物业服务合同纠纷一案，现依法向你公告送达起诉状副本。答辩和举证期限均为"
        "公告期满后十五日内，并定于举证期满后次日上午9时在本院滨湖人民法庭开庭审理。\n合肥市包河区人民法院\n2026年3月20日",
        dict(notice_type="hearing", hearing_datetime=None, venue="本院滨湖人民法庭")),
    "a criminal case with an incidental civil suit": (
        "温州顺捷汽车租赁有限公司：\n温州市鹿城区人民检察院指控被告人林某某犯交通肇事罪，附带民事诉讼原告人黄某甲、黄某乙诉被告人林某某、"
        "附带民事诉讼被告温州顺捷汽车租赁有限公司一案，本院已作出（2026）浙0302刑初318号刑事附带民事判决。现依法向你公司公告送达"
        "该判决书。自公告之日起经过三十日即视为送达。\n浙江省温州市鹿城区人民法院\n二〇二六年四月十四日",
        dict(respondents=["林某某", "温州顺捷汽车租赁有限公司"], claimants=["温州市鹿城区人民检察院", "黄某甲", "黄某乙"],
             dispute_type="交通肇事罪")),
    "the issuer after the last sentence on its line": (
        "本院定于2026年4月9日上午9时30分在本院第六法庭公开开庭审理原告合肥庐州装饰材料有限公司诉被告安徽徽州古建园林工程有限公司"
        "买卖合同纠纷一案（（2026）皖0102民初1377号）。　　合肥市瑶海区人民法院\n",
        dict(authority="合肥市瑶海区人民法院", respondents=["安徽徽州古建园林工程有限公司"])),
}


def test_markdown_hearing_table():
    found = extract_text(
        "## 开庭公告\n\n| 开庭时间 | 法庭 | 案号 | 案由 | 原告 | 被告 |\n|---|---|---|---|---|---|\n"
        "| 2026-06-15 09:00 | 第一法庭 | （2026）苏0102民初3021号 | 民间借贷纠纷 | 高志军 | 南京鑫源商贸有限公司、韩丽 |\n"
        "| 2026-06-15 14:30 | 第二法庭 | （2026）苏0102民初3058号 | 物业服务合同纠纷 | 南京嘉园物业服务有限公司 | 郭永亮 |\n\n"
        "南京市玄武区人民法院\n2026年6月8日")
    assert [(n.notice_type, n.respondents, n.hearing_datetime, n.venue, n.authority) for n in found] == [
        ("hearing_list", ["南京鑫源商贸有限公司", "韩丽"], at(2026, 6, 15, 9, 0), "第一法庭", "南京市玄武区人民法院"),
        ("hearing_list", ["郭永亮"], at(2026, 6, 15, 14, 30), "第二法庭", "南京市玄武区人民法院")]


def test_numbered_list_led_by_case_numbers():
    found = extract_text(
        "开庭公告\n本院定于近期开庭审理下列案件：\n"
        "1、（2026）浙0106民初1231号，原告杭州云栖科技有限公司诉被告李强买卖合同纠纷，开庭时间：2026年5月12日9:00，地点：第一法庭；\n"
        "2、（2026）浙0106民初1288号，原告王丽诉被告杭州西溪物业服务有限公司物业服务合同纠纷，开庭时间：2026年5月12日14:30，"
        "地点：第三法庭。\n杭州市西湖区人民法院\n2026年4月30日")
    assert [(n.notice_type, n.case_numbers, n.claimants, n.respondents, n.hearing_datetime, n.venue) for n in found] == [
        ("hearing_list", ["(2026)浙0106民初1231号"], ["杭州云栖科技有限公司"], ["李强"], at(2026, 5, 12, 9, 0), "第一法庭"),
        ("hearing_list", ["(2026)浙0106民初1288号"], ["王丽"], ["杭州西溪物业服务有限公司"], at(2026, 5, 12, 14, 30),
         "第三法庭")]


LISTS = {
    "定于… clauses joined by ；": (
        "赣州市章贡区人民法院开庭公告\n本院定于2026年4月20日上午8时30分在本院第一法庭公开开庭审理原告钟国华诉被告赖建平民间借贷"
        "纠纷一案；定于同日上午10时在本院第一法庭公开开庭审理原告赣州章江润泽小额贷款股份有限公司诉被告刘小勇小额借款合同纠纷一案；"
        "定于4月21日上午9时在本院第二法庭公开开庭审理公诉机关赣州市章贡区人民检察院指控被告人曾某某犯危险驾驶罪一案。\n"
        "赣州市章贡区人民法院\n2026年4月14日",
        [("hearing_list", ["赖建平"], at(2026, 4, 20, 8, 30), "本院第一法庭"),
         ("hearing_list", ["刘小勇"], at(2026, 4, 20, 10, 0), "本院第一法庭"),
         ("hearing_list", ["曾某某"], at(2026, 4, 21, 9, 0), "本院第二法庭")]),
    "rows headed 【date time|courtroom】": (
        "拉萨市城关区人民法院开庭公告\n【5月6日 10:00｜第二法庭】（2026）藏0102民初611号 买卖合同纠纷 原告：拉萨圣地恒昌商贸有限公司 "
        "被告：旺堆\n【5月7日 11:00｜八廓人民法庭】（2026）藏0102民初650号 房屋租赁合同纠纷 原告：拉萨八廓古城文旅发展有限公司 "
        "被告：达瓦次仁\n西藏自治区拉萨市城关区人民法院\n2026年4月29日",
        [("hearing_list", ["旺堆"], at(2026, 5, 6, 10, 0), "第二法庭"),
         ("hearing_list", ["达瓦次仁"], at(2026, 5, 7, 11, 0), "八廓人民法庭")]),
    "rows under courtroom headings": (
        "大连海事法院\n开庭公告\n\n【第一法庭】\n2026年5月6日上午9时　（2026）辽72民初455号　原告大连港湾海运有限公司诉被告天津滨海"
        "恒通航运有限公司船舶碰撞损害责任纠纷一案\n\n【第二法庭】\n2026年5月7日上午9时30分　（2026）辽72民初502号　原告刘振东诉被告"
        "大连长兴岛远洋渔业有限公司船员劳务合同纠纷一案\n\n大连海事法院\n2026年4月28日",
        [("hearing_list", ["天津滨海恒通航运有限公司"], at(2026, 5, 6, 9, 0), "第一法庭"),
         ("hearing_list", ["大连长兴岛远洋渔业有限公司"], at(2026, 5, 7, 9, 30), "第二法庭")]),
    "a list that serves its cases, one venue for all": (
        "株洲市劳动人事争议仲裁委员会\n公告\n株洲天元区鑫达汽配有限公司、株洲芦淞区顺心服装厂：\n本委已受理下列劳动争议案件。现向你们"
        "公告送达仲裁申请书副本、开庭通知书等材料。自本公告发出之日起经过三十日即视为送达。\n1. 株劳人仲案〔2026〕101号，申请人刘湘平"
        "诉株洲天元区鑫达汽配有限公司追索劳动报酬纠纷，开庭时间：2026年5月6日上午9:30；\n2. 株劳人仲案〔2026〕115号，申请人谭建军诉"
        "株洲芦淞区顺心服装厂经济补偿金纠纷，开庭时间：2026年5月7日上午9:30。\n开庭地点均为本委第一仲裁庭。\n特此公告。\n"
        "二〇二六年三月二十六日",
        [("hearing", ["株洲天元区鑫达汽配有限公司"], at(2026, 5, 6, 9, 30), "本委第一仲裁庭"),
         ("hearing", ["株洲芦淞区顺心服装厂"], at(2026, 5, 7, 9, 30), "本委第一仲裁庭")]),
}


@pytest.mark.parametrize("name", LISTS)
def test_hearing_lists_of_unseen_forms(name):
    text, expected = LISTS[name]
    assert [(n.notice_type, n.respondents, n.hearing_datetime, n.venue) for n in extract_text(text)] == expected


def test_a_numbered_case_wrapped_onto_the_next_line_keeps_its_names():
    text = ("陕西省西安市未央区人民法院\n公告\n本院受理的下列案件，因被告下落不明，向各被告公告送达起诉状副本、开庭传票等诉讼材料。"
            "自本公告发出之日起经过三十日，即视为送达。\n一、（2026）陕0112民初4471号 原告西安汉城小额贷款有限公司诉被告马建波小额借款"
            "合同纠纷一案，定于2026年5月13日上午9:00在本院第十二法庭开庭。\n二、（2026）陕0112民初4620号、4621号 原告王建设诉被告西安"
            "鼎盛宏达劳务有限公司、西安鼎盛宏达劳务有限公司\n未央分公司劳务合同纠纷两案，定于2026年5月14日下午3:00在本院草滩人民法庭开庭。"
            "\n特此公告。\n二〇二六年三月十三日")
    second = extract_text(text)[1]
    assert (second.case_numbers, second.respondents, second.dispute_type) == (
        ["(2026)陕0112民初4620号", "4621号"], ["西安鼎盛宏达劳务有限公司", "西安鼎盛宏达劳务有限公司未央分公司"], "劳务合同纠纷")


def test_a_page_run_into_one_line_keeps_each_notice_its_issuer_and_the_page_date():
    page = ("人民法院报　2026年4月17日　星期五　第7版　公告　责任编辑：胡凯  【法院公告】  厦门海事法院 泉州远扬船务有限公司：本院受理"
            "原告厦门港湾燃料供应有限公司诉被告泉州远扬船务有限公司船舶物料和备品供应合同纠纷一案，已审理终结。现依法向你公司公告送达本院"
            "（2025）闽72民初1567号民事判决书。自公告之日起经过三十日即视为送达。 厦门海事法院  湖南省长沙市芙蓉区人民法院 谭志华：本院"
            "受理原告湖南星沙商业保理有限公司诉你保理合同纠纷一案，现依法向你公告送达起诉状副本及开庭传票。自公告之日起经过三十日即视为"
            "送达。本案定于2026年6月30日下午两点半在本院第五法庭开庭审理。 湖南省长沙市芙蓉区人民法院")
    from notices.read import text_page
    read = text_page(page, "p.txt")
    records = extract_text(read.text, "p.txt", read.page_date)
    assert [(n.authority, n.respondents, n.publication_date) for n in records] == [
        ("厦门海事法院", ["泉州远扬船务有限公司"], dt.date(2026, 4, 17)),
        ("湖南省长沙市芙蓉区人民法院", ["谭志华"], dt.date(2026, 4, 17))]


def test_page_furniture_where_a_column_breaks_is_no_part_of_the_notice():
    text = ("黄伟强：\n本院受理原告广西南宁绿城物业服务有限公司诉被告黄伟强物业服务合同纠纷一案，现依法向你公告送达开庭传票。"
            "本案定于2026年5月28日上午10时\n\n18\n南国早报　2026年3月20日　星期五　　责任编辑：覃小燕　校对：陆一\n\n"
            "在本院第三法庭公开开庭审理，逾期将依法缺席判决。\n南宁市西乡塘区人民法院\n二〇二六年三月十三日")
    notice = one(text)
    assert (notice.hearing_datetime, notice.venue) == (at(2026, 5, 28, 10, 0), "本院第三法庭")


EVENTS = {
    "creditors' meeting named first": ("第一次债权人会议定于2026年6月3日上午9时30分通过全国企业破产重整案件信息网召开。",
                                       ("creditors_meeting", at(2026, 6, 3, 9, 30), "全国企业破产重整案件信息网")),
    "creditors' meeting after the place": ("本院定于2026年6月19日上午9时30分在本院第三十一法庭召开第一次债权人会议。",
                                           ("creditors_meeting", at(2026, 6, 19, 9, 30), "本院第三十一法庭")),
    "online auction": ("本院定于2026年6月24日10时至2026年6月25日10时止（延时的除外）在淘宝网司法拍卖网络平台上进行公开拍卖。",
                       ("auction", at(2026, 6, 24, 10, 0), "淘宝网司法拍卖网络平台")),
    "valuer lottery": ("本院定于2026年6月3日10时在本院执行局三楼询价评估室进行摇号，你公司可以到场。",
                       ("valuation_lottery", at(2026, 6, 3, 10, 0), "本院执行局三楼询价评估室")),
    "evidence exchange": ("本院定于二〇二六年八月四日上午九时在本院第六法庭组织双方当事人进行证据交换，开庭时间另行通知。",
                          ("evidence_exchange", at(2026, 8, 4, 9, 0), "本院第六法庭")),
    "听证 in enforcement": ("本院定于2026年9月10日上午9时在本院执行局听证室举行听证，逾期不到的，本院将依法处理。",
                          ("procedural_hearing", at(2026, 9, 10, 9, 0), "本院执行局听证室")),
}


@pytest.mark.parametrize("name", EVENTS)
def test_sessions_that_are_no_trial_are_events(name):
    sentence, expected = EVENTS[name]
    notice = one("某某有限公司：本院受理申请执行人甲公司与被执行人某某有限公司买卖合同纠纷一案，现依法向你公司公告送达通知书。"
                 + sentence + "\n北京市朝阳区人民法院\n2026年4月1日")
    assert [(e.kind, e.start, e.venue) for e in notice.events] == [expected]
    assert notice.hearing_datetime is None  # a session that is no trial is no hearing


CASES = {
    "numbered enforcement cases, sides by label": (
        "山东省临沂市兰山区人民法院\n公　告\n本院在执行下列案件中，已依法决定将你们纳入失信被执行人名单。现向你们公告送达决定书。"
        "自公告之日起经过三十日即视为送达。\n1．（2026）鲁1302执2145号，申请执行人临沂沂蒙汇通商贸有限公司，被执行人刘洪波；\n"
        "2．（2026）鲁1302执2210号，申请执行人王桂芝，被执行人临沂市兰山区金盛源板材厂、张金盛。\n临沂市兰山区人民法院\n"
        "二〇二六年五月二十日",
        [(["刘洪波"], ["临沂沂蒙汇通商贸有限公司"], "山东省临沂市兰山区人民法院"),  # the title's fuller name
         (["临沂市兰山区金盛源板材厂", "张金盛"], ["王桂芝"], "山东省临沂市兰山区人民法院")]),
    "a line for each case, addressed to its party, one signature": (
        "【襄阳市樊城区人民法院公告】\n陈光明：本院受理原告襄阳汉江恒达汽车销售服务有限公司诉你分期付款买卖合同纠纷一案，定于2026年8月"
        "18日上午8时30分在本院第九法庭开庭审理。\n襄阳鑫城置业有限公司：本院受理原告吴小燕诉你公司商品房预约合同纠纷一案，定于"
        "2026年8月18日下午3时在本院第九法庭开庭审理。\n现依法向上列当事人公告送达起诉状副本及开庭传票。自公告之日起经过三十日即视为"
        "送达。\n二〇二六年六月十日",
        [(["陈光明"], ["襄阳汉江恒达汽车销售服务有限公司"], "襄阳市樊城区人民法院"),
         (["襄阳鑫城置业有限公司"], ["吴小燕"], "襄阳市樊城区人民法院")]),
    "numbered addressees under one title": (
        "成都市劳动人事争议仲裁委员会公告送达（2026年第18号）\n一、成都尚品汇餐饮管理有限公司：\n本委受理申请人曾晓东与你单位劳动争议"
        "一案，现依法向你单位公告送达开庭通知书。本委定于2026年5月20日上午9:30在本委第五仲裁庭开庭审理。\n二、四川锦程建设工程有限公司："
        "\n申请人罗建平与你单位追索劳动报酬争议一案，本委已审理终结，现依法向你单位公告送达仲裁裁决书。\n特此公告。\n"
        "成都市劳动人事争议仲裁委员会\n2026年4月2日",
        [(["成都尚品汇餐饮管理有限公司"], ["曾晓东"], "成都市劳动人事争议仲裁委员会"),
         (["四川锦程建设工程有限公司"], ["罗建平"], "成都市劳动人事争议仲裁委员会")]),
}


@pytest.mark.parametrize("name", CASES)
def test_notices_of_several_cases(name):
    text, expected = CASES[name]
    records = extract_text(text)
    assert [(n.respondents, n.claimants, n.authority) for n in records] == expected
    assert all(n.publication_date for n in records)  # the one signature dates every case


def test_a_case_addressed_to_its_own_party_takes_no_other_cases_hearing():
    records = extract_text(CASES["numbered addressees under one title"][0])
    assert [n.hearing_datetime for n in records] == [at(2026, 5, 20, 9, 30), None]


def test_a_hearing_lists_labelled_parties_line():
    text = ("成都铁路运输第一法院\n开 庭 公 告\n\n案号：（2026）川7101行初388号\n当事人：原告刘德贵诉被告成都市金牛区人民政府\n"
            "案由：行政征收\n开庭时间：2026年9月2日上午9:30\n开庭地点：本院第二审判庭\n\n案号：（2026）川7101民初77号\n"
            "当事人：原告四川川西粮油贸易有限公司诉被告成都天府铁路物流有限公司\n案由：铁路货物运输合同纠纷\n开庭时间：2026年9月3日"
            "上午10:00\n开庭地点：本院第一审判庭\n\n2026年8月26日")
    assert [(n.respondents, n.claimants, n.authority) for n in extract_text(text)] == [
        (["成都市金牛区人民政府"], ["刘德贵"], "成都铁路运输第一法院"),
        (["成都天府铁路物流有限公司"], ["四川川西粮油贸易有限公司"], "成都铁路运输第一法院")]


def test_a_rows_last_cell_names_both_sides():
    text = ("杭州互联网法院开庭公告\n\n2026年6月22日（星期一）\n09:00　第一法庭　（2026）浙0192民初5123号　网络购物合同纠纷　"
            "李晓红诉杭州优品汇电子商务有限公司\n10:30　第一法庭　（2026）浙0192民初5307号　网络服务合同纠纷　杭州云栖智游网络科技有限公司"
            "诉陈浩\n")
    assert [(n.claimants, n.respondents, n.dispute_type) for n in extract_text(text)] == [
        (["李晓红"], ["杭州优品汇电子商务有限公司"], "网络购物合同纠纷"), (["杭州云栖智游网络科技有限公司"], ["陈浩"], "网络服务合同纠纷")]


@pytest.mark.parametrize("name", NOTICES)
def test_fields_of_unseen_forms(name):
    text, expected = NOTICES[name]
    notice = one(text)
    assert {key: getattr(notice, key) for key in expected} == expected


PROBLEMS = {
    "impossible date": ("本委定于2026年2月30日上午9时在本委仲裁庭开庭审理。", "invalid_date", None),
    "impossible hour": ("本委定于2026年3月30日25时在本委仲裁庭开庭审理。", "invalid_time", None),
    "before publication": ("本委定于2026年1月3日上午9时在本委仲裁庭开庭审理。", "hearing_before_publication",
                           at(2026, 1, 3, 9, 0)),
    "no year": ("本委定于3月3日上午9时在本委仲裁庭开庭审理。", "year_assumed", at(2026, 3, 3, 9, 0)),
}


def test_decision_named_where_it_was_made():
    notice = one("甘肃陇原餐饮管理有限公司：\n本委受理的申请人张红霞与你单位劳动争议一案，本委已作出兰城劳人仲字〔2025〕第1187号"
                 "仲裁裁决书。因你单位下落不明，现向你单位公告送达。自本公告发布之日起经过30日，即视为送达。"
                 "\n兰州市城关区劳动人事争议仲裁委员会\n2026年1月22日")
    assert (notice.notice_type, notice.documents) == ("decision_service", ["仲裁裁决书"])


@pytest.mark.parametrize("path, day", [
    ("inbox/2026-04-02/p7.txt", dt.date(2026, 4, 2)), ("20260402_07.txt", dt.date(2026, 4, 2)),
    ("seeds/001_b5eb491884ba4549.txt", None), ("x/2026_13_45.txt", None), ("b5eb20260402ab.txt", None),
])
def test_page_date_from_path(path, day):
    assert path_date(path) == day


def test_undated_notice_takes_the_page_date():
    notice = extract_text("王强：\n本委受理申请人李明与你劳动争议一案（京劳人仲字[2026]第100号），现依法向你公告送达仲裁申请书副本。",
                          page_date=dt.date(2026, 4, 2))[0]
    assert notice.publication_date == dt.date(2026, 4, 2)
    assert "page_date" in [p.code for p in notice.problems]


@pytest.mark.parametrize("name", PROBLEMS)
def test_hearing_problems(name):
    sentence, code, hearing = PROBLEMS[name]
    notice = one("王强：\n本委受理申请人李明与你劳动争议一案（京劳人仲字[2026]第100号）。" + sentence + ARB_SIGNATURE)
    assert notice.hearing_datetime == hearing
    assert code in [p.code for p in notice.problems]
    assert notice.notice_type == "hearing"


@pytest.mark.parametrize("text", [
    "12月26日消息，宁德时代发布公告，公司于2024年12月26日召开了董事会会议。",
    "法院审理认为，被告公司应当支付货款。记者从北京市朝阳区人民法院获悉，此案已审理终结。",
    "## 公告\n\n本报将于下周起调整出版时间，敬请读者留意。",
    "马斯克正式起诉了OpenAI以及其联合创始人，诉讼称OpenAI违反合同协议。",
])
def test_news_is_no_notice(text):
    assert extract_text(text) == []


@pytest.mark.parametrize("text, value", [
    ("30", 30), ("三十", 30), ("十六", 16), ("二十一", 21), ("二〇二六", 2026), ("○", 0), ("两", 2), ("十", 10),
])
def test_chinese_number(text, value):
    assert dates.chinese_number(text) == value


@pytest.mark.parametrize("text", ["", "abc", "三x"])
def test_not_a_number(text):
    assert dates.chinese_number(text) is None


@pytest.mark.parametrize("text, expected", [
    ("上午9时30分", dt.time(9, 30)), ("下午2:30", dt.time(14, 30)), ("下午14:30", dt.time(14, 30)),
    ("下午三时整", dt.time(15, 0)), ("9:30", dt.time(9, 30)), ("下午3点", dt.time(15, 0)),
    ("上午八时三十分", dt.time(8, 30)), ("中午12时", dt.time(12, 0)), ("下午两点半", dt.time(14, 30)),
    ("下午十一时", dt.time(23, 0)),  # literal reading, as printed
])
def test_times(text, expected):
    m = dates.TIME.fullmatch(text)
    assert m and dates.parse_time_match(m) == (expected, None)


@pytest.mark.parametrize("text, expected", [
    ("2026年6月9日", dt.date(2026, 6, 9)), ("二〇二六年六月十日", dt.date(2026, 6, 10)),
    ("2026年08月18日", dt.date(2026, 8, 18)), ("2026-06-15", dt.date(2026, 6, 15)), ("2017年2月28", dt.date(2017, 2, 28)),
    ("二○一七年三月八日", dt.date(2017, 3, 8)), ("2024年2月29日", dt.date(2024, 2, 29)),
])
def test_dates(text, expected):
    m = dates.DATE.fullmatch(text)
    assert m and dates.parse_date_match(m, None).date == expected


@pytest.mark.parametrize("text", ["2026年2月30日", "2025年2月29日", "2026年13月1日"])
def test_impossible_dates(text):
    hit = dates.parse_date_match(dates.DATE.fullmatch(text), None)
    assert hit.date is None and hit.error


def test_time_on_the_next_line():
    notice = one("王强：\n本委受理申请人李明与你劳动争议一案（京劳人仲字[2026]第100号）。本委定于2026年3月3日\n上午9时在本委"
                 "仲裁庭开庭审理。" + ARB_SIGNATURE)
    assert notice.hearing_datetime == at(2026, 3, 3, 9, 0)


def test_hearing_without_year_after_new_year():
    """A notice of 12月10日 that sets 1月20日 means the January after it."""
    notice = one("王强：\n本委受理申请人李明与你劳动争议一案（京劳人仲字[2026]第104号），本委定于1月20日上午9时在本委仲裁庭开庭审理。"
                 "\n特此公告\n北京市劳动人事争议仲裁委员会\n2026年12月10日")
    assert notice.hearing_datetime == at(2027, 1, 20, 9, 0)
    assert [p.code for p in notice.problems if p.field == "hearing_datetime"] == ["year_assumed"]


def test_issuer_signed_without_its_city_takes_it_from_the_body():
    notice = one("张三：\n本委受理申请人李四与你劳动争议一案（青劳人仲案[2026]第5号），申请人李四向青岛市劳动人事争议仲裁委员会申请仲裁。"
                 "现依法向你公告送达仲裁申请书副本。\n特此公告\n市劳动人事争议仲裁委员会\n2026年3月1日")
    assert notice.authority == "青岛市劳动人事争议仲裁委员会"


@pytest.mark.parametrize("names, expected", [
    ("王伟、王伟强", ["王伟", "王伟强"]),  # one name inside another is still another person
    ("青岛宏达建材有限公司、青岛宏达建材有限公司黄岛分公司", ["青岛宏达建材有限公司", "青岛宏达建材有限公司黄岛分公司"]),
])
def test_parties_whose_names_contain_each_other(names, expected):
    notice = one(f"本院定于2026年3月1日上午9时在本院第一法庭公开审理原告张三诉被告{names}买卖合同纠纷一案。")
    assert notice.respondents == expected


@pytest.mark.parametrize("line, expected", [
    ("Smart Link Trading Limited", ["Smart Link Trading Limited"]),
    ("青岛宏达建材有限公司 王大力", ["青岛宏达建材有限公司", "王大力"]),
    ("起诉状副本及开庭传票 钟双辉 钟双辉", ["钟双辉"]),
])
def test_addressee_line_with_spaces(line, expected):
    notice = one(f"{line}:\n本院受理原告张三诉你买卖合同纠纷一案,现依法向你公告送达起诉状副本。\n北京市朝阳区人民法院\n2026年3月1日")
    assert notice.respondents == expected


def test_absurd_year_gives_problems_not_an_exception():
    notice = one("北京某某有限公司:\n本院受理原告张三诉你买卖合同纠纷一案,现依法向你公告送达起诉状副本。自公告之日起满三个月,即视为送达。"
                 "\n特此公告\n北京市朝阳区人民法院\n9999年12月1日\n")
    assert notice.publication_date == dt.date(9999, 12, 1)
    assert notice.deadlines == [] and "calendar_unavailable" in [p.code for p in notice.problems]


def test_a_hearing_date_without_a_time_stays_a_date():
    text = "本院定于2026年7月8日在本院第三法庭公开开庭审理原告王强诉被告李明民间借贷纠纷一案。"
    [notice] = extract_text(text)
    assert notice.hearing_datetime == dt.date(2026, 7, 8)
    assert notice.record()["hearing_datetime"] == "2026-07-08"


@pytest.mark.parametrize(("text", "own"), [
    # the enforcement a sanction arose in is not the sanction's case
    ("贵州汇鑫建材有限公司：\n本院在执行（2025）黔0303执2871号案件中，因你公司拒不报告财产，本院依法作出（2026）黔0303司惩5号"
     "决定书，对你公司罚款人民币十万元。现依法向你公司公告送达该决定书，自公告之日起经过三十日即视为送达。\n"
     "贵州省遵义市汇川区人民法院\n2026年5月7日", ["(2026)黔0303司惩5号"]),
    # the judgment in force that is enforced is not the enforcement's case
    ("宝鸡秦岭汽车零部件有限公司：\n申请执行人宝鸡长青融资租赁有限公司与被执行人宝鸡秦岭汽车零部件有限公司融资租赁合同纠纷一案，"
     "本院作出的（2025）陕0302民初2876号民事判决书已经发生法律效力。申请执行人向本院申请强制执行，本院依法立案执行，案号"
     "（2026）陕0302执1022号。现依法向你公告送达执行通知书。\n陕西省宝鸡市渭滨区人民法院\n2026年5月7日", ["(2026)陕0302执1022号"]),
    # the enforcement case an objection was raised in is not the objection's case
    ("王某：\n本院受理异议人蒋文华对本院（2025）川0107执4521号案件提出的案外人执行异议一案，已审查终结。现依法向你公告送达"
     "（2026）川0107执异213号执行裁定书。\n四川省成都市武侯区人民法院\n2026年5月7日", ["(2026)川0107执异213号"]),
    # a judgment the notice serves is its own, though the court made it
    ("郭志刚：\n再审申请人太原市晋阳物资供销有限公司与被申请人郭志刚买卖合同纠纷一案，本院于2025年12月3日作出（2025）晋01民再77号"
     "民事判决。现依法向你公告送达该民事判决书。\n山西省太原市中级人民法院\n2026年4月7日", ["(2025)晋01民再77号"]),
])
def test_a_number_the_case_arose_from_is_not_its_own(text, own):
    assert one(text).case_numbers == own


@pytest.mark.parametrize("heading", ["■ {issuer}", "{issuer}", "【{issuer}】"])
def test_a_supplement_grouped_by_issuer_gives_every_notice_its_issuer(heading):
    """A legal-notice supplement prints each court's or committee's name once above its numbered
    notices, none of them signed: each notice is found, and takes its group's issuer."""
    court, committee = "贵州省贵阳市云岩区人民法院", "贵阳市劳动人事争议仲裁委员会"
    page = (
        "法治生活报　2026年9月3日　第5版\n\n" + heading.format(issuer=court) + "\n\n"
        "1. 杨光明：本院受理原告贵州黔信小额贷款有限公司诉你借款合同纠纷一案，案号（2026）黔0103民初7712号。"
        "现依法向你公告送达起诉状副本、应诉通知书及开庭传票。自公告之日起经过30日即视为送达。"
        "本院定于2026年11月20日上午9时在本院第六法庭开庭审理。\n\n"
        "2. 本院受理申请人罗小梅申请宣告公民失踪一案，案号（2026）黔0103民特245号。下落不明人罗大勇应当在公告期间内"
        "与本院联系。公告期间为三个月。\n\n" + heading.format(issuer=committee) + "\n\n"
        "1. 贵州筑城兴达建筑劳务有限公司：本委受理申请人吴海与你单位劳动报酬争议一案（筑劳人仲案字〔2026〕第880号），"
        "已审理终结。现依法向你单位公告送达仲裁裁决书，自公告之日起经过三十日即视为送达。\n"
    )
    found = extract_text(page)
    assert [(n.authority, n.case_numbers) for n in found] == [
        (court, ["(2026)黔0103民初7712号"]), (court, ["(2026)黔0103民特245号"]),
        (committee, ["筑劳人仲案字〔2026〕第880号"])]


def test_a_partys_details_and_a_label_after_its_name_are_no_parties():
    notice = one("甘肃省兰州市城关区人民法院\n公告\n马俊海、兰州恒泰达物资有限公司：\n"
                 "本院受理原告甘肃陇原建设工程有限公司诉被告马俊海（男，1979年5月3日出生，回族），兰州恒泰达物资有限公司，"
                 "住所地甘肃省兰州市城关区雁滩路××号，统一社会信用代码91620102MA72******，法定代表人周红梅，"
                 "建设工程分包合同纠纷一案，现依法向你们公告送达起诉状副本、应诉通知书、开庭传票。自公告之日起经过三十日即视为送达。"
                 "\n兰州市城关区人民法院\n2026年4月2日")
    assert notice.respondents == ["马俊海", "兰州恒泰达物资有限公司"]
    listed = extract_text("贵阳市南明区人民法院刑事案件开庭公告\n本院定于下列时间公开开庭审理以下刑事案件：\n"
                          "一、（2026）黔0102刑初412号 公诉机关贵阳市南明区人民检察院，被告人杨某某，罪名：盗窃罪。"
                          "开庭时间：2026年5月25日上午9时；地点：本院第二刑事审判庭。\n"
                          "二、（2026）黔0102刑初431号 公诉机关贵阳市南明区人民检察院，被告人龙某、吴某某，罪名：开设赌场罪。"
                          "开庭时间：2026年5月25日下午2时30分；地点：本院第二刑事审判庭。\n贵阳市南明区人民法院\n2026年5月20日")
    assert [(n.respondents, n.dispute_type) for n in listed] == [(["杨某某"], "盗窃罪"), (["龙某", "吴某某"], "开设赌场罪")]


def test_a_line_for_each_case_labelling_its_number_and_parties_is_a_record_each():
    found = extract_text(
        "河南省郑州市中原区人民法院\n关于纳入失信被执行人名单的公告\n下列被执行人未履行生效法律文书确定的义务，本院已依法作出决定，"
        "将其纳入失信被执行人名单。现依法向其公告送达决定书，自公告之日起经过三十日即视为送达。\n"
        "案号：（2026）豫0102执2340号　　被执行人：郑州中原宏泰建材有限公司　　申请执行人：河南锦华钢构工程有限公司\n"
        "案号：（2025）豫0102执恢318号　　被执行人：王卫东　　申请执行人：张秋菊\n郑州市中原区人民法院\n2026年4月30日")
    assert [(n.case_numbers, n.respondents, n.claimants, n.notice_type) for n in found] == [
        (["(2026)豫0102执2340号"], ["郑州中原宏泰建材有限公司"], ["河南锦华钢构工程有限公司"], "decision_service"),
        (["(2025)豫0102执恢318号"], ["王卫东"], ["张秋菊"], "decision_service")]


def test_a_joint_application_addressed_on_its_own_line_is_a_case_of_its_own():
    found = extract_text(
        "陕西省西安市雁塔区人民法院公告\n郭建华：本院受理原告陕西长安汇通小额贷款有限公司诉你借款合同纠纷一案，"
        "已作出（2026）陕0113民初4471号民事判决书，现向你公告送达。\n"
        "西安雁翔装饰工程有限公司：本院受理申请人马小龙、西安雁翔装饰工程有限公司申请司法确认调解协议一案，"
        "已作出（2026）陕0113民特302号民事裁定书，现向你公司公告送达。\n"
        "以上文书自本公告发出之日起经过三十日即视为送达。\n西安市雁塔区人民法院\n2026年4月24日")
    assert [(n.case_numbers, n.respondents, n.claimants) for n in found] == [
        (["(2026)陕0113民初4471号"], ["郭建华"], ["陕西长安汇通小额贷款有限公司"]),
        (["(2026)陕0113民特302号"], [], ["马小龙", "西安雁翔装饰工程有限公司"])]


def test_parties_set_out_with_their_details_above_the_body_head_one_notice():
    found = extract_text(
        "甘肃省兰州市城关区人民法院\n公告\n（2026）甘0102民初4412号\n"
        "被告：马俊海，男，1979年5月3日出生，回族，住甘肃省临夏县土桥镇××村××号。\n"
        "被告：兰州恒泰达物资有限公司，住所地甘肃省兰州市城关区雁滩路××号，法定代表人周红梅。\n"
        "本院受理原告甘肃陇原建设工程有限公司诉被告马俊海、兰州恒泰达物资有限公司建设工程分包合同纠纷一案，"
        "现依法向你们公告送达起诉状副本、应诉通知书及开庭传票。本案定于2026年7月9日上午9时在本院第十一法庭开庭审理。\n"
        "兰州市城关区人民法院\n2026年4月2日")
    assert [(n.case_numbers, n.respondents, n.claimants) for n in found] == [
        (["(2026)甘0102民初4412号"], ["马俊海", "兰州恒泰达物资有限公司"], ["甘肃陇原建设工程有限公司"])]


def test_a_pronouncement_in_a_courtroom_names_its_venue_and_the_prosecutor():
    notice = one("拉萨市中级人民法院\n宣判公告\n本院定于2026年5月22日（星期五）上午10时，在本院第一审判庭对拉萨市人民检察院"
                 "指控被告人扎西、普布次仁犯故意伤害罪一案〔（2026）藏01刑初19号〕公开宣判。\n特此公告。\n"
                 "西藏自治区拉萨市中级人民法院\n2026年5月18日")
    assert (notice.venue, notice.claimants, notice.respondents) == ("本院第一审判庭", ["拉萨市人民检察院"], ["扎西", "普布次仁"])


@pytest.mark.parametrize("title", ["【公告】", "【贵州省贵阳市云岩区人民法院公告】"])
def test_a_bracketed_title_run_into_the_addressee_is_no_part_of_a_name(title):
    notice = one(f"{title}程伟、贵州黔南置业有限公司：本院受理原告贵阳银丰小额贷款有限公司诉你们小额借款合同纠纷一案，"
                 "现依法向你们公告送达起诉状副本、应诉通知书及开庭传票。自公告之日起经过30日即视为送达。"
                 "本院定于2026年9月3日上午9时在本院第十六审判庭公开开庭审理。贵州省贵阳市云岩区人民法院 2026年6月1日")
    assert notice.respondents == ["程伟", "贵州黔南置业有限公司"]
    assert notice.authority == "贵州省贵阳市云岩区人民法院"
