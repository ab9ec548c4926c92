"""Function before pain: baseline, smoothed series, improvement onsets, the lag and the pattern.

In AMPS, function usually improves weeks before pain eases. Seeing that order in one's own
diary is what keeps a teen exercising while it still hurts, so the rules here are simple
enough to explain to a parent and to check by hand (docs/analysis.md works one through).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from statistics import fmean
from typing import Any

from ..daily import Day
from ..errors import DiaryError
from ..progress import streak
from .measures import (
    EPS,
    SCALES,
    Stat,
    best_day,
    compare,
    day_json,
    number,
    one,
    series,
    stat,
    worst_day,
)

PATTERNS = ("function-first", "together", "pain-first", "function-only", "pain-only", "not-yet")
BASELINE_DAYS = 7
SMOOTH_DAYS = 7  # the trailing window of the smoothed series
SMOOTH_MIN = 4  # logged days a window needs, else the smoothed day is unknown (None)
TOGETHER_DAYS = 3  # onsets this close count as "together"


def smooth(
    values: list[float | None], window: int = SMOOTH_DAYS, min_days: int = SMOOTH_MIN
) -> list[float | None]:
    """Trailing mean over calendar days (one value a day, None = not logged).

    Day i is the mean of the logged values among days i-window+1 .. i, or None when fewer
    than `min_days` of them are logged: a mean of one or two days is too noisy to trust.
    """
    result: list[float | None] = []
    for i in range(len(values)):
        known = [v for v in values[max(0, i - window + 1) : i + 1] if v is not None]
        result.append(fmean(known) if len(known) >= min_days else None)
    return result


def baseline_window(
    logged: list[dt.date],
    treatment_start: dt.date | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> tuple[dt.date, dt.date]:
    """The baseline's first and last day.

    Given options win (one alone makes a 7-day window); else the 7 days before the
    treatment start; else the first 7 logged days (fewer while the diary is younger).
    """
    span = dt.timedelta(days=BASELINE_DAYS - 1)
    if start and end and start > end:
        raise DiaryError(
            "--baseline-from", start.isoformat(), f"is after --baseline-to ({end}); swap them"
        )
    if end is not None:
        return start or end - span, end
    if start is not None:
        return start, start + span
    if treatment_start:
        last = treatment_start - dt.timedelta(days=1)
        return last - span, last
    first = logged[:BASELINE_DAYS]
    return first[0], first[-1]


def baseline_of(
    days: list[Day],
    treatment_start: dt.date | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> tuple[dt.date, dt.date, dict[str, float | None]]:
    """(first day, last day, exact mean of each measure) of the baseline; needs a logged day."""
    logged = [d.date for d in days if d.logged]
    if not logged:
        raise DiaryError("diary", None, "has nothing logged yet; start with `ampsdiary log`")
    start, end = baseline_window(logged, treatment_start, start, end)
    window = [d for d in days if start <= d.date <= end]
    return start, end, {name: _mean(series(window, name)) for name in SCALES}


def onset(
    dates: list[dt.date],
    smoothed: list[float | None],
    after: dt.date,
    meets: Callable[[float], bool],
    hold: int,
) -> dt.date | None:
    """The first day after `after` whose smoothed value meets the target and keeps meeting it.

    The `hold` days that follow must all have happened. An unknown (None) smoothed day in
    them neither confirms nor breaks the run, but at least half of them (4 of 7) must be
    known: a change nobody logged cannot be called lasting.
    """
    need = (hold + 1) // 2
    for i, value in enumerate(smoothed):
        if dates[i] <= after or value is None or not meets(value):
            continue
        following = smoothed[i + 1 : i + 1 + hold]
        if len(following) < hold:
            return None  # the diary ends before any later start could be confirmed either
        known = [v for v in following if v is not None]
        if len(known) >= need and all(meets(v) for v in known):
            return dates[i]
    return None


def pattern_of(function_onset: dt.date | None, pain_onset: dt.date | None) -> str:
    """One of PATTERNS; the lag is pain onset minus function onset."""
    if function_onset and pain_onset:
        lag = (pain_onset - function_onset).days
        if lag > TOGETHER_DAYS:
            return "function-first"
        return "pain-first" if lag < -TOGETHER_DAYS else "together"
    if function_onset:
        return "function-only"
    return "pain-only" if pain_onset else "not-yet"


def _day(date: dt.date) -> str:
    return f"{date:%a %d %b}"


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


@dataclass
class Recovery:
    """The whole recovery picture of one diary; `explain()` says it in plain words."""

    baseline_start: dt.date
    baseline_end: dt.date
    baseline: dict[str, float | None]  # exact means of every measure in SCALES
    function_onset: dt.date | None
    pain_onset: dt.date | None
    lag_days: int | None
    pattern: str
    threshold: float
    hold_days: int
    dates: list[dt.date]
    function_smooth: list[float | None]
    pain_smooth: list[float | None]
    days_logged: int
    baseline_days: int = 0  # days logged inside the baseline window
    recent: dict[str, Stat] = field(default_factory=dict)  # the last 7 calendar days
    change: dict[str, float | None] = field(default_factory=dict)  # recent mean - baseline
    streak: int = 0
    best: Day | None = None
    worst: Day | None = None
    exercise_per_week: int | None = None
    goal: int | None = None  # exercise minutes a day

    def verdict(self, name: str) -> str | None:
        """Is the last week's mean better, worse or the same as the baseline (at one decimal)?"""
        return compare(SCALES[name], self.recent[name].mean, one(self.baseline[name]))[1]

    @property
    def adherence(self) -> float:
        """Days logged out of the calendar days since the first one."""
        return round(self.days_logged / len(self.dates), 2)

    def as_json(self) -> dict[str, Any]:
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {
            "baseline": {name: _round(v) for name, v in self.baseline.items()},
            "baseline_window": {
                "start": iso(self.baseline_start),
                "end": iso(self.baseline_end),
                "days_logged": self.baseline_days,
            },
            "function_onset": iso(self.function_onset),
            "pain_onset": iso(self.pain_onset),
            "lag_days": self.lag_days,
            "pattern": self.pattern,
            "threshold": self.threshold,
            "hold_days": self.hold_days,
            "first_day": iso(self.dates[0]),
            "last_day": iso(self.dates[-1]),
            "days": len(self.dates),
            "days_logged": self.days_logged,
            "adherence": self.adherence,
            "streak": self.streak,
            "last_7_days": {name: s.as_json() for name, s in self.recent.items()},
            "change_since_baseline": self.change,
            "verdict_since_baseline": {name: self.verdict(name) for name in self.recent},
            "best_day": day_json(self.best),
            "worst_day": day_json(self.worst),
            "exercise": {
                "minutes_per_week": self.exercise_per_week,
                "goal_per_week": None if self.goal is None else self.goal * 7,
            },
            "explanation": self.explain(),
            "smoothed": [
                {"date": d.isoformat(), "function": _round(f), "pain": _round(p)}
                for d, f, p in zip(self.dates, self.function_smooth, self.pain_smooth, strict=True)
            ],
        }

    def explain(self) -> str:
        """A short paragraph a parent understands; "not yet" is said kindly."""
        parts = [self._baseline_text(), self._onset_text()]
        if self.pattern in ("function-only", "pain-only", "not-yet"):
            parts.append(self._too_early_text())
        return " ".join(p for p in parts if p)

    def _baseline_text(self) -> str:
        window = f"{_day(self.baseline_start)} to {_day(self.baseline_end)}"
        f, p = self.baseline["function"], self.baseline["pain"]
        if f is None and p is None:
            return (
                f"There are no function or pain scores in the baseline ({window}), so there is "
                "nothing to compare with yet; choose other days with --baseline-from and "
                "--baseline-to."
            )
        if f is not None and p is not None:
            said = f"function averaged {number(f)} out of 10 and pain {number(p)}."
        elif f is not None:
            said = f"function averaged {number(f)} out of 10 (no pain scores were logged)."
        else:
            said = f"pain averaged {number(p)} out of 10 (no function scores were logged)."
        return f"During the baseline ({window}), {said}"

    def _now(self, name: str) -> str:
        mean = self.recent[name].mean if name in self.recent else None
        return "" if mean is None else f" (last 7 days {number(mean)})"

    def _onset_text(self) -> str:
        t = f"{self.threshold:g}"
        f, p, lag = self.function_onset, self.pain_onset, self.lag_days
        if f and p and self.pattern == "pain-first":
            return (
                f"Pain started to ease on {_day(p)}, {-lag} days before function started to "
                f"improve on {_day(f)}. Function usually moves first, but both are clearly "
                "better now, and that is what counts."
            )
        if f and p and self.pattern == "together":
            return (
                f"Function started to improve on {_day(f)} and pain started to ease on "
                f"{_day(p)}: about the same time, and both by at least {t} points."
            )
        if f:
            rose = (
                f"Function started to improve on {_day(f)}: its 7-day average rose at least "
                f"{t} points above the baseline and stayed there for the next {self.hold_days} "
                "days."
            )
            if p:
                return (
                    f"{rose} Pain started to ease {lag} days later, on {_day(p)}. That is the "
                    "usual order in AMPS: doing more comes first, and pain eases later."
                )
            return (
                f"{rose} Pain has not eased by {t} points yet{self._now('pain')}. That is "
                "normal: function usually moves first, and pain often follows weeks or months "
                "later. Keep going."
            )
        if p:
            return (
                f"Pain started to ease on {_day(p)}. Function has not risen by {t} points "
                f"yet{self._now('function')}; doing a little more each day, step by step, is "
                "what usually brings it."
            )
        return (
            f"There is no lasting change of {t} points in function or pain yet. That is common "
            "early on: function usually moves first, often after a few weeks of daily exercise, "
            "and pain eases later."
        )

    def _too_early_text(self) -> str:
        after = sum(d > self.baseline_end for d in self.dates)
        if after > self.hold_days + SMOOTH_MIN:
            return "Keep logging, so you can see the change when it comes."
        if not after:
            return (
                "Everything logged so far is the baseline; a change counts once it has lasted "
                f"{self.hold_days} days after it, so keep logging."
            )
        return (
            f"There are only {after} days after the baseline so far; a change counts once it has "
            f"lasted {self.hold_days} days, so keep logging."
        )


