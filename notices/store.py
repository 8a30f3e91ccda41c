"""The SQLite store: pages read, notices (full records), where each was seen, the watch list.

Safe against a killed run and against two runs at once: WAL journal, a busy timeout, and one
write transaction per page (BEGIN IMMEDIATE, so a transaction never has to upgrade a read lock).
Every write is an idempotent upsert, so storing a page twice changes no row. Each notice is kept
as its JSON (Notice.model_dump_json) beside a few indexed columns, so records round-trip whole.
The schema has a version (PRAGMA user_version); opening an older file migrates it forward. A
store is marked with PRAGMA application_id; any other file (another program's database, a file
that is not SQLite) is refused before anything is written to it. Opened read-only, for queries,
nothing is written at all (no WAL switch, no migration), so a store in a read-only folder answers.
"""
from __future__ import annotations

import os
import sqlite3
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from notices.cases import build_cases, case_key
from notices.inert import one_line
from notices.model import Case, Notice, Run, Sighting

if TYPE_CHECKING:
    from notices.pipeline import PageResult
    from notices.watch import Hit

BUSY_TIMEOUT_SECONDS = 30.0
APPLICATION_ID = 0x4E544353  # PRAGMA application_id of a notices store: the bytes of "NTCS"


class Added(NamedTuple):
    """What Store.add_page stored."""
    new: tuple[str, ...]  # the ids of the notices new to the store
    known: int
    stored_from: str | None = None  # the path the content was already stored from; another: nothing added
    found: tuple[str, ...] = ()  # the ids of every notice stored from the page, in page order


class StoreError(Exception):
    """The file is not a store this version can use."""


class StorePathError(StoreError):
    """The path cannot hold a store, or holds none where one is wanted: bad use, not a bad store."""


# Version 1: pages, notices, sightings, case numbers, the watch list.
SCHEMA_V1 = """
CREATE TABLE pages (
    path TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    page_date TEXT,
    notice_count INTEGER NOT NULL,
    read_at TEXT                  -- bookkeeping only: never exported (exports stay byte-identical)
);
CREATE INDEX pages_sha256 ON pages(sha256);
CREATE TABLE notices (
    id TEXT PRIMARY KEY,
    notice_type TEXT NOT NULL,
    publication_date TEXT,
    hearing_datetime TEXT,
    authority TEXT,
    page TEXT NOT NULL,           -- the page the record was read from (its first sighting)
    span_start INTEGER NOT NULL,
    record TEXT NOT NULL          -- Notice.model_dump_json()
);
CREATE INDEX notices_hearing ON notices(hearing_datetime);
CREATE TABLE sightings (
    notice_id TEXT NOT NULL REFERENCES notices(id),
    page TEXT NOT NULL REFERENCES pages(path),
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    PRIMARY KEY (notice_id, page, span_start)
);
CREATE INDEX sightings_page ON sightings(page);
CREATE TABLE case_numbers (
    notice_id TEXT NOT NULL REFERENCES notices(id),
    case_key TEXT NOT NULL,
    case_number TEXT NOT NULL,
    PRIMARY KEY (notice_id, case_key)
);
CREATE INDEX case_numbers_key ON case_numbers(case_key);
CREATE TABLE watch (
    name TEXT PRIMARY KEY,
    folded TEXT NOT NULL UNIQUE   -- watch.fold_name(name): one entry per name however printed
);
"""

# Version 2: hits already reported, so that a run alerts only on new ones.
SCHEMA_V2 = """
CREATE TABLE watch_hits (
    name TEXT NOT NULL,
    notice_id TEXT NOT NULL,
    role TEXT NOT NULL,
    party TEXT NOT NULL,
    PRIMARY KEY (name, notice_id, role, party)
);
"""


