"""Edge cases found in review: user text with markup, dates far away, read-only commands,
private notes in confirmations, skipped check-ins, clearing a day's value, the demo's care."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

from conftest import no_traceback


def test_brackets_in_notes_print_as_typed(run):
    note = "knee [left] hurt [/oops] [bold]x"
    run("log", "--pain", "3", "--note", note, "--day-note", note, "--trigger", "[/x]")
    run("log", "--day-note", "changed", "--date", "today")
    for args in (("day",), ("history",)):
        result = run(*args)
        no_traceback(result)
        assert result.exit_code == 0, result.output
        assert "[left]" in result.output
    assert "[/x]" in run("day").output


@pytest.mark.parametrize(
    "args",
    [("show",), ("day",), ("history",), ("config", "get"), ("summary",), ("recovery",), ("log",)],
)
def test_reading_never_creates_a_diary(run, db_path, args):
    result = run(*args)
    no_traceback(result)
    assert result.exit_code == 2
    assert not db_path.exists()
    assert "does not exist yet" in result.output or "no values given" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("log", "--pain", "3", "--date", "0001-01-01"), "is too long ago"),
        (("log", "--pain", "3", "--date", "99999d"), "is too long ago"),
        (("log", "--pain", "3", "--date", "9999999999d"), "is not a date"),
        (("summary", "--week", "0001-W01"), "is too long ago"),
    ],
)
def test_dates_far_in_the_past_are_refused(run, args, message):
    run("log", "--pain", "2")
    result = run(*args)
    assert result.exit_code == 2 and message in result.output


def test_replacing_a_private_note_never_prints_it(run):
    run("log", "--private-note", "SECRET-A")
    result = run("log", "--private-note", "SECRET-B")
    assert result.exit_code == 0
    assert "SECRET" not in result.output
    assert "Private note replaced" in result.output


def test_a_fully_skipped_checkin_says_nothing_was_logged(run, db_path):
    result = run("log", "--check-in", input="-\n" * 14 + "\n-\n")
    assert result.exit_code == 0, result.output
    assert "Nothing logged" in result.output
    assert not db_path.exists()  # a first check-in that logged nothing leaves no diary behind


def test_a_sessions_only_checkin_names_them(run):
    result = run("log", "--check-in", input="-\n" * 14 + "aerobic 20\n-\n")
    assert "Logged Wed 18 Nov: aerobic 20 min." in result.output


def test_edit_day_clears_a_value_and_keeps_it(run):
    run("log", "--function", "5", "--mood", "7", "--date", "mon")
    result = run("edit", "--day", "mon", "mood", "-")
    assert result.exit_code == 0, result.output
    assert "Mood of Mon 16 Nov: 7 -> (empty)" in result.output
    day = json.loads(run("day", "mon", "--json").output)["day"]
    assert (day["function"], day["mood"]) == (5, None)
    change = json.loads(run("history", "--json").output)["changes"][-1]
    assert (change["field"], change["old_value"], change["new_value"]) == ("mood", 7, None)
    result = run("edit", "--day", "tue", "mood", "3")  # a day with only an entry, or nothing
    assert result.exit_code == 0 and "Mood of Tue 17 Nov: (empty) -> 3." in result.output
    assert "No change" in run("edit", "--day", "tue", "mood", "3").output


def test_a_note_only_day_counts_as_logged_everywhere(run):
    run("log", "--day-note", "rest day", "--date", "yesterday")
    show = json.loads(run("show", "--days", "2", "--json").output)
    assert show["days_logged"] == 1
    assert json.loads(run("nudge", "--json").output)["streak"] == 1


def test_show_json_never_has_the_private_note(run):
    run("log", "--function", "6", "--private-note", "only for me")
    output = run("show", "--json").output
    assert "only for me" not in output
    assert json.loads(output)["days"][-1]["function"] == 6


def test_demo_keeps_a_diary_that_only_has_settings(run, db_path):
    run("config", "set", "name", "Sam")
    result = run("--db", str(db_path), "demo")
    assert result.exit_code == 2 and "holds a diary someone wrote in" in result.output
    assert json.loads(run("config", "get", "name", "--json").output)["settings"] == {"name": "Sam"}


def test_exercise_on_another_day_names_that_day(run):
    result = run("exercise", "aerobic", "20", "--date", "yesterday")
    assert "Tue 17 Nov so far: 20 min." in result.output


def test_opening_a_diary_does_not_import_numpy(tmp_path):
    """The store hides numpy from sqlite-utils' import; numpy itself must still import after."""
    code = (
        "import sys, pathlib; from ampsdiary import open_diary;"
        f"open_diary(pathlib.Path({str(tmp_path / 'x.db')!r}), create=True).close();"
        "print('numpy' in sys.modules); import numpy; print(numpy.__name__)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "numpy"]


def test_history_hides_private_notes_unless_asked(run):
    run("log", "--function", "5", "--private-note", "SECRET-A", "--date", "mon")
    run("log", "--private-note", "SECRET-B", "--date", "mon")
    run("delete", "mon", "--yes")
    for args in (("history",), ("history", "--json")):
        output = run(*args).output
        assert "SECRET" not in output and "(private)" in output
    shown = run("history", "--private").output
    assert "SECRET-A" in shown and "SECRET-B" in shown


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("config", "set", "exercise-goal", "²"), "exercise-goal: '²' is not a number"),
        (("config", "set", "exercise-goal", "0"), "use whole minutes from 1 to 720"),
        (
            ("config", "set", "name", "Sam\nSmith"),
            "name: 'Sam\\nSmith' is not allowed; use one line",
        ),
        (("config", "set", "patient-id", "x" * 61), "use one line of 1 to 60"),
        (("show", "--days", "0"), "--days: '0' is out of range; use a whole number from 1 to 3660"),
        (("show", "--days", "lots"), "--days: 'lots' is not a number"),
    ],
)
def test_more_bad_values_are_one_clear_line(run, args, message):
    run("log", "--pain", "2")
    result = run(*args)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and message in result.output


def test_teen_words_for_exercise_are_understood(run, db_path):
    for word in ("running", "physiotherapy", "yoga", "swimming"):
        assert run("exercise", word, "20").exit_code == 0
    with sqlite3.connect(db_path) as conn:
        kinds = [k for (k,) in conn.execute("select kind from sessions order by id")]
    assert kinds == ["aerobic", "physio", "stretching", "aerobic"]


def test_minus_zero_sleep_is_zero(run):
    run("log", "--sleep", "-0")
    assert json.loads(run("day", "--json").output)["day"]["sleep"] == 0.0
    assert "-0" not in run("show", "--days", "1").output


def test_every_new_folder_is_private(run, tmp_path):
    path = tmp_path / "a" / "b" / "c" / "diary.db"
    assert run("--db", str(path), "log", "--pain", "1").exit_code == 0
    for folder in (tmp_path / "a", tmp_path / "a" / "b", path.parent):
        assert folder.stat().st_mode & 0o777 == 0o700


def test_show_names_days_like_every_other_output(run):
    run("log", "--pain", "2", "--date", "2026-11-05")
    assert "Thu 5 Nov" in run("show", "--days", "14").output
