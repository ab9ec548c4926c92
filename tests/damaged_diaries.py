"""Damaged and hand-edited diaries: a generator for tests that every command survives them.

`base(path)` writes a small real diary (two days, entries, sessions, settings, an edit and a
delete in the history). `FILE_DAMAGE` breaks the file itself (truncated, zeroed pages,
tables or columns dropped, a foreign database, a crash's journal...); `column_damage()`
puts values this version would never write into every column of every table (text in a
number column, bad JSON in a list column, NULLs, malformed dates, text ids...). Each
damage is a function of the diary's path, so a test copies the base and damages the copy.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from ampsdiary import open_diary

Damage = Callable[[Path], None]
DAY, OTHER = "2026-11-16", "2026-11-17"
PAGE = 4096


def base(path: Path) -> Path:
    """A small diary of every kind of row, written by the library as a person would."""
    with open_diary(path, create=True) as diary:
        diary.log(
            dt.date(2026, 11, 16),
            time="08:00",
            entry={"pain": 4, "worst": 6, "locations": ["left-foot"], "quality": ["burning"],
                   "note": "stairs"},
            day={"function": 5, "mood": 6, "sport": True, "sleep": 7.5, "school": "full",
                 "day_note": "ok", "private_note": "secret"},
            sessions=[{"kind": "physio", "minutes": 30, "intensity": "moderate"}],
            source="test",
        )  # fmt: skip
        diary.log(dt.date(2026, 11, 16), time="20:00", entry={"pain": 6}, source="test")
        diary.log(
            dt.date(2026, 11, 17),
            entry={"pain": 2, "allodynia": 3, "skin_color": "red"},
            day={"function": 7, "social": False},
            sessions=[{"kind": "aerobic", "minutes": 20}],
            source="test",
        )
        diary.edit("entry", 1, "pain", "5", source="test")
        diary.delete("entry", 2, source="test")
        diary.set_setting("exercise-goal", "60")
        diary.set_setting("treatment-start", "2026-11-01")
    return path


def _sql(*statements: str) -> Damage:
    def damage(path: Path) -> None:
        conn = sqlite3.connect(path)
        try:
            for statement in statements:
                conn.execute(statement)
            conn.commit()
        finally:
            conn.close()

    return damage


def _bytes(change: Callable[[bytes], bytes]) -> Damage:
    def damage(path: Path) -> None:
        path.write_bytes(change(path.read_bytes()))

    return damage


def _middle_page(filler: Callable[[int], bytes]) -> Callable[[bytes], bytes]:
    """Every page but the first (the header and schema) replaced: a disk's bad sectors."""

    def change(data: bytes) -> bytes:
        pages = len(data) // PAGE
        return data[:PAGE] + b"".join(filler(PAGE) for _ in range(1, pages))

    return change


def _random(size: int) -> bytes:
    return random.Random(size).randbytes(size)


def _rebuilt(table: str, columns: str, rows: str) -> Damage:
    """A table recreated by hand without its keys (ids as text, a day twice)."""
    return _sql(
        f"DROP TABLE {table}",
        f"CREATE TABLE {table} ({columns})",
        f"INSERT INTO {table} VALUES {rows}",
    )


def _hot_journal(path: Path) -> None:
    """The diary and the -journal of a transaction a crash interrupted half-way: a child
    process spills a big change into the file and is killed before it commits."""
    script = (
        "import os, sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None);"
        "c.execute('PRAGMA cache_size = 1'); c.execute('BEGIN IMMEDIATE');"
        'c.execute("UPDATE entries SET note = hex(randomblob(3000))");'
        'c.execute("INSERT INTO changes (changed_at, table_name, action) '
        "SELECT 'x', 'entries', 'add' FROM changes, changes, changes\");"
        "print('spilled', flush=True); os.kill(os.getpid(), 9)"
    )
    subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, check=False)
    assert Path(f"{path}-journal").exists()


def _foreign(path: Path) -> None:
    path.unlink()
    _sql("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)", "PRAGMA application_id = 42")(
        path
    )