# Version 3: settings the stored records depend on (the calendar version their dates were counted on).
SCHEMA_V3 = """
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


# Version 4: the runs, and the notices found on the pages each read first (its review page).
SCHEMA_V4 = """
CREATE TABLE runs (
    number INTEGER PRIMARY KEY,
    read_at TEXT NOT NULL,
    pages INTEGER NOT NULL,
    pages_new INTEGER NOT NULL,
    pages_failed INTEGER NOT NULL,
    hits_new INTEGER NOT NULL
);
CREATE TABLE run_notices (
    run INTEGER NOT NULL REFERENCES runs(number),
    position INTEGER NOT NULL,
    notice_id TEXT NOT NULL,
    new INTEGER NOT NULL,
    PRIMARY KEY (run, position)
);
"""


def _migrate_to_1(db: sqlite3.Connection) -> None:
    _run_script(db, SCHEMA_V1)


def _migrate_to_2(db: sqlite3.Connection) -> None:
    """Adds watch_hits. Matches already in a version-1 store were printed by the runs that found
    them, so they are recorded as seen: upgrading must not raise an alert for old notices."""
    _run_script(db, SCHEMA_V2)
    from notices.watch import find_hits

    names = [name for (name,) in db.execute("SELECT name FROM watch")]
    if names:
        notices = [Notice.model_validate_json(record) for (record,) in db.execute("SELECT record FROM notices")]
        _insert_hits(db, find_hits(names, notices))


def _migrate_to_3(db: sqlite3.Connection) -> None:
    """Adds settings. No calendar version is recorded, so the next run counts the dates again."""
    _run_script(db, SCHEMA_V3)


def _migrate_to_4(db: sqlite3.Connection) -> None:
    """Adds runs. Runs before it are not known: the review index starts with the next one."""
    _run_script(db, SCHEMA_V4)


# MIGRATIONS[n] takes a store from version n to n + 1; a new file runs them all.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_migrate_to_1, _migrate_to_2, _migrate_to_3,
                                                          _migrate_to_4]
SCHEMA_VERSION = len(MIGRATIONS)


def _when_free(statement, seconds: float = BUSY_TIMEOUT_SECONDS):
    """Run a statement that SQLite may refuse at once with 'database is locked' instead of
    waiting (switching a new database to WAL while another process opens it): retry it."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return statement()
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class Store:
    """Open with Store.open(path) (a context manager); every write is its own transaction."""

    def __init__(self, db: sqlite3.Connection, path: Path):
        self._db = db
        self.path = path

    @classmethod
    def open(cls, path: Path | str, create: bool = True, readonly: bool = False) -> Store:
        """The store at path, made there when create. readonly reads it as it is (no WAL switch, no
        migration, no write at all), so that a store in a read-only folder or file answers queries."""
        path = Path(path)
        kind = _file_kind(path)
        if kind is None:
            if readonly or not create:
                raise StorePathError(f"no store at {one_line(str(path))}: run `notices run` first")
            _make_file(path)
        elif kind != "file":  # SQLite would block on a pipe, write into a device
            raise StorePathError(f"{one_line(str(path))} cannot hold a store: it is {kind}")
        reader, version = _open_checked(path)  # before the first write: another program's file stays as it was
        if readonly:
            try:
                _check_readable(path, version)
            except BaseException:
                reader.close()
                raise
            return cls(reader, path)
        reader.close()
        db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        try:
            with _damage_is_a_store_error(path):
                _when_free(lambda: db.execute("PRAGMA journal_mode=WAL"))
                db.execute("PRAGMA synchronous=NORMAL")  # with WAL: a killed process loses nothing committed
                db.execute("PRAGMA foreign_keys=ON")
                store = cls(db, path)
                store._migrate()
        except BaseException:
            db.close()
            raise
        return store

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        if self._identity() == (APPLICATION_ID, SCHEMA_VERSION):
            return
        with self._transaction():  # re-read inside the lock: another process may have migrated
            version = self.version
            if version > SCHEMA_VERSION:
                raise StoreError(too_new(self.path, version))
            for migrate in MIGRATIONS[version:]:
                migrate(self._db)
            self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self._db.execute(f"PRAGMA application_id = {APPLICATION_ID}")  # a store from before the id gets it

    def _identity(self) -> tuple[int, int]:
        return self._db.execute("PRAGMA application_id").fetchone()[0], self.version

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the write lock: readers go on, other writers wait (up to the busy timeout). A run
        writes its exports inside it, so two runs never write the same export file at once."""
        with self._transaction():
            yield

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self._db.in_transaction:  # inside locked(): part of that transaction
            yield
            return
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # Pages and notices

    def has_page(self, path: str, sha256: str) -> bool:
        """True when this content is stored: at this path, or copied from another path (the same
        bytes are the same page, not a second printing of its notices)."""
        return self.page_path(sha256) is not None

    def page_path(self, sha256: str) -> str | None:
        """The path this content was stored from, or None."""
        row = self._db.execute("SELECT path FROM pages WHERE sha256 = ? ORDER BY path LIMIT 1", (sha256,)).fetchone()
        return row[0] if row else None

    def page_notice_count(self, sha256: str) -> int:
        row = self._db.execute("SELECT notice_count FROM pages WHERE sha256 = ? LIMIT 1", (sha256,)).fetchone()
        return row[0] if row else 0

    def add_page(self, result: PageResult, sha256: str, read_at: str | None = None) -> Added:
        """Store one page's notices in one transaction; returns the new and already known notice
        counts, and the path this content was already stored from, if any.

        Content stored from another path is a copy and adds nothing: the same bytes are the same
        page, not a second printing of its notices. That is decided inside the transaction, so
        that runs storing copies at once store one. Stored from this path, it is read again. A
        path stored before with other content is replaced: its old sightings go, and a notice
        seen nowhere else goes with them.
        """
        if result.error:
            raise ValueError(f"{result.page}: an unread page is not stored ({result.error})")
        path = str(result.page)
        with self._transaction():
            stored_from = self._stored_from(sha256, path)
            if stored_from not in (None, path):
                return Added((), self.page_notice_count(sha256), stored_from)
            self._db.execute("DELETE FROM sightings WHERE page = ?", (path,))
            self._db.execute(
                "INSERT INTO pages (path, sha256, page_date, notice_count, read_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256, page_date = excluded.page_date, "
                "notice_count = excluded.notice_count, read_at = excluded.read_at "
                "WHERE sha256 IS NOT excluded.sha256",  # the same page again changes no row
                (path, sha256, _iso(result.page_date), len(result.notices), read_at),
            )
            identified = [notice if notice.id else notice.with_id() for notice in result.notices]
            new = tuple(notice.id for notice in identified if self._add_notice(notice, path))
            self._delete_unseen_notices()
        return Added(new, len(identified) - len(new), stored_from, tuple(notice.id for notice in identified))

    def _stored_from(self, sha256: str, path: str) -> str | None:
        """The path this content is stored from: this one if it is among them, or None."""
        paths = [stored for (stored,) in self._db.execute(
            "SELECT path FROM pages WHERE sha256 = ? ORDER BY path", (sha256,))]
        return path if path in paths else next(iter(paths), None)

    def _add_notice(self, notice: Notice, path: str) -> bool:
        """Insert or refresh one notice and its sighting; True when its id is new to the store."""
        stored_page = self._db.execute("SELECT page FROM notices WHERE id = ?", (notice.id,)).fetchone()
        if stored_page is None or stored_page[0] == path:  # new, or re-read from its own page
            self._db.execute(
                "INSERT INTO notices (id, notice_type, publication_date, hearing_datetime, authority, page, "
                "span_start, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                "notice_type = excluded.notice_type, publication_date = excluded.publication_date, "
                "hearing_datetime = excluded.hearing_datetime, authority = excluded.authority, "
                "span_start = excluded.span_start, record = excluded.record",
                (notice.id, notice.notice_type, _iso(notice.publication_date), _iso(notice.hearing_datetime),
                 notice.authority, path, notice.span[0], notice.model_dump_json()),
            )
            self._db.execute("DELETE FROM case_numbers WHERE notice_id = ?", (notice.id,))
            self._db.executemany(
                "INSERT OR IGNORE INTO case_numbers (notice_id, case_key, case_number) VALUES (?, ?, ?)",
                [(notice.id, case_key(number), number) for number in notice.case_numbers],
            )
        self._db.execute(
            "INSERT OR IGNORE INTO sightings (notice_id, page, span_start, span_end) VALUES (?, ?, ?, ?)",
            (notice.id, path, notice.span[0], notice.span[1]),
        )
        return stored_page is None

    def _delete_unseen_notices(self) -> None:
        unseen = "SELECT id FROM notices WHERE id NOT IN (SELECT notice_id FROM sightings)"
        self._db.execute(f"DELETE FROM case_numbers WHERE notice_id IN ({unseen})")
        self._db.execute(f"DELETE FROM notices WHERE id IN ({unseen})")

    def setting(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def replace_records(self, notices: list[Notice], settings: dict[str, str]) -> None:
        """Store new records of stored notices (their ids unchanged) and the settings they were
        made with, in one transaction: dates counted again on a new calendar."""
        with self._transaction():
            self._db.executemany(
                "UPDATE notices SET notice_type = ?, publication_date = ?, hearing_datetime = ?, authority = ?, "
                "record = ? WHERE id = ?",
                [(n.notice_type, _iso(n.publication_date), _iso(n.hearing_datetime), n.authority, n.model_dump_json(),
                  n.id) for n in notices])
            self._db.executemany("INSERT INTO settings (key, value) VALUES (?, ?) "
                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value", list(settings.items()))

    def notices(self) -> list[Notice]:
        """Every stored notice, in publication order (undated last), then page and position."""
        rows = self._db.execute(
            "SELECT record FROM notices "
            "ORDER BY publication_date IS NULL, publication_date, page, span_start, id"
        )
        return [Notice.model_validate_json(record) for (record,) in rows]

    def sightings(self) -> list[Sighting]:
        rows = self._db.execute(
            "SELECT s.notice_id, s.page, s.span_start, s.span_end, p.page_date "
            "FROM sightings s JOIN pages p ON p.path = s.page ORDER BY s.page, s.span_start, s.notice_id"
        )
        return [Sighting(notice_id=notice_id, page=page, span=(start, end), page_date=page_date)
                for notice_id, page, start, end, page_date in rows]

    def sighting_counts(self) -> dict[str, int]:
        rows = self._db.execute("SELECT notice_id, COUNT(*) FROM sightings GROUP BY notice_id ORDER BY notice_id")
        return dict(rows.fetchall())

    def cases(self) -> list[Case]:
        return build_cases(self.notices(), self.sighting_counts())

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables (for summaries and tests)."""
        tables = ["pages", "notices", "sightings", "case_numbers", "watch", "watch_hits", "settings", "runs"]
        return {table: self._db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in tables}

    # Runs

    def add_run(self, run: Run) -> Run:
        """Record a run (its number is ignored: the next one is given) and return it numbered."""
        with self._transaction():
            cursor = self._db.execute(
                "INSERT INTO runs (read_at, pages, pages_new, pages_failed, hits_new) VALUES (?, ?, ?, ?, ?)",
                (run.read_at, run.pages, run.pages_new, run.pages_failed, run.hits_new))
            number = cursor.lastrowid
            new = set(run.new)
            self._db.executemany(
                "INSERT INTO run_notices (run, position, notice_id, new) VALUES (?, ?, ?, ?)",
                [(number, position, notice_id, notice_id in new) for position, notice_id in enumerate(run.found)])
        return run.model_copy(update={"number": number})

    def runs(self) -> list[Run]:
        """Every recorded run, oldest first, with the notices it found that are still stored."""
        found: dict[int, list[tuple[str, bool]]] = {}
        for number, notice_id, new in self._db.execute(
                "SELECT r.run, r.notice_id, r.new FROM run_notices r JOIN notices n ON n.id = r.notice_id "
                "ORDER BY r.run, r.position"):
            found.setdefault(number, []).append((notice_id, bool(new)))
        rows = self._db.execute(
            "SELECT number, read_at, pages, pages_new, pages_failed, hits_new FROM runs ORDER BY number")
        return [Run(number=number, read_at=read_at, pages=pages, pages_new=pages_new, pages_failed=failed,
                    hits_new=hits_new, found=[i for i, _ in found.get(number, [])],
                    new=[i for i, is_new in found.get(number, []) if is_new])
                for number, read_at, pages, pages_new, failed, hits_new in rows]

    # The watch list

    def watch_add(self, name: str) -> bool:
        """Watch a name (checked by watch.check_name); False when it is watched already."""
        from notices.watch import check_name, fold_name

        name = check_name(name)
        with self._transaction():
            cursor = self._db.execute("INSERT OR IGNORE INTO watch (name, folded) VALUES (?, ?)",
                                      (name, fold_name(name)))
        return cursor.rowcount == 1

    def watch_remove(self, name: str) -> bool:
        """Stop watching a name (however it is printed) and forget its hits; False if not watched."""
        from notices.watch import fold_name

        with self._transaction():
            row = self._db.execute("SELECT name FROM watch WHERE folded = ?", (fold_name(name),)).fetchone()
            if row is None:
                return False
            self._db.execute("DELETE FROM watch WHERE name = ?", row)
            self._db.execute("DELETE FROM watch_hits WHERE name = ?", row)
        return True

    def watch_list(self) -> list[str]:
        return [name for (name,) in self._db.execute("SELECT name FROM watch ORDER BY name")]

    def record_hits(self, hits: list[Hit]) -> list[Hit]:
        """Remember hits; returns those not recorded before (what a run alerts on)."""
        with self._transaction():
            new = _insert_hits(self._db, hits)
        return new

    def hits(self) -> list[Hit]:
        """Recorded hits of watched names on stored notices, sorted."""
        from notices.watch import Hit

        rows = self._db.execute(
            "SELECT h.name, h.notice_id, h.role, h.party FROM watch_hits h "
            "JOIN watch w ON w.name = h.name JOIN notices n ON n.id = h.notice_id "
            "ORDER BY h.name, h.notice_id, h.role, h.party"
        )
        return [Hit(*row) for row in rows]


