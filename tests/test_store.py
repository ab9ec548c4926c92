"""The diary file: created private, migrated once, never written when it is not ours."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat

import pytest

from ampsdiary import open_diary
from ampsdiary.errors import DiaryError
from ampsdiary.store import APPLICATION_ID
from ampsdiary.store.migrations import migrations
from conftest import no_traceback


def test_file_and_folder_created_private(run, tmp_path):
    path = tmp_path / "new" / "folder" / "diary.db"
    old = os.umask(0)  # the diary's own modes, not a strict umask, must make it private
    try:
        assert run("--db", str(path), "log", "--pain", "3").exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_env_variable_chooses_the_file(run, db_path):
    assert run("log", "--function", "4").exit_code == 0
    assert db_path.exists()


def test_default_location_is_the_user_data_folder(run, monkeypatch, tmp_path):
    monkeypatch.delenv("AMPSDIARY_DB")
    assert run("log", "--function", "4").exit_code == 0
    assert (tmp_path / "data" / "ampsdiary" / "diary.db").exists()


def test_migrations_are_recorded_and_applied_once(db_path):
    diary = open_diary(db_path, create=True)
    diary.close()
    with sqlite3.connect(db_path) as conn:
        names = [r[0] for r in conn.execute("select name from _sqlite_migrations")]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
    assert names == [m.name for m in migrations._migrations] and names[0] == "m001_create_tables"
    assert app_id == APPLICATION_ID
    assert {"entries", "days", "sessions", "settings", "changes"} <= tables
    open_diary(db_path, create=True).close()  # reopening applies nothing twice
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("select count(*) from _sqlite_migrations").fetchone()[0] == len(names)


def test_existing_data_survives_reopening(run, db_path):
    run("log", "--pain", "6", "--function", "2")
    day = dt.date(2026, 11, 18)
    diary = open_diary(db_path, create=True)
    assert [e["pain"] for e in diary.entries(day, day)] == [6]
    assert diary.day(day)["function"] == 2
    diary.close()


@pytest.mark.parametrize(
    "content", [b"hello, this is a text file\n", b"SQLite format 3\x00" + b"\x00" * 100]
)
def test_a_file_that_is_not_a_diary_is_refused_and_untouched(run, tmp_path, content):
    path = tmp_path / "notes.txt"
    path.write_bytes(content)
    result = run("--db", str(path), "log", "--pain", "3")
    no_traceback(result)
    assert result.exit_code == 2
    assert "is not an ampsdiary database" in result.output
    assert path.read_bytes() == content


def test_another_sqlite_database_is_refused(run, tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("create table photos (id integer)")
    before = path.read_bytes()
    result = run("--db", str(path), "log", "--pain", "3")
    assert result.exit_code == 2 and "is not an ampsdiary database" in result.output
    assert path.read_bytes() == before


def test_open_diary_raises_diary_error_for_folder(tmp_path):
    with pytest.raises(DiaryError, match="is a folder"):
        open_diary(tmp_path, create=True)
