"""The guided check-in: function first, each scale explained, yesterday's answer as default.

Nothing is written until the last question is answered, so quitting half way (Ctrl-C,
end of input) leaves the diary as it was.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import Any

import typer

from ..checked import check_day_minutes
from ..dates import day_label, long_label, today
from ..diary import Diary
from ..errors import DiaryError
from ..validate import check_together, parse, required
from ..vocabulary import FIELDS, LISTED, Choice, Field, Scale, Tags, YesNo

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
# A back-filled day is asked about in the past tense; "today" then becomes its date.
PAST_TENSE = (
    ("does it hurt right now", "did it hurt today"),
    ("did you sleep last night", "did you sleep the night before"),
    ("How is your mood", "How was your mood today"),
    ("Where does", "Where did"),
    ("What does", "What did"),
    ("does light touch", "did light touch"),
    ("colour is", "colour was"),
    ("Does it", "Did it"),
    ("Is it there", "Was it there"),
    ("does it come", "did it come"),
    ("Anything else bothering you", "Did anything else bother you"),
)
WIDTH = 80  # the narrowest usual terminal: prompts are wrapped by us, never mid-word
ROOM = 14  # columns left for the answer after a one-line prompt


def phrase(question: str, when: str) -> str:
    """The question as asked about `when` ("today", or "on Mon 30 Nov" for a past day)."""
    if when != "today":
        for now, then in PAST_TENSE:
            question = question.replace(now, then)
    return question.replace("today", when)


def hint(f: Field) -> str:
    kind = f.kind
    if isinstance(kind, Scale):
        return f"{kind.low:g} = {kind.low_label}, {kind.high:g} = {kind.high_label}"
    if isinstance(kind, Choice) and len(kind.values) > LISTED:
        return "comma list, e.g. " + ", ".join(kind.values[:2]) + " (all: ampsdiary vocabulary)"
    if isinstance(kind, Choice) and kind.many:
        return "comma list of: " + ", ".join(kind.values)
    if isinstance(kind, Choice):
        return "/".join(kind.values)
    if isinstance(kind, YesNo):
        return "yes/no"
    return "Enter to skip" if not isinstance(kind, Tags) else "comma list"


def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ",".join(value)
    return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def layout(question: str, scale: str) -> str:
    """One line when it fits with room for the answer, else the scale wrapped below it."""
    prompt = f"{question} {scale}"
    if len(prompt) + ROOM <= WIDTH:
        return prompt
    wrap = {"initial_indent": "  ", "subsequent_indent": "  ", "break_on_hyphens": False}
    return question + "\n" + textwrap.fill(scale, WIDTH - ROOM, **wrap)  # the answer fits too


def ask_one(f: Field, default: Any, when: str, so_far: dict | None = None) -> Any:
    """Ask until the answer is valid (also next to `so_far`). Enter keeps the default."""
    shown = _as_text(default)
    question = phrase(f.question, when)
    while True:
        scale = f"({hint(f)})" + (f" [{shown}]" if shown else "")
        prompt = layout(question, scale)
        answer = typer.prompt(prompt, default="", show_default=False, prompt_suffix=": ")
        answer = answer.strip()
        if answer == "-":
            return None
        try:
            value = parse(f.name, answer or shown)
            check_together({**(so_far or {}), f.name: value})
            return value
        except DiaryError as error:
            typer.echo(f"  {error.value!r} {error.says()}. Try again, or '-' to skip.")


def ask_sessions(when: str, date: dt.date, logged: int) -> list[dict]:
    """'aerobic 30, physio 45 min' -> two sessions; Enter skips. With the `logged` minutes
    they stay within the day's limit, so the save at the end cannot refuse them."""
    while True:
        answer = typer.prompt(
            layout(f"Exercise or therapy {when}?", "(e.g. aerobic 30, physio 45; Enter to skip)"),
            default="",
            show_default=False,
            prompt_suffix=": ",
        )
        try:
            sessions = [_session(part) for part in answer.split(",") if part.strip()]
            check_day_minutes(date, logged, [s["minutes"] for s in sessions])
            return sessions
        except DiaryError as error:
            typer.echo(f"  {error}. Try again, or Enter to skip.")


def _session(text: str) -> dict:
    words = text.split()
    if len(words) == 3 and words[2].lower() in ("min", "mins", "minutes"):
        words = words[:2]
    if len(words) != 2:
        raise DiaryError("exercise", text.strip(), "is not 'KIND MINUTES', e.g. aerobic 30")
    return {"kind": required("kind", words[0]), "minutes": required("minutes", words[1])}


def _yes(question: str) -> bool:
    return typer.confirm(question, default=False)


def ask(diary: Diary, date: dt.date) -> tuple[dict, dict, list[dict]]:
    """Run the check-in for `date`; returns (entry, day facts, sessions) to save together.

    Defaults are that day's answers when it was logged already, else the day before's. A
    second pain entry for the same day is only added when asked for.
    """
    before = date - dt.timedelta(days=1)
    known = diary.day(date) or {}
    last_day = {**(diary.day(before) or {}), **{k: v for k, v in known.items() if v is not None}}
    logged = diary.entries(date, date)
    last_entry = (logged or diary.entries(before, before) or [{}])[-1]
    when = "today" if date == today() else f"on {day_label(date)}"
    typer.echo(f"Check-in for {long_label(date)}. Enter keeps [the answer shown], '-' skips.")
    day = {name: ask_one(FIELDS[name], last_day.get(name), when) for name in DAY_QUESTIONS}
    entry: dict = {}
    if not logged or _yes(f"Pain is already logged {when}. Add another pain entry?"):
        for name in ENTRY_QUESTIONS:
            entry[name] = ask_one(FIELDS[name], last_entry.get(name), when, entry)
    day |= {name: ask_one(FIELDS[name], last_day.get(name), when) for name in LATE_QUESTIONS}
    sessions = ask_sessions(when, date, diary.day_minutes(date))
    day |= {name: ask_one(FIELDS[name], None, when) for name in NOTE_QUESTIONS}
    entry = {k: v for k, v in entry.items() if v is not None}
    day = {k: v for k, v in day.items() if v is not None and v != known.get(k)}
    return entry, day, sessions
