"""The one read that must be instant: which days are logged, for `nudge` in every new shell.

Plain sqlite3, read-only, without sqlite-utils or migrations: a shell start-up file must
never create, change or lock a diary, and must not wait for imports it does not need. But a
diary it cannot read is never "nothing logged": damage is said as every command says it.

How much it checks (measured on two shared cores, warm cache): the header (ours, and as long
as it says: a truncated copy) costs nothing; reading the dates (11 ms on the benchmark's
ten-year diary, 2,738 pages) fails on a damaged page it meets; `PRAGMA quick_check` reads
every page (21 ms there, 10 ms on 922 pages, three and a half of those years), so it runs on
a diary of up to QUICK_CHECK_PAGES pages (4 MiB): years of an ordinary diary.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import DiaryError
from . import shape
from .files import (
    APPLICATION_ID,
    NOT_OURS,
    SQLITE_HEADER,
    damaged,
    file_problem,
    header,
    truncated,
)

LOGGED_DATES = (
    "SELECT date FROM entries UNION SELECT date FROM days UNION SELECT date FROM sessions"
)
QUICK_CHECK_PAGES = 1024


def logged_dates(path: Path) -> list[dt.date] | None:
    """Logged dates, oldest first; None when there is no diary yet (no file, or an empty
    one). A file that is not a whole diary of ours raises the DiaryError any command gives."""
    try:
        if not path.exists():
            return None
        if path.is_dir():
            raise DiaryError("diary", str(path), "is a folder; give the path of a diary file")
        start = header(path)
        if not start:
            return None
        if not start.startswith(SQLITE_HEADER):
            raise DiaryError("diary", str(path), f"{NOT_OURS.split(';')[0]} (not a SQLite file)")
        if truncated(path, start):
            raise damaged(path)
        if start[68:72] != APPLICATION_ID.to_bytes(4, "big"):
            raise DiaryError("diary", str(path), NOT_OURS)
        return sorted(_dates(_read(path, read_only=True)))
    except OSError as error:
        raise DiaryError("diary", str(path), f"cannot be opened ({error.strerror})") from None


def _read(path: Path, read_only: bool) -> list[object]:
    """The logged dates as stored, the diary checked whole when that is cheap."""
    uri = f"{path.resolve().as_uri()}{'?mode=ro' if read_only else ''}"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=0.2)
        try:
            (pages,) = conn.execute("PRAGMA page_count").fetchone()
            if pages <= QUICK_CHECK_PAGES:
                (verdict,) = conn.execute("PRAGMA quick_check(1)").fetchone()
                if verdict != "ok":
                    raise damaged(path)
            if found := shape.problem(conn):  # as every other command's open says it
                raise damaged(path, found)
            return [date for (date,) in conn.execute(LOGGED_DATES)]
        finally:
            conn.close()
    except sqlite3.Error as error:
        if read_only and getattr(error, "sqlite_errorname", "") == "SQLITE_READONLY_ROLLBACK":
            # A crash left a transaction half-written: SQLite's own recovery puts the diary
            # back as it was before it, as any other command's open does.
            return _read(path, read_only=False)
        problem = file_problem(error)
        raise DiaryError("diary", str(path), problem) if problem else damaged(path) from None


def _dates(texts: Iterable[object]) -> Iterator[dt.date]:
    """The dates that are dates: one edited by hand into 'yesterday' spoils no other day."""
    for text in texts:
        try:
            yield dt.date.fromisoformat(str(text))
        except ValueError:
            continue
