"""The week summary: a Monday-Sunday week next to the week before, and one plain headline.

Function is said first because it is what improves first; pain comes second. Every
arrow's meaning (better or worse) comes from measures.py, never from the renderer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..daily import Day
from .measures import (
    COUNTS,
    EXERCISE,
    SCALES,
    Measure,
    arrow,
    averages_note,
    compare,
    number,
    one,
    rounded,
    said,
)
from .period import Period, changes, period


@dataclass(frozen=True)
class Row:
    """One line of the summary table: display texts and whether the change is good.

    `verdict` is "better", "worse", "same" or None; `direction` (up/down/same) gives the
    `arrow`; `change` says both as the Change column shows it ('↑ better', '↓ -1.4').
    """

    label: str
    this: str
    last: str
    verdict: str | None
    direction: str | None = None
    change: str = ""

    @property
    def arrow(self) -> str:
        return arrow(self.direction)


def _row(measure: Measure, label: str, this: str, last: str, a: Any, b: Any) -> Row:
    """A compared row: a small change (no verdict) shows its size after the arrow, except a
    days-with count's, whose share is not a number anyone reads."""
    direction, verdict = compare(measure, a, b)
    amount = arrow(direction)
    if verdict is None and direction not in (None, "same") and measure.name not in COUNTS:
        amount += f" {rounded(a - b):+.1f}"
    return Row(label, this, last, verdict, direction, said(amount, verdict))


def _scale_rows(this: Period, last: Period, names: tuple[str, ...]) -> list[Row]:
    """Average (with its days) of each measure; lowest and highest too for function and pain,
    single days judged by the same rule as the means."""
    rows = []
    for name in names:
        measure, now, before = SCALES[name], this.stats[name], last.stats[name]
        label = f"{measure.label} (average)"
        rows.append(_row(measure, label, now.text(), before.text(), now.mean, before.mean))
        if name in ("function", "pain"):
            for end in ("low", "high"):
                a, b = getattr(now, end), getattr(before, end)
                word = "lowest" if end == "low" else "highest"
                rows.append(_row(measure, f"{measure.label} {word}", _g(a), _g(b), a, b))
    return rows


