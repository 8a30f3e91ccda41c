"""Pages extracted on several processes give what one process gives, in page order."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from notices.cli import main
from notices.parallel import in_order

ROOT = Path(__file__).resolve().parent.parent
MAIN = os.getpid()


def doubled(n: int) -> int:
    return 2 * n


def dies_on_three(n: int) -> int:
    if n == 3 and os.getpid() != MAIN:
        os._exit(1)  # a worker killed (out of memory, say) while it holds an item
    return 2 * n


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_results_come_in_input_order(jobs):
    assert list(in_order(doubled, range(100), jobs)) == [2 * n for n in range(100)]


def test_a_worker_that_dies_loses_nothing():
    assert list(in_order(dies_on_three, range(40), 2)) == [2 * n for n in range(40)]


def exports(out: Path) -> dict[str, bytes]:
    """What a run writes from the store (the review pages name the time of the run)."""
    return {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and p.suffix != ".html"
            and not p.name.startswith("notices.db")}


def test_a_run_on_two_processes_stores_and_writes_what_one_does(tmp_path, monkeypatch, capsys):
    pages = tmp_path / "pages"
    shutil.copytree(ROOT / "tests" / "corpus-b12" / "pages", pages)
    shutil.copytree(ROOT / "seeds", pages / "seeds")
    for p in pages.glob("*.json"):
        p.unlink()  # the gold, not pages
    monkeypatch.chdir(tmp_path)
    written = {}
    for jobs in ("1", "2"):
        assert main(["run", "pages", "--today", "2026-04-01", "--jobs", jobs, "--db", f"{jobs}.db", "--out", jobs]) == 0
        written[jobs] = exports(tmp_path / jobs)
        summary = capsys.readouterr().out
        assert "pages read: 31 (31 new" in summary, summary
    assert written["1"] == written["2"] and len(written["1"]) == 5
    for jobs in ("1", "2"):
        assert main(["extract", "pages", "--format", "jsonl", "--jobs", jobs]) == 0
        written[jobs] = capsys.readouterr().out
    assert written["1"] == written["2"] and written["1"].count("\n") > 80


def test_jobs_must_be_a_whole_number_of_one_or_more(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["extract", "seeds", "--jobs", "0"])
    assert exit_.value.code == 2
    assert "expected a whole number of 1 or more, not '0'" in capsys.readouterr().err
