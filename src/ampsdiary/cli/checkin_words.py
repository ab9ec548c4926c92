"""A list answer in the check-in: keep the good words, ask only about the others.

'left foot, knee' keeps left-foot and asks which knee; 'leg' offers every region of the
leg; a typo offers what it could be. A side is never guessed. On the command line the
same words are an error naming the choices (validate.Unclear.says).
"""

from __future__ import annotations

import textwrap

import typer

from ..validate import Unclear, as_id, sort_words, word_in
from ..vocabulary import FIELDS, Choice
from .terminal import columns

BACK, QUIT = "back", "quit"
SIDES = {"left": 0, "l": 0, "right": 1, "r": 1}
EVERY = ("both", "all")


class GoBack(Exception):
    """`back` typed: the check-in goes back one question."""


def offer(u: Unclear) -> str:
    """'knee' needs a side: 1 left-knee, 2 right-knee, 3 both."""
    numbered = [f"{n} {c}" for n, c in enumerate(u.choices, 1)]
    if len(u.choices) > 1:
        numbered.append(f"{len(u.choices) + 1} {'both' if len(u.choices) == 2 else 'all'}")
    listed = ", ".join(numbered)
    if u.known and u.word.lower() == BACK:
        text = f"'{u.word}': a step back, or where it hurts? {listed}"
    elif u.known:
        text = f"'{u.word}' {'needs a side' if _sided(u) else 'names several places'}: {listed}"
    elif u.choices:
        text = f"'{u.word}' is not a word the diary knows; did you mean {listed}?"
    else:
        text = f"'{u.word}' is not a word the diary knows (all of them: ampsdiary vocabulary)."
    return textwrap.fill(text, columns(), initial_indent="  ", subsequent_indent="  ")


def _sided(u: Unclear) -> bool:
    return len(u.choices) == 2 and u.choices[0].startswith("left-")


def _picked(u: Unclear, answer: str) -> list[str] | None:
    """The choices an answer picks by number, side or 'both'/'all'; None when it names
    none of them that way (then it is read as words)."""
    words = [w.strip().lower() for w in answer.replace(" ", ",").split(",") if w.strip()]
    picked: list[str] = []
    for word in words:
        if word in EVERY or (word == str(len(u.choices) + 1) and len(u.choices) > 1):
            picked += u.choices
        elif 1 <= (number := as_id(word) or 0) <= len(u.choices):
            picked.append(u.choices[number - 1])
        elif word in SIDES and _sided(u):
            picked.append(u.choices[SIDES[word]])
        else:
            return None
    return picked


def settle(name: str, u: Unclear) -> list[str]:
    """Ask about one unclear word until it is settled: the regions it stands for, or none
    (Enter leaves it out). `back` goes back one question, `quit` stops the check-in."""
    typer.echo(offer(u))
    if u.word.lower() == BACK:
        ask = "  Which? (a number; back again goes back a question; Enter: neither)"
    else:
        ask = f"  Which? (a number or words; Enter leaves '{u.word}' out)"
    while True:
        answer = typer.prompt(ask, default="", show_default=False, prompt_suffix=": ").strip()
        if answer in ("", "-"):
            return []
        if answer.lower() == QUIT:
            raise typer.Abort
        if answer.lower() == BACK:
            raise GoBack
        picked = _picked(u, answer)
        if picked is not None:
            return picked
        good, unclear = sort_words(name, answer)
        for other in unclear:
            good += [w for w in settle(name, other) if w not in good]
        if good:
            return good


def read_list(name: str, answer: str) -> list[str] | None:
    """A list answer with every word made clear, in the order typed: the good ones kept,
    each other one asked about on its own. None when nothing is left."""
    good, unclear = sort_words(name, answer)
    if unclear and good:
        typer.echo(f"  Kept {', '.join(good)}.")
    kept: list[str] = []
    for part in (p.strip() for p in answer.split(",")):
        if not part:
            continue
        found = word_in(FIELDS[name].kind, part)  # type: ignore[arg-type]
        for word in settle(name, found) if isinstance(found, Unclear) else [found]:
            if word not in kept:
                kept.append(word)
    return kept or None


def is_list(name: str) -> bool:
    kind = FIELDS[name].kind
    return isinstance(kind, Choice) and kind.many


def means_back(name: str, answer: str) -> bool:
    """`back` is a step back, except where it is also a place ('back' pain): there the
    check-in asks which it is."""
    kind = FIELDS[name].kind
    word = answer.strip().lower()
    return word == BACK and not (isinstance(kind, Choice) and BACK in kind.groups)
