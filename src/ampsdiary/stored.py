"""Rows as stored, checked before anything reads them: what every read of the diary hands on.

A value this version would never write (a hand-edited word, text in a number column, a list
that is not a list) is left out and noted as a `Problem`, never averaged in. The check is
`validate.stored_ok`, the decoding the store's `decode_value`: one definition each.

Ten years are about 18,000 rows of 25 columns, and checking each value one by one was most of
the time `recovery` took. A column holds few distinct values (scores 0 to 10, a few hundred
lists of words), so the rows are checked column by column, each distinct value once.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .checked import FIELDS_OF, REQUIRED
from .store.values import LIST_COLUMNS, YES_NO_COLUMNS, decode_value
from .validate import stored_ok

Row = dict[str, Any]
_BAD = object()  # a value left out
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


def _text(value: object) -> bool:
    return isinstance(value, str)


def _time(value: object) -> bool:
    return isinstance(value, str) and _TIME.fullmatch(value) is not None


# A row's own bookkeeping, checked like its values: a uid or a time that is not text (a BLOB
# pasted in by hand) would stop every export and history record that writes it out.
BOOKKEEPING = {"uid": _text, "time": _time, "recorded_at": _text, "changed_at": _text}


def value_ok(name: str, value: object) -> bool:
    """Could this version have written `value` in the column `name` of a row?"""
    check = BOOKKEEPING.get(name)
    return check(value) if check else stored_ok(name, value)


@dataclass(frozen=True)
class Problem:
    """A stored value this version would never write: left out, and said once."""

    date: str
    field: str
    value: object

    def __str__(self) -> str:
        return f"{self.date} {self.field} {self.value!r}"


@functools.lru_cache(maxsize=2**16)
def is_date(text: object) -> bool:
    """An ISO date as this version writes it (YYYY-MM-DD); remembered, as a diary's reads
    meet each of its few thousand dates several times."""
    try:
        dt.date.fromisoformat(str(text))
    except ValueError:
        return False
    return len(str(text)) == 10


class Checked:
    """Checks rows and keeps the problems found, each once, in the order the rows came."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def note(self, date: str, name: str, value: object) -> None:
        found = Problem(date, name, value)
        if found not in self.problems:
            self.problems.append(found)

    def change(self, change: Row) -> Row | None:
        """A history record with the values this version would never write left out (and
        noted), a whole row's one by one; None (noted) when what it is about is unusable
        (see bad_part)."""
        date, where = str(change["date"]), f"history #{change['id']}"
        if bad := bad_part(change):
            self.note(date, f"{where} {bad}", change[bad])
            return None
        for part in ("old_value", "new_value"):
            value = change[part]
            if value is not None and not _value_ok(change, value):
                self.note(date, f"{where} {part}", value)
                change[part] = None
            elif isinstance(value, dict) and change["kind"] in FIELDS_OF:
                names = _ROW_NAMES[change["kind"]]
                for name, v in value.items():
                    if name in names and v is not None and not value_ok(name, v):
                        self.note(date, f"{where} {name}", v)
                        value[name] = None
        return change

    def row(self, row: Row, level: str, private: bool = False) -> Row:
        """One decoded row (the store's `row` or `day`) with unusable values left out and
        the private note left out unless asked for."""
        date = str(row.get("date"))
        for name in (*(f.name for f in FIELDS_OF[level]), *BOOKKEEPING):
            value = row.get(name)
            if value is not None and not value_ok(name, value):
                self.note(date, name, value)
                row[name] = None
        return _without_private(row, private)

    def rows(
        self, columns: Sequence[str], raw: list[tuple], level: str, private: bool = False
    ) -> list[Row]:
        """Rows as the store read them (raw values, in `columns`), decoded and checked.

        A row whose date is unusable is left out whole, as is a session without its kind or
        minutes: their values cannot be placed on a day.
        """
        if not raw:
            return []
        names = {f.name for f in FIELDS_OF[level]} | set(BOOKKEEPING)
        values = [list(column) for column in zip(*raw, strict=True)]
        found: list[tuple[int, int, str, object]] = []
        dates = values[columns.index("date")]
        bad_dates = {d for d in set(dates) if not is_date(d)}
        for index, date in enumerate(dates):
            if date in bad_dates:
                found.append((index, -1, str(date), date))
        for position, name in enumerate(columns):
            if name in names:
                values[position] = self._column(name, values[position], position, found, dates)
        for index, position, date, value in sorted(found, key=lambda item: item[:2]):
            if position < 0 or dates[index] not in bad_dates:  # a dateless row: its date only
                self.note(date, "date" if position < 0 else columns[position], value)
        kept = [dict(zip(columns, row, strict=True)) for row in zip(*values, strict=True)]
        if bad_dates:
            kept = [row for row in kept if row["date"] not in bad_dates]
        if level == "session":
            kept = [row for row in kept if all(row[name] is not None for name in REQUIRED)]
        return (
            [_without_private(row, private) for row in kept] if "private_note" in columns else kept
        )

    @staticmethod
    def _column(name: str, column: list, position: int, found: list, dates: list) -> list:
        """One column decoded, each distinct value checked once; a value left out becomes
        None and is added to `found` with its row."""
        distinct = set(column)
        distinct.discard(None)
        # 1 and 1.0 (and True) are one key to a dict: tell them apart when a column mixes them.
        typed = len({type(value) for value in distinct}) > 1
        memo = {}
        for raw in distinct:
            value = decode_value(name, raw)
            memo[(type(raw), raw) if typed else raw] = value if value_ok(name, value) else _BAD
        if _BAD in memo.values():
            out = []
            for index, raw in enumerate(column):
                value = None if raw is None else memo[(type(raw), raw) if typed else raw]
                if value is _BAD:
                    found.append((index, position, str(dates[index]), decode_value(name, raw)))
                    value = None
                out.append(value)
        elif typed:
            out = [None if raw is None else memo[(type(raw), raw)] for raw in column]
        elif name in LIST_COLUMNS or name in YES_NO_COLUMNS:
            memo[None] = None
            out = [memo[raw] for raw in column]
        else:
            return column  # every value is kept as it was read
        if name in LIST_COLUMNS:  # each row its own list: a reader may change it
            out = [value.copy() if isinstance(value, list) else value for value in out]
        return out


