"""A log and rows checked against the vocabulary before anything is written.

`check_log` needs no diary, so a command can refuse bad input before it opens (or
creates) a diary file; `Diary.save` then writes the checked `Log` as one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .dates import check_day, day_label, parse_time, today
from .errors import DiaryError
from .validate import parse_all, required
from .vocabulary import DAY_FIELDS, DAY_MINUTES, ENTRY_FIELDS, SESSION_FIELDS

Row = dict[str, Any]
FIELDS_OF = {"entry": ENTRY_FIELDS, "session": SESSION_FIELDS, "day": DAY_FIELDS}
REQUIRED = ("kind", "minutes")  # a session without them is no session


@dataclass
class Log:
    """One log, checked and ready to write: what `check_log` returns and `Diary.save` takes."""

    date: dt.date
    time: str | None = None
    entry: Row = field(default_factory=dict)
    day: Row = field(default_factory=dict)
    sessions: list[Row] = field(default_factory=list)
    source: str = "library"

    @property
    def empty(self) -> bool:
        return not (self.entry or self.day or self.sessions)


def check_log(
    date: dt.date,
    *,
    time: str | None = None,
    entry: Row | None = None,
    day: Row | None = None,
    sessions: list[Row] | tuple[Row, ...] = (),
    source: str = "library",
) -> Log:
    """Check a log without a diary: every value against the vocabulary, the time against
    the clock. Blank values are left out (not logged), never stored as 0."""
    date = check_day(date)
    for name, given, kind in (("entry", entry, dict), ("day", day, dict),
                              ("sessions", sessions, list | tuple)):  # fmt: skip
        if given is not None and not isinstance(given, kind):
            what = "a list of sessions" if name == "sessions" else "a dict of field: value"
            raise DiaryError(name, type(given).__name__, f"is not allowed; give {what}")
    if not isinstance(source, str) or not source.strip():
        raise DiaryError("source", source, "is not allowed; say where the values come from")
    checked = parse_all(only("entry", entry or {}))
    return Log(
        date,
        _entry_time(time, date, bool(checked)),
        checked,
        parse_all(only("day", day or {})),
        [_session(only("session", s)) for s in sessions],
        source,
    )


def _entry_time(raw: str | None, date: dt.date, has_entry: bool) -> str | None:
    """HH:MM the entry describes: as given (not later than now), else now for today."""
    now = dt.datetime.now().strftime("%H:%M")
    if raw is None:
        return now if date == today() and has_entry else None
    if not has_entry:
        raise DiaryError(
            "time", raw, "goes with a symptom entry ({pain}, {locations}...); day facts "
            "have no time"
        )  # fmt: skip
    if not isinstance(raw, str):
        raise DiaryError("time", raw, "is not a time; use HH:MM text, e.g. '08:30'")
    at = parse_time(raw)
    if date == today() and at > now:
        raise DiaryError("time", raw, f"is later than now ({now}); use a time up to {now}")
    return at


def _session(values: Row) -> Row:
    checked = {name: required(name, values.get(name)) for name in REQUIRED}
    rest = {k: v for k, v in values.items() if k not in REQUIRED}
    return checked | parse_all(rest)


def only(level: str, values: Row) -> Row:
    """Refuse a field that is not recorded at this level (a typo, or `function` as an entry)."""
    names = {f.name for f in FIELDS_OF[level]}
    for name in values:
        if name not in names:
            article = "an" if level[0] in "aeiou" else "a"
            listed = ", ".join(sorted(names))
            raise DiaryError(
                name, None, f"is not a field of {article} {level}; use one of: {listed}"
            )
    return values


def check_row(row: Row, level: str) -> Row:
    """One row of a bulk load: its `date` (and an entry's `time`) kept, its values checked."""
    keep = {k: row[k] for k in ("date", "time") if k in row}
    values = {k: v for k, v in row.items() if k not in ("date", "time")}
    return keep | (_session(values) if level == "session" else parse_all(only(level, values)))


def check_day_minutes(date: dt.date, logged: int, adding: list[int]) -> None:
    """One day's sessions together stay within the day's limit: `logged` minutes are there
    already, `adding` would join them."""
    total = logged + sum(adding)
    if adding and total > DAY_MINUTES.most:
        raise DiaryError(
            "minutes", str(sum(adding)),
            f"would make {total} minutes on {day_label(date)}; {DAY_MINUTES.describe()}",
        )  # fmt: skip


def minutes_by_date(sessions: list[Row]) -> dict[dt.date, list[int]]:
    """The minutes of bulk-loaded sessions, by day (a date that is no date is the store's
    to refuse)."""
    found: dict[dt.date, list[int]] = {}
    for row in sessions:
        try:
            date = dt.date.fromisoformat(str(row["date"]))
        except ValueError:
            continue
        found.setdefault(date, []).append(row["minutes"])
    return found


def check_bulk_minutes(adding: list[Row], logged: Callable[[dt.date, dt.date], list[Row]]) -> None:
    """Bulk-loaded sessions keep each day within its limit, with the sessions `logged`
    (start, end) gives for their days: one read for the whole load."""
    by_date = minutes_by_date(adding)
    if not by_date:
        return
    there = minutes_by_date(logged(min(by_date), max(by_date)))
    for date, minutes in by_date.items():
        check_day_minutes(date, sum(there.get(date, [])), minutes)


def check_target(kind: str, key: object) -> None:
    """An edit names an entry or session by its id, a day by its date."""
    if kind not in FIELDS_OF:
        raise DiaryError("kind", kind, "is not allowed; use entry, session or day")
    if kind == "day":
        check_day(key)
    elif isinstance(key, bool) or not isinstance(key, int):
        raise DiaryError("id", key, f"is not an id; a {kind} is named by its number")
