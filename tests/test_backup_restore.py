"""`backup` and `restore` as a family uses them: a checked, owner-only copy named by the day,
never written over another; a restore that checks the backup, asks, keeps the diary it
replaces and puts the backup back whole; a migration that makes a backup first."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from ampsdiary.cli import manage
from conftest import no_traceback

FIXTURE = Path(__file__).parent / "fixtures" / "first-schema.db"


def dump(path: Path) -> list[str]:
    """Everything the file holds, as SQL: equal dumps are equal diaries."""
    with sqlite3.connect(path) as conn:
        return list(conn.iterdump())


def whole(path: Path) -> bool:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def one_error(result) -> str:
    no_traceback(result)
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    return lines[0]


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("template") / "demo.db"


@pytest.fixture
def diary(run, tmp_path, template) -> Path:
    """A demo diary in a folder of its own, named by --db (not $AMPSDIARY_DB); the demo is
    made once and copied."""
    if not template.exists():
        assert run("--db", str(template), "demo").exit_code == 0
    path = tmp_path / "family" / "diary.db"
    path.parent.mkdir()
    shutil.copy(template, path)
    return path


def on(diary: Path, run, *args: str, input: str | None = None):
    return run("--db", str(diary), *args, input=input)


# -- backup ------------------------------------------------------------------------------


def test_a_backup_goes_beside_the_diary_named_by_the_day_and_only_its_owner_reads_it(run, diary):
    result = on(diary, run, "backup")
    assert result.exit_code == 0, result.output
    made = diary.parent / "backups" / "diary-2026-11-18.db"
    assert made.is_file() and dump(made) == dump(diary) and whole(made)
    assert mode(made) == 0o600 and mode(made.parent) == 0o700
    said = " ".join(result.output.split())
    assert f"Backed up the diary to {made} (66 days, 2026-09-10 to 2026-11-18," in said
    assert f"ampsdiary restore {made}" in said
    assert [p.name for p in made.parent.iterdir()] == [made.name]  # no temporary file left


def test_a_second_backup_the_same_day_gets_its_own_name(run, diary):
    on(diary, run, "backup")
    first = diary.parent / "backups" / "diary-2026-11-18.db"
    before = first.read_bytes()
    on(diary, run, "log", "--pain", "2")
    second = json.loads(on(diary, run, "backup", "--json").output)["backup"]
    assert second["path"] == str(diary.parent / "backups" / "diary-2026-11-18-2.db")
    assert first.read_bytes() == before  # the earlier one untouched
    assert dump(Path(second["path"])) == dump(diary) != dump(first)
    assert second["days"] == 66 and second["size"] == Path(second["path"]).stat().st_size


def test_out_names_a_file_or_a_folder_to_put_it_in(run, diary, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    assert on(diary, run, "backup", "--out", str(stick / "mine.db")).exit_code == 0
    assert on(diary, run, "backup", "--out", str(stick)).exit_code == 0
    assert sorted(p.name for p in stick.iterdir()) == ["diary-2026-11-18.db", "mine.db"]
    assert all(dump(p) == dump(diary) and mode(p) == 0o600 for p in stick.iterdir())
    assert not (diary.parent / "backups").exists()


def test_out_never_replaces_a_file(run, diary, tmp_path):
    taken = tmp_path / "taken.db"
    taken.write_text("my homework")
    line = one_error(on(diary, run, "backup", "--out", str(taken)))
    assert line == f"Error: --out: '{taken}' already exists; a backup never replaces a file"
    assert taken.read_text() == "my homework"


@pytest.mark.parametrize("spelling", ["same", "dotted", "hard link", "symlink"])
def test_out_is_never_the_diary_under_any_name(run, diary, spelling):
    before = diary.read_bytes()
    other = {
        "same": diary,
        "dotted": diary.parent / ".." / diary.parent.name / "diary.db",
        "hard link": diary.parent / "linked.db",
        "symlink": diary.parent / "pointer.db",
    }[spelling]
    if spelling == "hard link":
        os.link(diary, other)
    if spelling == "symlink":
        other.symlink_to(diary)
    line = one_error(on(diary, run, "backup", "--out", str(other)))
    assert line == f"Error: --out: '{other}' is the diary itself; give another file name"
    assert diary.read_bytes() == before


def test_out_in_a_missing_folder_is_refused(run, diary, tmp_path):
    line = one_error(on(diary, run, "backup", "--out", str(tmp_path / "nope" / "b.db")))
    assert "is in a folder that does not exist; create it first" in line


def test_no_diary_no_backup_and_no_folder_made(run, tmp_path):
    missing = tmp_path / "none" / "diary.db"
    line = one_error(run("--db", str(missing), "backup"))
    assert line.startswith(f"Error: --db: '{missing}' does not exist yet")
    assert not missing.parent.exists()


def test_a_backup_while_another_program_is_writing_holds_what_was_saved(run, diary):
    """The online backup reads while a writer holds its lock: the copy is the diary as
    last saved, never the writer's half-done transaction."""
    saved = dump(diary)
    writer = sqlite3.connect(diary, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM entries")
    try:
        result = on(diary, run, "backup")
    finally:
        writer.rollback()
        writer.close()
    assert result.exit_code == 0, result.output
    assert dump(diary.parent / "backups" / "diary-2026-11-18.db") == saved


def test_a_killed_backups_hidden_leftover_goes_with_the_next_backup(run, diary):
    folder = diary.parent / "backups"
    folder.mkdir()
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    left = folder / f".diary-2026-11-18.db.{gone.stdout.strip()}.abc123.partial"
    left.write_bytes(b"half a copy")
    mine = folder / f".diary-2026-11-18.db.{os.getpid()}.def456.partial"  # a live backup's
    mine.write_bytes(b"being written")
    assert on(diary, run, "backup").exit_code == 0
    assert not left.exists() and mine.exists()


def test_a_damaged_diary_is_not_backed_up_as_if_whole(run, diary):
    damage(diary)
    result = on(diary, run, "backup")
    assert result.exit_code == 2 and "is damaged" in result.output
    assert list((diary.parent / "backups").iterdir()) == []


def damage(path: Path) -> None:
    """Garbage over a page in the middle of the file: SQLite opens it, the check fails."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 4096 // 2 * 4096
    data[middle + 8 : middle + 4096] = b"\xa5" * (4096 - 8)
    path.write_bytes(bytes(data))


# -- restore ------------------------------------------------------------------------------


@pytest.fixture
def backed_up(run, diary) -> tuple[Path, list[str]]:
    """A backup of the demo, then a change to the diary the backup does not hold."""
    on(diary, run, "backup")
    made = diary.parent / "backups" / "diary-2026-11-18.db"
    on(diary, run, "log", "--pain", "9", "--note", "after the backup")
    return made, dump(diary)


def test_restore_puts_the_backup_back_and_keeps_the_diary_it_replaces(run, diary, backed_up):
    made, changed = backed_up
    result = on(diary, run, "restore", str(made), "--yes")
    assert result.exit_code == 0, result.output
    assert dump(diary) == dump(made) and whole(diary) and mode(diary) == 0o600
    kept = diary.parent / "backups" / "diary-2026-11-18-before-restore.db"
    assert dump(kept) == changed and mode(kept) == 0o600
    said = " ".join(result.output.split())
    assert f"Restored {made} into the diary {diary}: it holds 66 days" in said
    assert (
        f"The diary as it was is kept in {kept}; to go back to it: ampsdiary restore {kept}" in said
    )
    assert not [p for p in diary.parent.iterdir() if p.name.startswith(".")]  # no temporary file


def test_restore_asks_and_no_keeps_the_diary(run, diary, backed_up, monkeypatch):
    made, changed = backed_up
    monkeypatch.setattr(manage, "can_ask", lambda: True)
    result = on(diary, run, "restore", str(made), input="n\n")
    assert result.exit_code == 1 and "Nothing was restored." in result.output
    said = " ".join(result.output.split())
    assert f"The backup {made} holds 66 days, 2026-09-10 to 2026-11-18" in said
    assert f"The diary {diary} holds 66 days" in said and "is kept first" in said
    assert dump(diary) == changed
    result = on(diary, run, "restore", str(made), input="y\n")
    assert result.exit_code == 0 and dump(diary) == dump(made)


def test_restore_without_a_terminal_or_yes_refuses(run, diary, backed_up):
    made, changed = backed_up
    line = one_error(on(diary, run, "restore", str(made)))
    assert "there is no terminal to ask in; pass --yes" in line and "nothing was changed" in line
    assert dump(diary) == changed
    assert [p.name for p in made.parent.iterdir()] == [made.name]


def test_restore_json(run, diary, backed_up):
    made, _ = backed_up
    document = json.loads(on(diary, run, "restore", str(made), "--yes", "--json").stdout)
    assert document["restored"] == str(made) and document["migrates"] is False
    assert document["diary"]["days"] == 66 and document["kept"].endswith("-before-restore.db")


def newer(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                     " VALUES ('ampsdiary', 'm999_future', '')")  # fmt: skip


def foreign(path: Path) -> None:
    path.unlink()
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE photos (id)")


REFUSED = {
    "missing": (lambda p: p.unlink(), "does not exist"),
    "not SQLite": (lambda p: p.write_text("my notes"), "is not an ampsdiary diary (not a SQLite"),
    "another program's": (foreign, "is not an ampsdiary diary"),
    "damaged": (damage, "is damaged ("),
    "newer": (newer, "was written by a newer version of ampsdiary (m999_future); upgrade"),
}


@pytest.mark.parametrize("kind", REFUSED)
def test_restore_checks_the_backup_first_and_changes_nothing(run, diary, backed_up, kind):
    made, changed = backed_up
    spoil, words = REFUSED[kind]
    spoil(made)
    line = one_error(on(diary, run, "restore", str(made), "--yes"))
    assert line.startswith(f"Error: PATH: '{made}' {words}"), line
    assert dump(diary) == changed
    assert not (diary.parent / "backups" / "diary-2026-11-18-before-restore.db").exists()


@pytest.mark.parametrize("spelling", ["same", "hard link"])
def test_restore_refuses_the_diary_itself(run, diary, spelling):
    other = diary if spelling == "same" else diary.parent / "linked.db"
    if spelling == "hard link":
        os.link(diary, other)
    before = dump(diary)
    line = one_error(on(diary, run, "restore", str(other), "--yes"))
    assert line == f"Error: PATH: '{other}' is the diary itself; give a backup of it"
    assert dump(diary) == before and not (diary.parent / "backups").exists()


def test_restore_into_a_missing_diary_makes_it_owner_only(run, diary, tmp_path):
    on(diary, run, "backup")
    made = diary.parent / "backups" / "diary-2026-11-18.db"
    new = tmp_path / "new-computer" / "diary.db"
    new.parent.mkdir()
    result = run("--db", str(new), "restore", str(made), "--yes")
    assert result.exit_code == 0, result.output
    assert dump(new) == dump(made) and mode(new) == 0o600 and "kept" not in result.output
    assert list(new.parent.iterdir()) == [new]


def test_restore_over_a_damaged_diary_keeps_the_damaged_file_as_it_was(run, diary, backed_up):
    made, _ = backed_up
    damage(diary)
    broken = diary.read_bytes()
    Path(f"{diary}-journal").write_bytes(b"a crash's leftovers")  # must not be played back
    result = on(diary, run, "restore", str(made), "--yes")
    assert result.exit_code == 0, result.output
    assert dump(diary) == dump(made) and whole(diary)
    kept = diary.parent / "backups" / "diary-2026-11-18-before-restore.db"
    assert kept.read_bytes() == broken
    assert on(diary, run, "check").exit_code == 0


def test_a_program_that_had_the_diary_open_writes_into_the_restored_diary(run, diary, backed_up):
    """The restore writes into the diary file itself: a check-in left open across it
    saves into the restored diary, not into a file that is gone."""
    made, _ = backed_up
    open_before = sqlite3.connect(diary, isolation_level=None)
    open_before.execute("SELECT count(*) FROM entries").fetchone()
    assert on(diary, run, "restore", str(made), "--yes").exit_code == 0
    open_before.execute("INSERT OR REPLACE INTO settings VALUES ('name', 'Robin')")
    open_before.close()
    assert (
        json.loads(on(diary, run, "config", "get", "--json").output)["settings"]["name"] == "Robin"
    )


def test_restoring_an_older_backup_says_it_is_brought_up_to_date(run, diary):
    old = diary.parent / "old.db"
    shutil.copy(FIXTURE, old)
    result = on(diary, run, "restore", str(old), "--yes")
    assert result.exit_code == 0 and "is in an older format" in " ".join(result.output.split())
    result = on(diary, run, "show", "--json")
    assert result.exit_code == 0
    assert "brought up to date for this version" in " ".join(result.stderr.split())


# -- a migration makes a backup first ----------------------------------------------------


def test_a_migration_makes_a_backup_first_and_says_where(run, tmp_path):
    old = tmp_path / "kid" / "diary.db"
    old.parent.mkdir()
    shutil.copy(FIXTURE, old)
    before = dump(old)
    result = run("--db", str(old), "show", "--json")
    assert result.exit_code == 0, result.output
    made = old.parent / "backups" / "diary-2026-11-18-before-update.db"
    note = " ".join(result.stderr.split())
    assert f"brought up to date for this version; a copy of it as it was is in {made}." in note
    assert dump(made) == before and dump(old) != before and whole(made)
    assert mode(made) == 0o600 and mode(made.parent) == 0o700
    again = run("--db", str(old), "show", "--json")
    assert "brought up to date" not in again.stderr
    assert [p.name for p in made.parent.iterdir()] == [made.name]


def test_a_library_caller_is_told_where_the_backup_went(tmp_path):
    from ampsdiary import open_diary

    old = tmp_path / "old.db"
    shutil.copy(FIXTURE, old)
    with open_diary(old) as diary:
        assert (
            diary.backup_before_update == tmp_path / "backups" / "old-2026-11-18-before-update.db"
        )
    with open_diary(old) as diary:
        assert diary.backup_before_update is None


def test_a_new_diary_needs_no_backup(run, tmp_path):
    new = tmp_path / "new" / "diary.db"
    result = run("--db", str(new), "log", "--pain", "3")
    assert result.exit_code == 0 and "brought up to date" not in result.output
    assert list(new.parent.iterdir()) == [new]


def test_no_backup_no_migration(run, tmp_path):
    """A backup that cannot be made (a file where the backups folder goes) stops the
    migration: the diary stays as it was, in its older format."""
    old = tmp_path / "diary.db"
    shutil.copy(FIXTURE, old)
    (tmp_path / "backups").write_text("not a folder")
    before = dump(old)
    line = one_error(run("--db", str(old), "show"))
    assert line.startswith(f"Error: backup: '{tmp_path / 'backups'}' cannot be written")
    assert "the diary was not updated" in line
    assert dump(old) == before
