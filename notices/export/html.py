"""review.html: one self-contained page (inline CSS, no scripts, no external assets) to review
what was extracted: each notice's fields beside its text, with every extracted value marked
where it occurs in that text.

Evidence spans are offsets into the page text while Notice.text is normalized, so offsets do not
map onto it; values are located by searching the notice text instead, the offsets are listed
beside each field, and a value not found in the text is flagged for the reviewer.
"""
from __future__ import annotations

import html

from notices.inert import inert
from notices.model import Case, Notice

from .common import (
    computed_marks,
    deadline_label,
    iso_date,
    local_datetime_text,
    notice_id,
    notice_type_text,
    sorted_notices,
)
from .hearings import all_hearings


def escape(text: str) -> str:
    """Page text as HTML: escaped, and what would act (controls, a bidi override) shown as its code."""
    return html.escape(inert(text))


# (field, label, CSS colour): the fields marked in the text, in marking priority.
MARKED_FIELDS = [
    ("case_numbers", "案号 Case numbers", "#ffd6a5"),
    ("respondents", "被申请人/被告 Respondents", "#ffadad"),
    ("claimants", "申请人/原告 Claimants", "#caffbf"),
    ("authority", "发布机关 Authority", "#bdb2ff"),
    ("dispute_type", "案由 Dispute", "#fdffb6"),
    ("hearing_text", "开庭时间原文 Hearing as written", "#9bf6ff"),
    ("venue", "开庭地点 Venue", "#a0c4ff"),
    ("documents", "送达文书 Documents", "#ffc6ff"),
]
# Values with no text form to search for: marked from their evidence offsets, when those align.
OFFSET_FIELDS = [
    ("hearing_datetime", "开庭时间 Hearing", "#9bf6ff"),
    ("publication_date", "公告日期 Published", "#e4e4e4"),
]

STYLE = """
body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;
  margin:2em;color:#222;max-width:1100px}
h1{font-size:1.5em}h2{font-size:1.15em;margin:0 0 .5em}h3{font-size:1em;margin:1em 0 .3em}
table{border-collapse:collapse;margin:.3em 0}
td,th{border:1px solid #ccc;padding:.25em .5em;vertical-align:top;text-align:left}
th{background:#f3f3f3;white-space:nowrap}td.when{white-space:nowrap}
.notice{border:1px solid #999;border-radius:6px;padding:1em;margin:1.5em 0}
.text{white-space:pre-wrap;line-height:1.8;background:#fafafa;border:1px solid #ddd;padding:.8em}
.span{color:#777;font-size:.85em}.missing{color:#b00000;font-weight:bold}.computed{color:#6a3d9a}
.problems li{color:#b00000}.legend mark{margin-right:.6em}nav li{margin:.15em 0}
"""


def mark_css() -> str:
    return "".join(f"mark.{field}{{background:{colour}}}" for field, _, colour in MARKED_FIELDS + OFFSET_FIELDS)


def field_values(notice: Notice, field: str) -> list[str]:
    value = getattr(notice, field)
    values = value if isinstance(value, list) else [value]
    return [v for v in values if v]


def offsets_align(notice: Notice) -> bool:
    """True when the evidence offsets, shifted by the notice's start, slice the notice text to the
    values read: then the text is the page slice and offsets can mark the other fields too."""
    base, checked = notice.span[0], 0
    for field, _, _ in MARKED_FIELDS:
        values = field_values(notice, field)
        for start, end in notice.evidence.get(field, []):
            if notice.text[start - base:end - base] not in values or start < base:
                return False
            checked += 1
    return checked > 0


def value_marks(notice: Notice) -> list[tuple[int, int, int, str]]:
    found = []
    for priority, (field, _, _) in enumerate(MARKED_FIELDS):
        for value in field_values(notice, field):
            start = notice.text.find(value)
            while start >= 0:
                found.append((start, start + len(value), priority, field))
                start = notice.text.find(value, start + len(value))
    return found


def offset_marks(notice: Notice) -> list[tuple[int, int, int, str]]:
    if not offsets_align(notice):
        return []
    base, length = notice.span[0], len(notice.text)
    return [
        (start - base, end - base, len(MARKED_FIELDS) + priority, field)
        for priority, (field, _, _) in enumerate(OFFSET_FIELDS)
        for start, end in notice.evidence.get(field, [])
        if 0 <= start - base < end - base <= length
    ]


def find_marks(notice: Notice) -> list[tuple[int, int, str]]:
    """(start, end, field) in the notice text, without overlaps: earlier first, the longer one at
    a tie, then field priority."""
    found = sorted(value_marks(notice) + offset_marks(notice), key=lambda m: (m[0], -m[1], m[2]))
    marks, reached = [], 0
    for start, end, _, field in found:
        if start >= reached:
            marks.append((start, end, field))
            reached = end
    return marks


def marked_text(notice: Notice) -> str:
    parts, position = [], 0
    for start, end, field in find_marks(notice):
        parts.append(escape(notice.text[position:start]))
        parts.append(f'<mark class="{field}" title="{field}">{escape(notice.text[start:end])}</mark>')
        position = end
    parts.append(escape(notice.text[position:]))
    return "".join(parts)


def spans_text(notice: Notice, field: str) -> str:
    spans = notice.evidence.get(field, [])
    return " ".join(f"[{start}, {end})" for start, end in spans)


