"""What a span of days (a week, a month) adds up to: the numbers summaries and trends compare."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..daily import Day
from ..vocabulary import NO_SCHOOL, SCHOOL, SESSION_KINDS, SWELLING
from .measures import (
    ALL_MEASURES,
    COUNTS,
    SCALES,
    Count,
    Standouts,
    Stat,
    arrow,
    compare,
    one,
    rounded,
    said,
    series,
    standouts,
    stat,
)

SCHOOL_LEVELS = tuple(v for v in SCHOOL if v != NO_SCHOOL)  # each counted: school_full, ...


def _count(days: list[Day], name: str) -> Count:
    """Days whose yes/no `name` is yes, out of the days it was answered."""
    answered = [getattr(d, name) for d in days if getattr(d, name) is not None]
    return Count(sum(answered), len(answered))


def _school(days: list[Day], level: str) -> Count:
    """Days at school `level` out of the days that had school.

    A day without school (a weekend, a holiday) is neither a full nor a missed day:
    counting it would make a week with a weekend look worse than one without.
    """
    had = [d.school for d in days if d.school not in (None, NO_SCHOOL)]
    return Count(had.count(level), len(had), "school day")


def _swelling(days: list[Day]) -> Count:
    answered = [d.swelling for d in days if d.swelling is not None]
    return Count(sum(s != SWELLING[0] for s in answered), len(answered))  # above "none"


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
    standouts: Standouts
    notes: list[tuple[dt.date, str]] = field(default_factory=list)

    @property
    def best(self) -> Day | None:
        """The day that stood out as the best, if one did (measures.Standouts)."""
        return self.standouts.best

    @property
    def worst(self) -> Day | None:
        """The day that stood out as the hardest, if one did."""
        return self.standouts.hardest

    @property
    def exercise_total(self) -> int:
        return sum(self.exercise.values())

    @property
    def exercise_per_day(self) -> float | None:
        """Minutes per logged day: the total over the days logged (a logged day without a
        session counts as none). None when no session was logged at all, since many diaries
        never record exercise. The week summary and trends compare this one."""
        total = self.exercise_total
        return one(total / self.days_logged) if total and self.days_logged else None

    @property
    def exercise_per_week(self) -> int | None:
        """Minutes per week: the total over the calendar weeks (calendar days / 7), so a
        day not logged counts as a day without exercise. What `recovery` sets against the
        weekly goal; None when no session was logged at all."""
        total = self.exercise_total
        return int(rounded(total / self.calendar_days * 7, 0)) if total else None

    def mean(self, name: str) -> float | None:
        if name == "exercise":
            return self.exercise_per_day
        return self.stats[name].mean

    def value(self, name: str) -> float | None:
        """What a change is measured on: a days-with count's share of the days answered, else
        the mean (at one decimal, as shown)."""
        return self.counts[name].share if name in COUNTS else self.mean(name)

    def text(self, name: str) -> str:
        """'5.1 (6 days)', '3 of 5 days' or exercise minutes a logged day; blank when unknown."""
        if name in COUNTS:
            return self.counts[name].text()
        if name == "exercise":
            return "" if self.exercise_per_day is None else f"{self.exercise_per_day:g}"
        return self.stats[name].text()

    def exercise_text(self) -> str:
        """'72.1 (goal 60)': exercise minutes a logged day against the goal; blank if none."""
        shown = self.text("exercise")
        return shown + (f" (goal {self.goal})" if shown and self.goal is not None else "")

    def minutes_text(self, kind: str | None = None) -> str:
        """'505 min' in all, or of one kind; blank when no session was logged at all."""
        if not self.exercise_total:
            return ""
        return f"{self.exercise_total if kind is None else self.exercise.get(kind, 0)} min"

    def measures_json(self, exact: dict[str, float | None] | None = None) -> dict[str, Any]:
        """Each scale's stat and each count, keyed as in `as_json`.

        `exact`: these days' exact means (a baseline's), given at two decimals instead of the
        stats' one, so a baseline mean has one value wherever the JSON names it.
        """
        stats = {name: s.as_json() for name, s in self.stats.items()}
        for name, value in (exact or {}).items():
            stats[name]["mean"] = rounded(value, 2)
        return {
            **stats,
            **{f"{name}_days": c.as_json() for name, c in self.counts.items()},
        }

    def as_json(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "calendar_days": self.calendar_days,
            "days_logged": self.days_logged,
            **self.measures_json(),
            "exercise": {
                "minutes_by_kind": self.exercise,
                "minutes_total": self.exercise_total or None,  # no session: missing, not 0
                "minutes_per_logged_day": self.exercise_per_day,
                "goal_per_day": self.goal,
            },
            **self.standouts.as_json(),
            "day_notes": [{"date": d.isoformat(), "note": n} for d, n in self.notes],
        }


def period(days: list[Day], goal: int | None = None) -> Period:
    """Add up consecutive calendar days (at least one). `goal` is minutes of exercise a day."""
    logged = [d for d in days if d.logged]
    minutes = dict.fromkeys(SESSION_KINDS, 0)  # the vocabulary's order, then any others
    for d in days:
        for kind, m in d.exercise.items():
            minutes[kind] = minutes.get(kind, 0) + m
    counts = {
        "swelling": _swelling(days),
        "skin_change": _count(days, "skin_change"),
        **{f"school_{v}": _school(days, v) for v in SCHOOL_LEVELS},
        "sport": _count(days, "sport"),
        "social": _count(days, "social"),
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
        standouts=standouts(days),
        notes=[(d.date, d.day_note) for d in days if d.day_note],
    )


@dataclass(frozen=True)
class Change:
    """How one measure moved from one period to another, and what that means.

    `value` is the difference of the means at one decimal, or of the shares (0 to 1) at two
    for a days-with count; `direction` is up/down/same, `verdict` better/worse/same (None
    when unknown, or when neither way is better).
    """

    value: float | None
    direction: str | None
    verdict: str | None

    @property
    def arrow(self) -> str:
        return arrow(self.direction)

    def text(self, counted: bool) -> str:
        """'+4.0 better' for a mean; '↓ better' for a days-with count (`counted`), whose share
        is not shown; a small change is the number or the arrow alone (measures.said)."""
        if self.value is None:
            return ""
        return said(self.arrow if counted else f"{self.value:+.1f}", self.verdict)

    def as_json(self) -> dict[str, Any]:
        return {"change": self.value, "direction": self.direction, "verdict": self.verdict}


def changes(now: Period, before: Period) -> dict[str, Change]:
    """The change of every measure the periods have (goal met only with a goal), in order."""
    result = {}
    for name, measure in ALL_MEASURES.items():
        if name in COUNTS and name not in now.counts:
            continue
        a, b = now.value(name), before.value(name)
        digits = 2 if name in COUNTS else 1
        diff = None if a is None or b is None else rounded(a - b, digits)
        result[name] = Change(diff, *compare(measure, a, b))
    return result
