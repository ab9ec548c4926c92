"""`show` (the last days, one row each) and `history` (what was changed or deleted)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from .. import daily
from ..dates import DATE_HELP, day_label, parse_date, today
from ..validate import whole_number
from ..vocabulary import FIELDS
from .common import JsonOption, cell, emit, friendly_errors, opened

COLUMNS = (
    ("Date", "left"),
    ("Pain", "right"),
    ("Worst", "right"),
    ("Func", "right"),
    ("Touch", "right"),
    ("Swell", "left"),
    ("Skin", "left"),
    ("School", "left"),
    ("Sport", "left"),
    ("Friends", "left"),
    ("Ex min", "right"),
)


def day_table(days: list[daily.Day]) -> Table:
    """Pain is the day's mean, Worst its highest, Touch the allodynia mean, Func function."""
    # The box's column separator is the only gap, so 11 columns fit an 80-column terminal.
    table = Table(title="Your diary", box=box.SIMPLE_HEAD, padding=0, show_edge=False)
    for name, justify in COLUMNS:
        wraps = name == "Skin"
        table.add_column(
            name,
            justify=justify,
            no_wrap=not wraps,
            min_width=10 if wraps else None,
            overflow="fold",
        )
    for d in days:
        table.add_row(
            day_label(d.date),
            *map(cell, (d.pain, d.worst, d.function, d.allodynia, d.swelling, d.skin or None)),
            *map(cell, (d.school, d.sport, d.social, d.exercise_minutes)),
        )
    return table


def show(
    ctx: typer.Context,
    days: Annotated[
        str, typer.Option(help="How many days back to show, 1 to 3660.", metavar="N")
    ] = "14",
    as_json: JsonOption = False,
) -> None:
    """Show the last days, one row a day; blank means not logged."""
    end = today()
    start = end - dt.timedelta(days=whole_number("--days", days, 1, 3660) - 1)
    with opened(ctx) as diary:
        rows = diary.days(start, end)
    logged = sum(d.logged for d in rows)

    def render(out: Console) -> None:
        out.print(day_table(rows))
        out.print(f"{logged} of {len(rows)} days logged. Blank = not logged.")

    emit(as_json, {"days": [d.as_json() for d in rows], "days_logged": logged}, render)


ACTIONS = {"add": "added", "edit": "changed", "delete": "deleted"}
# Bookkeeping, not what was logged (updated_at: in rows deleted before migration m002).
INTERNAL = ("id", "uid", "date", "recorded_at", "updated_at", "changed_at")


def _what(change: dict) -> str:
    """'Pain now (entry #4)', 'Entry #4', 'Day note', or a setting's key."""
    row = change["kind"]
    if row in ("entry", "session"):
        row += f" #{change['key']}"
    name = change["field"]
    if not name:
        return row.capitalize()
    if name not in FIELDS:
        return name
    return FIELDS[name].label if row == "day" else f"{FIELDS[name].label} ({row})"


def _value(value: object) -> str:
    """An old value as typed; a deleted row as what was logged, in the words `log` uses."""
    if isinstance(value, dict):
        shown = {k: v for k, v in value.items() if v is not None and k not in INTERNAL}
        return "; ".join(
            f"{FIELDS[k].label.lower() if k in FIELDS else k} {cell(v)}" for k, v in shown.items()
        )
    return cell(value) or "(empty)"


def history(
    ctx: typer.Context,
    date: Annotated[
        str | None, typer.Argument(help=f"Only this day: {DATE_HELP}.", metavar="DATE")
    ] = None,
    private: Annotated[
        bool, typer.Option("--private", help="Also show private notes (only you should see them).")
    ] = False,
    added: Annotated[
        bool, typer.Option("--added", help="Also list additions: what was first logged, and how.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Show what was changed or deleted, with the old values."""
    day = parse_date(date, "DATE") if date else None
    with opened(ctx) as diary:  # parents may look at this screen too: private on request
        changes = diary.history(day, private=private)
    if not added:
        changes = [c for c in changes if c["action"] != "add"]

    def render(out: Console) -> None:
        if not changes:
            out.print(
                "No changes" + (f" for {day}." if day else ". Nothing was edited or deleted.")
            )
            return
        table = Table(title="Changes (old values are kept)", title_justify="left")
        for name in ("Changed at", "Day", "What", "Action", "Old", "New"):
            table.add_column(name, overflow="fold")
        for c in changes:
            changed = dt.datetime.fromisoformat(c["changed_at"]).astimezone()  # UTC to local
            table.add_row(
                f"{day_label(changed.date())} {changed:%H:%M}",
                day_label(dt.date.fromisoformat(c["date"])) if c["date"] else "",
                _what(c),
                ACTIONS.get(c["action"], c["action"]),
                _value(c["old_value"]),
                _value(c["new_value"]) if c["new_value"] is not None else "",
            )
        out.print(table)

    emit(as_json, {"changes": changes}, render)


def register(app: typer.Typer) -> None:
    app.command()(friendly_errors(show))
    app.command()(friendly_errors(history))
