"""Page text to blocks, one per notice.

Most of a newspaper page is news, so the page is first scanned for words only notices use
(本委, 本院, 特此公告, 公告送达 …) and only windows around them are normalized. Inside a window,
a notice starts at a title, an addressee or a hearing sentence, and ends at its signature
(特此公告, the issuing body, the date); consecutive notices without headings are split there.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from notices.normalize import FRAME_LINE, Norm, begins_wrapped_name, normalize
from notices.rules.parts import (ADDRESSED_CASE_LINE, AUTHORITY_SUFFIX, CASE_YEAR, CLAIMANT_ROLE, ITEM_MARK, LINE_LABEL,
                                 RESPONDENT_ROLE, RULE, SELF, THIRD_ROLE)
from notices.rules.structure import ADDRESS_COLON, OPENINGS, SIGNATURES, TITLES

# Cheap scan of raw page text: tolerant of letter spacing, line wraps and traditional forms.
_GAP = r"\s{0,2}"
ANCHOR = regex.compile(
    "|".join(
        _GAP.join(word)
        for word in ("本委", "本院", "我院", "我委", "特此", "公告送", "仲裁", "法院", "开庭", "開庭", "案号", "案號",
                     "受理", "一案", "定于", "定於")
    )
)
ADDRESSED = regex.compile(r"你|此案|本案|上述")
NAMES_PARTIES = regex.compile(rf"{CLAIMANT_ROLE}|{RESPONDENT_ROLE}|诉|与|指控")
TABLE = regex.compile(r"(?:^[^\n]*[|\t][^\n]*[|\t][^\n]*(?:\n|$)){2}", regex.MULTILINE)  # two rows of three cells
BEFORE, AFTER = 1500, 3000  # window around an anchor: a notice's header and tail fit in it
NOTICE_LINE = regex.compile(  # words of notices and hearing lists: dates, times, parties, causes, table rows
    rf"本委|本院|我院|你|开庭|仲裁|法院|公告|送达|联系|地址|电话|案号|案由|当事人|一案|特此|受理|审理|法庭|[\[〔(]\d{{4}}[\]〕)]"
    rf"|\d{{4}}-\d{{1,2}}-\d{{1,2}}|(?:\d{{4}}年)?\d{{1,2}}月\d{{1,2}}日|^\s*(?:上午|下午)|[|\t]|日期|时间|纠纷|争议|罪"
    rf"|^\s*(?:{CLAIMANT_ROLE}|{RESPONDENT_ROLE})|^\s*{LINE_LABEL}\s*:"
    rf"|\d+号\s*$",   # the end of a case number a table's cell wrapped: 民终10233号
    regex.MULTILINE,
)


@dataclass(frozen=True)
class Block:
    """One notice: norm.text[start:end] is its normalized text. `sentences` are the hearing
    sentences of a run one signature closes, each a hearing of the notice."""

    norm: Norm
    start: int
    end: int
    sentences: tuple[tuple[int, int], ...] = ()

    @property
    def text(self) -> str:
        return self.norm.text[self.start:self.end]

    def page_span(self, start: int | None = None, end: int | None = None):
        """Page span of the whole block, or of norm.text[start:end]."""
        return self.norm.page_span(self.start if start is None else start, self.end if end is None else end)


def windows(page_text: str) -> list[tuple[int, int]]:
    """Regions of the page worth normalizing: merged windows around anchor words, widened to
    whole lines."""
    spans: list[list[int]] = []
    for hit in ANCHOR.finditer(page_text):
        a = _line_start(page_text, max(0, hit.start() - BEFORE))
        b = _line_end(page_text, min(len(page_text), hit.end() + AFTER))
        if spans and a <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], b)
        else:
            spans.append([a, b])
    return [(a, b) for a, b in spans]


def _line_start(text: str, at: int) -> int:
    cut = text.rfind("\n", max(0, at - 300), at)
    return 0 if at == 0 else (cut + 1 if cut >= 0 else at)


def _line_end(text: str, at: int) -> int:
    cut = text.find("\n", at, at + 300)
    return cut if cut >= 0 else min(len(text), at)


@dataclass
class _Event:
    start: int
    end: int
    kind: str  # title, addressee, body, hearing_sentence, signature


# Where each structural rule can match at all: a match holds one of these words and starts on
# its line at most `before` characters ahead of it, ending at most `after` past it. The rule is
# tried at those starts alone, so a long window costs a scan for the words, not a try of every
# rule at every position.
NEAR = {
    "title/inline": (regex.compile(rf"(?:公告|告示|通告|排期表?|安排表?|预告)(?:送达书)?(?:\([^()\n]{{1,30}}\))?(?:[^\S\n]|[一1][、.]|{CASE_YEAR})"),
                     90, 40),
    "opening/hearing_sentence": (regex.compile(r"定于|同日|当日|次日|翌日"), 60, 600),
    "signature/authority_date": (regex.compile(AUTHORITY_SUFFIX), 45, 45),
    "opening/addressee": (regex.compile(ADDRESS_COLON, regex.VERBOSE), 400, 200),
}


def _matches(rule, text: str):
    """The rule's matches in text, leftmost first and not overlapping, as finditer finds them."""
    near = NEAR.get(rule.id)
    if near is None:
        yield from rule.finditer(text)
        return
    anchor, before, after = near
    pattern = rule.compiled
    done = 0
    for hit in anchor.finditer(text):
        at = max(done, text.rfind("\n", 0, hit.start()) + 1, hit.start() - before)
        end = min(len(text), hit.end() + after)
        while at < hit.end():
            m = pattern.match(text, at, end)
            if m is None:
                at += 1
                continue
            yield m
            at = done = m.end()


