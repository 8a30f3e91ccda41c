"""PDF pages of newspaper notices for the tests, made with LibreOffice headless.

Writes flat ODF text documents (.fodt) whose pages have a masthead, a page headline and
sections of 2 or 3 text columns holding court and labour-arbitration notices, then calls
`soffice --headless --convert-to pdf`. Also a one-column page and a page that is only an
image (no text layer).

Needs: soffice (LibreOffice Writer) and a CJK font that fontconfig knows (Debian:
fonts-wqy-zenhei). pdftoppm (poppler-utils) is used for the image-only page when present,
otherwise LibreOffice renders the PNG itself.

The notices are module data (DOCS) so that a test can check the extracted text against them.
"""
from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

CJK_FONT = "WenQuanYi Zen Hei"
# layout knobs (a test may vary them): line height, body size, column gaps
LINE_HEIGHT = "125%"
BODY_PT = 9.5
GAP2_CM = 0.6
GAP3_CM = 0.5
LATIN_FONT = "DejaVu Serif"


@dataclass(frozen=True)
class Notice:
    title: str
    addressee: str
    body: tuple[str, ...]  # paragraphs
    issuer: str
    date: str
    closing: str = "特此公告。"

    def parts(self) -> list[str]:
        """The notice's paragraphs in reading order."""
        return [self.title, self.addressee, *self.body, self.closing, self.issuer, self.date]


HUANGDAO = "山东省青岛市黄岛区人民法院"
LAOSHAN = "山东省青岛市崂山区人民法院"
SHINAN = "山东省青岛市市南区人民法院"
CHENGYANG = "山东省青岛市城阳区人民法院"
ARB_HD = "青岛市黄岛区劳动人事争议仲裁委员会"
ARB_LC = "青岛市李沧区劳动人事争议仲裁委员会"


def summons(court, plaintiff, defendant, you, cause, case, room, date):
    return Notice(
        "送达公告", f"{defendant}：",
        (f"本院受理原告{plaintiff}诉被告{defendant}{cause}一案，案号为{case}。因{you}下落不明，"
         f"依照《中华人民共和国民事诉讼法》第九十五条的规定，向{you}公告送达起诉状副本、应诉通知书、"
         f"举证通知书、合议庭组成人员通知书、证据材料及开庭传票。自本公告发出之日起经过三十日，即视为送达。"
         f"提出答辩状的期限和举证期限分别为公告期满后的十五日和三十日内。本案定于举证期满后第三日上午9时"
         f"（遇法定节假日顺延）在本院{room}公开开庭审理，逾期将依法缺席判决。",),
        court, date)


def hearing(court, plaintiff, defendant, cause, case, when, room, date):
    return Notice(
        "开庭公告", f"{defendant}：",
        (f"本院受理原告{plaintiff}诉你{cause}一案，案号{case}，现依法向你公告送达开庭传票。"
         f"本案定于{when}在本院{room}开庭审理。自本公告发出之日起经过三十日即视为送达。"
         f"逾期不到庭，本院将依法缺席审理。",),
        court, date)


def judgment(court, plaintiff, defendants, cause, case, appeal, date):
    return Notice(
        "送达公告", f"{defendants}：",
        (f"本院受理原告{plaintiff}诉你们{cause}一案，已审理终结。现依法向你们公告送达本院{case}民事判决书。"
         f"自公告之日起六十日内来本院领取民事判决书，逾期即视为送达。",
         f"如不服本判决，可在公告期满后十五日内向本院递交上诉状及副本，上诉于{appeal}。"
         f"逾期本判决即发生法律效力。"),
        court, date)


def arbitration(body, applicant, employer, case, when, room, date):
    return Notice(
        "公告", f"{employer}：",
        (f"申请人{applicant}与你单位劳动争议一案，本委已受理（{case}）。因无法通过其他方式向你单位送达，"
         f"现依法向你单位公告送达仲裁申请书副本、应诉通知书、举证通知书及开庭通知书。"
         f"自本公告发出之日起经过三十日即视为送达，答辩期及举证期为公告送达期满后的十日内。"
         f"本案定于{when}在本委{room}开庭审理，逾期不到庭将依法缺席裁决。",),
        body, date)


def award(body, applicants, employer, case, date):
    return Notice(
        "公告", f"{employer}：",
        (f"本委受理的{applicants}与你单位劳动争议{len(applicants.split('、'))}案，已审理终结，"
         f"仲裁裁决书案号为{case}。因你单位下落不明，现依法向你单位公告送达上述仲裁裁决书。"
         f"自本公告发出之日起经过三十日即视为送达。如不服本裁决，可在送达之日起十五日内向有管辖权的"
         f"人民法院提起诉讼；期满不起诉的，裁决书即发生法律效力。",),
        body, date)


