"""What a span of days (a week, a month) adds up to: the numbers summaries and trends compare."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..daily import Day
from ..vocabulary import SESSION_KINDS
from .measures import SCALES, Count, Stat, best_day, day_json, one, series, stat, worst_day


def _count(days: list[Day], name: str, has: object) -> Count:
    """Days whose `name` equals `has` (or is truthy when `has` is True), out of days answered."""
    answered = [getattr(d, name) for d in days if getattr(d, name) is not None]
    hits = [v for v in answered if (bool(v) if has is True else v == has)]
    return Count(len(hits), len(answered))


def _swelling(days: list[Day]) -> Count:
    answered = [d.swelling for d in days if d.swelling is not None]
    return Count(sum(s != "none" for s in answered), len(answered))


@dataclass
class Period:
    """The numbers of one span of calendar days; missing days count as missing, never zero."""

    start: dt.date
    end: dt.date
    calendar_days: int
    days_logged: int
    stats: dict[str, Stat]
    counts: dict[str, Count]
    exercise: dict[str, int]  # minutes by kind, in SESSION_KINDS order
    goal: int | None
    best: Day | None = None
    worst: Day | None = None
    notes: list[tuple[dt.date, str]] = field(default_factory=list)

    @property
    def exercise_total(self) -> int:
        return sum(self.exercise.values())

    @property
    def exercise_per_day(self) -> float | None:
        """Minutes per logged day (a logged day without a session counts as none that day);
        None when no session at all was logged, since many diaries never record exercise."""
        total = self.exercise_total
        return one(total / self.days_logged) if total and self.days_logged else None

    def mean(self, name: str) -> float | None:
        if name == "exercise":
            return self.exercise_per_day
        return self.stats[name].mean

    def as_json(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "calendar_days": self.calendar_days,
            "days_logged": self.days_logged,
            **{name: s.as_json() for name, s in self.stats.items()},
            **{f"{name}_days": c.as_json() for name, c in self.counts.items()},
            "exercise": {
                "minutes_by_kind": self.exercise,
                "minutes_total": self.exercise_total,
                "minutes_per_logged_day": self.exercise_per_day,
                "goal_per_day": self.goal,
            },
            "best_day": day_json(self.best),
            "worst_day": day_json(self.worst),
            "day_notes": [{"date": d.isoformat(), "note": n} for d, n in self.notes],
        }


def period(days: list[Day], goal: int | None = None) -> Period:
    """Add up consecutive calendar days (at least one). `goal` is minutes of exercise a day."""
    logged = [d for d in days if d.logged]
    kinds = dict.fromkeys([*SESSION_KINDS, *(k for d in days for k in d.exercise)])
    minutes = {k: sum(d.exercise.get(k, 0) for d in days) for k in kinds}
    counts = {
        "swelling": _swelling(days),
        "skin_change": _count(days, "skin_change", True),
        **{f"school_{v}": _count(days, "school", v) for v in ("full", "part", "missed")},
        "sport": _count(days, "sport", True),
        "social": _count(days, "social", True),
    }
    if goal is not None:
        counts["goal_met"] = Count(
            sum((d.exercise_minutes or 0) >= goal for d in logged), len(logged)
        )
    return Period(
        start=days[0].date,
        end=days[-1].date,
        calendar_days=len(days),
        days_logged=len(logged),
        stats={name: stat(series(days, name)) for name in SCALES},
        counts=counts,
        exercise={k: m for k, m in minutes.items() if m},
        goal=goal,
        best=best_day(days),
        worst=worst_day(days),
        notes=[(d.date, d.day_note) for d in days if d.day_note],
    )
