"""The diary as a Python library: open it, log, edit, delete, read days and analyse them.

The CLI, the guided check-in, the demo and the coming importers, exporters and reviews are
all clients of this one class, the way sqlite-utils' CLI is a client of its `Database`:

    from ampsdiary import open_diary
    with open_diary("diary.db", create=True) as diary:
        diary.log(date, entry={"pain": "4"}, day={"function": 6})
        days = diary.days(start, end)

Values may be typed (`4`, `["left-foot"]`) or text as a person typed it (`"4"`,
`"left-foot, l-ankle"`); both are checked against the vocabulary, and a bad one raises a
`DiaryError` naming the field. Private notes come back only from reads that ask for them
(`private=True`), so no exporter, report or review can leak one by forgetting to mask it.
Values in the file that this version would never write are left out of every read and
listed in `problems`, never averaged in.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import inspect
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import checked, daily, sameday, spans
from . import undo as undoing
from .checked import (
    FIELDS_OF,
    REQUIRED,
    Log,
    check_day_minutes,
    check_log,
    check_row,
    check_target,
    only,
)
from .errors import DiaryError
from .private import masked
from .settings import check_key, check_value
from .store import Store, file_error, open_store
from .stored import Checked, is_date
from .validate import check_together, parse

if TYPE_CHECKING:
    from .analysis.recovery import Recovery
    from .analysis.summary import WeekSummary
    from .analysis.trends import Trends

Row = dict[str, Any]
DAMAGED_DATE = (
    "names a {kind} whose date is damaged; `ampsdiary check` says what to do (nothing was changed)"
)


@dataclass
class Logged:
    """What one log wrote: the entry's id, the sessions' ids and the day facts it changed."""

    log: Log
    entry_id: int | None = None
    session_ids: list[int] = field(default_factory=list)
    edits: list[tuple[str, Any, Any]] = field(default_factory=list)


@dataclass
class Edited:
    """One field of one entry, session or day, before and after (equal: nothing written)."""

    kind: str
    key: int | dt.date
    field: str
    old: Any
    new: Any

    @property
    def changed(self) -> bool:
        return self.old != self.new


def open_diary(path: str | Path, create: bool = False, write: bool = False) -> Diary:
    """Open the diary file at `path`; `create` makes a missing one (a writing command's
    choice), `write` refuses at once a diary that a newer version wrote."""
    return Diary(open_store(Path(path), create=create, write=write))


def _about_the_file(method: Callable[..., Any]) -> Callable[..., Any]:
    """A SQLite failure a family can fix (busy, damaged...) as a DiaryError naming this file."""

    @functools.wraps(method)
    def wrapper(self: Diary, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as error:
            raise file_error(self.path, error) from None

    return wrapper


class Diary:
    """One diary file. Every write is one transaction; every read leaves private notes out
    unless asked for them."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.checked = Checked()
        self.problems = self.checked.problems

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def backup_before_update(self) -> Path | None:
        """Where opening put a copy of the diary before bringing its format up to date."""
        return self.store.backup

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Diary:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Diary]:
        """Group several writes (a demo, an import): all of them, or none."""
        try:
            with self.store.transaction():
                yield self
        except sqlite3.Error as error:
            raise file_error(self.path, error) from None

    # -- writes ---------------------------------------------------------------

    def log(self, date: dt.date, **values: Any) -> Logged:
        """Log a symptom entry, day facts and sessions for `date`, all or nothing.

        Takes `check_log`'s keywords (time, entry, day, sessions, source); a replaced day
        fact is kept in the history.
        """
        return self.save(check_log(date, **values))

    def save(self, log: Log) -> Logged:
        """Write a checked log as one transaction."""
        result = Logged(log)
        with self.store.transaction():
            minutes = [s["minutes"] for s in log.sessions]
            check_day_minutes(log.date, self.day_minutes(log.date), minutes)
            if log.entry:
                result.entry_id = self.store.add_entry(log.date, log.time, log.entry, log.source)
            result.session_ids = [
                self.store.add_session(log.date, s, log.source) for s in log.sessions
            ]
            if log.day:
                result.edits = self.store.set_day(log.date, log.day, log.source)
        return result

    def add_all(
        self, entries: list[Row], days: list[Row], sessions: list[Row], source: str = "library"
    ) -> None:
        """Add many rows at once (a demo, an import), each checked, in one transaction.

        Rows carry their `date` (ISO text) and, for entries, `time`; a day already in the
        diary is refused rather than overwritten.
        """
        session_rows = [check_row(r, "session") for r in sessions]
        with self.store.transaction():
            checked.check_bulk_minutes(session_rows, self.sessions)
            self.store.add_all(
                [check_row(r, "entry") for r in entries],
                [check_row(r, "day") for r in days],
                session_rows,
                source,
            )

    def edit(self, kind: str, key: int | dt.date, name: str, raw: object,
             source: str = "library") -> Edited:  # fmt: skip
        """Set one field of an entry or session (by id) or of a day (by date); None clears it.

        The old value is kept in the history; an edit that changes nothing writes nothing.
        A day's facts can be set on any day (as `log` would); an id must exist.
        """
        check_target(kind, key)
        if name not in {f.name for f in FIELDS_OF[kind]}:
            only(kind, {name: None})
        if raw is None and name in REQUIRED:
            raise DiaryError(name, "-", "cannot be cleared; give a new value")
        new = parse(name, raw)
        with self.store.transaction():
            if kind == "day":
                assert isinstance(key, dt.date)
                row = self.store.day(key) or {}
            else:
                row = self.store.row(kind, int(key))
                if row is None:
                    raise DiaryError("id", str(key), "is not an id in this diary")
                if not is_date(row["date"]):  # hand-edited: its day cannot be known
                    raise DiaryError("id", str(key), DAMAGED_DATE.format(kind=kind))
            check_together({**row, name: new}, name)
            if kind == "session" and name == "minutes":
                date = dt.date.fromisoformat(row["date"])
                check_day_minutes(date, self.day_minutes(date, but=int(key)), [new])
            result = Edited(kind, key, name, row.get(name), new)
            if result.changed and kind == "day":
                self.store.set_day(key, {name: new}, source)  # type: ignore[arg-type]
            elif result.changed:
                self.store.update(kind, int(key), {name: new}, source)
        return result

    def delete_day(self, date: dt.date, source: str = "library") -> dict[str, int]:
        """Delete everything logged on a date: {'entry': n, 'session': n, 'day': n}."""
        return self.store.delete_day(date, source)

    def delete(self, kind: str, row_id: int, source: str = "library") -> Row | None:
        """Delete one entry or session by id; None when there is no such row."""
        row = self.store.delete(kind, row_id, source)
        return None if row is None else self.checked.row(row, kind)

    def undo(self, change_ids: list[int], source: str = "undo") -> list[undoing.Undone]:
        """Undo changes of the history, all or none; each undo is a change of its own,
        recorded as `{source} #{change id}`. See undo.py."""
        with self.store.transaction():
            return [undoing.undo(self, change_id, source) for change_id in change_ids]

    @property
    def last_changes(self) -> list[int]:
        """The history ids of the last write (`undo` takes them), bulk loads apart."""
        return list(self.store.recorded)

    def set_setting(self, key: str, value: str, source: str = "library") -> str | None:
        """Check and store a setting; returns the old value (kept in the history)."""
        key = check_key(key)
        return self.store.set_setting(key, check_value(key, value), source)

    # -- reads ----------------------------------------------------------------

    def entry(self, entry_id: int) -> Row | None:
        row = self.store.row("entry", entry_id)
        return None if row is None else self.checked.row(row, "entry")

    def session(self, session_id: int) -> Row | None:
        row = self.store.row("session", session_id)
        return None if row is None else self.checked.row(row, "session")

    def day(self, date: dt.date, private: bool = False) -> Row | None:
        """A day's facts; without `private`, `has_private_note` says only whether one exists."""
        row = self.store.day(date)
        return None if row is None else self.checked.row(row, "day", private)

    def entries(self, start: dt.date, end: dt.date) -> list[Row]:
        return self.checked.rows(*self.store.between("entry", start, end), "entry")

    def day_facts(self, start: dt.date, end: dt.date, private: bool = False) -> list[Row]:
        return self.checked.rows(*self.store.between("day", start, end), "day", private)

    def sessions(self, start: dt.date, end: dt.date) -> list[Row]:
        return self.checked.rows(*self.store.between("session", start, end), "session")

    def days(self, start: dt.date, end: dt.date) -> list[daily.Day]:
        """One value per measure per calendar day from start to end (None: not logged)."""
        read = {
            kind: self.checked.rows(*self.store.between(kind, start, end, columns), kind)
            for kind, columns in daily.COLUMNS.items()
        }
        return daily.daily_values(start, end, read["entry"], read["day"], read["session"])

    def repeats(self, entry_id: int) -> list[sameday.Repeat]:
        """The measures of an entry that another entry of its day holds too; see sameday."""
        return sameday.repeats(self, entry_id)

    def logged_dates(self) -> list[dt.date]:
        """Every date with anything logged, oldest first."""
        dates = []
        for text in self.store.logged_dates():
            if is_date(text):
                dates.append(dt.date.fromisoformat(text))
            else:
                self.checked.note(text, "date", text)
        return dates

    def is_empty(self) -> bool:
        return not self.store.logged_dates()

    def history(
        self, date: dt.date | None = None, private: bool = False, added: bool = True
    ) -> list[Row]:
        """Every addition, change and deletion (with where it came from), oldest first;
        without `added`, not the additions of what was first logged."""
        changes = [c for c in self.store.history(date, added) if self.checked.change(c)]
        return changes if private else [masked(c) for c in changes]

    def setting(self, key: str) -> str | None:
        return self.store.setting(key)

    def settings(self) -> dict[str, str]:
        return self.store.settings()

    def day_minutes(self, date: dt.date, but: int | None = None) -> int:
        """The minutes of a day's sessions together (all `but` one session, being edited)."""
        return sum(s["minutes"] for s in self.sessions(date, date) if s["id"] != but)

    def exercise_goal(self) -> int | None:
        """The daily exercise goal in minutes, or None when not set (or unreadable)."""
        value = self.setting("exercise-goal")
        return int(value) if value and value.isascii() and value.isdigit() else None

    def treatment_start(self) -> dt.date | None:
        """The date treatment started (it sets the baseline week), or None."""
        value = self.setting("treatment-start")
        return dt.date.fromisoformat(value) if value and is_date(value) else None

    # -- analyses -------------------------------------------------------------

    def week(self, monday: dt.date, empty_ok: bool = True, asked: str | None = None) -> tuple:
        """(this week's days, the week before's, Monday, the last day); see spans.week."""
        return spans.week(self, monday, empty_ok, asked)

    def span(self, start: dt.date | None, end: dt.date | None, command: str) -> list:
        """The logged stretch from start to end; see spans.span."""
        return spans.span(self, start, end, command)

    def whole(self, end: dt.date | None = None, shown: list | None = None) -> list:
        """Every day from the first logged to `end`."""
        return spans.whole(self, end, shown)

    def recovery(self, end: dt.date | None = None, shown: list | None = None,
                 **options: Any) -> Recovery:  # fmt: skip
        """Did function improve before pain? The whole diary's analysis up to `end`."""
        return spans.recovery(self, end, shown, **options)

    def summary(self, monday: dt.date) -> WeekSummary:
        """The week from `monday` next to the week before."""
        return spans.summary(self, monday)

    def trends(self, start: dt.date | None, end: dt.date | None, by: str = "week") -> Trends:
        """Week-by-week (or month-by-month) means against the baseline."""
        return spans.trends(self, start, end, by)

    def untouched_demo(self) -> bool:
        """A demo nobody has written into since it was made (so `demo` may make it again)."""
        changes = self.store.history()
        if any(c["source"] != "demo" for c in changes):
            return False
        return bool(changes) or self.setting("demo") is not None  # "demo": an m001 demo


for _name, _method in list(vars(Diary).items()):
    if not _name.startswith("_") and _name != "transaction" and inspect.isfunction(_method):
        setattr(Diary, _name, _about_the_file(_method))
