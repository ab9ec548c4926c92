"""Small encouragements: days logged in a row and this week's function against last week's."""

from __future__ import annotations

import datetime as dt

from .analysis.measures import mean, one, plural
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
    line = f"{plural(run, 'day')} logged in a row." if run > 1 else "Logged. Well done."
    this_week, last_week = (
        one(mean(d.function for d in span)) for span in (days[-7:], days[-14:-7])
    )
    if this_week is not None and last_week is not None:
        if this_week > last_week:
            line += f" You did more this week: function {last_week:g} -> {this_week:g}."
        elif this_week < last_week:
            line += f" Function {last_week:g} -> {this_week:g}: hard weeks happen, keep moving."
        else:
            line += f" Function steady at {this_week:g}."
    return line + " Function usually comes back before pain eases."
