"""The SQLite store on real files: round trips, idempotence, sightings, migration, concurrency."""
from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import notices.store as store_module
from notices.model import CHINA_TZ, Deadline, Notice, Problem, Run
from notices.store import APPLICATION_ID, SCHEMA_VERSION, Added, Store, StoreError, StorePathError
from notices.watch import find_hits

WATCHED = "青岛佳豪塑钢门窗有限公司"


@dataclass(frozen=True)
class PageResult:  # the shape of notices.pipeline.PageResult
    page: str
    notices: list[Notice]
    page_date: dt.date | None = None
    error: str | None = None


def make_notice(number: int, page: str = "p1.txt", start: int = 0, **fields) -> Notice:
    values = dict(
        page=page, span=(start, start + 100), notice_type="hearing",
        authority="青岛市黄岛区劳动人事争议仲裁委员会", respondents=[WATCHED], claimants=["张焕合"],
        case_numbers=[f"青黄劳人仲案字[2026]第{number}号"], dispute_type="劳动报酬争议",
        hearing_datetime=dt.datetime(2026, 6, 9, 14, 0, tzinfo=CHINA_TZ), venue="本委仲裁庭",
        publication_date=dt.date(2026, 3, 25), documents=["《应诉、开庭通知书》"],
        deadlines=[Deadline(kind="deemed_service", date=dt.date(2026, 4, 24), rule="r", basis="b")],
        evidence={"respondents": [(0, 12)]}, problems=[Problem(code="year_assumed", message="m")],
        text="青岛佳豪塑钢门窗有限公司:本委依法受理……",
    )
    values.update(fields)
    return Notice(**values).with_id()


def page(path: str, *numbers: int, page_date=dt.date(2026, 3, 25)) -> PageResult:
    return PageResult(path, [make_notice(n, path, start=i * 200) for i, n in enumerate(numbers)], page_date)


def counts(added: Added) -> tuple[int, int, str | None]:
    """What Store.add_page added, counted: new notices, known notices, the path stored from."""
    return len(added.new), added.known, added.stored_from


def dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as db:
        return list(db.iterdump())


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "exports" / "notices.db"


def test_new_file_has_current_schema_and_wal(db_path):
    with Store.open(db_path) as store:
        assert store.version == SCHEMA_VERSION == 4
    with sqlite3.connect(db_path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)


def test_application_id_spells_ntcs():
    assert APPLICATION_ID.to_bytes(4, "big") == b"NTCS"


def test_an_empty_file_becomes_a_store(tmp_path):
    (tmp_path / "notices.db").touch()
    with Store.open(tmp_path / "notices.db") as store:
        assert store.version == SCHEMA_VERSION


def other_database(path: Path, *statements: str) -> Path:
    with closing(sqlite3.connect(path)) as db:
        for statement in statements:
            db.execute(statement)
        db.commit()
    return path


FOREIGN = {
    "a clashing pages table": ["CREATE TABLE pages (id INTEGER PRIMARY KEY, title TEXT)",
                               "INSERT INTO pages VALUES (1, 'x')"],
    "tables of its own": ["CREATE TABLE customers (name TEXT)"],
    "its own application id": ["PRAGMA application_id = 1179927364"],
    "a version and tables of its own": ["PRAGMA user_version = 1", "CREATE TABLE pages (id INTEGER)",
                                        "CREATE TABLE orders (id INTEGER)"],
    "a view only": ["CREATE VIEW answer AS SELECT 42"],
}


@pytest.mark.parametrize("statements", FOREIGN.values(), ids=FOREIGN.keys())
def test_another_programs_database_is_refused_untouched(tmp_path, statements):
    other = other_database(tmp_path / "other.db", *statements)
    before = other.read_bytes()
    with pytest.raises(StoreError, match=f"{re.escape(str(other))} is not a notices store"):
        Store.open(other)
    assert other.read_bytes() == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["other.db"]  # no -wal, -shm or -journal


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path):
    bogus = tmp_path / "notices.db"
    bogus.write_bytes(b"this is a newspaper page, not a database" * 100)
    with pytest.raises(StoreError, match=f"{re.escape(str(bogus))} is not a notices store"):
        Store.open(bogus)
    assert bogus.read_bytes() == b"this is a newspaper page, not a database" * 100
    assert sorted(path.name for path in tmp_path.iterdir()) == ["notices.db"]


