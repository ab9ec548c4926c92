"""`log` (flags or the guided check-in) and `exercise`: the teen's daily minute."""

from __future__ import annotations

import datetime as dt
import shlex
import sys
from typing import Annotated

import typer

from .. import sameday, streak
from ..checked import Log, check_log
from ..dates import DATE_HELP, logged_label, parse_date, today
from ..diary import Diary, Logged
from ..errors import DiaryError
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


def confirm_line(logged: Logged) -> str:
    """What was saved, in words; a private note is only ever mentioned, never shown."""
    log = logged.log
    values = {**log.entry, **log.day}
    past = log.date != today()  # "pain now" only when it is now

    def said(name: str) -> str:
        label = FIELDS[name].label.lower()
        return label.removesuffix(" now") if past else label

    parts = [f"{said(k)} {cell(v)}" for k, v in values.items() if "note" not in k]
    parts += [f"{s['kind']} {s['minutes']} min" for s in log.sessions]
    parts += [FIELDS[k].label.lower() for k in values if "note" in k]
    line = f"Logged {logged_label(log.date)}: " + "; ".join(parts) + "."
    for name, old, new in logged.edits:
        if old is None:
            continue  # a first value, not a change
        label = FIELDS[name].label
        if name == "private_note":
            line += f"\n  {label} replaced (the old one is kept in history)."
        else:
            line += f"\n  {label} changed {cell(old)} -> {cell(new)} (old value kept in history)."
    return line


ORDINALS = ("first", "second", "third", "fourth", "fifth")


def _label(name: str, past: bool) -> str:
    label = FIELDS[name].label.lower()
    return label.removesuffix(" now") if past else label


def _typed(value: object) -> str:
    """A value as `edit` takes it on the command line."""
    return shlex.quote(",".join(value) if isinstance(value, list) else cell(value))


def second_entry(logged: Logged, found: list[sameday.Repeat], count: int) -> str:
    """A second entry that day is not a correction: what the day shows now, and how to
    correct the earlier entry instead (edit it, then delete this one)."""
    if not found:
        return ""
    log, new = logged.log, logged.entry_id
    past = log.date != today()
    when = f"on {logged_label(log.date)}" if past else "today"
    day = logged_label(log.date) if past else "Today"
    nth = ORDINALS[count - 1] if count <= len(ORDINALS) else "another"
    shown = []
    for r in found:
        said = [f"{cell(v)} in #{i}" for i, v in r.values]
        each = ", ".join(said[:-1]) + f" and {said[-1]}"
        label = _label(r.field, past)
        if r.how is None:
            shown.append(f"{label}: each entry keeps its own ({each})")
        else:
            shown.append(f"{label} {cell(r.day)} ({r.how} of {each})")
    lines = [
        f"  #{new} is a {nth} entry {when}, not a correction. {day} now shows "
        + "; ".join(shown)
        + ".",
        "  To correct the earlier entry instead:",
    ]
    for r in found:
        word = FIELDS[r.field].flag.lstrip("-")
        lines.append(f"    ampsdiary edit {r.earlier[0]} {word} {_typed(r.values[-1][1])}")
    return "\n".join([*lines, f"    ampsdiary delete --entry {new}"])


def _check_in(diary: Diary, date: dt.date) -> tuple[Log, dict]:
    """The guided questions, checked as a log; quitting half way saves nothing."""
    try:
        answers = checkin.ask(diary, date)
    except typer.Abort:
        typer.echo("\nCheck-in stopped: nothing was saved.")
        raise typer.Exit(1) from None
    request = check_log(
        date, entry=answers.entry, day=answers.day, sessions=answers.sessions, source="check-in"
    )
    return request, answers.carried


def carried_line(carried: dict, past: bool) -> str:
    """What `=` carried over, and from where, so nothing repeated passes unseen."""
    by_since: dict[str, list[str]] = {}
    for name, (value, since) in carried.items():
        by_since.setdefault(since, []).append(f"{_label(name, past)} {cell(value)}")
    return "\n".join(
        f"  Carried over with '=' from {since}: {'; '.join(parts)}."
        for since, parts in by_since.items()
    )


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
    entry = {
        "pain": pain, "worst": worst, "locations": where, "quality": quality,
        "pattern": pattern, "allodynia": allodynia, "allodynia_locations": allodynia_where,
        "swelling": swelling, "skin_color": skin_color, "skin_temp": skin_temp,
        "skin_signs": skin, "movement": movement, "symptoms": symptom, "triggers": trigger,
        "pain_scale": pain_scale, "note": note,
    }  # fmt: skip
    day = {
        "function": function, "school": school, "sport": sport, "social": social,
        "sleep": sleep, "mood": mood, "day_note": day_note, "private_note": private_note,
    }  # fmt: skip
    request = check_log(day_date, time=time, entry=entry, day=day, source="flags")  # no file yet
    guided = request.empty
    if guided and not (check_in or sys.stdin.isatty()):
        raise DiaryError(
            "log",
            None,
            "no values given; pass flags such as --pain 5 --function 6, "
            "or run it in a terminal for the guided check-in",
        )
    with opened(ctx, create=True) as diary:
        carried: dict = {}
        if guided:
            request, carried = _check_in(diary, day_date)
            if request.empty:
                typer.echo("Nothing logged: every question was skipped.")
                return
        logged = diary.save(request)
        out = console()  # wraps between words at the terminal's width
        out.print(confirm_line(logged), markup=False)
        if carried:
            out.print(carried_line(carried, day_date != today()), markup=False)
        if logged.entry_id is not None:
            count = len(diary.entries(day_date, day_date))
            if note := second_entry(logged, diary.repeats(logged.entry_id), count):
                out.print(note, markup=False)
        now = today()
        recent = diary.days(now - dt.timedelta(days=13), now)
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
    session = {"kind": kind, "minutes": minutes, "intensity": intensity, "session_note": note}
    request = check_log(day_date, sessions=[session], source="flags")
    values = request.sessions[0]
    with opened(ctx, create=True) as diary:
        diary.save(request)
        total = sum(s["minutes"] for s in diary.sessions(day_date, day_date))
        goal = diary.exercise_goal()
    when = "Today" if day_date == today() else logged_label(day_date)
    line = f"Logged {values['kind']} {values['minutes']} min on {logged_label(day_date)}."
    line += f" {when} so far: {total} min" + (f" of your {goal} min goal." if goal else ".")
    typer.echo(line)


def register(app: typer.Typer) -> None:
    app.command()(friendly_errors(log))
    # "-5" minutes must reach the range check, not be taken for an unknown option.
    app.command(context_settings=NEGATIVE_NUMBERS)(friendly_errors(exercise))
