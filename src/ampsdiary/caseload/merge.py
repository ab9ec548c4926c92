"""One patient's exports as one diary: the newest value of a day wins, as import would.

Patients send an export every few weeks, each overlapping the last, sometimes a daily CSV
one month and a bundle the next. Read oldest first, rows with a lasting id (the entries
and sessions of bundles and json exports) are each kept once, a newer export's values
filling in over an older one's, and a day's facts are filled in field by field the same
way: what `ampsdiary import --on-conflict replace` does with the files in that order. A
daily CSV holds whole days with no ids, so a day in a newer daily CSV replaces that day,
and a newer bundle or json export with rows on a day replaces an older CSV's day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..daily import Day, daily_values
from .read import Read

Row = dict[str, Any]


@dataclass
class Merged:
    """Every calendar day from the first logged one to the last day reviewed, and the
    settings the analysis uses (from json exports; the newest wins)."""

    days: list[Day]
    treatment_start: dt.date | None
    goal: int | None


def _fill(old: Row | None, new: Row) -> Row:
    """`new` over `old`, a value missing in `new` kept from `old` (import never clears one)."""
    if old is None:
        return new
    return {**old, **{k: v for k, v in new.items() if v is not None}}


def _days(
    entries: dict[Any, Row],
    sessions: dict[Any, Row],
    facts: dict[str, Row],
    rows_at: dict[str, int],
    tables: dict[dt.date, tuple[int, Day]],
    end: dt.date,
) -> list[Day] | None:
    """One Day a calendar day from the first logged one to `end`: worked out from the rows
    by daily_values, as the diary does, unless a newer daily CSV holds that day."""
    dates = [dt.date.fromisoformat(d) for d in rows_at]
    logged = [d for d in (*dates, *tables) if d <= end]
    if not logged:
        return None
    first = min(logged)
    if rows_at:
        days = daily_values(first, end, list(entries.values()), list(facts.values()),
                            list(sessions.values()))  # fmt: skip
    else:  # daily tables alone: their days, and nothing logged in between
        dates = [first + dt.timedelta(days=n) for n in range((end - first).days + 1)]
        return [tables[d][1] if d in tables else Day(d) for d in dates]
    for i, day in enumerate(days if tables else ()):
        table = tables.get(day.date)
        if table and table[0] > rows_at.get(day.date.isoformat(), -1):
            days[i] = table[1]
    return days


def merge(reads: list[Read], end: dt.date) -> Merged | None:
    """The exports of one patient, oldest first, as one diary up to `end`; None when nothing
    was logged on or before `end`."""
    entries: dict[Any, Row] = {}
    sessions: dict[Any, Row] = {}
    facts: dict[str, Row] = {}
    rows_at: dict[str, int] = {}  # the newest export with rows on a day
    tables: dict[dt.date, tuple[int, Day]] = {}  # the newest daily-CSV day
    settings: dict[str, str] = {}
    for n, read in enumerate(reads):
        for kept, rows in ((entries, read.entries), (sessions, read.sessions)):
            for i, row in enumerate(rows):
                key = row["uid"] or (n, i)  # a row without an id is its file's own
                kept[key] = _fill(kept.get(key), row)
                rows_at[row["date"]] = n
        for row in read.facts.values():
            facts[row["date"]] = _fill(facts.get(row["date"]), row)
            rows_at[row["date"]] = n
        for date, day in read.days.items():
            tables[date] = (n, day)
        settings.update(read.settings)
    days = _days(entries, sessions, facts, rows_at, tables, end)
    if days is None:
        return None
    start = settings.get("treatment-start")
    goal = settings.get("exercise-goal")
    return Merged(
        days,
        dt.date.fromisoformat(start) if start else None,
        int(goal) if goal else None,
    )
