"""The function-before-pain analysis: answers computed by hand for small made-up diaries."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from ampsdiary.analysis.baseline import baseline_window
from ampsdiary.analysis.onsets import onsets, smooth
from ampsdiary.analysis.recovery import PATTERNS, analyse, pattern_of
from ampsdiary.daily import Day
from ampsdiary.errors import DiaryError
from ampsdiary.store import open_diary
from analysis_helpers import START, STEP_FUNCTION, STEP_PAIN, dates, make_days, write_diary


def day(n: int) -> dt.date:
    """Day n of the made-up diaries (day 0 = Tue 1 Sep 2026)."""
    return START + dt.timedelta(days=n)


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


FIRST, TREATMENT, OPTIONS = "first-logged-days", "treatment-start", "options"


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
    with pytest.raises(DiaryError, match="after --baseline-to"):
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


# -- the whole analysis ----------------------------------------------------------------------


def test_known_onsets_and_lag():
    r = analyse(make_days(STEP_FUNCTION, STEP_PAIN))
    assert (r.baseline_start, r.baseline_end) == (day(0), day(6))
    assert (r.baseline["function"], r.baseline["pain"]) == (2, 8)
    assert r.function_onset == day(13)  # 30/7 = 4.29 >= 4
    assert r.pain_onset == day(23)  # 40/7 = 5.71 <= 6
    assert (r.lag_days, r.pattern) == (10, "function-first")
    assert r.function_smooth[13] == pytest.approx(30 / 7)
    assert r.pain_smooth[22] == pytest.approx(44 / 7)
    assert (r.days_logged, r.adherence, r.streak) == (31, 1.0, 31)
    # Last 7 days: function 6 and pain 4; baseline 2 and 8.
    assert (r.change["function"], r.change["pain"]) == (4, -4)
    assert (r.verdict("function"), r.verdict("pain")) == ("better", "better")
    text = r.explain()
    assert "Mon 14 Sep" in text and "10 days later" in text and "Thu 24 Sep" in text


def test_missing_days_count_as_missing_not_zero():
    function, pain = list(STEP_FUNCTION), list(STEP_PAIN)
    for n in (2, 5, 15, 16):
        function[n] = pain[n] = None
    r = analyse(make_days(function, pain))
    # Baseline: the first 7 logged days are 0, 1, 3, 4, 6, 7, 8 (all function 2, pain 8).
    assert (r.baseline_start, r.baseline_end, r.baseline_days) == (day(0), day(8), 7)
    assert (r.baseline["function"], r.baseline["pain"]) == (2, 8)
    # Day 22's window (days 16-22) has 16 missing: 8, 8, 8, 4, 4, 4 -> exactly 6.0.
    assert r.pain_smooth[22] == 6
    assert (r.function_onset, r.pain_onset, r.lag_days) == (day(13), day(22), 9)
    assert r.days_logged == 27 and r.adherence == round(27 / 31, 2)


def test_logging_every_other_day_confirms_an_onset():
    # 60 days, logged on even days only (30 of 60). Function 2 on days 0-18, then 6; pain 8 on
    # days 0-38, then 4. The smoothed value is known on logged days only (4 logged in each of
    # their 7-day windows, 3 in the others'), so 3 of the 7 days after a logged day are known.
    function = [(2 if n < 20 else 6) if n % 2 == 0 else None for n in range(60)]
    pain = [(8 if n < 40 else 4) if n % 2 == 0 else None for n in range(60)]
    r = analyse(make_days(function, pain))
    # Baseline: the first 7 logged days, 0 to 12: function 2, pain 8. Targets 4 and 6.
    assert (r.baseline_end, r.baseline["function"], r.baseline["pain"]) == (day(12), 2, 8)
    # Day 20 smooths days 14, 16, 18, 20 = 2, 2, 2, 6 -> 3.0; day 22: 2, 2, 6, 6 -> 4.0, and
    # days 24, 26, 28 (5.0, 6, 6) hold it.
    assert r.function_smooth[22] == 4 and r.function_smooth[23] is None
    # Pain: day 40 is 8, 8, 8, 4 -> 7.0; day 42 is 8, 8, 4, 4 -> 6.0, held on 44, 46, 48.
    assert (r.function_onset, r.pain_onset) == (day(22), day(42))  # Wed 23 Sep, Tue 13 Oct
    assert (r.lag_days, r.pattern, r.days_logged) == (20, "function-first", 30)


def test_an_onset_is_a_day_with_a_score_of_its_own():
    # Function 2 for the baseline week (days 0-6), then 4; day 13 not logged at all.
    function = [2] * 7 + [4] * 6 + [None] + [4] * 10
    pain = [5] * 13 + [None] + [5] * 10
    r = analyse(make_days(function, pain))
    # Day 12 smooths days 6-12: one 2 and six 4s = 26/7 = 3.71. Day 13 smooths days 7-13:
    # six 4s = 4.0, on target only because the 2 left the window. Day 14 (4.0) is logged.
    assert r.function_smooth[13] == 4
    assert r.function_onset == day(14)


def test_a_change_still_inside_its_hold_is_said_as_pending():
    r = analyse(make_days(STEP_FUNCTION, [8] * 26 + [4] * 5))
    # Pain: day 29 smooths days 23-29, three 8s and four 4s = 40/7 = 5.71 <= 6; only one day
    # follows it, so it is not an onset yet, but nothing since has missed.
    assert (r.function_onset, r.pain_onset, r.pain_pending) == (day(13), None, day(29))
    assert r.function_pending is None
    data = r.as_json()
    assert (data["pain_pending"], data["function_pending"]) == ("2026-09-30", None)
    assert r.change["pain"] == -2.9  # last 7 days: two 8s and five 4s = 36/7 = 5.1
    assert "Pain has not eased" not in r.explain()
    assert (
        "Pain has stayed at least 2 points below the baseline since Wed 30 Sep (last 7 days "
        "5.1); it counts as lasting once that has held until Wed 7 Oct. Keep logging, so it "
        "can count."
    ) in r.explain()
    # Function the same way (day 29: three 2s and four 6s = 30/7 = 4.29), with or without a pain
    # onset.
    r = analyse(make_days([2] * 26 + [6] * 5, [8] * 31))
    assert (r.function_onset, r.function_pending, r.pattern) == (None, day(29), "not-yet")
    waiting = (
        "Function has stayed at least 2 points above the baseline since Wed 30 Sep (last 7 days "
        "4.9); it counts as lasting once that has held until Wed 7 Oct."
    )
    assert r.explain().count(waiting) == 1
    r = analyse(make_days([2] * 26 + [6] * 5, [8] * 10 + [4] * 21))
    assert r.pain_onset == day(13)
    assert f"Pain started to ease on Mon 14 Sep. {waiting}" in r.explain()


def test_threshold_and_hold_are_options():
    days = make_days(STEP_FUNCTION, STEP_PAIN)
    # Threshold 1: function needs 3, first met on day 11 (22/7 = 3.14); pain 7 on day 21 (48/7).
    r = analyse(days, threshold=1)
    assert (r.function_onset, r.pain_onset) == (day(11), day(21))
    # A 14-day hold: function (day 13) holds to day 27; pain (day 23) cannot be confirmed yet.
    r = analyse(days, hold=14)
    assert (r.function_onset, r.pain_onset, r.pattern) == (day(13), None, "function-only")


def test_pain_that_never_improves_is_said_kindly():
    r = analyse(make_days(STEP_FUNCTION, [7] * 31))
    assert (r.function_onset, r.pain_onset, r.lag_days) == (day(13), None, None)
    assert r.pattern == "function-only"
    data = r.as_json()
    assert (data["pain_onset"], data["lag_days"], data["pattern"]) == (None, None, "function-only")
    assert "has not eased by 2 points yet" in r.explain()
    assert "function usually moves first" in r.explain()


def test_pain_first_together_and_not_yet():
    r = analyse(make_days([3] * 31, STEP_PAIN))
    assert (r.function_onset, r.pain_onset, r.pattern) == (None, day(23), "pain-only")
    assert "Function has not risen by 2 points yet (last 7 days 3.0)" in r.explain()
    r = analyse(make_days([2] * 20 + [6] * 11, [8] * 10 + [4] * 21))
    # Function needs 4 on day 23, pain 6 on day 13: pain is 10 days ahead.
    assert (r.function_onset, r.pain_onset, r.lag_days) == (day(23), day(13), -10)
    assert r.pattern == "pain-first" and "10 days before function" in r.explain()
    r = analyse(make_days(STEP_FUNCTION, [8] * 10 + [4] * 21))
    assert (r.lag_days, r.pattern) == (0, "together")
    r = analyse(make_days([3] * 31, [6] * 31))
    assert (r.function_onset, r.pain_onset, r.pattern) == (None, None, "not-yet")
    assert "no lasting change" in r.explain() and "Keep logging" in r.explain()


def test_a_single_day_is_its_own_baseline():
    r = analyse([Day(day(0), entries=1, pain=6, function=3)])
    assert (r.baseline_start, r.baseline_end) == (day(0), day(0))
    assert (r.baseline["function"], r.baseline["pain"], r.pattern) == (3, 6, "not-yet")
    assert r.function_smooth == [None] and r.days_logged == 1 and r.streak == 1
    assert "Everything logged so far is the baseline" in r.explain()


def test_an_empty_diary_has_nothing_to_analyse():
    with pytest.raises(DiaryError, match="nothing logged"):
        analyse([])
    with pytest.raises(DiaryError, match="nothing logged"):
        analyse([Day(day(0)), Day(day(1))])


def test_leading_unlogged_days_are_not_analysed():
    r = analyse([Day(day(-2)), *make_days([5], [5])])
    assert r.dates == [day(0)] and r.adherence == 1.0


def test_treatment_start_sets_the_baseline_week():
    # Function 1 in week one, 2 in week two; treatment starts on day 14 (week three).
    days = make_days([1] * 7 + [2] * 7 + [5] * 17, [8] * 31)
    r = analyse(days, treatment_start=day(14))
    assert (r.baseline_start, r.baseline_end, r.baseline["function"]) == (day(7), day(13), 2)
    assert (r.baseline_source, r.as_json()["baseline_source"]) == ("treatment-start",) * 2
    assert "Nothing was logged" not in r.explain() and "after the last day" not in r.explain()
    # Needs 4: day 15's window (days 9-15) is 2,2,2,2,2,5,5 = 20/7; day 16 = 23/7; day 17 = 26/7;
    # day 18 = 29/7 = 4.14.
    assert r.function_onset == day(18)
    assert analyse(days).function_onset == day(16)  # first-week baseline 1: needs 3, 23/7


def test_a_treatment_start_before_the_diary_falls_back_to_the_first_seven_days():
    # A family sets the treatment start to 1 Aug, a month before the diary's first day.
    r = analyse(make_days(STEP_FUNCTION, STEP_PAIN), treatment_start=dt.date(2026, 8, 1))
    assert (r.baseline_start, r.baseline_end, r.baseline_source) == (day(0), day(6), FIRST)
    assert (r.baseline["function"], r.baseline["pain"]) == (2, 8)
    assert (r.function_onset, r.pain_onset, r.pattern) == (day(13), day(23), "function-first")
    assert r.explain().startswith(
        "Nothing was logged in the 7 days before the treatment start (Sat 1 Aug), so the "
        "baseline is the first 7 logged days instead. During the baseline (Tue 1 Sep to Mon 7 Sep)"
    )
    data = r.as_json()
    assert (data["baseline_source"], data["treatment_start"]) == (FIRST, "2026-08-01")
    assert data["function_onset"] == "2026-09-14"


def test_a_treatment_start_still_to_come_leaves_the_first_days_as_the_baseline():
    # The diary runs to day 30 (Thu 1 Oct); the start is day 33. The week before it (days
    # 26-32) holds five logged days, but they are not "before treatment" yet.
    r = analyse(make_days(STEP_FUNCTION, STEP_PAIN), treatment_start=day(33))
    assert (r.baseline_start, r.baseline_end, r.baseline_source) == (day(0), day(6), FIRST)
    assert (r.function_onset, r.pain_onset, r.lag_days) == (day(13), day(23), 10)
    assert r.explain().startswith(
        "The treatment start (Sun 4 Oct) is after the last day analysed (Thu 1 Oct), so the "
        "baseline is the first 7 logged days. During the baseline"
    )
    assert "Everything logged so far is the baseline" not in r.explain()
    young = analyse(make_days([5] * 3, [5] * 3), treatment_start=day(10))
    assert (young.baseline_end, young.baseline_days) == (day(2), 3)
    assert "the baseline is the first 3 logged days." in young.explain()


def test_singular_days_in_the_words():
    r = analyse(make_days([2] * 7 + [4] * 3, [8] * 10), hold=1, threshold=1)
    # Baseline days 0-6 (function 2), so function needs 3. Smoothed day 7: (6 * 2 + 4) / 7 =
    # 2.29, day 8: 18/7 = 2.57, day 9: 20/7 = 2.86. No onset; 3 days follow the baseline.
    assert r.pattern == "not-yet"
    assert "There are only 3 days after the baseline so far" in r.explain()
    assert "once it has lasted 1 day, so keep logging" in r.explain()
    one_after = analyse(make_days([2] * 8, [8] * 8), hold=7)
    assert "There is only 1 day after the baseline so far" in one_after.explain()


def test_exercise_minutes_a_week_are_over_calendar_weeks():
    days = make_days([5] * 14, [5] * 14)
    days[0].exercise, days[3].exercise = {"physio": 30}, {"aerobic": 40, "physio": 20}
    for n in (9, 10, 11):
        days[n] = Day(days[n].date)  # three days not logged
    r = analyse(days, goal=20)
    # 90 minutes over 14 calendar days = 2 weeks: 45 a week (per logged day it is 90/11 = 8.2).
    assert r.exercise_per_week == 45
    assert r.as_json()["exercise"] == {"minutes_per_week": 45, "goal_per_week": 140}


# -- the command -----------------------------------------------------------------------------


def test_recovery_json_keys_other_tools_rely_on(run, db_path):
    write_diary(db_path, STEP_FUNCTION, STEP_PAIN)
    result = run("recovery", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["baseline"]["function"] == 2 and data["baseline"]["pain"] == 8
    assert (data["function_onset"], data["pain_onset"]) == ("2026-09-14", "2026-09-24")
    assert (data["lag_days"], data["pattern"]) == (10, "function-first")
    # The diary runs on to today (Wed 18 Nov) unlogged: 31 of 79 days logged.
    assert (data["days"], data["days_logged"], data["streak"]) == (79, 31, 0)
    assert data["last_7_days"]["function"]["days"] == 0
    assert data["change_since_baseline"]["function"] is None  # nothing logged lately


def test_recovery_text_and_options(run, db_path):
    write_diary(db_path, STEP_FUNCTION, STEP_PAIN)
    result = run("recovery")
    assert result.exit_code == 0, result.output
    assert "Function improved from: Mon 14 Sep 2026" in result.output
    assert "Pain eased from:        Thu 24 Sep 2026" in result.output
    assert "Lag: 10 days" in result.output and "Pattern: function-first." in result.output
    data = json.loads(run("recovery", "--json", "--threshold", "1", "--hold", "3").output)
    assert (data["threshold"], data["hold_days"]) == (1, 3)
    assert data["function_onset"] == "2026-09-12"  # day 11
    bad = run("recovery", "--baseline-from", "2026-09-02", "--baseline-to", "9 sep")
    assert bad.exit_code == 2 and "--baseline-to: '9 sep' is not a date" in bad.output
    result = run(
        "recovery", "--json", "--baseline-from", "2026-09-02", "--baseline-to", "2026-09-08"
    )
    data = json.loads(result.output)
    assert data["baseline_window"] == {"start": "2026-09-02", "end": "2026-09-08", "days_logged": 7}
    assert data["baseline"]["function"] == 2


def test_recovery_says_a_change_waiting_for_its_hold(run, db_path):
    # The same pain as above, ending today (Wed 18 Nov): on target since Tue 17 Nov.
    write_diary(db_path, STEP_FUNCTION, [8] * 26 + [4] * 5, dt.date(2026, 10, 19))
    result = run("recovery")
    assert result.exit_code == 0, result.output
    assert (
        "Pain eased from:        not yet (on target since Tue 17 Nov; lasting if it holds to "
        "Tue 24 Nov)"
    ) in result.output
    said = " ".join(result.output.split())
    assert "Pain -2.9 better" in said.replace("8.0 5.1 (7 days) ", "")
    assert "since Tue 17 Nov (last 7 days 5.1); it counts as lasting once that has held" in said
    data = json.loads(run("recovery", "--json").output)
    assert (data["pain_onset"], data["pain_pending"]) == (None, "2026-11-17")


def test_no_minus_zero(run, db_path):
    # Pain 6 six days then 7, twice: baseline 43/7 = 6.14, last 7 days 6.1 as shown; the change
    # 6.1 - 6.14 = -0.04 rounds to 0.0, never "-0.0".
    write_diary(db_path, [5] * 14, ([6] * 6 + [7]) * 2, dt.date(2026, 11, 5))
    result = run("recovery")
    assert result.exit_code == 0, result.output
    pain = next(line for line in result.output.splitlines() if line.split()[:2] == ["Pain", "6.1"])
    assert pain.split()[-2:] == ["+0.0", "same"]
    raw = run("recovery", "--json").output
    assert json.loads(raw)["change_since_baseline"]["pain"] == 0
    assert "-0.0" not in raw and "-0.0" not in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--threshold", "abc"], "--threshold: 'abc' is not a number; use a number from 0.5 to 10"),
        (["--threshold", "20"], "--threshold: '20' is out of range; use a number from 0.5 to 10"),
        (["--threshold", "nan"], "--threshold: 'nan' is out of range; use a number from 0.5 to 10"),
        (["--hold", "x"], "--hold: 'x' is not a whole number; use a whole number from 0 to 60"),
        (["--hold", "2.5"], "--hold: '2.5' is not a whole number; use a whole number from 0 to 60"),
        (["--hold", "-1"], "--hold: '-1' is out of range; use a whole number from 0 to 60"),
    ],
)
def test_bad_numbers_are_one_line(run, db_path, args, message):
    write_diary(db_path, STEP_FUNCTION, STEP_PAIN)
    result = run("recovery", *args)
    assert result.exit_code == 2
    assert result.output == f"Error: {message}\n"


def test_recovery_on_an_empty_diary_is_one_line(run, db_path):
    open_diary(db_path).close()
    result = run("recovery")
    assert result.exit_code == 2
    assert result.output.strip() == (
        "Error: diary: has nothing logged yet; start with `ampsdiary log` (or try `ampsdiary demo`)"
    )


def test_the_demo_shows_function_first(run, demo_db):
    data = json.loads(run("--db", str(demo_db), "recovery", "--json").output)
    assert data["pattern"] == "function-first"
    assert 14 <= data["lag_days"] <= 35  # a few weeks
    assert data["baseline_window"]["days_logged"] == 7


def test_recovery_command_with_a_treatment_start_before_the_diary(run, db_path):
    write_diary(db_path, STEP_FUNCTION, STEP_PAIN, settings={"treatment-start": "2026-08-01"})
    data = json.loads(run("recovery", "--json").output)
    assert data["baseline_window"] == {"start": "2026-09-01", "end": "2026-09-07", "days_logged": 7}
    assert data["baseline_source"] == "first-logged-days"
    assert (data["function_onset"], data["pain_onset"]) == ("2026-09-14", "2026-09-24")
    result = run("recovery")
    assert "Baseline: Tue 1 Sep – Mon 7 Sep 2026 (7 days logged; the first days logged)." in (
        result.output
    )
    # trends measures its change from the same baseline.
    trend = json.loads(run("trends", "--json").output)
    assert (trend["baseline"]["function"], trend["baseline"]["pain"]) == (2, 8)


def test_one_logged_day_is_one_day(run):
    run("log", "--function", "5", "--pain", "6")
    result = run("recovery")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Wed 18 Nov – Wed 18 Nov 2026: 1 of 1 day logged (100%), 1 in a row."
    assert (
        lines[1] == "Baseline: Wed 18 Nov – Wed 18 Nov 2026 (1 day logged; the first days logged)."
    )
    assert "Function improved from: not yet" in result.output