def payment(court, applicant, bill, date):
    return Notice(
        "公示催告", "各利害关系人：",
        (f"申请人{applicant}因遗失{bill}，向本院申请公示催告，本院决定受理。依照《中华人民共和国民事诉讼法》"
         f"第二百二十九条的规定，现予公告。自公告之日起六十日内，利害关系人应向本院申报权利。"
         f"申报期间，转让该票据的行为无效。期满无人申报的，本院将依法作出判决，宣告上述票据无效。",),
        court, date, closing="特此公告")


DOC1 = [  # A4, two columns
    summons(HUANGDAO, "王立新", "青岛佳豪塑钢门窗有限公司", "你公司", "买卖合同纠纷",
            "（2026）鲁0211民初1234号", "第六审判庭", "2026年3月25日"),
    hearing(HUANGDAO, "青岛农村商业银行股份有限公司黄岛支行", "李海峰", "金融借款合同纠纷",
            "（2026）鲁0211民初2087号", "2026年5月12日上午9时", "第三法庭", "2026年3月24日"),
    arbitration(ARB_HD, "张晓燕", "青岛鑫泰物流有限公司", "青黄劳人仲案字〔2026〕第318号",
                "2026年5月8日14时30分", "第二仲裁庭", "2026年3月20日"),
    judgment(LAOSHAN, "赵春梅", "青岛恒远建筑劳务有限公司、刘建国", "劳务合同纠纷",
             "（2025）鲁0212民初5678号", "山东省青岛市中级人民法院", "2026年3月18日"),
    payment(SHINAN, "青岛海川贸易有限公司",
            "票号为1234567890123456的银行承兑汇票一张（出票金额人民币伍拾万元整）", "2026年3月23日"),
]

DOC2 = [  # A3, three columns, column rules
    hearing(CHENGYANG, "青岛博林机械制造有限公司", "孙志强", "承揽合同纠纷",
            "（2026）鲁0214民初903号", "2026年5月20日下午14时30分", "第九法庭", "2026年3月26日"),
    summons(CHENGYANG, "周美华", "青岛锦程装饰工程有限公司", "你公司", "装饰装修合同纠纷",
            "（2026）鲁0214民初1511号", "第五审判庭", "2026年3月26日"),
    award(ARB_LC, "王秀兰、陈明、刘洋", "青岛金沙滩餐饮管理有限公司",
          "青李劳人仲案字〔2026〕第45-47号", "2026年3月19日"),
    judgment(SHINAN, "青岛银海置业有限公司", "高建军、马丽", "房屋租赁合同纠纷",
             "（2025）鲁0202民初8812号", "山东省青岛市中级人民法院", "2026年3月17日"),
    arbitration(ARB_LC, "吴海涛", "青岛顺达电子科技有限公司", "青李劳人仲案字〔2026〕第102号",
                "2026年5月6日9时", "第一仲裁庭", "2026年3月21日"),
    hearing(LAOSHAN, "青岛崂山旅游集团有限公司", "郑晓东", "合同纠纷",
            "（2026）鲁0212民初336号", "2026年5月15日上午9时30分", "第二法庭", "2026年3月22日"),
]

DOC3_COURT = [  # A4: two-column band, a band heading, then a three-column band
    summons(LAOSHAN, "李建华", "青岛鼎盛建材有限公司", "你公司", "买卖合同纠纷",
            "（2026）鲁0212民初1402号", "第四审判庭", "2026年3月25日"),
    hearing(HUANGDAO, "青岛港湾物业服务有限公司", "冯国栋", "物业服务合同纠纷",
            "（2026）鲁0211民初3321号", "2026年5月18日上午10时", "第七法庭", "2026年3月25日"),
]
DOC3_ARB = [
    arbitration(ARB_HD, "何丽娜", "青岛天诚包装有限公司", "青黄劳人仲案字〔2026〕第402号",
                "2026年5月11日9时30分", "第三仲裁庭", "2026年3月24日"),
    award(ARB_HD, "许文静、杨帆", "青岛鸿运汽车销售服务有限公司",
          "青黄劳人仲案字〔2026〕第211-212号", "2026年3月23日"),
    arbitration(ARB_LC, "曹磊", "青岛新纪元教育咨询有限公司", "青李劳人仲案字〔2026〕第131号",
                "2026年5月7日14时", "第二仲裁庭", "2026年3月22日"),
]

