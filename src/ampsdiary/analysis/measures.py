"""The measures the analysis compares: which way is better, what counts as "about the same".

One table decides the direction of every arrow and colour, so function going up and pain
going down both read "better" everywhere: summaries, trends, recovery, reports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from statistics import fmean
from typing import TYPE_CHECKING, Any

from ..dates import day_label

if TYPE_CHECKING:  # type-only, so modules below the analysis can use `mean` without a cycle
    from ..daily import Day

EPS = 1e-9  # float means such as 38/7 must not miss a threshold by rounding error


@dataclass(frozen=True)
class Measure:
    """A daily number: `better` is "up", "down" or None (neither direction is better)."""

    name: str
    label: str
    better: str | None
    same_within: float  # a smaller change between two means reads "about the same"
    step: float  # a meaningful change, to rank "what changed most" across units
    low: float | None = None  # fixed sparkline scale; None scales to the data
    high: float | None = None


def _scale(name: str, label: str, better: str) -> Measure:
    return Measure(name, label, better, 0.5, 2.0, 0, 10)


SCALES = {
    m.name: m
    for m in (
        _scale("function", "Function", "up"),
        _scale("pain", "Pain", "down"),
        _scale("worst", "Worst pain", "down"),
        _scale("allodynia", "Allodynia", "down"),
        # Neither more nor less sleep is better in itself (6 -> 8 h helps, 10 -> 12 h may not).
        Measure("sleep", "Sleep hours", None, 0.5, 1.0),
        _scale("mood", "Mood", "up"),
    )
}
# Drawn from 0, so 26 against 30 minutes a day looks as small as it is.
EXERCISE = Measure("exercise", "Exercise min a logged day", "up", 5.0, 15.0, low=0)
SHARE_SAME = 0.15  # days-with shares closer than this read "about the same": 6 of 7 vs 6 of 6


def _count(name: str, label: str, better: str | None) -> Measure:
    return Measure(name, label, better, SHARE_SAME, 1.0)


# Days-with counts are compared as shares of the days answered (school: of the days that had
# school), so a short week or a week with a holiday is fair.
COUNTS = {
    "swelling": _count("swelling", "Swelling days", "down"),
    "skin_change": _count("skin_change", "Skin-change days", "down"),
    "school_full": _count("school_full", "School: full days", "up"),
    "school_part": _count("school_part", "School: part days", None),
    "school_missed": _count("school_missed", "School: missed days", "down"),
    "sport": _count("sport", "Sport or gym days", "up"),
    "social": _count("social", "Days with friends", "up"),
    "goal_met": _count("goal_met", "Exercise goal met", "up"),
}
# Every measure a period has, in the order tables list them: a change is measured for each.
ALL_MEASURES: dict[str, Measure] = {**SCALES, **COUNTS, EXERCISE.name: EXERCISE}
ARROWS = {"up": "↑", "down": "↓", "same": "→"}


def arrow(direction: str | None) -> str:
    """The arrow of a direction (up, down, same); none when it is unknown."""
    return ARROWS.get(direction or "", "")


def mean(values: Iterable[float | None]) -> float | None:
    """The exact mean of the values that are known; None when none is: missing is never 0."""
    known = [v for v in values if v is not None]
    return fmean(known) if known else None


def rounded(value: float | None, digits: int = 1) -> float | None:
    """Half up, as people round (5.25 -> 5.3, not Python's 5.2), for every number shown.

    Only for showing: the analysis compares exact values. Never -0.0.
    """
    if value is None:
        return None
    exact = Decimal(repr(value)).quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP)
    return float(exact) + 0.0


def one(value: float | None) -> float | None:
    """Means are shown and compared at one decimal, so the words match the numbers shown."""
    return rounded(value, 1)


def number(value: float | None) -> str:
    """5.0 stays 5.0 for a mean; missing is blank, never 0."""
    return "" if value is None else f"{rounded(value):.1f}"


def plural(count: int, noun: str) -> str:
    """'1 day', '3 days', '1 school day'."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def iso(day: dt.date | None) -> str | None:
    """A date for JSON: ISO text, or null when there is none (an onset not reached yet)."""
    return None if day is None else day.isoformat()


@dataclass(frozen=True)
class Stat:
    """Mean, lowest and highest of the days that have a value, and how many days that is."""

    mean: float | None
    low: float | None
    high: float | None
    days: int

    def text(self) -> str:
        """'5.1 (6 days)': every mean says what it rests on."""
        if not self.days:
            return "no days"
        return f"{number(self.mean)} ({plural(self.days, 'day')})"

    def as_json(self) -> dict[str, Any]:
        return {"mean": self.mean, "low": self.low, "high": self.high, "days": self.days}


def stat(values: Iterable[float | None]) -> Stat:
    known = [v for v in values if v is not None]
    if not known:
        return Stat(None, None, None, 0)
    return Stat(one(mean(known)), one(min(known)), one(max(known)), len(known))


def series(days: list[Day], name: str) -> list[float | None]:
    """One value a calendar day (None = not logged) for a measure, exercise included."""
    if name == "exercise":
        return [d.exercise_minutes for d in days]
    return [getattr(d, name) for d in days]


@dataclass(frozen=True)
class Count:
    """'3 of 5 days': days with something, out of the days it was recorded (`unit` days)."""

    days: int
    of: int
    unit: str = "day"  # "school day" for school: only days that had school count

    @property
    def share(self) -> float | None:
        return self.days / self.of if self.of else None

    def text(self) -> str:
        return f"{self.days} of {plural(self.of, self.unit)}" if self.of else ""

    def as_json(self) -> dict[str, int]:
        return {"days": self.days, "of": self.of}


def compare(measure: Measure, this: float | None, last: float | None) -> tuple[str | None, ...]:
    """(direction, verdict): direction up/down/same, verdict better/worse/same; None if unknown.

    Verdict is None when a value is missing or when neither direction is better.
    """
    if this is None or last is None:
        return None, None
    diff = this - last
    if abs(diff) < EPS or abs(diff) + EPS < measure.same_within:
        return "same", "same"
    direction = "up" if diff > 0 else "down"
    if measure.better is None:
        return direction, None
    return direction, "better" if direction == measure.better else "worse"


def one_day(measure: Measure) -> Measure:
    """The measure for a single day's value (a week's lowest or highest), not a mean.

    One day moves a point or so by chance, so it reads "about the same" under a meaningful
    step (2 points on a 0-10 scale), where a mean, steadied by its days, needs half a point.
    """
    return replace(measure, same_within=measure.step)


def day_score(day: Day) -> float | None:
    """How good a day was: the mean of function and (10 - pain), whichever were logged."""
    return mean([day.function, None if day.pain is None else 10 - day.pain])


def best_day(days: list[Day]) -> Day | None:
    """The highest day score; the most recent day wins a tie."""
    scored = [d for d in days if day_score(d) is not None]
    return max(scored, key=lambda d: (day_score(d), d.date), default=None)


def worst_day(days: list[Day]) -> Day | None:
    """The lowest day score; the earliest day wins a tie, so a tie never names one day twice."""
    scored = [d for d in days if day_score(d) is not None]
    return min(scored, key=lambda d: (day_score(d), d.date), default=None)


def day_json(day: Day | None) -> dict[str, Any] | None:
    if day is None:
        return None
    return {"date": day.date.isoformat(), "function": day.function, "pain": rounded(day.pain, 2)}


def scored_alike(best: Day | None, worst: Day | None) -> bool:
    """Several days scored, all the same: no day is the best or the hardest."""
    if best is None or worst is None or best.date == worst.date:
        return False
    return abs((day_score(best) or 0) - (day_score(worst) or 0)) < EPS


def best_and_hardest_json(best: Day | None, worst: Day | None) -> dict[str, Any]:
    """The JSON of the best and the hardest day, named only when the text names them."""
    alike = scored_alike(best, worst)
    return {
        "best_day": None if alike else day_json(best),
        "worst_day": None if alike else day_json(worst),
        "days_scored_alike": alike,
    }


def day_text(day: Day | None) -> str:
    """'Thu 5 Nov (function 7, pain 3)'."""
    if day is None:
        return ""
    said = [
        f"{n} {one(v):g}"
        for n, v in (("function", day.function), ("pain", day.pain))
        if v is not None
    ]
    return f"{day_label(day.date)} ({', '.join(said)})"


def best_and_hardest(best: Day | None, worst: Day | None) -> str:
    """'Best day: ... Hardest day: ...', or why there is no such pair; '' with no scores."""
    if best is None or worst is None:
        return ""
    if best.date == worst.date:
        return f"Only one day has a score: {day_text(best)}."
    if scored_alike(best, worst):
        return "Every day scored about the same."
    return f"Best day: {day_text(best)}. Hardest day: {day_text(worst)}."
