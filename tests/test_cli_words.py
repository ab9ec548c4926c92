"""The words people read: first runs, dates, and what a message blames."""

from __future__ import annotations

import datetime as dt

import pytest

from ampsdiary.dates import span_label as label


@pytest.mark.parametrize("command", ["show", "day", "summary", "history", "trends"])
def test_a_first_run_points_to_log_and_blames_no_flag(run, db_path, command):
    result = run(command)
    assert result.exit_code == 2
    assert f"Error: diary: '{db_path}' does not exist yet; start with `ampsdiary log`" in (
        result.output
    )
    assert not db_path.exists()


def test_an_empty_week_without_week_does_not_blame_week(run, tmp_path):
    run("log", "--pain", "3", "--date", "2026-11-10")  # last week; today is Wed 18 Nov
    result = run("report", "--out", str(tmp_path / "week.pdf"))
    assert result.exit_code == 2
    assert result.output.startswith("Error: this week: has nothing logged yet (2026-11-16")
    assert "--week:" not in result.output


def test_a_day_in_another_year_says_its_year(run):
    assert (
        "Logged Mon 18 Nov 2024: pain 3."
        in run("log", "--pain", "3", "--date", "2024-11-18").output
    )
    assert "Logged Tue 17 Nov: pain 4." in run("log", "--pain", "4", "--date", "yesterday").output
    assert "Logged Wed 18 Nov: pain now 5." in run("log", "--pain", "5").output
    assert "on Mon 18 Nov 2024" in run("exercise", "physio", "20", "--date", "2024-11-18").output


def test_a_day_page_names_the_day_without_zero_padding(run):
    run("log", "--pain", "3", "--date", "2026-11-03")
    assert run("day", "2026-11-03").output.startswith("Tuesday 3 November 2026\n")


def test_trends_say_when_the_baseline_has_no_score(run):
    for day in range(1, 15):
        run("log", "--pain", "6", "--date", f"2026-11-{day:02}")
    out = run("trends").output.replace("\n", " ")
    assert "(function not scored, pain 6.0)" in out


def test_one_day_is_one_day(run, tmp_path):
    run("log", "--pain", "3", "--function", "4")
    result = run("plot", "recovery", "--out", str(tmp_path / "r.png"))
    assert "(1 of 1 day logged)" in result.output


def test_a_one_day_span_names_the_day_once():
    one = dt.date(2026, 10, 1)
    assert label(one, one) == "Thu 1 Oct 2026"
    assert label(one, dt.date(2026, 10, 4)) == "Thu 1 Oct – Sun 4 Oct 2026"
