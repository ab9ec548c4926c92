"""`ampsdiary recovery` on real diaries: the text, the JSON other tools read, the errors."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from ampsdiary import open_diary
from analysis_helpers import STEP_FUNCTION, STEP_PAIN, log_other_days, write_diary


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
    assert "Lag: 10 days from the function onset to the pain onset." in result.output
    assert "Pattern: function first, then pain." in result.output  # words, not a JSON name
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
    assert "Pain 8.0 (7 days) 5.1 (7 days) -2.9 better" in said
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
        (["--hold", "x"], "--hold: 'x' is not a number; use a whole number from 0 to 60"),
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
    open_diary(db_path, create=True).close()
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
    assert lines[0] == "Wed 18 Nov 2026: 1 of 1 day logged (100%), 1 in a row."
    assert lines[1] == "Baseline: Wed 18 Nov 2026 (1 day logged; the first days logged)."
    assert "Function improved from: not yet" in result.output


def test_recovery_shows_the_change_of_every_measure(run, monkeypatch):
    # The OTHER two weeks (analysis_helpers), ending today (Wed 18 Nov).
    log_other_days(run, dt.date(2026, 11, 5))
    monkeypatch.setenv("COLUMNS", "80")
    result = run("recovery")
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.output.splitlines()) <= 80
    said = " ".join(result.output.split())
    assert "Swelling days 5 of 7 days 1 of 7 days ↓ better" in said
    assert "Skin-change days 3 of 7 days 3 of 7 days → same" in said
    assert "School: full days 1 of 5 school days 4 of 5 school days ↑ better" in said
    assert "School: part days 1 of 5 school days 1 of 5 school days → same" in said
    assert "School: missed days 3 of 5 school days 0 of 5 school days ↓ better" in said
    assert "Sport or gym days 0 of 7 days 4 of 7 days ↑ better" in said
    assert "Days with friends 2 of 7 days 1 of 7 days → same" in said
    # The label is the summary's, one name for one thing; at 80 columns it wraps, the
    # numbers stay on its first line.
    exercise = next(line for line in result.output.splitlines() if line.startswith("Exercise,"))
    assert exercise.split()[-4:] == ["10", "30", "+20.0", "better"]
    data = json.loads(run("recovery", "--json").output)
    assert data["change_since_baseline"]["school_missed"] == -0.6
    assert data["verdict_since_baseline"]["swelling"] == "better"
    assert data["baseline_measures"]["swelling_days"] == {"days": 5, "of": 7}
    assert data["last_7_days"]["exercise_minutes_per_logged_day"] == 30


def test_recovery_says_what_a_baseline_without_scores_cannot_judge(run, db_path):
    # No function in the first 7 days (the baseline); then 2, and 6 from the sixth day on.
    write_diary(db_path, [None] * 7 + [2] * 5 + [6] * 23, [8] * 35, dt.date(2026, 10, 15))
    result = run("recovery")
    assert result.exit_code == 0, result.output
    assert "Function improved from: cannot tell (no function scores in the baseline)" in (
        result.output
    )
    said = " ".join(result.output.split())
    assert (
        "so function cannot be judged. To use days with function scores, set the day treatment "
        "started (ampsdiary config set treatment-start DATE; the baseline becomes the 7 days "
        "before it). The recovery command can also try other days: ampsdiary recovery "
        "--baseline-from DATE --baseline-to DATE."
    ) in said
    assert "no lasting change" not in said


def test_the_advice_for_a_baseline_without_scores_works_in_plot_too(run, db_path, tmp_path):
    """plot has no baseline options: the treatment start it is told to set moves its baseline."""
    write_diary(db_path, [None] * 7 + [2] * 5 + [6] * 23, [8] * 35, dt.date(2026, 10, 15))
    plot = ("plot", "recovery", "--out", str(tmp_path / "r.png"), "--json")
    before = json.loads(run(*plot).output)["recovery"]
    assert "config set treatment-start DATE" in before["explanation"]
    assert run("config", "set", "treatment-start", "2026-10-29").exit_code == 0
    after = json.loads(run(*plot).output)["recovery"]  # baseline Thu 22 - Wed 28 Oct
    assert after["baseline_source"] == "treatment-start" and after["baseline"]["function"]
    assert "cannot be judged" not in after["explanation"]


def test_day_means_stay_exact_so_an_onset_never_moves_by_rounding(run, db_path):
    # Pain 8 for the baseline week, then days of several entries: 5, 6, 6 (17/3) twice and
    # 6, 7, 7 (20/3), four days of 6 and 4 after. Day 13 (Mon 14 Sep) smooths
    # 17/3 + 17/3 + 20/3 + 4 * 6 = 42, / 7 = exactly 6, the target; rounded to 5.67 and 6.67
    # first, the sum would be 42.01 and the onset a day late.
    pain = [8] * 7 + [[5, 6, 6]] * 2 + [[6, 7, 7]] + [6] * 4 + [4] * 16
    write_diary(db_path, [5] * 30, pain, dt.date(2026, 9, 1))
    data = json.loads(run("recovery", "--json").output)
    assert data["pain_onset"] == "2026-09-14"
    assert data["smoothed"][13]["pain"] == 6
    shown = json.loads(run("show", "--json", "--days", "90").output)["days"]
    assert next(d["pain"] for d in shown if d["date"] == "2026-09-08") == 5.67  # shown: 2 places


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--baseline-from", "2026-11-15"],  # 7 days to Sat 21 Nov, after today (Wed 18 Nov)
            "--baseline-from: '2026-11-15' makes a baseline that ends on 2026-11-21, with no "
            "day after it to compare with; use a date from 2026-09-01 to 2026-11-11",
        ),
        (
            ["--baseline-from", "2020-01-01", "--baseline-to", "2020-01-05"],
            "--baseline-to: '2020-01-05' is before the diary's first day (2026-09-01); "
            "use a date from 2026-09-01 to 2026-11-17",
        ),
        (
            ["--baseline-to", "today"],
            "--baseline-to: '2026-11-18' leaves no day after the baseline to compare with; "
            "use a date from 2026-09-01 to 2026-11-17",
        ),
    ],
)
def test_a_baseline_out_of_the_diary_is_one_line(run, db_path, args, message):
    write_diary(db_path, STEP_FUNCTION, STEP_PAIN)
    result = run("recovery", *args)
    assert (result.exit_code, result.output) == (2, f"Error: {message}\n")


def test_the_baseline_json_is_rounded_to_two_decimals_as_docs_say(run, demo_db):
    """The demo's baseline function is 13 / 7: 1.86 wherever the JSON gives it (the table
    shows 1.9)."""
    data = json.loads(run("--db", str(demo_db), "recovery", "--json").output)
    assert data["baseline"]["function"] == 1.86
    assert data["baseline_measures"]["function"]["mean"] == 1.86
    means = {name: data["baseline_measures"][name]["mean"] for name in data["baseline"]}
    assert means == data["baseline"]
    table = run("--db", str(demo_db), "recovery").output.splitlines()
    assert next(line for line in table if line.startswith("Function ")).split()[1] == "1.9"
