"""Bad input: one line naming the field, the value and what is allowed; exit 2; nothing written."""

from __future__ import annotations

import sqlite3

import pytest

from conftest import no_traceback

BAD = [
    (["log", "--pain", "11"], "--pain: '11' is out of range; use a whole number from 0"),
    (["log", "--pain", "five"], "--pain: 'five' is not a number"),
    (["log", "--pain", "4.5"], "--pain: '4.5' is not a whole number"),
    (["log", "--function", "-1"], "--function: '-1' is out of range"),
    (
        ["log", "--where", "lft-foot"],
        "--where: 'lft-foot' is not allowed; did you mean 'left-foot'?",
    ),
    (["log", "--swelling", "huge"], "--swelling: 'huge' is not allowed; use one of: none, mild"),
    (["log", "--skin-color", "green"], "--skin-color: 'green' is not allowed"),
    (["log", "--school", "maybe"], "--school: 'maybe' is not allowed"),
    (["log", "--sleep", "25"], "--sleep: '25' is out of range; use a number from 0"),
    (["log", "--pain", "6", "--worst", "4"], "--worst: '4' is below pain now (6)"),
    (["log", "--pain", "5", "--pain-scale", "faces"], "--pain: '5' is not a face score"),
    (["log", "--pain", "3", "--date", "2026-11-19"], "--date: '2026-11-19' is in the future"),
    (["log", "--pain", "3", "--date", "someday"], "--date: 'someday' is not a date"),
    (["log", "--pain", "3", "--time", "25:00"], "--time: '25:00' is not a time"),
    (["exercise", "jogging", "30"], "KIND: 'jogging' is not allowed"),
    (["exercise", "aerobic", "0"], "MINUTES: '0' is out of range"),
    (["exercise", "aerobic", "-5"], "MINUTES: '-5' is out of range"),
    (["config", "set", "exercise-goal", "-5"], "exercise-goal: '-5' is out of range"),
    (
        ["config", "set", "exercise-gaol", "60"],
        "KEY: 'exercise-gaol' is not a setting; did you mean",
    ),
    (["config", "set", "exercise-goal", "lots"], "exercise-goal: 'lots' is not a number"),
    (["delete", "--entry", "99"], "--entry: '99' is not an id in this diary"),
    (["delete", "2026-11-01"], "DATE: '2026-11-01' has nothing logged"),
]


def counts(db):
    with sqlite3.connect(db) as conn:
        return [
            conn.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("entries", "days", "sessions", "settings", "changes")
        ]


@pytest.mark.parametrize(("args", "message"), BAD, ids=[" ".join(a) for a, _ in BAD])
def test_bad_input_is_one_clear_line_and_writes_nothing(run, db_path, args, message):
    run("log", "--pain", "2", "--function", "5", "--date", "yesterday")
    before = counts(db_path)
    result = run(*args)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert lines == [lines[0]] and lines[0].startswith("Error: ")
    assert message in lines[0]
    assert counts(db_path) == before


def test_bad_input_on_first_use_creates_no_file(run, db_path):
    result = run("log", "--pain", "4", "--where", "left-knee", "--mood", "12")
    assert result.exit_code == 2 and "--mood: '12'" in result.output
    assert not db_path.exists()


def test_a_failed_write_rolls_back_the_whole_log(run, db_path):
    """A real SQLite failure half way (a trigger refusing day facts) leaves nothing behind."""
    run("log", "--pain", "2", "--date", "yesterday")
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "create trigger refuse before insert on days "
            "begin select raise(abort, 'disk full'); end"
        )
    before = counts(db_path)
    result = run("log", "--pain", "4", "--function", "6")
    no_traceback(result)
    assert result.exit_code == 1
    assert "nothing was changed" in result.output
    assert counts(db_path) == before