def analyse(
    days: list[Day],
    treatment_start: dt.date | None = None,
    threshold: float = 2.0,
    hold: int = 7,
    baseline_start: dt.date | None = None,
    baseline_end: dt.date | None = None,
    goal: int | None = None,
) -> Recovery:
    """Analyse one Day per calendar day (usually first entry to today); see docs/analysis.md."""
    start, end, baseline = baseline_of(days, treatment_start, baseline_start, baseline_end)
    logged = [d for d in days if d.logged]
    days = days[days.index(logged[0]) :]
    dates = [d.date for d in days]
    window = [d for d in days if start <= d.date <= end]
    f_smooth, p_smooth = smooth(series(days, "function")), smooth(series(days, "pain"))
    f_base, p_base = baseline["function"], baseline["pain"]
    f_on = p_on = None
    if f_base is not None:
        f_on = onset(dates, f_smooth, end, lambda v: v >= f_base + threshold - EPS, hold)
    if p_base is not None:
        p_on = onset(dates, p_smooth, end, lambda v: v <= p_base - threshold + EPS, hold)
    recent = {name: stat(series(days[-7:], name)) for name in SCALES}
    minutes = sum(d.exercise_minutes or 0 for d in days)
    return Recovery(
        baseline_start=start,
        baseline_end=end,
        baseline=baseline,
        function_onset=f_on,
        pain_onset=p_on,
        lag_days=(p_on - f_on).days if f_on and p_on else None,
        pattern=pattern_of(f_on, p_on),
        threshold=threshold,
        hold_days=hold,
        dates=dates,
        function_smooth=f_smooth,
        pain_smooth=p_smooth,
        days_logged=len(logged),
        baseline_days=sum(d.logged for d in window),
        recent=recent,
        change={
            name: None if s.mean is None or baseline[name] is None else one(s.mean - baseline[name])
            for name, s in recent.items()
        },
        streak=streak([d.date for d in logged], dates[-1]),
        best=best_day(days),
        worst=worst_day(days),
        exercise_per_week=round(minutes / len(days) * 7) if minutes else None,
        goal=goal,
    )


def _mean(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return fmean(known) if known else None
