"""Logging a day with flags: values land, bad input is refused whole, edits keep history."""

from __future__ import annotations

import json
import sqlite3


def rows(db, sql):
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(sql)]


def test_log_with_flags_stores_entry_and_day(run, db_path):
    result = run(
        "log", "--pain", "5", "--worst", "7", "--where", "left foot,R-knee", "--quality", "burning",
        "--allodynia", "6", "--swelling", "mild", "--skin-color", "blue", "--skin-temp", "cold",
        "--function", "4", "--school", "part", "--sport", "--no-social", "--sleep", "7.5",
        "--mood", "6", "--private-note", "secret", "--trigger", "Exam",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Logged Wed 18 Nov" in result.output
    entry = rows(db_path, "select * from entries")[0]
    assert entry["date"] == "2026-11-18"
    assert (entry["pain"], entry["worst"], entry["allodynia"]) == (5, 7, 6)
    assert json.loads(entry["locations"]) == ["left-foot", "right-knee"]
    assert entry["skin_color"] == "blue-purple"
    assert json.loads(entry["triggers"]) == ["exam"]
    day = rows(db_path, "select * from days")[0]
    assert (day["function"], day["school"], day["sport"], day["social"]) == (4, "part", 1, 0)
    assert day["sleep"] == 7.5 and day["private_note"] == "secret"
    assert day["mood"] == 6


def test_missing_values_stay_null_not_zero(run, db_path):
    assert run("log", "--function", "3").exit_code == 0
    day = rows(db_path, "select * from days")[0]
    assert day["function"] == 3
    assert day["mood"] is None and day["sleep"] is None and day["sport"] is None
    assert rows(db_path, "select * from entries") == []


def test_relog_day_field_replaces_and_keeps_history(run, db_path):
    run("log", "--function", "3", "--date", "yesterday")
    result = run("log", "--function", "6", "--date", "2026-11-17")
    assert "Function changed 3 -> 6" in result.output
    assert rows(db_path, "select function from days") == [{"function": 6}]
    change = rows(db_path, "select * from changes where action = 'edit'")[0]
    assert (change["field"], change["old_value"], change["new_value"]) == ("function", "3", "6")
    history = run("history", "2026-11-17")
    assert "Function" in history.output and "changed" in history.output


def test_friendly_dates(run, db_path):
    for text in ("yesterday", "mon", "3d", "2026-11-01"):
        assert run("log", "--function", "5", "--date", text).exit_code == 0
    dates = [r["date"] for r in rows(db_path, "select date from days order by date")]
    assert dates == ["2026-11-01", "2026-11-15", "2026-11-16", "2026-11-17"]


def test_exercise_session(run, db_path):
    run("config", "set", "exercise-goal", "60")
    result = run("exercise", "aerobic", "30", "--intensity", "hard")
    assert result.exit_code == 0, result.output
    assert "30 min of your 60 min goal" in result.output
    run("exercise", "PT", "45")
    sessions = rows(db_path, "select kind, minutes, intensity from sessions order by id")
    assert sessions == [
        {"kind": "aerobic", "minutes": 30, "intensity": "hard"},
        {"kind": "physio", "minutes": 45, "intensity": None},
    ]


def test_help_says_what_to_type_for_each_flag(run):
    out = run("log", "--help").output
    for shown in ("--pain 0-10", "--sleep 0-16", "--where LIST", "--school WORD", "--time HH:MM"):
        assert shown in out
    assert "<str>" not in out


def test_shown_values_round_halves_up_like_people_do(run):
    result = run("log", "--sleep", "7.25", "--date", "yesterday")
    assert "sleep hours 7.3." in result.output  # Python's own rounding says 7.2
