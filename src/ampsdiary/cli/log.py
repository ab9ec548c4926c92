"""`log` (flags or the guided check-in) and `exercise`: the teen's daily minute."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Annotated

import typer

from .. import daily, progress
from ..dates import DATE_HELP, parse_date, parse_time, today
from ..errors import DiaryError
from ..settings import exercise_goal
from ..store import Diary
from ..validate import parse_all
from ..vocabulary import DAY_FIELDS, ENTRY_FIELDS, FIELDS
from . import checkin
from .common import cell, field_help, friendly_errors, opened

DateOption = Annotated[str, typer.Option("--date", "-d", help=f"Which day: {DATE_HELP}.")]


def _opt(name: str) -> typer.models.OptionInfo:
    return typer.Option(FIELDS[name].flag, help=field_help(name))


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else ("yes" if value else "no")


def save(diary: Diary, date: dt.date, time: str | None, entry: dict, day: dict) -> list:
    """Write one check-in (entry and day facts) as a single transaction; returns day edits."""
    with diary.transaction():
        if entry:
            diary.add_entry(date, time, entry)
        return diary.set_day(date, day) if day else []


def confirm_line(date: dt.date, entry: dict, day: dict, edits: list) -> str:
    shown = {**entry, **{k: v for k, v in day.items() if k != "private_note"}}
    parts = [
        f"{FIELDS[k].label.lower()} {cell(v)}" for k, v in shown.items() if not k.endswith("note")
    ]
    line = f"Logged {date:%a %d %b}: " + ("; ".join(parts) or "notes saved") + "."
    for name, old, new in edits:
        label = FIELDS[name].label
        line += f"\n  {label} changed {cell(old)} -> {cell(new)} (old value kept in history)."
    return line


def log(
    ctx: typer.Context,
    date: DateOption = "today",
    time: Annotated[str | None, typer.Option(help="Time the entry describes, HH:MM.")] = None,
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
    values = locals()
    day_date = parse_date(date)
    at = parse_time(time) if time else None
    if at is None and day_date == today():
        at = dt.datetime.now().strftime("%H:%M")
    raw = {f.name: values[f.cli.replace("-", "_") or f.name] for f in ENTRY_FIELDS}
    raw_day = {f.name: values[f.name] for f in DAY_FIELDS}
    raw_day["sport"], raw_day["social"] = _yes_no(sport), _yes_no(social)
    entry, day = parse_all(raw), parse_all(raw_day)
    with opened(ctx) as diary:
        if not entry and not day:
            if not (check_in or sys.stdin.isatty()):
                raise DiaryError(
                    "log",
                    None,
                    "no values given; pass flags such as --pain 5 --function 6, "
                    "or run it in a terminal for the guided check-in",
                )
            entry, day, sessions = checkin.ask(diary, day_date)
            with diary.transaction():
                edits = save(diary, day_date, at, entry, day)
                for session in sessions:
                    diary.add_session(day_date, session)
        else:
            edits = save(diary, day_date, at, entry, day)
        typer.echo(confirm_line(day_date, entry, day, edits))
        now = today()
        recent = daily.load(diary, now - dt.timedelta(days=13), now)
        typer.echo(progress.encouragement(diary.logged_dates(), recent, now))


def exercise(
    ctx: typer.Context,
    kind: Annotated[str, typer.Argument(help=field_help("kind"))],
    minutes: Annotated[str, typer.Argument(help=field_help("minutes"))],
    date: DateOption = "today",
    intensity: Annotated[str | None, _opt("intensity")] = None,
    note: Annotated[str | None, typer.Option(help="A note about the session.")] = None,
) -> None:
    """Log an exercise or therapy session.

    For example `ampsdiary exercise aerobic 30 --intensity hard`.
    """
    day_date = parse_date(date)
    values = parse_all(
        {"kind": kind, "minutes": minutes, "intensity": intensity, "session_note": note}
    )
    with opened(ctx) as diary:
        diary.add_session(day_date, values)
        total = sum(s["minutes"] for s in diary.sessions(day_date, day_date))
        goal = exercise_goal(diary)
    line = f"Logged {values['kind']} {values['minutes']} min on {day_date:%a %d %b}."
    line += f" Today so far: {total} min" + (f" of your {goal} min goal." if goal else ".")
    typer.echo(line)


def register(app: typer.Typer) -> None:
    app.command()(friendly_errors(log))
    app.command()(friendly_errors(exercise))
