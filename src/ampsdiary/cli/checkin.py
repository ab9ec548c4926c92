"""The guided check-in: function first, each scale explained, yesterday's answer a hint.

An answer never given is never stored: Enter skips a question, and yesterday's answer
(shown in [brackets]) is taken only when `=` is typed, or `==` for every question from
there on; the confirmation lists what was carried over. `back` goes back one question.
Nothing is written until the last question is answered, so `quit`, Ctrl-C or the end of
input half way leaves the diary as it was.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass, field
from typing import Any

import typer

from ..checked import check_day_minutes
from ..dates import day_label, long_label, today
from ..diary import Diary
from ..errors import DiaryError
from ..validate import check_together, parse, required
from ..vocabulary import FIELDS, LISTED, Choice, Field, Scale, Tags, YesNo
from .checkin_words import BACK, QUIT, GoBack, is_list, means_back, read_list
from .terminal import columns

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
NOTE_QUESTIONS = ("day_note",)  # never carried over: a note is the day's own
SKIP, SAME, SAME_REST = "-", "=", "=="  # Enter skips too
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
ROOM = 14  # columns left for the answer after a one-line prompt


def phrase(question: str, when: str) -> str:
    """The question as asked about `when` ("today", or "on Mon 30 Nov" for a past day)."""
    if when != "today":
        for now, then in PAST_TENSE:
            question = question.replace(now, then)
    return question.replace("today", when)


def hint(f: Field) -> str:
    """What to type, in brackets after the question."""
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
    if len(prompt) + ROOM <= columns():
        return prompt
    wrap = {"initial_indent": "  ", "subsequent_indent": "  ", "break_on_hyphens": False}
    lines = textwrap.fill(scale, columns() - ROOM, **wrap)  # the answer fits too
    return textwrap.fill(question, columns()) + "\n" + lines


def _prompt(text: str) -> str:
    return typer.prompt(text, default="", show_default=False, prompt_suffix=": ").strip()


class Back(Exception):
    """Go back one question."""


def _navigate(answer: str, name: str | None = None) -> None:
    """`quit` stops the check-in (nothing saved); `back` goes back one question."""
    if answer.lower() == QUIT:
        raise typer.Abort
    if answer.lower() == BACK and (name is None or means_back(name, answer)):
        raise Back


@dataclass
class Question:
    """One question of the check-in: a field, the second-entry question or the sessions."""

    name: str
    level: str  # "day", "entry", "another" or "sessions"
    hint: Any = None  # yesterday's answer (or the day's own): what `=` takes
    since: str = ""  # where the hint comes from: "yesterday", "entry #3"...


@dataclass
class Answers:
    """What the check-in gathered, to save together; `carried` names what `=` took."""

    entry: dict = field(default_factory=dict)
    day: dict = field(default_factory=dict)
    sessions: list[dict] = field(default_factory=list)
    carried: dict[str, tuple[Any, str]] = field(default_factory=dict)  # name -> (value, since)


def ask_one(f: Field, shown: Any, when: str, so_far: dict | None = None) -> tuple[Any, str]:
    """Ask until the answer is valid (also next to `so_far`); returns (value, how) where how
    is "typed", "skip", "same" (`=`, the hint) or "rest" (`==`); "rest-typed" and
    "rest-skip" when `==` could not take this hint (then asked again) but takes the rest."""
    text = _as_text(shown)
    question = phrase(f.question, when)
    rest = ""  # "rest-" once `==` was typed here
    while True:
        answer = _prompt(layout(question, f"({hint(f)})" + (f" [{text}]" if text else "")))
        _navigate(answer, f.name)
        if answer in ("", SKIP):
            return None, rest + "skip"
        try:
            if answer == SAME_REST:
                rest = "rest-"
            if answer in (SAME, SAME_REST):
                if shown is None and answer == SAME:
                    typer.echo("  There is no answer to repeat here: type one, or Enter to skip.")
                    continue
                return take(f.name, shown, so_far), "same" if answer == SAME else "rest"
            value = read_list(f.name, answer) if is_list(f.name) else parse(f.name, answer)
            check_together({**(so_far or {}), f.name: value})
            return value, rest + "typed"
        except DiaryError as error:
            say(f"{error.value!r} {error.says()}. Try again, or Enter to skip.")
        except GoBack:
            raise Back from None


def take(name: str, shown: Any, so_far: dict | None) -> Any:
    """A hint taken as the answer, checked as a typed one would be: a value an earlier
    version took but this one would not (sleep 20), or a worst below today's pain, is
    explained and asked about instead of failing when everything is saved."""
    if shown is None:
        return None
    value = parse(name, _as_text(shown))  # as shown in the brackets
    check_together({**(so_far or {}), name: value})
    return value


def ask_sessions(when: str, date: dt.date, logged: int) -> list[dict]:
    """'aerobic 30, physio 45 min' -> two sessions; Enter skips. With the `logged` minutes
    they stay within the day's limit, so the save at the end cannot refuse them."""
    while True:
        answer = _prompt(
            layout(f"Exercise or therapy {when}?", "(e.g. aerobic 30, physio 45; Enter to skip)")
        )
        _navigate(answer)
        try:
            sessions = [_session(part) for part in answer.split(",") if part.strip(" -")]
            check_day_minutes(date, logged, [s["minutes"] for s in sessions])
            return sessions
        except DiaryError as error:
            say(f"{error}. Try again, or Enter to skip.")


