"""`day` (everything logged on one date, with ids) and `edit` (fix one entry or session)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ..dates import DATE_HELP, day_label, long_label, parse_date
from ..errors import DiaryError
from ..validate import as_id
from ..vocabulary import (
    DAY_FIELDS,
    ENTRY_FIELDS,
    FIELDS,
    SESSION_FIELDS,
    SHARED_DAY_FACTS,
    as_word,
    field_words,
)
from .common import JsonOption, cell, emit, friendly_errors, opened

ENTRY_SHOWN = [f for f in ENTRY_FIELDS if f.name != "pain_scale"]


def _entry_table(entries: list[dict]) -> Table:
    table = Table(title="Symptom entries", title_justify="left")
    table.add_column("Id", justify="right")
    table.add_column("Time")
    table.add_column("What")
    for e in entries:
        shown = "; ".join(
            f"{f.label.lower()} {cell(e[f.name])}" for f in ENTRY_SHOWN if e[f.name] is not None
        )
        later = e["recorded_at"][:10] != e["date"]
        when = (e["time"] or "") + (f" (added {e['recorded_at'][:10]})" if later else "")
        table.add_row(str(e["id"]), when, shown)
    return table


def day(
    ctx: typer.Context,
    date: Annotated[str, typer.Argument(help=f"Which day: {DATE_HELP}.", metavar="DATE")] = "today",
    private: Annotated[
        bool, typer.Option("--private", help="Also show the private note (only you should see it).")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Everything logged on one day, with ids.

    The ids are what `edit` and `delete` take.
    """
    when = parse_date(date, "DATE")
    with opened(ctx) as diary:
        facts = diary.day(when, private=private)
        data = {
            "date": when.isoformat(),
            "entries": diary.entries(when, when),
            "day": facts,
            "sessions": diary.sessions(when, when),
        }
    # Parents may look at this screen too: the private note shows only when asked for.
    has_private = bool(facts and facts.pop("has_private_note", False))

    def render(out: Console) -> None:
        out.print(long_label(when))
        if not (data["entries"] or data["day"] or data["sessions"]):
            out.print("Nothing logged on this day.")
        if data["entries"]:
            out.print(_entry_table(data["entries"]))
        if facts := data["day"]:
            for name in SHARED_DAY_FACTS:
                if facts[name] is not None:
                    out.print(f"{FIELDS[name].label}: {cell(facts[name])}", markup=False)
            if facts.get("private_note"):
                out.print(f"Private note: {facts['private_note']}", markup=False)
            elif has_private:
                out.print("There is a private note: add --private to see it.")
        for s in data["sessions"]:
            extra = f", {s['intensity']}" if s["intensity"] else ""
            out.print(f"Session #{s['id']}: {s['kind']} {s['minutes']} min{extra}", markup=False)

    emit(as_json, data, render)


def _target(raw: str, on_day: bool, session: bool) -> tuple[str, int | dt.date, tuple]:
    """(kind, key, fields) of what `edit` changes: an entry, a session or a day's facts."""
    if on_day and session:
        raise DiaryError("edit", None, "takes --day or --session, not both")
    if on_day:
        return "day", parse_date(raw, "DATE"), DAY_FIELDS
    key = as_id(raw)
    if key is None:
        raise DiaryError("ID", raw, "is not an id; use the number `ampsdiary day` shows")
    return ("session", key, SESSION_FIELDS) if session else ("entry", key, ENTRY_FIELDS)


def edit(
    ctx: typer.Context,
    target: Annotated[
        str, typer.Argument(metavar="ID", help="The entry's id (see `day`), or with --day a date.")
    ],
    field: Annotated[
        str, typer.Argument(help="The field, named like its flag: pain, where...", metavar="FIELD")
    ],
    value: Annotated[str, typer.Argument(help="The new value; '-' clears it.", metavar="VALUE")],
    session: Annotated[
        bool, typer.Option("--session", help="ID is an exercise session, not an entry.")
    ] = False,
    on_day: Annotated[
        bool, typer.Option("--day", help="ID is a date: change that day's function, mood...")
    ] = False,
) -> None:
    """Correct one field; the old value is kept.

    Works on a symptom entry, with --session on an exercise session, and with --day on a
    day's facts (function, school, sleep, mood, notes).
    """
    kind, key, fields = _target(target, on_day, session)
    by_word = {word: f for f in fields for word in field_words(f)}
    f = by_word.get(as_word(field.lstrip("-")))
    if f is None:
        listed = ", ".join(f.flag.lstrip("-") for f in fields)
        raise DiaryError("FIELD", field, f"is not a field here; use one of: {listed}")
    if not value.strip():
        raise DiaryError(f.flag, value, "is empty; give a new value, or '-' to clear it")
    which = day_label(key) if isinstance(key, dt.date) else f"{kind} #{key}"
    with opened(ctx, write=True) as diary:
        try:
            result = diary.edit(kind, key, f.name, None if value == "-" else value, "edit")
        except DiaryError as error:
            if error.field == "id":
                allowed = "is not an id in this diary; see `ampsdiary day`"
                raise DiaryError("ID", target, allowed) from None
            raise
    if not result.changed:
        typer.echo("No change: it already had that value.")
        return
    old, new = result.old, result.new
    before, after = cell(old) or "(empty)", cell(new) or "(empty)"
    if f.name == "private_note":
        before, after = "(private)" if old else "(empty)", "(private)" if new else "(empty)"
    kept = " (old value kept in history)" if old is not None else ""
    typer.echo(f"{f.label} of {which}: {before} -> {after}{kept}.")


def register(app: typer.Typer) -> None:
    app.command()(friendly_errors(day))
    app.command()(friendly_errors(edit))
