"""The function-before-pain analysis: answers computed by hand for small made-up diaries."""

from __future__ import annotations

import datetime as dt

import pytest

from ampsdiary.analysis.recovery import analyse
from ampsdiary.daily import Day
from ampsdiary.errors import DiaryError
from analysis_helpers import FIRST, STEP_FUNCTION, STEP_PAIN, day, make_days, other_days


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
    assert (r.changes["function"].value, r.changes["pain"].value) == (4, -4)
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
    assert r.changes["pain"].value == -2.9  # last 7 days: two 8s and five 4s = 36/7 = 5.1
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


def test_no_best_or_hardest_day_when_every_day_scored_the_same():
    r = analyse(make_days([5] * 10, [5] * 10))
    data = r.as_json()
    assert (data["best_day"], data["worst_day"], data["days_scored_alike"]) == (None, None, True)


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


def test_every_measure_has_its_change_since_baseline():
    r = analyse(other_days(), goal=20)
    changes = {name: (c.value, c.verdict) for name, c in r.changes.items()}
    assert changes == {
        "function": (0, "same"),
        "pain": (0, "same"),
        "worst": (None, None),  # none logged, like allodynia, sleep and mood
        "allodynia": (None, None),
        "sleep": (None, None),
        "mood": (None, None),
        "swelling": (-0.57, "better"),  # 5/7 = 0.71 -> 1/7 = 0.14
        "skin_change": (0, "same"),
        "school_full": (0.6, "better"),  # 1 of 5 school days -> 4 of 5
        "school_part": (0, "same"),
        "school_missed": (-0.6, "better"),  # 3 of 5 -> 0 of 5
        "sport": (0.57, "better"),  # 0 -> 4 of 7
        "social": (-0.14, "same"),  # 2 -> 1 of 7: under 0.15 apart
        "goal_met": (1, "better"),  # 20 minutes a day: 0 of 7 -> 7 of 7
        "exercise": (20, "better"),  # 10 -> 30 minutes a logged day
    }
    assert r.changes["school_part"].direction == "same" and r.verdict("sport") == "better"
    assert r.baseline_period.text("school_missed") == "3 of 5 school days"
    assert r.last_7.text("swelling") == "1 of 7 days" and r.last_7.text("exercise") == "30"
    data = r.as_json()
    assert data["change_since_baseline"]["swelling"] == -0.57
    assert data["verdict_since_baseline"]["school_missed"] == "better"
    assert data["baseline_measures"]["school_full_days"] == {"days": 1, "of": 5}
    assert data["last_7_days"]["sport_days"] == {"days": 4, "of": 7}
    assert data["baseline_measures"]["exercise_minutes_per_logged_day"] == 10
    assert data["last_7_days"]["pain"]["mean"] == 5


def test_a_baseline_without_function_scores_says_function_cannot_be_judged():
    # Function is first logged on day 7 (2, then 6 from day 12 on): the first 7 days, the
    # baseline, have pain only.
    days = make_days([None] * 7 + [2] * 5 + [6] * 23, [8] * 35)
    r = analyse(days)
    assert (r.baseline["function"], r.function_onset, r.pattern) == (None, None, "not-yet")
    assert r.explain() == (
        "During the baseline (Tue 1 Sep to Mon 7 Sep), pain averaged 8.0 out of 10. No function "
        "scores were logged in it, so function cannot be judged. To use days with function "
        "scores, set the day treatment started (ampsdiary config set treatment-start DATE; the "
        "baseline becomes the 7 days before it). The recovery command can also try other days: "
        "ampsdiary recovery --baseline-from DATE --baseline-to DATE. Pain has not eased by 2 "
        "points yet (last 7 days 8.0). Keep logging, so you can see the change when it comes."
    )
    # Days 7-13 as the baseline: function 2, 2, 2, 2, 2, 6, 6 = 22/7 = 3.14, so it needs 5.14.
    # Day 16 smooths 2, 2, 6, 6, 6, 6, 6 = 34/7 = 4.86; day 17: one 2 and six 6s = 38/7 = 5.43.
    assert analyse(days, baseline_start=day(7)).function_onset == day(17)


def test_a_baseline_without_any_scores_says_how_to_choose_other_days():
    """Mood only in the first 7 days: the advice names what works in every command."""
    days = [Day(day(n), mood=5, day_record=True) for n in range(7)]
    days += make_days([6] * 21, [4] * 21, day(7))
    r = analyse(days)
    assert (r.baseline["function"], r.baseline["pain"]) == (None, None)
    assert r.explain().startswith(
        "There are no function or pain scores in the baseline (Tue 1 Sep to Mon 7 Sep), so "
        "there is nothing to compare with yet. To use days with scores, set the day treatment "
        "started (ampsdiary config set treatment-start DATE; the baseline becomes the 7 days "
        "before it). The recovery command can also try other days: ampsdiary recovery "
        "--baseline-from DATE --baseline-to DATE."
    )
    assert analyse(days, treatment_start=day(14)).baseline["function"] == 6


def test_a_baseline_without_pain_scores_says_pain_cannot_be_judged():
    r = analyse(make_days([2] * 7 + [6] * 28, [None] * 7 + [8] * 5 + [4] * 23))
    assert (r.baseline["pain"], r.pain_onset, r.function_onset) == (None, None, day(10))
    text = r.explain()
    assert "function averaged 2.0 out of 10. No pain scores were logged in it, so pain " in text
    assert "Function started to improve on Fri 11 Sep" in text and "Pain has not" not in text
    never = analyse(make_days([2] * 7 + [6] * 24, [None] * 31)).explain()
    assert "No pain scores have been logged, so pain is left out." in never
    assert "--baseline-from" not in never
