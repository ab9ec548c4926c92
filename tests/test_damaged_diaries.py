"""Every command on a damaged or hand-edited diary: it works with what it can read (values
this version would never write left out, and said), or says in one line, exit 2, that the
file is damaged and what to do. Never a traceback, never "nothing logged" for damage.

The diaries come from tests/damaged_diaries.py: file damage (FILE_DAMAGE) and values outside
the vocabulary in every column of every table (column_damage).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from ampsdiary.store import shape
from conftest import no_traceback
from damaged_diaries import (
    COMMANDS,
    DAY,
    FILE_DAMAGE,
    base,
    column_damage,
    copy,
)

# What the one line says for each kind of file; every one names the file.
SAYS = ("is damaged", "is not an ampsdiary database", "was written by a newer version")
# Damage a reader cannot miss: every command, nudge included, says "is damaged".
PAGES = ("truncated-half", "truncated-to-one-page", "truncated-in-header", "header-only",
         "zeroed-pages", "random-pages", "schema-garbage")  # fmt: skip
STILL_A_DIARY = ("extra-table", "newer-migration", "hot-journal", "garbage-journal")
# A file refused at the door is refused by one check every command shares: these stand for all.
AT_THE_DOOR = [
    ("show",),
    ("day", DAY, "--json"),
    ("history", "--json"),
    ("summary",),
    ("nudge",),
    ("nudge", "--json"),
    ("export", "json"),
    ("config", "get"),
    ("report", "--out", "{out}/week.md"),
    ("log", "--pain", "3"),
    ("edit", "1", "pain", "2"),
    ("undo", "16"),
    ("delete", DAY, "--yes"),
]


@pytest.fixture(scope="module")
def healthy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import os

    os.environ.setdefault("AMPSDIARY_TODAY", "2026-11-18")
    return base(tmp_path_factory.mktemp("base") / "base.db")


def ran(run, db: Path, command: tuple[str, ...], out: Path):
    """One command on the diary at db, in the way the tests below judge it."""
    result = run("--db", str(db), *[a.replace("{out}", str(out)) for a in command])
    no_traceback(result)
    assert result.exit_code in (0, 2), (command, result.output)
    if result.exit_code == 2 and command[0] not in ("demo", "export", "undo"):
        line = result.stderr.strip()
        assert "\n" not in line and line.startswith("Error: "), (command, result.stderr)
    return result


@pytest.mark.parametrize("damage", FILE_DAMAGE, ids=list(FILE_DAMAGE))
def test_every_command_on_a_damaged_file(run, healthy, tmp_path, damage):
    commands = COMMANDS if damage in STILL_A_DIARY else AT_THE_DOOR
    for command in commands:
        db = copy(healthy, tmp_path / "diary.db")
        Path(f"{db}-journal").unlink(missing_ok=True)
        FILE_DAMAGE[damage](db)
        result = ran(run, db, command, tmp_path)
        if damage in STILL_A_DIARY:
            continue
        assert result.exit_code == 2, (command, result.output)
        assert f"--db: '{db}' " in result.stderr, (command, result.stderr)
        assert any(words in result.stderr for words in SAYS), (command, result.stderr)
        if damage in PAGES:
            assert "is damaged; restore it from a backup (nothing was changed)" in result.stderr


def test_a_crash_half_way_through_a_write_is_rolled_back_for_every_reader(run, healthy, tmp_path):
    db = copy(healthy, tmp_path / "diary.db")
    FILE_DAMAGE["hot-journal"](db)
    nudge = run("--db", str(db), "nudge", "--json")
    assert nudge.exit_code == 0 and '"streak": 2' in nudge.stdout  # not "nothing logged"
    assert not Path(f"{db}-journal").exists()
    with sqlite3.connect(db) as conn:  # the half-written change is gone
        assert conn.execute("select count(*) from changes").fetchone() == (18,)


@pytest.mark.parametrize("quick", [True, False], ids=["quick path", "full CLI"])
def test_nudge_never_calls_a_damaged_diary_fine(healthy, tmp_path, quick):
    import subprocess
    import sys

    db = copy(healthy, tmp_path / "diary.db")
    FILE_DAMAGE["random-pages"](db)
    args = ["--db", str(db), "nudge"] + ([] if quick else ["--json"])
    out = subprocess.run(
        [sys.executable, "-m", "ampsdiary", *args], capture_output=True, text=True, check=False
    )
    assert out.returncode == 2 and out.stdout == ""
    assert (
        out.stderr
        == f"Error: --db: '{db}' is damaged; restore it from a backup (nothing was changed)\n"
    )


# Each column's damage meets a command that reads its table and one that writes beside it.
READERS = {
    "entries": [
        ("show", "--json"),
        ("day", DAY, "--json"),
        ("export", "json"),
        ("edit", "1", "pain", "2"),
        ("delete", DAY, "--yes"),
    ],
    "days": [
        ("show", "--json"),
        ("day", DAY, "--json", "--private"),
        ("summary", "--json"),
        ("edit", "--day", DAY, "mood", "3"),
        ("delete", DAY, "--yes"),
    ],
    "sessions": [
        ("show", "--json"),
        ("day", DAY, "--json"),
        ("export", "sessions"),
        ("edit", "--session", "1", "minutes", "25"),
        ("exercise", "aerobic", "10", "-d", DAY),
    ],
    "settings": [
        ("config", "get", "--json"),
        ("recovery", "--json"),
        ("summary", "--json"),
        ("show",),
        ("config", "set", "exercise-goal", "45"),
    ],
    "changes": [
        ("history", "--json", "--added", "--private"),
        ("history", DAY),
        ("export", "json"),
        ("undo", "15"),
        ("undo", "16"),
    ],
}


def _damage_by_table(path: Path) -> dict[str, list]:
    found: dict[str, list] = {}
    for name, damage in column_damage(path):
        table = "settings" if name.startswith("setting ") else name.split(".")[0]
        found.setdefault(table, []).append((name, damage))
    return found


@pytest.mark.parametrize("table", list(READERS))
def test_values_this_version_would_never_write_in_every_column(run, healthy, tmp_path, table):
    damages = _damage_by_table(healthy)[table]
    for index, (name, damage) in enumerate(damages):
        command = READERS[table][index % len(READERS[table])]  # they take turns: time stays short
        db = copy(healthy, tmp_path / "diary.db")
        damage(db)
        result = ran(run, db, command, tmp_path)
        assert result.exit_code == 0 or "Error: " in result.stderr, (name, command)


def test_the_shape_checked_at_the_door_is_the_one_the_migrations_build(healthy):
    with sqlite3.connect(healthy) as conn:
        built = {
            table: {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
            for table in shape.TABLES
        }
    assert built == {t: {key, *columns} for t, (key, columns) in shape.TABLES.items()}
    with sqlite3.connect(healthy) as conn:
        assert shape.problem(conn) is None
