"""The tracking commands end to end on real SQLite files and real exports.

Most tests read pages through a stand-in pipeline (a page is a JSON list of notices), so they
test the tracking, not the extractor; the last ones run the real pipeline on the seed pages.
"""
from __future__ import annotations

import datetime as dt
import csv
import io
import json
import re
import os
import shutil
import sqlite3
import sys
import types
from pathlib import Path

import pytest

from notices.cli import main
from notices.model import Notice
from notices.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEED_WITH_NOTICES = ROOT / "seeds" / "001_b5eb491884ba4549.txt"
WATCHED = "青岛佳豪塑钢门窗有限公司"
TODAY = "2026-04-01"


def notice_fields(number: int, hearing: str | None = "2026-06-09T14:00", published="2026-03-25",
                  respondent=WATCHED, notice_type="hearing") -> dict:
    return {
        "span": [number, number + 50], "notice_type": notice_type,
        "authority": "青岛市黄岛区劳动人事争议仲裁委员会", "respondents": [respondent], "claimants": ["张焕合"],
        "case_numbers": [f"青黄劳人仲案字[2026]第{number}号"], "dispute_type": "劳动报酬争议",
        "hearing_datetime": f"{hearing}:00+08:00" if hearing else None, "venue": "本委仲裁庭",
        "publication_date": published,
    }


def fake_extract_bytes(content: bytes, path) -> types.SimpleNamespace:
    """A page is a JSON list of notice fields; anything else is an unreadable page."""
    data = json.loads(content.decode("utf-8"))  # a broken page raises: the run goes on
    notices = [Notice(page=str(path), **fields).with_id() for fields in data]
    return types.SimpleNamespace(page=str(path), notices=notices, page_date=None, error=None, notes=())


def fake_iter_page_files(paths, skip=()):
    files = []
    skipped = [folder.resolve() for folder in map(Path, skip)]
    for path in map(Path, paths):
        files += sorted(p for p in path.rglob("*") if p.is_file() and not any(
            folder in p.resolve().parents for folder in skipped)) if path.is_dir() else [path]
    return files


@pytest.fixture
def fake_pipeline(monkeypatch):
    module = types.ModuleType("notices.pipeline")
    module.extract_bytes = fake_extract_bytes
    module.iter_page_files = fake_iter_page_files
    monkeypatch.setitem(sys.modules, "notices.pipeline", module)


@pytest.fixture
def work(tmp_path, monkeypatch, fake_pipeline) -> Path:
    """A project directory: pages/ with two pages, the store and exports under exports/."""
    monkeypatch.chdir(tmp_path)
    write_page(tmp_path / "pages" / "2026-03-25.json", [notice_fields(1), notice_fields(2, respondent="别家有限公司")])
    write_page(tmp_path / "pages" / "2026-03-26.json", [notice_fields(2, respondent="别家有限公司"),
                                                        notice_fields(3, hearing=None, notice_type="decision_service")])
    return tmp_path


def write_page(path: Path, notices: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(notices, ensure_ascii=False), encoding="utf-8")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def export_bytes(outdir: Path) -> dict[str, bytes]:
    return {path.relative_to(outdir).as_posix(): path.read_bytes() for path in sorted(outdir.rglob("*"))
            if path.is_file() and not path.name.startswith("notices.db")}


def table_rows(db: Path) -> list[str]:
    with sqlite3.connect(db) as connection:
        return list(connection.iterdump())


def record_rows(db: Path) -> list[str]:
    """The rows of what was read (pages, notices, sightings…), not of the runs that read them."""
    return [row for row in table_rows(db) if "run" not in row.split("(", 1)[0]]


def test_run_stores_pages_writes_exports_and_summarizes(work, capsys):
    code, out, err = run(capsys, "run", "pages", "--today", TODAY)
    assert code == 0, err
    assert "pages read: 2 (2 new, 0 already stored, 0 failed)" in out
    assert "notices found: 4 (3 new, 1 already known); in the store: 3 notices, 3 cases" in out
    assert "upcoming hearings (from 2026-04-01): 2" in out
    assert set(export_bytes(work / "exports")) >= {"notices.csv", "cases.csv", "notices.xlsx", "notices.jsonl",
                                                   "hearings.ics", "review.html"}
    with Store.open(work / "exports" / "notices.db") as store:
        counts = store.counts()
        assert (counts["pages"], counts["notices"], counts["sightings"]) == (2, 3, 4)
    assert err == ""  # no progress bar when stderr is not a terminal


