"""What an import would change: rows compared with the diary by their lasting ids.

A row already here with the same values is skipped, so importing a file twice adds
nothing; two copies of one diary merge, each row once. The same row or day with another
value is a conflict: listed, and settled only when asked (`skip` keeps ours, `replace`
takes theirs and keeps ours in the history).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import DiaryError
from ..private import PRIVATE
from ..store.database import new_uid, utc_now
from ..store.imports import Writes, history_key, known_history, uids, write
from .reading import Incoming

if TYPE_CHECKING:
    from ..diary import Diary

Row = dict[str, Any]
BOOKKEEPING = ("id", "uid", "date", "time", "recorded_at", "changed_at")
SETTLE = ("skip", "replace")


@dataclass(frozen=True)
class Conflict:
    """The same row or day, another value."""

    what: str  # "entry 2026-11-14 08:00", "day 2026-11-14", "setting name"
    field: str
    ours: Any
    theirs: Any

    def __str__(self) -> str:
        """Both values, but never a private note's words: the list goes to the screen."""
        ours, theirs = (
            PRIVATE if self.field == "private_note" and value else _as_written(value)
            for value in (self.ours, self.theirs)
        )
        return f"{self.what} {self.field}: here {ours!r}, in the file {theirs!r}"


def _as_written(value: Any) -> Any:
    """A whole number as the file and the diary write it (a day's mean of 7, not 7.0)."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


@dataclass
class Plan:
    """The writes of one import, with counts for the user and the conflicts it found."""

    writes: Writes = field(default_factory=Writes)
    added: Counter = field(default_factory=Counter)
    same: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    replaced: int = 0

    @property
    def empty(self) -> bool:
        writes = self.writes
        return not (writes.entries or writes.sessions or writes.days or writes.day_values
                    or writes.replaced or writes.settings or writes.history)  # fmt: skip


def plan(diary: Diary, incoming: Incoming, on_conflict: str | None = None) -> Plan:
    """Compare what a file holds with the diary; nothing is written here."""
    if on_conflict is not None and on_conflict not in SETTLE:
        raise DiaryError("on_conflict", on_conflict, "is not allowed; use skip or replace")
    ours = diary.setting("patient-id")
    for theirs in (incoming.patient, incoming.settings.get("patient-id")):
        if ours and theirs and theirs != ours:
            raise DiaryError("patient_id", theirs, f"is not this diary's patient ({ours})")
    result = Plan()
    now = utc_now()
    for kind, rows, target in (("entry", incoming.entries, result.writes.entries),
                               ("session", incoming.sessions, result.writes.sessions)):  # fmt: skip
        _rows(diary, kind, rows, target, result, on_conflict, now, incoming.day_values)
    _days(diary, incoming, result, on_conflict, now)
    settings = dict(incoming.settings)
    if incoming.patient and not ours:
        settings.setdefault("patient-id", incoming.patient)
    _settings(diary, settings, result, on_conflict)
    seen = known_history(diary.store)
    result.writes.history = [c for c in incoming.history if history_key(c) not in seen]
    result.added["history records"] = len(result.writes.history)
    counts = {k: len(v) for k, v in (("entries", result.writes.entries),
                                     ("sessions", result.writes.sessions))}  # fmt: skip
    result.writes.summary = {"file": incoming.source, **counts, "days": result.added["days"]}
    return result


def _differences(what: str, here: Row, there: Row, result: Plan) -> Row:
    """Fields the file gives another value for; a field missing on either side is no conflict."""
    found = {}
    for name, value in there.items():
        if name in BOOKKEEPING or value is None:
            continue
        if here.get(name) is not None and here.get(name) != value:
            result.conflicts.append(Conflict(what, name, here.get(name), value))
            found[name] = value
    return found


def _settled(result: Plan, found: Row, on_conflict: str | None) -> Row:
    if not found or on_conflict != "replace":
        return {}
    result.replaced += len(found)
    return found


def _rows(diary: Diary, kind: str, rows: list[Row], target: list[Row], result: Plan,
          on_conflict: str | None, now: str, day_values: set[str]) -> None:  # fmt: skip
    here = uids(diary.store, kind)
    plural = "entries" if kind == "entry" else "sessions"
    for row in rows:
        known = here.get(row.get("uid", ""))
        if known is None and row.get("uid") in day_values and _day_says(diary, row, result):
            continue
        if known is None:
            full = {"recorded_at": now, **row}
            target.append({**full, "changed_at": full.get("changed_at", full["recorded_at"])})
            result.added[plural] += 1
            continue
        what = f"{kind} {row['date']}" + (f" {row['time']}" if row.get("time") else "")
        if known["date"] != row["date"]:  # one row, two days: never moved without a word
            result.conflicts.append(Conflict(what, "date", known["date"], row["date"]))
        found = _differences(what, known, row, result)
        if not found:
            result.same += 1
        elif values := _settled(result, found, on_conflict):
            result.writes.replaced.append((kind, row["uid"], values))


# A daily table's entry field -> the Day's value it was made of.
DAY_OF = {"pain": "pain", "worst": "worst", "allodynia": "allodynia", "swelling": "swelling",
          "locations": "locations", "quality": "quality", "skin_signs": "skin_signs",
          "movement": "movement", "symptoms": "symptoms", "triggers": "triggers"}  # fmt: skip


def _day_says(diary: Diary, row: Row, result: Plan) -> bool:
    """A daily table's row for a day that has entries here already: it is that day's
    values (a mean, a worst), not another entry. True when it was dealt with: the same
    values (skipped), or others (a conflict; a day's mean never replaces its entries)."""
    date = dt.date.fromisoformat(row["date"])
    if not diary.entries(date, date):
        return False
    day = diary.days(date, date)[0]
    for name, value in row.items():
        shown = getattr(day, DAY_OF[name]) if name in DAY_OF else None
        if name in DAY_OF and value is not None and value != shown:
            said = shown if not isinstance(shown, float) else round(shown, 2)
            result.conflicts.append(Conflict(f"day {row['date']}", name, said, value))
    result.same += 1
    return True


def _days(diary: Diary, incoming: Incoming, result: Plan, on_conflict: str | None,
          now: str) -> None:  # fmt: skip
    for date, row in incoming.days.items():
        here = diary.store.day(dt.date.fromisoformat(date))
        values = {k: v for k, v in row.items() if k not in BOOKKEEPING and v is not None}
        if here is None:
            if values:
                full = {"recorded_at": now, "changed_at": now, **row, "date": date}
                result.writes.days.append(full if full.get("uid") else {**full, "uid": new_uid()})
                result.added["days"] += 1
            continue
        found = _differences(f"day {date}", here, values, result)
        new = {k: v for k, v in values.items() if here.get(k) is None}
        change = new | _settled(result, found, on_conflict)
        if change:
            result.writes.day_values.append((date, change))
            result.added["day values"] += len(new)
        elif not found:
            result.same += 1


def _settings(diary: Diary, settings: dict[str, str], result: Plan,
              on_conflict: str | None) -> None:  # fmt: skip
    here = diary.settings()
    for key, value in settings.items():
        if key not in here:
            result.writes.settings[key] = value
            result.added["settings"] += 1
        elif here[key] != value:
            found = _differences(f"setting {key}", {key: here[key]}, {key: value}, result)
            if _settled(result, found, on_conflict):
                result.writes.settings[key] = value


def apply(diary: Diary, result: Plan, source: str) -> None:
    """Write a plan whose conflicts are settled, as one transaction."""
    with diary.transaction():
        write(diary.store, result.writes, source)