def _session(text: str) -> dict:
    words = text.split()
    if len(words) == 3 and words[2].lower() in ("min", "mins", "minutes"):
        words = words[:2]
    if len(words) != 2:
        raise DiaryError("exercise", text.strip(), "is not 'KIND MINUTES', e.g. aerobic 30")
    return {"kind": required("kind", words[0]), "minutes": required("minutes", words[1])}


def _another(when: str) -> bool:
    """A second pain entry for the day only when asked for: Enter is no."""
    while True:
        answer = _prompt(f"Pain is already logged {when}. Add another pain entry? (yes/no)")
        _navigate(answer)
        if answer.lower() in ("", "n", "no", SKIP):
            return False
        if answer.lower() in ("y", "yes"):
            return True
        typer.echo("  Type yes or no (Enter is no).")


def questions(diary: Diary, date: dt.date) -> tuple[list[Question], dict]:
    """Every question for `date` with its hint, and the day's facts logged already.

    A hint is the day's own answer when it was logged already (Enter then leaves it as it
    is), else the day before's; the entry's hints are the day's last entry, else the day
    before's last.
    """
    before = date - dt.timedelta(days=1)
    known = {k: v for k, v in (diary.day(date) or {}).items() if v is not None}
    previous = diary.day(before) or {}
    logged = diary.entries(date, date)
    last = (logged or diary.entries(before, before) or [{}])[-1]
    since = "yesterday" if date == today() else day_label(before)
    since_entry = f"entry #{last['id']}" if logged else since
    asked = [_day(n, known, previous, since) for n in DAY_QUESTIONS]
    asked += [Question("another", "another")] if logged else []
    asked += [Question(n, "entry", last.get(n), since_entry) for n in ENTRY_QUESTIONS]
    asked += [_day(n, known, previous, since) for n in LATE_QUESTIONS]
    asked += [Question("sessions", "sessions")]
    asked += [Question(n, "day") for n in NOTE_QUESTIONS]
    return asked, known


def _day(name: str, known: dict, previous: dict, since: str) -> Question:
    if name in known:
        return Question(name, "day", known[name], "")  # the day's own: `=` changes nothing
    return Question(name, "day", previous.get(name), since)


def say(text: str) -> None:
    """A line of the check-in's own, indented and wrapped between words at the terminal."""
    typer.echo(textwrap.fill(text, columns(), initial_indent="  ", subsequent_indent="  "))


