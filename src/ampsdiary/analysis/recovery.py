"""Function before pain: baseline, smoothed series, improvement onsets, the lag and the pattern.

In AMPS, function usually improves weeks before pain eases. Seeing that order in one's own
diary is what keeps a teen exercising while it still hurts, so the rules here are simple
enough to explain to a parent and to check by hand (docs/analysis.md works one through).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..daily import Day
from ..dates import day_label
from ..progress import streak
from .baseline import BASELINE_DAYS, baseline_window, logged_dates, means, window_days
from .measures import EPS, day_json, iso, number, plural, series
from .onsets import SMOOTH_MIN, onsets, smooth
from .period import Change, Period, changes, period

PATTERNS = ("function-first", "together", "pain-first", "function-only", "pain-only", "not-yet")
TOGETHER_DAYS = 3  # onsets this close count as "together"


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


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2) + 0.0  # + 0.0: never "-0.0"


def _measures_json(p: Period) -> dict[str, Any]:
    return {**p.measures_json(), "exercise_minutes_per_logged_day": p.exercise_per_day}


@dataclass
class Recovery:
    """The whole recovery picture of one diary; `explain()` says it in plain words."""

    baseline_start: dt.date
    baseline_end: dt.date
    baseline: dict[str, float | None]  # exact means of every measure in SCALES
    function_onset: dt.date | None
    pain_onset: dt.date | None
    function_pending: dt.date | None  # on target since then, its hold not over yet
    pain_pending: dt.date | None
    lag_days: int | None
    pattern: str
    threshold: float
    hold_days: int
    dates: list[dt.date]
    function_smooth: list[float | None]
    pain_smooth: list[float | None]
    days_logged: int
    baseline_period: Period  # every measure over the baseline window
    last_7: Period  # the same over the last 7 calendar days
    changes: dict[str, Change]  # the last 7 days against the baseline, every measure
    streak: int = 0
    best: Day | None = None
    worst: Day | None = None
    exercise_per_week: int | None = None  # Period.exercise_per_week of the whole span
    goal: int | None = None  # exercise minutes a day
    baseline_source: str = "first-logged-days"  # one of BASELINE_SOURCES
    treatment_start: dt.date | None = None  # as set, even when the baseline fell back

    def verdict(self, name: str) -> str | None:
        """Are the last 7 days better, worse or the same as the baseline (as shown)?"""
        return self.changes[name].verdict

    @property
    def baseline_days(self) -> int:
        """Days logged inside the baseline window."""
        return self.baseline_period.days_logged

    @property
    def adherence(self) -> float:
        """Days logged out of the calendar days since the first one."""
        return round(self.days_logged / len(self.dates), 2)

    def as_json(self) -> dict[str, Any]:
        return {
            "baseline": {name: _round(v) for name, v in self.baseline.items()},
            "baseline_window": {
                "start": iso(self.baseline_start),
                "end": iso(self.baseline_end),
                "days_logged": self.baseline_days,
            },
            "baseline_source": self.baseline_source,
            "treatment_start": iso(self.treatment_start),
            "function_onset": iso(self.function_onset),
            "pain_onset": iso(self.pain_onset),
            "function_pending": iso(self.function_pending),
            "pain_pending": iso(self.pain_pending),
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
            "baseline_measures": _measures_json(self.baseline_period),
            "last_7_days": _measures_json(self.last_7),
            "change_since_baseline": {name: c.value for name, c in self.changes.items()},
            "verdict_since_baseline": {name: c.verdict for name, c in self.changes.items()},
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
        parts = [self._fallback_text(), self._baseline_text(), self._onset_text()]
        if self.pattern in ("function-only", "pain-only", "not-yet"):
            parts.append(self._too_early_text())
        return " ".join(p for p in parts if p)

    def _fallback_text(self) -> str:
        """Why the baseline is not the week before the treatment start, when one is set."""
        start = self.treatment_start
        if start is None or self.baseline_source != "first-logged-days":
            return ""
        first = f"the first {plural(self.baseline_days, 'logged day')}"
        if start > self.dates[-1]:
            return (
                f"The treatment start ({day_label(start)}) is after the last day analysed "
                f"({day_label(self.dates[-1])}), so the baseline is {first}."
            )
        return (
            f"Nothing was logged in the {BASELINE_DAYS} days before the treatment start "
            f"({day_label(start)}), so the baseline is {first} instead."
        )

    def _baseline_text(self) -> str:
        window = f"{day_label(self.baseline_start)} to {day_label(self.baseline_end)}"
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
        recent = self.last_7.mean(name)
        return "" if recent is None else f" (last 7 days {number(recent)})"

    def pending_of(self, name: str) -> tuple[dt.date, dt.date] | None:
        """(on target since, lasting once it holds to) for a change not confirmed yet."""
        since = self.function_pending if name == "function" else self.pain_pending
        return None if since is None else (since, since + dt.timedelta(days=self.hold_days))

    def _pending_text(self, name: str) -> str:
        """Why the table can show a change the onset does not yet: its hold is not over."""
        dates = self.pending_of(name)
        if dates is None:
            return ""
        side = "above" if name == "function" else "below"
        return (
            f"{name.capitalize()} has stayed at least {self.threshold:g} points {side} the "
            f"baseline since {day_label(dates[0])}{self._now(name)}; it counts as lasting once "
            f"that has held until {day_label(dates[1])}."
        )

    def _onset_text(self) -> str:
        t = f"{self.threshold:g}"
        f, p, lag = self.function_onset, self.pain_onset, self.lag_days
        if f and p and self.pattern == "pain-first":
            return (
                f"Pain started to ease on {day_label(p)}, {plural(-lag, 'day')} before function "
                f"started to improve on {day_label(f)}. Function usually moves first, but both "
                "are clearly better now, and that is what counts."
            )
        if f and p and self.pattern == "together":
            return (
                f"Function started to improve on {day_label(f)} and pain started to ease on "
                f"{day_label(p)}: about the same time, and both by at least {t} points."
            )
        if f:
            rose = (
                f"Function started to improve on {day_label(f)}: its 7-day average rose at least "
                f"{t} points above the baseline and stayed there for the next "
                f"{plural(self.hold_days, 'day')}."
            )
            if p:
                return (
                    f"{rose} Pain started to ease {plural(lag, 'day')} later, on {day_label(p)}. "
                    "That is the usual order in AMPS: doing more comes first, and pain eases "
                    "later."
                )
            if self.pain_pending:
                return f"{rose} {self._pending_text('pain')}"
            return (
                f"{rose} Pain has not eased by {t} points yet{self._now('pain')}. That is "
                "normal: function usually moves first, and pain often follows weeks or months "
                "later. Keep going."
            )
        if p and self.function_pending:
            return f"Pain started to ease on {day_label(p)}. {self._pending_text('function')}"
        if p:
            return (
                f"Pain started to ease on {day_label(p)}. Function has not risen by {t} points "
                f"yet{self._now('function')}; doing a little more each day, step by step, is "
                "what usually brings it."
            )
        if self.function_pending or self.pain_pending:
            said = " ".join(p for p in map(self._pending_text, ("function", "pain")) if p)
            return f"There is no lasting change of {t} points in function or pain yet. {said}"
        return (
            f"There is no lasting change of {t} points in function or pain yet. That is common "
            "early on: function usually moves first, often after a few weeks of daily exercise, "
            "and pain eases later."
        )

    def _too_early_text(self) -> str:
        after = sum(d > self.baseline_end for d in self.dates)
        if self.function_pending or self.pain_pending:
            return "Keep logging, so it can count."
        if after > self.hold_days + SMOOTH_MIN:
            return "Keep logging, so you can see the change when it comes."
        if not after:
            return (
                "Everything logged so far is the baseline; a change counts once it has lasted "
                f"{plural(self.hold_days, 'day')} after it, so keep logging."
            )
        return (
            f"There {'is' if after == 1 else 'are'} only {plural(after, 'day')} after the "
            f"baseline so far; a change counts once it has lasted {plural(self.hold_days, 'day')}, "
            "so keep logging."
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
    logged = logged_dates(days)
    start, end, source = baseline_window(
        logged, treatment_start, baseline_start, baseline_end, days[-1].date
    )
    days = [d for d in days if d.date >= logged[0]]
    dates = [d.date for d in days]
    baseline = means(days, start, end)
    f_values, p_values = series(days, "function"), series(days, "pain")
    f_smooth, p_smooth = smooth(f_values), smooth(p_values)
    f_base, p_base = baseline["function"], baseline["pain"]
    f_on = p_on = f_pending = p_pending = None
    if f_base is not None:
        f_on, f_pending = onsets(
            dates, f_values, f_smooth, end, lambda v: v >= f_base + threshold - EPS, hold
        )
    if p_base is not None:
        p_on, p_pending = onsets(
            dates, p_values, p_smooth, end, lambda v: v <= p_base - threshold + EPS, hold
        )
    base, last_7 = period(window_days(days, start, end), goal), period(days[-7:], goal)
    whole = period(days, goal)
    return Recovery(
        baseline_start=start,
        baseline_end=end,
        baseline=baseline,
        function_onset=f_on,
        pain_onset=p_on,
        function_pending=f_pending,
        pain_pending=p_pending,
        lag_days=(p_on - f_on).days if f_on and p_on else None,
        pattern=pattern_of(f_on, p_on),
        threshold=threshold,
        hold_days=hold,
        dates=dates,
        function_smooth=f_smooth,
        pain_smooth=p_smooth,
        days_logged=len(logged),
        baseline_period=base,
        last_7=last_7,
        changes=changes(last_7, base),
        streak=streak(logged, dates[-1]),
        best=whole.best,
        worst=whole.worst,
        exercise_per_week=whole.exercise_per_week,
        goal=goal,
        baseline_source=source,
        treatment_start=treatment_start,
    )