def _events(text: str) -> list[_Event]:
    titles = sorted({m.span() for rule in TITLES for m in _matches(rule, text)}, key=lambda s: (s[0], -s[1]))
    events = []
    for start, end in titles:  # a title inside another (送达公告 under its issuer's line) is that one
        if not events or start >= events[-1].end:
            events.append(_Event(start, end, "title"))
    taken: list[tuple[int, int]] = []  # signature spans so far, sorted: a later rule's match may not overlap one
    for rule in SIGNATURES:
        for m in sorted(_matches(rule, text), key=lambda m: m.start()):
            at = bisect.bisect_left(taken, (m.start(), m.start()))
            neighbours = taken[max(0, at - 1):at + 1]
            if not any(s <= m.start() < e or m.start() <= s < m.end() for s, e in neighbours):
                taken.insert(at, m.span())
    signatures = sorted((_Event(s, e, "signature") for s, e in taken), key=lambda e: e.start)
    events += signatures
    fences = sorted(e.end for e in events)
    for rule in OPENINGS:
        kind = rule.id.split("/")[1].removesuffix("_to")
        for m in _matches(rule, text):
            start = m.start()
            last = bisect.bisect_right(fences, m.end()) - 1  # an addressee cannot reach back over a title or signature
            if last >= 0 and fences[last] > start:
                start = fences[last]
            while start < m.end() and text[start] in " \n\t":
                start += 1
            events.append(_Event(start, m.end(), kind))
    order = {"title": 0, "addressee": 1, "body": 2, "hearing_sentence": 3, "signature": 4}  # at one place
    return sorted(events, key=lambda e: (e.start, order[e.kind]))


