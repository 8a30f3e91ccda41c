"""Exports people open: pure writers from records to bytes, and write_all() to put them on disk.

Every writer is `(notices, cases) -> bytes`, deterministic: rows sorted (notices by
publication_date, page, span; cases by key), no timestamps of "now".
"""
from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path

from notices.model import Case, Notice

from .csvfile import cases_csv, notices_csv
from .html import review_files, review_html
from .ics import hearings_ics
from .jsonl import notices_jsonl
from .table import CASE_TABLE_COLUMNS, NOTICE_TABLE_COLUMNS, render_cases_table, render_notices_table
from .xlsx import notices_xlsx

Writer = Callable[[list[Notice], list[Case]], bytes]

WRITERS: dict[str, Writer] = {
    "csv": notices_csv,
    "cases-csv": cases_csv,
    "xlsx": notices_xlsx,
    "jsonl": notices_jsonl,
    "ics": hearings_ics,
    "html": review_html,
}

FILE_NAMES: dict[str, str] = {
    "csv": "notices.csv",
    "cases-csv": "cases.csv",
    "xlsx": "notices.xlsx",
    "jsonl": "notices.jsonl",
    "ics": "hearings.ics",
    "html": "review.html",
}


def write_atomic(path: Path, data: bytes) -> None:
    """Write one file so that a reader never sees half of it (write_set)."""
    write_set({path: data})


def write_set(files: dict[Path, bytes]) -> None:
    """Write files as a set: each to a synced temp file beside it, then all renamed, so a run
    killed while it renders or writes leaves the old set whole (the renames take microseconds).
    open(…, "xb") rather than mkstemp, so the files get the umask's mode, not 0600."""
    temps: dict[Path, Path] = {}
    try:
        for path, data in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            temp_path = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
            temps[path] = temp_path
            with open(temp_path, "xb") as temp:
                temp.write(data)
                temp.flush()
                os.fsync(temp.fileno())
        for path, temp_path in temps.items():
            os.replace(temp_path, path)
    finally:
        for temp_path in temps.values():
            temp_path.unlink(missing_ok=True)  # gone once renamed; left over only on an error


# What each run rebuilds from the whole store; the review pages are the run's own (review_files).
STORE_EXPORTS = ["csv", "cases-csv", "xlsx", "jsonl", "ics"]


def write_all(outdir: Path, notices: list[Notice], cases: list[Case], review: dict[str, bytes]) -> list[Path]:
    """Write the store's exports and the run's review files (paths relative to `outdir`, created if
    missing) as a set: all rendered first, then written together; returns the paths written."""
    outdir = Path(outdir)
    rendered = {outdir / FILE_NAMES[name]: WRITERS[name](list(notices), list(cases)) for name in STORE_EXPORTS}
    rendered |= {outdir / name: data for name, data in review.items()}
    write_set(rendered)
    return list(rendered)


__all__ = [
    "CASE_TABLE_COLUMNS",
    "FILE_NAMES",
    "NOTICE_TABLE_COLUMNS",
    "WRITERS",
    "render_cases_table",
    "render_notices_table",
    "review_files",
    "write_all",
    "write_atomic",
    "write_set",
]
