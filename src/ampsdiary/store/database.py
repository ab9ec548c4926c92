"""Reads and writes of one diary file: the only code that knows its tables and columns.

Every public write is one transaction that takes SQLite's write lock when it begins
(`BEGIN IMMEDIATE`), so several programs writing at once wait their turn instead of
failing "busy". Every row carries a lasting id: an id is never given twice, and a uid
recognises the same row in an export read back on another computer. Times are UTC; the
`date` column is the user's own calendar day the row describes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import uuid
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import DiaryError
from .quick import LOGGED_DATES
from .values import (
    TABLES,
    as_text,
    change_row,
    decoded,
    encoded,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]
MAX_ID = 2**63 - 1  # SQLite's largest integer
BOOKKEEPING = ("id", "uid", "date", "recorded_at", "changed_at")
NEWER = (
    "was written by a newer version of ampsdiary; upgrade ampsdiary to change it "
    "(nothing was written)"
)


def utc_now() -> str:
    """Now in UTC, always the same width, so times sort as text across daylight saving."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def new_uid() -> str:
    return str(uuid.uuid4())


def _logged(row: Row) -> Row:
    """What was logged in a row, without its bookkeeping (ids, times)."""
    return {k: v for k, v in row.items() if k not in BOOKKEEPING and v is not None}


