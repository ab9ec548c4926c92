"""The schema, one numbered migration at a time. Never rename or edit a landed migration."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlite_utils import Database, Migrations

migrations = Migrations("ampsdiary")


@migrations()
def m001_create_tables(db: Database) -> None:
    """Symptom entries, day-level facts, sessions, settings and the change history."""
    db["entries"].create(
        {
            "id": int,
            "date": str,
            "time": str,
            "recorded_at": str,
            "pain": int,
            "worst": int,
            "pain_scale": str,
            "locations": str,
            "quality": str,
            "pattern": str,
            "allodynia": int,
            "allodynia_locations": str,
            "swelling": str,
            "skin_color": str,
            "skin_temp": str,
            "skin_signs": str,
            "movement": str,
            "symptoms": str,
            "triggers": str,
            "note": str,
        },
        pk="id",
        not_null={"date", "recorded_at"},
    )
    db["entries"].create_index(["date"])
    db["days"].create(
        {
            "date": str,
            "function": int,
            "school": str,
            "sport": int,
            "social": int,
            "sleep": float,
            "mood": int,
            "day_note": str,
            "private_note": str,
            "updated_at": str,
        },
        pk="date",
    )
    db["sessions"].create(
        {
            "id": int,
            "date": str,
            "kind": str,
            "minutes": int,
            "intensity": str,
            "session_note": str,
            "recorded_at": str,
        },
        pk="id",
        not_null={"date", "kind", "minutes", "recorded_at"},
    )
    db["sessions"].create_index(["date"])
    db["settings"].create({"key": str, "value": str}, pk="key")
    db["changes"].create(
        {
            "id": int,
            "changed_at": str,
            "table_name": str,
            "row_key": str,
            "date": str,
            "field": str,
            "old_value": str,
            "new_value": str,
            "action": str,
        },
        pk="id",
    )
    db["changes"].create_index(["date"])


def unknown(db: Database) -> list[str]:
    """Migrations a newer version applied that this one does not know: read, never write."""
    known = {m.name for m in migrations._migrations}
    return [m.name for m in migrations.applied(db) if m.name not in known]


def _utc(text: str | None) -> str | None:
    """A local time with its offset (m001) as UTC in the one width that sorts as text."""
    if not text:
        return text
    moment = dt.datetime.fromisoformat(text)
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _new_table(db: Database, table: str, key: str, extra: str) -> list[str]:
    """Create `table`_new like `table` with lasting ids, a uid and UTC times; its columns."""
    columns = [c for c in db[table].columns if c.name not in (key, "updated_at")]
    defs = [f'"{c.name}" {c.type}' + (" NOT NULL" if c.notnull else "") for c in columns]
    if "recorded_at" not in [c.name for c in columns]:
        defs.append('"recorded_at" TEXT NOT NULL')
    db.execute(
        f'CREATE TABLE "{table}_new" ({extra}, "uid" TEXT NOT NULL UNIQUE, {", ".join(defs)},'
        ' "changed_at" TEXT NOT NULL)'
    )
    return [c.name for c in columns]


def _since_deletes(db: Database) -> tuple[dict, dict]:
    """(the id of each key's last delete record, when each row still there was first and last
    edited).

    m001 reused ids, so an edit of entry #2 before #2 was deleted belongs to another entry.
    """
    deleted: dict[tuple[str, str], int] = {}
    edited: dict[tuple[str, str], tuple[str, str]] = {}
    for change_id, table, key, action, at in db.execute(
        "SELECT id, table_name, row_key, action, changed_at FROM changes ORDER BY id"
    ).fetchall():
        if action == "delete":
            deleted[(table, key)] = change_id
            edited.pop((table, key), None)
        else:
            edited[(table, key)] = (edited.get((table, key), (at,))[0], at)
    return deleted, edited


def _copy_rows(db: Database, table: str, key: str, columns: list[str], edited: dict) -> dict:
    """Copy every row into the new table with a uid and UTC times; returns key -> uid."""
    uids = {}
    recorded = "updated_at" if table == "days" else "recorded_at"
    for row in db[table].rows:
        uid = uids[str(row[key])] = str(uuid.uuid4())
        first, last = (_utc(t) for t in edited.get((table, str(row[key])), (None, None)))
        at = _utc(row[recorded])
        new = {key: row[key], "uid": uid, **{c: row[c] for c in columns}}
        if table == "days":  # m001 kept only the last write: the first edit, if earlier, is older
            new |= {"recorded_at": min(at, first or at), "changed_at": at}
        else:
            new |= {"recorded_at": at, "changed_at": last or at}
        db[f"{table}_new"].insert(new)
    return uids


def _seed_ids(db: Database, table: str) -> None:
    """Start new ids past every id this table ever gave, deleted rows' included."""
    (highest,) = db.execute(
        "SELECT max(CAST(row_key AS INTEGER)) FROM changes WHERE table_name = ?", [table]
    ).fetchone()
    (current,) = db.execute(f'SELECT coalesce(max(id), 0) FROM "{table}"').fetchone()
    db.execute("DELETE FROM sqlite_sequence WHERE name = ?", [table])
    db.execute(
        "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", [table, max(highest or 0, current)]
    )


