"""The guided check-in: function first, each scale explained, yesterday's answer as default.

Nothing is written until the last question is answered, so quitting half way (Ctrl-C,
end of input) leaves the diary as it was.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import typer

from ..errors import DiaryError
from ..store import Diary
from ..validate import check_together, parse
from ..vocabulary import FIELDS, Choice, Field, Scale, Tags, YesNo

# Function and participation first: they are what improves first.
DAY_QUESTIONS = ("function", "school", "sport", "social")
ENTRY_QUESTIONS = (
    "pain",
    "worst",
    "locations",
    "quality",
    "allodynia",
    "swelling",
    "skin_color",
    "skin_temp",
)
LATE_QUESTIONS = ("sleep", "mood")
NOTE_QUESTIONS = ("day_note",)


def hint(f: Field) -> str:
    kind = f.kind
    if isinstance(kind, Scale):
        return f"{kind.low:g} = {kind.low_label}, {kind.high:g} = {kind.high_label}"
    if isinstance(kind, Choice) and len(kind.values) > 8:
        return "comma list, e.g. " + ", ".join(kind.values[:2]) + ", lower-back"
    if isinstance(kind, Choice):
        return ("comma list of " if kind.many else "") + "/".join(kind.values)
    if isinstance(kind, YesNo):
        return "yes/no"
    return "Enter to skip" if not isinstance(kind, Tags) else "comma list"


def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ",".join(value)
    return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def ask_one(f: Field, default: Any, so_far: dict | None = None) -> Any:
    """Ask until the answer is valid (also next to `so_far`). Enter keeps the default."""
    shown = _as_text(default)
    while True:
        prompt = f"{f.question} ({hint(f)})" + (f" [{shown}]" if shown else "")
        answer = typer.prompt(prompt, default="", show_default=False, prompt_suffix=": ")
        answer = answer.strip()
        if answer == "-":
            return None
        try:
            value = parse(f.name, answer or shown)
            check_together({**(so_far or {}), f.name: value})
            return value
        except DiaryError as error:
            typer.echo(f"  {error.value!r} {error.allowed}. Try again, or '-' to skip.")


def ask_sessions() -> list[dict]:
    """'aerobic 30, physio 45' -> two sessions; Enter skips."""
    while True:
        answer = typer.prompt(
            "Exercise or therapy today? (e.g. aerobic 30, physio 45; Enter to skip)",
            default="",
            show_default=False,
            prompt_suffix=": ",
        )
        try:
            return [_session(part) for part in answer.split(",") if part.strip()]
        except DiaryError as error:
            typer.echo(f"  {error}. Try again, or Enter to skip.")


def _session(text: str) -> dict:
    words = text.split()
    if len(words) != 2:
        raise DiaryError("exercise", text.strip(), "is not 'KIND MINUTES', e.g. aerobic 30")
    return {"kind": parse("kind", words[0]), "minutes": parse("minutes", words[1])}


def ask(diary: Diary, date: dt.date) -> tuple[dict, dict, list[dict]]:
    """Run the check-in for `date`; returns (entry, day facts, sessions) to save together."""
    before = date - dt.timedelta(days=1)
    last_day = diary.day(before) or {}
    last_entries = diary.entries(before, before)
    last_entry = last_entries[-1] if last_entries else {}
    typer.echo(f"Check-in for {date:%A %d %B}. Enter keeps [yesterday's answer], '-' skips.")
    day = {name: ask_one(FIELDS[name], last_day.get(name)) for name in DAY_QUESTIONS}
    entry: dict = {}
    for name in ENTRY_QUESTIONS:
        entry[name] = ask_one(FIELDS[name], last_entry.get(name), entry)
    day |= {name: ask_one(FIELDS[name], last_day.get(name)) for name in LATE_QUESTIONS}
    sessions = ask_sessions()
    day |= {name: ask_one(FIELDS[name], None) for name in NOTE_QUESTIONS}
    entry = {k: v for k, v in entry.items() if v is not None}
    day = {k: v for k, v in day.items() if v is not None}
    return entry, day, sessions
