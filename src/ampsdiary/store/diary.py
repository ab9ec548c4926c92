"""Reads and writes of one diary file. Every public write is one transaction."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .quick import LOGGED_DATES

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]
# Entry columns holding several words (regions, symptoms...), stored as JSON lists.
LIST_COLUMNS = (
    "locations",
    "quality",
    "allodynia_locations",
    "skin_signs",
    "movement",
    "symptoms",
    "triggers",
)
MAX_ID = 2**63 - 1  # SQLite's largest integer


def _now() -> str:
    """Local time with its UTC offset: the date part is the user's own calendar day."""
    return dt.datetime.now().astimezone().isoformat(timespec="microseconds")


def _encode(values: Row) -> Row:
    """Lists become JSON text; booleans become 0/1; None stays NULL (never 0)."""
    out: Row = {}
    for key, value in values.items():
        if isinstance(value, list):
            value = json.dumps(value)
        elif isinstance(value, bool):
            value = int(value)
        out[key] = value
    return out


def _decode(row: Row) -> Row:
    for key in LIST_COLUMNS:
        if key in row and row[key] is not None:
            row[key] = json.loads(row[key])
    for key in ("sport", "social"):
        if key in row and row[key] is not None:
            row[key] = bool(row[key])
    return row


def _decoded(edits: list[tuple[str, Any, Any]]) -> list[tuple[str, Any, Any]]:
    return [(name, _decode({name: o})[name], _decode({name: n})[name]) for name, o, n in edits]


def _history_value(field: str | None, text: str | None) -> Any:
    """Stored values as the user typed them: lists as lists, deleted rows as decoded dicts."""
    value = None if text is None else json.loads(text)
    if isinstance(value, dict):
        return _decode(value)
    return _decode({field: value})[field] if field else value