def _forget_used_demo(db: Database) -> None:
    """m001 marked an untouched demo with its last write time; one written into is real now."""
    marker = db.execute("SELECT value FROM settings WHERE key = 'demo'").fetchone()
    if marker is None:
        return
    (last,) = db.execute(
        "SELECT max(t) FROM (SELECT max(recorded_at) AS t FROM entries"
        " UNION ALL SELECT max(recorded_at) FROM sessions"
        " UNION ALL SELECT max(updated_at) FROM days"
        " UNION ALL SELECT max(changed_at) FROM changes)"
    ).fetchone()
    if marker[0] != last:
        db.execute("DELETE FROM settings WHERE key = 'demo'")


@migrations()
def m002_lasting_ids_utc_and_history_sources(db: Database) -> None:
    """Ids never given twice, a uid on every row, UTC times, and where each change came from.

    Entries and sessions get AUTOINCREMENT ids (seeded past every id the history names, so
    a deleted entry's number is never reused); every entry, session and day gets a uid and
    `recorded_at`/`changed_at` in UTC; the history gets each row's uid (where the row is
    still there and the change was to it, not to an earlier row of the same id) and the
    source of each change (unknown, NULL, for changes made before this migration).
    """
    _forget_used_demo(db)
    deleted, edited = _since_deletes(db)
    uids = {}
    for table, key, extra in (
        ("entries", "id", '"id" INTEGER PRIMARY KEY AUTOINCREMENT'),
        ("sessions", "id", '"id" INTEGER PRIMARY KEY AUTOINCREMENT'),
        ("days", "date", '"date" TEXT PRIMARY KEY'),
    ):
        columns = _new_table(db, table, key, extra)
        uids[table] = _copy_rows(db, table, key, columns, edited)
        db.execute(f'DROP TABLE "{table}"')
        db.execute(f'ALTER TABLE "{table}_new" RENAME TO "{table}"')
        if table != "days":
            db[table].create_index(["date"])
    db.execute(
        'CREATE TABLE "changes_new" ("id" INTEGER PRIMARY KEY AUTOINCREMENT,'
        ' "changed_at" TEXT NOT NULL, "table_name" TEXT NOT NULL, "row_key" TEXT,'
        ' "row_uid" TEXT, "date" TEXT, "field" TEXT, "old_value" TEXT, "new_value" TEXT,'
        ' "action" TEXT NOT NULL, "source" TEXT)'
    )
    for row in db["changes"].rows_where(order_by="id"):
        place = (row["table_name"], row["row_key"])
        later = row["action"] != "delete" and row["id"] > deleted.get(place, 0)
        uid = uids.get(row["table_name"], {}).get(row["row_key"]) if later else None
        db["changes_new"].insert(
            {**row, "changed_at": _utc(row["changed_at"]), "row_uid": uid, "source": None}
        )
    db.execute('DROP TABLE "changes"')
    db.execute('ALTER TABLE "changes_new" RENAME TO "changes"')
    db["changes"].create_index(["date"])
    db["changes"].create_index(["row_uid"])
    for table in ("entries", "sessions"):
        _seed_ids(db, table)