def test_summary_lists_the_new_notices_and_one_line_per_kind_of_problem(work, capsys):
    unnamed = {**notice_fields(5), "case_numbers": [], "authority": None, "problems": [
        {"field": "authority", "code": "not_found", "message": "the issuing body is not named"},
        {"field": "case_numbers", "code": "not_found", "message": "no case number"}]}
    unsigned = {**notice_fields(6), "authority": None, "problems": [
        {"field": "authority", "code": "not_found", "message": "the issuing body is not named"}]}
    write_page(work / "pages" / "2026-03-27.json", [unnamed, unsigned])
    out = run(capsys, "run", "pages", "--today", TODAY)[1]
    assert "new notices: 5\n" in out
    assert f"  青黄劳人仲案字[2026]第1号  开庭 hearing\n      {WATCHED}  2026-06-09 14:00\n" in out
    assert f"  no case number  开庭 hearing\n      {WATCHED}  2026-06-09 14:00\n" in out
    assert out.endswith("problems:\n  authority not_found: 2 new notices\n"
                        "  case_numbers not_found: 1 new notice (see the review export)\nexports: 7 files in exports/\n"
                        "review page: exports/review/run-0001.html\n")
    assert "parties:" not in out  # the store's key for a case without a number is not for users
    assert "new notices" not in run(capsys, "run", "pages", "--today", TODAY)[1]


def test_a_case_without_a_number_is_found_by_a_party(work, capsys):
    write_page(work / "pages" / "2026-03-27.json", [{**notice_fields(5, respondent="某某餐饮店"), "case_numbers": []}])
    run(capsys, "run", "pages", "--today", TODAY)
    code, out, _ = run(capsys, "case", "某某餐饮店", "--today", TODAY)
    assert code == 0
    assert out.startswith("case:         no case number\n")


def test_run_reads_a_page_from_standard_input(work, capsys, monkeypatch):
    page = json.dumps([notice_fields(7)], ensure_ascii=False).encode("utf-8")
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=io.BytesIO(page)))
    code, out, _ = run(capsys, "run", "-", "--today", TODAY)
    assert code == 0 and "notices found: 1 (1 new, 0 already known)" in out
    [stored] = Store.open(work / "exports" / "notices.db", readonly=True).notices()
    assert stored.page == "(standard input)"


def test_xlsx_is_not_written_to_a_terminal(work, capsys, monkeypatch):
    run(capsys, "run", "pages", "--today", TODAY)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    code, out, err = run(capsys, "export", "xlsx")
    assert (code, out) == (2, "")
    assert err.startswith("notices: xlsx is a binary file") and "-o FILE.xlsx" in err


def test_second_run_changes_no_row_and_no_byte(work, capsys):
    run(capsys, "run", "pages", "--today", TODAY)
    rows, exports = table_rows(work / "exports" / "notices.db"), export_bytes(work / "exports")
    code, out, _ = run(capsys, "run", "pages", "--today", TODAY)
    assert code == 0
    assert "pages read: 2 (0 new, 2 already stored, 0 failed)" in out
    assert "notices found: 4 (0 new, 4 already known)" in out
    assert table_rows(work / "exports" / "notices.db") == rows
    shutil.copytree(work / "pages", work / "copies")
    assert "pages read: 2 (0 new, 2 already stored" in run(capsys, "run", "copies", "--today", TODAY, "--reread")[1]
    assert table_rows(work / "exports" / "notices.db") == rows  # a copy is not a second printing
    assert export_bytes(work / "exports") == exports


def test_new_pages_add_only_what_is_new(work, capsys):
    run(capsys, "run", "pages", "--today", TODAY)
    moved = notice_fields(1, hearing="2026-06-30T09:30", published="2026-04-02")
    write_page(work / "inbox" / "2026-04-02.json", [moved, notice_fields(2, respondent="别家有限公司")])
    code, out, _ = run(capsys, "run", "inbox", "--today", TODAY)
    assert code == 0
    assert "notices found: 2 (1 new, 1 already known); in the store: 4 notices, 3 cases" in out
    code, out, _ = run(capsys, "case", "青黄劳人仲案字〔2026〕1号", "--format", "jsonl")
    case = json.loads(out)
    assert case["hearing"] == "2026-06-30T09:30:00+08:00"
    assert case["hearing_history"] == ["2026-06-09T14:00:00+08:00", "2026-06-30T09:30:00+08:00"]


def test_a_page_stored_by_another_run_after_the_check_is_already_stored(work, capsys, monkeypatch):
    run(capsys, "run", "pages", "--today", TODAY)
    rows = record_rows(work / "exports" / "notices.db")
    shutil.copytree(work / "pages", work / "copies")
    # The check before extracting finds nothing, as when another run stores the page just after it.
    monkeypatch.setattr(Store, "page_path", lambda store, sha256: None)
    for args in [["copies"], ["copies", "--reread"], ["pages"]]:
        code, out, _ = run(capsys, "run", *args, "--today", TODAY)
        assert code == 0
        assert "pages read: 2 (0 new, 2 already stored, 0 failed)" in out, args
        assert "notices found: 4 (0 new, 4 already known)" in out
    assert "pages read: 2 (2 new, 0 already stored" in run(capsys, "run", "pages", "--today", TODAY, "--reread")[1]
    assert record_rows(work / "exports" / "notices.db") == rows


