"""The exported tables' rows, read through the library (so private notes stay out unless
asked for) and written as text the way every CSV reader takes it.

Missing is an empty cell, never 0; lists are joined with ';'; dates are ISO; numbers use a
dot. A text cell that a spreadsheet would run as a formula (it starts with =, +, -, @, a
tab, CR or NUL) gets a leading apostrophe, as OWASP advises, and so does one that already
starts with an apostrophe, so that `import` can take exactly one off and give back the text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..analysis.measures import rounded
from ..vocabulary import column
from .columns import DAILY, ENTRIES, LIST_SEPARATOR, PRIVATE, SESSIONS, Column

if TYPE_CHECKING:
    from ..diary import Diary

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")
QUOTE = "'"


def neutralised(text: str) -> str:
    """Text a spreadsheet shows as text and never runs."""
    return QUOTE + text if text.startswith((*FORMULA_STARTS, QUOTE)) else text


def restored(text: str) -> str:
    """`neutralised` undone: exactly the text that was exported."""
    if text.startswith(QUOTE) and text[1:].startswith((*FORMULA_STARTS, QUOTE)):
        return text[1:]
    return text


def cell(value: Any, col: Column) -> str:
    """One value as CSV text."""
    if value is None or value == []:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        number = rounded(value, 2)
        return f"{number:g}" if col.type == "number" else str(int(number))
    if isinstance(value, list):
        return neutralised(LIST_SEPARATOR.join(map(str, value)))
    if isinstance(value, str) and col.type == "string":
        return neutralised(value)
    return str(value)


def columns(table: str, private: bool = False) -> tuple[Column, ...]:
    chosen = {"daily": DAILY, "entries": ENTRIES, "sessions": SESSIONS}[table]
    return (*chosen, PRIVATE) if private and table == "daily" else chosen


def daily(diary: Diary, start: dt.date, end: dt.date, private: bool = False) -> Iterator[list]:
    """One row per logged day from start to end: the day's values, as `show` has them."""
    patient = diary.setting("patient-id") or ""
    for first in range(start.year, end.year + 1):  # a year at a time: memory stays flat
        a, b = max(start, dt.date(first, 1, 1)), min(end, dt.date(first, 12, 31))
        yield from _daily(diary, a, b, patient, private)


def _daily(
    diary: Diary, start: dt.date, end: dt.date, patient: str, private: bool
) -> Iterator[list]:
    notes = {}
    if private:
        notes = {r["date"]: r.get("private_note") for r in diary.day_facts(start, end, True)}
    for d in diary.days(start, end):
        if not d.logged:
            continue
        values = {
            "patient_id": patient, "date": d.date.isoformat(), "pain": d.pain,
            "pain_worst": d.worst, "allodynia": d.allodynia, "swelling": d.swelling,
            "function": d.function, "school": d.school, "sport": d.sport, "social": d.social,
            "sleep_hours": d.sleep, "mood": d.mood, "exercise_minutes": d.exercise_minutes,
            "exercise_kinds": list(d.exercise), "entries": d.entries, "note": d.day_note,
            "private_note": notes.get(d.date.isoformat()),
        }  # fmt: skip
        for name in ("locations", "quality", "skin_color", "skin_temp", "skin_signs",
                     "movement", "symptoms", "triggers"):  # fmt: skip
            values[column(name)] = getattr(d, name)
        yield [values.get(c.name) for c in columns("daily", private)]


def _stored(rows: list[dict], table: str, patient: str) -> Iterator[list]:
    for row in rows:
        values = {column(k): v for k, v in row.items()} | {"patient_id": patient}
        values["id"], values["uid"] = row["id"], row["uid"]
        yield [values.get(c.name) for c in columns(table)]


def entries(diary: Diary, start: dt.date, end: dt.date, private: bool = False) -> Iterator[list]:
    """One row per symptom entry, as stored, with its lasting id (entries hold no private
    note, so `private` changes nothing)."""
    return _stored(diary.entries(start, end), "entries", diary.setting("patient-id") or "")


def sessions(diary: Diary, start: dt.date, end: dt.date, private: bool = False) -> Iterator[list]:
    """One row per exercise or therapy session, as stored, with its lasting id."""
    return _stored(diary.sessions(start, end), "sessions", diary.setting("patient-id") or "")


ROWS = {"daily": daily, "entries": entries, "sessions": sessions}
