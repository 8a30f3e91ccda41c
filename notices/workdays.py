"""Working days and rest days of the Chinese public calendar, each year from a named source.

A period whose last day is a rest day ends on the next working day, so every count asks which days
are rest days. The State Council publishes each year's schedule (国务院办公厅关于…年部分节假日安排
的通知) late in the year before: the statutory holidays, the days added to them and the weekends
worked in lieu. A year's schedule comes from, in order:

1. a schedule file: notices/data/holidays/*.tsv, then the files NOTICES_CALENDAR names (paths
   separated by os.pathsep), then those given with --calendar, so a user adds a year the day it
   is published, without a release; a file lists the year's rest days and working days; other
   days are rest days at weekends;
2. chinese_calendar, for the years its release carries (from 2004);
3. for a later year (to 2100), a provisional schedule: weekends, and the statutory holidays of 《全国年节及纪念日
   放假办法》 (2024年11月10日修订, 2025年1月1日起施行), their lunar dates computed: 元旦 1 day, 春节 4
   (除夕, 正月初一至初三), 清明节 1, 劳动节 2 (5月1日、2日), 端午节 1, 中秋节 1, 国庆节 3 (10月1日至3日).
   A date counted on it is provisional: the published schedule adds days around the holidays
   (a date may move later) and makes some weekends working days (a date may move earlier).

`version()` is a digest of all of it: every basis names it, and a store whose dates were counted
on another version has them counted again.
"""
from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import chinese_calendar
from lunar_python import Lunar, Solar

from notices.vocab import DATA

SCHEDULES = DATA / "holidays"
STATUTE = "全国年节及纪念日放假办法(2024修订)"
FIRST_YEAR, LAST_YEAR = 2004, 2100


@dataclass(frozen=True)
class Schedule:
    """One year's rest days and working days, and where they come from."""

    year: int
    source: str  # the State Council notice, chinese_calendar's release, or the statute alone
    rest: frozenset[dt.date]  # rest days that are not weekends
    work: frozenset[dt.date]  # weekends worked in lieu
    provisional: bool = False

    def is_workday(self, day: dt.date) -> bool:
        if day in self.rest:
            return False
        return day in self.work or day.weekday() < 5


class CalendarError(ValueError):
    """A schedule file that cannot be read: the message names the file and line."""


def is_workday(day: dt.date) -> bool:
    return schedule(day.year).is_workday(day)


def next_workday(day: dt.date) -> dt.date:
    """day itself if it is a working day, else the first working day after it."""
    while not is_workday(day):
        day += dt.timedelta(days=1)
    return day


def provisional_years(first: dt.date, last: dt.date) -> list[int]:
    """The years from first to last whose schedule is provisional."""
    return [year for year in range(first.year, last.year + 1) if schedule(year).provisional]


def provisional_note(years: list[int]) -> str:
    listed = ", ".join(map(str, years))
    return (f"provisional: no published holiday schedule for {listed}; counted with weekends and the statutory "
            f"holidays of {STATUTE} only; the State Council's schedule adds days around the holidays (the date may "
            "move later) and makes some weekends working days (it may move earlier)")


@cache
def schedule(year: int) -> Schedule:
    """The year's schedule; ValueError for a year no calendar is kept for: before the first year
    chinese_calendar carries (the statute's holidays were others then) or past any year a
    date could be counted to (a misread year)."""
    published = _published().get(year)
    if published:
        return published
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"no holiday calendar for the year {year}")
    if _in_chinese_calendar(year):
        days = [dt.date(year, 1, 1) + dt.timedelta(days=n) for n in range(366 if calendar.isleap(year) else 365)]
        rest = frozenset(d for d in days if d.weekday() < 5 and not chinese_calendar.is_workday(d))
        work = frozenset(d for d in days if d.weekday() >= 5 and chinese_calendar.is_workday(d))
        return Schedule(year, f"chinese_calendar {_version()}", rest, work)
    return Schedule(year, f"{STATUTE}, weekends (provisional)", statutory_holidays(year), frozenset(), provisional=True)