def test_unreadable_page_is_reported_and_skipped(work, capsys):
    (work / "pages" / "2026-03-27.json").write_text("{ not a page", encoding="utf-8")
    code, out, err = run(capsys, "run", "pages", "--today", TODAY)
    assert code == 1
    assert err.startswith("notices: cannot read pages/2026-03-27.json: JSONDecodeError")
    assert "pages read: 3 (2 new, 0 already stored, 1 failed)" in out
    assert "problems: 1 page could not be read (named on stderr)" in out
    with Store.open(work / "exports" / "notices.db") as store:
        assert store.counts()["pages"] == 2


def test_reread_extracts_again_and_changes_no_row(work, capsys):
    run(capsys, "run", "pages", "--today", TODAY)
    rows = record_rows(work / "exports" / "notices.db")
    code, out, _ = run(capsys, "run", "pages", "--today", TODAY, "--reread")
    assert code == 0 and "pages read: 2 (2 new, 0 already stored, 0 failed)" in out
    assert "notices found: 4 (0 new, 4 already known)" in out
    assert out.endswith("review page: exports/review/run-0002.html\n")  # what was read again, for review
    assert record_rows(work / "exports" / "notices.db") == rows
    shutil.copytree(work / "pages", work / "copies")
    assert "pages read: 2 (0 new, 2 already stored" in run(capsys, "run", "copies", "--today", TODAY, "--reread")[1]
    assert Store.open(work / "exports" / "notices.db", readonly=True).counts()["runs"] == 2  # nothing new read
    assert record_rows(work / "exports" / "notices.db") == rows  # a copy is not a second printing


def test_changed_page_replaces_what_it_said(work, capsys):
    run(capsys, "run", "pages", "--today", TODAY)
    write_page(work / "pages" / "2026-03-26.json", [notice_fields(4)])  # a corrected scan
    code, out, _ = run(capsys, "run", "pages", "--today", TODAY)
    assert code == 0 and "pages read: 2 (1 new, 1 already stored, 0 failed)" in out
    assert "in the store: 3 notices, 3 cases" in out  # 3 (only on the old scan) is gone, 4 is new
    numbers = [json.loads(line)["case_number"] for line in run(capsys, "cases", "--format", "jsonl")[1].splitlines()]
    assert numbers == ["青黄劳人仲案字[2026]第1号", "青黄劳人仲案字[2026]第2号", "青黄劳人仲案字[2026]第4号"]


def test_empty_directory_is_said(work, capsys):
    (work / "empty").mkdir()
    code, out, err = run(capsys, "run", "empty", "--today", TODAY)
    assert (code, out, err) == (4, "", "notices: no page files in empty\n")  # for cron: not "all clean"
    assert not (work / "exports").exists()  # nothing read, nothing written