def split_notices(text: str) -> list[tuple[int, int, tuple[tuple[int, int], ...]]]:
    """Spans of the notices in normalized text, each with the hearing sentences of a signed run."""
    blocks: list[tuple[int, int]] = []
    kinds: list[str] = []
    current: dict | None = None

    def close(end: int) -> None:
        nonlocal current
        if current is not None and end > current["start"]:
            blocks.append((current["start"], _rstrip(text, current["start"], end)))
            kinds.append(current["kind"])
        current = None

    for event in _events(text):
        if current is not None and event.start < current["start"]:
            continue
        if blocks and event.start < blocks[-1][1]:
            continue  # inside a notice already closed (a signature's own words)
        if event.kind == "signature":
            if current is not None and _list_follows(text, event.end):
                current["last"] = event.end
                continue  # 本院定于下列时间…审理下列案件，特此公告。 above the list it announces
            if current is None:
                current = {"start": _orphan_start(text, blocks[-1][1] if blocks else 0, event.start), "kind": "orphan"}
            close(event.end)
        elif event.kind == "title":
            close(event.start)
            current = {"start": event.start, "kind": "title", "lists_hearings": "开庭" in text[event.start:event.end]}
        elif event.kind in ("addressee", "body"):
            if current is not None and (not _has_body(text, current["start"], event.start)
                                        or (event.kind == "addressee" and (_listed_party(text, event)
                                                                           or _next_addressed_case(text, current, event)))
                                        or (event.kind == "body" and current.get("last") == event.start)
                                        or _labelled_in_list(text, current, event)):
                current["last"] = event.end
                continue  # the header of the notice already open, one of the parties it lists (1.甲公司:…), its body
            close(event.start)
            floor = blocks[-1][1] if blocks else 0
            current = {"start": _header_start(text, floor, event.start), "kind": event.kind}
        elif event.kind == "hearing_sentence":
            if current is not None and not _starts_another(text, current, event):
                current["last"] = event.end
                continue  # a list under a title, or the hearing of an addressed notice
            close(event.start)
            current = {"start": event.start, "kind": "hearing_sentence"}
    if current is not None:  # no signature: from the last part seen, over the lines that read like it
        close(_unsigned_end(text, current.get("last", current["start"])))
    unclaimed = _unclaimed(text, blocks)
    if unclaimed:
        merged = sorted(zip(blocks + unclaimed, kinds + ["unclaimed"] * len(unclaimed)))
        blocks, kinds = [block for block, _ in merged], [kind for _, kind in merged]
    return _signed_runs(text, blocks, kinds)


# A paragraph between the notices found that still speaks as a court or committee (本院, 本委)
# or serves by publication is a notice whose opening and signature were not recognised: it is
# kept as a candidate, for the extractor to read or reject, never dropped unseen. (A case number
# alone is no mark: news about a lawsuit prints one.)
CASE_MARK = regex.compile(rf"{SELF}|公告送达|视为送达")
PARAGRAPH = regex.compile(r"\S[^\n]*(?:\n[ \t]*\S[^\n]*)*")  # lines up to a blank line
MIN_NOTICE = 40  # characters: shorter text holds no notice that could be read


