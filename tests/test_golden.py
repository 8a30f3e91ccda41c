"""Golden pages: tests/pages/NAME.txt and its reviewed NAME.expected.json (the page's records).

The expected files were checked field by field against the page text. A missing one fails;
NOTICES_WRITE_GOLDEN=1 rewrites them on a developer's machine (never in CI) for review.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from notices.normalize import normalize
from notices.pipeline import extract_page

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "tests" / "pages").glob("*.txt"))
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def records(path: Path) -> list[dict]:
    return [notice.record() for notice in extract_page(path.relative_to(ROOT).as_posix()).notices]


@pytest.fixture(autouse=True)
def in_root(monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_golden_page(page):
    expected = page.with_name(page.stem + ".expected.json")
    if os.environ.get("NOTICES_WRITE_GOLDEN") and not os.environ.get("CI"):
        expected.write_text(json.dumps(records(page), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        pytest.skip(f"wrote {expected.name}: review the diff before it is committed")  # never passes what it wrote
    assert expected.exists(), f"no golden file {expected.name}: review the records and write it"
    assert records(page) == json.loads(expected.read_text(encoding="utf-8"))


def test_seed_001_has_its_six_notices():
    found = records(ROOT / "seeds" / "001_b5eb491884ba4549.txt")
    assert [r["respondents"] for r in found] == [
        ["青岛意合达金属制品有限公司"], ["青岛佳豪塑钢门窗有限公司"], ["山东安齐建筑安装劳务有限公司"],
        ["济南染优传媒有限公司"], ["新地能源工程技术有限公司"], ["山东安齐建筑安装劳务有限公司"]]
    assert [r["notice_type"] for r in found].count("hearing") == 2


@pytest.mark.parametrize("page", [p for p in SEEDS if not p.name.startswith("001_")], ids=lambda p: p.stem)
def test_news_pages_give_no_notice(page):
    """These pages mention 公告, lawsuits and courts in news stories: none is a notice."""
    assert records(page) == []


@pytest.mark.parametrize("page", PAGES + SEEDS, ids=lambda p: p.stem)
def test_evidence_points_at_its_value(page):
    text = page.read_text(encoding="utf-8")
    for record in records(page):
        start, end = record["span"]
        assert 0 <= start < end <= len(text)
        for field, spans in record["evidence"].items():
            values = record[field] if isinstance(record[field], list) else [record[field]]
            for (a, b), value in zip(spans, values):
                assert start <= a < b <= end
                shown = normalize(text, a, b).text
                if field in ("hearing_datetime", "publication_date"):
                    assert shown[:1].isdigit() or shown[:1] in "〇○一二三四五六七八九十同", (field, shown)
                else:
                    assert shown == value, (field, shown, value)