DOC4 = [  # one column
    summons(SHINAN, "刘玉梅", "青岛海天酒店管理有限公司", "你公司", "服务合同纠纷",
            "（2026）鲁0202民初777号", "第一审判庭", "2026年3月25日"),
    arbitration(ARB_LC, "马军", "青岛宏图广告传媒有限公司", "青李劳人仲案字〔2026〕第88号",
                "2026年5月9日9时", "第一仲裁庭", "2026年3月20日"),
]

MASTHEAD = ("青岛日报", "2026年3月26日　星期四　第A11版　公告")
HEADLINE = "法院公告专版"
SUBHEAD = "本版刊登人民法院、劳动人事争议仲裁委员会公告　刊登热线：0532-80000000"
FOOTER = "本版责任编辑：王明　美编：李华　校对：赵晨"

DOCS = {  # name -> every notice in reading order
    "two_col": DOC1,
    "three_col": DOC2,
    "mixed": DOC3_COURT + DOC3_ARB,
    "one_col": DOC4,
}


def font_faces() -> str:
    return (f'<style:font-face style:name="{CJK_FONT}" svg:font-family="&apos;{CJK_FONT}&apos;"/>'
            f'<style:font-face style:name="{LATIN_FONT}" svg:font-family="&apos;{LATIN_FONT}&apos;"/>')


def pstyle(name, size, align="justify", bold=False, indent=False, above=0.0, below=0.0,
           border=False, tab_right=None):
    weight = ' fo:font-weight="bold" style:font-weight-asian="bold"' if bold else ""
    first = f' fo:text-indent="{2 * size}pt"' if indent else ""
    rule = ' fo:border-bottom="0.5pt solid #000000" fo:padding-bottom="0.1cm"' if border else ""
    tabs = ""
    if tab_right is not None:
        tabs = (f'<style:tab-stops><style:tab-stop style:position="{tab_right}cm" '
                f'style:type="right"/></style:tab-stops>')
    return (f'<style:style style:name="{name}" style:family="paragraph">'
            f'<style:paragraph-properties fo:text-align="{align}" fo:margin-top="{above}cm" '
            f'fo:margin-bottom="{below}cm" fo:line-height="{LINE_HEIGHT}" style:punctuation-wrap="simple"{first}{rule}>{tabs}'
            f'</style:paragraph-properties>'
            f'<style:text-properties style:font-name="{LATIN_FONT}" fo:font-size="{size}pt" '
            f'style:font-name-asian="{CJK_FONT}" style:font-size-asian="{size}pt" '
            f'fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"'
            f'{weight}/></style:style>')


def section_style(name, columns, gap_cm, rule):
    sep = ('<style:column-sep style:width="0.02cm" style:color="#000000" style:height="100%" '
           'style:vertical-align="top"/>') if rule else ""
    return (f'<style:style style:name="{name}" style:family="section"><style:section-properties>'
            f'<style:columns fo:column-count="{columns}" fo:column-gap="{gap_cm}cm">{sep}'
            f'</style:columns></style:section-properties></style:style>')


def para(style, text):
    text = escape(text).replace("\t", "<text:tab/>")
    return f'<text:p text:style-name="{style}">{text}</text:p>'


def notice_xml(notice: Notice) -> str:
    return "".join([para("Title", notice.title), para("Addr", notice.addressee),
                    *(para("Body", p) for p in notice.body), para("Body", notice.closing),
                    para("Sign", notice.issuer), para("Date", notice.date)])


def fodt(page_w, page_h, margin, body_xml, columns_styles="", footer=None, images=False) -> str:
    text_w = round(page_w - 2 * margin, 2)
    styles = "".join([
        pstyle("Mast", 9, align="start", border=True, tab_right=text_w),
        pstyle("Head", 24, align="center", bold=True, above=0.2, below=0.1),
        pstyle("Sub", 9, align="center", below=0.3),
        pstyle("Band", 15, align="center", bold=True, above=0.3, below=0.2, border=True),
        pstyle("Title", 13, align="center", bold=True, above=0.35, below=0.12),
        pstyle("Addr", BODY_PT, align="justify"),
        pstyle("Body", BODY_PT, align="justify", indent=True),
        pstyle("Sign", BODY_PT, align="end"),
        pstyle("Date", BODY_PT, align="end", below=0.1),
        pstyle("Foot", 8, align="center"),
        columns_styles,
    ])
    footer_xml = f"<style:footer>{para('Foot', footer)}</style:footer>" if footer else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>{font_faces()}</office:font-face-decls>
<office:automatic-styles>
<style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="{page_w}cm"
 fo:page-height="{page_h}cm" fo:margin-top="{margin}cm" fo:margin-bottom="{margin}cm"
 fo:margin-left="{margin}cm" fo:margin-right="{margin}cm" style:print-orientation="portrait"/>
 <style:footer-style><style:header-footer-properties fo:min-height="0.6cm"/></style:footer-style>
