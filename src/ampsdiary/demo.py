"""A realistic 10-week recovery to explore the diary with, made the same way every time.

Function rises from week 2, pain falls from week 5 (function first, as in the clinical
studies), with noisy days, a few missed days, and daily exercise that builds up.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .diary import Diary

Row = dict[str, Any]
WEEKS = 10
SETTINGS = {
    "patient-id": "DEMO-001",
    "name": "Demo Teen",
    "exercise-goal": "60",
}
NOTES = {
    3: "First week of the programme. Everything is hard.",
    12: "Walked to the shop with Mum.",
    20: "Back at school for half a day.",
    33: "Played football at break for ten minutes!",
    47: "Full week of school.",
    61: "Sleepover at Sam's.",
}
PRIVATE = {15: "I hate that nobody believes how much it hurts.", 40: "Crush said hi."}


def _clamp(x: float, low: float = 0, high: float = 10) -> int:
    return round(min(high, max(low, x)))


def _curves(i: int) -> tuple[float, float]:
    """Function (rising from day 10) and pain (falling from day 32) on day i."""
    function = 2 + 6 * min(1, max(0, i - 10) / 40)
    pain = 7.5 - 4.5 * min(1, max(0, i - 32) / 32)
    return function, pain


def generate(
    end: dt.date, seed: int = 2026
) -> tuple[list[Row], list[Row], list[Row], dict[str, str]]:
    """(entries, days, sessions, settings) for the 70 days ending on `end`."""
    rng = random.Random(seed)
    start = end - dt.timedelta(days=WEEKS * 7 - 1)
    entries, days, sessions = [], [], []
    for i in range(WEEKS * 7):
        date = (start + dt.timedelta(days=i)).isoformat()
        if i > 7 and rng.random() < 0.08:
            continue  # a missed day: no log at all
        function, pain = _curves(i)
        f = _clamp(function + rng.gauss(0, 0.9))
        p = _clamp(pain + rng.gauss(0, 0.8))
        weekend = (start + dt.timedelta(days=i)).weekday() >= 5
        school = "none" if weekend else ("missed" if f < 3 else "part" if f < 6 else "full")
        days.append(
            {
                "date": date,
                "function": f,
                "school": school,
                "sport": f >= 6 and rng.random() < 0.6,
                "social": f >= 4 and rng.random() < 0.5 + f / 20,
                "sleep": round(min(10, max(4, 6 + f / 4 + rng.gauss(0, 0.7))), 1),
                "mood": _clamp(3 + f / 2 + rng.gauss(0, 1)),
                "day_note": NOTES.get(i),
                "private_note": PRIVATE.get(i),
            }
        )
        for time in ("08:00", "19:30")[: 1 + (rng.random() < 0.5)]:
            entries.append(_entry(rng, date, time, p, i))
        minutes = 20 + min(60, i)
        sessions.append(
            {"date": date, "kind": "aerobic", "minutes": minutes // 2, "intensity": "moderate"}
        )
        sessions.append(
            {"date": date, "kind": "desensitization", "minutes": 15, "intensity": "easy"}
        )
        if i % 7 in (1, 4):
            sessions.append({"date": date, "kind": "physio", "minutes": 60, "intensity": "hard"})
    return (
        entries,
        days,
        sessions,
        SETTINGS | {"treatment-start": (start + dt.timedelta(days=7)).isoformat()},
    )


def _entry(rng: random.Random, date: str, time: str, pain: int, i: int) -> Row:
    early = i < 30
    return {
        "date": date,
        "time": time,
        "pain": pain,
        "worst": min(10, pain + rng.choice((0, 1, 1, 2))),
        "pain_scale": "nrs",
        "locations": ["right-foot", "right-ankle"]
        if early or rng.random() < 0.5
        else ["right-foot"],
        "quality": ["burning", "pins-and-needles"] if early else ["aching"],
        "pattern": "constant" if pain >= 6 else "intermittent",
        "allodynia": _clamp(8 - 7 * min(1, i / 50) + rng.gauss(0, 1)),
        "allodynia_locations": ["right-foot"],
        "swelling": "moderate" if i < 20 else "mild" if i < 45 else "none",
        "skin_color": "blue-purple" if i < 25 else "blotchy" if i < 40 else "normal",
        "skin_temp": "cold" if i < 30 else "normal",
        "symptoms": ["fatigue"] if rng.random() < 0.3 else None,
        "triggers": ["exam"] if rng.random() < 0.05 else None,
    }


def write(diary: Diary, end: dt.date) -> tuple[int, int]:
    """Write the demo into an empty diary in one transaction; (days logged, entries).

    Every row and setting is marked as the demo's in the history, so `demo` can tell a
    demo nobody wrote into from a used one.
    """
    entries, days, sessions, settings = generate(end)
    with diary.transaction():
        diary.add_all(entries, days, sessions, source="demo")
        for key, value in settings.items():
            diary.set_setting(key, value, source="demo")
    return len(days), len(entries)
