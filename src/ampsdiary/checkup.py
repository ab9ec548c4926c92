"""`ampsdiary check`: is the diary whole, is its format this version's, and does it hold any
value this version would never write, each with what to do about it.

The values are judged by the reads' own check (`stored.Checked`, `validate.stored_ok`): what
`check` lists is exactly what every other command leaves out and mentions on stderr. The
file is read, never changed: an older format is reported, not brought up to date.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from .backups import Held, held, known
from .errors import DiaryError
from .settings import check_value
from .store import backup as copies
from .store.files import APPLICATION_ID, NO_DIARY
from .store.values import decode_value
from .stored import Checked, is_date
from .vocabulary import FIELDS, SETTINGS

# table -> the kind its rows are, for the reads' check and for `edit`
KINDS = {"entries": "entry", "sessions": "session", "days": "day"}


@dataclass(frozen=True)
class Found:
    """A stored value this version would never write, where it is and how to correct it."""

    kind: str  # entry, session, day or setting
    key: str  # the entry's or session's id, the day's date, the setting's name
    date: str | None
    field: str
    value: object

    def __str__(self) -> str:
        where = {"entry": f"entry #{self.key}", "session": f"session #{self.key}"}
        place = where.get(self.kind, "day" if self.kind == "day" else "setting")
        value = "(private)" if self.field == "private_note" else repr(self.value)
        on = f"{self.date} " if self.date is not None else ""
        return f"{on}{place} {self.field} {value}"

    def fix(self) -> str:
        """The command that corrects it."""
        if self.field == "date":
            return "restore a backup from before it was changed: ampsdiary restore PATH"
        if self.kind == "setting":
            return f"ampsdiary config set {self.key} VALUE"
        word = FIELDS[self.field].flag.lstrip("-").lower()
        target = {"entry": self.key, "session": f"--session {self.key}", "day": f"--day {self.key}"}
        clear = "" if self.field in ("kind", "minutes") else " (or - to clear it)"
        return f"ampsdiary edit {target[self.kind]} {word} VALUE{clear}"


@dataclass
class Checkup:
    """What `check` found; `problems` is one line for each, empty for a healthy diary."""

    diary: Held | None
    integrity: list[str]
    applied: list[str]
    pending: list[str]
    newer: list[str]
    values: list[Found] = field(default_factory=list)
    unreadable: str | None = None  # why SQLite cannot read the file at all

    @property
    def problems(self) -> list[str]:
        lines = [f"the file cannot be read ({self.unreadable})"] if self.unreadable else []
        lines += [f"damaged: {line}" for line in self.integrity]
        if self.newer:
            lines.append(f"written by a newer version of ampsdiary ({', '.join(self.newer)})")
        lines += [f"{found}: a value this version would never write" for found in self.values]
        return lines


def check(path: Path) -> Checkup:
    """Check the diary at `path` (see the module)."""
    if not path.is_file():
        raise DiaryError("diary", str(path), NO_DIARY)
    found = copies.facts(path)
    if not found.problem and found.application_id not in (0, APPLICATION_ID):
        raise DiaryError("diary", str(path), "is not an ampsdiary diary")
    names = known()
    result = Checkup(
        diary=None if found.problem else held(path, found),
        integrity=found.damage,
        applied=found.applied,
        pending=[m for m in names if m not in found.applied],
        newer=[m for m in found.applied if m not in names],
        unreadable=found.problem,
    )
    if not (found.problem or found.damage or result.newer):
        try:
            with contextlib.closing(copies.connect(path)) as conn:
                result.values = _values(conn)
        except sqlite3.Error as error:  # a table gone: the reads would fail the same way
            result.unreadable = str(error)
    return result


def _values(conn: sqlite3.Connection) -> list[Found]:
    """Every stored value the reads would leave out, row by row, then the settings."""
    found = []
    for table, kind in KINDS.items():
        for stored in copies.rows(conn, table):
            row = {name: decode_value(name, value) for name, value in stored.items()}
            key = str(row["date"] if kind == "day" else row["id"])
            if not is_date(row["date"]):
                found.append(Found(kind, key, None, "date", row["date"]))
                continue
            checked = Checked()
            checked.row(row, kind, private=True)
            found += [Found(kind, key, p.date, p.field, p.value) for p in checked.problems]
    for stored in copies.rows(conn, "settings"):
        if stored["key"] in SETTINGS:
            try:
                check_value(stored["key"], str(stored["value"]))
            except DiaryError:
                found.append(Found("setting", stored["key"], None, stored["key"], stored["value"]))
    return found
