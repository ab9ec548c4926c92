"""Undo a change of the history: put a deleted row back, set a changed value back, take an
addition out.

The history keeps every deleted row whole and every old value, so any change can be
undone. An undo is itself a change, recorded with its own source (`undo #41`), so it
shows in the history and can be undone in turn: nothing is ever lost either way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .checked import FIELDS_OF, check_day_minutes
from .errors import DiaryError
from .validate import check_together
from .vocabulary import FIELDS

if TYPE_CHECKING:
    from .diary import Diary

Row = dict[str, Any]
HISTORY = "see `ampsdiary history` for the change ids"
ACTIONS = ("add", "edit", "delete")  # an 'import' record says what came in: not a change
KINDS = ("entry", "session", "day", "setting")


@dataclass(frozen=True)
class Undone:
    """One change undone: `what` happened (put back, set back, taken out) to which row."""

    change: Row  # the change that was undone, as `history` gives it
    what: str  # "put back", "set back" or "taken out"
    kind: str
    key: str  # the row's id (a new one when its own was taken) or date, or a setting's key
    field: str | None
    before: Any  # the value just before the undo (a whole row for a row taken out)
    after: Any  # the value now (a whole row for a row put back)


def undo(diary: Diary, change_id: int, source: str) -> Undone:
    """Undo one change; `source` names this undo in the history."""
    change = diary.store.change(change_id)
    if change is None:
        raise DiaryError("change", str(change_id), f"is not a change in this diary; {HISTORY}")
    said_values = (change["old_value"], change["new_value"])
    if diary.checked.change(change) is None or (
        change["field"] and (change["old_value"], change["new_value"]) != said_values
    ):  # a value to set back that this version would never write is no value to set back
        why = "is damaged (a value this version would never write): it cannot be undone; "
        raise DiaryError("change", str(change_id), why + "`ampsdiary check` says what to do")
    if change["action"] not in ACTIONS or change["kind"] not in KINDS:
        why = f"cannot be undone: it records an {change['action']}, not a change of a value"
        raise _gone(change, why)
    said = f"{source} #{change_id}"
    if change["kind"] == "setting":
        return _setting(diary, change, said)
    if change["field"] is None and change["action"] == "delete":
        return _put_back(diary, change, said)
    if change["field"] is None:
        return _take_out(diary, change, said)
    return _set_back(diary, change, said)


def _gone(change: Row, why: str) -> DiaryError:
    return DiaryError("change", str(change["id"]), why)


def _row(diary: Diary, change: Row) -> Row | None:
    """The entry, session or day's facts the change was made to, if it is still there (the
    same row: an older version could give its id to another, a day can be logged anew)."""
    if change["kind"] == "day":
        row = diary.store.day(dt.date.fromisoformat(change["key"]))
    else:
        row = diary.store.row(change["kind"], int(change["key"]))
    if row is None or (change["uid"] and row["uid"] != change["uid"]):
        return None
    return row


def _put_back(diary: Diary, change: Row, said: str) -> Undone:
    kind, key, store = change["kind"], change["key"], diary.store
    names = {f.name for f in FIELDS_OF[kind]} | {"time"}
    values = {k: v for k, v in (change["old_value"] or {}).items() if k in names}
    date = dt.date.fromisoformat(change["date"])
    if kind == "day" and (facts := store.day(date)) is not None:
        back = {k: v for k, v in values.items() if facts.get(k) != v}
        if not back:
            raise _gone(change, f"changes nothing: {change['date']} holds those values already")
        store.set_day(date, back, said)  # logged again since: the newer values are kept
        return Undone(change, "put back", kind, key, None, facts, {**facts, **back})
    if kind != "day" and _row(diary, change):
        raise _gone(change, f"changes nothing: {kind} #{key} is in the diary already")
    if kind == "session":
        check_day_minutes(date, diary.day_minutes(date), [values["minutes"]])
    recorded = store.first_recorded(kind, key, change["uid"]) or change["changed_at"]
    row = {**values, "date": change["date"], "recorded_at": recorded}
    new_key = store.restore(kind, key, change["uid"], row, said)
    return Undone(change, "put back", kind, new_key, None, None, values)


def _take_out(diary: Diary, change: Row, said: str) -> Undone:
    kind, key = change["kind"], change["key"]
    where = dt.date.fromisoformat(key) if kind == "day" else int(key)
    row = diary.store.delete(kind, where, said) if _row(diary, change) else None
    if row is None:
        raise _gone(change, f"changes nothing: {kind} {_named(kind, key)} is not in the diary")
    return Undone(change, "taken out", kind, key, None, row, None)


def _set_back(diary: Diary, change: Row, said: str) -> Undone:
    kind, key, name, store = change["kind"], change["key"], change["field"], diary.store
    old, row = change["old_value"], _row(diary, change)
    if row is None:
        raise _gone(change, f"cannot be undone: {kind} {_named(kind, key)} was deleted since; "
                    "undo that first")  # fmt: skip
    now = row[name]
    if now == old:
        label = FIELDS[name].label.lower()
        raise _gone(
            change, f"changes nothing: {label} of {kind} {_named(kind, key)} is that already"
        )
    if kind == "entry":
        check_together({**row, name: old}, name)
    if kind == "day":
        store.set_day(dt.date.fromisoformat(key), {name: old}, said)
    else:
        if name == "minutes":
            date = dt.date.fromisoformat(row["date"])
            check_day_minutes(date, diary.day_minutes(date, but=int(key)), [old])
        store.update(kind, int(key), {name: old}, said)
    return Undone(change, "set back", kind, key, name, now, old)


def _setting(diary: Diary, change: Row, said: str) -> Undone:
    key, old = change["key"], change["old_value"]
    if old is None:
        raise _gone(change, "cannot be undone: a setting cannot be cleared; use `config set`")
    now = diary.store.setting(key)
    if now == old:
        raise _gone(change, f"changes nothing: {key} is {old} already")
    diary.store.set_setting(key, old, said)
    return Undone(change, "set back", "setting", key, key, now, old)


def _named(kind: str, key: str) -> str:
    return key if kind == "day" else f"#{key}"