FILE_DAMAGE: dict[str, Damage] = {
    "truncated-half": _bytes(lambda data: data[: len(data) // 2]),
    "truncated-to-one-page": _bytes(lambda data: data[:PAGE]),
    "truncated-in-header": _bytes(lambda data: data[:50]),
    "header-only": _bytes(lambda data: data[:100]),
    "zeroed-pages": _bytes(_middle_page(bytes)),
    "random-pages": _bytes(_middle_page(_random)),
    "random-bytes": _bytes(lambda data: _random(len(data))),
    "random-after-magic": _bytes(lambda data: data[:16] + _random(len(data) - 16)),
    "entries-dropped": _sql("DROP TABLE entries"),
    "days-dropped": _sql("DROP TABLE days"),
    "sessions-dropped": _sql("DROP TABLE sessions"),
    "settings-dropped": _sql("DROP TABLE settings"),
    "changes-dropped": _sql("DROP TABLE changes"),
    "migrations-dropped": _sql("DROP TABLE _sqlite_migrations"),
    "pain-column-dropped": _sql("ALTER TABLE entries DROP COLUMN pain"),
    "function-column-dropped": _sql("ALTER TABLE days DROP COLUMN function"),
    "minutes-column-dropped": _sql("ALTER TABLE sessions DROP COLUMN intensity"),
    "source-column-dropped": _sql("ALTER TABLE changes DROP COLUMN source"),
    "uid-column-dropped": _sql(
        "DROP INDEX idx_changes_row_uid", "ALTER TABLE changes DROP COLUMN row_uid"
    ),
    "value-column-dropped": _sql("ALTER TABLE settings DROP COLUMN value"),
    "extra-table": _sql("CREATE TABLE mine (x)", "INSERT INTO mine VALUES (1)"),
    "foreign-application-id": _sql("PRAGMA application_id = 1234"),
    "foreign-database": _foreign,
    "newer-migration": _sql(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('ampsdiary', 'm999_from_the_future', '2030-01-01')"
    ),
    "entry-ids-as-text": _rebuilt(
        "entries",
        "id TEXT, uid TEXT, date TEXT, time TEXT, recorded_at TEXT, pain INTEGER, "
        "worst INTEGER, pain_scale TEXT, locations TEXT, quality TEXT, pattern TEXT, "
        "allodynia INTEGER, allodynia_locations TEXT, swelling TEXT, skin_color TEXT, "
        "skin_temp TEXT, skin_signs TEXT, movement TEXT, symptoms TEXT, triggers TEXT, "
        "note TEXT, changed_at TEXT",
        f"('one', 'u1', '{DAY}', '08:00', 'x', 4, 6, NULL, NULL, NULL, NULL, NULL, NULL,"
        " NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'x'),"
        f" (NULL, 'u1', '{DAY}', NULL, 'x', 3, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
        " NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'x'),"
        f" (1.5, NULL, '{DAY}', NULL, NULL, 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
        " NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
    ),
    "session-ids-as-text": _rebuilt(
        "sessions",
        "id TEXT, uid TEXT, date TEXT, kind TEXT, minutes INTEGER, intensity TEXT, "
        "session_note TEXT, recorded_at TEXT, changed_at TEXT",
        f"('one', 'u1', '{DAY}', 'physio', 30, NULL, NULL, 'x', 'x'),"
        f" ('one', 'u1', '{DAY}', 'physio', 30, NULL, NULL, 'x', 'x'),"
        f" (NULL, NULL, '{DAY}', NULL, NULL, NULL, NULL, NULL, NULL)",
    ),
    "duplicate-days": _rebuilt(
        "days",
        "date TEXT, uid TEXT, function INTEGER, school TEXT, sport INTEGER, social INTEGER,"
        " sleep REAL, mood INTEGER, day_note TEXT, private_note TEXT, recorded_at TEXT,"
        " changed_at TEXT",
        f"('{DAY}', 'u1', 5, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'x', 'x'),"
        f" ('{DAY}', 'u1', 8, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'x', 'x'),"
        f" ('{OTHER}', 'u2', 6, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
    ),
    "duplicate-settings": _rebuilt(
        "settings",
        "key TEXT, value TEXT",
        "('exercise-goal', '60'), ('exercise-goal', '30'), (NULL, NULL)",
    ),
    "schema-garbage": _sql(
        "PRAGMA writable_schema = ON",
        "UPDATE sqlite_master SET sql = 'CREATE TABLE entries (' WHERE name = 'entries'",
    ),
    "hot-journal": _hot_journal,
    "garbage-journal": lambda path: Path(f"{path}-journal").write_bytes(_random(3000)),
}


# -- values this version would never write, for every column of every table -------------

TEXT = ("banana", "", "2026-11-16 ")
NUMBERS = (-5, 11, 2**63 - 1, 1e308, 7.25, float("nan"))
JSON = ("[", '{"a": 1}', "[1, 2]", '[null, ["x"]]', '"left-foot"', "[]")
DATES = ("yesterday", "2026-13-45", "2026-11-16T10:00", "9999-12-31")
TIMES = ("25:00", "8am")
BLOB = b"\x00\xff\xfe"
BAD = (*TEXT, *NUMBERS, *JSON, BLOB, None)
TABLES = {
    "entries": "id = 1",
    "days": f"date = '{DAY}'",
    "sessions": "id = 1",
    "settings": "key = 'exercise-goal'",
    "changes": "id = (SELECT max(id) FROM changes WHERE action = 'delete')",
}
EXTRA = {  # column -> values of its own kind that are still wrong
    "date": DATES,
    "time": TIMES,
    "recorded_at": DATES,
    "changed_at": DATES,
    "key": ("exercise-goal ", "treatment-start", "demo", "unknown-setting"),
    "table_name": ("entry", "nothing", "sqlite_master"),
    "action": ("add", "edit", "delete", "vanish"),
    "field": ("pain", "banana", "date"),
    "row_key": ("one", "999", "-1", DAY),
}
SETTINGS = {
    "exercise-goal": ("abc", "-5", "0", "99999999999999999999", "60.5", "", None, "ⅷ"),
    "treatment-start": ("yesterday", "2026-13-45", "9999-12-31", "", None, "2026-11-16T00:00"),
}
HISTORY_VALUES = ("{", '{"pain": "abc", "date": 5}', "[1]", '"x"', "7", '{"id": "x"}', "null",
                  '{"date": "yesterday", "kind": "flying", "minutes": "ten"}')  # fmt: skip


def columns(path: Path) -> dict[str, list[tuple[str, bool, bool]]]:
    """Each table's columns: (name, not null, primary key)."""
    conn = sqlite3.connect(path)
    try:
        return {
            table: [
                (c[1], bool(c[3]), bool(c[5])) for c in conn.execute(f"PRAGMA table_info({table})")
            ]
            for table in TABLES
        }
    finally:
        conn.close()


def values_for(column: str, not_null: bool, key: bool) -> tuple[object, ...]:
    """The wrong values a hand editor can store in a column (SQLite refuses the others:
    a NULL where NOT NULL, text in an INTEGER PRIMARY KEY)."""
    found = [*BAD, *EXTRA.get(column, ())]
    if not_null:
        found = [v for v in found if v is not None]
    if key and column == "id":
        found = [v for v in found if isinstance(v, int)]
    return tuple(found)


def column_damage(path: Path) -> Iterator[tuple[str, Damage]]:
    """(name, damage) for every value of `values_for` in every column of every table, and
    bad values in each setting and in the history's old and new values."""
    for table, where in TABLES.items():
        for column, not_null, key in columns(path)[table]:
            for value in values_for(column, not_null, key):
                yield f"{table}.{column}={value!r}", _set(table, column, value, where)
    for key, values in SETTINGS.items():
        for value in values:
            yield f"setting {key}={value!r}", _set("settings", "value", value, f"key = '{key}'")
    for column in ("old_value", "new_value"):
        for value in HISTORY_VALUES:
            for action in ("add", "edit", "delete"):
                where = f"id = (SELECT max(id) FROM changes WHERE action = '{action}')"
                name = f"changes.{column}={value!r} ({action})"
                yield name, _set("changes", column, value, where)


def _set(table: str, column: str, value: object, where: str) -> Damage:
    def damage(path: Path) -> None:
        conn = sqlite3.connect(path)
        try:
            # OR IGNORE: a value a UNIQUE key refuses is no damage a hand editor can make.
            conn.execute(f'UPDATE OR IGNORE {table} SET "{column}" = ? WHERE {where}', [value])
            conn.commit()
        finally:
            conn.close()

    return damage


def copy(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    os.chmod(target, 0o600)
    return target


# -- every command, with a representative set of arguments --------------------------------

READING = [
    ("show",),
    ("show", "--json", "--days", "30"),
    ("day", DAY),
    ("day", DAY, "--json", "--private"),
    ("history",),
    ("history", "--json", "--added", "--private"),
    ("history", DAY),
    ("summary", "--week", DAY),
    ("summary", "--json"),
    ("trends",),
    ("trends", "--json", "--by", "month"),
    ("recovery",),
    ("recovery", "--json"),
    ("nudge",),
    ("nudge", "--json"),
    ("config", "get"),
    ("config", "get", "exercise-goal", "--json"),
    ("export",),
    ("export", "json"),
    ("export", "entries"),
    ("export", "sessions"),
    ("export", "fhir"),
    ("export", "datapackage"),
    ("export", "--out", "{out}/bundle.zip"),
    ("export", "redcap", "--out", "{out}/redcap"),
    ("export", "json", "--out", "{out}/all.json"),
    ("report", "--out", "{out}/week.md", "--week", DAY),
    ("report", "--out", "{out}/long.html", "--from", "2026-11-01"),
]
PICTURES = [("plot", "recovery", "--out", "{out}/r.png"), ("report", "--out", "{out}/w.pdf")]
WRITING = [
    ("log", "--pain", "3", "--function", "4", "-d", DAY),
    ("exercise", "aerobic", "10", "-d", DAY),
    ("edit", "1", "pain", "2"),
    ("edit", "--day", DAY, "mood", "3"),
    ("edit", "--session", "1", "minutes", "25"),
    ("delete", DAY, "--yes"),
    ("delete", "--entry", "1", "--yes"),
    ("undo", "15"),
    ("undo", "16"),
    ("config", "set", "exercise-goal", "45"),
    ("demo",),
]
COMMANDS = READING + PICTURES + WRITING
