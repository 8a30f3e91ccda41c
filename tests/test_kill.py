"""A run killed with SIGKILL in the middle of a batch loses nothing committed and doubles nothing;
two runs at once leave a sound store. Real processes, real SQLite files, the real pipeline."""
from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
import regex

from notices.pipeline import extract_page

ROOT = Path(__file__).resolve().parent.parent
SEED_WITH_NOTICES = ROOT / "seeds" / "001_b5eb491884ba4549.txt"
SHARED_CASE = "7062"  # left as printed: the same notice on every page, one sighting per page
PAGES = 300
KILL_AFTER_PAGES = 10
CONCURRENT_PAGES = 60
TIMEOUT_SECONDS = 60


def page_text(index: int) -> str:
    """The seed page with every case number but one made unique to this page: the k-th number
    printed becomes {page}{k}, short enough to read as a case number."""
    text = SEED_WITH_NOTICES.read_text(encoding="utf-8")
    renumbered: dict[str, str] = {}

    def renumber(match) -> str:
        if match[1] == SHARED_CASE:
            return match[1]
        return renumbered.setdefault(match[1], f"{index + 1}{len(renumbered) + 1}")

    return regex.sub(r"(?<=劳人仲案字\[\d{4}\]第)(\d+)", renumber, text)


def write_pages(directory: Path, count: int) -> Path:
    for index in range(count):
        (directory / f"page_{index:03d}.txt").write_text(page_text(index), encoding="utf-8")
    return directory


@pytest.fixture(scope="module")
def per_page() -> tuple[int, int]:
    """(notices per page, notices shared by every page), from the extractor itself."""
    first, second = ({n.id for n in extract_page_text(page_text(i)).notices} for i in (0, 1))
    assert len(first & second) == 1 and len(first) >= 5, "the batch must mix unique and shared notices"
    return len(first), len(first & second)


def extract_page_text(text: str):
    from tempfile import TemporaryDirectory

    with TemporaryDirectory() as directory:
        path = Path(directory) / "page.txt"
        path.write_text(text, encoding="utf-8")
        return extract_page(path)


def expected(count: int, per_page: tuple[int, int]) -> dict[str, int]:
    """Counts a complete run over `count` pages must give."""
    notices, shared = per_page
    return {"pages": count, "notices": shared + count * (notices - shared), "sightings": count * notices}


def start_run(pages: Path, work: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "notices", "run", str(pages), "--db", str(work / "notices.db"),
               "--out", str(work / "exports"), "--today", "2026-04-01"]
    return subprocess.Popen(command, cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def stored_pages(db: Path) -> int:
    """Pages committed so far, read beside the writer (WAL: readers never block it)."""
    if not db.exists():
        return 0
    try:
        with closing(sqlite3.connect(db, timeout=1)) as connection:
            return connection.execute("SELECT COUNT(*) FROM pages").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is being created
        return 0


def counts(db: Path) -> dict[str, int]:
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        # Each stored page is whole: as many sightings as notices it was stored with.
        partial = connection.execute(
            "SELECT path FROM pages p WHERE notice_count != (SELECT COUNT(*) FROM sightings s WHERE s.page = p.path)"
        ).fetchall()
        assert partial == []
        return {table: connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                for table in ("pages", "notices", "sightings")}


def test_killed_run_resumes_with_exact_counts(per_page, tmp_path):
    (tmp_path / "pages").mkdir()
    pages = write_pages(tmp_path / "pages", PAGES)
    db = tmp_path / "notices.db"
    run = start_run(pages, tmp_path)
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while stored_pages(db) < KILL_AFTER_PAGES and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    run.send_signal(signal.SIGKILL)
    run.communicate()
    assert run.returncode == -signal.SIGKILL, "the run ended before it could be killed"

    killed = counts(db)
    assert KILL_AFTER_PAGES <= killed["pages"] < PAGES
    assert not (tmp_path / "exports" / "notices.csv").exists()  # exports come after every page

    rerun = start_run(pages, tmp_path)
    out, err = rerun.communicate(timeout=TIMEOUT_SECONDS)
    assert rerun.returncode == 0, err
    assert f"pages read: {PAGES} ({PAGES - killed['pages']} new, {killed['pages']} already stored, 0 failed)" in out
    assert counts(db) == expected(PAGES, per_page)
    assert (tmp_path / "exports" / "notices.csv").exists()


def test_two_runs_at_once(per_page, tmp_path):
    (tmp_path / "pages").mkdir()
    pages = write_pages(tmp_path / "pages", CONCURRENT_PAGES)
    runs = [start_run(pages, tmp_path) for _ in range(2)]
    results = [run.communicate(timeout=TIMEOUT_SECONDS) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err for _, err in results]
    assert counts(tmp_path / "notices.db") == expected(CONCURRENT_PAGES, per_page)
    outs = [out for out, _ in results]
    new = sorted(int(regex.search(r"notices found: \d+ \((\d+) new", out)[1]) for out in outs)
    assert sum(new) == expected(CONCURRENT_PAGES, per_page)["notices"]  # each notice new to one run only
