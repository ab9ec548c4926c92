"""The week summary: this week next to last, arrows that mean better or worse, the headline."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from ampsdiary import open_diary
from ampsdiary.analysis.period import period
from ampsdiary.analysis.summary import headline, week_summary
from ampsdiary.daily import Day
from analysis_helpers import make_days, write_diary

MON = dt.date(2026, 11, 2)  # last week starts here; "this" week is Mon 9 - Sun 15 Nov
# Last week: function 4 and pain 6 every day. This week: six days logged, Sunday not.
FUNCTION = [4] * 7 + [5, 6, 6, 7, 6, 6, None]
PAIN = [6] * 7 + [6, 6, 5, 6, 6, 5, None]


def weeks() -> tuple[list[Day], list[Day]]:
    days = make_days(FUNCTION, PAIN, MON)
    return days[7:], days[:7]


def rows_by_label(summary) -> dict:
    return {row.label: row for row in summary.rows}


def cells(row) -> tuple:
    """What a row shows: this week, last week, and whether that is better."""
    return row.this, row.last, row.verdict


def test_means_say_how_many_days_and_headline_says_function_first():
    this, last = weeks()
    s = week_summary(this, last, goal=None)
    assert (s.start, s.end) == (dt.date(2026, 11, 9), dt.date(2026, 11, 15))
    # Function 36/6 = 6.0 against 4.0; pain 34/6 = 5.67 against 6.0, within half a point.
    assert s.headline == (
        "You did more this week: function 4.0 -> 6.0. Pain about the same (6.0 -> 5.7)."
    )
    rows = rows_by_label(s)
    assert cells(rows["Days logged"]) == ("6 of 7", "7 of 7", None)
    assert cells(rows["Function (average)"]) == ("6.0 (6 days)", "4.0 (7 days)", "better")
    assert cells(rows["Pain (average)"]) == ("5.7 (6 days)", "6.0 (7 days)", "same")


def test_arrows_mean_better_or_worse_for_each_measure():
    # Last week function 4 and pain 6 every day; this week function 6 or 7, pain 4 or 5.
    days = make_days([4] * 7 + [6, 7, 6, 6, 6, 6, 6], [6] * 7 + [4, 5, 4, 4, 4, 4, 4], MON)
    this, last = days[7:], days[:7]
    rows = rows_by_label(week_summary(this, last, None))
    # Function up is better; pain down is better. A lowest or highest is one day: it takes
    # 2 points to count, so pain's highest 6 -> 5 is a day's wobble, the same.
    assert (rows["Function lowest"].arrow, rows["Function lowest"].verdict) == ("↑", "better")
    assert (rows["Pain lowest"].arrow, rows["Pain lowest"].verdict) == ("↓", "better")
    assert (rows["Pain highest"].arrow, rows["Pain highest"].verdict) == ("→", "same")
    swapped = rows_by_label(week_summary(last, this, None))
    assert (swapped["Function lowest"].arrow, swapped["Function lowest"].verdict) == ("↓", "worse")
    assert (swapped["Pain lowest"].arrow, swapped["Pain lowest"].verdict) == ("↑", "worse")
    with pytest.raises(TypeError):  # a row is a record, read by name, not a tuple
        swapped["Pain lowest"][3]


def school_weeks() -> tuple[list[Day], list[Day]]:
    """Last week: school Mon-Thu, missed Fri, none at the weekend. This week so far: Mon-Wed."""
    this, last = weeks()
    for d, school in zip(last, ["full"] * 4 + ["missed"] + ["none"] * 2, strict=True):
        d.school = school
    for d in this[:3]:
        d.school = "full"
    return this[:3], last


def test_school_days_leave_out_the_days_without_school():
    this, last = school_weeks()
    rows = rows_by_label(week_summary(this, last, None))
    # Full: 3 of 3 (100%) against 4 of 5 (80%), the weekend not counted: 0.2 apart, more
    # than a day a week (0.15) and less than two (2/7): a small change, no verdict.
    assert cells(rows["School: full days"]) == ("3 of 3 school days", "4 of 5 school days", None)
    assert rows["School: full days"].change == "↑"
    assert cells(rows["School: missed days"]) == (
        "0 of 3 school days",
        "1 of 5 school days",
        None,
    )
    last[3].school = "missed"  # 3 of 5 at school in full: 1.0 against 0.6 is better
    rows = rows_by_label(week_summary(this, last, None))
    assert cells(rows["School: full days"])[2] == "better"
    last[3].school = "full"
    # Every school day at school both weeks: the same, however many weekend days there were.
    last[4].school = "full"
    rows = rows_by_label(week_summary(this, last, None))
    full = rows["School: full days"]
    assert (full.this, full.last, full.arrow, full.verdict) == (
        "3 of 3 school days",
        "5 of 5 school days",
        "→",
        "same",
    )
    data = week_summary(this, last, None).as_json()
    assert data["last_week"]["school_full_days"] == {"days": 5, "of": 5}
    # A holiday week answered "none" every day has no school days to count: blank, not 0 of 0.
    holiday = make_days([5] * 7, [5] * 7, MON)
    for d in holiday:
        d.school = "none"
    full = period(holiday).counts["school_full"]
    assert (full.days, full.of, full.share, full.text()) == (0, 0, None, "")


def test_headline_words_for_every_direction():
    def week(function, pain, logged=7):
        return period(make_days([function] * logged, [pain] * logged, MON))

    assert headline(week(4, 4), week(6, 6)) == (
        "A harder week: function 6.0 -> 4.0. Hard weeks happen; keep moving. "
        "Pain eased (6.0 -> 4.0)."
    )
    assert headline(week(5, 6), week(5, 4)) == (
        "Function about the same (5.0 -> 5.0). Pain was higher (4.0 -> 6.0)."
    )
    assert headline(week(5, 6), week(None, None)) == (
        "Function 5.0 this week (none the week before to compare). Pain 6.0."
    )
    assert headline(week(None, None), week(5, 6)).startswith("Nothing logged this week yet")


def test_a_week_with_nothing_logged_is_blank_not_zero():
    _, last = weeks()
    empty = [Day(dt.date(2026, 11, 9) + dt.timedelta(days=i)) for i in range(7)]
    s = week_summary(empty, last, goal=60)
    assert s.headline == "Nothing logged this week yet: log a day and this summary fills in."
    rows = rows_by_label(s)
    assert cells(rows["Function (average)"]) == ("no days", "4.0 (7 days)", None)
    assert (s.best_day, s.worst_day, s.most_changed) == (None, None, None)
    data = s.as_json()
    assert data["this_week"]["days_logged"] == 0
    assert data["this_week"]["function"] == {"mean": None, "low": None, "high": None, "days": 0}
    assert data["this_week"]["exercise"]["minutes_per_logged_day"] is None


def test_best_worst_and_what_changed_most():
    this, last = weeks()
    s = week_summary(this, last, None)
    # Day score = mean of function and 10 - pain: Mon 4.5, Tue 5, Wed 5.5, Thu 5.5, Fri 5,
    # Sat 5.5: all within a point, a day's wobble, so no day is named.
    assert (s.best_day, s.worst_day) == (None, None)
    assert s.best_and_hardest == "Every day scored about the same."
    this[0].pain = 9  # Mon now scores 3: clearly harder than Tue and Fri's 5
    s = week_summary(this, last, None)
    assert (s.best_day, s.worst_day.date) == (None, dt.date(2026, 11, 9))
    assert s.best_and_hardest == (
        "No day was clearly better than the rest. Hardest day: Mon 9 Nov (function 5, pain 9)."
    )
    this[0].pain = 6
    assert s.most_changed["measure"] == "function" and s.most_changed["change"] == 2
    assert s.most_changed_text == "Function changed most: 4.0 -> 6.0 (better)."


def test_a_day_is_named_only_when_it_stands_out():
    # Day scores (function + 10 - pain) / 2: Mon 5, Tue 4, Wed 6, Thu 4, Fri 6: the best two
    # tie, and so do the hardest two, so neither is named.
    days = make_days([5, 4, 6, 4, 6], [5, 6, 4, 6, 4], dt.date(2026, 11, 9))
    s = week_summary(days, [], None)
    assert (s.best_day, s.worst_day) == (None, None)
    assert s.best_and_hardest == "No day was clearly better or harder than the rest."
    assert s.as_json()["this_week"]["best_day"] is None
    # Fri 8 (function 8, pain 2) is 2 points above Wed: named; Tue and Thu still tie.
    clear = week_summary(make_days([5, 4, 6, 4, 8], [5, 6, 4, 6, 2], MON), [], None)
    assert clear.best_and_hardest == (
        "Best day: Fri 6 Nov (function 8, pain 2). No day was clearly harder than the rest."
    )
    # A point apart is wobble, not a standout: Fri 7 against Wed 6.
    close = week_summary(make_days([5, 4, 6, 4, 7], [5, 6, 4, 6, 3], MON), [], None)
    assert close.best_day is None
    same = week_summary(make_days([6, 5, 4], [6, 5, 4], dt.date(2026, 11, 9)), [], None)
    assert same.best_and_hardest == "Every day scored about the same."  # all (6 + 4) / 2 = 5
    data = same.as_json()["this_week"]  # the JSON names no day either, and says why
    assert (data["best_day"], data["worst_day"], data["days_scored_alike"]) == (None, None, True)
    assert s.as_json()["this_week"]["days_scored_alike"] is False
    alone = week_summary(make_days([7, None], [3, None], dt.date(2026, 11, 9)), [], None)
    assert alone.best_and_hardest == "Only one day has a score: Mon 9 Nov (function 7, pain 3)."


def test_days_with_counts_allow_a_day_of_difference_in_a_short_week():
    this, last = weeks()
    for week, friends in ((this, [1, 1, 1, 1, 1, 1]), (last, [1, 1, 1, 1, 1, 1, 0])):
        for d, yes in zip(week, friends, strict=False):
            d.social = bool(yes)
    # 6 of 6 against 6 of 7: shares 1.0 and 0.86, 0.14 apart: about the same.
    assert cells(rows_by_label(week_summary(this, last, None))["Days with friends"]) == (
        "6 of 6 days",
        "6 of 7 days",
        "same",
    )
    this[0].social = this[1].social = False  # 4 of 6 = 0.67 against 0.86: 0.19 apart
    friends = rows_by_label(week_summary(this, last, None))["Days with friends"]
    assert (friends.verdict, friends.change) == (None, "↓")  # a small change: no verdict
    this[2].social = False  # 3 of 6 = 0.5: 0.36 apart, more than two days a week
    assert cells(rows_by_label(week_summary(this, last, None))["Days with friends"])[2] == "worse"


def test_what_changed_most_leaves_sleep_out():
    this = make_days([4] * 7, [6] * 7, dt.date(2026, 11, 9))
    last = make_days([7] * 7, [3] * 7, MON)
    for d in this:
        d.sleep = 8
    for d in last:
        d.sleep = 6
    # Sleep moved 2 h (2 of its 1-hour steps); function and pain 3 points (1.5 of 2-point
    # steps) each. Sleep is neither better nor worse, so function, listed first, is named.
    s = week_summary(this, last, None)
    assert s.most_changed_text == "Function changed most: 7.0 -> 4.0 (worse)."


def test_with_no_week_before_there_is_nothing_to_compare():
    s = week_summary(make_days([5] * 3, [5] * 3, dt.date(2026, 11, 9)), [], None)
    assert s.most_changed_text == "Nothing to compare with yet."


def test_exercise_by_kind_against_the_goal():
    this, last = weeks()
    this[0].exercise = {"aerobic": 45, "physio": 30}
    this[1].exercise = {"aerobic": 60}
    last[0].exercise = {"aerobic": 30}
    s = week_summary(this, last, goal=60)
    rows = rows_by_label(s)
    assert s.exercise == {"aerobic": 105, "physio": 30}
    assert cells(rows["Exercise goal met"]) == ("2 of 6 days", "0 of 7 days", "better")
    # 135 minutes over 6 logged days = 22.5 a day; last week 30 / 7 = 4.3.
    assert cells(rows["Exercise, minutes a logged day"]) == (
        "22.5 (goal 60)",
        "4.3 (goal 60)",
        "better",
    )
    assert cells(rows["  aerobic"])[:2] == ("105 min", "30 min")
    assert cells(rows["  physio"])[:2] == ("30 min", "0 min")
    exercise = s.as_json()["this_week"]["exercise"]
    assert exercise == {
        "minutes_by_kind": {"aerobic": 105, "physio": 30},
        "minutes_total": 135,
        "minutes_per_logged_day": 22.5,
        "goal_per_day": 60,
    }


# -- the command -----------------------------------------------------------------------------

NOTES = {"2026-11-10": {"day_note": "Walked to school", "private_note": "secret crush"}}


def test_summary_command_text_and_json(run, db_path):
    write_diary(db_path, FUNCTION, PAIN, MON, {"exercise-goal": "60"}, NOTES)
    run("exercise", "aerobic", "70", "--date", "2026-11-10")
    result = run("summary", "--week", "2026-W46")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Week Mon 9 Nov – Sun 15 Nov 2026" in out
    assert "You did more this week: function 4.0 -> 6.0." in out
    assert "Tue 10 Nov: Walked to school" in out and "secret" not in out
    pain_lowest = next(line for line in out.splitlines() if "Pain lowest" in line)
    assert pain_lowest.split()[2:] == ["5", "6", "→", "same"]  # one day, one point: wobble
    data = json.loads(run("summary", "--week", "2026-11-11", "--json").output)
    assert data["start"] == "2026-11-09" and data["end"] == "2026-11-15"
    assert data["this_week"]["function"] == {"mean": 6.0, "low": 5, "high": 7, "days": 6}
    assert data["last_week"]["pain"]["mean"] == 6.0
    assert data["this_week"]["goal_met_days"] == {"days": 1, "of": 6}
    assert data["changes"]["function"] == {"change": 2.0, "direction": "up", "verdict": "better"}
    assert data["this_week"]["day_notes"] == [{"date": "2026-11-10", "note": "Walked to school"}]
    assert "secret" not in json.dumps(data)
    # The week before had no session: its total is missing, not 0 minutes.
    assert data["last_week"]["exercise"]["minutes_total"] is None
    assert data["this_week"]["exercise"]["minutes_total"] == 70


def test_a_week_across_new_year_names_both_years(run, db_path):
    write_diary(db_path, [5] * 3, [5] * 3, dt.date(2025, 12, 30))
    result = run("summary", "--week", "2026-W01")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Week Mon 29 Dec 2025 – Sun 4 Jan 2026\n")


def test_this_week_so_far(run):
    run("log", "--function", "5", "--pain", "4", "--date", "mon")
    run("log", "--function", "7", "--pain", "4", "--date", "tue")
    result = run("summary")
    assert result.exit_code == 0, result.output
    assert "Week Mon 16 Nov – Sun 22 Nov 2026 (so far: to Wed 18 Nov)" in result.output
    assert "Function 6.0 this week (none the week before to compare). Pain 4.0." in result.output
    days = next(line for line in result.output.splitlines() if "Days logged" in line)
    assert days.split()[2:] == ["2", "of", "3", "0", "of", "7"]


def test_empty_diary_and_bad_week(run, db_path):
    open_diary(db_path, create=True).close()
    result = run("summary", "--week", "2026-W30", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["this_week"]["days_logged"] == 0 and data["this_week"]["pain"]["mean"] is None
    assert data["headline"] == "Nothing was logged that week."  # over: it cannot fill in now
    now = run("summary")  # the week still going keeps the invitation
    assert "Nothing logged this week yet: log a day and this summary fills in." in now.output
    assert "Nothing changed much" not in now.output and "compare" not in now.output


@pytest.mark.parametrize(
    ("week", "message"),
    [
        ("2026-W99", "'2026-W99' is not a week; 2026 has weeks 1 to 53 (2026-W01 to 2026-W53)"),
        ("2025-W53", "'2025-W53' is not a week; 2025 has weeks 1 to 52 (2025-W01 to 2025-W52)"),
        ("2025w0", "'2025w0' is not a week; 2025 has weeks 1 to 52 (2025-W01 to 2025-W52)"),
        (
            "garbage",
            "'garbage' is not a week or a day; use YYYY-Www (e.g. 2026-W47) or a day in it: "
            "today, yesterday, YYYY-MM-DD, a weekday (mon = the most recent Monday) or 3d (3 "
            "days ago)",
        ),
        (
            "0000-W01",
            "'0000-W01' is not a week or a day; use YYYY-Www (e.g. 2026-W47)",
        ),  # no year 0
    ],
)
def test_a_bad_week_names_both_forms_and_the_weeks_of_its_year(run, db_path, week, message):
    write_diary(db_path, [5], [5], dt.date(2026, 11, 16))
    bad = run("summary", "--week", week)
    assert bad.exit_code == 2 and bad.output.startswith(f"Error: --week: {message}")
    assert bad.output.count("\n") == 1


def test_a_future_week_is_refused(run, db_path):
    open_diary(db_path, create=True).close()
    result = run("summary", "--week", "2026-W50")
    assert result.exit_code == 2
    assert result.output.startswith("Error: --week: '2026-W50' is in the future")


def test_summary_json_names_no_best_day_when_every_day_scored_the_same(run, db_path):
    # This week (Mon 16 Nov to today, Wed 18 Nov): function 7 and pain 6 every day.
    write_diary(db_path, [4] * 7 + [7] * 3, [4] * 7 + [6] * 3, dt.date(2026, 11, 9))
    assert "Every day scored about the same." in run("summary").output
    data = json.loads(run("summary", "--json").output)
    week = data["this_week"]
    assert (week["best_day"], week["worst_day"], week["days_scored_alike"]) == (None, None, True)
    assert data["last_week"]["days_scored_alike"] is True


def test_a_half_rounds_up_in_text_and_json_alike(run, db_path):
    # Last week (Mon 9 to Sun 15 Nov) pain 5, 5, 5, 6: 21/4 = 5.25, shown 5.3, never 5.2.
    write_diary(db_path, [5] * 4, [5, 5, 5, 6], dt.date(2026, 11, 9))
    pain = next(line for line in run("summary").output.splitlines() if "Pain (average)" in line)
    assert "5.3 (4 days)" in pain
    assert json.loads(run("summary", "--json").output)["last_week"]["pain"]["mean"] == 5.3
    table = run("recovery").output.splitlines()
    assert next(line for line in table if line.startswith("Pain ")).split()[1] == "5.3"
    baseline = json.loads(run("recovery", "--json").output)["baseline_measures"]["pain"]
    assert baseline["mean"] == 5.25  # a baseline is given at two decimals: 21 / 4 exactly


def test_summary_json_says_each_fact_once():
    """The best and hardest day and the day notes are each week's own, not repeated on top."""
    this, last = weeks()
    data = week_summary(this, last, 60).as_json()
    top = ["start", "end", "headline", "goal_per_day", "this_week", "last_week", "changes"]
    assert list(data) == [*top, "most_changed"]
    for week in ("this_week", "last_week"):
        assert {"best_day", "worst_day", "days_scored_alike", "day_notes"} <= set(data[week])
    assert data["this_week"]["days_scored_alike"] is True  # within a point: no day named
    assert data["this_week"]["best_day"] is None