def test_a_damaged_store_is_refused(db_path):
    Store.open(db_path).close()
    data = db_path.read_bytes()
    db_path.write_bytes(data[:100] + b"\xff" * (len(data) - 100))  # the header survived, the rest did not
    with pytest.raises(StoreError, match="not a usable notices store"):
        Store.open(db_path)


def test_a_store_from_before_the_application_id_is_kept_and_marked(db_path):
    with Store.open(db_path) as store:
        store.add_page(page("p1.txt", 1, 2), "sha-1")
    with closing(sqlite3.connect(db_path)) as db:
        db.execute("PRAGMA application_id = 0")
        db.commit()
    with Store.open(db_path) as store:
        assert len(store.notices()) == 2
    with closing(sqlite3.connect(db_path)) as db:
        assert db.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)


def older_store(db_path: Path, monkeypatch) -> Path:
    """A version-1 store, as notices wrote it before the application id."""
    with monkeypatch.context() as patch:
        patch.setattr(store_module, "MIGRATIONS", store_module.MIGRATIONS[:1])
        patch.setattr(store_module, "SCHEMA_VERSION", 1)
        with Store.open(db_path) as old:
            old.add_page(page("p1.txt", 1), "sha-1")
    with closing(sqlite3.connect(db_path)) as db:
        db.execute("PRAGMA application_id = 0")
        db.commit()
    return db_path


def test_a_readonly_open_reads_and_writes_nothing(db_path):
    with Store.open(db_path) as store:
        store.add_page(page("p1.txt", 1, 2), "sha-1")
    with closing(sqlite3.connect(db_path)) as db:
        db.execute("PRAGMA journal_mode=DELETE")  # a write-open would switch it to WAL
    before = db_path.read_bytes()
    with Store.open(db_path, readonly=True) as store:
        assert len(store.notices()) == 2 and len(store.cases()) == 2
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.watch_add(WATCHED)
    assert db_path.read_bytes() == before
    assert sorted(path.name for path in db_path.parent.iterdir()) == ["notices.db"]


def test_a_readonly_open_does_not_migrate_an_older_store(db_path, monkeypatch):
    before = older_store(db_path, monkeypatch).read_bytes()
    with pytest.raises(StoreError, match="schema version 1.*run `notices run` once"):
        Store.open(db_path, readonly=True)
    assert db_path.read_bytes() == before


def test_a_readonly_open_reads_a_current_store_from_before_the_application_id(db_path):
    Store.open(db_path).close()
    with closing(sqlite3.connect(db_path)) as db:
        db.execute("PRAGMA application_id = 0")
        db.commit()
    with Store.open(db_path, readonly=True) as store:
        assert store.notices() == []
    with closing(sqlite3.connect(db_path)) as db:
        assert db.execute("PRAGMA application_id").fetchone() == (0,)  # marked by the next write-open


@pytest.mark.parametrize("name", ["empty.db", "missing.db"])
def test_a_readonly_open_of_an_empty_or_missing_file_finds_no_store(tmp_path, name):
    (tmp_path / "empty.db").touch()
    with pytest.raises(StorePathError, match=f"no store at .*{name}: run `notices run` first"):
        Store.open(tmp_path / name, readonly=True)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["empty.db"]
    assert (tmp_path / "empty.db").read_bytes() == b""


def test_a_readonly_open_refuses_another_programs_database(tmp_path):
    other = other_database(tmp_path / "other.db", *FOREIGN["a clashing pages table"])
    with pytest.raises(StoreError, match="is not a notices store"):
        Store.open(other, readonly=True)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_a_store_in_a_readonly_folder_is_read(tmp_path):
    folder = tmp_path / "archive"
    with Store.open(folder / "notices.db") as store:
        store.add_page(page("p1.txt", 1, 2), "sha-1")
    (folder / "notices.db").chmod(0o444)
    folder.chmod(0o555)
    try:
        with Store.open(folder / "notices.db", readonly=True) as store:
            assert len(store.notices()) == 2
    finally:
        folder.chmod(0o755)
    assert sorted(path.name for path in folder.iterdir()) == ["notices.db"]


