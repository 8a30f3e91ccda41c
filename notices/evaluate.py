"""Score extraction against labelled corpora (../shared/corpus/README.md format).

Each page file NAME.txt (or .html, .md, .pdf) is run through the extractor and compared with
NAME.json, one gold record or a list of them. Strings are compared after NFKC width folding,
whitespace removal, one bracket form and simplified characters; case numbers also ignore 第; a
venue is right when one of gold and extracted contains the other; lists are compared as sets.

A gold record of no case (a look-alike) that no extracted record pairs with is not scored: left
alone or reported as `other` with no parties, it is harmless. Beside the per-field scores, two
figures about notices as a whole:
- notice recall: gold case records (naming a party, a case number or a hearing) that were
  found, i.e. paired with an extracted record sharing a case number, a party or the hearing;
- stray case records: extracted records naming a party or a case number that pair with no gold
  case record (a look-alike or news read as a case notice, or one notice split in two).
"""
from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field
from collections.abc import Callable
from pathlib import Path

from tabulate import tabulate

from notices.cases import fold as fold_printing
from notices.layouts import on_news_page
from notices.model import Notice
from notices.normalize import to_simplified
from notices.pipeline import extract_text
from notices.read import PAGE_SUFFIXES, UnreadablePage, read_page, text_page

SCALARS = ("notice_type", "authority", "dispute_type", "hearing_datetime", "venue", "publication_date")
LISTS = ("respondents", "claimants", "case_numbers")
FIELDS = SCALARS[:2] + LISTS + SCALARS[2:] + ("event",)
IDENTIFYING = ("case_numbers", "respondents", "claimants")


def fold(value: str) -> str:
    """As the corpus README compares strings: width, blanks and brackets folded, simplified."""
    return to_simplified(fold_printing(value))


def scored_value(name: str, record: dict):
    """A field of a record as it is compared: folded strings, sets for lists, None when empty."""
    if name == "event":  # the gold's one event; a record's first: its kind and when, to the minute
        event = record.get("event") or next(iter(record.get("events") or []), None)
        when = event and (event.get("datetime") or event.get("start"))
        return f"{event['kind']} {when[:16]}" if when else None
    value = record.get(name)
    if value in (None, "", []):
        return None if name in SCALARS else set()
    if name in LISTS:
        items = {fold(v) for v in value}
        return {v.replace("第", "") for v in items} if name == "case_numbers" else items
    return fold(str(value))


def _same(name: str, gold, got) -> bool:
    if name == "venue":
        return gold in got or got in gold
    return gold == got


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Miss:
    file: str
    field: str
    gold: object
    got: object


@dataclass
class Result:
    corpus: str = ""
    scores: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    misses: list[Miss] = field(default_factory=list)
    files: int = 0
    gold_records: int = 0
    found_records: int = 0
    case_notices: int = 0  # gold records that name a party, a case number or a hearing
    notices_found: int = 0  # of those, paired with an extracted record that shares one of them
    lost: list[str] = field(default_factory=list)  # files with a gold case record not found
    stray_case_records: int = 0
    strays: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def notice_recall(self) -> float:
        return self.notices_found / self.case_notices if self.case_notices else 1.0


def is_case_record(record: dict) -> bool:
    return any(scored_value(k, record) for k in IDENTIFYING) or scored_value("hearing_datetime", record) is not None


def is_found(gold: dict, got: dict | None) -> bool:
    """The extracted record is this gold notice: it shares a case number, a party or the hearing."""
    if got is None:
        return False
    if any(scored_value(k, gold) & scored_value(k, got) for k in IDENTIFYING):
        return True
    hearing = scored_value("hearing_datetime", gold)
    return hearing is not None and hearing == scored_value("hearing_datetime", got)


def _compare(result: Result, name: str, gold: dict, got: dict) -> None:
    for key in FIELDS:
        g, p = scored_value(key, gold), scored_value(key, got)
        score = result.scores[key]
        if key in LISTS:
            score.tp += len(g & p)
            score.fp += len(p - g)
            score.fn += len(g - p)
            ok = g == p
        else:
            ok = (g is None and p is None) or (g is not None and p is not None and _same(key, g, p))
            if ok:
                score.tp += g is not None
            else:
                score.fp += p is not None
                score.fn += g is not None
        if not ok:
            result.misses.append(Miss(name, key, gold.get(key), got.get(key)))


