"""Making what the picture and report tests read back: hand-made diaries, their figures,
and report files written by the real command."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ampsdiary import open_diary

START = dt.date(2026, 10, 1)  # a Thursday; 35 days end on Wed 4 Nov


def day(n: int) -> dt.date:
    return START + dt.timedelta(days=n)


def write_diary(path: Path, function: list, pain: list, notes: dict | None = None) -> Path:
    """One function and pain value a day from START (None = not logged), 30 minutes of
    exercise on logged days, and day or private notes by day index."""
    entries, days, sessions = [], [], []
    for i, (f, p) in enumerate(zip(function, pain, strict=True)):
        date = day(i).isoformat()
        if f is None and p is None:
            continue
        if p is not None:
            entries.append({"date": date, "time": "08:00", "pain": p, "allodynia": p - 1})
        days.append({"date": date, "function": f, **(notes or {}).get(i, {})})
        sessions.append({"date": date, "kind": "aerobic", "minutes": 30})
    diary = open_diary(path, create=True)
    diary.add_all(entries, days, sessions)
    diary.close()
    return path


def diary_days(path: Path, function: list, pain: list) -> list:
    """The days of a hand-made diary from START, as the pictures get them."""

    diary = open_diary(write_diary(path, function, pain), create=True)
    days = diary.days(START, day(len(function) - 1))
    diary.close()
    return days


def recovery_figure(path: Path, function: list, pain: list):
    """The recovery figure of a hand-made diary from START, drawn in the house style."""
    from ampsdiary.analysis.recovery import analyse
    from ampsdiary.plots import recovery, style

    days = diary_days(path, function, pain)
    with style.context():
        fig = recovery.figure(days, analyse(days))
        fig.draw_without_rendering()
    return fig


def lines_of(ax) -> dict:
    """Each labelled line's points as {date: y}, and its raw y data under the label + ' y'."""
    from matplotlib.dates import num2date

    found = {}
    for line in ax.get_lines():
        xs = [num2date(x).date() if not isinstance(x, dt.date) else x for x in line.get_xdata()]
        found[line.get_label()] = dict(zip(xs, line.get_ydata(), strict=True))
        found[line.get_label() + " y"] = list(line.get_ydata())
    return found


def write(run, db: Path, out: Path, *args: str):
    """`ampsdiary --db DB report --out OUT ...`, which must succeed."""
    result = run("--db", str(db), "report", "--out", str(out), *args)
    assert result.exit_code == 0, result.output
    return result