def test_notices_round_trip_whole(db_path):
    stored = page("p1.txt", 1, 2)
    with Store.open(db_path) as store:
        added = store.add_page(stored, "sha-1", read_at="2026-03-25T08:00:00+08:00")
        ids = tuple(notice.id for notice in stored.notices)
        assert added == (ids, 0, None, ids)  # the new ones, and all the page gave, by id
        assert store.notices() == stored.notices
        assert store.notices()[0].hearing_datetime.utcoffset() == dt.timedelta(hours=8)


def test_same_page_twice_changes_no_row(db_path):
    with Store.open(db_path) as store:
        store.add_page(page("p1.txt", 1, 2), "sha-1", read_at="first")
        before = dump(db_path)
        assert store.has_page("p1.txt", "sha-1")
        assert counts(store.add_page(page("p1.txt", 1, 2), "sha-1", read_at="second")) == (0, 2, "p1.txt")
        assert dump(db_path) == before


def test_copied_page_is_the_same_page(db_path):
    with Store.open(db_path) as store:
        store.add_page(page("seeds/p1.txt", 1), "sha-1")
        assert store.has_page("/elsewhere/p1.txt", "sha-1")
        assert not store.has_page("seeds/p1.txt", "sha-2")
        assert store.page_notice_count("sha-1") == 1


def test_a_copy_from_another_path_adds_nothing(db_path):
    with Store.open(db_path) as store:
        store.add_page(page("seeds/p1.txt", 1, 2), "sha-1")
        before = dump(db_path)
        assert counts(store.add_page(page("inbox/copy.txt", 1, 2), "sha-1")) == (0, 2, "seeds/p1.txt")
        assert dump(db_path) == before
        assert counts(store.add_page(page("seeds/p1.txt", 1, 2), "sha-1")) == (0, 2, "seeds/p1.txt")  # read again
        assert dump(db_path) == before


def store_copies(db_path: Path, copy: int, start) -> None:
    start.wait()  # all at once, from the first open on
    with Store.open(db_path) as store:
        for n in range(COPIED_PAGES):
            store.add_page(page(f"copy{copy}/p{n}.txt", n, 1000), f"sha-{n}")


COPIED_PAGES = 30


def test_copies_stored_by_four_processes_at_once_are_stored_once(db_path):
    context = multiprocessing.get_context("fork")
    start = context.Barrier(4)
    processes = [context.Process(target=store_copies, args=(db_path, copy, start)) for copy in range(4)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=60)
    assert [process.exitcode for process in processes] == [0] * 4
    with Store.open(db_path) as store:
        counts = store.counts()
        # each content once, under the path of whichever process stored it first
        assert (counts["pages"], counts["notices"], counts["sightings"]) == (COPIED_PAGES, COPIED_PAGES + 1,
                                                                             2 * COPIED_PAGES)


def test_notice_printed_twice_is_one_notice_with_two_sightings(db_path):
    twice_on_one_page = PageResult("p1.txt", [make_notice(7, "p1.txt", 0), make_notice(7, "p1.txt", 500)])
    on_another_page = PageResult("p2.txt", [make_notice(7, "p2.txt", 40)], dt.date(2026, 3, 26))
    with Store.open(db_path) as store:
        assert counts(store.add_page(twice_on_one_page, "sha-1")) == (1, 1, None)
        assert counts(store.add_page(on_another_page, "sha-2")) == (0, 1, None)
        [stored] = store.notices()
        assert stored.page == "p1.txt"  # the record is the first one read
        sightings = store.sightings()
        assert [(s.page, s.span) for s in sightings] == [("p1.txt", (0, 100)), ("p1.txt", (500, 600)),
                                                         ("p2.txt", (40, 140))]
        assert sightings[-1].page_date == dt.date(2026, 3, 26)
        assert store.sighting_counts() == {stored.id: 3}
        [case] = store.cases()
        assert case.sightings == 3


