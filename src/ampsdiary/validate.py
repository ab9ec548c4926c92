"""Turn what a person typed into checked values, or a DiaryError that says what is allowed.

Flags, the guided check-in, `edit` and imported files all hand over strings (or values
already typed, such as a list of regions), so they share this one path. Errors name the
field in the diary's words (`pain`); the CLI says which flag that was.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from .errors import DiaryError
from .vocabulary import FIELDS, LISTED, Choice, Field, Scale, Tags, Text, YesNo

YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0"}


def _word(raw: str) -> str:
    return "-".join(raw.strip().lower().replace("_", " ").split())


def number_in(
    name: str, raw: str, low: float, high: float, whole: bool = False, allowed: str = ""
) -> float:
    """A number typed for a field or an option, in range; one clear line when it is not.

    The one range check: diary values, --days, --threshold and settings all say the same.
    """
    kind = "whole number" if whole else "number"
    allowed = allowed or f"use a {kind} from {low:g} to {high:g}"
    try:
        value = float(raw)
    except (ValueError, OverflowError):  # 10**400 is no number a diary holds
        raise DiaryError(name, raw, f"is not a number; {allowed}") from None
    if whole and not value.is_integer():
        raise DiaryError(name, raw, f"is not a whole number; {allowed}")
    if not low <= value <= high:  # also refuses nan
        raise DiaryError(name, raw, f"is out of range; {allowed}")
    return value


def _parse_scale(f: Field, scale: Scale, raw: str) -> float | int:
    allowed = f"use {scale.describe()}"
    if scale.limit and _above(raw, scale.high):
        allowed += f": {scale.limit.why}"  # a plausibility limit says why
    number = number_in(f.name, raw, scale.low, scale.high, scale.whole, allowed)
    return int(number) if scale.whole else round(number, 2) + 0.0  # + 0.0: no "-0"


def _above(raw: str, high: float) -> bool:
    try:
        return float(raw) > high
    except ValueError:
        return False


@dataclass(frozen=True)
class Unclear:
    """A word that is not one value: a part without a side ('knee'), a word for several
    regions ('leg'), or a typo. `choices` are what it could be; a side is never guessed."""

    word: str
    choices: tuple[str, ...]
    known: bool  # a word for several values, not a typo

    def says(self, choice: Choice) -> str:
        """What is allowed instead, naming every choice."""
        if self.known and _sides(self.choices):
            left, right = self.choices
            return f"needs a side; use {left} or {right} (both: {left},{right})"
        if self.known:
            return "names several regions; use one or more of: " + ", ".join(self.choices)
        hint = ""
        if self.choices:
            hint = "did you mean " + " or ".join(f"'{c}'" for c in self.choices) + "? "
        listed = ", ".join(choice.values[:LISTED])
        more = ", ... (all: ampsdiary vocabulary)" if len(choice.values) > LISTED else ""
        return f"is not allowed; {hint}use one of: {listed}{more}"


def _sides(choices: tuple[str, ...]) -> bool:
    """('left-knee', 'right-knee'): one part, both sides."""
    return (
        len(choices) == 2
        and choices[0].startswith("left-")
        and (choices[1] == "right-" + choices[0].removeprefix("left-"))
    )


def word_in(choice: Choice, raw: str) -> str | Unclear:
    """One typed word as a value of `choice`, or what it could be."""
    word = _word(raw)
    if word in choice.values:
        return word
    if word in choice.aliases:
        return choice.aliases[word]
    if word in choice.groups:
        return Unclear(raw.strip(), choice.groups[word], known=True)
    known = [*choice.values, *choice.aliases, *choice.groups]
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    if not close:
        return Unclear(raw.strip(), (), known=False)
    found = choice.groups.get(close[0]) or (choice.aliases.get(close[0], close[0]),)
    return Unclear(raw.strip(), found, known=False)


def sort_words(name: str, raw: object) -> tuple[list[str], list[Unclear]]:
    """A list field's words: those that are values, and those that are not (so a check-in
    keeps the good ones and asks only about the others)."""
    choice = FIELDS[name].kind
    assert isinstance(choice, Choice)
    parts = _split(",".join(map(str, raw)) if isinstance(raw, list | tuple) else str(raw or ""))
    good: list[str] = []
    unclear: list[Unclear] = []
    for part in parts:
        found = word_in(choice, part)
        if isinstance(found, Unclear):
            unclear.append(found)
        elif found not in good:
            good.append(found)
    return good, unclear


def _parse_word(f: Field, choice: Choice, raw: str) -> str:
    found = word_in(choice, raw)
    if isinstance(found, Unclear):
        raise DiaryError(f.name, raw, found.says(choice))
    return found


def whole_number(name: str, raw: str, low: int, high: int) -> int:
    """A command option such as --days, checked like every diary value: one clear line."""
    return int(number_in(name, raw, low, high, whole=True))


def as_id(raw: str) -> int | None:
    """The number an id or a numbered choice is typed as, or None when it is none.

    str.isdigit() also says yes to '²', which int() refuses, and int() refuses more than
    4,300 digits (too many for any id: the store says a large one is in no row).
    """
    return int(raw) if raw.isdecimal() and len(raw) <= 4000 else None


NOT_UTF8 = "holds bytes that are not UTF-8; use any text, typed with the terminal set to UTF-8"


def utf8(name: str, raw: object) -> None:
    """Refuse text no UTF-8 file can hold, for every field at once.

    Bytes that are not UTF-8 (a terminal or a script in another encoding) reach Python as
    lone surrogates (os.fsdecode(b"\\xff") == "\\udcff"); SQLite, JSON and CSV cannot store
    them, so the write would fail half way. The error shows them escaped: '\\udcff'.
    """
    texts = raw if isinstance(raw, list | tuple) else (raw,)
    for text in texts:
        if isinstance(text, str) and not text.isascii():
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                raise DiaryError(name, text, NOT_UTF8) from None


def _split(raw: str) -> list[str]:
    return [part for part in (p.strip() for p in raw.split(",")) if part]


def parse(name: str, raw: object) -> object:
    """Check one field's raw text (or typed value); blank means "not logged" and stays None,
    never 0."""
    f = FIELDS[name]
    if isinstance(raw, bool) and isinstance(f.kind, YesNo):
        return raw  # --sport/--no-sport arrive already decided
    _typed(f, raw)
    utf8(name, raw)
    if _ready(f.kind, raw):
        if isinstance(raw, list):
            return list(dict.fromkeys(raw))
        return int(raw) if isinstance(f.kind, Scale) and f.kind.whole else raw
    if isinstance(raw, list | tuple):
        raw = ",".join(map(str, raw))
    if raw is None or not str(raw).strip():
        return None
    raw = str(raw).strip()
    kind = f.kind
    if isinstance(kind, Scale):
        return _parse_scale(f, kind, raw)
    if isinstance(kind, Choice) and kind.many:
        good, unclear = sort_words(name, raw)
        if unclear:
            raise DiaryError(name, unclear[0].word, unclear[0].says(kind))
        return good or None
    if isinstance(kind, Choice):
        return _parse_word(f, kind, raw)
    if isinstance(kind, Tags):
        return list(dict.fromkeys(_word(part) for part in _split(raw))) or None
    if isinstance(kind, YesNo):
        word = raw.lower()
        if word in YES or word in NO:
            return word in YES
        raise DiaryError(f.name, raw, "is not allowed; use yes or no")
    assert isinstance(kind, Text)
    return raw


def _ready(kind: object, raw: object) -> bool:
    """A typed value that is already what this version writes (a whole 4 for pain, a list of
    known regions): taken as it is, without the round trip through text (an import of ten
    years checks 170,000 of them)."""
    if isinstance(kind, Scale) and type(raw) in (int, float):
        return kind.low <= raw <= kind.high and (not kind.whole or float(raw).is_integer())
    if isinstance(kind, Choice) and isinstance(raw, list) and kind.many:
        return bool(raw) and all(v in kind.values for v in raw)
    return isinstance(kind, Choice) and not kind.many and raw in kind.values


def _typed(f: Field, raw: object) -> None:
    """A value that is not text must be of the field's own type: a list only where several
    words go, a number only for a scale, yes/no only as true or false (a library caller's
    or an imported file's `"pain": [5]` is a mistake, never read as 5)."""
    if raw is None or isinstance(raw, str):
        return
    kind = f.kind
    many = isinstance(kind, Tags) or (isinstance(kind, Choice) and kind.many)
    if isinstance(raw, list | tuple):
        fits = many and all(isinstance(v, str) for v in raw)
    elif isinstance(raw, bool):
        fits = False
    else:
        fits = isinstance(raw, int | float) and isinstance(kind, Scale)
    if not fits:
        raise DiaryError(f.name, raw, f"is not allowed; use {kind.describe()}")


def required(name: str, raw: object) -> object:
    """A value that cannot be left out, such as a session's kind and minutes."""
    value = parse(name, raw)
    if value is None:
        f = FIELDS[name]
        raise DiaryError(name, raw, f"is required; use {f.kind.describe()}")
    return value


def parse_all(raw: dict[str, object]) -> dict[str, object]:
    """Check every given field, keeping only those that were logged."""
    values = {name: parse(name, value) for name, value in raw.items()}
    values = {name: value for name, value in values.items() if value is not None}
    check_together(values)
    return values


def check_together(values: dict[str, object], changed: str | None = None) -> None:
    """Rules that need two fields: worst pain is at least pain now; faces use even scores.

    `changed` names the field being edited, so the error blames what the user just typed.
    """
    pain, worst = values.get("pain"), values.get("worst")
    if isinstance(pain, int) and isinstance(worst, int) and worst < pain:
        if changed == "pain":
            allowed = f"is above worst pain ({worst}); use 0 to {worst}, or edit worst first"
            raise DiaryError("pain", str(pain), allowed)
        raise DiaryError(
            "worst", str(worst), f"is below pain now ({pain}); worst must be {pain} to 10"
        )
    if values.get("pain_scale") == "faces":
        for name in ("pain", "worst"):
            score = values.get(name)
            if isinstance(score, int) and score % 2:
                raise DiaryError(
                    name,
                    str(score),
                    "is not a face score; the faces scale uses 0, 2, 4, 6, 8, 10",
                )


def stored_ok(name: str, value: object) -> bool:
    """Could this version have written `value` for the field? A hand-edited or future value
    (a word outside the vocabulary, text in a number column) must be left out, not used."""
    if value is None:
        return True
    kind = FIELDS[name].kind
    if isinstance(kind, Scale):
        number = isinstance(value, int | float) and not isinstance(value, bool)
        whole = not kind.whole or (number and float(value).is_integer())
        return number and whole and kind.low <= value <= kind.read_high
    if isinstance(kind, Choice) and kind.many:
        return isinstance(value, list) and all(v in kind.values for v in value)
    if isinstance(kind, Choice):
        return value in kind.values
    if isinstance(kind, Tags):
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if isinstance(kind, YesNo):
        return isinstance(value, bool)
    return isinstance(value, str)


class RememberedParse:
    """`parse`, once for each distinct value of a field (a DiaryError is remembered and
    raised anew): an import of ten years checks 170,000 values but only a few hundred
    different ones."""

    def __init__(self) -> None:
        self.answers: dict[tuple, object] = {}

    def __call__(self, name: str, value: object) -> object:
        key = _memo_key(name, value)
        if key is None:
            return parse(name, value)
        if key not in self.answers:
            try:
                self.answers[key] = parse(name, value)
            except DiaryError as error:
                self.answers[key] = error
        answer = self.answers[key]
        if isinstance(answer, DiaryError):  # a new one each time: its own traceback
            raise DiaryError(answer.field, answer.value, answer.allowed)
        return answer.copy() if isinstance(answer, list) else answer


def _memo_key(name: str, value: object) -> tuple | None:
    """A value's key: its type too (1, 1.0 and True are one key to a dict); None for one
    that cannot be a key (a list holding a list)."""
    if isinstance(value, list):
        return (name, list, tuple(value)) if all(isinstance(v, str) for v in value) else None
    return (name, type(value), value) if isinstance(value, str | int | float | None) else None
