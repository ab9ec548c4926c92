"""The one read that must be instant: which days are logged, for `nudge` in every new shell.

Plain sqlite3, read-only, without sqlite-utils or migrations: a shell start-up file must
never create, change or lock a diary, and must not wait for imports it does not need.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

LOGGED_DATES = (
    "SELECT date FROM entries UNION SELECT date FROM days UNION SELECT date FROM sessions"
)


def logged_dates(path: Path) -> list[dt.date] | None:
    """Logged dates, oldest first; None when there is no readable diary at path."""
    try:
        if not path.is_file():
            return None
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.2)
        try:
            return sorted(_dates(d for (d,) in conn.execute(LOGGED_DATES)))
        finally:
            conn.close()
    except (sqlite3.Error, ValueError, OSError):
        return None


def _dates(texts: Iterable[object]) -> Iterator[dt.date]:
    """The dates that are dates: one edited by hand into 'yesterday' spoils no other day."""
    for text in texts:
        try:
            yield dt.date.fromisoformat(str(text))
        except ValueError:
            continue