def test_changed_page_replaces_its_notices(db_path):
    with Store.open(db_path) as store:
        store.add_page(page("p1.txt", 1, 2), "sha-1")
        store.add_page(page("p2.txt", 2), "sha-9")
        assert counts(store.add_page(page("p1.txt", 2, 3), "sha-2")) == (1, 1, None)  # a corrected scan
        numbers = sorted(n.case_numbers[0] for n in store.notices())
        assert numbers == ["青黄劳人仲案字[2026]第2号", "青黄劳人仲案字[2026]第3号"]
        assert store.counts()["sightings"] == 3
        assert store.counts()["case_numbers"] == 2
        assert not store.has_page("p1.txt", "sha-1")


def test_page_without_notices_is_remembered(db_path):
    with Store.open(db_path) as store:
        assert counts(store.add_page(PageResult("empty.txt", []), "sha-e")) == (0, 0, None)
        assert store.has_page("empty.txt", "sha-e")


def test_unread_page_is_not_stored(db_path):
    with Store.open(db_path) as store:
        with pytest.raises(ValueError):
            store.add_page(PageResult("bad.pdf", [], error="not a PDF"), "sha-b")
        assert store.counts()["pages"] == 0


def test_notices_are_ordered_by_publication_then_page(db_path):
    late = PageResult("a.txt", [make_notice(1, "a.txt", publication_date=dt.date(2026, 4, 1))])
    undated = PageResult("b.txt", [make_notice(2, "b.txt", publication_date=None)])
    early = PageResult("c.txt", [make_notice(3, "c.txt", publication_date=dt.date(2026, 3, 1))])
    with Store.open(db_path) as store:
        for result, sha in [(late, "1"), (undated, "2"), (early, "3")]:
            store.add_page(result, sha)
        assert [n.page for n in store.notices()] == ["c.txt", "a.txt", "b.txt"]


def test_watch_list(db_path):
    with Store.open(db_path) as store:
        assert store.watch_add(WATCHED)
        assert not store.watch_add("青岛佳豪塑钢门窗有限公司 ")  # the same name, width folded
        assert store.watch_add("青島某某有限公司")
        with pytest.raises(ValueError, match="too short"):
            store.watch_add("佳豪")
        assert store.watch_list() == sorted([WATCHED, "青島某某有限公司"])
        assert store.watch_remove("青岛某某有限公司")  # removed by its simplified spelling
        assert not store.watch_remove("青岛某某有限公司")
        assert store.watch_list() == [WATCHED]


def test_hits_are_new_only_once_and_forgotten_with_the_name(db_path):
    with Store.open(db_path) as store:
        store.add_page(page("p1.txt", 1), "sha-1")
        store.watch_add(WATCHED)
        hits = find_hits(store.watch_list(), store.notices())
        assert [hit.role for hit in hits] == ["respondent"]
        assert store.record_hits(hits) == hits
        assert store.record_hits(hits) == []
        assert store.hits() == hits
        store.watch_remove(WATCHED)
        assert store.hits() == []
        store.watch_add(WATCHED)
        assert store.record_hits(hits) == hits  # watched again: the hit is news again


def test_open_missing_store_without_create(tmp_path):
    with pytest.raises(StoreError, match="no store"):
        Store.open(tmp_path / "none.db", create=False)
    assert not (tmp_path / "none.db").exists()


def test_newer_schema_is_refused(db_path):
    Store.open(db_path).close()
    with sqlite3.connect(db_path) as db:
        db.execute("PRAGMA user_version = 99")
    with pytest.raises(StoreError, match="schema version 99"):
        Store.open(db_path)


def test_version_1_file_is_migrated_with_data_kept(db_path, monkeypatch):
    monkeypatch.setattr(store_module, "MIGRATIONS", store_module.MIGRATIONS[:1])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 1)
    with Store.open(db_path) as old:
        old.add_page(page("p1.txt", 1, 2), "sha-1")
        old.watch_add(WATCHED)
        assert old.version == 1
        notices_before, sightings_before = old.notices(), old.sightings()
    with sqlite3.connect(db_path) as db:
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "watch_hits" not in tables
    monkeypatch.undo()

    with sqlite3.connect(db_path) as db:  # version 1 had no application id
        db.execute("PRAGMA application_id = 0")
    with Store.open(db_path) as store:
        assert store.version == SCHEMA_VERSION == 4
        assert store.runs() == []  # runs before version 4 are not known
        assert store.setting("calendar") is None  # so the next run counts the dates again
        assert store.notices() == notices_before
        assert store.sightings() == sightings_before
        assert store.watch_list() == [WATCHED]
        # Matches that version 1 already printed are not news after the upgrade.
        hits = find_hits([WATCHED], store.notices())
        assert len(hits) == 2 and store.hits() == hits
        assert store.record_hits(hits) == []
    with sqlite3.connect(db_path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)