def _unclaimed(text: str, blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    found = []
    for lo, hi in zip([0] + [b for _, b in blocks], [a for a, _ in blocks] + [len(text)]):
        for paragraph in PARAGRAPH.finditer(text, lo, hi):
            a, b = paragraph.span()
            if b - a >= MIN_NOTICE and CASE_MARK.search(text, a, b):
                found.append((a, _rstrip(text, a, b)))
    return found


def _signed_runs(text: str, blocks: list[tuple[int, int]], kinds: list[str]):
    """A run of hearing sentences that one signature closes (the court and the date under the
    last) is one notice: its sentences are its hearings, all issued and dated by it."""
    merged = []
    k = 0
    while k < len(blocks):
        j = k
        while (j + 1 < len(blocks) and kinds[j] == kinds[j + 1] == "hearing_sentence"
               and not text[blocks[j][1]:blocks[j + 1][0]].strip()):
            j += 1
        if j > k and SIGNED.search(text, max(blocks[j][0], blocks[j][1] - 60), blocks[j][1]):
            merged.append((blocks[k][0], blocks[j][1], tuple(blocks[k:j + 1])))
        else:
            merged.extend((a, b, ()) for a, b in blocks[k:j + 1])
        k = j + 1
    return merged


SIGNED = regex.compile(rf"(?:{AUTHORITY_SUFFIX}|日)\s*$")

def _starts_another(text: str, current: dict, event: _Event) -> bool:
    """Does a hearing sentence ('本院定于…审理…一案') start a notice of its own?"""
    if not _has_body(text, current["start"], event.start):
        return False
    if current["kind"] == "hearing_sentence":
        return True
    if current.get("lists_hearings") and not TABLE.search(text, current["start"], event.start):
        return False  # 开庭公告: the hearings listed under it (a table lists them in its rows)
    # Inside an addressed notice the hearing is of 此案, of the case against 你, or of a case it
    # names by its cause alone (…开庭审理土地租赁合同纠纷一案); one that names parties is the next notice.
    return not ADDRESSED.search(text, event.start, event.end) and bool(NAMES_PARTIES.search(text, event.start, event.end))


LIST_START = regex.compile(r"[^\n]*[\t|][^\n]*[\t|]|\s*(?:\d{1,2}月\d{1,2}日|[(（]?[一二三四五六七八九十\d]{1,2}[)）、.])")


def _list_follows(text: str, end: int) -> bool:
    """Does a table or a list of items start on the line after a signature?"""
    line = text.find("\n", end)
    return line >= 0 and bool(LIST_START.match(text, line + 1))


NUMBERED = regex.compile(ITEM_MARK)


def _listed_party(text: str, event: _Event) -> bool:
    """One of the parties a notice lists, each with its case on its line (1.重庆川渝通达物流有限公司:
    申请人…一案,…开庭): an item's number opens the line and the case goes on after the colon. An
    addressee on a line of its own, numbered or not, opens a notice of its own."""
    line_start = text.rfind("\n", 0, event.start) + 1
    colon = text.rfind(":", event.start, event.end)  # the colon after the names, not one in their brackets
    numbered = NUMBERED.fullmatch(text, line_start, event.start) or NUMBERED.match(text, event.start)
    return bool(numbered) and colon >= 0 and text[colon + 1:colon + 2] not in ("\n", "")


SPEAKER = regex.compile(SELF)
ADDRESSED_CASE = regex.compile(rf"{ADDRESSED_CASE_LINE}[^\S\n]*")


def _next_addressed_case(text: str, current: dict, event: _Event) -> bool:
    """Is the addressee the next case of a titled notice that gives each case its own addressee,
    signed once at the end? Numbered under the title (一、甲公司: / 二、乙公司:), or on a line of its
    own case, as every line since the title's, in the words of one issuer (本院 throughout, not a
    committee's 本委 after a court's lines)."""
    line_start = text.rfind("\n", 0, event.start) + 1
    line_end = text.find("\n", event.start)
    line_end = len(text) if line_end < 0 else line_end
    if current.get("kind") != "title":
        return False
    if NUMBERED.fullmatch(text, line_start, event.start) or NUMBERED.match(text, event.start):
        return True  # 二、四川锦程建设工程有限公司: the next numbered addressee under the title
    if line_start != event.start or not ADDRESSED_CASE.fullmatch(text, line_start, line_end):
        return False
    first = text.find("\n", current["start"]) + 1  # the lines under the title
    lines = text[first:line_end].split("\n")
    speakers = {m.group() if (m := SPEAKER.search(line)) else None for line in lines}
    return first < line_start and len(speakers) == 1 and all(ADDRESSED_CASE.fullmatch(line) for line in lines)


LABEL_AT_LINE = regex.compile(rf"[^\S\n]*{LINE_LABEL}\s*:")
PARTY_LINE = regex.compile(rf"^[^\S\n]*(?:{CLAIMANT_ROLE}|{RESPONDENT_ROLE}|{THIRD_ROLE})\s*:[^\n]*", regex.MULTILINE)
NUMBER_LABEL_AT_LINE = regex.compile(r"[^\S\n]*案号\s*:")


def _labelled_in_list(text: str, current: dict, event: _Event) -> bool:
    """A labelled line of a hearing list's block (当事人:原告甲诉被告乙) is one of its hearings,
    and a line that labels its case number before the parties (案号:(2026)…号 被执行人:甲) one
    of the cases the open notice lists: neither starts another notice."""
    line_start = text.rfind("\n", 0, event.start) + 1
    if event.start > line_start and NUMBER_LABEL_AT_LINE.match(text, line_start):
        return True
    return bool(current.get("lists_hearings")) and bool(LABEL_AT_LINE.match(text, line_start))


def _has_body(text: str, a: int, b: int) -> bool:
    """Has text[a:b] said something (a sentence, or much) beyond the lines that set out the
    parties (被告:马俊海,男,…,住…。): those head the body that follows."""
    said = PARTY_LINE.sub("", text[a:b])
    return "。" in said or len(said) > 200


def _rstrip(text: str, a: int, b: int) -> int:
    while b > a and text[b - 1] in " \n\t":
        b -= 1
    return b


def _next_line_end(text: str, b: int) -> int:
    """The end of the line after the one that ends at b."""
    after = text.find("\n", b + 1)
    return len(text) if after < 0 else after


def _next_reads_like_notice(text: str, b: int) -> bool:
    return bool(NOTICE_LINE.search(text, b + 1, _next_line_end(text, b)))


def _unsigned_end(text: str, start: int) -> int:
    """A notice without signature runs over the following lines that read like a notice."""
    end = text.find("\n", start)
    if end < 0:
        return len(text)
    while end < len(text):
        nxt = _next_line_end(text, end)
        if not (NOTICE_LINE.search(text, end + 1, nxt) or _rule_between_items(text, end + 1, nxt)
                or _wrapped_piece(text, end + 1, nxt) or _cell_of_its_own(text, end + 1, nxt)):
            break
        end = nxt
    return end


RULE_LINE = regex.compile(rf"\s*{RULE}\s*")
CELL_LINE = 30  # characters: a table copied one cell to a line has short lines


def _cell_of_its_own(text: str, a: int, b: int) -> bool:
    """A cell of a table copied one cell to a line (a party's name between the cause and the
    next row's courtroom): short, no sentence, after a short line, and one of the next two
    lines reads like a notice, or the page ends."""
    before = text.rfind("\n", 0, a - 1) + 1
    if b - a > CELL_LINE or "。" in text[a:b] or a - 1 - before > CELL_LINE:
        return False
    for _ in range(2):
        if b >= len(text):
            return True  # the table's last row ends the page
        if _next_reads_like_notice(text, b):
            return True
        after = _next_line_end(text, b)
        if after - b - 1 > CELL_LINE:
            return False
        b = after
    return False


WRAPPED_PIECE = 12  # characters: the piece of a cell or name a line wrapped is short
LIST_GOES_ON = ("、", ",", "，")
CELL_MARKS = regex.compile(r"[\t:：【】\[\]]")  # a cell, a label: a line of its own, no piece of a cell


def _wrapped_piece(text: str, a: int, b: int) -> bool:
    """A short line between two lines of the notice, the rest of a table's cell: the line before
    is a row of cells, or broke off in a list of names (王某某 under 北京智云科技有限公司、); the
    line after it reads like a notice."""
    before = text.rfind("\n", 0, a - 1) + 1  # the line before: text[before:a - 1]
    row = "\t" in text[before:a] and not CELL_MARKS.search(text, a, b)  # the rest of a row's last cell
    broke_off = text[before:a].rstrip()[-1:] in LIST_GOES_ON
    if len(text[a:b].strip()) > WRAPPED_PIECE or b >= len(text) or not (row or broke_off):
        return False
    return _next_reads_like_notice(text, b)


def _rule_between_items(text: str, a: int, b: int) -> bool:
    """A rule (——————) that parts two items of one notice: the line after it reads like a notice."""
    return bool(RULE_LINE.fullmatch(text, a, b)) and _next_reads_like_notice(text, b)


def _orphan_start(text: str, floor: int, signature_at: int) -> int:
    """A signature with no opening seen: the notice is the run of notice-like lines before it,
    over one short line that is not (欢迎旁听。 under a table), which never begins the run."""
    start = signature_at
    passed = None  # where the run stood before the short line passed over
    while start > floor:
        prev = text.rfind("\n", floor, start - 1)
        line_start = floor if prev < 0 else prev + 1
        if NOTICE_LINE.search(text, line_start, start):
            passed = None
        elif passed is None and start - line_start <= SHORT_LINE:
            passed = start
        else:
            break
        start = line_start
        if prev < 0:
            break
    return passed if passed is not None else start


SHORT_LINE = 20


def _header_start(text: str, floor: int, at: int) -> int:
    """An addressee's notice takes in the frame lines just above it that no title opened (its
    issuer, 公告送达开庭通知, its case number) and the first part of its name a column wrapped, up to
    a blank line or the notice before."""
    start = at
    colon = text.find(":", at, at + 80)
    while start > floor:
        prev = text.rfind("\n", floor, start - 1)
        line_start = floor if prev < 0 else prev + 1
        line = text[line_start:start].strip()
        wrapped = start == at and colon > 0 and begins_wrapped_name(line, text[at:colon])  # 山西晋泰恒 / 源商贸有限公司:
        if not line or not (wrapped or FRAME_LINE.fullmatch(line)):
            break
        start = line_start
    return start


def segment(page_text: str) -> list[Block]:
    """Every notice-shaped block of the page, in page order."""
    found: list[Block] = []
    for a, b in windows(page_text):
        norm = normalize(page_text, a, b)
        found.extend(Block(norm, start, end, sentences) for start, end, sentences in split_notices(norm.text))
    return found
