"""Scores on labelled corpora: the shared development corpus, and tests/corpus, notices written
apart from the rules (other courts, committees, case-number styles and layouts) to check that
the rules carry over. Every field must keep F1 >= 0.95 on both."""
from __future__ import annotations

from pathlib import Path

import pytest

from notices.evaluate import FIELDS, evaluate

HERE = Path(__file__).resolve().parent
CORPORA = {"dev": HERE.parents[1] / "shared" / "corpus" / "dev", "written-apart": HERE / "corpus"}


@pytest.fixture(scope="module", params=list(CORPORA))
def result(request):
    corpus = CORPORA[request.param]
    assert corpus.is_dir(), f"missing corpus {corpus}"
    return evaluate(corpus)


def test_every_file_is_scored(result):
    assert result.files >= 45 and result.skipped == []


@pytest.mark.parametrize("field", FIELDS)
def test_field_f1(result, field):
    score = result.scores[field]
    assert score.f1 >= 0.95, (field, score, [m for m in result.misses if m[1] == field])
