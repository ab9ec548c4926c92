"""A diary file that is busy, damaged, empty or badly named: one line saying so, nothing lost."""

from __future__ import annotations

import datetime as dt
import sqlite3
import stat

import pytest

from ampsdiary.store import file_problem


def one_error_line(result) -> str:
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    return lines[0]


def test_a_diary_busy_in_another_program_is_called_busy_not_foreign(run, db_path):
    run("log", "--pain", "3", "--date", "yesterday")
    other = sqlite3.connect(db_path)
    other.execute("BEGIN EXCLUSIVE")
    try:
        result = run("log", "--pain", "4")
    finally:
        other.rollback()
        other.close()
    assert result.exit_code == 2
    assert "is busy: another program is using the diary" in one_error_line(result)
    assert "not an ampsdiary database" not in result.output
    assert run("show", "--json").output.count('"pain": 3') == 1  # the first day is intact


def test_a_damaged_diary_is_called_damaged(run, demo_db, tmp_path):
    broken = tmp_path / "broken.db"
    broken.write_bytes(demo_db.read_bytes()[:20000])
    result = run("--db", str(broken), "show")
    assert result.exit_code == 2
    assert f"--db: '{broken}' is damaged; restore it from a backup" in one_error_line(result)


@pytest.mark.parametrize(
    ("message", "words"),
    [
        ("attempt to write a readonly database", "is read-only"),
        ("database is locked", "is busy"),
        ("database or disk is full", "the disk is full"),
        ("database disk image is malformed", "is damaged"),
        ("no such table: entries", None),
    ],
)
def test_sqlite_problems_a_family_can_fix_are_named(message, words):
    found = file_problem(sqlite3.OperationalError(message))
    assert (words in found) if words else found is None


@pytest.mark.parametrize(
    ("db", "message"),
    [
        ("", "--db: '' is empty; give the path of a diary file"),
        ("  ", "--db: '  ' is empty"),
        ("{tmp}/newdir/", "ends in a slash; give the path of a diary file"),
    ],
)
def test_an_empty_or_folder_like_db_is_refused_and_creates_nothing(run, tmp_path, db, message):
    result = run("--db", db.format(tmp=tmp_path), "log", "--pain", "2")
    assert result.exit_code == 2 and message in one_error_line(result)
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no default diary, no 'newdir'


def test_an_empty_file_adopted_as_a_diary_is_made_private(run, tmp_path):
    path = tmp_path / "touched.db"
    path.touch(mode=0o644)
    path.chmod(0o644)
    assert run("--db", str(path), "log", "--pain", "2").exit_code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


VIEWS = (("day", "yesterday", "--json"), ("day", "today", "--json"), ("history", "--json"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("exercise", "", "30"), "KIND: '' is required; use one of"),
        (("exercise", "physio", " "), "MINUTES: ' ' is required; use a whole number from 1"),
        (("delete", "--entry", "9" * 23), f"--entry: '{'9' * 23}' is not an id in this diary"),
        (("edit", "9" * 23, "pain", "3"), f"ID: '{'9' * 23}' is not an id in this diary"),
        (("edit", "1", "pain", ""), "--pain: '' is empty; give a new value, or '-' to clear it"),
        (("edit", "1", "pain", "9"), "--pain: '9' is above worst pain (6); use 0 to 6"),
        (("log", "--function", "5", "-d", "1d", "--time", "08:00"), "--time: '08:00' goes with"),
    ],
)
def test_odd_values_are_one_line_and_change_nothing(run, args, message):
    run("log", "--pain", "4", "--worst", "6", "--date", "yesterday")
    before = [run(*view).output for view in VIEWS]
    result = run(*args)
    assert result.exit_code == 2 and message in one_error_line(result)
    assert [run(*view).output for view in VIEWS] == before


def test_a_time_later_than_now_today_is_refused(run, db_path, monkeypatch):
    later = dt.datetime.now() + dt.timedelta(minutes=5)
    if later.date() != dt.date.today():
        pytest.skip("too close to midnight to name a later time today")
    monkeypatch.setenv("AMPSDIARY_TODAY", dt.date.today().isoformat())
    result = run("log", "--pain", "3", "--time", f"{later:%H:%M}")
    assert result.exit_code == 2
    assert f"--time: '{later:%H:%M}' is later than now" in one_error_line(result)
    assert not db_path.exists()
