"""Checking settings values: the daily exercise goal, the treatment start, names and ids."""

from __future__ import annotations

import difflib

from .dates import parse_date
from .errors import DiaryError
from .validate import number_in
from .vocabulary import DAY_MINUTES, SETTINGS

NAME_LENGTH = 60


def check_key(key: str) -> str:
    if key in SETTINGS:
        return key
    close = difflib.get_close_matches(key, SETTINGS, n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    raise DiaryError("key", key, f"is not a setting; {hint}use one of: {', '.join(SETTINGS)}")


def check_value(key: str, value: str) -> str:
    """Normalise a setting's value, or say what is allowed for it."""
    value = value.strip()
    if key == "exercise-goal":
        most = DAY_MINUTES.most  # a goal no day could hold is no goal
        allowed = f"use whole minutes from 1 to {most}"
        return str(int(number_in("exercise-goal", value, 1, most, whole=True, allowed=allowed)))
    if key == "treatment-start":
        return parse_date(value, "treatment-start").isoformat()
    # A name or id goes on printed page headers: one short line of text.
    if not value or len(value) > NAME_LENGTH or not value.isprintable():
        allowed = f"is not allowed; use one line of 1 to {NAME_LENGTH} printable characters"
        raise DiaryError(key, value, allowed)
    return value
