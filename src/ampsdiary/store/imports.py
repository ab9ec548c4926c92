"""Writing an import: rows that come with their own lasting ids, times and history.

An exported diary read back on another computer must be recognised as the same rows, so
rows keep their uid, their `recorded_at` and `changed_at`, and their number where it is
free (a number already used here is given a new one, and the history follows it).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .database import TABLES, _logged, new_uid, utc_now
from .values import encoded

if TYPE_CHECKING:
    from .database import Store

Row = dict[str, Any]


@dataclass
class Writes:
    """Everything one import writes, already checked and compared with the diary."""

    entries: list[Row] = field(default_factory=list)  # whole rows, uid and times included
    sessions: list[Row] = field(default_factory=list)
    days: list[Row] = field(default_factory=list)  # new day rows
    day_values: list[tuple[str, Row]] = field(default_factory=list)  # (date, fields) to set
    replaced: list[tuple[str, str, Row]] = field(default_factory=list)  # (kind, uid, fields)
    settings: dict[str, str] = field(default_factory=dict)
    history: list[Row] = field(default_factory=list)  # the source's own history records
    summary: Row = field(default_factory=dict)  # what the import record says


def write(store: Store, writes: Writes, source: str) -> None:
    """All of an import in one transaction; each addition and replaced value in the history.

    With the source's own history, its records are kept as they were (so an export read
    back gives the same history) and one 'import' record says what came in; without, every
    added row gets an 'add' record naming the source.
    """
    own_history = bool(writes.history)
    with store.transaction():
        numbers = {
            kind: _insert(store, kind, rows, source, not own_history)
            for kind, rows in (("entry", writes.entries), ("session", writes.sessions))
        }
        _insert_many(store, "days", map(encoded, writes.days))
        if not own_history:
            _insert_many(store, "changes",
                (store._change("day", r["date"], r, "add", None, None, _logged(r), source)
                 for r in writes.days),
            )  # fmt: skip
        for date, values in writes.day_values:
            store.set_day(_date(date), values, source)
        for kind, uid, values in writes.replaced:
            (row_id,) = store.db.execute(
                f"SELECT id FROM {TABLES[kind]} WHERE uid = ?", [uid]
            ).fetchone()
            store.update(kind, row_id, values, source)
        for key, value in writes.settings.items():
            if own_history and store.setting(key) is None:  # its addition is in that history
                store.db["settings"].insert({"key": key, "value": value})
            else:
                store.set_setting(key, value, source)
        _insert_many(store, "changes", (_renumbered(change, numbers) for change in writes.history))
        if own_history:
            summary = writes.summary
            store.db["changes"].insert(
                {"changed_at": utc_now(), "table_name": "diary", "row_key": summary.get("file"),
                 "row_uid": None, "date": None, "field": None, "old_value": None,
                 "new_value": json.dumps(summary), "action": "import", "source": source}
            )  # fmt: skip


def _insert(store: Store, kind: str, rows: list[Row], source: str, record: bool) -> dict:
    """Insert rows keeping each number where it is free; returns old number -> new.

    Rows are inserted in batches (a ten-year export is 18,000 rows); only a row whose
    number is taken here is inserted alone, to learn the number it gets instead.
    """
    table = TABLES[kind]
    taken = {r[0] for r in store.db.execute(f"SELECT id FROM {table}").fetchall()}
    numbers: dict[str, str] = {}
    batch, moved = [], []
    for row in rows:
        row = {"uid": row.get("uid") or new_uid(), **row}
        old = row.pop("id", None)
        if old is None or old not in taken:
            batch.append(row if old is None else {**row, "id": old})
            taken.add(old)
        else:
            moved.append((old, row))
    _insert_many(store, table, map(encoded, batch))
    for old, row in moved:
        numbers[str(old)] = str(store.db[table].insert(encoded(row)).last_pk)
    if record and rows:
        ids = dict(store.db.execute(f"SELECT uid, id FROM {table}").fetchall())
        added = [{**r, "id": ids[r["uid"]]} for r in batch + [row for _, row in moved]]
        _insert_many(store, "changes",
            (store._change(kind, str(r["id"]), r, "add", None, None, _logged(r), source)
             for r in added),
        )  # fmt: skip
    return numbers


def _insert_many(store: Store, table: str, rows: Iterable[Row]) -> None:
    """Rows into a table in one executemany: a ten-year import is 36,000 rows, and going
    through sqlite-utils' insert_all (a type check of every value) took most of its time.
    Every row is already encoded; a column a row lacks is NULL (an id: the next one)."""
    columns = [c.name for c in store.db[table].columns]
    names = ", ".join(f'"{c}"' for c in columns)
    sql = f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})'
    store.db.conn.executemany(sql, ([row.get(c) for c in columns] for row in rows))


def _renumbered(change: Row, numbers: dict[str, dict[str, str]]) -> Row:
    """A history record of the source (as `Store.history` gives them) as a stored one, its
    row number changed where the row's was."""
    key = str(change["key"]) if change["key"] is not None else None
    moved = numbers.get(change["kind"], {})
    return {
        "changed_at": change["changed_at"],
        "table_name": TABLES.get(change["kind"], change["kind"]),
        "row_key": moved.get(key, key) if key else key,
        "row_uid": change.get("uid"),
        "date": change.get("date"),
        "field": change.get("field"),
        "old_value": _json(change.get("old_value")),
        "new_value": _json(change.get("new_value")),
        "action": change["action"],
        "source": change.get("source"),
    }


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value)


def history_key(change: Row) -> tuple:
    """What identifies a history record across copies of one diary."""
    return (change["changed_at"], change["kind"], change.get("uid") or str(change["key"]),
            change.get("field"), change["action"])  # fmt: skip


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def known_history(store: Store) -> set[tuple]:
    """Every history record already here, by `history_key`: importing the same file twice
    keeps one copy."""
    return {history_key(c) for c in store.history()}


def uids(store: Store, kind: str) -> dict[str, Row]:
    """Every row of a kind by its uid, decoded, for comparing with what comes in."""
    from .values import decoded

    table = TABLES[kind]
    return {r["uid"]: decoded(dict(r)) for r in store.db[table].rows}