</style:page-layout>
{styles}
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL">{footer_xml}</style:master-page></office:master-styles>
<office:body><office:text>{body_xml}</office:text></office:body>
</office:document>
"""


def header_xml(subhead: bool = True) -> str:
    return (para("Mast", f"{MASTHEAD[0]}\t{MASTHEAD[1]}") + para("Head", HEADLINE)
            + (para("Sub", SUBHEAD) if subhead else ""))


def section(name, style, notices) -> str:
    return (f'<text:section text:style-name="{style}" text:name="{name}">'
            + "".join(notice_xml(n) for n in notices) + "</text:section>")


def sources() -> dict[str, str]:
    """name -> .fodt text of every text document."""
    two = section_style("Sect2", 2, GAP2_CM, rule=False)
    three = section_style("Sect3", 3, GAP3_CM, rule=True)
    return {
        "two_col": fodt(21.0, 29.7, 1.5, header_xml() + section("S1", "Sect2", DOC1), two, FOOTER),
        "three_col": fodt(29.7, 42.0, 1.8, header_xml(subhead=False) + section("S1", "Sect3", DOC2), three, FOOTER),
        "mixed": fodt(21.0, 29.7, 1.5,
                      header_xml() + section("S1", "Sect2", DOC3_COURT)
                      + para("Band", "劳动人事争议仲裁委员会公告（本期共三则，请当事人及时领取法律文书）")
                      + section("S2", "Sect3", DOC3_ARB),
                      two + three, FOOTER),
        "one_col": fodt(21.0, 29.7, 2.0, header_xml() + "".join(notice_xml(n) for n in DOC4),
                        "", FOOTER),
    }


def image_fodt(png: bytes, width_cm: float, height_cm: float) -> str:
    """A page whose only content is the picture png (so the PDF has no text layer)."""
    data = base64.b64encode(png).decode("ascii")
    frame = (f'<text:p><draw:frame draw:name="scan" text:anchor-type="as-char" svg:width="{width_cm}cm" '
             f'svg:height="{height_cm}cm"><draw:image><office:binary-data>{data}</office:binary-data>'
             f'</draw:image></draw:frame></text:p>')
    return fodt(21.0, 29.7, 0.5, frame)


def soffice() -> str:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise SystemExit("LibreOffice (soffice) is not installed")


def convert(sources_dir: Path, out_dir: Path, names: list[str], fmt: str = "pdf", suffix: str = "fodt") -> None:
    profile = tempfile.mkdtemp(prefix="lo-profile-")  # own profile: no clash with a running LibreOffice
    try:
        cmd = [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
               "--convert-to", fmt, "--outdir", str(out_dir), *(str(sources_dir / f"{n}.{suffix}") for n in names)]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=300)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    for n in names:
        target = out_dir / f"{n}.{fmt.split(':')[0]}"
        if not target.exists():
            raise SystemExit(f"LibreOffice did not write {target}")


def page_png(pdf: Path, work: Path) -> bytes:
    """Page 1 of pdf as a PNG (pdftoppm when installed, else LibreOffice Draw)."""
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "100", "-singlefile", str(pdf), str(work / "scan")], check=True)
        return (work / "scan.png").read_bytes()
    convert(pdf.parent, work, [pdf.stem], fmt="png", suffix="pdf")
    return (work / f"{pdf.stem}.png").read_bytes()


def cjk_fonts() -> list[str]:
    """The CJK fonts fontconfig has (without one LibreOffice draws no Chinese glyphs)."""
    if not shutil.which("fc-list"):
        return []
    listed = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout
    return sorted({line.split(",")[0].strip() for line in listed.splitlines() if line.strip()})


def build(out_dir: str | os.PathLike) -> dict[str, Path]:
    """Writes every .fodt and .pdf into out_dir; returns name -> PDF path."""
    if CJK_FONT not in cjk_fonts():
        raise SystemExit(f"font {CJK_FONT!r} is not installed (Debian: apt-get install fonts-wqy-zenhei); "
                         f"CJK fonts found: {cjk_fonts() or 'none'}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    texts = sources()
    for name, xml in texts.items():
        (out / f"{name}.fodt").write_text(xml, encoding="utf-8")
    convert(out, out, list(texts))
    with tempfile.TemporaryDirectory() as work:
        png = page_png(out / "two_col.pdf", Path(work))
    (out / "image_only.fodt").write_text(image_fodt(png, 20.0, 28.28), encoding="utf-8")
    convert(out, out, ["image_only"])
    return {name: out / f"{name}.pdf" for name in [*texts, "image_only"]}
