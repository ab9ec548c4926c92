"""Trends: one row per week or month, the change since the baseline, and sparklines."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from ..daily import Day
from ..dates import iso_week
from ..errors import DiaryError
from .measures import EXERCISE, SCALES, Measure, compare, number, one, rounded, said
from .period import Period, period

BLOCKS = "▁▂▃▄▅▆▇█"
# The headers of TrendRow.cells, in the terminal and in every report; Trends.key says what
# the short ones mean.
HEADERS = ("Days", "Func", "±base", "Pain", "±base", "Allodynia", "Sleep", "Mood", "Exercise")
BY = ("week", "month")
MEASURES: dict[str, Measure] = {
    **{n: SCALES[n] for n in ("function", "pain", "allodynia", "sleep", "mood")},
    "exercise": EXERCISE,
}


def sparkline(
    values: list[float | None], low: float | None = None, high: float | None = None
) -> str:
    """One block character per value, scaled from low to high; a missing value is a space.

    Without low/high the line spans the data's own range; a flat line sits in the middle.
    """
    known = [v for v in values if v is not None]
    low = min(known, default=0.0) if low is None else low
    high = max(known, default=0.0) if high is None else high
    top = len(BLOCKS) - 1
    chars = []
    for v in values:
        if v is None:
            chars.append(" ")
        elif high <= low:
            chars.append(BLOCKS[top // 2])
        else:
            step = int(rounded((v - low) / (high - low) * top, 0))
            chars.append(BLOCKS[min(top, max(0, step))])
    return "".join(chars)


def check_by(raw: str) -> str:
    by = raw.strip().lower()
    if by not in BY:
        raise DiaryError("by", raw, "is not allowed; use week or month")
    return by


def split(days: list[Day], by: str) -> list[list[Day]]:
    """Consecutive days grouped into ISO weeks (Monday-Sunday) or calendar months."""
    by = check_by(by)

    def key(day: Day) -> tuple[int, int]:
        if by == "week":
            return day.date.isocalendar()[:2]
        return day.date.year, day.date.month

    return [list(group) for _, group in itertools.groupby(days, key)]


def label(p: Period, by: str) -> str:
    """'2026-W45' or 'Nov 2026'."""
    if by == "week":
        return iso_week(p.start)
    return f"{p.start:%b %Y}"


@dataclass
class TrendRow:
    label: str
    period: Period
    change: dict[str, float | None]  # mean minus the baseline, per 0-10 scale and sleep
    verdict: dict[str, str | None]  # that change: better, worse, same or None

    def since(self, name: str) -> str:
        """'+2.8 better', '+0.4 same' or a small change's number alone ('+1.4'): the change
        since the baseline in words, so no colour is needed."""
        delta = self.change[name]
        if delta is None:
            return ""
        return said(f"{rounded(delta):+.1f}", self.verdict[name])

    def cells(self) -> list[str]:
        """Days, function and pain with their change, touch, sleep, mood, exercise a day:
        the same row in the terminal and in every report."""
        p = self.period
        cells = [f"{p.days_logged}/{p.calendar_days}"]
        for name in ("function", "pain"):
            cells += [number(p.mean(name)), self.since(name)]
        cells += [number(p.mean(n)) for n in ("allodynia", "sleep", "mood")]
        return [*cells, p.text("exercise")]

    def as_json(self) -> dict[str, Any]:
        p = self.period
        return {
            "label": self.label,
            "start": p.start.isoformat(),
            "end": p.end.isoformat(),
            "calendar_days": p.calendar_days,
            "days_logged": p.days_logged,
            **{name: p.stats[name].as_json() for name in MEASURES if name in p.stats},
            "exercise_minutes_per_logged_day": p.exercise_per_day,
            "exercise_minutes_total": p.exercise_total or None,  # no session: missing, not 0
            "change_since_baseline": self.change,
            "verdict_since_baseline": self.verdict,
        }


@dataclass
class Trends:
    by: str
    baseline: dict[str, float | None]
    rows: list[TrendRow]

    def sparklines(self) -> dict[str, str]:
        """Each measure's period means as one line: 0-10 scales on 0-10, exercise from 0."""
        return {
            name: sparkline([r.period.mean(name) for r in self.rows], m.low, m.high)
            for name, m in MEASURES.items()
        }

    def key(self) -> str:
        """What the short headers mean, said only for the columns that show something."""
        said = [f"Means of the days logged; Days = days logged of the days in the {self.by}."]
        if any(r.since(n) for r in self.rows for n in ("function", "pain")):
            base = ", ".join(
                f"{n} {number(v)}" if v is not None else f"{n} not scored"
                for n, v in self.baseline.items()
                if n in ("function", "pain")
            )
            said.append(f"±base = change since the baseline ({base}).")
        if any(r.period.exercise_per_day is not None for r in self.rows):
            said.append("Exercise = minutes a logged day.")
        return " ".join(said)

    def as_json(self) -> dict[str, Any]:
        return {
            "by": self.by,
            "baseline": {k: rounded(v, 2) for k, v in self.baseline.items()},
            "periods": [r.as_json() for r in self.rows],
            "sparklines": self.sparklines(),
        }


def trends(
    days: list[Day], by: str, baseline: dict[str, float | None], goal: int | None = None
) -> Trends:
    """One row per week or month of `days`; the first and last may be partial periods."""
    rows = []
    for group in split(days, by):
        p = period(group, goal)
        change = {
            name: None
            if p.mean(name) is None or baseline.get(name) is None
            else one(p.mean(name) - baseline[name])
            for name in MEASURES
            if name in SCALES
        }
        verdict = {
            name: compare(SCALES[name], p.mean(name), one(baseline.get(name)))[1] for name in change
        }
        rows.append(TrendRow(label(p, by), p, change, verdict))
    return Trends(by, baseline, rows)
