"""`log` (flags or the guided check-in) and `exercise`: the teen's daily minute."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Annotated

import typer

from .. import daily, streak
from ..dates import DATE_HELP, logged_label, parse_date, parse_time, today
from ..errors import DiaryError
from ..settings import exercise_goal
from ..store import Diary
from ..validate import parse_all, required
from ..vocabulary import FIELDS
from . import checkin
from .common import (
    NEGATIVE_NUMBERS,
    cell,
    console,
    field_help,
    field_metavar,
    friendly_errors,
    opened,
)

DateOption = Annotated[
    str, typer.Option("--date", "-d", help=f"Which day: {DATE_HELP}.", metavar="DATE")
]


def _opt(name: str) -> typer.models.OptionInfo:
    return typer.Option(FIELDS[name].flag, help=field_help(name), metavar=field_metavar(name))


def save(
    diary: Diary, date: dt.date, time: str | None, entry: dict, day: dict, sessions: list[dict]
) -> list:
    """Write one log (entry, day facts, sessions) as a single transaction; returns day edits."""
    with diary.transaction():
        if entry:
            diary.add_entry(date, time, entry)
        for session in sessions:
            diary.add_session(date, session)
        return diary.set_day(date, day) if day else []


def confirm_line(date: dt.date, entry: dict, day: dict, sessions: list[dict], edits: list) -> str:
    """What was saved, in words; a private note is only ever mentioned, never shown."""
    values = {**entry, **day}
    past = date != today()  # "pain now" only when it is now

    def said(name: str) -> str:
        label = FIELDS[name].label.lower()
        return label.removesuffix(" now") if past else label

    parts = [f"{said(k)} {cell(v)}" for k, v in values.items() if "note" not in k]
    parts += [f"{s['kind']} {s['minutes']} min" for s in sessions]
    parts += [FIELDS[k].label.lower() for k in values if "note" in k]
    line = f"Logged {logged_label(date)}: " + "; ".join(parts) + "."
    for name, old, new in edits:
        label = FIELDS[name].label
        if name == "private_note":
            line += f"\n  {label} replaced (the old one is kept in history)."
        else:
            line += f"\n  {label} changed {cell(old)} -> {cell(new)} (old value kept in history)."
    return line


def _entry_time(raw: str | None, day: dt.date) -> str | None:
    """HH:MM the entry describes: as given (not later than now), else now when logging today."""
    now = dt.datetime.now().strftime("%H:%M")
    if raw is None:
        return now if day == today() else None
    at = parse_time(raw)
    if day == today() and at > now:
        raise DiaryError("--time", raw, f"is later than now ({now}); use a time up to {now}")
    return at


def log(
    ctx: typer.Context,
    date: DateOption = "today",
    time: Annotated[
        str | None, typer.Option(help="Time the entry describes, HH:MM.", metavar="HH:MM")
    ] = None,
    pain: Annotated[str | None, _opt("pain")] = None,
    worst: Annotated[str | None, _opt("worst")] = None,
    where: Annotated[str | None, _opt("locations")] = None,
    quality: Annotated[str | None, _opt("quality")] = None,
    pattern: Annotated[str | None, _opt("pattern")] = None,
    allodynia: Annotated[str | None, _opt("allodynia")] = None,
    allodynia_where: Annotated[str | None, _opt("allodynia_locations")] = None,
    swelling: Annotated[str | None, _opt("swelling")] = None,
    skin_color: Annotated[str | None, _opt("skin_color")] = None,
    skin_temp: Annotated[str | None, _opt("skin_temp")] = None,
    skin: Annotated[str | None, _opt("skin_signs")] = None,
    movement: Annotated[str | None, _opt("movement")] = None,
    symptom: Annotated[str | None, _opt("symptoms")] = None,
    trigger: Annotated[str | None, _opt("triggers")] = None,
    pain_scale: Annotated[str | None, _opt("pain_scale")] = None,
    note: Annotated[str | None, _opt("note")] = None,
    function: Annotated[str | None, _opt("function")] = None,
    school: Annotated[str | None, _opt("school")] = None,
    sport: Annotated[
        bool | None, typer.Option("--sport/--no-sport", help="Did sport or gym today.")
    ] = None,
    social: Annotated[
        bool | None, typer.Option("--social/--no-social", help="Spent time with friends today.")
    ] = None,
    sleep: Annotated[str | None, _opt("sleep")] = None,
    mood: Annotated[str | None, _opt("mood")] = None,
    day_note: Annotated[str | None, _opt("day_note")] = None,
    private_note: Annotated[str | None, _opt("private_note")] = None,
    check_in: Annotated[
        bool, typer.Option("--check-in", help="Ask the guided questions even without a terminal.")
    ] = False,
) -> None:
    """Log how today went.

    With no value flags, in a terminal, it asks a few quick questions instead.
    """
    day_date = parse_date(date)
    at = _entry_time(time, day_date)
    entry = parse_all(
        {
            "pain": pain, "worst": worst, "locations": where, "quality": quality,
            "pattern": pattern, "allodynia": allodynia, "allodynia_locations": allodynia_where,
            "swelling": swelling, "skin_color": skin_color, "skin_temp": skin_temp,
            "skin_signs": skin, "movement": movement, "symptoms": symptom, "triggers": trigger,
            "pain_scale": pain_scale, "note": note,
        }
    )  # fmt: skip
    day = parse_all(
        {
            "function": function, "school": school, "sport": sport, "social": social,
            "sleep": sleep, "mood": mood, "day_note": day_note, "private_note": private_note,
        }
    )  # fmt: skip
    guided = not entry and not day
    if time and day and not entry:
        raise DiaryError(
            "--time", time, "goes with a symptom entry (--pain, --where...); day facts have no time"
        )
    if guided and not (check_in or sys.stdin.isatty()):
        raise DiaryError(
            "log",
            None,
            "no values given; pass flags such as --pain 5 --function 6, "
            "or run it in a terminal for the guided check-in",
        )
    with opened(ctx, create=True) as diary:
        sessions: list[dict] = []
        if guided:
            try:
                entry, day, sessions = checkin.ask(diary, day_date)
            except typer.Abort:
                typer.echo("\nCheck-in stopped: nothing was saved.")
                raise typer.Exit(1) from None
            if not (entry or day or sessions):
                typer.echo("Nothing logged: every question was skipped.")
                return
        edits = save(diary, day_date, at, entry, day, sessions)
        out = console()  # wraps between words at the terminal's width
        out.print(confirm_line(day_date, entry, day, sessions, edits), markup=False)
        now = today()
        recent = daily.load(diary, now - dt.timedelta(days=13), now)
        out.print(streak.encouragement(diary.logged_dates(), recent, now), markup=False)


def exercise(
    ctx: typer.Context,
    kind: Annotated[str, typer.Argument(help=field_help("kind"), metavar="KIND")],
    minutes: Annotated[str, typer.Argument(help=field_help("minutes"), metavar="MINUTES")],
    date: DateOption = "today",
    intensity: Annotated[str | None, _opt("intensity")] = None,
    note: Annotated[
        str | None, typer.Option(help="A note about the session.", metavar="TEXT")
    ] = None,
) -> None:
    """Log an exercise or therapy session.

    For example `ampsdiary exercise aerobic 30 --intensity hard`.
    """
    day_date = parse_date(date)
    values = {"kind": required("kind", kind), "minutes": required("minutes", minutes)}
    values |= parse_all({"intensity": intensity, "session_note": note})
    with opened(ctx, create=True) as diary:
        diary.add_session(day_date, values)
        total = sum(s["minutes"] for s in diary.sessions(day_date, day_date))
        goal = exercise_goal(diary)
    when = "Today" if day_date == today() else logged_label(day_date)
    line = f"Logged {values['kind']} {values['minutes']} min on {logged_label(day_date)}."
    line += f" {when} so far: {total} min" + (f" of your {goal} min goal." if goal else ".")
    typer.echo(line)


def register(app: typer.Typer) -> None:
    app.command()(friendly_errors(log))
    # "-5" minutes must reach the range check, not be taken for an unknown option.
    app.command(context_settings=NEGATIVE_NUMBERS)(friendly_errors(exercise))
