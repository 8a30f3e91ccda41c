"""Scores on the labelled corpora, held by a ratchet: per corpus and field, true positives may
not fall and false positives and negatives may not rise; notices found may not fall, stray case
records may not rise.

The corpora: the shared development corpus (dev) and second sample (more), and fourteen sets of
notices written apart from the rules (tests/corpus, tests/corpus-b1 to -b13). The counts
live in tests/scores.json, reviewed by a person. When a change improves them, the test
still passes; tighten the ratchet by writing the new counts and reviewing the diff:

    notices eval <the corpora below, in this order> --json > tests/scores.json

The same corpora set in every page layout (OCR columns of 8 to 40 characters, two columns read
across, one line, letter-spaced, …) are held the same way, summed per layout, in
tests/layout_scores.json:

    notices eval <the same corpora> --layouts --json > tests/layout_scores.json
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from notices.evaluate import FIELDS, evaluate, layout_results

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCORES = json.loads((HERE / "scores.json").read_text(encoding="utf-8"))
LAYOUT_SCORES = json.loads((HERE / "layout_scores.json").read_text(encoding="utf-8"))


def corpus_path(name: str) -> Path:
    """A corpus named as `notices eval` was given it, from the repository root."""
    return (ROOT / name).resolve()


@pytest.fixture(scope="module", params=list(SCORES))
def scored(request):
    corpus = corpus_path(request.param)
    assert corpus.is_dir(), f"missing corpus {corpus}"
    cwd = os.getcwd()
    try:
        os.chdir(ROOT)  # results are named by the path as given
        return request.param, evaluate(Path(request.param))
    finally:
        os.chdir(cwd)


def test_the_ratchet_covers_every_corpus():
    expected = ["../shared/corpus/dev", "../shared/corpus/more", "tests/corpus"]
    expected += [f"tests/corpus-b1/{d}" for d in ("court", "special", "lists", "arb", "other")]
    expected += [f"tests/corpus-b2/{d}" for d in ("court", "lists", "arb", "pages")]
    expected += [f"tests/corpus-b3/{d}" for d in ("court", "pages")]
    expected += [f"tests/corpus-b{n}/mixed" for n in range(4, 11)] + ["tests/corpus-b10/pages"]
    expected += ["tests/corpus-b11/mixed", "tests/corpus-b11/pages"]
    expected += ["tests/corpus-b12/mixed", "tests/corpus-b12/pages"]
    expected += ["tests/corpus-b13/mixed", "tests/corpus-b13/pages"]
    assert list(SCORES) == expected


def test_every_file_is_scored(scored):
    _, result = scored
    assert result.files >= 25 and result.skipped == []


def test_notices_found_do_not_fall(scored):
    name, result = scored
    held = SCORES[name]["notices"]
    assert result.case_notices == held["of"], "the corpus changed: rewrite tests/scores.json"
    assert result.notices_found >= held["found"], (result.notices_found, held, result.lost)
    assert result.stray_case_records <= held["stray"], (result.stray_case_records, held, result.strays)


@pytest.mark.parametrize("field", FIELDS)
def test_field_counts_do_not_slip(scored, field):
    name, result = scored
    tp, fp, fn = SCORES[name][field]
    score = result.scores[field]
    misses = [m for m in result.misses if m.field == field]
    assert score.tp >= tp and score.fp <= fp and score.fn <= fn, ((score.tp, score.fp, score.fn), (tp, fp, fn), misses)


@pytest.fixture(scope="module")
def in_layouts():
    cwd = os.getcwd()
    try:
        os.chdir(ROOT)
        return {result.corpus: result for result in layout_results([Path(name) for name in SCORES])}
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize("layout", list(LAYOUT_SCORES))
def test_layout_counts_do_not_slip(in_layouts, layout):
    result, held = in_layouts[layout], LAYOUT_SCORES[layout]
    assert result.case_notices == held["notices"]["of"], "the corpora changed: rewrite tests/layout_scores.json"
    assert result.notices_found >= held["notices"]["found"], (result.notices_found, held["notices"])
    assert result.stray_case_records <= held["notices"]["stray"], (result.stray_case_records, held["notices"])
    slipped = {field: (result.scores[field].tp, result.scores[field].fp, result.scores[field].fn, held[field])
               for field in FIELDS if result.scores[field].tp < held[field][0] or result.scores[field].fp > held[field][1]
               or result.scores[field].fn > held[field][2]}
    assert not slipped


def test_a_skipped_look_alike_does_not_take_its_neighbours_record():
    """A page of notice, look-alike, notice: the extractor rightly gives two records; the
    look-alike's gold must not pair with the second notice's record and count it stray."""
    from notices.evaluate import _pair

    notice = {"notice_type": "hearing", "authority": "甲市人民法院", "respondents": ["张三"], "claimants": [],
              "case_numbers": ["(2026)甲0101民初1号"], "dispute_type": None, "hearing_datetime": None,
              "venue": None, "publication_date": None}
    other = {**notice, "respondents": ["李四"], "case_numbers": ["(2026)甲0101民初2号"]}
    look_alike = {key: None for key in notice} | {"notice_type": "other", "respondents": [], "claimants": [],
                                                   "case_numbers": []}
    pairs = _pair([notice, look_alike, other], [notice, other])
    assert pairs == [(notice, notice), (look_alike, None), (other, other)]
