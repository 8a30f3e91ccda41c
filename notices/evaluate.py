"""Score extraction against a labelled corpus (../shared/corpus/README.md format).

Each NAME.txt is run through the extractor and compared with NAME.json, one gold record or a
list of them. Strings are compared after NFKC width folding, whitespace removal, one bracket
form and simplified characters; case numbers also ignore 第; a venue is right when one of gold
and extracted contains the other; lists are compared as sets.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from tabulate import tabulate

from notices.cases import fold as fold_printing
from notices.model import Notice
from notices.normalize import to_simplified
from notices.pipeline import extract_text
from notices.read import UnreadablePage, read_page

SCALARS = ("notice_type", "authority", "dispute_type", "hearing_datetime", "venue", "publication_date")
LISTS = ("respondents", "claimants", "case_numbers")
FIELDS = SCALARS[:2] + LISTS + SCALARS[2:]


def fold(value: str) -> str:
    """As the corpus README compares strings: width, blanks and brackets folded, simplified."""
    return to_simplified(fold_printing(value))


def _value(name: str, record: dict):
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
    if name == "hearing_datetime":
        return got[: len(gold)] == gold if len(gold) == 10 else got[:16] == gold[:16]
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


@dataclass
class Result:
    scores: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    misses: list[tuple[str, str, object, object]] = field(default_factory=list)
    files: int = 0
    gold_records: int = 0
    found_records: int = 0
    skipped: list[str] = field(default_factory=list)


def _compare(result: Result, name: str, gold: dict, got: dict) -> None:
    for key in FIELDS:
        g, p = _value(key, gold), _value(key, got)
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
            result.misses.append((name, key, gold.get(key), got.get(key)))


def _agreement(gold: dict, got: dict) -> int:
    return sum(_value(k, gold) == _value(k, got) and _value(k, gold) not in (None, set()) for k in FIELDS)


def _pair(golds: list[dict], found: list[dict]) -> list[tuple[dict, dict | None]]:
    """Each gold record with the found record that agrees with it most (each used once)."""
    left = list(found)
    pairs = []
    for gold in golds:
        best = max(left, key=lambda got: _agreement(gold, got), default=None)
        if best is not None:
            left.remove(best)
        pairs.append((gold, best))
    return pairs + [({}, extra) for extra in left]


def _as_gold(notice: Notice) -> dict:
    record = notice.record()
    if notice.hearing_datetime:
        record["hearing_datetime"] = notice.hearing_datetime.strftime("%Y-%m-%dT%H:%M")
    return record


def evaluate(corpus: Path) -> Result:
    """Score every labelled notice of the corpus; a file that cannot be read is named in
    result.skipped and scores nothing."""
    result = Result()
    for text_file in sorted(corpus.glob("*.txt")):
        gold_file = text_file.with_suffix(".json")
        if not gold_file.exists():
            continue
        try:
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
            page = read_page(text_file)
        except (OSError, ValueError, UnreadablePage) as error:  # JSONDecodeError and UnicodeError are ValueErrors
            result.skipped.append(f"{text_file.stem}: {error}")
            continue
        golds = gold if isinstance(gold, list) else [gold]
        found = [_as_gold(n) for n in extract_text(page.text, text_file.name, page.page_date)]
        result.files += 1
        result.gold_records += len(golds)
        result.found_records += len(found)
        for g, got in _pair(golds, found):
            _compare(result, text_file.stem, g, got or {})
    return result


def report(result: Result, misses: int = 40) -> str:
    rows = [(name, s.tp, s.fp, s.fn, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}")
            for name, s in ((n, result.scores[n]) for n in FIELDS)]
    lines = [f"{result.files} files, {result.gold_records} gold records, {result.found_records} extracted",
             tabulate(rows, headers=("field", "tp", "fp", "fn", "precision", "recall", "F1"))]
    if result.skipped:
        lines.append("\nnot scored (unreadable):\n" + "\n".join(f"  {why}" for why in result.skipped))
    if result.misses and misses:
        lines.append(f"\nmisses ({len(result.misses)}; first {min(misses, len(result.misses))}):")
        for name, key, gold, got in result.misses[:misses]:
            lines.append(f"  {name:<12} {key:<17} gold={gold!r} got={got!r}")
    return "\n".join(lines)
