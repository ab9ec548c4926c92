"""The tables and columns this version reads, checked once when a diary opens.

A table dropped, a column dropped or a table rebuilt by hand without its key (a day given
twice, ids as text) is damage, said once at the door as "is damaged", instead of a KeyError
or "no such column" in whichever command reads it first. A newer version may add tables
and columns; it never takes away those listed here. tests/test_damaged_diaries.py checks
this list against the schema the migrations build.
"""

from __future__ import annotations

import sqlite3

# table -> (its key, every column this version reads or writes)
TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "entries": ("id", (
        "uid", "date", "time", "recorded_at", "pain", "worst", "pain_scale", "locations",
        "quality", "pattern", "allodynia", "allodynia_locations", "swelling", "skin_color",
        "skin_temp", "skin_signs", "movement", "symptoms", "triggers", "note", "changed_at",
    )),
    "days": ("date", (
        "uid", "function", "school", "sport", "social", "sleep", "mood", "day_note",
        "private_note", "recorded_at", "changed_at",
    )),
    "sessions": ("id", (
        "uid", "date", "kind", "minutes", "intensity", "session_note", "recorded_at",
        "changed_at",
    )),
    "settings": ("key", ("value",)),
    "changes": ("id", (
        "changed_at", "table_name", "row_key", "row_uid", "date", "field", "old_value",
        "new_value", "action", "source",
    )),
}  # fmt: skip
NUMBERED = ("entries", "sessions", "changes")  # ids SQLite gives: INTEGER PRIMARY KEY
MIGRATIONS = "_sqlite_migrations"  # which migrations ran (sqlite-utils keeps it)


def problem(conn: sqlite3.Connection) -> str | None:
    """What is missing from the diary's tables, in words; None when all is there."""
    for table, (key, columns) in TABLES.items():
        info = {row[1]: row for row in conn.execute(f"PRAGMA table_info({table})")}
        if not info:
            return f"its {table} table is missing"
        missing = [name for name in (key, *columns) if name not in info]
        if missing:
            return f"its {table} table has no {missing[0]} column"
        keys = [name for name, row in info.items() if row[5]]
        integer = table not in NUMBERED or info[key][2].upper() == "INTEGER"
        if keys != [key] or not integer:
            return f"its {table} table lost its {key} key"
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [MIGRATIONS]).fetchone():
        return "its record of migrations is missing"
    return None
