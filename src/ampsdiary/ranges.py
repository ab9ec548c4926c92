"""Which days a command looks at, and the recovery analysis behind them.

One meaning for every command that takes --week or --from/--to (summary, trends, recovery,
plot, report), with one set of messages: a range runs from the first logged day (an earlier
--from is clipped to it, so 1990 does not draw 400 empty months) to today; a week runs
Monday to Sunday, to today while it is still going. The recovery analysis always starts at
the diary's first day, so showing fewer days never moves the baseline or the onsets.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from . import daily
from .analysis.measures import plural
from .dates import DATE_HELP, day_label, iso_week, parse_date, today, week_of
from .errors import EMPTY_DIARY, DiaryError
from .settings import exercise_goal, treatment_start

if TYPE_CHECKING:
    from .analysis.recovery import Recovery
    from .store import Diary

FROM_HELP = f"First day: {DATE_HELP}. Default, and the earliest shown: the first day logged."
TO_HELP = f"Last day: {DATE_HELP}. Default: today."
WEEK = dt.timedelta(days=7)


def _logged(diary: Diary) -> list[dt.date]:
    """The logged dates, refusing an empty diary the same way in every command."""
    logged = diary.logged_dates()
    if not logged:
        raise DiaryError("diary", None, EMPTY_DIARY)
    return logged


def week(
    diary: Diary, raw: str | None, empty_ok: bool = True
) -> tuple[list[daily.Day], list[daily.Day], dt.date, dt.date]:
    """(this week, the week before, its Monday, its last day) for --week (None = this week).

    This week runs to today at most; the week before is always whole. Unless `empty_ok`, a
    week with nothing logged is refused (a printed page of blanks helps no one).
    """
    monday = week_of(raw)
    now = today()
    if monday > now:
        latest = iso_week(now)
        raise DiaryError("--week", raw, f"is in the future; the latest week is {latest}")
    end = min(monday + WEEK - dt.timedelta(days=1), now)
    this = daily.load(diary, monday, end)
    if not empty_ok and not any(d.logged for d in this):
        _logged(diary)  # an empty diary says so, not just the week
        span = f"({monday} to {end}); e.g. --week 7d for last week"
        if raw:
            raise DiaryError("--week", raw, f"has nothing logged {span}")
        raise DiaryError("this week", None, f"has nothing logged yet {span}")
    last = daily.load(diary, monday - WEEK, monday - dt.timedelta(days=1))
    return this, last, monday, end


def span(diary: Diary, first: str | None, last: str | None, command: str) -> list[daily.Day]:
    """The days from --from to --to, clipped to start at the first logged day.

    Refused, each with its own reason: an empty diary, --from after --to, a range that ends
    before the diary starts or starts after its last logged day, and one with nothing logged.
    """
    logged = _logged(diary)
    start = parse_date(first, "--from") if first else logged[0]
    end = parse_date(last, "--to") if last else max(today(), logged[-1])
    if first and last and start > end:
        raise DiaryError("--from", first, f"is after --to ({end}); swap them")
    if end < logged[0]:
        raise DiaryError("--to", last, f"is before the diary's first day ({logged[0]})")
    if start > logged[-1]:
        raise DiaryError("--from", first, f"is after the last day logged ({logged[-1]})")
    start = max(start, logged[0])
    days = daily.load(diary, start, end)
    if not any(d.logged for d in days):
        what = f"nothing is logged from {start} to {end}; choose other --from/--to dates"
        raise DiaryError(command, None, what)
    return days


def whole(
    diary: Diary, end: dt.date | None = None, shown: list[daily.Day] | None = None
) -> list[daily.Day]:
    """Every day from the first logged to `end` (default: today, or the last logged day).

    The `shown` days are reused when they already cover exactly that, so a command that
    shows the whole diary loads it once.
    """
    logged = _logged(diary)
    end = end or max(today(), logged[-1])
    if shown and shown[0].date <= logged[0] and shown[-1].date == end:
        return shown
    return daily.load(diary, logged[0], end)


def recovery_of(
    diary: Diary, end: dt.date | None = None, shown: list[daily.Day] | None = None, **options: Any
) -> Recovery:
    """The recovery analysis of the whole diary up to `end`, with its goal and treatment start.

    Nothing after `end` is used; `options` are `analyse`'s (threshold, hold, baseline dates).
    """
    from .analysis.recovery import analyse

    days = whole(diary, end, shown)
    return analyse(days, treatment_start(diary), goal=exercise_goal(diary), **options)


def label(start: dt.date, end: dt.date) -> str:
    """'Mon 9 Nov – Sun 15 Nov 2026'; the first year too when the span crosses New Year;
    one day alone is 'Thu 1 Oct 2026'."""
    if start == end:
        return f"{day_label(end)} {end.year}"
    first = day_label(start) + (f" {start.year}" if start.year != end.year else "")
    return f"{first} – {day_label(end)} {end.year}"


def lag_label(recovery: Recovery) -> str:
    """The span between the two onsets, named: 'function first: 23 days earlier'."""
    f, p = recovery.function_onset, recovery.pain_onset
    if f and p:
        days = abs((p - f).days)
        if days == 0 or recovery.pattern == "together":
            return "function and pain together"
        first = "function" if f < p else "pain"
        return f"{first} first: {plural(days, 'day')} earlier"
    if f:
        return "function better; pain not yet"
    if p:
        return "pain better; function not yet"
    return "no lasting change yet"