def test_two_writers_at_once_do_not_corrupt(db_path):
    Store.open(db_path).close()
    # Both processes store pages 0-39, interleaved, each page with notices shared across pages.
    writer = textwrap.dedent(f"""
        import sys, datetime as dt
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from test_store import page
        from notices.store import Store
        with Store.open(sys.argv[1]) as store:
            for n in range(40):
                store.add_page(page(f"p{{n}}.txt", n, n + 1, 1000), f"sha-{{n}}")
    """)
    processes = [subprocess.Popen([sys.executable, "-c", writer, str(db_path)]) for _ in range(2)]
    assert [process.wait(timeout=60) for process in processes] == [0, 0]
    with sqlite3.connect(db_path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with Store.open(db_path) as store:
        counts = store.counts()
        assert (counts["pages"], counts["notices"], counts["sightings"]) == (40, 42, 120)
        assert store.sighting_counts()[make_notice(1000).id] == 40
        assert len(store.cases()) == 42



@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(st.integers(1, 6), max_size=4), min_size=1, max_size=5), st.randoms())
def test_any_order_same_store_and_a_second_pass_changes_nothing(pages_numbers, random):
    batch = [page(f"p{i}.txt", *numbers) for i, numbers in enumerate(pages_numbers)]
    shuffled = random.sample(batch, len(batch))
    with tempfile.TemporaryDirectory() as directory:
        stores = []
        for order, name in [(batch, "a.db"), (shuffled, "b.db")]:
            with Store.open(Path(directory) / name) as store:
                for result in order:
                    store.add_page(result, f"sha-{result.page}")
                rows = dump(Path(directory) / name)
                for result in order:
                    assert store.add_page(result, f"sha-{result.page}").new == ()
                assert dump(Path(directory) / name) == rows
                stores.append(({n.id for n in store.notices()},
                               sorted((s.notice_id, s.page, s.span) for s in store.sightings())))
        assert stores[0] == stores[1]
        assert len(stores[0][0]) == len({n for numbers in pages_numbers for n in numbers})


def test_replaced_records_keep_their_rows_and_record_the_setting(db_path):
    with Store.open(db_path) as store:
        store.add_page(page("p1.txt", 1, 2), "sha-1")
        stored = store.notices()
        changed = [n.model_copy(update={"venue": "本委第二仲裁庭"}) for n in stored]
        store.replace_records(changed, {"calendar": "v2"})
        assert store.notices() == changed and store.setting("calendar") == "v2"
        assert store.counts()["notices"] == len(stored) and store.counts()["sightings"] == len(stored)


def test_runs_are_numbered_in_order_with_the_notices_they_found(db_path):
    with Store.open(db_path) as store:
        first = store.add_page(page("p1.txt", 1, 2), "sha-1")
        one = store.add_run(Run(number=99, read_at="first", pages=1, pages_new=1, pages_failed=0, hits_new=0,
                                found=list(first.found), new=list(first.new)))
        second = store.add_page(page("p2.txt", 2, 3), "sha-2")
        two = store.add_run(Run(read_at="second", pages=2, pages_new=1, pages_failed=1, hits_new=1,
                                found=list(second.found), new=list(second.new)))
        assert (one.number, two.number) == (1, 2)  # the number asked for is not taken
        assert store.runs() == [one, two]
        assert two.found == list(second.found) and two.new == [second.found[1]]  # notice 2 was known


def test_a_run_forgets_a_notice_the_store_no_longer_holds(db_path):
    with Store.open(db_path) as store:
        added = store.add_page(page("p1.txt", 1, 2), "sha-1")
        store.add_run(Run(read_at="first", pages=1, pages_new=1, pages_failed=0, hits_new=0,
                          found=list(added.found), new=list(added.new)))
        store.add_page(page("p1.txt", 2), "sha-2")  # the page corrected: notice 1 is no longer printed
        [run] = store.runs()
        assert run.found == run.new == [added.found[1]]
