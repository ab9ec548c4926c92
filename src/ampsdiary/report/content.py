"""What a printed report says, built once so the PDF, HTML and Markdown can never disagree.

A report is a title, who it is about, the dates, and a list of blocks (text, tables, the
recovery chart, notes) that each renderer lays out in its own way. Everything here is
pure: the numbers come from the analysis (the same `week_summary` as `ampsdiary summary`),
and only day notes are shown, since private notes never reach a `Day`. Diary text (notes,
the name) loses its control characters here, so no renderer prints them.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ..analysis.explain import lag_label
from ..analysis.measures import COUNTS, SCALES, averages_note, iso, number, plural
from ..analysis.period import Period, period
from ..analysis.recovery import Recovery
from ..analysis.summary import week_summary
from ..analysis.trends import HEADERS, trends
from ..daily import Day
from ..dates import day_label
from ..dates import span_label as label
from ..plots.recovery import how_to_read

WEEK_COLUMNS = ("Week of", *HEADERS)
# True of every page. What a table's "(3 days)" means is said under it, or, on the weekly
# report's one page, in its footer, with a count from that page.
FOOTER = "Private notes are never included."


@dataclass(frozen=True)
class Text:
    text: str
    style: str = "body"  # "headline", "body" or "small"


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Table:
    """Display texts; `verdicts` (better/worse/same/None per row) colour the last column."""

    columns: tuple[str, ...]
    rows: list[tuple[str, ...]]
    verdicts: list[str | None] = field(default_factory=list)


@dataclass(frozen=True)
class Chart:
    """The recovery picture of `days`; `weeks` says the same in numbers for text-only outputs."""

    days: list[Day]
    recovery: Recovery
    caption: str
    weeks: Table | None


@dataclass(frozen=True)
class Notes:
    """Day notes by date under their heading; `fit` keeps them to the rest of a printed page
    (the weekly one), cut short where needed, the heading saying where the whole notes are."""

    title: str
    items: list[tuple[dt.date, str]]
    fit: bool = False


@dataclass(frozen=True)
class Columns:
    """Two lists of blocks side by side on a page, one after the other in Markdown."""

    left: list[Block]
    right: list[Block]


Block = Text | Heading | Table | Chart | Notes | Columns


@dataclass
class Report:
    title: str
    who: str
    dates: str
    blocks: list[Block]
    footer: str
    data: dict[str, Any]


def clean(text: str) -> str:
    """Diary text without control characters (a pasted escape code, a NUL); line breaks
    stay and tabs become spaces; half a character pair (a lone surrogate, which no file can
    hold) becomes the replacement mark."""
    text = text.replace("\t", " ")
    kept = (c for c in text if c == "\n" or unicodedata.category(c) != "Cc")
    return "".join("\ufffd" if unicodedata.category(c) == "Cs" else c for c in kept)


def _who(settings: dict[str, str]) -> str:
    """'Demo Teen (DEMO-001)', whichever of the two is set."""
    name, pid = (clean(settings.get(key) or "") for key in ("name", "patient-id"))
    if name and pid:
        return f"{name} ({pid})"
    return name or pid


def _chart(days: list[Day], recovery: Recovery, goal: int | None, numbers: bool) -> Chart:
    """The picture, and with `numbers` one row per week of function and pain means."""
    if not numbers:
        return Chart(days, recovery, how_to_read(days, recovery), None)
    rows = [
        (
            day_label(row.period.start),
            f"{row.period.days_logged} of {row.period.calendar_days}",
            number(row.period.mean("function")),
            number(row.period.mean("pain")),
        )
        for row in trends(days, "week", recovery.baseline, goal).rows
    ]
    weeks = Table(("Week of", "Days logged", "Function", "Pain"), rows)
    return Chart(days, recovery, _recovery_line(recovery), weeks)


def _recovery_line(recovery: Recovery) -> str:
    """'Function first: 19 days earlier (function up from Tue 6 Oct, pain down from ...).'"""
    label = lag_label(recovery)
    said = [
        f"{what} from {day_label(onset)}"
        for what, onset in (
            ("function up", recovery.function_onset),
            ("pain down", recovery.pain_onset),
        )
        if onset
    ]
    return label[0].upper() + label[1:] + (f" ({', '.join(said)})." if said else ".")


def _exercise(days: list[Day], summary_period: Period, goal: int | None) -> list[Block]:
    """Minutes on each day with sessions against the daily goal: 'Mon 115 ✓, Tue 55'.

    A logged day without sessions is named as such, never shown as 0 minutes.
    """
    if goal is None:
        lead = "No daily goal set (ampsdiary config set exercise-goal MINUTES)."
    else:
        met = summary_period.counts["goal_met"].text() or "no day yet"
        lead = f"Goal {plural(goal, 'minute')} a day, met on {met}."
    done = [(d.date, d.exercise_minutes) for d in days if d.exercise_minutes is not None]
    if not done:
        return [Heading("Exercise against the goal"), Text(f"{lead} No sessions logged.")]
    each = ", ".join(
        f"{date:%a} {m}" + (" ✓" if goal is not None and m >= goal else "") for date, m in done
    )
    text = f"{lead} Minutes: {each}."
    if none := [f"{d.date:%a}" for d in days if d.logged and d.exercise_minutes is None]:
        text += f" No sessions logged on {', '.join(none)}."
    return [Heading("Exercise against the goal"), Text(text)]


def _notes(notes: list[tuple[dt.date, str]], fit: bool = False) -> list[Block]:
    title = "Day notes"
    if not notes:
        return [Heading(title), Text("No day notes this time.", "small")]
    return [Notes(title, [(d, clean(note)) for d, note in notes], fit)]


def weekly(
    this: list[Day],
    last: list[Day],
    chart_days: list[Day],
    recovery: Recovery,
    settings: dict[str, str],
    goal: int | None,
) -> Report:
    """One week (Monday on, to today at most) next to the week before, for a parent's folder."""
    summary = week_summary(this, last, goal)
    dates = f"Week {summary.start.isocalendar().week}, {label(summary.start, summary.end)}"
    if this[-1].date < summary.end:
        dates += f" (so far: to {day_label(this[-1].date)})"
    rows = [(r.label, r.this, r.last, r.change) for r in summary.rows]
    table = Table(
        ("", "This week", "Week before", "Change"), rows, [r.verdict for r in summary.rows]
    )
    side: list[Block] = [Heading("Best and hardest day"), Text(summary.best_and_hardest)]
    side += [Text(summary.most_changed_text, "small"), *_exercise(this, summary.this, goal)]
    blocks: list[Block] = [
        Text(summary.headline, "headline"),
        Columns([table], side),
        Heading(f"Function and pain, {label(chart_days[0].date, chart_days[-1].date)}"),
        _chart(chart_days, recovery, goal, numbers=True),
        *_notes(summary.notes, fit=True),
    ]
    data = {"summary": summary.as_json(), "recovery": _recovery_json(recovery)}
    footer = f"{summary.footnote} {FOOTER}".strip()  # one page: its footer can say it all
    return Report("Weekly report", _who(settings), dates, blocks, footer, data)