def test_busy_store_is_one_line(work, capsys, monkeypatch):
    run(capsys, "run", "pages", "--today", TODAY)
    monkeypatch.setattr("notices.store.BUSY_TIMEOUT_SECONDS", 0.1)
    holder = sqlite3.connect(work / "exports" / "notices.db", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another process in the middle of a write
    try:
        code, _, err = run(capsys, "watch", "add", "王小明有限公司")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 1 and err == "notices: exports/notices.db: database is locked\n"


def test_exports_are_written_after_the_pages_are_stored(work, capsys, monkeypatch):
    import notices.export

    stored_at_export = []

    def spy(outdir, notices, cases, review):
        with Store.open(work / "exports" / "notices.db") as store:
            stored_at_export.append(store.counts()["pages"])
        return []

    monkeypatch.setattr(notices.export, "write_all", spy)
    assert run(capsys, "run", "pages", "--today", TODAY)[0] == 0
    assert stored_at_export == [2]


def test_today_decides_what_is_upcoming(work, capsys):
    assert "upcoming hearings (from 2026-06-10): 0" in run(capsys, "run", "pages", "--today", "2026-06-10")[1]
    assert "upcoming hearings (from 2026-06-09): 2" in run(capsys, "run", "pages", "--today", "2026-06-09")[1]


@pytest.mark.parametrize("args, message", [
    (["run", "nowhere"], "notices: no such file or directory: nowhere\n"),
    (["run", "pages", "--today", "1 April"], "notices: --today wants a date as YYYY-MM-DD, not '1 April'\n"),
    (["cases", "--db", "missing.db"], "notices: no store at missing.db: run `notices run` first\n"),
    (["watch", "add", "佳豪"], "too short to watch"),
    (["export", "pdf"], "notices: unknown export format 'pdf'; one of: cases-csv, csv, html, ics, jsonl, xlsx\n"),
    (["hearings", "--from", "2026-06-01", "--to", "2026-05-01"], "--to 2026-05-01 is before --from 2026-06-01"),
])
def test_bad_use_is_one_line_and_exit_2(work, capsys, args, message):
    run(capsys, "run", "pages", "--today", TODAY)
    code, _, err = run(capsys, *args)
    assert code == 2
    assert message in err and err.count("\n") == 1


def damaged(path: Path) -> None:
    Store.open(path).close()
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\xff" * (len(data) - 100))


def foreign(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE pages (id INTEGER PRIMARY KEY, title TEXT)")
    sqlite3.connect(path).close()


def too_new(path: Path) -> None:
    Store.open(path).close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")


def not_sqlite(path: Path) -> None:
    path.write_text("a newspaper page, not a store", encoding="utf-8")


@pytest.mark.parametrize("make, message", [
    (damaged, "odd.db: not a usable notices store (database disk image is malformed)"),
    (foreign, "odd.db is not a notices store (it holds another program's tables)"),
    (too_new, "odd.db has schema version 99; this notices knows 4: upgrade notices"),
    (not_sqlite, "odd.db is not a notices store (not an SQLite database)"),
])
@pytest.mark.parametrize("command", [["run", "pages", "--today", TODAY], ["cases"], ["watch", "add", WATCHED]])
def test_a_store_that_cannot_be_used_is_one_line_and_exit_1(work, capsys, make, message, command):
    make(work / "odd.db")
    code, _, err = run(capsys, *command, "--db", "odd.db")
    assert (code, err) == (1, f"notices: {message}\n")


@pytest.mark.parametrize("db, message", [
    ("pages", "pages cannot hold a store: it is a directory"),
    ("/dev/null", "/dev/null cannot hold a store: it is not a regular file"),
    ("pages/2026-03-25.json/notices.db", "cannot make a store at pages/2026-03-25.json/notices.db: "
                                         "pages/2026-03-25.json is not a directory"),
    ("pages/2026-03-25.json/more/notices.db", "cannot make a store at pages/2026-03-25.json/more/notices.db: "
                                              "pages/2026-03-25.json is not a directory"),
    ("/proc/notices/notices.db", "cannot make a store at /proc/notices/notices.db: No such file or directory"),
    ("/proc/notices.db", "cannot make a store at /proc/notices.db: No such file or directory"),
])
def test_a_path_that_cannot_hold_a_store_is_one_line_and_exit_2(work, capsys, db, message):
    code, _, err = run(capsys, "run", "pages", "--today", TODAY, "--db", db)
    assert (code, err) == (2, f"notices: {message}\n")
    assert not Path("/proc/notices.db").exists()


@pytest.mark.parametrize("db", ["pages", "/dev/null"])
def test_a_query_on_a_path_that_cannot_hold_a_store_is_exit_2(work, capsys, db):
    code, _, err = run(capsys, "cases", "--db", db)
    assert code == 2 and err.endswith("cannot hold a store: it is a directory\n" if db == "pages"
                                      else "cannot hold a store: it is not a regular file\n")


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_a_store_or_folder_without_permission_is_one_line(work, capsys):
    run(capsys, "run", "pages", "--today", TODAY)
    (work / "exports" / "notices.db").chmod(0o000)
    try:
        code, _, err = run(capsys, "cases")
    finally:
        (work / "exports" / "notices.db").chmod(0o644)
    assert (code, err) == (1, "notices: exports/notices.db: cannot read it: Permission denied\n")
    (work / "locked").mkdir(mode=0o000)
    try:
        code, _, err = run(capsys, "run", "pages", "--today", TODAY, "--db", "locked/inner/notices.db")
    finally:
        (work / "locked").chmod(0o755)
    assert (code, err) == (2, "notices: locked/inner/notices.db cannot hold a store: Permission denied\n")


def test_a_file_name_with_control_characters_is_printed_escaped(work, capsys):
    foreign(work / "two\nlines\x1b.db")
    code, _, err = run(capsys, "cases", "--db", "two\nlines\x1b.db")
    assert (code, err) == (1, "notices: two\\x0alines\\x1b.db is not a notices store "
                              "(it holds another program's tables)\n")
    (work / "odd\tfolder").mkdir()
    code, _, err = run(capsys, "run", "pages", "--db", "odd\tfolder")
    assert (code, err) == (2, "notices: odd\\x09folder cannot hold a store: it is a directory\n")
    code, _, err = run(capsys, "cases", "--db", "no\rstore.db")
    assert (code, err) == (2, "notices: no store at no\\x0dstore.db: run `notices run` first\n")


QUERIES = [["cases"], ["case", "第1号"], ["hearings", "--from", TODAY], ["watch", "list"], ["watch", "hits"],
           ["export", "csv"]]


def test_queries_open_the_store_read_only(work, capsys):
    run(capsys, "watch", "add", WATCHED)
    run(capsys, "run", "pages", "--today", TODAY)
    db = work / "exports" / "notices.db"
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA journal_mode=DELETE")  # opened to write, it would be WAL again
    before = db.read_bytes()
    for query in QUERIES:
        code, out, err = run(capsys, *query)
        assert (code, err) == (0, "") and out, query
    assert db.read_bytes() == before
    assert not (work / "exports" / "notices.db-wal").exists()


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root ignores file permissions")
def test_queries_answer_from_a_store_in_a_readonly_folder(work, capsys):
    run(capsys, "watch", "add", WATCHED)
    run(capsys, "run", "pages", "--today", TODAY)
    (work / "exports" / "notices.db").chmod(0o444)
    (work / "exports").chmod(0o555)
    try:
        answers = [run(capsys, *query) for query in QUERIES]
    finally:
        (work / "exports").chmod(0o755)
    assert [(code, err) for code, _, err in answers] == [(0, "")] * len(QUERIES)
    assert all(out for _, out, _ in answers)


def test_watch_list_and_fail_on_watch(work, capsys):
    assert run(capsys, "watch", "add", WATCHED, "青島某某有限公司")[1] == f"watching {WATCHED}\nwatching 青島某某有限公司\n"
    assert run(capsys, "watch", "add", "青岛佳豪塑钢门窗有限公司")[1] == f"already watching {WATCHED}\n"
    assert run(capsys, "watch", "list")[1] == f"{WATCHED}\n青島某某有限公司\n"
    code, out, _ = run(capsys, "run", "pages", "--today", TODAY, "--fail-on-watch")
    assert code == 3
    assert "watch-list hits: 2 new\n" in out
    assert f"NEW {WATCHED}: respondent {WATCHED}; 青黄劳人仲案字[2026]第1号; 2026-03-25; pages/2026-03-25.json" in out
    assert run(capsys, "run", "pages", "--today", TODAY, "--fail-on-watch")[0] == 0  # seen before: no alert
    branch = notice_fields(9, respondent=f"{WATCHED}黄岛分公司")
    write_page(work / "inbox" / "2026-04-02.json", [branch])
    code, out, _ = run(capsys, "run", "inbox", "--today", TODAY, "--fail-on-watch")
    assert code == 3
    assert "watch-list hits: 1 new; all 3: notices watch hits\n" in out
    assert out.count(f"NEW {WATCHED}") == 1  # the hits of earlier runs are not mailed again
    hits = run(capsys, "watch", "hits")[1].splitlines()
    assert len(hits) == 3 and all(line.startswith(WATCHED) for line in hits)
    assert run(capsys, "watch", "remove", "青岛某某有限公司", WATCHED)[0] == 0
    assert run(capsys, "watch", "list")[1] == ""
    code, _, err = run(capsys, "watch", "remove", WATCHED)
    assert (code, err) == (1, f"notices: not watched: {WATCHED}\n")


def test_watch_add_tells_when_stored_notices_name_it(work, capsys):
    run(capsys, "run", "pages", "--today", TODAY)
    out = run(capsys, "watch", "add", "别家有限公司")[1]
    assert out == "watching 别家有限公司 (named in 1 stored notice: the next run reports them)\n"


def test_cases_case_and_hearings(work, capsys):
    run(capsys, "run", "pages", "--today", TODAY)
    code, out, _ = run(capsys, "cases", "--format", "jsonl")
    assert code == 0
    assert [json.loads(line)["case_number"] for line in out.splitlines()] == [
        "青黄劳人仲案字[2026]第1号", "青黄劳人仲案字[2026]第2号", "青黄劳人仲案字[2026]第3号"]
    table = run(capsys, "cases", "--columns", "case_number,sightings")[1]
    assert table.splitlines()[1].split() == ["Case", "number", "Sightings"]
    assert any(line.split() == ["青黄劳人仲案字[2026]第2号", "2"] for line in table.splitlines())
    assert run(capsys, "cases", "--columns", "nonsense")[0] == 2

    out = run(capsys, "case", "青黄劳人仲案字(2026)2号")[1]
    assert "case:         青黄劳人仲案字[2026]第2号" in out
    assert re.search(r"2026-03-25 +开庭 hearing +2026-06-09 14:00 +本委仲裁庭", out)  # the notice with its page
    assert out.rstrip().endswith("pages/2026-03-25.json\nalso printed on:\n  pages/2026-03-26.json [2, 52)  2026-03-25")
    assert run(capsys, "case", "第2号")[0] == 0  # a unique part of the number is enough
    code, _, err = run(capsys, "case", "2026")
    assert code == 2 and "matches 3 cases" in err

    out = run(capsys, "hearings", "--from", "2026-06-01", "--to", "2026-06-30", "--format", "csv")[1]
    assert out.startswith("\ufeff")  # CSV for Excel: it reads the BOM
    assert out.count("\r\n") == 3  # a header and the two cases with a hearing in June
    assert run(capsys, "hearings", "--from", "2026-07-01", "--format", "jsonl")[1] == ""


def test_export_on_demand_is_binary_safe(work, capsysbinary):
    assert main(["run", "pages", "--today", TODAY]) == 0
    capsysbinary.readouterr()
    assert main(["export", "xlsx"]) == 0
    on_stdout = capsysbinary.readouterr().out
    assert on_stdout == (work / "exports" / "notices.xlsx").read_bytes()
    assert main(["export", "ics", "-o", "calendar.ics"]) == 0
    assert (work / "calendar.ics").read_bytes() == (work / "exports" / "hearings.ics").read_bytes()


def test_progress_bar_only_on_a_terminal(work, capsys, monkeypatch):
    monkeypatch.setattr("notices.commands.track.PROGRESS_DELAY_SECONDS", 0)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert run(capsys, "run", "pages", "--today", TODAY)[2] != ""
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    assert run(capsys, "run", "pages", "--today", TODAY)[2] == ""


# The real pipeline on the seed pages

@pytest.fixture
def seeds(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path


def test_main_job_on_the_seeds_twice(seeds, capsys):
    code, out, err = run(capsys, "run", "--today", "2026-04-01")  # default: seeds/ into exports/
    assert code == 0, err
    assert "pages read: 5 (5 new" in out
    exports = export_bytes(seeds / "exports")
    rows = table_rows(seeds / "exports" / "notices.db")
    assert run(capsys, "run", "--today", "2026-04-01")[0] == 0
    assert export_bytes(seeds / "exports") == exports
    assert table_rows(seeds / "exports" / "notices.db") == rows

    case = json.loads(run(capsys, "case", "青黄劳人仲案字〔2026〕2888号", "--format", "jsonl")[1])
    assert case["respondents"] == [WATCHED]
    assert case["hearing"] == "2026-06-09T14:00:00+08:00"


def test_page_copied_into_an_inbox_is_not_a_second_sighting(seeds, capsys):
    run(capsys, "run", "--today", "2026-04-01")
    (seeds / "inbox").mkdir()
    shutil.copy(SEED_WITH_NOTICES, seeds / "inbox" / "copy.txt")
    code, out, _ = run(capsys, "run", "inbox", "--today", "2026-04-01")
    assert code == 0 and "pages read: 1 (0 new, 1 already stored, 0 failed)" in out
    with Store.open(seeds / "exports" / "notices.db") as store:
        assert max(store.sighting_counts().values()) == 1


def test_seed_notices_hit_the_watch_list(seeds, capsys):
    run(capsys, "watch", "add", WATCHED)
    code, out, _ = run(capsys, "run", "--today", "2026-04-01", "--fail-on-watch")
    assert code == 3
    assert f"NEW {WATCHED}: respondent {WATCHED}; 青黄劳人仲案字[2026]第2888号" in out



RELATIVE_HEARING_PAGE = (
    "公告\n张三：本院受理原告李四诉你买卖合同纠纷一案，现依法向你公告送达起诉状副本、应诉通知书、举证通知书及开庭传票。"
    "自公告之日起经过三十日即视为送达。提出答辩状和举证的期限分别为公告期满后的十五日和三十日内，并定于举证期满后的第三日"
    "上午9时（遇法定节假日顺延）在本院第八法庭开庭审理，逾期将依法缺席判决。\n北京市朝阳区人民法院\n2026年12月15日\n")


# The same notice with its case number and a printed hearing time instead of the relative one.
PRINTED_HEARING_PAGE = RELATIVE_HEARING_PAGE.replace("一案，", "一案（案号（2026）京0105民初123号），").replace(
    "并定于举证期满后的第三日上午9时（遇法定节假日顺延）", "并定于2026年12月18日上午9时")


def test_run_summary_lists_a_computed_hearing_marked_provisional(tmp_path, monkeypatch, capsys):
    # published 2026-12-15: served 2027-01-14, evidence period ends Sat 2027-02-13, moved to
    # Mon 2-15; the third day after is Thu 2027-02-18; 2027's schedule is not published
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "p.txt").write_text(RELATIVE_HEARING_PAGE, encoding="utf-8")
    code, out, err = run(capsys, "run", "pages", "--today", "2026-12-20")
    assert code == 0, err
    assert "upcoming hearings (from 2026-12-20): 0" in out
    assert "computed hearings (from 2026-12-20): 1\n  2027-02-18 09:00 [计算][暂定]  张三\n" in out
    code, out, err = run(capsys, "run", "pages", "--today", "2027-02-19")
    assert "computed hearings" not in out  # past: nothing to come


def test_hearings_and_deadlines_list_computed_dates_marked(tmp_path, monkeypatch, capsys):
    """A hearing the notice sets relative to its periods is a hearing to docket: `hearings` lists
    it, marked computed and provisional; `deadlines` lists every computed date in the range."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "p.txt").write_text(RELATIVE_HEARING_PAGE, encoding="utf-8")
    assert run(capsys, "run", "pages", "--today", "2026-12-20")[0] == 0
    code, out, err = run(capsys, "hearings", "--from", "2027-02-01", "--to", "2027-02-28", "--width", "120")
    assert code == 0, err
    [row] = [line for line in out.splitlines() if "2027-02-18" in line]
    assert "2027-02-18 09:00" in row and "[计算][暂定]" in row and "张三" in row and "本院第八法庭" in row
    assert "2027-02-18" not in run(capsys, "hearings", "--from", "2027-02-19")[1]  # past its day: not to come
    lines = run(capsys, "deadlines", "--from", "2027-01-01", "--to", "2027-03-31", "--format", "jsonl")[1].splitlines()
    kinds = [(json.loads(line)["kind"], json.loads(line)["date"]) for line in lines]
    assert kinds == [("视为送达 deemed_service", "2027-01-14"), ("答辩期限 answer_deadline", "2027-01-29"),
                     ("举证期限 evidence_deadline", "2027-02-15"), ("开庭 hearing", "2027-02-18")]
    assert all(json.loads(line)["marks"] == "[计算][暂定]" for line in lines)
    assert run(capsys, "deadlines", "--from", "2027-03-01")[1].count("2027-") == 0


def test_case_shows_its_computed_dates_and_a_past_hearing_as_last(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "p.txt").write_text(PRINTED_HEARING_PAGE, encoding="utf-8")
    assert run(capsys, "run", "pages", "--today", "2026-12-16")[0] == 0
    import notices.commands.track as track

    monkeypatch.setattr(track, "china_today", lambda: dt.date(2026, 12, 16))
    out = run(capsys, "case", "京0105民初123号", "--width", "120")[1]
    assert "computed dates:\n  2027-01-14 [计算][暂定]  视为送达 deemed_service" in out
    assert "next hearing: 2026-12-18 09:00" in out
    monkeypatch.setattr(track, "china_today", lambda: dt.date(2026, 12, 19))
    assert "last hearing: 2026-12-18 09:00" in run(capsys, "case", "京0105民初123号")[1]


def test_cases_show_what_is_still_to_come_on_today(tmp_path, monkeypatch, capsys):
    """A past hearing is never next; a computed hearing and the next computed date are shown, marked."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "printed.txt").write_text(PRINTED_HEARING_PAGE, encoding="utf-8")
    (tmp_path / "pages" / "relative.txt").write_text(RELATIVE_HEARING_PAGE, encoding="utf-8")
    assert run(capsys, "run", "pages", "--today", "2026-12-16")[0] == 0

    def rows(today: str) -> dict[str, dict]:
        out = run(capsys, "cases", "--today", today, "--format", "csv")[1]
        return {row["案号 Case number"] or row["被申请人/被告 Respondents"]: row for row in csv.DictReader(io.StringIO(out))}

    before = rows("2026-12-16")
    hearing, deadline = "下次开庭(北京时间) Next hearing (UTC+8)", "下一计算期限 Next computed date"
    assert before["(2026)京0105民初123号"][hearing] == "2026-12-18 09:00"
    assert before["(2026)京0105民初123号"][deadline] == "2027-01-14 视为送达 [计算][暂定]"
    computed = [row for key, row in before.items() if key != "(2026)京0105民初123号"]
    assert [row[hearing] for row in computed] == ["2027-02-18 09:00 [计算][暂定]"]
    after = rows("2026-12-19")["(2026)京0105民初123号"]
    assert after[hearing] == "" and after["开庭时间(最近公告, 北京时间) Hearing, latest announced (UTC+8)"] == "2026-12-18 09:00"
    assert rows("2027-03-01")["(2026)京0105民初123号"][deadline] == ""
    table = run(capsys, "cases", "--today", "2026-12-16", "--width", "80")[1]
    assert "2027-02-18 09:00" in table and all(len(line) <= 80 for line in table.splitlines())


def test_a_new_calendar_file_recounts_stored_dates_and_the_exports_follow(tmp_path, monkeypatch, capsys):
    """Published 2026-12-15: served 2027-01-14 (provisional). A schedule typed for the test makes
    2027-01-14 a rest day: served Fri 2027-01-15, counted again without re-reading the page."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "p.txt").write_text(RELATIVE_HEARING_PAGE, encoding="utf-8")
    assert run(capsys, "run", "pages", "--today", "2026-12-16")[0] == 0
    schedule = tmp_path / "2027.tsv"
    schedule.write_text("# source: a test schedule for 2027\n2027-01-14\trest\n", encoding="utf-8")

    def served() -> list[str]:
        out = run(capsys, "deadlines", "--from", "2027-01-01", "--to", "2027-01-31", "--format", "jsonl")[1]
        return [(row["date"], row["marks"]) for row in map(json.loads, out.splitlines()) if "deemed" in row["kind"]]

    assert served() == [("2027-01-14", "[计算][暂定]")]
    code, out, _ = run(capsys, "run", "pages", "--today", "2026-12-16", "--calendar", str(schedule))
    assert code == 0 and "dates counted again: 1 stored notice (" in out
    assert served() == [("2027-01-15", "[计算]")]
    assert "DTSTART;VALUE=DATE:20270115" in (tmp_path / "exports" / "hearings.ics").read_text(encoding="utf-8")
    assert "dates counted again" not in run(capsys, "run", "pages", "--today", "2026-12-16", "--calendar", str(schedule))[1]


def test_a_calendar_file_that_cannot_be_read_is_bad_use(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.tsv").write_text("2027-02-30\trest\n", encoding="utf-8")
    (tmp_path / "p.txt").write_text(RELATIVE_HEARING_PAGE, encoding="utf-8")
    for command in (["run", "p.txt"], ["extract", "p.txt"]):
        code, _, err = run(capsys, *command, "--calendar", "bad.tsv")
        assert code == 2 and "calendar file bad.tsv, line 1" in err
    assert not (tmp_path / "exports").exists()


def test_a_run_never_reads_its_own_exports(work, capsys):
    run(capsys, "run", ".", "--today", TODAY)
    code, out, _ = run(capsys, "run", ".", "--today", TODAY)
    assert code == 0 and "pages read: 2 (0 new, 2 already stored" in out


HOSTILE = "恶意科技有限公司\x1b]0;pwned\x07\x1b[2J\u202e\u2028\x85"  # sets the title, clears the screen, reverses


def test_page_text_cannot_act_on_the_terminal(work, capsys):
    """ESC, BEL, a bidi override in a party name reach no terminal: the run summary's hearing
    lines, the case header and watch hits show them as codes."""
    write_page(work / "pages" / "2026-03-27.json", [notice_fields(9, respondent=HOSTILE)])
    run(capsys, "watch", "add", "恶意科技有限公司")
    outputs = [run(capsys, "run", "pages", "--today", TODAY),
               run(capsys, "case", "青黄劳人仲案字[2026]第9号"),
               run(capsys, "watch", "hits"),
               run(capsys, "hearings", "--from", TODAY)]
    for code, out, err in outputs:
        assert code == 0, err
        assert not any(ch in out + err for ch in "\x1b\x07\u202e\u2028\x85"), out
    summary, case, hits = outputs[0][1], outputs[1][1], outputs[2][1]
    assert "恶意科技有限公司\\x1b]0;pwned\\x07\\x1b[2J\\u202e\\u2028\\x85" in summary
    assert "\\x1b]0;pwned" in case and "\\x1b]0;pwned" in hits


def test_a_page_name_with_a_newline_stays_on_one_line(work, capsys):
    bad = work / "pages" / "bad\nname.json"
    bad.write_text("not json", encoding="utf-8")
    code, _, err = run(capsys, "run", "pages", "--today", TODAY)
    assert code == 1
    [line] = [line for line in err.splitlines() if "cannot read" in line]
    assert "bad\\x0aname.json" in line


def test_each_run_that_reads_a_page_writes_its_review_page_and_the_index(seeds, capsys):
    from urllib.parse import unquote

    run(capsys, "run", "--today", "2026-04-01")
    first = (seeds / "exports" / "review" / "run-0001.html").read_text(encoding="utf-8")
    with Store.open(seeds / "exports" / "notices.db", readonly=True) as store:
        stored = store.notices()
    assert first.count('<article class="notice"') == len(stored) == first.count('data-new="1"')
    assert '<mark class="respondents" title="respondents">青岛佳豪塑钢门窗有限公司</mark>' in first
    assert re.search(r'<span class="around">[^<]+</span><span class="own">', first)  # the page before it

    (seeds / "inbox").mkdir()
    page = SEED_WITH_NOTICES.read_text(encoding="utf-8").replace("青岛佳豪塑钢门窗有限公司", "青岛某某新材料有限公司")
    (seeds / "inbox" / "p 1.txt").write_text(page, encoding="utf-8")
    code, out, _ = run(capsys, "run", "inbox", "--today", "2026-04-01")
    assert code == 0 and out.endswith("review page: exports/review/run-0002.html\n")
    second = (seeds / "exports" / "review" / "run-0002.html").read_text(encoding="utf-8")
    assert second.count('data-new="1"') == 1 and second.count('<article class="notice"') == len(stored)
    [new] = [a for a in second.split("<article")[1:] if 'data-new="1"' in a]
    [href] = re.findall(r'<a href="([^"]+)">', new)  # the page file it was read from
    assert (seeds / "exports" / "review" / unquote(href)).resolve() == (seeds / "inbox" / "p 1.txt").resolve()
    index = (seeds / "exports" / "review.html").read_text(encoding="utf-8")
    assert re.findall(r'href="(review/run-\d+\.html)"', index) == ["review/run-0002.html", "review/run-0001.html"]

    out = run(capsys, "run", "inbox", "--today", "2026-04-01")[1]
    assert out.endswith("review page: none: no new page was read\n")
    assert not (seeds / "exports" / "review" / "run-0003.html").exists()
