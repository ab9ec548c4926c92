"""One value a day from several entries, and writes that happen whole or not at all."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest

from ampsdiary import open_diary


def day_values(run, day: str = "yesterday") -> dict:
    return json.loads(run("show", "--days", "2", "--json").output)["days"][0]


def test_a_day_is_the_mean_pain_the_highest_worst_the_worst_swelling_and_summed_minutes(run):
    run("log", "--pain", "3", "--worst", "5", "--swelling", "mild", "--allodynia", "2", "-d", "1d")
    run("log", "--pain", "7", "--swelling", "severe", "--allodynia", "6", "-d", "1d")
    run("log", "--pain", "2", "--swelling", "none", "-d", "1d")
    run("exercise", "aerobic", "20", "-d", "1d")
    run("exercise", "aerobic", "30", "-d", "1d")
    run("exercise", "physio", "15", "-d", "1d")
    day = day_values(run)
    assert day["pain"] == 4.0  # (3 + 7 + 2) / 3
    assert day["worst"] == 7  # the 7 had no worst of its own: pain stands in
    assert day["allodynia"] == 4.0  # (2 + 6) / 2; the entry without it is not a 0
    assert day["swelling"] == "severe"
    assert day["exercise"] == {"aerobic": 50, "physio": 15} and day["exercise_minutes"] == 65


def test_history_of_one_day_shows_only_that_day(run):
    run("log", "--function", "3", "-d", "2026-11-10")
    run("log", "--function", "4", "-d", "2026-11-10")
    run("log", "--function", "5", "-d", "2026-11-12")
    run("log", "--function", "6", "-d", "2026-11-12")
    changes = json.loads(run("history", "2026-11-10", "--json").output)["changes"]
    assert [(c["date"], c["old_value"], c["new_value"]) for c in changes] == [("2026-11-10", 3, 4)]


def test_editing_a_private_note_never_echoes_it(run):
    run("log", "--private-note", "first secret", "-d", "1d")
    result = run("edit", "--day", "yesterday", "private-note", "second secret")
    assert result.exit_code == 0, result.output
    assert "secret" not in result.output and "(private)" in result.output


def refuse_history(db_path) -> None:
    """A real SQLite failure half way: the first old value is kept, the second one fails."""
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "create trigger refuse before insert on changes when (select count(*) from changes) "
            "begin select raise(abort, 'refused'); end"
        )


def rows(db_path) -> list:
    with sqlite3.connect(db_path) as conn:
        return [
            conn.execute(f"select * from {table} order by 1").fetchall()
            for table in ("entries", "days", "sessions", "changes")
        ]


def test_a_delete_that_cannot_keep_history_deletes_nothing(run, db_path):
    run("log", "--pain", "4", "--function", "5", "-d", "1d")
    run("exercise", "physio", "20", "-d", "1d")
    refuse_history(db_path)
    before = rows(db_path)
    result = run("delete", "yesterday", "--yes")
    assert result.exit_code == 1 and "nothing was changed" in result.output
    assert rows(db_path) == before


def test_a_relog_that_cannot_keep_history_changes_nothing(run, db_path):
    run("log", "--function", "5", "--mood", "4", "-d", "1d")
    refuse_history(db_path)
    before = rows(db_path)
    result = run("log", "--function", "7", "--mood", "6", "-d", "1d")
    assert result.exit_code == 1 and "nothing was changed" in result.output
    assert rows(db_path) == before
    diary = open_diary(
        db_path, create=True
    )  # the store's own write is whole too, without the CLI's
    with pytest.raises(sqlite3.IntegrityError):
        diary.log(dt.date(2026, 11, 17), day={"function": 8, "mood": 9})
    diary.close()
    assert rows(db_path) == before