def _agreement(gold: dict, got: dict) -> int:
    return sum(scored_value(k, gold) == scored_value(k, got) and scored_value(k, gold) not in (None, set())
               for k in FIELDS) + 2 * is_found(gold, got)


def _pair(golds: list[dict], found: list[dict]) -> list[tuple[dict, dict | None]]:
    """Each gold record with the found record that agrees with it most (each used once). Case
    records choose first, so a look-alike the extractor rightly skipped cannot take a neighbour's
    record; a record pairs with a gold it agrees with in nothing only when neither is a case record."""
    left = list(found)
    paired: dict[int, dict | None] = {}
    for i in sorted(range(len(golds)), key=lambda i: not is_case_record(golds[i])):
        gold = golds[i]
        best = max(left, key=lambda got: _agreement(gold, got), default=None)
        if best is not None and (_agreement(gold, best) or not (is_case_record(best) or is_case_record(gold))):
            left.remove(best)
        else:
            best = None
        paired[i] = best
    return [(gold, paired[i]) for i, gold in enumerate(golds)] + [({}, extra) for extra in left]


def as_gold(notice: Notice) -> dict:
    """A record in the corpus's own form: the hearing as YYYY-MM-DDTHH:MM, or the date alone."""
    record = notice.record()
    when = notice.hearing_datetime
    if isinstance(when, dt.datetime):
        record["hearing_datetime"] = when.strftime("%Y-%m-%dT%H:%M")
    return record


def labelled_pages(corpus: Path) -> list[tuple[Path, Path]]:
    """(page, gold) file pairs of a corpus directory, in name order."""
    pages = [p for p in sorted(corpus.iterdir()) if p.suffix.lower() in PAGE_SUFFIXES]
    return [(page, page.with_suffix(".json")) for page in pages if page.with_suffix(".json").exists()]


def evaluate(corpus: Path, layout: Callable[[str], str] | None = None, name: str | None = None) -> Result:
    """Score every labelled page of the corpus; a file that cannot be read is named in
    result.skipped and scores nothing. With a layout, each page is scored set in it among news."""
    result = Result(corpus=f"{corpus} [{name}]" if name else str(corpus))
    for page_file, gold_file in labelled_pages(corpus):
        try:
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
            page = read_page(page_file)
        except (OSError, ValueError, UnreadablePage) as error:  # JSONDecodeError and UnicodeError are ValueErrors
            result.skipped.append(f"{page_file.stem}: {error}")
            continue
        golds = gold if isinstance(gold, list) else [gold]
        text = text_page(layout(on_news_page(page.text)), page_file.name).text if layout else page.text
        found = [as_gold(n) for n in extract_text(text, page_file.name, page.page_date)]
        result.files += 1
        result.gold_records += len(golds)
        result.found_records += len(found)
        for g, got in _pair(golds, found):
            if g and got is None and not is_case_record(g):
                continue  # a look-alike the extractor left alone: harmless, as a record of it would be
            if g and is_case_record(g):
                result.case_notices += 1
                if is_found(g, got):
                    result.notices_found += 1
                elif page_file.stem not in result.lost:
                    result.lost.append(page_file.stem)
            elif got is not None and any(scored_value(k, got) for k in IDENTIFYING):
                result.stray_case_records += 1
                result.strays.append(page_file.stem)
            _compare(result, page_file.stem, g, got or {})
    return result


def summary_line(result: Result) -> str:
    return (f"{result.files} files, {result.gold_records} gold records, {result.found_records} extracted; "
            f"notices found {result.notices_found}/{result.case_notices} ({result.notice_recall:.3f}); "
            f"stray case records {result.stray_case_records}")


