"""Checking settings values: the daily exercise goal, the treatment start, names and ids."""

from __future__ import annotations

import difflib

from .dates import parse_date
from .errors import DiaryError
from .vocabulary import SETTINGS


def check_key(key: str) -> str:
    if key in SETTINGS:
        return key
    close = difflib.get_close_matches(key, SETTINGS, n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    raise DiaryError("KEY", key, f"is not a setting; {hint}use one of: {', '.join(SETTINGS)}")


def check_value(key: str, value: str) -> str:
    """Normalise a setting's value, or say what is allowed for it."""
    value = value.strip()
    if key == "exercise-goal":
        if not value.isdigit() or not 0 <= int(value) <= 720:
            raise DiaryError(
                "exercise-goal", value, "is not allowed; use whole minutes from 0 to 720"
            )
        return str(int(value))
    if key == "treatment-start":
        return parse_date(value, "treatment-start", allow_future=True).isoformat()
    if not value:
        raise DiaryError(key, value, "is empty; give some text")
    return value
