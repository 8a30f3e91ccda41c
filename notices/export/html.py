"""Review pages a reviewer checks notices in: self-contained HTML (inline style and script, a
content policy that allows no network), readable without the script too.

review_page() renders one page of notices: a filter bar (search, new, has problems, watch-list
hit, not yet checked, type, authority), then each notice with its fields, the computed dates and
their basis, its problems, and the page text around it with every field marked at its evidence
span (the offsets the reader recorded, never a search for the value). Each `notices run` writes
one such page for the notices on the pages it read, and runs_index() the index of the runs.

The "checked" mark is kept in the browser (localStorage, by notice id, shared by the review pages
opened from one folder) and "export checked" downloads the marks as CSV: the reviewer marks
notices where they read them, and the CSV is what they keep or send on.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field

from notices.inert import inert
from notices.model import Case, Excerpt, Notice, Run

from .common import (
    computed_marks,
    deadline_label,
    event_text,
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


@dataclass(frozen=True)
class Review:
    """What one review page shows."""

    title: str
    notices: list[Notice]
    summary: str = ""  # one line under the title (what the run read)
    new: frozenset[str] = frozenset()  # ids of the notices new to the store
    hits: dict[str, list[str]] = field(default_factory=dict)  # notice id -> the watched names it names
    links: dict[str, str] = field(default_factory=dict)  # page name -> href of the page file
    index: str = ""  # href of the runs index, when the page is one run's


# (field, label, CSS colour): the fields marked in the text, in marking priority where spans overlap.
MARKED_FIELDS = [
    ("case_numbers", "案号 Case numbers", "#ffd6a5"),
    ("respondents", "被申请人/被告 Respondents", "#ffadad"),
    ("claimants", "申请人/原告 Claimants", "#caffbf"),
    ("authority", "发布机关 Authority", "#bdb2ff"),
    ("dispute_type", "案由 Dispute", "#fdffb6"),
    ("hearing_datetime", "开庭时间 Hearing", "#9bf6ff"),
    ("hearing_text", "开庭时间原文 Hearing as written", "#9bf6ff"),
    ("venue", "开庭地点 Venue", "#a0c4ff"),
    ("events", "其他程序 Other sessions", "#b9fbc0"),
    ("documents", "送达文书 Documents", "#ffc6ff"),
    ("publication_date", "公告日期 Published", "#e4e4e4"),
]
PRIORITY = {name: rank for rank, (name, _, _) in enumerate(MARKED_FIELDS)}

STYLE = """
body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei","WenQuanYi Zen Hei",sans-serif;
  margin:0 2em 2em;color:#222;max-width:1100px}
