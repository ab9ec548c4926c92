"""`show` (the last days, one row each) and `history` (what was changed or deleted)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer
from rich.console import Console, Group
from rich.table import Table

from .. import daily
from ..analysis.measures import plural
from ..dates import DATE_HELP, day_label, parse_date, today
from ..validate import whole_number
from ..vocabulary import FIELDS
from .common import JsonOption, cell, emit, friendly_errors, opened
from .tables import Column, fit

# Short headers, each the field's own word ('Worst' for worst pain, 'Func' for function):
# the eleven columns fit 100 terminal columns, and a narrower terminal stacks them.
COLUMNS = (
    Column("Date", "left"),
    Column("Pain"),
    Column("Worst"),
    Column("Func"),
    Column("Allodynia"),
    Column("Swelling", "left"),
    Column("Skin", "left", wraps=True),
    Column("School", "left"),
    Column("Sport", "left"),
    Column("Friends", "left"),
    Column("Exercise"),
)


def day_rows(days: list[daily.Day]) -> list[list[str]]:
    """Pain is the day's mean, Worst its highest, Allodynia its mean, Exercise its minutes."""
    return [
        [
            day_label(d.date),
            *map(cell, (d.pain, d.worst, d.function, d.allodynia, d.swelling, d.skin or None)),
            *map(cell, (d.school, d.sport, d.social, d.exercise_minutes)),
        ]
        for d in days
    ]


def _key(rows: list[list[str]]) -> str:
    """What the page's numbers mean, said only for what it shows."""
    said = ["Pain is the day's average and Worst its worst pain."]
    if any(r[-1] for r in rows):
        said.append("Exercise is minutes that day.")
    if any("" in r[1:] for r in rows):
        said.append("Blank = not logged.")
    return " ".join(said)


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
        cells = day_rows(rows)
        tables = fit(list(COLUMNS), cells, out, gap=1, stack=True, title="Your diary")
        for n, table in enumerate(tables):
            out.print(table if n == 0 else Group("", table))
        out.print(f"{logged} of {plural(len(rows), 'day')} logged. {_key(cells)}", markup=False)

    emit(as_json, {"days": [d.as_json() for d in rows], "days_logged": logged}, render)


ACTIONS = {"add": "added", "edit": "changed", "delete": "deleted"}
UNDONE = {"add": "put back", "edit": "changed back", "delete": "taken out"}  # by `undo`
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


def _action(change: dict) -> str:
    """'changed', or for an undo what it did and which change it undid: 'put back (undo #41)'."""
    source = change["source"] or ""
    if source.startswith("undo"):
        return f"{UNDONE.get(change['action'], change['action'])} ({source})"
    return ACTIONS.get(change["action"], change["action"])


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
    """Show what was changed or deleted, with the old values.

    Each change has an id: `ampsdiary undo ID` puts back what it changed or deleted.
    """
    day = parse_date(date, "DATE") if date else None
    with opened(ctx) as diary:  # parents may look at this screen too: private on request
        changes = diary.history(day, private=private, added=added)

    def render(out: Console) -> None:
        if not changes:
            out.print(
                "No changes" + (f" for {day}." if day else ". Nothing was edited or deleted.")
            )
            return
        table = Table(title="Changes (old values are kept)", title_justify="left")
        for name in ("Id", "Changed at", "Day", "What", "Action", "Old", "New"):
            table.add_column(name, overflow="fold")
        for c in changes:
            changed = dt.datetime.fromisoformat(c["changed_at"]).astimezone()  # UTC to local
            table.add_row(
                str(c["id"]),
                f"{day_label(changed.date())} {changed:%H:%M}",
                day_label(dt.date.fromisoformat(c["date"])) if c["date"] else "",
                _what(c),
                _action(c),
                _value(c["old_value"]),
                _value(c["new_value"]) if c["new_value"] is not None else "",
            )
        out.print(table)

    emit(as_json, {"changes": changes}, render)


def register(app: typer.Typer) -> None:
    app.command()(friendly_errors(show))
    app.command()(friendly_errors(history))
