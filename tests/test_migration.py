"""A diary written by the first schema (m001) migrates whole: every row, value, id and change.

tests/fixtures/first-schema.db was written by ampsdiary's m001 code in Europe/Berlin time
(UTC+1): entries, day facts, sessions, settings, edits, deletes, private notes, and an
entry id given twice (entry #2 was deleted, and m001 gave #2 to the next entry).
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from ampsdiary import open_diary
from ampsdiary.store.migrations import migrations

FIXTURE = Path(__file__).parent / "fixtures" / "first-schema.db"
TABLES = ("entries", "days", "sessions", "settings", "changes")
NOV_14, NOV_18 = dt.date(2026, 11, 14), dt.date(2026, 11, 18)


def raw(path: Path, table: str) -> list[dict]:
    with sqlite3.connect(path) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(f"select * from {table} order by 1")]


@pytest.fixture
def migrated(tmp_path: Path) -> tuple[Path, dict]:
    """A copy of the fixture, its m001 rows read first, then opened (and so migrated)."""
    path = tmp_path / "old.db"
    shutil.copy(FIXTURE, path)
    before = {table: raw(path, table) for table in TABLES}
    open_diary(path).close()
    return path, before


def test_the_fixture_is_really_first_schema():
    with sqlite3.connect(FIXTURE) as conn:
        names = [r[0] for r in conn.execute("select name from _sqlite_migrations")]
    assert names == ["m001_create_tables"]


def test_every_row_and_value_is_kept(migrated):
    path, before = migrated
    names = [r["name"] for r in raw(path, "_sqlite_migrations")]
    assert names == [m.name for m in migrations._migrations]
    for table in ("entries", "sessions"):
        after = raw(path, table)
        assert [r["id"] for r in after] == [r["id"] for r in before[table]]
        for old, new in zip(before[table], after, strict=True):
            kept = {k: v for k, v in old.items() if k != "recorded_at"}
            assert {k: new[k] for k in kept} == kept
    days = {r["date"]: r for r in raw(path, "days")}
    for old in before["days"]:
        kept = {k: v for k, v in old.items() if k != "updated_at"}
        assert {k: days[old["date"]][k] for k in kept} == kept
    assert raw(path, "settings") == before["settings"]


def test_times_become_utc_and_every_row_gets_a_uid(migrated):
    path, before = migrated
    old = before["entries"][0]["recorded_at"]  # local time in Berlin, +01:00
    new = raw(path, "entries")[0]
    assert old.endswith("+01:00") and new["recorded_at"].endswith("Z")
    as_utc = dt.datetime.fromisoformat(old).astimezone(dt.UTC)
    assert dt.datetime.fromisoformat(new["recorded_at"]) == as_utc
    uids = [r["uid"] for t in ("entries", "sessions", "days") for r in raw(path, t)]
    assert len(set(uids)) == len(uids) == 3 + 3 + 4 and all(len(u) == 36 for u in uids)
    assert all(r["changed_at"].endswith("Z") for r in raw(path, "changes"))


def test_the_history_is_kept_whole_with_the_right_rows(migrated):
    path, before = migrated
    after = raw(path, "changes")
    for old, new in zip(before["changes"], after, strict=True):
        same = ("id", "table_name", "row_key", "date", "field", "old_value", "new_value", "action")
        assert {k: new[k] for k in same} == {k: old[k] for k in same}
        assert new["source"] is None  # unknown before m002, never guessed
    entry_uid = {r["id"]: r["uid"] for r in raw(path, "entries")}
    edits_of_1 = [c for c in after if c["table_name"] == "entries" and c["row_key"] == "1"]
    assert edits_of_1 and all(c["row_uid"] == entry_uid[1] for c in edits_of_1)
    # Entry #2 was deleted and its number given again: that delete is not the new #2's.
    deleted_2 = [c for c in after if c["row_key"] == "2" and c["action"] == "delete"]
    assert deleted_2 and all(c["row_uid"] is None for c in deleted_2)


def test_ids_are_never_given_again(run, migrated):
    path, before = migrated
    highest = max(int(c["row_key"]) for c in before["changes"] if c["table_name"] == "entries")
    assert highest == 3  # entries 2 and 3 were deleted; 2 was given again by m001
    assert run("--db", str(path), "log", "--pain", "4", "--date", "2026-11-17").exit_code == 0
    assert max(r["id"] for r in raw(path, "entries")) == 4
    assert run("--db", str(path), "delete", "--entry", "4", "--yes").exit_code == 0
    assert run("--db", str(path), "log", "--pain", "5", "--date", "2026-11-17").exit_code == 0
    assert max(r["id"] for r in raw(path, "entries")) == 5  # not 4 again


def test_the_migrated_diary_reads_as_before(run, migrated):
    path, _ = migrated
    day = run("--db", str(path), "day", "2026-11-16", "--private")
    assert day.exit_code == 0, day.output
    assert "Private note: secret two" in day.output and "Mood: 5" in day.output
    history = run("--db", str(path), "history")
    assert history.exit_code == 0 and "secret" not in history.output
    assert "Entry #3" in history.output and "deleted" in history.output
    with open_diary(path) as diary:
        assert diary.logged_dates() == [
            NOV_14,
            dt.date(2026, 11, 16),
            dt.date(2026, 11, 17),
            NOV_18,
        ]
        assert diary.day(NOV_14) == {
            **{k: None for k in ("function", "school", "sport", "social", "sleep", "mood")},
            "date": "2026-11-14",
            "uid": diary.day(NOV_14)["uid"],
            "day_note": None,
            "has_private_note": True,
            "recorded_at": diary.day(NOV_14)["recorded_at"],
            "changed_at": diary.day(NOV_14)["changed_at"],
        }
        assert diary.settings()["exercise-goal"] == "50"


def test_a_newer_diary_is_refused_for_writing_and_left_untouched(run, tmp_path):
    path = tmp_path / "future.db"
    assert run("--db", str(path), "log", "--pain", "3").exit_code == 0
    with sqlite3.connect(path) as conn:
        conn.execute(
            "insert into _sqlite_migrations (migration_set, name, applied_at)"
            " values ('ampsdiary', 'm999_from_the_future', '2030-01-01')"
        )
    before = path.read_bytes()
    for args in (("log", "--pain", "5"), ("edit", "1", "pain", "4"), ("delete", "today")):
        result = run("--db", str(path), *args)
        assert result.exit_code == 2, result.output
        assert f"--db: '{path}' was written by a newer version of ampsdiary; upgrade" in (
            result.output
        )
    assert path.read_bytes() == before
    shown = run("--db", str(path), "show", "--json")  # reading is still fine
    assert shown.exit_code == 0 and path.read_bytes() == before
