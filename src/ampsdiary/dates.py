"""Friendly dates: today, yesterday, mon (the most recent Monday), 3d, 2026-11-02, 2026-W47."""

from __future__ import annotations

import datetime as dt
import os
import re

from .errors import DiaryError

YEARS_BACK = 25  # the oldest date a diary takes, in years before today
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DATE_HELP = (
    "today, yesterday, YYYY-MM-DD, a weekday (mon = the most recent Monday) or 3d (3 days ago)"
)


def today() -> dt.date:
    """The local date; AMPSDIARY_TODAY pins it so demos, docs and tests are reproducible."""
    pinned = os.environ.get("AMPSDIARY_TODAY")
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()


def earliest() -> dt.date:
    """The oldest date a diary takes: a typo like 0001-01-01 must not make years of empty days."""
    now = today()
    return now.replace(year=now.year - YEARS_BACK, day=min(now.day, 28))


def parse_date(raw: str, field: str = "date") -> dt.date:
    """Read a date the way a teen would type it; the future and the distant past are refused."""
    text = raw.strip().lower()
    now = today()
    try:
        day = _read(text, now)
    except (ValueError, OverflowError):
        raise DiaryError(field, raw, f"is not a date; use {DATE_HELP}") from None
    return check_day(day, field, raw)


def check_day(day: object, field: str = "date", raw: object = None) -> dt.date:
    """A day a diary takes: a date (not a date and time), from `earliest()` to today."""
    said = day if raw is None else raw
    if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
        raise DiaryError(field, said, "is not a date; use a datetime.date (YYYY-MM-DD)")
    now = today()
    if day > now:
        raise DiaryError(field, str(said), f"is in the future; use a date up to today ({now})")
    if day < earliest():
        raise DiaryError(
            field, str(said), f"is too long ago; use a date from {earliest()} to today"
        )
    return day


def _read(text: str, now: dt.date) -> dt.date:
    if text in ("today", "now", ""):
        return now
    if text == "yesterday":
        return now - dt.timedelta(days=1)
    if len(text) >= 3 and (named := [i for i, w in enumerate(WEEKDAYS) if w.startswith(text)]):
        return now - dt.timedelta(days=(now.weekday() - named[0]) % 7)
    if m := re.fullmatch(r"(\d{1,5})\s*d(ays?)?(\s*ago)?", text):
        return now - dt.timedelta(days=int(m.group(1)))
    return dt.date.fromisoformat(text)


def parse_time(raw: str, field: str = "time") -> str:
    """HH:MM on a 24-hour clock, stored as text so it sorts."""
    try:
        return dt.time.fromisoformat(raw.strip().zfill(5)).strftime("%H:%M")
    except ValueError:
        raise DiaryError(
            field, raw, "is not a time; use HH:MM on a 24-hour clock, e.g. 08:30"
        ) from None


def week_of(raw: str | None, field: str = "week") -> dt.date:
    """The Monday of the week holding a date or naming an ISO week (2026-W47)."""
    if raw and (m := re.fullmatch(r"(\d{4})-?w(\d{1,2})", raw.strip().lower())):
        year = int(m.group(1))
        try:
            monday = dt.date.fromisocalendar(year, int(m.group(2)), 1)
        except ValueError:
            raise DiaryError(field, raw, _not_a_week(year)) from None
        if monday < earliest():
            raise DiaryError(field, raw, f"is too long ago; use a week from {earliest()} on")
        return monday
    try:
        day = parse_date(raw or "today", field)
    except DiaryError as error:
        if not error.allowed.startswith("is not a date"):
            raise  # a real day, only too new or too old: that message says why
        raise DiaryError(field, raw, _not_a_week(None)) from None
    return day - dt.timedelta(days=day.weekday())


def week_monday(raw: str | None, field: str = "week") -> dt.date:
    """The Monday of a week that has begun: a week after this one is refused."""
    monday = week_of(raw, field)
    if monday > today():
        raise DiaryError(field, raw, f"is in the future; the latest week is {iso_week(today())}")
    return monday


def _not_a_week(year: int | None) -> str:
    """Both forms for a typo; for a week number the year lacks, the weeks it really has."""
    if year is not None and year >= dt.MINYEAR:
        weeks = dt.date(year, 12, 28).isocalendar().week  # 28 Dec is always in the last week
        return f"is not a week; {year} has weeks 1 to {weeks} ({year}-W01 to {year}-W{weeks})"
    example = iso_week(today())
    return f"is not a week or a day; use YYYY-Www (e.g. {example}) or a day in it: {DATE_HELP}"


def date_range(start: dt.date, end: dt.date) -> list[dt.date]:
    """Every calendar day from start to end, inclusive."""
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


def day_label(day: dt.date) -> str:
    """How every output names a day: 'Tue 6 Oct'."""
    return f"{day:%a} {day.day} {day:%b}"


def logged_label(day: dt.date) -> str:
    """'Tue 6 Oct', with the year when it is not this year's: a mistyped year shows."""
    return day_label(day) + ("" if day.year == today().year else f" {day.year}")


def iso_week(day: dt.date) -> str:
    """'2026-W47': the ISO week holding the day, as --week takes it."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def long_label(day: dt.date) -> str:
    """'Tuesday 3 November 2026', the heading of one day's page."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def span_label(start: dt.date, end: dt.date) -> str:
    """'Mon 9 Nov – Sun 15 Nov 2026'; the first year too when the span crosses New Year;
    one day alone is 'Thu 1 Oct 2026'."""
    if start == end:
        return f"{day_label(end)} {end.year}"
    first = day_label(start) + (f" {start.year}" if start.year != end.year else "")
    return f"{first} – {day_label(end)} {end.year}"
