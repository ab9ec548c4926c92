"""Looking at one day with ids, and correcting a field without losing the old value."""

from __future__ import annotations

import json
import sqlite3


def test_day_shows_entries_facts_and_sessions(run, db_path):
    run("log", "--pain", "5", "--where", "left-knee", "--time", "08:15", "--date", "mon")
    run("log", "--function", "6", "--private-note", "only me", "--date", "mon")
    run("exercise", "physio", "45", "--date", "mon", "--intensity", "hard")
    result = run("day", "mon")
    assert result.exit_code == 0, result.output
    assert "Monday 16 November 2026" in result.output
    # Back-filled: recorded (on the real clock) later than the pinned day it describes.
    with sqlite3.connect(db_path) as conn:
        (recorded,) = conn.execute("select recorded_at from entries").fetchone()
    assert f"08:15 (added {recorded[:10]})" in result.output
    assert "where it hurts left-knee" in result.output
    assert "Function: 6" in result.output
    assert "only me" not in result.output and "add --private to see it" in result.output
    assert "Private note: only me" in run("day", "mon", "--private").output
    assert "only me" not in run("day", "mon", "--json").output
    assert "Session #1: physio 45 min, hard" in result.output


def test_day_with_nothing_logged(run):
    run("log", "--pain", "3")
    assert "Nothing logged on this day." in run("day", "yesterday").output


def test_edit_entry_keeps_old_value(run):
    run("log", "--pain", "5", "--worst", "6", "--where", "left-knee")
    result = run("edit", "1", "where", "right knee,left-knee")
    assert result.exit_code == 0, result.output
    assert "Where it hurts of entry #1: left-knee -> right-knee, left-knee" in result.output
    entry = json.loads(run("day", "--json").output)["entries"][0]
    assert entry["locations"] == ["right-knee", "left-knee"]
    change = json.loads(run("history", "--json").output)["changes"][0]
    assert change["old_value"] == ["left-knee"] and change["action"] == "edit"


def test_edit_checks_values_and_pairs(run):
    run("log", "--pain", "5", "--worst", "6")
    assert "--pain: '12' is out of range" in run("edit", "1", "pain", "12").output
    bad = run("edit", "1", "worst", "3")
    assert bad.exit_code == 2 and "--worst: '3' is below pain now (5)" in bad.output
    assert "FIELD: 'colour'" in run("edit", "1", "colour", "red").output
    assert "ID: '7' is not an id" in run("edit", "7", "pain", "3").output
    assert json.loads(run("history", "--json").output)["changes"] == []


def test_edit_session_and_clear_a_value(run):
    run("exercise", "aerobic", "30", "--intensity", "hard")
    assert run("edit", "--session", "1", "minutes", "40").exit_code == 0
    assert run("edit", "--session", "1", "intensity", "-").exit_code == 0
    session = json.loads(run("day", "--json").output)["sessions"][0]
    assert (session["minutes"], session["intensity"]) == (40, None)
    result = run("edit", "--session", "1", "minutes", "-")
    assert result.exit_code == 2 and "MINUTES: '-' cannot be cleared" in result.output
