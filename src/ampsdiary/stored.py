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
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .checked import FIELDS_OF, REQUIRED
from .store.database import LIST_COLUMNS, YES_NO_COLUMNS, decode_value
from .validate import stored_ok

Row = dict[str, Any]
_BAD = object()  # a value left out


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

    def row(self, row: Row, level: str, private: bool = False) -> Row:
        """One decoded row (the store's `row` or `day`) with unusable values left out and
        the private note left out unless asked for."""
        date = str(row.get("date"))
        for f in FIELDS_OF[level]:
            value = row.get(f.name)
            if value is not None and not stored_ok(f.name, value):
                self.note(date, f.name, value)
                row[f.name] = None
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
        names = {f.name for f in FIELDS_OF[level]}
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
            memo[(type(raw), raw) if typed else raw] = value if stored_ok(name, value) else _BAD
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


def _without_private(row: Row, private: bool) -> Row:
    if "private_note" in row and not private:
        row["has_private_note"] = row.pop("private_note") is not None
    return row