# Where a store can be, and telling a notices store from any other file by reading it only

SQLITE_HEADER = b"SQLite format 3\x00"
OUR_TABLES = frozenset({"pages", "notices", "sightings"})


def _make_file(path: Path) -> None:
    """Make an empty file for a new store, so that SQLite is only ever given a regular file; a path
    where none can be made is bad use."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))  # SQLite's own mode
    except OSError as error:
        if isinstance(error, FileExistsError) and path.parent.is_dir():  # another run made it first
            return
        blocking = _not_a_directory(path)
        why = f"{one_line(str(blocking))} is not a directory" if blocking else error.strerror or str(error)
        raise StorePathError(f"cannot make a store at {one_line(str(path))}: {why}") from None


def _not_a_directory(path: Path) -> Path | None:
    """The nearest existing parent of path when it is not a directory."""
    for parent in path.parents:
        if parent.exists():
            return None if parent.is_dir() else parent
    return None


def _file_kind(path: Path) -> str | None:
    """'file', 'a directory', 'not a regular file', or None when nothing is there. A path that
    cannot even be looked at cannot hold a store."""
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        raise StorePathError(f"{one_line(str(path))} cannot hold a store: {error.strerror or error}") from None
    return "file" if stat.S_ISREG(mode) else "a directory" if stat.S_ISDIR(mode) else "not a regular file"


def _open_checked(path: Path) -> tuple[sqlite3.Connection, int | None]:
    """A read-only connection to a file that is a notices store or still empty, and its schema
    version (None when empty); StoreError for any other file. A read-only connection never
    writes (a read-write one could roll back a journal or checkpoint a WAL file of another
    program's when it closes)."""
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except OSError as error:
        raise StoreError(f"{one_line(str(path))}: cannot read it: {error.strerror or error}") from None
    if header and header != SQLITE_HEADER:
        raise StoreError(f"{one_line(str(path))} is not a notices store (not an SQLite database)")
    with _damage_is_a_store_error(path):
        db = _connect_readonly(path)
        try:
            application_id, version, names = _when_free(lambda: _read_identity(db))
        except BaseException:
            db.close()
            raise
    why = not_ours(application_id, version, names)
    if why or version > SCHEMA_VERSION:
        db.close()
        raise StoreError(f"{one_line(str(path))} is not a notices store ({why})" if why else too_new(path, version))
    return db, version if names else None


@contextmanager
def _damage_is_a_store_error(path: Path) -> Iterator[None]:
    """SQLite finding no database, or a malformed one, is a damaged store; busy or unwritable
    (OperationalError) passes as it is, for the caller to say so."""
    try:
        yield
    except sqlite3.OperationalError:
        raise
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{one_line(str(path))}: not a usable notices store ({error})") from None


def _connect_readonly(path: Path) -> sqlite3.Connection:
    """A connection that cannot write. SQLite reads a WAL file through a -shm file it makes
    beside it; in a read-only folder it cannot, and then, with no -wal file there (the last writer
    checkpointed all into the store), the store file alone is the whole of it: it is read as
    immutable, which needs no -shm."""
    def connect(query: str) -> sqlite3.Connection:
        return sqlite3.connect(path.absolute().as_uri() + query, uri=True, timeout=BUSY_TIMEOUT_SECONDS,
                               isolation_level=None)

    db = connect("?mode=ro")
    try:
        _when_free(lambda: db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone())
    except sqlite3.OperationalError as error:
        db.close()
        if "readonly" not in str(error) or Path(f"{path}-wal").exists():
            raise
        return connect("?mode=ro&immutable=1")
    except BaseException:
        db.close()
        raise
    return db


def _check_readable(path: Path, version: int | None) -> None:
    """A store opened read-only must be one this version reads as it is."""
    if version is None:
        raise StorePathError(f"no store at {one_line(str(path))}: run `notices run` first (the file is empty)")
    if version < SCHEMA_VERSION:
        raise StoreError(f"{one_line(str(path))} has schema version {version}, older than this notices' "
                         f"{SCHEMA_VERSION}: run `notices run` once to upgrade it")


def _read_identity(db: sqlite3.Connection) -> tuple[int, int, dict[str, str]]:
    """The application id, the user version and every schema object (name: type), read together."""
    db.execute("BEGIN")
    try:
        application_id = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        return application_id, version, dict(db.execute("SELECT name, type FROM sqlite_master"))
    finally:
        db.execute("ROLLBACK")


def not_ours(application_id: int, version: int, names: dict[str, str]) -> str | None:
    """Why a database is not a notices store, or None when it is one or is still empty. A store
    from before the application id has the id 0, a version and our tables."""
    if application_id == APPLICATION_ID or (application_id == 0 and version == 0 and not names):
        return None
    if application_id != 0:
        return f"application id {application_id:#010x}, another program's"
    tables = {name for name, kind in names.items() if kind == "table"}
    if version >= 1 and OUR_TABLES <= tables:
        return None
    return "it holds another program's tables"


def too_new(path: Path, version: int) -> str:
    return f"{one_line(str(path))} has schema version {version}; this notices knows {SCHEMA_VERSION}: upgrade notices"


def _insert_hits(db: sqlite3.Connection, hits: list[Hit]) -> list[Hit]:
    new = []
    for hit in hits:
        cursor = db.execute("INSERT OR IGNORE INTO watch_hits (name, notice_id, role, party) VALUES (?, ?, ?, ?)",
                            (hit.name, hit.notice_id, hit.role, hit.party))
        if cursor.rowcount == 1:
            new.append(hit)
    return new


def _run_script(db: sqlite3.Connection, script: str) -> None:
    # executescript() would COMMIT the open migration transaction; run statement by statement.
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None
