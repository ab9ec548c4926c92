"""How `summary`, `trends` and `recovery` look in a terminal: tables, colours, sparklines.

Imported only when one of those commands runs, so `nudge` and logging stay quick.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from ..analysis.baseline import BASELINE_SOURCES
from ..analysis.explain import PATTERN_WORDS, lag_sentence
from ..analysis.measures import ALL_MEASURES, COUNTS, plural
from ..analysis.period import Change
from ..analysis.recovery import Recovery
from ..analysis.summary import WeekSummary
from ..analysis.trends import HEADERS, MEASURES, TrendRow, Trends
from ..dates import day_label
from ..dates import span_label as label
from .tables import Column, fit

STYLES = {"better": "green", "worse": "red", "same": "dim"}


def _change(text: str, verdict: str | None) -> Text:
    """A change shown in the colour of its meaning; the word says it without colour too."""
    return Text(text, style=STYLES.get(verdict or "", ""))


def summary(s: WeekSummary, out: Console) -> None:
    so_far = f" (so far: to {day_label(s.this.end)})" if s.this.end < s.end else ""
    out.print(f"Week {label(s.start, s.end)}{so_far}", markup=False)
    out.print(Text(s.headline, style="bold"))
    columns = [Column("", "left", wraps=True), Column("This week"), Column("Week before")]
    rows = [[r.label, r.this, r.last, _change(r.change, r.verdict)] for r in s.rows]
    _print(out, fit([*columns, Column("Change", "left")], rows, out))
    for line in (s.best_and_hardest, s.most_changed_text):
        if line:
            out.print(line, markup=False)
    if s.notes:
        out.print("Notes:")
        for date, note in s.notes:
            out.print(f"  {day_label(date)}: {note}", markup=False)
    if s.footnote:
        out.print(s.footnote, markup=False)


def _print(out: Console, tables: list) -> None:
    """Tables one under the other, a blank line between the parts of a stacked one."""
    for n, table in enumerate(tables):
        if n:
            out.print()
        out.print(table)


TREND_COLUMNS = HEADERS
BETTER_WORDS = {"up": "higher is better", "down": "lower is better"}


def _trend_cells(row: TrendRow) -> list[str | Text]:
    """The row's cells, its changes since the baseline coloured by their verdict."""
    cells: list[str | Text] = list(row.cells())
    for i, name in ((2, "function"), (4, "pain")):
        cells[i] = _change(row.since(name), row.verdict[name])
    return cells


def trends(t: Trends, out: Console) -> None:
    first = "Week of" if t.by == "week" else "Month"
    columns = [Column(first, "left"), *(Column(name) for name in TREND_COLUMNS)]
    rows = [
        [day_label(row.period.start) if t.by == "week" else row.label, *_trend_cells(row)]
        for row in t.rows
    ]
    _print(out, fit(columns, rows, out, gap=1, stack=True))  # ten columns in 80
    out.print(t.key(), markup=False)
    _sparklines(t, out)


def _sparklines(t: Trends, out: Console) -> None:
    """A line per measure: its label, its blocks and which way is better; in a terminal too
    narrow for that, the label over the blocks, which wrap at its edge."""
    width = max(len(m.label) for m in MEASURES.values())
    for name, line in t.sparklines().items():
        if not line.strip():
            continue  # never logged in these periods
        better = BETTER_WORDS.get(MEASURES[name].better or "", "")
        said = f"{MEASURES[name].label:<{width}} {line}  {better}".rstrip()
        if len(said) <= out.width:
            out.print(said, markup=False)
            continue
        out.print(f"{MEASURES[name].label} ({better or 'neither way is better'}):", markup=False)
        room = max(1, out.width - 2)
        for start in range(0, len(line), room):
            out.print(f"  {line[start : start + room]}", markup=False)


def _since(name: str, change: Change) -> Text:
    """The change in the colour of its verdict (Change.text says it in words too)."""
    return _change(change.text(name in COUNTS), change.verdict)


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


def _pattern(r: Recovery) -> str:
    """The pattern in words; a measure the baseline cannot judge leaves it untold."""
    unjudged = [name for name in ("function", "pain") if r.baseline[name] is None]
    if unjudged:
        return f"cannot tell without {' and '.join(unjudged)} scores in the baseline"
    return PATTERN_WORDS[r.pattern]


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
    columns = [Column("", "left", wraps=True), Column("Baseline"), Column("Last 7 days")]
    rows = [
        [ALL_MEASURES[n].label, r.baseline_period.text(n), r.last_7.text(n), _since(n, c)]
        for n, c in r.changes.items()
    ]
    _print(out, fit([*columns, Column("Change")], rows, out))
    for what, name in (("Function improved from:", "function"), ("Pain eased from:", "pain")):
        out.print(f"{what:<23} {_onset(r, name)}", markup=False)
    out.print(f"{lag_sentence(r)}Pattern: {_pattern(r)}.", markup=False)
    out.print()
    out.print(r.explain(), markup=False)
    out.print()
    if said := r.whole.standouts.text():
        out.print(said, markup=False)
    if r.exercise_per_week is not None:
        goal = "" if r.goal is None else f" (goal {r.goal * 7}: {r.goal} a day)"
        out.print(
            f"Exercise: {plural(r.exercise_per_week, 'minute')} a week on average{goal}.",
            markup=False,
        )