def _recovery_json(recovery: Recovery) -> dict[str, Any]:
    return {
        "function_onset": iso(recovery.function_onset),
        "pain_onset": iso(recovery.pain_onset),
        "lag_days": recovery.lag_days,
        "pattern": recovery.pattern,
        "explanation": recovery.explain(),
    }


def _whole(p: Period) -> list[Block]:
    """The period's averages and day counts, each with the days it rests on, and what its
    '(N days)' means."""
    rows: list[tuple[str, ...]] = [("Days logged", f"{p.days_logged} of {p.calendar_days}")]
    for name, measure in SCALES.items():
        s = p.stats[name]
        rows.append((f"{measure.label} (average)", s.text()))
        if name in ("function", "pain") and s.days:
            rows.append((f"{measure.label} lowest – highest", f"{s.low:g} – {s.high:g}"))
    rows += [(m.label, p.counts[n].text()) for n, m in COUNTS.items() if n in p.counts]
    rows += _exercise_rows(p)
    note = averages_note(p.stats.values(), any(not r[1] for r in rows))
    return [Table(("", "Whole period"), rows), *([Text(note, "small")] if note else [])]


def _exercise_rows(p: Period) -> list[tuple[str, ...]]:
    """The rate against the goal, then the total and its kinds: the week summary's rows."""
    return [
        ("Exercise, minutes a logged day", p.exercise_text()),
        ("Exercise total", p.minutes_text()),
        *((f"  {kind}", p.minutes_text(kind)) for kind in p.exercise),
    ]


def _week_rows(days: list[Day], recovery: Recovery, goal: int | None) -> list[Block]:
    """Therapist's view: each week's means and their change since the baseline, and what the
    table's short headers mean."""
    weeks = trends(days, "week", recovery.baseline, goal)
    rows = [(day_label(row.period.start), *row.cells()) for row in weeks.rows]
    return [Table(WEEK_COLUMNS, rows), Text(weeks.key(), "small")]


def longer(
    days: list[Day], recovery: Recovery, settings: dict[str, str], goal: int | None
) -> Report:
    """A therapist's report for any span: the recovery story, week by week, and all notes."""
    whole = period(days, goal)
    blocks: list[Block] = [
        Text(_recovery_line(recovery), "headline"),
        Text(recovery.explain()),
        Heading(f"Function and pain, {label(days[0].date, days[-1].date)}"),
        _chart(days, recovery, goal, numbers=False),
        Heading("Week by week"),
        *_week_rows(days, recovery, goal),
        Heading("The whole period"),
        *_whole(whole),
        *_notes(whole.notes),
    ]
    data = {"period": whole.as_json(), "recovery": _recovery_json(recovery)}
    title = "Diary report"
    return Report(title, _who(settings), label(days[0].date, days[-1].date), blocks, FOOTER, data)
