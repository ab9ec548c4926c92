"""The smoothed line, the onset rules, the patterns and the baseline window, by hand."""

from __future__ import annotations

import pytest

from ampsdiary.analysis.baseline import baseline_window
from ampsdiary.analysis.onsets import onsets, smooth
from ampsdiary.analysis.recovery import PATTERNS, pattern_of
from ampsdiary.errors import DiaryError
from analysis_helpers import FIRST, OPTIONS, TREATMENT, dates, day

# -- smoothing -------------------------------------------------------------------------------


def test_smooth_is_a_trailing_mean_over_calendar_days_needing_four_logged():
    values = [1, None, 3, None, 5, None, 7, 9]
    # Day 6: 1, 3, 5, 7 are logged -> 4. Day 7: window days 1-7 -> 3, 5, 7, 9 -> 6.
    assert smooth(values) == [None, None, None, None, None, None, 4, 6]


def test_smooth_window_and_minimum_are_options():
    assert smooth([2, 4, None, 6], window=2, min_days=1) == [2, 3, 4, 6]
    assert smooth([], window=7) == []


# -- onsets ----------------------------------------------------------------------------------


def meets(v: float) -> bool:
    return v >= 4


def both(smoothed: list, hold: int = 7, after: int = -1, scored: list | None = None):
    """(onset, pending) of a made-up smoothed line; every day scored unless `scored` says not."""
    values = scored if scored is not None else [1] * len(smoothed)
    return onsets(dates(len(smoothed)), values, smoothed, day(after), meets, hold)


def on(smoothed: list, **kwargs):
    return both(smoothed, **kwargs)[0]


def test_onset_needs_the_next_hold_days_to_stay_above():
    smoothed = [5, 5, 3, 5, 5, 5, 5, 5, 5, 5, 5]
    # Days 0 and 1 have the 3 (day 2) inside their next 7 days; day 3 is the first that holds.
    assert on(smoothed) == day(3)


def test_unknown_days_in_the_hold_do_not_break_it_but_three_of_seven_must_be_known():
    four_gaps = [1, 5, None, None, None, None, 5, 5, 5, 5]
    assert on(four_gaps) == day(1)  # days 6, 7 and 8: 3 of its next 7 known
    five_gaps = [1, 5, None, None, None, None, None, 5, 5, 5]
    # Day 1: only 2 of its next 7 days are known. Day 7: the diary ends before 7 more days.
    assert on(five_gaps) is None
    # A 10-day hold needs 5 known (half, rounded down).
    assert on([5, None, 5, None, 5, None, 5, None, 5, None, 5], hold=10) == day(0)
    assert on([5, None, 5, None, 5, None, 5, None, None, None, 5], hold=10) is None


def test_onset_waits_for_the_hold_to_happen_and_comes_after_the_baseline():
    assert on([5, 5, 5]) is None
    assert on([5, 5, 5], hold=2) == day(0)
    assert on([5] * 12, after=2) == day(3)


def test_only_a_day_with_a_score_can_be_an_onset():
    # Day 1 has no score of its own: its smoothed value is on target only because older days
    # left the window. Day 2 is the first scored day on target.
    scored = [1, None, 1, 1, 1, 1, 1, 1, 1, 1, 1]
    assert on([3] + [5] * 10, scored=scored) == day(2)
    assert on([3] + [5] * 10) == day(1)  # the same line, every day scored


def test_a_change_waiting_for_its_hold_is_pending():
    smoothed = [3, 5, None, 5, 5]
    assert on(smoothed) is None  # day 1's 7 days have not all happened
    assert both(smoothed) == (None, day(1))
    # A miss since then restarts it at the next scored day on target.
    assert both([5, 3, 5, 5, 5]) == (None, day(2))
    assert both([5, 5, 5, 5, 3]) == (None, None)
    # Once a change is confirmed nothing is pending, though days 1 and 2 are still in a hold.
    assert both([5] * 9) == (day(0), None)
    assert both([3, 3, 5, 5, 5, 5, 5, 5, 5]) == (None, day(2))  # its hold would end on day 9