HISTORY_KINDS = ("entry", "session", "day", "setting", "diary")  # "diary": an import's record
HISTORY_ACTIONS = ("add", "edit", "delete", "import")


def _moment(value: object) -> bool:
    try:
        dt.datetime.fromisoformat(str(value))
    except ValueError:
        return False
    return isinstance(value, str)


def bad_part(change: Row) -> str | None:
    """The first part of a history record (as `Store.history` gives it) that this version
    would never write and without which the record means nothing (when, what, which row),
    or None. `undo` acts on a record, so such a one is refused and `history` leaves it out
    (and says so) rather than show what never happened."""
    kind, field = change["kind"], change["field"]
    if not _moment(change["changed_at"]):
        return "changed_at"
    if kind not in HISTORY_KINDS or change["action"] not in HISTORY_ACTIONS:
        return "kind" if kind not in HISTORY_KINDS else "action"
    for name in ("key", "uid", "field", "source"):
        if change[name] is not None and not isinstance(change[name], str):
            return name
    if change["date"] is not None and not is_date(change["date"]):
        return "date"
    if kind not in FIELDS_OF:
        return None
    key = change["key"] or ""
    if not (is_date(key) if kind == "day" else key.isascii() and key.isdigit()):
        return "key"
    if change["date"] is None:  # every entry, session and day has one
        return "date"
    if field is not None and field != "time" and field not in _ROW_NAMES[kind]:
        return "field"
    return None


def _value_ok(change: Row, value: object) -> bool:
    """An old or new value of a record: a setting's is text; an import's, its summary."""
    kind, field = change["kind"], change["field"]
    if kind == "setting":
        return isinstance(value, str)
    if kind not in FIELDS_OF:
        return isinstance(value, str | int | float | list | dict)
    return value_ok(field, value) if field is not None else isinstance(value, dict)


_ROW_NAMES = {
    level: {f.name for f in fields} | set(BOOKKEEPING) for level, fields in FIELDS_OF.items()
}


def _without_private(row: Row, private: bool) -> Row:
    if "private_note" in row and not private:
        row["has_private_note"] = row.pop("private_note") is not None
    return row