def _g(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _count_rows(this: Period, last: Period) -> list[Row]:
    """'3 of 5 days', compared as shares of the days answered ('3 of 3 school days')."""
    rows = []
    for name, m in COUNTS.items():
        if name in this.counts:
            now, before = this.counts[name], last.counts[name]
            rows.append(_row(m, m.label, now.text(), before.text(), now.share, before.share))
    return rows


def _exercise_rows(this: Period, last: Period) -> list[Row]:
    rows = [
        _row(
            EXERCISE,
            EXERCISE.label,
            this.exercise_text(),
            last.exercise_text(),
            this.mean("exercise"),
            last.mean("exercise"),
        ),
        Row("Exercise total", this.minutes_text(), last.minutes_text(), None),
    ]
    for kind in dict.fromkeys([*this.exercise, *last.exercise]):
        rows.append(Row(f"  {kind}", this.minutes_text(kind), last.minutes_text(kind), None))
    return rows


def _most_changed(this: Period, last: Period) -> dict[str, Any] | None:
    """The scale measure that moved most, in meaningful steps; None when nothing moved.

    Only measures with a better direction take part: sleep (neither way is better in
    itself) would otherwise headline a week whose function and pain both moved. A tie goes
    to the measure listed first, so function before pain.
    """
    moves = []
    for order, (name, m) in enumerate(SCALES.items()):
        if m.better is None:
            continue
        a, b = this.stats[name].mean, last.stats[name].mean
        direction, verdict = compare(m, a, b)
        if direction not in (None, "same"):
            moves.append((abs(a - b) / m.real, -order, name, a, b, direction, verdict))
    if not moves:
        return None
    *_, name, a, b, direction, verdict = max(moves)
    return {
        "measure": name,
        "label": SCALES[name].label,
        "last": b,
        "this": a,
        "change": one(a - b),
        "direction": direction,
        "verdict": verdict,
    }


# The headline's words for each measure: function first (it improves first), then pain.
# {change} is "5.1 -> 6.3"; "alone" is used when the week before has nothing to compare.
# A small change ("up", "down": more than wobble, less than real) is said with no verdict.
HEADLINE_WORDS = {
    "function": {
        "none": "No function scores this week.",
        "alone": "Function {now} this week (none the week before to compare).",
        "better": "You did more this week: function {change}.",
        "worse": "A harder week: function {change}. Hard weeks happen; keep moving.",
        "same": "Function about the same ({change}).",
        "up": "Function a little higher ({change}).",
        "down": "Function a little lower ({change}).",
    },
    "pain": {
        "none": "No pain scores this week.",
        "alone": "Pain {now}.",
        "better": "Pain eased ({change}).",
        "worse": "Pain was higher ({change}).",
        "same": "Pain about the same ({change}).",
        "up": "Pain a little higher ({change}).",
        "down": "Pain a little lower ({change}).",
    },
}


def headline(this: Period, last: Period, current: bool = True) -> str:
    """Function first, then pain, in words and numbers: 'You did more this week: ...'.

    `current`: the week is still going, so an empty one can still fill in.
    """
    if not this.days_logged:
        if current:
            return "Nothing logged this week yet: log a day and this summary fills in."
        return "Nothing was logged that week."
    return " ".join(_words(name, this, last) for name in HEADLINE_WORDS)


def _words(name: str, this: Period, last: Period) -> str:
    a, b = this.stats[name].mean, last.stats[name].mean
    words = HEADLINE_WORDS[name]
    if a is None:
        return words["none"]
    if b is None:
        return words["alone"].format(now=number(a))
    direction, verdict = compare(SCALES[name], a, b)
    return words[verdict or direction].format(change=f"{number(b)} -> {number(a)}")


@dataclass
class WeekSummary:
    """This week next to last week: the numbers, the table rows and the headline."""

    start: dt.date
    end: dt.date
    this: Period
    last: Period
    goal: int | None
    headline: str
    rows: list[Row]
    most_changed: dict[str, Any] | None

    @property
    def best_day(self) -> Day | None:
        return self.this.best

    @property
    def worst_day(self) -> Day | None:
        return self.this.worst

    @property
    def notes(self) -> list[tuple[dt.date, str]]:
        """Day notes only: private notes never reach a Day, so never a summary."""
        return self.this.notes

    @property
    def exercise(self) -> dict[str, int]:
        return self.this.exercise

    @property
    def best_and_hardest(self) -> str:
        """The best and the hardest day in one sentence, or why there is no such pair."""
        return self.this.standouts.text()

    @property
    def footnote(self) -> str:
        """What the table's '(3 days)' means, with a count from this table, and what its
        blank cells mean when it has some."""
        stats = [p.stats[name] for p in (self.this, self.last) for name in SCALES]
        blanks = any("" in (r.this, r.last) for r in self.rows[1:])
        return averages_note(stats, blanks)

    @property
    def most_changed_text(self) -> str:
        """'' for a week with nothing logged: its headline already says so."""
        m = self.most_changed
        if not self.this.days_logged:
            return ""
        if not self.last.days_logged:
            return "Nothing to compare with yet."
        if m is None:
            return "Nothing changed much since the week before."
        said = f"{m['label']} changed most: {number(m['last'])} -> {number(m['this'])}"
        return said + (f" ({m['verdict']})." if m["verdict"] else ".")

    def as_json(self) -> dict[str, Any]:
        """Each fact once: the best and hardest day and the day notes are each week's own, in
        `this_week` and `last_week` (Period.as_json), not repeated at the top."""
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "headline": self.headline,
            "goal_per_day": self.goal,
            "this_week": self.this.as_json(),
            "last_week": self.last.as_json(),
            "changes": {n: c.as_json() for n, c in changes(self.this, self.last).items()},
            "most_changed": self.most_changed,
        }


def week_summary(
    this_week: list[Day], last_week: list[Day], goal: int | None, current: bool = True
) -> WeekSummary:
    """Summarise this week's days (Monday on, up to 7; fewer while it is still going).

    `current` is False for a week that is over, which changes only an empty week's words.
    """
    start = this_week[0].date - dt.timedelta(days=this_week[0].date.weekday())
    before = last_week or [Day(start - dt.timedelta(days=7 - i)) for i in range(7)]
    this, last = period(this_week, goal), period(before, goal)
    rows = [
        Row(
            "Days logged",
            f"{this.days_logged} of {this.calendar_days}",
            f"{last.days_logged} of {last.calendar_days}",
            None,
        ),
        *_scale_rows(this, last, ("function", "pain", "worst", "allodynia")),
        *_count_rows(this, last),
        *_scale_rows(this, last, ("sleep", "mood")),
        *_exercise_rows(this, last),
    ]
    return WeekSummary(
        start=start,
        end=start + dt.timedelta(days=6),
        this=this,
        last=last,
        goal=goal,
        headline=headline(this, last, current),
        rows=rows,
        most_changed=_most_changed(this, last),
    )