class Diary:
    """One diary file: entries, day facts, sessions, settings and the change history."""

    def __init__(self, db: Database, path: Path) -> None:
        self.db = db
        self.path = path

    def close(self) -> None:
        self.db.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Diary]:
        """Group several writes so a failure leaves nothing half-written."""
        with self.db.atomic():
            yield self

    # -- writes ---------------------------------------------------------------

    def add_entry(self, date: dt.date, time: str | None, values: Row) -> int:
        row = {"date": date.isoformat(), "time": time, "recorded_at": _now(), **_encode(values)}
        with self.db.atomic():
            return self.db["entries"].insert(row).last_pk

    def add_session(self, date: dt.date, values: Row) -> int:
        row = {"date": date.isoformat(), "recorded_at": _now(), **_encode(values)}
        with self.db.atomic():
            return self.db["sessions"].insert(row).last_pk

    def set_day(self, date: dt.date, values: Row) -> list[tuple[str, Any, Any]]:
        """Set day-level facts; a replaced value goes to the history. Returns (field, old, new)."""
        key = date.isoformat()
        new = _encode(values)
        with self.db.atomic():
            old = self._day_row(key) or {}
            edits = [
                (name, old[name], value)
                for name, value in new.items()
                if old.get(name) is not None and old[name] != value
            ]
            for name, old_value, new_value in edits:
                self._record("days", key, key, "edit", name, old_value, new_value)
            self.db["days"].upsert({"date": key, **new, "updated_at": _now()}, pk="date")
        return _decoded(edits)

    def write_all(
        self, entries: Iterable[Row], days: Iterable[Row], sessions: Iterable[Row]
    ) -> None:
        """Bulk-load already-checked rows into a new diary (the demo) in one transaction.

        Inserts, never upserts: a day already there is an error, not an overwrite without history.
        """
        now = _now()
        with self.db.atomic():
            self.db["entries"].insert_all(
                ({"recorded_at": now, **_encode(r)} for r in entries), batch_size=500
            )
            self.db["days"].insert_all(
                ({"updated_at": now, **_encode(r)} for r in days), batch_size=500
            )
            self.db["sessions"].insert_all(
                ({"recorded_at": now, **_encode(r)} for r in sessions), batch_size=500
            )

    def delete_day(self, date: dt.date) -> dict[str, int]:
        """Delete everything logged for a date; each row is kept whole in the history."""
        key = date.isoformat()
        counts = {}
        with self.db.atomic():
            for table, pk in (("entries", "id"), ("sessions", "id"), ("days", "date")):
                rows = list(self.db[table].rows_where("date = ?", [key]))
                for row in rows:
                    self._record(table, str(row[pk]), key, "delete", None, row, None)
                self.db[table].delete_where("date = ?", [key])
                counts[table] = len(rows)
        return counts

    def delete_row(self, table: str, row_id: int) -> Row | None:
        """Delete one entry or session by id, keeping it in the history."""
        with self.db.atomic():
            rows = self._by_id(table, row_id)
            if not rows:
                return None
            self._record(table, str(row_id), rows[0]["date"], "delete", None, rows[0], None)
            self.db[table].delete(row_id)
        return _decode(rows[0])

    def update_row(self, table: str, row_id: int, values: Row) -> list[tuple[str, Any, Any]] | None:
        """Change fields of one entry or session; each old value goes to the history."""
        new = _encode(values)
        with self.db.atomic():
            rows = self._by_id(table, row_id)
            if not rows:
                return None
            old = rows[0]
            edits = [(k, old[k], v) for k, v in new.items() if old[k] != v]
            for name, old_value, new_value in edits:
                self._record(table, str(row_id), old["date"], "edit", name, old_value, new_value)
            if edits:
                self.db[table].update(row_id, new)
        return _decoded(edits)

    def set_setting(self, key: str, value: str) -> str | None:
        with self.db.atomic():
            old = self.setting(key)
            if old is not None and old != value:
                self._record("settings", key, None, "edit", key, old, value)
            self.db["settings"].upsert({"key": key, "value": value}, pk="key")
        return old

    def _record(
        self, table: str, row_key: str, date: str | None, action: str, field: str | None,
        old: Any, new: Any,
    ) -> None:  # fmt: skip
        """Keep an old value (or a whole deleted row) in the change history, as JSON."""
        self.db["changes"].insert(
            {
                "changed_at": _now(),
                "table_name": table,
                "row_key": row_key,
                "date": date,
                "field": field,
                "old_value": None if old is None else json.dumps(old),
                "new_value": None if new is None else json.dumps(new),
                "action": action,
            }
        )

    # -- reads ----------------------------------------------------------------

    def _day_row(self, key: str) -> Row | None:
        rows = list(self.db["days"].rows_where("date = ?", [key]))
        return rows[0] if rows else None

    def _by_id(self, table: str, row_id: int) -> list[Row]:
        """The row with this id; an id SQLite cannot hold (a typo of 20 digits) is no row."""
        if not 0 < row_id <= MAX_ID:
            return []
        return list(self.db[table].rows_where("id = ?", [row_id]))

    def row(self, table: str, row_id: int) -> Row | None:
        """One entry or session by id."""
        rows = self._by_id(table, row_id)
        return _decode(rows[0]) if rows else None

    def day(self, date: dt.date) -> Row | None:
        row = self._day_row(date.isoformat())
        return _decode(row) if row else None

    def _between(self, table: str, start: dt.date, end: dt.date, order: str) -> list[Row]:
        where = "date >= ? AND date <= ?"
        rows = self.db[table].rows_where(
            where, [start.isoformat(), end.isoformat()], order_by=order
        )
        return [_decode(row) for row in rows]

    def entries(self, start: dt.date, end: dt.date) -> list[Row]:
        return self._between("entries", start, end, "date, time, id")

    def days(self, start: dt.date, end: dt.date) -> list[Row]:
        return self._between("days", start, end, "date")

    def sessions(self, start: dt.date, end: dt.date) -> list[Row]:
        return self._between("sessions", start, end, "date, id")

    def logged_dates(self) -> list[dt.date]:
        """Every date with an entry, a day record or a session, oldest first."""
        rows = self.db.execute(LOGGED_DATES).fetchall()
        return sorted(dt.date.fromisoformat(d) for (d,) in rows)

    def last_write(self) -> str | None:
        """When anything was last recorded or changed: tells an untouched demo from a used one."""
        sql = (
            "SELECT max(t) FROM (SELECT max(recorded_at) AS t FROM entries"
            " UNION ALL SELECT max(recorded_at) FROM sessions"
            " UNION ALL SELECT max(updated_at) FROM days"
            " UNION ALL SELECT max(changed_at) FROM changes)"
        )
        return self.db.execute(sql).fetchone()[0]

    def is_empty(self) -> bool:
        return not self.logged_dates()

    def history(self, date: dt.date | None = None) -> list[Row]:
        where, args = ("date = ?", [date.isoformat()]) if date else (None, [])
        rows = self.db["changes"].rows_where(where, args, order_by="id")
        return [
            {
                **row,
                "old_value": _history_value(row["field"], row["old_value"]),
                "new_value": _history_value(row["field"], row["new_value"]),
            }
            for row in rows
        ]

    def setting(self, key: str) -> str | None:
        rows = list(self.db["settings"].rows_where("key = ?", [key]))
        return rows[0]["value"] if rows else None

    def settings(self) -> dict[str, str]:
        return {row["key"]: row["value"] for row in self.db["settings"].rows}