class Store:
    """One diary file's tables: entries, day facts, sessions, settings and the history."""

    def __init__(self, db: Database, path: Path, newer: bool = False) -> None:
        self.db = db
        self.path = path
        self.newer = newer  # written by a newer version: read, never write
        self.recorded: list[int] = []  # the history ids the last write added (not bulk loads)
        self.backup: Path | None = None  # the copy made before a migration (store/backup.py)

    def close(self) -> None:
        self.db.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Store]:
        """One transaction holding the write lock from its start; nested ones are savepoints."""
        if self.newer:
            raise DiaryError("diary", str(self.path), NEWER)
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield self
            return
        conn.execute("BEGIN IMMEDIATE")
        self.recorded = []
        try:
            yield self
        except BaseException:
            if conn.in_transaction:
                conn.rollback()
            raise
        conn.commit()

    # -- writes ---------------------------------------------------------------

    def _insert(self, kind: str, values: Row, source: str, uid: str | None = None) -> int:
        now = utc_now()
        row = {"uid": uid or new_uid(), "recorded_at": now, "changed_at": now, **values}
        with self.transaction():
            row_id = self.db[TABLES[kind]].insert(encoded(row)).last_pk
            self._record(kind, str(row_id), row, "add", None, None, _logged(row), source, now)
        return row_id

    def add_entry(self, date: dt.date, time: str | None, values: Row, source: str) -> int:
        return self._insert("entry", {"date": date.isoformat(), "time": time, **values}, source)

    def add_session(self, date: dt.date, values: Row, source: str) -> int:
        return self._insert("session", {"date": date.isoformat(), **values}, source)

    def set_day(self, date: dt.date, values: Row, source: str) -> list[tuple[str, Any, Any]]:
        """Set day-level facts; returns (field, old, new) of what changed and writes nothing
        else: an edit that changes nothing leaves no empty day behind."""
        key = date.isoformat()
        with self.transaction():
            old = self._day_row(key)
            stored = decoded(dict(old)) if old else {}
            edits = [(n, stored.get(n), v) for n, v in values.items() if stored.get(n) != v]
            if not edits:
                return []
            now = utc_now()
            if old is None:
                row = {"date": key, "uid": new_uid(), "recorded_at": now, "changed_at": now}
                self.db["days"].insert(encoded({**row, **values}))
            else:
                row = old
                self.db["days"].update(key, encoded({**values, "changed_at": now}))
            for name, before, after in edits:
                action = "add" if before is None else "edit"
                self._record("day", key, row, action, name, before, after, source, now)
            if not _logged({**stored, **values}):  # the last value cleared: no empty day left
                self.db["days"].delete(key)
        return edits

    def update(self, kind: str, row_id: int, values: Row, source: str) -> list | None:
        """Change fields of one entry or session; each old value goes to the history."""
        with self.transaction():
            rows = self._by_id(kind, row_id)
            if not rows:
                return None
            stored = decoded(dict(rows[0]))
            edits = [(n, stored.get(n), v) for n, v in values.items() if stored.get(n) != v]
            if edits:
                changed = {n: v for n, _, v in edits}
                self.db[TABLES[kind]].update(row_id, encoded({**changed, "changed_at": utc_now()}))
            for name, before, after in edits:
                self._record(kind, str(row_id), rows[0], "edit", name, before, after, source)
        return edits

    def delete_day(self, date: dt.date, source: str) -> dict[str, int]:
        """Delete everything logged for a date; each row is kept whole in the history."""
        key = date.isoformat()
        counts = {}
        with self.transaction():
            for kind in ("entry", "session", "day"):
                table = TABLES[kind]
                rows = list(self.db[table].rows_where("date = ?", [key]))
                for row in rows:
                    row_key = str(row["date"] if kind == "day" else row["id"])
                    self._record(kind, row_key, row, "delete", None, _logged(row), None, source)
                self.db[table].delete_where("date = ?", [key])
                counts[kind] = len(rows)
        return counts

    def delete(self, kind: str, row_id: int | dt.date, source: str) -> Row | None:
        """Delete one entry or session by id (or a day's facts alone, by date), keeping it
        whole in the history."""
        with self.transaction():
            if isinstance(row_id, dt.date):
                key = row_id.isoformat()
                rows = [r for r in [self._day_row(key)] if r]
            else:
                key, rows = str(row_id), self._by_id(kind, row_id)
            if not rows:
                return None
            row = rows[0]
            self._record(kind, key, row, "delete", None, _logged(row), None, source)
            self.db[TABLES[kind]].delete(key if kind == "day" else row_id)
        return decoded(dict(row))

    def restore(self, kind: str, key: str, uid: str | None, values: Row, source: str) -> str:
        """Put a deleted entry, session or day's facts back with its id and uid (a new id
        when an older version gave that id to another row); an addition in the history.
        `values` hold the row as the history kept it, with its `date` and `recorded_at`."""
        now = utc_now()
        with self.transaction():
            row = {"uid": uid or new_uid(), "recorded_at": now, "changed_at": now, **values}
            table = TABLES[kind]
            if self.db.execute(f"SELECT 1 FROM {table} WHERE uid = ?", [row["uid"]]).fetchone():
                row["uid"] = new_uid()  # a copy of it came back another way (an import)
            if kind != "day" and not self._by_id(kind, int(key)):
                row["id"] = int(key)
            new_id = self.db[table].insert(encoded(row)).last_pk
            new_key = key if kind == "day" else str(new_id)
            self._record(kind, new_key, row, "add", None, None, _logged(row), source, now)
        return new_key

    def set_setting(self, key: str, value: str, source: str) -> str | None:
        with self.transaction():
            old = self.setting(key)
            if old != value:
                action = "add" if old is None else "edit"
                self._record("setting", key, {}, action, key, old, value, source)
                self.db["settings"].upsert({"key": key, "value": value}, pk="key")
        return old

    def add_all(self, entries: Iterable[Row], days: Iterable[Row], sessions: Iterable[Row],
                source: str) -> None:  # fmt: skip
        """Bulk-load already-checked rows in one transaction, each addition in the history.

        Inserts, never upserts: a day already there is an error, not an overwrite.
        """
        now = utc_now()
        with self.transaction():
            for kind, rows in (("entry", entries), ("day", days), ("session", sessions)):
                full = [
                    {"uid": new_uid(), "recorded_at": now, "changed_at": now, **r} for r in rows
                ]
                self.db[TABLES[kind]].insert_all(map(encoded, full), batch_size=500)
                self._record_added(kind, full, now, source)

    def _record_added(self, kind: str, rows: list[Row], now: str, source: str) -> None:
        """An 'add' record for each row of a bulk load (ids looked up by uid)."""
        if not rows:
            return
        table = TABLES[kind]
        keys = (
            {r["uid"]: r["date"] for r in rows}
            if kind == "day"
            else dict(self.db.execute(f"SELECT uid, id FROM {table} WHERE recorded_at = ?", [now]))
        )
        self.db["changes"].insert_all(
            (self._change(kind, str(keys[r["uid"]]), r, "add", None, None, _logged(r), source, now)
             for r in rows),
            batch_size=500,
        )  # fmt: skip

    def _change(self, kind: str, key: str, row: Row, action: str, field: str | None,
                old: Any, new: Any, source: str, now: str | None = None) -> Row:  # fmt: skip
        return {
            "changed_at": now or utc_now(),
            "table_name": TABLES[kind],
            "row_key": key,
            "row_uid": row.get("uid"),
            "date": row.get("date"),
            "field": field,
            "old_value": None if old is None else json.dumps(old, default=as_text),
            "new_value": None if new is None else json.dumps(new, default=as_text),
            "action": action,
            "source": source,
        }

    def _record(self, kind: str, key: str, row: Row, action: str, field: str | None,
                old: Any, new: Any, source: str, now: str | None = None) -> None:  # fmt: skip
        """Keep what changed (a value, or a whole added or deleted row) in the history; an
        addition at the time the row says it was recorded."""
        change = self._change(kind, key, row, action, field, old, new, source, now)
        self.recorded.append(self.db["changes"].insert(change).last_pk)

    # -- reads ----------------------------------------------------------------

    def _day_row(self, key: str) -> Row | None:
        rows = list(self.db["days"].rows_where("date = ?", [key]))
        return rows[0] if rows else None

    def _by_id(self, kind: str, row_id: int) -> list[Row]:
        """The row with this id; an id SQLite cannot hold (a typo of 20 digits) is no row."""
        if not 0 < row_id <= MAX_ID:
            return []
        return list(self.db[TABLES[kind]].rows_where("id = ?", [row_id]))

    def row(self, kind: str, row_id: int) -> Row | None:
        """One entry or session by id."""
        rows = self._by_id(kind, row_id)
        return decoded(rows[0]) if rows else None

    def day(self, date: dt.date) -> Row | None:
        row = self._day_row(date.isoformat())
        return decoded(row) if row else None

    def between(
        self, kind: str, start: dt.date, end: dt.date, columns: Sequence[str] = ()
    ) -> tuple[list[str], list[tuple]]:
        """The entries, sessions or days from start to end as stored: the column names and
        one tuple a row, undecoded (the library decodes and checks a column at a time).

        `columns` (default: all) names only the columns a reader needs: ten years of entries
        are 380,000 values, and each one read costs."""
        order = {"entry": "date, time, id", "session": "date, id", "day": "date"}[kind]
        chosen = ", ".join(f"[{name}]" for name in columns) or "*"
        cursor = self.db.execute(
            f"SELECT {chosen} FROM [{TABLES[kind]}] WHERE date >= ? AND date <= ? ORDER BY {order}",
            [start.isoformat(), end.isoformat()],
        )
        return [column[0] for column in cursor.description], cursor.fetchall()

    def logged_dates(self) -> list[str]:
        """Every date with an entry, a day record or a session, as stored, oldest first."""
        return sorted(str(d) for (d,) in self.db.execute(LOGGED_DATES).fetchall())

    def last_write(self) -> str | None:
        """When anything was last recorded or changed: tells an untouched demo from a used one."""
        return self.db.execute("SELECT max(changed_at) FROM changes").fetchone()[0]

    def history(self, date: dt.date | None = None, added: bool = True) -> list[Row]:
        """Every addition, change and deletion, oldest first, with values decoded; without
        `added`, not what was first logged (a diary's history is mostly that): a row put
        back by an undo is an addition that stays."""
        wheres, args = (["date = ?"], [date.isoformat()]) if date else ([], [])
        if not added:
            wheres.append("NOT (action = 'add' AND coalesce(source, '') NOT LIKE 'undo%')")
        where = " AND ".join(wheres) or None
        rows = self.db["changes"].rows_where(where, args, order_by="id")
        return [change_row(row) for row in rows]

    def change(self, change_id: int) -> Row | None:
        """One change of the history by its id, as `history` gives it."""
        if not 0 < change_id <= MAX_ID:
            return None
        rows = list(self.db["changes"].rows_where("id = ?", [change_id]))
        return change_row(rows[0]) if rows else None

    def first_recorded(self, kind: str, key: str, uid: str | None) -> str | None:
        """When a row was first added (its first 'add' in the history), for a restored row."""
        where = "row_uid = ?" if uid else "table_name = ? AND row_key = ?"
        args = [uid] if uid else [TABLES[kind], key]
        sql = "SELECT min(changed_at) FROM changes WHERE action = 'add' AND "
        return self.db.execute(sql + where, args).fetchone()[0]

    def setting(self, key: str) -> str | None:
        rows = list(self.db["settings"].rows_where("key = ?", [key]))
        return rows[0]["value"] if rows else None

    def settings(self) -> dict[str, str]:
        return {row["key"]: row["value"] for row in self.db["settings"].rows}
