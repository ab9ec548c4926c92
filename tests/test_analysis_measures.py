"""The shared small pieces: one mean, one way to name a day, one definition per exercise rate."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from ampsdiary import streak
from ampsdiary.analysis.measures import (
    COUNTS,
    Count,
    day_text,
    iso,
    mean,
    number,
    one,
    plural,
    rounded,
    stat,
)
from ampsdiary.analysis.period import NO_SCHOOL, period
from ampsdiary.daily import Day
from ampsdiary.vocabulary import SCHOOL, SWELLING
from analysis_helpers import dates, make_days

MON = dt.date(2026, 11, 2)


def test_one_mean_leaves_missing_out_and_is_exact():
    assert mean([1, None, 2]) == 1.5
    assert mean([2, 2, 3]) == 7 / 3  # exact: rounding is for showing, not for comparing
    assert mean([None, None]) is None and mean([]) is None
    assert mean(x for x in (4, 6)) == 5
    assert stat([2, None, 2, 3]).mean == 2.3  # shown at one decimal, from the same mean


def test_words_and_dates():
    assert (plural(1, "day"), plural(0, "day"), plural(3, "school day")) == (
        "1 day",
        "0 days",
        "3 school days",
    )
    assert (iso(dt.date(2026, 10, 6)), iso(None)) == ("2026-10-06", None)
    assert Count(1, 1).text() == "1 of 1 day" and Count(2, 3, "school day").text() == (
        "2 of 3 school days"
    )
    assert day_text(Day(dt.date(2026, 10, 6), function=7, pain=3)) == (
        "Tue 6 Oct (function 7, pain 3)"
    )


def test_exercise_per_logged_day_and_per_week():
    days = make_days([5] * 10 + [None] * 4, [5] * 10 + [None] * 4, MON)  # 14 days, 10 logged
    days[0].exercise = {"aerobic": 60}
    days[4].exercise = {"physio": 30, "aerobic": 30}
    p = period(days)
    # 120 minutes: over the 10 logged days 12.0 a day; over 14 calendar days (2 weeks) 60 a week.
    assert (p.exercise_total, p.exercise_per_day, p.exercise_per_week) == (120, 12.0, 60)
    assert p.as_json()["exercise"]["minutes_per_logged_day"] == 12.0
    quiet = period(make_days([5] * 7, [5] * 7, MON))  # exercise never logged: unknown, not 0
    assert (quiet.exercise_per_day, quiet.exercise_per_week) == (None, None)


def test_encouragement_uses_the_same_mean_at_one_decimal():
    days = make_days([4, 4, 5] + [None] * 4 + [6, 7, 7] + [None] * 4, [None] * 14, MON)
    # Last week 13/3 = 4.33 -> 4.3; this week 20/3 = 6.67 -> 6.7: 2.4 points, a real change.
    line = streak.encouragement([MON + dt.timedelta(days=9)], days, MON + dt.timedelta(days=13))
    assert line == (
        "Well done. You did more: function 4.3 -> 6.7 (the last 7 days against the 7 "
        "before). Function usually comes back before pain eases."
    )
    # 4.3 -> 6.0 is 1.7 points: more than wobble, less than a real change, so no verdict.
    days[8].function = 5
    line = streak.encouragement([MON + dt.timedelta(days=9)], days, MON + dt.timedelta(days=13))
    assert "You did more" not in line
    assert "Function a little higher: function 4.3 -> 6.0 (the last 7 days" in line


def test_numbers_shown_round_half_up_everywhere():
    # Python's round() and format() round a half to even (5.25 -> 5.2); people round up.
    assert (rounded(5.25), one(21 / 4), number(21 / 4), number(0.05)) == (5.3, 5.3, "5.3", "0.1")
    assert (rounded(2.675, 2), rounded(0.125, 2), rounded(44.5, 0)) == (2.68, 0.13, 45)
    assert (rounded(-0.04), rounded(-0.25), rounded(None)) == (0.0, -0.3, None)
    assert str(rounded(-0.04)) == "0.0"  # never -0.0


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    st.one_of(
        st.floats(-1e6, 1e6, allow_nan=False),
        st.builds(lambda a, b: a / b, st.integers(0, 640), st.integers(1, 64)),  # means: 13/3
        st.integers(-100_000, 100_000).map(lambda n: n / 1000),  # ties as written: 2.675
        st.integers(-100, 100),
    ),
    st.integers(0, 3),
)
def test_rounding_is_half_up_on_the_number_as_written(value, digits):
    """rounded's quick way (Python's round when the number as written is no tie) gives
    exactly what rounding the written number half up gives."""
    written = Decimal(repr(value)).quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP)
    assert repr(rounded(value, digits)) == repr(float(written) + 0.0)
    assert stat([5, 5, 5, 6]).mean == 5.3
    days = make_days([5] * 14, [5] * 14, MON)
    days[0].exercise = {"aerobic": 13}  # 13 minutes over 2 weeks: 6.5 a week
    assert period(days).exercise_per_week == 7
    assert day_text(Day(MON, function=5, pain=21 / 4)) == "Mon 2 Nov (function 5, pain 5.3)"


def test_school_and_swelling_counts_follow_the_vocabulary():
    days = [Day(d, school=v, day_record=True) for d, v in zip(dates(4, MON), SCHOOL, strict=True)]
    levels = [v for v in SCHOOL if v != NO_SCHOOL]  # a day without school counts as neither
    counts = period(days).counts
    assert [n for n in counts if n.startswith("school_")] == [f"school_{v}" for v in levels]
    assert all(f"school_{v}" in COUNTS and counts[f"school_{v}"].of == len(levels) for v in levels)
    swollen = [Day(d, entries=1, swelling=v) for d, v in zip(dates(4, MON), SWELLING, strict=True)]
    assert period(swollen).counts["swelling"].text() == "3 of 4 days"  # all but "none"


def test_every_school_level_is_counted_and_compared():
    levels = {v for v in SCHOOL if v != NO_SCHOOL}
    assert {name.removeprefix("school_") for name in COUNTS if name.startswith("school_")} == levels