def report(result: Result, misses: int = 40) -> str:
    rows = [(name, s.tp, s.fp, s.fn, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}")
            for name, s in ((n, result.scores[n]) for n in FIELDS)]
    lines = [f"{result.corpus}: {summary_line(result)}",
             tabulate(rows, headers=("field", "tp", "fp", "fn", "precision", "recall", "F1"))]
    if result.lost:
        lines.append("notices not found in: " + ", ".join(result.lost))
    if result.strays:
        lines.append("stray case records in: " + ", ".join(sorted(set(result.strays))))
    if result.skipped:
        lines.append("\nnot scored (unreadable):\n" + "\n".join(f"  {why}" for why in result.skipped))
    if result.misses and misses:
        lines.append(f"\nmisses ({len(result.misses)}; first {min(misses, len(result.misses))}):")
        for miss in result.misses[:misses]:
            lines.append(f"  {miss.file:<12} {miss.field:<17} gold={miss.gold!r} got={miss.got!r}")
    return "\n".join(lines)


def combined(results: list[Result]) -> Result:
    """Every corpus's counts added up."""
    total = Result(corpus="all")
    for result in results:
        for name, score in result.scores.items():
            total.scores[name].tp += score.tp
            total.scores[name].fp += score.fp
            total.scores[name].fn += score.fn
        for counter in ("files", "gold_records", "found_records", "case_notices", "notices_found",
                        "stray_case_records"):
            setattr(total, counter, getattr(total, counter) + getattr(result, counter))
    return total


_NEWS_COLUMN = ("开源大模型能否赶超闭源大模型。当前，OpenAI无论是在大语言模型还是文生视频模型上，都处于行业领先水平。"
                "但由于OpenAI没有向外界公布其技术细节，所以大家很难复现模型的结果。业内的一个普遍共识是，目前闭源大模型的能力"
                "和性能总体领先于开源大模型。")


def scored_layouts() -> dict[str, Callable[[str], str] | None]:
    """The page layouts a corpus is scored in: as printed, the layouts of notices.layouts, OCR
    columns of widths from 8 to 40, two OCR columns read across the page line by line, and two
    columns printed side by side on every line (the page beside a column of news)."""
    from notices.layouts import LAYOUTS, interleaved, ocr_column, side_by_side

    layouts: dict[str, Callable[[str], str] | None] = {"plain": None, **LAYOUTS}
    layouts.update({f"ocr_column_{w}": (lambda text, w=w: ocr_column(text, w)) for w in (8, 10, 12, 20, 24, 30, 36, 40)})
    layouts["interleaved"] = lambda text: interleaved(text, _NEWS_COLUMN * (1 + len(text) // len(_NEWS_COLUMN)))
    layouts["side_by_side"] = lambda text: side_by_side(text, _NEWS_COLUMN * (1 + len(text) // len(_NEWS_COLUMN)), width=18)
    return layouts


def layout_results(corpora: list[Path]) -> list[Result]:
    """The corpora's counts added up, in every scored layout, each named by its layout."""
    results = []
    for name, layout in scored_layouts().items():
        total = combined([evaluate(corpus, layout, name) for corpus in corpora])
        total.corpus = name
        results.append(total)
    return results


def layout_report(results: list[Result]) -> str:
    """Notice recall, stray case records and the lowest field F1 in every layout."""
    rows = []
    for total in results:
        worst = min(FIELDS, key=lambda field: total.scores[field].f1)
        rows.append((total.corpus, f"{total.notices_found}/{total.case_notices}", f"{total.notice_recall:.3f}",
                     total.stray_case_records, f"{worst} {total.scores[worst].f1:.3f}"))
    return tabulate(rows, headers=("layout", "notices found", "recall", "stray case records", "lowest field F1"))


def scores_json(results: list[Result]) -> str:
    """The counts a ratchet keeps, per corpus (named as given): notices found, and tp, fp, fn
    of each field; one line per field, so a change reads as a diff."""
    lines = ["{"]
    for k, result in enumerate(results):
        lines.append(f'  "{result.corpus}": {{')
        lines.append(f'    "notices": {{"found": {result.notices_found}, "of": {result.case_notices}, '
                     f'"stray": {result.stray_case_records}}},')
        fields = [f'    "{name}": [{result.scores[name].tp}, {result.scores[name].fp}, {result.scores[name].fn}]'
                  for name in FIELDS]
        lines.append(",\n".join(fields))
        lines.append("  }" + ("," if k < len(results) - 1 else ""))
    lines.append("}")
    return "\n".join(lines) + "\n"
