"""The baseline: the week the recovery analysis measures every change against.

The week before the treatment start when one is set and something was logged then; else
the first 7 logged days; options choose any window. Kept apart from the onsets so each
rule reads on its own page.
"""

from __future__ import annotations

import datetime as dt

from ..daily import Day
from ..dates import date_range
from ..errors import EMPTY_DIARY, DiaryError
from .measures import SCALES, mean, series

BASELINE_SOURCES = {  # where the baseline days come from, in words
    "options": "the days chosen with --baseline-from/--baseline-to",
    "treatment-start": "the week before the treatment start",
    "first-logged-days": "the first days logged",
}
BASELINE_DAYS = 7


def baseline_window(
    logged: list[dt.date],
    treatment_start: dt.date | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    last_day: dt.date | None = None,
) -> tuple[dt.date, dt.date, str]:
    """The baseline's first and last day, and where they come from (one of BASELINE_SOURCES).

    Given options win (one alone makes a 7-day window); else the 7 days before the
    treatment start; else the first 7 logged days (fewer while the diary is younger). A
    treatment start after `last_day` (the last day analysed), or with nothing logged in the
    7 days before it (set from before the diary began), falls back to the first logged days:
    a baseline with nothing in it, or still to come, would switch the analysis off.
    """
    span = dt.timedelta(days=BASELINE_DAYS - 1)
    if start and end and start > end:
        raise DiaryError(
            "baseline_from", start.isoformat(), f"is after {{baseline_to}} ({end}); swap them"
        )
    if end is not None or start is not None:
        first, last = start or end - span, end or start + span
        _check_options(start, end, last, logged[0], last_day)
        return first, last, "options"
    if treatment_start and (last_day is None or treatment_start <= last_day):
        last = treatment_start - dt.timedelta(days=1)
        if any(last - span <= d <= last for d in logged):
            return last - span, last, "treatment-start"
    first = logged[:BASELINE_DAYS]
    return first[0], first[-1], "first-logged-days"


def _check_options(
    start: dt.date | None,
    end: dt.date | None,
    last: dt.date,
    first_logged: dt.date,
    last_day: dt.date | None,
) -> None:
    """Refuse a chosen baseline that ends before the diary, or leaves no day after it.

    Either makes every onset impossible while the words would say "not yet". The option
    named is baseline_to when given (it sets the end), else baseline_from.
    """
    latest = None if last_day is None else last_day - dt.timedelta(days=1)
    too_early, too_late = last < first_logged, latest is not None and last > latest
    if not (too_early or too_late):
        return
    before = f"before the diary's first day ({first_logged})"
    if end:
        flag, value = "baseline_to", end
        problem = (
            f"is {before}" if too_early else "leaves no day after the baseline to compare with"
        )
    else:
        flag, value = "baseline_from", start
        after = "with no day after it to compare with" if too_late else before
        problem = f"makes a baseline that ends on {last}, {after}"
    raise DiaryError(flag, value.isoformat(), f"{problem}; {_allowed(end, first_logged, latest)}")


def _allowed(end: dt.date | None, first_logged: dt.date, latest: dt.date | None) -> str:
    """The dates an option may take: the baseline ends from the first logged day to `latest`."""
    if latest is None:
        return f"use a date from {first_logged} on"
    highest = latest - dt.timedelta(days=0 if end else BASELINE_DAYS - 1)
    if highest < first_logged:
        return "the diary is too young to choose a baseline yet; log a few more days"
    return f"use a date from {first_logged} to {highest}"


def logged_dates(days: list[Day]) -> list[dt.date]:
    logged = [d.date for d in days if d.logged]
    if not logged:
        raise DiaryError("diary", None, EMPTY_DIARY)
    return logged


def window_days(days: list[Day], start: dt.date, end: dt.date) -> list[Day]:
    """One Day for each calendar day from start to end; a day outside `days` is not logged."""
    by_date = {d.date: d for d in days}
    return [by_date.get(date) or Day(date) for date in date_range(start, end)]


def means(days: list[Day], start: dt.date, end: dt.date) -> dict[str, float | None]:
    """The exact mean of each measure over the days from start to end."""
    window = window_days(days, start, end)
    return {name: mean(series(window, name)) for name in SCALES}


def baseline_of(
    days: list[Day], treatment_start: dt.date | None = None
) -> tuple[dt.date, dt.date, dict[str, float | None]]:
    """(first day, last day, exact mean of each measure) of the baseline; needs a logged day.

    `days` run to the last day analysed (usually today), which decides whether the
    treatment start has come yet.
    """
    first, last, _ = baseline_window(logged_dates(days), treatment_start, None, None, days[-1].date)
    return first, last, means(days, first, last)
