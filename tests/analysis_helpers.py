"""Hand-made diaries for the analysis tests: one list of function and pain values a day.

None means the day was not logged. The same lists build pure `Day` values (for the
analysis functions) or a real SQLite diary through the store (for the commands).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ampsdiary import open_diary
from ampsdiary.daily import Day

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
        Day(date, entries=int(p is not None), pain=p, function=f, day_record=f is not None)
        for date, f, p in zip(dates(len(function), start), function, pain, strict=True)
    ]


def write_diary(
    path: Path,
    function: list[int | None],
    pain: list[int | list[int] | None],
    start: dt.date = START,
    settings: dict[str, str] | None = None,
    days: dict[str, dict] | None = None,
) -> Path:
    """The same values as a stored diary; `days` adds day facts (notes, sport...) by date.

    A list of pains is that day's entries, one an hour from 08:00.
    """
    entries, facts = [], {}
    for date, f, p in zip(dates(len(function), start), function, pain, strict=True):
        key = date.isoformat()
        for hour, value in enumerate([] if p is None else p if isinstance(p, list) else [p]):
            entries.append({"date": key, "time": f"{8 + hour:02d}:00", "pain": value})
        if f is not None:
            facts[key] = {"date": key, "function": f}
    for key, values in (days or {}).items():
        facts[key] = {"date": key, **facts.get(key, {}), **values}
    diary = open_diary(path, create=True)
    with diary.transaction():
        diary.add_all(entries, facts.values(), [])
        for key, value in (settings or {}).items():
            diary.set_setting(key, value)
    diary.close()
    return path


# Function 2 for ten days then 6; pain 8 for twenty days then 4 (31 days from Tue 1 Sep).
# By hand: the 7-day mean of function first reaches 2 + 2 = 4 on day 13 (30/7 = 4.29) and
# stays there; pain first falls to 8 - 2 = 6 on day 23 (40/7 = 5.71). Lag 10 days.
STEP_FUNCTION = [2] * 10 + [6] * 21
STEP_PAIN = [8] * 20 + [4] * 11


# Two weeks of the other measures, one value a day: a baseline week (days 0-6) and a better
# week after it (days 7-13). By hand, as shares of the days answered:
#   swelling   5 of 7 -> 1 of 7 (0.71 -> 0.14: -0.57, better)
#   skin       3 of 7 -> 3 of 7 (same)
#   school     full 1, part 1, missed 3 of 5 school days -> full 4, part 1, missed 0 of 5
#              (full +0.6 better, part 0 same, missed -0.6 better; "none" days left out)
#   sport      0 of 7 -> 4 of 7 (+0.57, better); friends 2 of 7 -> 1 of 7 (-0.14, same)
#   exercise   70 -> 210 minutes over 7 logged days: 10 -> 30 a logged day (+20, better)
OTHER = {
    "swelling": ["mild"] * 5 + ["none"] * 2 + ["mild"] + ["none"] * 6,
    "skin_color": (["red"] * 3 + ["normal"] * 4) * 2,
    "school": ["missed", "missed", "part", "full", "none", "none", "missed"]
    + ["full"] * 4
    + ["part", "none", "none"],
    "sport": [False] * 7 + [True] * 4 + [False] * 3,
    "social": [True, True] + [False] * 5 + [True] + [False] * 6,
    "minutes": [10] * 7 + [30] * 7,
}


def other_days(start: dt.date = START) -> list[Day]:
    """The OTHER two weeks as Days, with function 5 and pain 5 every day."""
    days = make_days([5] * 14, [5] * 14, start)
    for n, d in enumerate(days):
        d.swelling, d.skin_change = OTHER["swelling"][n], OTHER["skin_color"][n] != "normal"
        d.school, d.sport, d.social = OTHER["school"][n], OTHER["sport"][n], OTHER["social"][n]
        d.exercise = {"physio": OTHER["minutes"][n]}
    return days


def log_other_days(run, start: dt.date) -> None:
    """The OTHER two weeks logged through the CLI, from `start`."""
    for n, date in enumerate(dates(14, start)):
        sport = "--sport" if OTHER["sport"][n] else "--no-sport"
        social = "--social" if OTHER["social"][n] else "--no-social"
        args = ["--date", date.isoformat(), "--pain", "5", "--function", "5", sport, social]
        for name in ("swelling", "skin_color", "school"):
            args += [f"--{name.replace('_', '-')}", OTHER[name][n]]
        minutes = str(OTHER["minutes"][n])
        assert run("log", *args).exit_code == 0
        assert run("exercise", "physio", minutes, "--date", str(date)).exit_code == 0