def value_cell(notice: Notice, field: str) -> str:
    """The values, each flagged when the notice text does not contain it."""
    cells = []
    for value in field_values(notice, field):
        flag = "" if value in notice.text else ' <span class="missing">未在原文中找到 not in text</span>'
        cells.append(f'<mark class="{field}">{escape(value)}</mark>{flag}')
    return "<br>".join(cells)


def row(label: str, value_html: str, spans: str = "") -> str:
    return f'<tr><th>{escape(label)}</th><td>{value_html}</td><td class="span">{escape(spans)}</td></tr>'


def fields_table(notice: Notice) -> str:
    rows = [
        row("公告类型 Type", escape(notice_type_text(notice.notice_type))),
        row("公告日期 Published", escape(iso_date(notice.publication_date)), spans_text(notice, "publication_date")),
        row("开庭时间(北京时间) Hearing (UTC+8)", escape(local_datetime_text(notice.hearing_datetime)),
            spans_text(notice, "hearing_datetime")),
    ]
    rows += [row(label, value_cell(notice, field), spans_text(notice, field)) for field, label, _ in MARKED_FIELDS]
    rows.append(row("来源 Source", escape(f"{notice.page} [{notice.span[0]}, {notice.span[1]})")))
    rows.append(row("编号 ID", escape(notice_id(notice))))
    header = "<tr><th>字段 Field</th><th>值 Value</th><th>页内位置 Page offsets</th></tr>"
    return f'<table class="fields">{header}{"".join(rows)}</table>'


def deadlines_table(notice: Notice) -> str:
    if not notice.deadlines:
        return ""
    rows = "".join(
        f"<tr><td>{escape(deadline_label(d.kind))} {escape(d.kind)}</td><td class=\"when\">{d.date.isoformat()}"
        f"{' ' + d.time.strftime('%H:%M') if d.time else ''}</td><td>{escape(d.rule)}</td>"
        f"<td>{escape(d.basis)}{' (推定 assumed)' if d.assumed else ''}{' (暂定 provisional)' if d.provisional else ''}</td></tr>"
        for d in notice.deadlines
    )
    return ('<h3 class="computed">计算日期(非原文) Computed dates, not printed</h3><table class="computed">'
            "<tr><th>类型 Kind</th><th>日期 Date</th><th>规则 Rule</th><th>依据 Basis</th></tr>" + rows + "</table>")


def problems_list(notice: Notice) -> str:
    if not notice.problems:
        return ""
    items = "".join(
        f"<li>{escape(p.field or '')} <code>{escape(p.code)}</code> {escape(p.message)}</li>" for p in notice.problems
    )
    return f'<h3>问题 Problems</h3><ul class="problems">{items}</ul>'


def title(notice: Notice) -> str:
    who = "、".join(notice.respondents) or "当事人未识别"
    case = "、".join(notice.case_numbers)
    return f"{iso_date(notice.publication_date) or '日期不详'} · {notice_type_text(notice.notice_type)} · {who}" + (
        f" — {case}" if case else "")


def notice_article(notice: Notice) -> str:
    return (
        f'<article class="notice" id="n-{escape(notice_id(notice))}"><h2>{escape(title(notice))}</h2>'
        + fields_table(notice) + deadlines_table(notice) + problems_list(notice)
        + f'<h3>公告原文 Notice text</h3><div class="text">{marked_text(notice)}</div></article>'
    )


def hearings_section(notices: list[Notice], cases: list[Case]) -> str:
    rows = "".join(
        f"<tr><td class=\"when\">{escape(local_datetime_text(h.start))}"
        f"{' ' + escape(computed_marks(h.computed)) if h.computed else ''}</td><td>{escape('、'.join(h.respondents))}</td>"
        f"<td>{escape(h.case_number or '')}</td><td>{escape(h.venue or '')}</td>"
        f"<td>{h.moves or ''}</td></tr>"
        for h in all_hearings(notices, cases)
    )
    return ('<h2>开庭 Hearings (北京时间 UTC+8)</h2><table><tr><th>时间 Time</th><th>被申请人/被告 Respondents</th>'
            "<th>案号 Case number</th><th>地点 Venue</th><th>改期次数 Times moved</th></tr>" + rows + "</table>")


def problem_count(notice: Notice) -> str:
    if not notice.problems:
        return ""
    return f' <span class="missing">({len(notice.problems)} 问题 problems)</span>'


def contents(notices: list[Notice]) -> str:
    items = "".join(
        f'<li><a href="#n-{escape(notice_id(n))}">{escape(title(n))}</a>{problem_count(n)}</li>' for n in notices
    )
    return f"<nav><h2>公告 Notices</h2><ol>{items}</ol></nav>"


def review_html(notices: list[Notice], cases: list[Case]) -> bytes:
    ordered = sorted_notices(notices)
    legend = "".join(
        f'<mark class="{field}">{escape(label)}</mark>' for field, label, _ in MARKED_FIELDS + OFFSET_FIELDS
    )
    page = (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>公告审阅 Notice review</title><style>{STYLE}{mark_css()}</style></head><body>"
        f"<h1>公告审阅 Notice review</h1><p>{len(ordered)} 条公告 notices · {len(cases)} 个案件 cases</p>"
        f'<p class="legend">{legend}</p>'
        + contents(ordered) + hearings_section(notices, cases)
        + "".join(notice_article(n) for n in ordered)
        + "</body></html>\n"
    )
    return page.encode("utf-8")
