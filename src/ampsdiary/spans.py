"""Which days an analysis looks at: a week, a span from one day to another, the whole diary.

One meaning for every command that shows a week or a span (summary, trends, recovery, plot,
report), with one set of messages: a span runs from the first logged day (an earlier start
is clipped to it, so 1990 does not draw 400 empty months) to today; a week runs Monday to
Sunday, to today while it is still going. The recovery analysis always starts at the
diary's first day, so showing fewer days never moves the baseline or the onsets.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from .dates import today
from .errors import EMPTY_DIARY, DiaryError

if TYPE_CHECKING:
    from .analysis.recovery import Recovery
    from .analysis.summary import WeekSummary
    from .analysis.trends import Trends
    from .daily import Day
    from .diary import Diary

WEEK = dt.timedelta(days=7)


def logged(diary: Diary) -> list[dt.date]:
    """The logged dates, refusing an empty diary the same way in every command."""
    dates = diary.logged_dates()
    if not dates:
        raise DiaryError("diary", None, EMPTY_DIARY)
    return dates


def week(
    diary: Diary, monday: dt.date, empty_ok: bool = True, asked: str | None = None
) -> tuple[list[Day], list[Day], dt.date, dt.date]:
    """(this week, the week before, its Monday, its last day) for the week from `monday`.

    This week runs to today at most; the week before is always whole. Unless `empty_ok`, a
    week with nothing logged is refused (a printed page of blanks helps no one); `asked` is
    the week as the user named it, None for this week.
    """
    end = min(monday + WEEK - dt.timedelta(days=1), today())
    this = diary.days(monday, end)
    if not empty_ok and not any(d.logged for d in this):
        logged(diary)  # an empty diary says so, not just the week
        span = f"({monday} to {end}); e.g. {{week}} 7d for last week"
        if asked:
            raise DiaryError("week", asked, f"has nothing logged {span}")
        raise DiaryError("this week", None, f"has nothing logged yet {span}")
    last = diary.days(monday - WEEK, monday - dt.timedelta(days=1))
    return this, last, monday, end


def span(diary: Diary, start: dt.date | None, end: dt.date | None, command: str) -> list[Day]:
    """The days from `start` to `end` (None: the first logged day, today), clipped to start
    at the first logged day.

    Refused, each with its own reason: an empty diary, a start after the end, a span that
    ends before the diary starts or starts after its last logged day, one with nothing logged.
    """
    dates = logged(diary)
    first = start or dates[0]
    last = end or max(today(), dates[-1])
    if start and end and start > end:
        raise DiaryError("from", str(start), f"is after {{to}} ({end}); swap them")
    if last < dates[0]:
        raise DiaryError("to", str(end), f"is before the diary's first day ({dates[0]})")
    if first > dates[-1]:
        raise DiaryError("from", str(start), f"is after the last day logged ({dates[-1]})")
    first = max(first, dates[0])
    days = diary.days(first, last)
    if not any(d.logged for d in days):
        what = f"nothing is logged from {first} to {last}; choose other {{from}}/{{to}} dates"
        raise DiaryError(command, None, what)
    return days


def whole(diary: Diary, end: dt.date | None = None, shown: list[Day] | None = None) -> list[Day]:
    """Every day from the first logged to `end` (default: today, or the last logged day).

    The `shown` days are reused when they already cover exactly that, so a command that
    shows the whole diary loads it once.
    """
    dates = logged(diary)
    end = end or max(today(), dates[-1])
    if shown and shown[0].date <= dates[0] and shown[-1].date == end:
        return shown
    return diary.days(dates[0], end)


def recovery(
    diary: Diary, end: dt.date | None = None, shown: list[Day] | None = None, **options: Any
) -> Recovery:
    """The recovery analysis of the whole diary up to `end`, with its goal and treatment start.

    Nothing after `end` is used; `options` are `analyse`'s (threshold, hold, baseline dates).
    """
    from .analysis.recovery import analyse

    days = whole(diary, end, shown)
    return analyse(days, diary.treatment_start(), goal=diary.exercise_goal(), **options)


def summary(diary: Diary, monday: dt.date) -> WeekSummary:
    """The week from `monday` next to the week before, with its headline."""
    from .analysis.summary import week_summary

    this, last, _, end = week(diary, monday)
    return week_summary(this, last, diary.exercise_goal(), current=end == today())


def trends(diary: Diary, start: dt.date | None, end: dt.date | None, by: str) -> Trends:
    """One row a week or month from start to end, each against the whole diary's baseline."""
    from .analysis.baseline import baseline_of
    from .analysis.trends import check_by
    from .analysis.trends import trends as rows

    by = check_by(by)
    shown = span(diary, start, end, "trends")
    days = whole(diary, shown[-1].date, shown)
    _, _, baseline = baseline_of(days, diary.treatment_start())
    return rows(shown, by, baseline, diary.exercise_goal())
