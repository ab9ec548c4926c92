"""The measures the analysis compares: which way is better, what counts as "about the same".

One table decides the direction of every arrow and colour, so function going up and pain
going down both read "better" everywhere: summaries, trends, recovery, reports.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from statistics import fmean
from typing import TYPE_CHECKING, Any

from ..dates import day_label

if TYPE_CHECKING:  # type-only, so modules below the analysis can use `mean` without a cycle
    from ..daily import Day

EPS = 1e-9  # float means such as 38/7 must not miss a threshold by rounding error


@dataclass(frozen=True)
class Measure:
    """A daily number: `better` is "up", "down" or None (neither direction is better).

    The one rule for better or worse (docs/analysis.md): a change of `wobble` or less is
    about the same, one of `real` or more is better or worse, and one in between is a small
    change, said as its number with no verdict.
    """

    name: str
    label: str
    better: str | None
    wobble: float  # a change this small or smaller is normal wobble: "about the same"
    real: float  # a change this big or bigger is real: "better" or "worse"
    low: float | None = None  # fixed sparkline scale; None scales to the data
    high: float | None = None


# What families are told (docs/getting-started.md): about 2 points on a 0-10 scale is a
# real change, a point is a day's normal wobble.
WOBBLE, REAL = 1.0, 2.0


def _scale(name: str, label: str, better: str) -> Measure:
    return Measure(name, label, better, WOBBLE, REAL, 0, 10)


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
EXERCISE = Measure("exercise", "Exercise, minutes a logged day", "up", 5.0, 15.0, low=0)
# Days-with shares: a day a week (1/7 = 0.14) is wobble, two days a week (2/7) are real.
SHARE_WOBBLE, SHARE_REAL = 0.15, 2 / 7


def _count(name: str, label: str, better: str | None) -> Measure:
    return Measure(name, label, better, SHARE_WOBBLE, SHARE_REAL)


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
    if len(known) > 2:
        return fmean(known)
    # One or two values (most days' entries): one addition is exact, as fmean's sum is.
    return sum(known) / len(known) if known else None


def rounded(value: float | None, digits: int = 1) -> float | None:
    """Half up, as people round (5.25 -> 5.3, not Python's 5.2), for every number shown.

    Only for showing: the analysis compares exact values. Never -0.0.
    """
    if value is None:
        return None
    if not math.isfinite(value) or abs(value) >= 2**53:
        return value + 0.0  # no decimals left to round (Decimal could not hold 1e308's)
    text = repr(value)
    decimals = len(text) - text.find(".") - 1
    if "." in text and "e" not in text and (decimals != digits + 1 or text[-1] != "5"):
        # Not a tie as written: Python's round (of the exact binary value) gives the same
        # answer, about ten times faster than Decimal (a caseload's JSON rounds 700,000).
        return round(value, digits) + 0.0
    exact = Decimal(text).quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP)
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


def points(value: float) -> str:
    """'1 point', '1.5 points', '2 points'."""
    return f"{value:g} point{'' if value == 1 else 's'}"


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


def averages_note(stats: Iterable[Stat], blanks: bool = False) -> str:
    """The line under a table of averages, its example taken from that table: 'Averages are
    of the days logged; (3 days) says how many.' ('' when no average has a day);
    `blanks` adds what a blank cell means, for a table that has one."""
    days = next((s.days for s in stats if s.days), 0)
    said = (
        f"Averages are of the days logged; ({plural(days, 'day')}) says how many." if days else ""
    )
    return f"{said} Blank = not logged.".strip() if blanks else said


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
    """(direction, verdict) by the one rule (Measure): direction up/down/same; verdict
    better/worse for a real change, same for wobble, None for a small change in between.

    Verdict is also None when a value is missing or when neither direction is better.
    """
    if this is None or last is None:
        return None, None
    diff = this - last
    if abs(diff) <= measure.wobble + EPS:
        return "same", "same"
    direction = "up" if diff > 0 else "down"
    if measure.better is None or abs(diff) + EPS < measure.real:
        return direction, None
    return direction, "better" if direction == measure.better else "worse"


def said(amount: str, verdict: str | None) -> str:
    """How every table says a change: '↑ better', '+0.3 same', or for a small change (or
    one neither way is better) the amount alone: '-1.4', '↓'.

    `amount` is the signed difference or the arrow (blank when unknown); wobble and real
    changes add their word.
    """
    return f"{amount} {verdict}" if amount and verdict else amount


def day_score(day: Day) -> float | None:
    """How good a day was: the mean of function and (10 - pain), whichever were logged."""
    return mean([day.function, None if day.pain is None else 10 - day.pain])


@dataclass(frozen=True)
class Standouts:
    """The best and the hardest day of a span, each named only when it stood out.

    A day stands out when its score is more than a point (WOBBLE, the rule's normal wobble)
    above, or below, every other day's: a best or hardest day that ties with the next day,
    or beats it by a point, is no news, and a parent would look for a reason that is not
    there.
    """

    best: Day | None
    hardest: Day | None
    scored: int  # days with a score
    alike: bool  # several scored, every score within a point of every other

    def text(self) -> str:
        """'Best day: ... No day was clearly harder than the rest.'; '' with no scores."""
        if not self.scored:
            return ""
        if self.scored == 1:
            return f"Only one day has a score: {day_text(self.best)}."
        if self.alike:
            return "Every day scored about the same."
        if not (self.best or self.hardest):
            return "No day was clearly better or harder than the rest."
        best = f"Best day: {day_text(self.best)}." if self.best else NO_BEST
        hardest = f"Hardest day: {day_text(self.hardest)}." if self.hardest else NO_HARDEST
        return f"{best} {hardest}"

    def as_json(self) -> dict[str, Any]:
        """Each day named only when the text names it (with one scored day, it is both)."""
        return {
            "best_day": day_json(self.best),
            "worst_day": day_json(self.hardest),
            "days_scored_alike": self.alike,
        }


NO_BEST = "No day was clearly better than the rest."
NO_HARDEST = "No day was clearly harder than the rest."


def standouts(days: list[Day]) -> Standouts:
    """The best and the hardest day of `days`, where one stands out (see Standouts)."""
    scored = sorted((s, d.date, d) for d in days if (s := day_score(d)) is not None)
    if len(scored) < 2:
        only = scored[0][2] if scored else None
        return Standouts(only, only, len(scored), False)
    (low, _, first), (second, *_) = scored[0], scored[1]
    (high, _, top), (runner_up, *_) = scored[-1], scored[-2]
    clear = WOBBLE + EPS
    return Standouts(
        best=top if high - runner_up > clear else None,
        hardest=first if second - low > clear else None,
        scored=len(scored),
        alike=high - low <= clear,
    )


def day_json(day: Day | None) -> dict[str, Any] | None:
    if day is None:
        return None
    return {"date": day.date.isoformat(), "function": day.function, "pain": rounded(day.pain, 2)}


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