def header(date: dt.date, logged: bool) -> str:
    """How to answer: skip, take yesterday's answer, go back, quit (saving nothing)."""
    since = "yesterday's" if date == today() else "the day before's"
    said = (
        f"Check-in for {long_label(date)}. Enter skips a question. = takes {since} answer "
        "[in brackets]; == takes it for this and every question after. back goes back one "
        "question; quit stops and saves nothing."
    )
    if logged:
        said += " What is logged already shows in [brackets] and stays unless you type anew."
    return textwrap.fill(said, columns())


def ask(diary: Diary, date: dt.date) -> Answers:
    """Run the check-in for `date`: every answer typed or deliberately carried over (`=`),
    none taken by pressing Enter. A second pain entry is only added when asked for."""
    return CheckIn(diary, date).run()


class CheckIn:
    """One run of the questions: the answers so far, the way back, and how far `==` reaches."""

    def __init__(self, diary: Diary, date: dt.date) -> None:
        self.diary, self.date = diary, date
        self.asked, self.known = questions(diary, date)
        self.when = "today" if date == today() else f"on {day_label(date)}"
        self.another = next((n for n, q in enumerate(self.asked) if q.level == "another"), -1)
        self.got: dict[int, tuple[Any, str]] = {}  # question index -> (value, how)
        self.steps: list[int] = []  # the questions asked, in order: where `back` goes
        self.rest: int | None = None  # where `==` was typed: later hints taken unasked

    def run(self) -> Answers:
        typer.echo(header(self.date, bool(self.known) or self.another >= 0))
        i = 0
        while i < len(self.asked):
            i = self.step(i)
        return _gathered(self.asked, self.got, self.known)

    def step(self, i: int) -> int:
        """Answer question `i`, or pass it by; the index of the question to ask next."""
        q = self.asked[i]
        if self._passed(q, i):
            return i + 1
        try:
            self.got[i] = _answer(self.diary, self.date, q, self.when, self._so_far(q))
        except Back:
            return self._back(i)
        self.steps.append(i)
        if self.got[i][1].startswith("rest"):
            self.rest = i
        return i + 1

    def _passed(self, q: Question, i: int) -> bool:
        """The entry's questions after 'no' to another entry; after `==`, each question
        whose hint can be taken as it is (one that cannot is asked)."""
        if q.level == "entry" and self.got.get(self.another, (True, ""))[0] is False:
            return True
        if self.rest is None or q.level not in ("day", "entry") or q.name in NOTE_QUESTIONS:
            return False
        try:
            self.got[i] = (take(q.name, q.hint, self._so_far(q)), "rest")
        except DiaryError:
            return False
        return True

    def _back(self, i: int) -> int:
        """Back to the question asked before `i`, forgetting every answer from there on."""
        if not self.steps:
            typer.echo("  This is the first question.")
            return i
        i = self.steps.pop()
        self.got = {k: v for k, v in self.got.items() if k < i}
        if self.rest is not None and self.rest >= i:
            self.rest = None
        return i

    def _so_far(self, q: Question) -> dict | None:
        """The entry answered so far, which an entry's answer must agree with (worst >= pain)."""
        if q.level != "entry":
            return None
        got = self.got.items()
        return {self.asked[i].name: v for i, (v, _) in got if self.asked[i].level == "entry"}


def _answer(diary: Diary, date: dt.date, q: Question, when: str, so_far: dict | None) -> tuple:
    if q.level == "another":
        return _another(when), "typed"
    if q.level == "sessions":
        return ask_sessions(when, date, diary.day_minutes(date)), "typed"
    return ask_one(FIELDS[q.name], q.hint, when, so_far)


def _gathered(asked: list[Question], got: dict, known: dict) -> Answers:
    """The answers to save: nothing skipped, nothing equal to what the day holds already."""
    out = Answers()
    for i, (value, how) in got.items():
        q = asked[i]
        if q.level == "sessions":
            out.sessions = value
        elif q.level == "entry" and value is not None:
            out.entry[q.name] = value
        elif q.level == "day" and value is not None and value != known.get(q.name):
            out.day[q.name] = value
        else:
            continue
        if how in ("same", "rest") and q.level in ("day", "entry"):
            out.carried[q.name] = (value, q.since)
    return out
