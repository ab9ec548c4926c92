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
from ..streak import streak
from .baseline import baseline_window, logged_dates, means, window_days
from .explain import explain
from .measures import EPS, iso, rounded, series
from .onsets import onsets, smooth
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


def _measures_json(p: Period, exact: dict[str, float | None] | None = None) -> dict[str, Any]:
    return {**p.measures_json(exact), "exercise_minutes_per_logged_day": p.exercise_per_day}


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
    whole: Period  # every day analysed, first logged to last
    streak: int = 0
    goal: int | None = None  # exercise minutes a day
    baseline_source: str = "first-logged-days"  # one of BASELINE_SOURCES
    treatment_start: dt.date | None = None  # as set, even when the baseline fell back

    def verdict(self, name: str) -> str | None:
        """Are the last 7 days better, worse or the same as the baseline (as shown)?"""
        return self.changes[name].verdict

    @property
    def best(self) -> Day | None:
        return self.whole.best

    @property
    def worst(self) -> Day | None:
        return self.whole.worst

    @property
    def exercise_per_week(self) -> int | None:
        return self.whole.exercise_per_week

    @property
    def baseline_days(self) -> int:
        """Days logged inside the baseline window."""
        return self.baseline_period.days_logged

    @property
    def adherence(self) -> float:
        """Days logged out of the calendar days since the first one."""
        return rounded(self.days_logged / len(self.dates), 2)

    def as_json(self) -> dict[str, Any]:
        return {
            "baseline": {name: rounded(v, 2) for name, v in self.baseline.items()},
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
            # The baseline means as in "baseline" (two decimals), not the table's one.
            "baseline_measures": _measures_json(self.baseline_period, self.baseline),
            "last_7_days": _measures_json(self.last_7),
            "change_since_baseline": {name: c.value for name, c in self.changes.items()},
            "verdict_since_baseline": {name: c.verdict for name, c in self.changes.items()},
            **self.whole.standouts.as_json(),
            "exercise": {
                "minutes_per_week": self.exercise_per_week,
                "goal_per_week": None if self.goal is None else self.goal * 7,
            },
            "explanation": self.explain(),
            "smoothed": [
                {"date": d.isoformat(), "function": rounded(f, 2), "pain": rounded(p, 2)}
                for d, f, p in zip(self.dates, self.function_smooth, self.pain_smooth, strict=True)
            ],
        }

    def explain(self) -> str:
        """A short paragraph a parent understands (explain.py)."""
        return explain(self)

    def pending_of(self, name: str) -> tuple[dt.date, dt.date] | None:
        """(on target since, lasting once it holds to) for a change not confirmed yet."""
        since = self.function_pending if name == "function" else self.pain_pending
        return None if since is None else (since, since + dt.timedelta(days=self.hold_days))

    def onset(self, name: str) -> dt.date | None:
        """The function or the pain onset, by name."""
        return self.function_onset if name == "function" else self.pain_onset


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
        whole=period(days, goal),
        goal=goal,
        baseline_source=source,
        treatment_start=treatment_start,
    )