h1{font-size:1.5em}h2{font-size:1.15em;margin:0 0 .5em}h3{font-size:1em;margin:1em 0 .3em}
table{border-collapse:collapse;margin:.3em 0}
td,th{border:1px solid #ccc;padding:.25em .5em;vertical-align:top;text-align:left}
th{background:#f3f3f3;white-space:nowrap}td.when{white-space:nowrap}
.notice{border:1px solid #999;border-radius:6px;padding:1em;margin:1.5em 0}
.notice.is-checked{border-color:#2a9d3f;background:#f6fff7}
.text{white-space:pre-wrap;line-height:1.8;background:#fafafa;border:1px solid #ddd;padding:.8em}
.around{color:#999}.span{color:#777;font-size:.85em}.missing{color:#b00000;font-weight:bold}
.computed{color:#6a3d9a}.problems li{color:#b00000}.legend mark{margin-right:.6em}
.badge{display:inline-block;border-radius:3px;padding:0 .4em;margin-left:.4em;font-size:.8em;color:#fff}
.badge.new{background:#1d6fd1}.badge.hit{background:#c2185b}.badge.problem{background:#b00000}
#filters{position:sticky;top:0;background:#fff;border-bottom:1px solid #ccc;padding:.6em 0;z-index:1}
#filters label{margin-right:1em;white-space:nowrap}#search{width:18em}
.check{float:right;font-weight:bold}
"""

SCRIPT = r"""
(function () {
  var KEY = "notices.checked";
  function load() { try { return JSON.parse(localStorage.getItem(KEY)) || {}; } catch (e) { return {}; } }
  function save(marks) { try { localStorage.setItem(KEY, JSON.stringify(marks)); } catch (e) {} }
  var marks = load();
  var notices = Array.prototype.slice.call(document.querySelectorAll("article.notice"));
  var $ = function (id) { return document.getElementById(id); };
  function show() {
    var words = $("search").value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    notices.forEach(function (n) {
      var d = n.dataset, text = n.searchText;
      var ok = (!$("f-new").checked || d.new === "1")
        && (!$("f-problems").checked || d.problems !== "0")
        && (!$("f-hit").checked || d.hit === "1")
        && (!$("f-unchecked").checked || !marks[d.id])
        && (!$("f-type").value || d.type === $("f-type").value)
        && (!$("f-authority").value || d.authority === $("f-authority").value)
        && words.every(function (w) { return text.indexOf(w) >= 0; });
      n.hidden = !ok;
      if (ok) shown += 1;
    });
    $("shown").textContent = shown + " / " + notices.length;
  }
  notices.forEach(function (n) {  // searched: the fields and the notice, not the page around it
    n.searchText = Array.prototype.map.call(n.querySelectorAll("h2, table.fields, .own"),
      function (e) { return e.textContent; }).join(" ").toLowerCase();
    var box = n.querySelector("input.checked");
    box.checked = !!marks[n.dataset.id];
    n.classList.toggle("is-checked", box.checked);
    box.addEventListener("change", function () {
      if (box.checked) { marks[n.dataset.id] = new Date().toISOString(); } else { delete marks[n.dataset.id]; }
      save(marks);
      n.classList.toggle("is-checked", box.checked);
      show();
    });
  });
  ["search", "f-new", "f-problems", "f-hit", "f-unchecked", "f-type", "f-authority"].forEach(function (id) {
    $(id).addEventListener("input", show);
    $(id).addEventListener("change", show);
  });
  function cell(value) { return '"' + String(value).replace(/"/g, '""') + '"'; }
  $("export").addEventListener("click", function () {
    var rows = [["id", "checked_at", "case_numbers", "respondents", "page"].join(",")];
    notices.forEach(function (n) {
      var d = n.dataset;
      if (marks[d.id]) rows.push([d.id, marks[d.id], d.cases, d.respondents, d.page].map(cell).join(","));
    });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob(["\ufeff" + rows.join("\r\n") + "\r\n"], {type: "text/csv"}));
    link.download = "checked.csv";
    document.body.appendChild(link);
    link.click();
    link.remove();
  });
  document.body.classList.add("scripted");
  show();
})();
"""

# Nothing may load from anywhere: a name in a notice that slips past escaping still reaches no network.
POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def mark_css() -> str:
    return "".join(f"mark.{name}{{background:{colour}}}" for name, _, colour in MARKED_FIELDS)


def field_values(notice: Notice, name: str) -> list[str]:
    value = getattr(notice, name)
    if name == "events":
        return [event_text(event) for event in value]
    if name == "hearing_datetime":
        return [local_datetime_text(value)] if value else []
    if name == "publication_date":
        return [iso_date(value)] if value else []
    values = value if isinstance(value, list) else [value]
    return [v for v in values if v]


def excerpt_of(notice: Notice) -> Excerpt | None:
    """The printed text the evidence points into: the page text kept with the notice, or else its
    own text when that is the page slice (the offsets, shifted by the notice's start, give the
    values); None when neither holds."""
    if notice.context is not None:
        return notice.context
    own = Excerpt(start=notice.span[0], text=notice.text)
    checked = 0
    for name in ("case_numbers", "respondents", "claimants", "authority", "dispute_type", "venue", "documents"):
        values = field_values(notice, name)
        for start, end in notice.evidence.get(name, []):
            if not own.start <= start < end <= own.end or notice.text[start - own.start:end - own.start] not in values:
                return None
            checked += 1
    return own if checked else None


def find_marks(notice: Notice, excerpt: Excerpt) -> list[tuple[int, int, str]]:
    """(start, end, field) offsets into the excerpt from the evidence spans, without overlaps:
    earlier first, the longer at a tie, then field priority."""
    found = sorted(
        (start - excerpt.start, end - excerpt.start, PRIORITY[name], name)
        for name, spans in notice.evidence.items() if name in PRIORITY
        for start, end in spans if excerpt.start <= start < end <= excerpt.end
    )
    found.sort(key=lambda m: (m[0], -m[1], m[2]))
    marks, reached = [], 0
    for start, end, _, name in found:
        if start >= reached:
            marks.append((start, end, name))
            reached = end
    return marks


def marked_text(notice: Notice) -> str:
    """The notice as printed with its fields marked, between the page text around it (greyed)."""
    excerpt = excerpt_of(notice)
    if excerpt is None:
        return (f'<div class="text"><span class="own">{escape(notice.text)}</span></div><p class="missing">'
                "未保存原页文本, 无法标注 The page text was not kept: run `notices run --reread` on the page</p>")
    own_start = max(notice.span[0] - excerpt.start, 0)
    own_end = min(notice.span[1] - excerpt.start, len(excerpt.text))
    parts = [f'<span class="around">{escape(excerpt.text[:own_start])}</span><span class="own">']
    position = own_start
    for start, end, name in find_marks(notice, excerpt):
        parts.append(escape(excerpt.text[position:start]))
        parts.append(f'<mark class="{name}" title="{name}">{escape(excerpt.text[start:end])}</mark>')
        position = end
    parts.append(escape(excerpt.text[position:own_end]))
    parts.append(f'</span><span class="around">{escape(excerpt.text[own_end:])}</span>')
    return f'<div class="text">{"".join(parts)}</div>'


def spans_text(notice: Notice, name: str) -> str:
    return " ".join(f"[{start}, {end})" for start, end in notice.evidence.get(name, []))


def value_cell(notice: Notice, name: str) -> str:
    """The values; a value read with no evidence span is flagged, as the reviewer cannot see it marked."""
    values = field_values(notice, name)
    flag = "" if not values or notice.evidence.get(name) else ' <span class="missing">无原文位置 no evidence</span>'
    return "<br>".join(f'<mark class="{name}">{escape(value)}</mark>' for value in values) + flag


def row(label: str, value_html: str, spans: str = "") -> str:
    return f'<tr><th>{escape(label)}</th><td>{value_html}</td><td class="span">{escape(spans)}</td></tr>'


def source_cell(notice: Notice, links: dict[str, str]) -> str:
    where = escape(f"{notice.page} [{notice.span[0]}, {notice.span[1]})")
    href = links.get(notice.page)
    return f'<a href="{html.escape(href)}">{where}</a>' if href else where


def fields_table(notice: Notice, links: dict[str, str]) -> str:
    """The fields read, and those not read that a problem names; a field neither read nor
    expected is left out, so that what is there stands out."""
    rows = [row("公告类型 Type", escape(notice_type_text(notice.notice_type)))]
    with_problems = {problem.field for problem in notice.problems}
    rows += [row(label, value_cell(notice, name) or '<span class="missing">未读出 not read</span>',
                 spans_text(notice, name))
             for name, label, _ in MARKED_FIELDS if field_values(notice, name) or name in with_problems]
    rows.append(row("来源 Source", source_cell(notice, links)))
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


def attribute(value: str) -> str:
    return html.escape(inert(value), quote=True)


def notice_article(notice: Notice, review: Review) -> str:
    hits = review.hits.get(notice.id, [])
    new = notice.id in review.new
    data = {
        "id": notice_id(notice), "new": "1" if new else "0", "problems": str(len(notice.problems)),
        "hit": "1" if hits else "0", "type": notice.notice_type, "authority": notice.authority or "",
        "cases": "；".join(notice.case_numbers), "respondents": "；".join(notice.respondents), "page": notice.page,
    }
    attributes = " ".join(f'data-{name}="{attribute(value)}"' for name, value in data.items())
    badges = ('<span class="badge new">新 new</span>' if new else "") + "".join(
        f'<span class="badge hit">关注 watch: {escape(name)}</span>' for name in hits) + (
        f'<span class="badge problem">{len(notice.problems)} 问题 problems</span>' if notice.problems else "")
    return (
        f'<article class="notice" id="n-{attribute(notice_id(notice))}" {attributes}>'
        '<label class="check"><input type="checkbox" class="checked"> 已核对 checked</label>'
        f"<h2>{escape(title(notice))}{badges}</h2>"
        + fields_table(notice, review.links) + deadlines_table(notice) + problems_list(notice)
        + f"<h3>公告原文 Notice as printed</h3>{marked_text(notice)}</article>"
    )


def options(values: list[str]) -> str:
    return "".join(f'<option value="{attribute(value)}">{escape(label)}</option>' for value, label in values)


def filters(notices: list[Notice]) -> str:
    types = sorted({n.notice_type for n in notices})
    authorities = sorted({n.authority for n in notices if n.authority})
    return (
        '<div id="filters"><input type="search" id="search" placeholder="搜索 Search: 名称、案号…"> '
        '<label><input type="checkbox" id="f-new"> 新 new</label>'
        '<label><input type="checkbox" id="f-problems"> 有问题 has problems</label>'
        '<label><input type="checkbox" id="f-hit"> 关注命中 watch-list hit</label>'
        '<label><input type="checkbox" id="f-unchecked"> 未核对 not checked</label>'
        f'<select id="f-type"><option value="">全部类型 every type</option>'
        f"{options([(t, notice_type_text(t)) for t in types])}</select> "
        f'<select id="f-authority"><option value="">全部机关 every authority</option>'
        f"{options([(a, a) for a in authorities])}</select> "
        '<span id="shown"></span> <button type="button" id="export">导出已核对 Export checked (CSV)</button></div>'
    )


def legend() -> str:
    marks = "".join(f'<mark class="{name}">{escape(label)}</mark>' for name, label, _ in MARKED_FIELDS)
    return f'<p class="legend">{marks}<span class="around">灰色: 前后版面 grey: the page around the notice</span></p>'


def document(page_title: str, body: str, script: str = "") -> bytes:
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(page_title)}</title><style>{STYLE}{mark_css()}</style></head><body>"
        + body + (f"<script>{script}</script>" if script else "") + "</body></html>\n"
    ).encode("utf-8")


def review_page(review: Review, preface: str = "") -> bytes:
    """One review page: the notices in publication order, each once; preface (HTML) before them."""
    ordered = sorted_notices({n.id or notice_id(n): n for n in review.notices}.values())
    back = f'<p><a href="{html.escape(review.index)}">← 全部运行 All runs</a></p>' if review.index else ""
    counts = (f"{len(ordered)} 条公告 notices · {sum(n.id in review.new for n in ordered)} 新 new · "
              f"{sum(bool(n.problems) for n in ordered)} 有问题 with problems")
    body = (back + f"<h1>{escape(review.title)}</h1>"
            + (f"<p>{escape(review.summary)}</p>" if review.summary else "")
            + f"<p>{counts}</p>" + preface + filters(ordered) + legend()
            + ("".join(notice_article(n, review) for n in ordered) or "<p>本次没有公告 No notices.</p>"))
    return document(review.title, body, SCRIPT)


def review_html(notices: list[Notice], cases: list[Case]) -> bytes:
    """`notices export html`: one review page of the notices given, with the hearings they set."""
    return review_page(Review(title="公告审阅 Notice review", notices=notices,
                              summary=f"{len(notices)} 条公告 notices · {len(cases)} 个案件 cases"),
                       preface=hearings_section(notices, cases))


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


INDEX_FILE = "review.html"
REVIEW_FOLDER = "review"  # beside the index: one page per run


def run_page_name(run: Run) -> str:
    return f"{REVIEW_FOLDER}/run-{run.number:04d}.html"


def review_files(run: Run, runs: list[Run], notices: list[Notice], hits: dict[str, list[str]],
                 links: dict[str, str]) -> dict[str, bytes]:
    """What a run writes for review: its own page and the index of every run (paths relative to the
    export folder; links to page files relative to the run's page)."""
    by_id = {notice.id: notice for notice in notices}
    return {INDEX_FILE: runs_index(runs, by_id),
            run_page_name(run): review_page(run_review(run, by_id, hits, links, f"../{INDEX_FILE}"))}


def run_review(run: Run, notices: dict[str, Notice], hits: dict[str, list[str]], links: dict[str, str],
               index: str) -> Review:
    """The review of one run: the notices on the pages it stored, the new ones marked."""
    summary = (f"{run.read_at[:16].replace('T', ' ')} (北京时间 UTC+8) · 读取 {run.pages} 页 pages read ({run.pages_new} 新 new, "
               f"{run.pages_failed} 失败 failed) · {run.hits_new} 新关注命中 new watch-list hits")
    return Review(title=f"第 {run.number} 次运行 Run {run.number}", summary=summary,
                  notices=[notices[i] for i in run.found if i in notices], new=frozenset(run.new),
                  hits=hits, links=links, index=index)


def runs_index(runs: list[Run], notices: dict[str, Notice]) -> bytes:
    """review.html: every run, newest first, with what it found and a link to its page."""
    rows = []
    for run in reversed(runs):
        found = [notices[i] for i in run.found if i in notices]
        rows.append(
            f'<tr><td class="when"><a href="{run_page_name(run)}">第 {run.number} 次 Run {run.number}</a></td>'
            f'<td class="when">{escape(run.read_at[:16].replace("T", " "))}</td><td>{run.pages} ({run.pages_new} 新 new, '
            f"{run.pages_failed} 失败 failed)</td><td>{len(found)}</td><td>{len(run.new)}</td>"
            f"<td>{sum(bool(n.problems) for n in found)}</td><td>{run.hits_new}</td></tr>")
    table = ("<table><tr><th>运行 Run</th><th>时间 Read at</th><th>页 Pages</th><th>公告 Notices</th>"
             "<th>新 New</th><th>有问题 With problems</th><th>新关注命中 New watch hits</th></tr>"
             + "".join(rows) + "</table>") if rows else "<p>还没有运行 No runs yet.</p>"
    return document("公告审阅 Notice review: runs", f"<h1>公告审阅 Notice review</h1>{table}")

