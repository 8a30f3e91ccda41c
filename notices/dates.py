"""Chinese dates and times: 二〇二六年三月二十五日, 2026年08月18日, 下午2时30分, 9:30, 下午14:30.

Patterns find the pieces; conversion (numerals, 上午/下午, a missing year) is code. Every
function here is pure and never raises on bad text: it returns None or a reason.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from notices.model import CHINA_TZ

DIGITS = {"〇": 0, "○": 0, "零": 0, "O": 0, "o": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
          "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}

# A number as printed in a date or period: Arabic digits, or Chinese numerals.
NUMBER = r"(?:\d{1,4}|[〇○零一二两三四五六七八九十百千]{1,5})"
YEAR = r"(?:\d{4}|[〇○零Oo一二三四五六七八九]{4})"


def chinese_number(text: str) -> int | None:
    """'30' -> 30, '三十' -> 30, '十六' -> 16, '二〇二六' -> 2026, '二十一' -> 21; None if not a number."""
    text = text.strip()
    if not text:
        return None
    if text.isascii():
        return int(text) if text.isdigit() else None
    if any(ch not in DIGITS and ch not in UNITS for ch in text):
        return None
    if not any(ch in UNITS for ch in text):  # digit by digit: 二〇二六
        return int("".join(str(DIGITS[ch]) for ch in text))
    total, current = 0, 0
    for ch in text:
        if ch in DIGITS:
            current = DIGITS[ch]
        else:
            total += (current or 1) * UNITS[ch]
            current = 0
    return total + current


# 2026年6月9日, 二〇二六年六月十日, 2026年08月18日, 6月18日 (no year), 2017年2月28 (日 lost),
# 2026-06-15, 2026.6.9
DATE = regex.compile(
    rf"""
    (?:
        (?:(?P<year>{YEAR})\s*年\s*)?
        (?P<month>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*月\s*
        (?P<day>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})(?:\s*[日号])?
      |
        (?P<year>\d{{4}})[-./](?P<month>\d{{1,2}})[-./](?P<day>\d{{1,2}})(?!\d)
    )
    """,
    regex.VERBOSE,
)

# 上午9时30分, 下午2:30, 14时00分, 下午三时整, 9:30, 上午8：30 (folded to :), 下午3点, 9:00时,
# 14时30分许, 北京时间10时30分 (said for parties abroad)
TIME = regex.compile(
    r"""
    (?:北京时间\s*)?
    (?P<period>凌晨|早上|早晨|上午|中午|下午|晚上|傍晚|晚)?\s*
    (?:
        (?P<hour>\d{1,2})\s*:\s*(?P<minute>\d{2})(?:\s*[时点](?!间|候|期|效))?
      |
        (?P<hour>\d{1,2}|[〇零一二两三四五六七八九十]{1,3})\s*[时点](?!间|候|期|效)
        (?:\s*(?P<minute>\d{1,2}|[〇零一二三四五六七八九十]{1,3})\s*分|\s*(?P<half>半))?
    )
    (?:\s*(?:整|许|左右))?
    """,
    regex.VERBOSE,
)


@dataclass(frozen=True)
class DateHit:
    date: dt.date | None
    start: int
    end: int
    year_assumed: bool = False
    error: str | None = None


def parse_date_match(m: regex.Match, default_year: int | None) -> DateHit:
    """Turn a DATE match into a date; a missing year takes default_year and says so."""
    year = chinese_number(m.group("year")) if m.group("year") else default_year
    month = chinese_number(m.group("month"))
    day = chinese_number(m.group("day"))
    if year is None:
        return DateHit(None, m.start(), m.end(), error=f"no year for {m.group(0)!r}")
    try:
        value = dt.date(year, month or 0, day or 0)
    except ValueError:
        return DateHit(None, m.start(), m.end(), error=f"{m.group(0)!r} is not a date")
    return DateHit(value, m.start(), m.end(), year_assumed=m.group("year") is None)


def hour_of_day(period: str | None, hour: int) -> int:
    """下午2时 -> 14; 下午14时 stays 14 (a 24-hour clock after 下午 is common); 中午12时 -> 12."""
    if period in ("下午", "晚上", "傍晚", "晚") and hour < 12:
        return hour + 12
    if period == "中午" and hour < 11:
        return hour + 12
    return hour


def parse_time_match(m: regex.Match, period: str | None = None) -> tuple[dt.time | None, str | None]:
    """Turn a TIME match into a time, or None and the reason; `period` (上午, 下午) is the part of
    the day a heading above the time gives, when the time prints none."""
    hour = chinese_number(m.group("hour"))
    minute = 30 if m.group("half") else chinese_number(m.group("minute") or "0")
    if hour is None or minute is None:
        return None, f"{m.group(0)!r} is not a time"
    hour = hour_of_day(m.group("period") or period, hour)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None, f"{m.group(0)!r} is not a time of day"
    return dt.time(hour, minute), None


def combine(day: dt.date, time: dt.time | None) -> dt.date:
    """The hearing as a Moment: the day and time in China, or the day alone when no time is printed."""
    return day if time is None else dt.datetime.combine(day, time, tzinfo=CHINA_TZ)
