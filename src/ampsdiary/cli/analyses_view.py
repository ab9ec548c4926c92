"""How `summary`, `trends` and `recovery` look in a terminal: tables, colours, sparklines.

Imported only when one of those commands runs, so `nudge` and logging stay quick.
"""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..analysis.baseline import BASELINE_SOURCES
from ..analysis.measures import ALL_MEASURES, COUNTS, best_and_hardest, number, plural
from ..analysis.period import Change
from ..analysis.recovery import Recovery
from ..analysis.summary import WeekSummary
from ..analysis.trends import MEASURES, TrendRow, Trends
from ..dates import day_label
from ..dates import span_label as label

STYLES = {"better": "green", "worse": "red", "same": "dim"}


def _change(text: str, verdict: str | None) -> Text:
    """A change shown in the colour of its meaning; the word says it without colour too."""
    return Text(text, style=STYLES.get(verdict or "", ""))


def _table(*columns: tuple[str, str], no_wrap: bool = False, gap: int = 2) -> Table:
    """A table of (title, justify) columns `gap` spaces apart (the box's own space is one),
    with no padding at the edges, so 80 columns hold every row."""
    table = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, gap - 1),
        collapse_padding=True,
    )
    for name, justify in columns:
        table.add_column(name, justify=justify, no_wrap=no_wrap)
    return table


def summary(s: WeekSummary, out: Console) -> None:
    so_far = f" (so far: to {day_label(s.this.end)})" if s.this.end < s.end else ""
    out.print(f"Week {label(s.start, s.end)}{so_far}", markup=False)
    out.print(Text(s.headline, style="bold"))
    table = _table(("", "left"), ("This week", "right"), ("Last week", "right"), ("Change", "left"))
    for row in s.rows:
        word = f"{row.arrow} {row.verdict or ''}".strip()
        table.add_row(row.label, row.this, row.last, _change(word, row.verdict))
    out.print(table)
    for line in (s.best_and_hardest, s.most_changed_text):
        if line:
            out.print(line, markup=False)
    if s.notes:
        out.print("Notes:")
        for date, note in s.notes:
            out.print(f"  {day_label(date)}: {note}", markup=False)
    out.print("Averages are of the days logged; (6 days) says how many.")


TREND_COLUMNS = ("Days", "Func", "±base", "Pain", "±base", "Touch", "Sleep", "Mood", "Ex/day")
BETTER_WORDS = {"up": "higher is better", "down": "lower is better"}


def _trend_cells(row: TrendRow) -> list[str | Text]:
    """The row's cells, its changes since the baseline coloured by their verdict."""
    cells: list[str | Text] = list(row.cells())
    for i, name in ((2, "function"), (4, "pain")):
        cells[i] = _change(row.since(name), row.verdict[name])
    return cells


def trends(t: Trends, out: Console) -> None:
    first = "Week of" if t.by == "week" else "Month"
    columns = ((name, "right") for name in TREND_COLUMNS)
    table = _table((first, "left"), *columns, no_wrap=True, gap=1)  # ten columns in 80
    for row in t.rows:
        title = day_label(row.period.start) if t.by == "week" else row.label
        table.add_row(title, *_trend_cells(row))
    out.print(table)
    base = ", ".join(
        f"{n} {number(v)}" if v is not None else f"{n} not scored"
        for n, v in t.baseline.items()
        if n in ("function", "pain")
    )
    out.print(
        f"Means of the days logged; ±base = change since the baseline ({base}). "
        "Touch = allodynia, Ex/day = exercise minutes a logged day.",
        markup=False,
    )
    width = max(len(m.label) for m in MEASURES.values())
    for name, line in t.sparklines().items():
        if not line.strip():
            continue  # never logged in these periods
        better = BETTER_WORDS.get(MEASURES[name].better or "", "")
        out.print(f"{MEASURES[name].label:<{width}} {line}  {better}".rstrip(), markup=False)


def _since(name: str, change: Change) -> Text:
    """'+4.0 better' for a mean; '↓ better' for a days-with count, whose share is not shown."""
    if change.value is None:
        return Text("")
    amount = change.arrow if name in COUNTS else f"{change.value:+.1f}"
    return _change(f"{amount} {change.verdict or ''}".strip(), change.verdict)


def _onset(r: Recovery, name: str) -> str:
    """'Mon 14 Sep 2026', or 'not yet' (with a change waiting for its hold), or cannot tell."""
    if r.baseline[name] is None:
        return f"cannot tell (no {name} scores in the baseline)"
    found = r.onset(name)
    if found:
        return label(found, found)
    waiting = r.pending_of(name)
    if waiting is None:
        return "not yet"
    since, until = (day_label(d) for d in waiting)
    return f"not yet (on target since {since}; lasting if it holds to {until})"


def recovery(r: Recovery, out: Console) -> None:
    out.print(
        f"{label(r.dates[0], r.dates[-1])}: {r.days_logged} of {plural(len(r.dates), 'day')} "
        f"logged ({r.adherence:.0%}), {r.streak} in a row.",
        markup=False,
    )
    out.print(
        f"Baseline: {label(r.baseline_start, r.baseline_end)} "
        f"({plural(r.baseline_days, 'day')} logged; {BASELINE_SOURCES[r.baseline_source]}).",
        markup=False,
    )
    table = _table(
        ("", "left"), ("Baseline", "right"), ("Last 7 days", "right"), ("Change", "right")
    )
    for name, change in r.changes.items():
        base, recent = r.baseline_period.text(name), r.last_7.text(name)
        table.add_row(ALL_MEASURES[name].label, base, recent, _since(name, change))
    out.print(table)
    for what, name in (("Function improved from:", "function"), ("Pain eased from:", "pain")):
        out.print(f"{what:<23} {_onset(r, name)}", markup=False)
    lag = r.lag_days
    said = "" if lag is None else f"Lag: {plural(lag, 'day')} (pain onset - function onset). "
    out.print(f"{said}Pattern: {r.pattern}.", markup=False)
    out.print()
    out.print(r.explain(), markup=False)
    out.print()
    if r.best:
        out.print(best_and_hardest(r.best, r.worst), markup=False)
    if r.exercise_per_week is not None:
        goal = "" if r.goal is None else f" (goal {r.goal * 7}: {r.goal} a day)"
        out.print(
            f"Exercise: {r.exercise_per_week:g} minutes a week on average{goal}.", markup=False
        )
