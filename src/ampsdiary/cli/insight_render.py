"""How `summary`, `trends` and `recovery` look in a terminal: tables, colours, sparklines.

Imported only when one of those commands runs, so `nudge` and logging stay quick.
"""

from __future__ import annotations

import datetime as dt

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..analysis.measures import SCALES, day_text, number
from ..analysis.recovery import Recovery
from ..analysis.summary import WeekSummary
from ..analysis.trends import MEASURES, TrendRow, Trends

STYLES = {"better": "green", "worse": "red", "same": "dim"}


def _change(text: str, verdict: str | None) -> Text:
    """A change shown in the colour of its meaning; the word says it without colour too."""
    return Text(text, style=STYLES.get(verdict or "", ""))


def _days(first: dt.date, last: dt.date) -> str:
    return f"{first:%a %d %b} to {last:%a %d %b %Y}"


def summary(s: WeekSummary, out: Console) -> None:
    so_far = f" (so far: to {s.this.end:%a %d %b})" if s.this.end < s.end else ""
    out.print(f"Week {s.start:%a %d %b} - {s.end:%a %d %b %Y}{so_far}", markup=False)
    out.print(Text(s.headline, style="bold"))
    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    for name, justify in (("", "left"), ("This week", "right"), ("Last week", "right")):
        table.add_column(name, justify=justify)
    table.add_column("Change")
    for row in s.rows:
        word = f"{row.arrow} {row.verdict or ''}".strip()
        table.add_row(row.label, row.this, row.last, _change(word, row.verdict))
    out.print(table)
    best, worst = s.day_texts()
    if best:
        out.print(f"Best day: {best}. Hardest day: {worst}.", markup=False)
    out.print(s.most_changed_text, markup=False)
    if s.notes:
        out.print("Notes:")
        for date, note in s.notes:
            out.print(f"  {date:%a %d %b}: {note}", markup=False)
    out.print("Averages are of the days logged; (6 days) says how many.")


TREND_COLUMNS = ("Days", "Func", "±base", "Pain", "±base", "Touch", "Sleep", "Mood", "Ex/day")
BETTER_WORDS = {"up": "higher is better", "down": "lower is better"}


def _trend_cells(row: TrendRow) -> list[str | Text]:
    p = row.period
    cells: list[str | Text] = [f"{p.days_logged}/{p.calendar_days}"]
    for name in ("function", "pain"):
        delta = "" if row.change[name] is None else f"{row.change[name]:+.1f}"
        cells += [number(p.mean(name)), _change(delta, row.verdict[name])]
    cells += [number(p.mean(n)) for n in ("allodynia", "sleep", "mood")]
    return [*cells, "" if p.exercise_per_day is None else f"{p.exercise_per_day:g}"]


def trends(t: Trends, out: Console) -> None:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    table.add_column("Week of" if t.by == "week" else "Month", no_wrap=True)
    for name in TREND_COLUMNS:
        table.add_column(name, justify="right", no_wrap=True)
    for row in t.rows:
        title = f"{row.period.start:%d %b %y}" if t.by == "week" else row.label
        table.add_row(title, *_trend_cells(row))
    out.print(table)
    base = ", ".join(f"{n} {number(v)}" for n, v in t.baseline.items() if n in ("function", "pain"))
    out.print(
        f"Means of the days logged; ±base = change since the baseline ({base}). "
        "Touch = allodynia, Ex/day = exercise minutes a logged day.",
        markup=False,
    )
    for name, line in t.sparklines().items():
        if not line.strip():
            continue  # never logged in these periods
        better = BETTER_WORDS.get(MEASURES[name].better or "", "")
        out.print(f"{MEASURES[name].label:<19} {line}  {better}".rstrip(), markup=False)


def recovery(r: Recovery, out: Console) -> None:
    out.print(
        f"{_days(r.dates[0], r.dates[-1])}: {r.days_logged} of {len(r.dates)} days logged "
        f"({r.adherence:.0%}), {r.streak} in a row.",
        markup=False,
    )
    out.print(
        f"Baseline: {_days(r.baseline_start, r.baseline_end)} ({r.baseline_days} days logged).",
        markup=False,
    )
    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    for name, justify in (
        ("", "left"),
        ("Baseline", "right"),
        ("Last 7 days", "right"),
        ("Change", "right"),
    ):
        table.add_column(name, justify=justify)
    for name, m in SCALES.items():
        recent, delta = r.recent[name], r.change[name]
        verdict = r.verdict(name)
        shown = "" if delta is None else f"{delta:+.1f} {verdict or ''}".strip()
        table.add_row(m.label, number(r.baseline[name]), recent.text(), _change(shown, verdict))
    out.print(table)
    when = lambda d: f"{d:%a %d %b %Y}" if d else "not yet"  # noqa: E731
    out.print(f"Function improved from: {when(r.function_onset)}", markup=False)
    out.print(f"Pain eased from:        {when(r.pain_onset)}", markup=False)
    lag = "" if r.lag_days is None else f"Lag: {r.lag_days} days (pain onset - function onset). "
    out.print(f"{lag}Pattern: {r.pattern}.", markup=False)
    out.print()
    out.print(r.explain(), markup=False)
    out.print()
    if r.best:
        out.print(f"Best day: {day_text(r.best)}. Hardest day: {day_text(r.worst)}.", markup=False)
    if r.exercise_per_week is not None:
        goal = "" if r.goal is None else f" (goal {r.goal * 7}: {r.goal} a day)"
        out.print(
            f"Exercise: {r.exercise_per_week:g} minutes a week on average{goal}.", markup=False
        )
