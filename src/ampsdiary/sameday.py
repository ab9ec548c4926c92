"""A second entry on one day is not a correction: say what the day now shows.

`log --pain 4` then `log --pain 8` keeps two entries, and the day's pain becomes their
mean (6). Someone who meant to correct the first needs to hear that, for every measure an
entry holds, with how the day combines it (the mean, the highest, every word given).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .daily import WORD_FIELDS
from .vocabulary import ENTRY_FIELDS

if TYPE_CHECKING:
    from .diary import Diary

# How a day's value comes from its entries' values (daily.py computes them; a test holds
# each of these words to what it really does).
COMBINED = {
    "pain": "the mean",
    "allodynia": "the mean",
    "worst": "the highest",
    "swelling": "the most severe",
    **dict.fromkeys(WORD_FIELDS, "the words"),
}
# Neither a measure nor combined: how the pain was scored, and the entry's own note.
NOT_MEASURES = ("pain_scale", "note")
MEASURES = tuple(f.name for f in ENTRY_FIELDS if f.name not in NOT_MEASURES)


@dataclass(frozen=True)
class Repeat:
    """One measure given again on a day: each entry's value, and what the day shows now
    (None for a measure a day does not combine, such as the pattern: each entry keeps its own)."""

    field: str
    values: tuple[tuple[int, Any], ...]  # (entry id, value), in the day's order
    day: Any
    how: str | None

    @property
    def earlier(self) -> tuple[int, Any]:
        """The entry that had the value before this one: the one to correct instead."""
        return self.values[-2]


def repeats(diary: Diary, entry_id: int) -> list[Repeat]:
    """Each measure of entry `entry_id` that another entry of its day holds too."""
    entry = diary.entry(entry_id)
    if entry is None:
        return []
    date = dt.date.fromisoformat(entry["date"])
    entries = [e for e in diary.entries(date, date) if e["id"] != entry_id] + [entry]
    day = diary.days(date, date)[0]
    found = []
    for name in MEASURES:
        values = tuple((e["id"], e[name]) for e in entries if e[name] is not None)
        if entry[name] is not None and len(values) > 1:
            how = COMBINED.get(name)
            found.append(Repeat(name, values, getattr(day, name) if how else None, how))
    return found
