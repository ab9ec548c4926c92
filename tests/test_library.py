"""The diary as a library: one API the CLI is a client of, private notes only on request,
errors in the diary's words, and history that keeps how every value first came in."""

from __future__ import annotations

import datetime as dt
import inspect
import json
import sqlite3

import pytest

from ampsdiary import Diary, DiaryError, open_diary

DAY = dt.date(2026, 11, 16)
SECRET = "nobody-may-read-this"
# Every public method of Diary that writes, or is not a read of the diary's contents.
NOT_READS = {
    "add_all", "close", "delete", "delete_day", "edit", "log", "save", "set_setting",
    "transaction", "untouched_demo", "is_empty", "path", "problems", "store", "undo",
    "last_changes", "backup_before_update",
}  # fmt: skip


@pytest.fixture
def diary(tmp_path):
    with open_diary(tmp_path / "lib.db", create=True) as opened:
        opened.log(DAY, time="08:00", entry={"pain": "5", "locations": "l-foot"},
                   day={"function": 4, "private_note": SECRET, "day_note": "ok"},
                   sessions=[{"kind": "walk", "minutes": "20"}])  # fmt: skip
        opened.set_setting("treatment-start", "2026-11-10")
        yield opened


def reads(diary: Diary) -> dict:
    """Every read the library offers, called with the private notes' day in range."""
    week_after = DAY + dt.timedelta(days=2)
    return {
        "day": diary.day(DAY),
        "day_facts": diary.day_facts(DAY, DAY),
        "days": [d.as_json() for d in diary.days(DAY, DAY)],
        "entries": diary.entries(DAY, DAY),
        "entry": diary.entry(1),
        "sessions": diary.sessions(DAY, DAY),
        "session": diary.session(1),
        "history": diary.history(),
        "logged_dates": diary.logged_dates(),
        "setting": diary.setting("name"),
        "settings": diary.settings(),
        "exercise_goal": diary.exercise_goal(),
        "day_minutes": diary.day_minutes(DAY),
        "repeats": diary.repeats(1),
        "treatment_start": diary.treatment_start(),
        "week": diary.week(DAY - dt.timedelta(days=DAY.weekday())),
        "span": diary.span(None, None, "test"),
        "whole": diary.whole(week_after),
        "recovery": diary.recovery(week_after).as_json(),
        "summary": diary.summary(DAY - dt.timedelta(days=DAY.weekday())).as_json(),
        "trends": diary.trends(None, None, "week").as_json(),
    }


def test_no_read_without_the_private_flag_returns_a_private_note(diary):
    diary.edit("day", DAY, "private_note", SECRET + " 2")  # now in the history twice
    diary.delete_day(DAY - dt.timedelta(days=1))  # nothing there: no-op
    public = [n for n, _ in inspect.getmembers(Diary) if not n.startswith("_")]
    assert set(public) - NOT_READS == set(reads(diary)), "a new read must be tested here"
    text = json.dumps(reads(diary), default=repr)
    assert SECRET not in text
    assert diary.day(DAY)["has_private_note"] is True
    assert SECRET in diary.day(DAY, private=True)["private_note"]
    assert SECRET in json.dumps(diary.history(private=True))
    assert SECRET in json.dumps(diary.day_facts(DAY, DAY, private=True))


def test_a_deleted_day_keeps_its_private_note_only_for_private_reads(diary):
    diary.delete_day(DAY)
    deleted = [c for c in diary.history() if c["action"] == "delete" and c["kind"] == "day"]
    assert deleted[0]["old_value"]["private_note"] == "(private)"
    assert SECRET in json.dumps(diary.history(private=True))


def test_errors_name_the_field_value_and_what_is_allowed(diary):
    with pytest.raises(DiaryError) as error:
        diary.log(DAY, entry={"pain": 11})
    assert (error.value.field, error.value.value) == ("pain", "11")
    assert str(error.value) == (
        "pain: '11' is out of range; use a whole number from 0 (no pain) to 10 "
        "(worst pain imaginable)"
    )
    with pytest.raises(DiaryError, match=r"^worst: '3' is below pain now"):
        diary.log(DAY, entry={"pain": 5, "worst": 3})
    with pytest.raises(
        DiaryError, match=r"^function: is not a field of an entry; use one of: allodynia"
    ):
        diary.log(DAY, entry={"function": 5})
    with pytest.raises(DiaryError, match=r"^time: '08:00' goes with a symptom entry \(pain"):
        diary.log(DAY, time="08:00", day={"mood": 5})
    assert len(diary.entries(DAY, DAY)) == 1  # nothing half-written


