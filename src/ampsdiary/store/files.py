"""The diary as a file: is it ours, is it whole, and what SQLite's failures mean to a family.

Plain `os` and `sqlite3` only: `nudge` (store/quick.py) and the output checks use this
module without loading sqlite-utils.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ..errors import DiaryError

# PRAGMA application_id marks the file as ours ("AMPD"): we never write into another database.
APPLICATION_ID = 0x414D5044
SQLITE_HEADER = b"SQLite format 3\x00"
HEADER_SIZE = 100
# Said on a first run, before anything is logged: the teen never typed --db, so no flag blamed.
NO_DIARY = (
    "does not exist yet; start with `ampsdiary log` (or try `ampsdiary demo`), "
    "or check the diary's path"
)
EMPTY_FILE = "is an empty file: nothing is logged yet; start with `ampsdiary log`"
NOT_OURS = "is not an ampsdiary database; give a new file or an existing diary"
DAMAGED = "is damaged; restore it from a backup (nothing was changed)"
# The files SQLite keeps beside a diary while it writes: replacing one loses the diary too.
COMPANIONS = ("-journal", "-wal", "-shm")


def file_problem(error: sqlite3.Error) -> str | None:
    """Why SQLite could not use the file, in words, for the problems a family can fix."""
    if getattr(error, "sqlite_errorname", "") == "SQLITE_READONLY_DBMOVED":
        return "was moved or deleted while in use; nothing was changed (try again)"
    text = str(error).lower()
    for clue, words in (
        ("locked", "is busy: another program is using the diary; try again in a moment"),
        ("readonly", "is read-only; nothing was changed (check the file's permissions)"),
        ("malformed", DAMAGED),
        ("disk is full", "cannot be written: the disk is full; nothing was changed"),
        ("unable to open", "cannot be opened; check the path and its permissions"),
    ):
        if clue in text:
            return words
    return None


def file_error(path: Path, error: sqlite3.Error) -> DiaryError | sqlite3.Error:
    """A SQLite failure as the problem of this diary file, when it is one a family can fix
    (busy, read-only, damaged, disk full); other failures stay SQLite's own."""
    problem = file_problem(error)
    return DiaryError("diary", str(path), problem) if problem else error


def damaged(path: Path, what: str | None = None) -> DiaryError:
    """The diary is not what this version wrote: say so, and what to do."""
    said = DAMAGED if what is None else DAMAGED.replace("damaged", f"damaged ({what})", 1)
    return DiaryError("diary", str(path), said)


def header(path: Path) -> bytes:
    """The first 100 bytes of a file (fewer when it is shorter)."""
    with path.open("rb") as file:
        return file.read(HEADER_SIZE)


def is_diary(path: Path) -> bool:
    """An existing ampsdiary database (a diary or a backup of one, under any name): its
    SQLite header and our application_id, read from the header without opening it."""
    try:
        if not path.is_file():
            return False
        start = header(path)
    except OSError:
        return False
    return start.startswith(SQLITE_HEADER) and start[68:72] == APPLICATION_ID.to_bytes(4, "big")


def truncated(path: Path, start: bytes) -> bool:
    """Shorter than its header says: a copy or a disk that stopped half-way."""
    if len(start) < HEADER_SIZE:
        return True
    page_size = int.from_bytes(start[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(start[28:32], "big")
    return bool(page_size) and path.stat().st_size < pages * page_size


def same_file(a: Path, b: Path) -> bool:
    """The same file under two names: a link, a hard link, `./x/../diary.db`, relative or
    absolute; for a file not there yet, the same place once links are followed."""
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.realpath(a) == os.path.realpath(b)
