"""The review page a run writes, in a real browser: headless Chromium from the system's packages
(tests/system-packages.sh), driven by Playwright. Highlights, filters, search and the checked
marks are what a reviewer uses; each is tried as they would. NOTICES_SCREENSHOT=FILE.png keeps a
screenshot of the page to look at."""
from __future__ import annotations

import csv
import io
import os
import shutil
import unicodedata
from pathlib import Path

import pytest

from notices.cli import main

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
WATCHED = "青岛佳豪塑钢门窗有限公司"
# As the machine's browser must be started here: no sandbox as root, and nothing that reaches out.
CHROMIUM_ARGS = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def run_page(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("review")
    pages = work / "pages"
    shutil.copytree(ROOT / "seeds", pages)
    shutil.copy(ROOT / "tests" / "pages" / "court_bulletin.txt", pages)
    cwd = os.getcwd()
    os.chdir(work)
    try:
        assert main(["watch", "add", WATCHED]) == 0
        assert main(["run", "pages", "--today", "2026-04-01"]) == 0
    finally:
        os.chdir(cwd)
    return work / "exports" / "review" / "run-0001.html"


@pytest.fixture(scope="module")
def browser():
    from playwright import sync_api  # a test extra: pip install -e '.[test]'

    if not CHROMIUM.exists():
        pytest.fail("Chromium is not installed: sh tests/system-packages.sh")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, run_page):
    context = browser.new_context(viewport={"width": 1200, "height": 900}, accept_downloads=True)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on("requestfailed", lambda request: errors.append(f"request {request.url}"))
    tab.goto(run_page.as_uri())
    yield tab
    assert errors == []  # no script error, nothing fetched
    context.close()


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def shown(page) -> list[dict]:
    return page.eval_on_selector_all("article.notice:not([hidden])", "els => els.map(e => ({...e.dataset}))")


def test_every_notice_is_shown_with_its_fields_marked_in_the_text(page):
    articles = page.locator("article.notice")
    assert articles.count() == 9 and page.locator("#shown").inner_text() == "9 / 9"
    for i in range(articles.count()):
        article = articles.nth(i)
        respondents = article.get_attribute("data-respondents")
        marked = article.locator(".own mark.respondents").all_inner_texts()
        assert respondents and marked and {fold(m) for m in marked} <= set(respondents.split("；")), respondents
        cases = article.get_attribute("data-cases")
        printed = [fold(text) for text in article.locator(".own mark.case_numbers").all_inner_texts()]
        assert printed == (cases.split("；") if cases else [])  # as printed: full-width brackets
    hearing = page.locator("article.notice", has=page.locator(f".own mark.respondents:text-is('{WATCHED}')"))
    assert hearing.locator(".own mark.hearing_datetime").inner_text() == "2026年6月9日14时00分"
    background = hearing.locator(".own mark.hearing_datetime").evaluate("e => getComputedStyle(e).backgroundColor")
    assert background == "rgb(155, 246, 255)"  # the legend's colour for the hearing
    path = os.environ.get("NOTICES_SCREENSHOT")
    if path:
        page.screenshot(path=path, full_page=False)


def test_search_finds_a_notice_by_a_name_in_it_not_in_the_page_around_it(page):
    page.fill("#search", "浦东")
    assert [n["authority"] for n in shown(page)] == ["上海市浦东新区人民法院"]
    assert page.locator("#shown").inner_text() == "1 / 9"
    page.fill("#search", "")
    assert len(shown(page)) == 9


def test_filters_show_only_what_they_say(page):
    page.check("#f-problems")
    assert shown(page) and all(n["problems"] != "0" for n in shown(page))
    page.uncheck("#f-problems")
    page.check("#f-hit")
    assert [n["respondents"] for n in shown(page)] == [WATCHED]
    page.uncheck("#f-hit")
    page.select_option("#f-authority", "广州市天河区人民法院")
    assert {n["authority"] for n in shown(page)} == {"广州市天河区人民法院"}
    page.select_option("#f-authority", "")
    page.select_option("#f-type", "hearing")
    assert shown(page) and {n["type"] for n in shown(page)} == {"hearing"}
    page.select_option("#f-type", "")
    page.check("#f-new")
    assert len(shown(page)) == 9  # a first run: every notice is new


def test_a_checked_mark_persists_and_is_exported(page):
    first = page.locator("article.notice").first
    notice_id = first.get_attribute("data-id")
    first.locator("input.checked").check()
    page.reload()
    assert page.locator(f"article[data-id='{notice_id}'] input.checked").is_checked()
    page.check("#f-unchecked")
    assert notice_id not in [n["id"] for n in shown(page)] and len(shown(page)) == 8
    with page.expect_download() as download:
        page.click("#export")
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig"))))
    assert [(row["id"], row["case_numbers"]) for row in rows] == [(notice_id, first.get_attribute("data-cases"))]
