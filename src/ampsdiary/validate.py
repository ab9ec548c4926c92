"""Turn what a person typed into checked values, or a DiaryError that says what is allowed.

Flags, the guided check-in, `edit` and imported files all hand over strings (or values
already typed, such as a list of regions), so they share this one path. Errors name the
field in the diary's words (`pain`); the CLI says which flag that was.
"""

from __future__ import annotations

import difflib

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
    except ValueError:
        raise DiaryError(name, raw, f"is not a number; {allowed}") from None
    if whole and not value.is_integer():
        raise DiaryError(name, raw, f"is not a whole number; {allowed}")
    if not low <= value <= high:  # also refuses nan
        raise DiaryError(name, raw, f"is out of range; {allowed}")
    return value


def _parse_scale(f: Field, scale: Scale, raw: str) -> float | int:
    number = number_in(f.name, raw, scale.low, scale.high, scale.whole, f"use {scale.describe()}")
    return int(number) if scale.whole else round(number, 2) + 0.0  # + 0.0: no "-0"


def _parse_word(f: Field, choice: Choice, raw: str) -> str:
    word = _word(raw)
    if word in choice.values:
        return word
    if word in choice.aliases:
        return choice.aliases[word]
    close = difflib.get_close_matches(word, [*choice.values, *choice.aliases], n=1, cutoff=0.6)
    hint = f"did you mean '{choice.aliases.get(close[0], close[0])}'? " if close else ""
    listed = ", ".join(choice.values[:LISTED])
    more = ", ... (all: ampsdiary vocabulary)" if len(choice.values) > LISTED else ""
    raise DiaryError(f.name, raw, f"is not allowed; {hint}use one of: {listed}{more}")


def whole_number(name: str, raw: str, low: int, high: int) -> int:
    """A command option such as --days, checked like every diary value: one clear line."""
    return int(number_in(name, raw, low, high, whole=True))


def _split(raw: str) -> list[str]:
    return [part for part in (p.strip() for p in raw.split(",")) if part]


def parse(name: str, raw: object) -> object:
    """Check one field's raw text (or typed value); blank means "not logged" and stays None,
    never 0."""
    f = FIELDS[name]
    if isinstance(raw, bool) and isinstance(f.kind, YesNo):
        return raw  # --sport/--no-sport arrive already decided
    if isinstance(raw, list | tuple):
        raw = ",".join(map(str, raw))
    if raw is None or not str(raw).strip():
        return None
    raw = str(raw).strip()
    kind = f.kind
    if isinstance(kind, Scale):
        return _parse_scale(f, kind, raw)
    if isinstance(kind, Choice) and kind.many:
        return list(dict.fromkeys(_parse_word(f, kind, part) for part in _split(raw))) or None
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
        return number and whole and kind.low <= value <= kind.high
    if isinstance(kind, Choice) and kind.many:
        return isinstance(value, list) and all(v in kind.values for v in value)
    if isinstance(kind, Choice):
        return value in kind.values
    if isinstance(kind, Tags):
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if isinstance(kind, YesNo):
        return isinstance(value, bool)
    return isinstance(value, str)