def statutory_holidays(year: int) -> frozenset[dt.date]:
    """The statutory holidays of a year, without the days a schedule adds or moves."""
    spring = _solar(Lunar.fromYmd(year, 1, 1).getSolar())
    return frozenset({dt.date(year, 1, 1), *(spring + dt.timedelta(days=n) for n in range(-1, 3)),  # 除夕 to 初三
                      _solar(Lunar.fromYmd(year, 3, 1).getJieQiTable()["清明"]),
                      dt.date(year, 5, 1), dt.date(year, 5, 2),
                      _solar(Lunar.fromYmd(year, 5, 5).getSolar()), _solar(Lunar.fromYmd(year, 8, 15).getSolar()),
                      dt.date(year, 10, 1), dt.date(year, 10, 2), dt.date(year, 10, 3)})


def _solar(solar: Solar) -> dt.date:
    return dt.date(solar.getYear(), solar.getMonth(), solar.getDay())


def _in_chinese_calendar(year: int) -> bool:
    try:
        chinese_calendar.is_workday(dt.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def _version() -> str:
    return getattr(chinese_calendar, "__version__", "")


_given: list[Path] = []  # the --calendar files of the command being run


def use_schedule_files(paths: list[Path]) -> None:
    """Count with these schedule files too, after the others (a later file's year wins), in place
    of any given before. Every schedule file is read at once, so one that cannot be read is a
    CalendarError before any date is counted."""
    _given[:] = paths
    refresh()
    _published()


def refresh() -> None:
    """Read the schedule files again: NOTICES_CALENDAR or a file changed."""
    schedule.cache_clear()
    _published.cache_clear()
    version.cache_clear()


def schedule_files() -> list[Path]:
    files = sorted(SCHEDULES.glob("*.tsv")) if SCHEDULES.is_dir() else []
    files += [Path(name) for name in os.environ.get("NOTICES_CALENDAR", "").split(os.pathsep) if name]
    return files + _given


@cache
def version() -> str:
    """A short digest of the calendar data: the schedule files' contents, chinese_calendar's
    release and the statute the provisional years follow."""
    digest = hashlib.sha256(f"{_version()}\x1f{STATUTE}".encode("utf-8"))
    for path in schedule_files():
        digest.update(b"\x1f" + path.read_bytes())
    return digest.hexdigest()[:12]


@cache
def _published() -> dict[int, Schedule]:
    """The years the schedule files give; a later file's year replaces an earlier one's."""
    years: dict[int, Schedule] = {}
    for path in schedule_files():
        for found in read_schedule(path):
            years[found.year] = found
    return years


def read_schedule(path: Path) -> list[Schedule]:
    """A schedule file: '# source: <the State Council notice>' and lines 'YYYY-MM-DD<TAB>rest|work[<TAB>note]'."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise CalendarError(f"calendar file {path}: {error.strerror or error}") from None
    source = path.name
    days: dict[int, tuple[set[dt.date], set[dt.date]]] = {}
    for number, line in enumerate(lines, 1):
        text = line.strip()
        if text.lower().startswith("# source:"):
            source = text.split(":", 1)[1].strip()
        if not text or text.startswith("#"):
            continue
        fields = text.split("\t")
        try:
            day = dt.date.fromisoformat(fields[0].strip())
            kind = fields[1].strip()
        except (ValueError, IndexError):
            raise CalendarError(f"calendar file {path}, line {number}: expected 'YYYY-MM-DD<TAB>rest|work', "
                                f"got {line!r}") from None
        if kind not in ("rest", "work"):
            raise CalendarError(f"calendar file {path}, line {number}: '{kind}' is neither rest nor work")
        rest, work = days.setdefault(day.year, (set(), set()))
        (rest if kind == "rest" else work).add(day)
    return [Schedule(year, source, frozenset(rest), frozenset(work)) for year, (rest, work) in sorted(days.items())]