def test_the_cli_names_the_flag_for_the_same_error(run):
    result = run("log", "--pain", "11")
    assert result.exit_code == 2
    assert result.output.startswith("Error: --pain: '11' is out of range; use a whole number")


def test_values_may_be_typed_or_as_typed_by_a_person(diary):
    diary.log(DAY, entry={"pain": 3, "locations": ["left-knee"]}, source="import x.csv")
    diary.log(DAY, entry={"pain": "3", "locations": "l-knee"}, source="import x.csv")
    both = [e for e in diary.entries(DAY, DAY) if e["id"] > 1]
    assert [(e["pain"], e["locations"]) for e in both] == [(3, ["left-knee"])] * 2


def test_every_addition_is_in_the_history_with_how_it_came(run, db_path):
    run("log", "--pain", "4", "--function", "6", "-d", "1d")
    run("exercise", "physio", "30", "-d", "1d")
    run("edit", "--day", "1d", "mood", "7")
    run("config", "set", "name", "Sam")
    with open_diary(db_path) as diary:
        added = [(c["kind"], c["field"], c["source"]) for c in diary.history()]
    assert added == [
        ("entry", None, "flags"),
        ("day", "function", "flags"),
        ("session", None, "flags"),
        ("day", "mood", "edit"),
        ("setting", "name", "config"),
    ]
    shown = run("history", "--added")
    assert "added" in shown.output and "Mood" in shown.output
    assert "No changes" in run("history").output  # edits and deletes only, as before


def test_an_edit_that_changes_nothing_writes_nothing(run, db_path):
    run("log", "--pain", "3")
    with sqlite3.connect(db_path) as conn:
        before = [conn.execute(f"select * from {t}").fetchall() for t in ("days", "changes")]
    result = run("edit", "--day", "2026-11-10", "mood", "-")
    assert result.exit_code == 0 and "No change" in result.output
    with sqlite3.connect(db_path) as conn:
        after = [conn.execute(f"select * from {t}").fetchall() for t in ("days", "changes")]
    assert after == before
    shown = json.loads(run("show", "--json", "--days", "30").output)
    day = next(d for d in shown["days"] if d["date"] == "2026-11-10")
    assert (day["day_record"], shown["days_logged"]) == (False, 1)
    nudge = json.loads(run("nudge", "--json").output)
    assert nudge["streak"] == 1
    with open_diary(db_path) as diary:
        assert dt.date(2026, 11, 10) not in diary.logged_dates()


def test_a_sqlite_failure_names_the_file_really_open(run, demo_db, tmp_path, monkeypatch):
    """$AMPSDIARY_DB points at a healthy diary; the damaged one is given with --db."""
    healthy = tmp_path / "healthy.db"
    assert run("--db", str(healthy), "log", "--pain", "2").exit_code == 0
    monkeypatch.setenv("AMPSDIARY_DB", str(healthy))
    broken = tmp_path / "broken.db"
    data = bytearray(demo_db.read_bytes())
    page = 4096
    data[3 * page : len(data) - page] = b"\x07" * (len(data) - 4 * page)  # header stays good
    broken.write_bytes(bytes(data))
    result = run("--db", str(broken), "show", "--days", "100")
    assert result.exit_code == 2, result.output
    assert f"--db: '{broken}' is damaged" in result.output
    assert str(healthy) not in result.output


def test_clearing_a_days_last_value_leaves_no_empty_day(run, db_path):
    run("log", "--mood", "5", "-d", "2026-11-10")
    run("log", "--pain", "3")
    assert run("edit", "--day", "2026-11-10", "mood", "-").exit_code == 0
    with open_diary(db_path) as diary:
        assert dt.date(2026, 11, 10) not in diary.logged_dates()
        changes = [c for c in diary.history() if c["date"] == "2026-11-10"]
    assert [(c["action"], c["old_value"], c["new_value"]) for c in changes][-1] == ("edit", 5, None)
    assert json.loads(run("nudge", "--json").output)["streak"] == 1
