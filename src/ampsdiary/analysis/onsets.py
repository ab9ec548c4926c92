"""When a change started and whether it lasted: the smoothed line and the onset rules.

Apart from recovery.py so the rules a parent may check by hand (docs/analysis.md) read on
one page: a trailing 7-day mean, then the first logged day on target that stays there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

from .measures import mean

SMOOTH_DAYS = 7  # the trailing window of the smoothed series
SMOOTH_MIN = 4  # logged days a window needs, else the smoothed day is unknown (None)


def smooth(
    values: list[float | None], window: int = SMOOTH_DAYS, min_days: int = SMOOTH_MIN
) -> list[float | None]:
    """Trailing mean over calendar days (one value a day, None = not logged).

    Day i is the mean of the logged values among days i-window+1 .. i, or None when fewer
    than `min_days` of them are logged: a mean of one or two days is too noisy to trust.
    """
    result: list[float | None] = []
    for i in range(len(values)):
        known = [v for v in values[max(0, i - window + 1) : i + 1] if v is not None]
        result.append(mean(known) if len(known) >= min_days else None)
    return result


def _starts(
    dates: list[dt.date],
    values: list[float | None],
    smoothed: list[float | None],
    after: dt.date,
    meets: Callable[[float], bool],
) -> Iterator[int]:
    """Days that could begin a lasting change: after `after`, scored that day, on target.

    Only a day with a score of its own can start one: a smoothed value that rose only
    because old low days left the window on a day nobody logged has no new news in it.
    """
    for i, (date, value, level) in enumerate(zip(dates, values, smoothed, strict=True)):
        if date > after and value is not None and level is not None and meets(level):
            yield i


def onsets(
    dates: list[dt.date],
    values: list[float | None],
    smoothed: list[float | None],
    after: dt.date,
    meets: Callable[[float], bool],
    hold: int,
) -> tuple[dt.date | None, dt.date | None]:
    """(onset, pending): the first lasting change, else one still inside its hold.

    An onset is the first logged day after `after` whose smoothed value meets the target and
    keeps it: the `hold` calendar days that follow must all have happened. An unknown (None)
    smoothed day in them neither confirms nor breaks the run, but at least half of them,
    rounded down (3 of 7), must be known: exactly what a steady every-other-day diary gives,
    while a change nobody logged cannot be called lasting.

    Pending is the first start whose `hold` days run past the diary's end and after which no
    known smoothed day missed the target: what `explain` says while no onset is confirmed.
    """
    starts = list(_starts(dates, values, smoothed, after, meets))
    for i in starts:
        following = smoothed[i + 1 : i + 1 + hold]
        if len(following) < hold:
            break  # the diary ends before this or any later start could be confirmed
        known = [v for v in following if v is not None]
        if len(known) >= hold // 2 and all(meets(v) for v in known):
            return dates[i], None
    for i in starts:
        rest = smoothed[i + 1 :]
        if len(rest) < hold and all(meets(v) for v in rest if v is not None):
            return None, dates[i]
    return None, None