@pytest.mark.parametrize(
    ("function", "pain", "pattern"),
    [
        (0, 4, "function-first"),
        (0, 3, "together"),
        (0, -3, "together"),
        (0, -4, "pain-first"),
        (0, None, "function-only"),
        (None, 0, "pain-only"),
        (None, None, "not-yet"),
    ],
)
def test_patterns(function, pain, pattern):
    as_date = lambda n: None if n is None else day(n)  # noqa: E731
    assert pattern_of(as_date(function), as_date(pain)) == pattern
    assert pattern in PATTERNS


# -- baseline window -------------------------------------------------------------------------


def test_baseline_is_the_first_seven_logged_days():
    logged = [day(n) for n in (0, 1, 3, 4, 6, 7, 8, 9)]
    assert baseline_window(logged) == (day(0), day(8), FIRST)
    assert baseline_window(logged[:2]) == (day(0), day(1), FIRST)  # a young diary: what there is


def test_baseline_is_the_week_before_treatment_start_and_options_win():
    logged = [day(n) for n in range(21)]
    assert baseline_window(logged, treatment_start=day(14)) == (day(7), day(13), TREATMENT)
    assert baseline_window(logged, day(14), start=day(2)) == (day(2), day(8), OPTIONS)
    assert baseline_window(logged, day(14), end=day(20)) == (day(14), day(20), OPTIONS)
    assert baseline_window(logged, day(14), day(1), day(3)) == (day(1), day(3), OPTIONS)
    with pytest.raises(DiaryError, match="after baseline_to"):
        baseline_window(logged, start=day(5), end=day(1))


def test_a_treatment_start_with_nothing_logged_before_it_falls_back_to_the_first_days():
    logged = [day(n) for n in (3, 4, 5, 6, 8, 9, 10, 11, 12)]
    # Set from before the diary began: its week (days -8 to -2) has nothing logged.
    assert baseline_window(logged, day(-1)) == (day(3), day(10), FIRST)
    # Days 3, 4 and 5 are logged in the week before day 6 (days -1 to 5): a part week will do.
    assert baseline_window(logged, day(6)) == (day(-1), day(5), TREATMENT)
    # After the last day analysed it has not come yet, though days 9-12 are logged before it.
    assert baseline_window(logged, day(13), last_day=day(12)) == (day(3), day(10), FIRST)
    assert baseline_window(logged, day(12), last_day=day(12)) == (day(5), day(11), TREATMENT)


def test_a_chosen_baseline_must_end_inside_the_diary_with_a_day_after_it():
    logged = [day(n) for n in range(5, 21)]  # days 5 to 20; day 20 is the last analysed

    def refused(start=None, end=None, last_day=day(20)):
        with pytest.raises(DiaryError) as error:
            baseline_window(logged, None, start, end, last_day)
        return str(error.value)

    assert refused(end=day(4)) == (
        "baseline_to: '2026-09-05' is before the diary's first day (2026-09-06); "
        "use a date from 2026-09-06 to 2026-09-20"
    )
    assert refused(start=day(-10)) == (  # its 7 days end on day -4
        "baseline_from: '2026-08-22' makes a baseline that ends on 2026-08-28, before the "
        "diary's first day (2026-09-06); use a date from 2026-09-06 to 2026-09-14"
    )
    assert refused(end=day(20)) == (
        "baseline_to: '2026-09-21' leaves no day after the baseline to compare with; "
        "use a date from 2026-09-06 to 2026-09-20"
    )
    assert refused(start=day(15)) == (  # its 7 days would end on day 21
        "baseline_from: '2026-09-16' makes a baseline that ends on 2026-09-22, with no day "
        "after it to compare with; use a date from 2026-09-06 to 2026-09-14"
    )
    assert "the diary is too young" in refused(end=day(5), last_day=day(5))
    # A window that starts before the diary but ends inside it, one day before the last.
    assert baseline_window(logged, None, day(0), day(19), day(20)) == (day(0), day(19), OPTIONS)
    assert baseline_window(logged, None, day(13), None, day(20)) == (day(13), day(19), OPTIONS)
