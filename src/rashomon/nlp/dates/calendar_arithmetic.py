"""Calendar arithmetic: ISO weeks, quarters, shifting months and years, nth weekdays, Easter."""

from __future__ import annotations

import re
from datetime import date, timedelta


def _week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def _quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _shift_quarter(year: int, quarter: int, quarters: int) -> tuple[int, int]:
    index = year * 4 + quarter - 1 + quarters
    return index // 4, index % 4 + 1


def _weekday_on_or_before(day: date, weekday: int) -> date:
    return day - timedelta(days=(day.isoweekday() - weekday) % 7)


def _weekday_on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.isoweekday()) % 7)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    if nth > 0:
        return _weekday_on_or_after(date(year, month, 1), weekday) + timedelta(weeks=nth - 1)
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return _weekday_on_or_before(last, weekday)


def _easter(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)


def _shift_value(value: str, years: int) -> str | None:
    """A calendar value moved by whole years, keeping its granularity."""
    match = re.match(r"(\d{4})(.*)", value)
    if not match:
        return None
    rest = match.group(2)
    if rest == "-02-29":
        rest = "-02-28"
    return f"{int(match.group(1)) + years:04d}{rest}"
