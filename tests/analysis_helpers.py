"""Hand-made diaries for the analysis tests: one list of function and pain values a day.

None means the day was not logged. The same lists build pure `Day` values (for the
analysis functions) or a real SQLite diary through the store (for the commands).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ampsdiary.daily import Day
from ampsdiary.store import open_diary

START = dt.date(2026, 9, 1)  # a Tuesday
# Where a baseline comes from (BASELINE_SOURCES), as the tests name them.
FIRST, TREATMENT, OPTIONS = "first-logged-days", "treatment-start", "options"


def day(n: int) -> dt.date:
    """Day n of the made-up diaries (day 0 = Tue 1 Sep 2026)."""
    return START + dt.timedelta(days=n)


def dates(n: int, start: dt.date = START) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range(n)]


def make_days(
    function: list[int | None], pain: list[int | None], start: dt.date = START
) -> list[Day]:
    """One Day a calendar day; a day with neither value is not logged."""
    return [
        Day(date, entries=int(p is not None), pain=p, function=f)
        for date, f, p in zip(dates(len(function), start), function, pain, strict=True)
    ]


def write_diary(
    path: Path,
    function: list[int | None],
    pain: list[int | None],
    start: dt.date = START,
    settings: dict[str, str] | None = None,
    days: dict[str, dict] | None = None,
) -> Path:
    """The same values as a stored diary; `days` adds day facts (notes, sport...) by date."""
    entries, facts = [], {}
    for date, f, p in zip(dates(len(function), start), function, pain, strict=True):
        key = date.isoformat()
        if p is not None:
            entries.append({"date": key, "time": "08:00", "pain": p})
        if f is not None:
            facts[key] = {"date": key, "function": f}
    for key, values in (days or {}).items():
        facts[key] = {"date": key, **facts.get(key, {}), **values}
    diary = open_diary(path)
    with diary.transaction():
        diary.write_all(entries, facts.values(), [])
        for key, value in (settings or {}).items():
            diary.set_setting(key, value)
    diary.close()
    return path


# Function 2 for ten days then 6; pain 8 for twenty days then 4 (31 days from Tue 1 Sep).
# By hand: the 7-day mean of function first reaches 2 + 2 = 4 on day 13 (30/7 = 4.29) and
# stays there; pain first falls to 8 - 2 = 6 on day 23 (40/7 = 5.71). Lag 10 days.
STEP_FUNCTION = [2] * 10 + [6] * 21
STEP_PAIN = [8] * 20 + [4] * 11
