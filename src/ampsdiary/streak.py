"""Days logged in a row, and the two lines built on it: the check-in's encouragement and
nudge's reminder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .analysis.measures import SCALES, compare, mean, one, plural
from .daily import Day


def streak(logged: list[dt.date], today: dt.date) -> int:
    """Days logged in a row up to today, or up to yesterday while today is still open."""
    dates = set(logged)
    day = today if today in dates else today - dt.timedelta(days=1)
    count = 0
    while day in dates:
        count += 1
        day -= dt.timedelta(days=1)
    return count


def encouragement(logged: list[dt.date], days: list[Day], today: dt.date) -> str:
    """One short, kind line for the end of a check-in. `days` covers the last 14 days."""
    run = streak(logged, today)
    line = f"{plural(run, 'day')} logged in a row." if run > 1 else "Well done."
    this_week, last_week = (
        one(mean(d.function for d in span)) for span in (days[-7:], days[-14:-7])
    )
    change = f"function {last_week} -> {this_week} (the last 7 days against the 7 before)"
    direction, verdict = compare(SCALES["function"], this_week, last_week)
    line += {
        "better": f" You did more: {change}.",
        "worse": f" A harder stretch: {change}. Hard weeks happen; keep moving.",
        "same": f" Function about the same: {change}.",
        "up": f" Function a little higher: {change}.",  # a small change: its number, no verdict
        "down": f" Function a little lower: {change}.",
        None: "",
    }[verdict or direction]
    return line + " Function usually comes back before pain eases."


def reminder(logged: list[dt.date], today: dt.date) -> dict:
    """What `nudge` says: a line while today is open, None once it is logged."""
    done, run = today in logged, streak(logged, today)
    message = None
    if not done:
        message = "Not logged today yet: `ampsdiary log` takes a minute."
        if run:
            message += f" {plural(run, 'day')} in a row so far."
    return {"logged_today": done, "streak": run, "message": message}


def nudge(path: Path) -> dict:
    """`nudge` for the diary at path: read-only and quick (plain sqlite3), never creating,
    changing or locking a diary; a missing or empty one counts as nothing logged, and a
    damaged one raises a DiaryError (never "nothing logged", never "logged")."""
    from .dates import today
    from .store.quick import logged_dates

    return reminder(logged_dates(path) or [], today())
