"""One value per day per measure: the shape every table, summary and plot works on.

Pain is the exact mean of the day's entries (rounded only where shown, so an onset never
moves a day by rounding), worst the highest worst-or-pain, allodynia the mean, swelling the
worst level, skin signs present or not, exercise minutes summed by kind. A day with nothing
logged has every value None: missing is never zero.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

from .analysis.measures import mean, rounded
from .dates import date_range
from .vocabulary import NORMAL, SHARED_DAY_FACTS, SWELLING

# The entry fields whose day value is the words of all its entries (not a mean or a worst).
WORD_FIELDS = (
    "locations", "quality", "skin_color", "skin_temp", "skin_signs", "movement", "symptoms",
    "triggers",
)  # fmt: skip

Row = dict[str, Any]
# What the day values are made of: a read of the whole diary fetches these columns only.
COLUMNS = {
    "entry": ("date", "pain", "worst", "allodynia", "swelling", *WORD_FIELDS),
    "day": ("date", *SHARED_DAY_FACTS),
    "session": ("date", "kind", "minutes"),
}


@dataclass
class Day:
    date: dt.date
    entries: int = 0
    pain: float | None = None
    worst: int | None = None
    allodynia: float | None = None
    swelling: str | None = None
    skin_change: bool | None = None
    skin: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    # Every word any entry of the day gave, in order: the day's values of the word fields.
    quality: list[str] = field(default_factory=list)
    skin_color: list[str] = field(default_factory=list)
    skin_temp: list[str] = field(default_factory=list)
    skin_signs: list[str] = field(default_factory=list)
    movement: list[str] = field(default_factory=list)
    symptoms: list[str] = field(default_factory=list)
    triggers: list[str] = field(default_factory=list)
    function: int | None = None
    school: str | None = None
    sport: bool | None = None
    social: bool | None = None
    sleep: float | None = None
    mood: int | None = None
    day_note: str | None = None
    exercise: dict[str, int] = field(default_factory=dict)
    day_record: bool = False  # a day-facts row exists, even one holding only a (private) note

    @property
    def logged(self) -> bool:
        """Anything recorded that day, a note alone included: the store's logged_dates agrees."""
        return bool(self.entries or self.exercise or self.day_record)

    @property
    def exercise_minutes(self) -> int | None:
        return sum(self.exercise.values()) if self.exercise else None

    def as_json(self) -> Row:
        """Plain JSON types, means at two decimals; private notes are not part of a Day at all."""
        data = asdict(self)
        data["date"] = self.date.isoformat()
        data["pain"], data["allodynia"] = (rounded(v, 2) for v in (self.pain, self.allodynia))
        data["exercise_minutes"] = self.exercise_minutes
        return data


def _skin(entries: list[Row]) -> tuple[bool | None, list[str]]:
    """Which skin changes showed that day; None when no entry said anything about skin."""
    seen = [e for e in entries if e["skin_color"] or e["skin_temp"] or e["skin_signs"]]
    if not seen:
        return None, []
    words: dict[str, None] = {}
    for e in seen:
        for word in (e["skin_color"], e["skin_temp"], *(e["skin_signs"] or [])):
            if word and word != NORMAL:
                words[word] = None
    return bool(words), list(words)


def _from_entries(day: Day, entries: list[Row]) -> None:
    day.entries = len(entries)
    day.pain = mean(e["pain"] for e in entries)
    worst = [e["worst"] if e["worst"] is not None else e["pain"] for e in entries]
    day.worst = max((w for w in worst if w is not None), default=None)
    day.allodynia = mean(e["allodynia"] for e in entries)
    swelling = [SWELLING.index(e["swelling"]) for e in entries if e["swelling"]]
    day.swelling = SWELLING[max(swelling)] if swelling else None
    day.skin_change, day.skin = _skin(entries)
    for name in WORD_FIELDS:
        setattr(day, name, _words(entries, name))


def _words(entries: list[Row], name: str) -> list[str]:
    """The distinct words the day's entries gave for a field, first given first."""
    words: dict[str, None] = {}
    for entry in entries:
        if value := entry[name]:
            words.update(dict.fromkeys(value) if isinstance(value, list) else {value: None})
    return list(words)


def daily_values(
    start: dt.date, end: dt.date, entries: list[Row], days: list[Row], sessions: list[Row]
) -> list[Day]:
    """Every calendar day from start to end, with that day's values or None."""
    by_date: dict[str, list[Row]] = defaultdict(list)
    for entry in entries:
        by_date[entry["date"]].append(entry)
    facts = {row["date"]: row for row in days}
    minutes: dict[str, dict[str, int]] = defaultdict(dict)
    for s in sessions:
        minutes[s["date"]][s["kind"]] = minutes[s["date"]].get(s["kind"], 0) + s["minutes"]
    result = []
    for date in date_range(start, end):
        key = date.isoformat()
        day = Day(date, exercise=minutes.get(key, {}))
        if key in by_date:
            _from_entries(day, by_date[key])
        if row := facts.get(key):
            day.day_record = True
            for name in SHARED_DAY_FACTS:
                setattr(day, name, row[name])
        result.append(day)
    return result
