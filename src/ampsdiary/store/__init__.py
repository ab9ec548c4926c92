"""The store: the only place that knows SQL. Opening a diary applies migrations once.

Opening takes the write lock before it migrates, so several programs opening one new
diary at the same moment all succeed: the first creates the schema, the others wait
for it and find nothing left to do.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

from ..errors import DiaryError
from .database import NEWER, Store
from .location import diary_path

__all__ = ["Store", "diary_path", "file_error", "file_problem", "open_store"]

# PRAGMA application_id marks the file as ours ("AMPD"): we never write into another database.
APPLICATION_ID = 0x414D5044
SQLITE_HEADER = b"SQLite format 3\x00"
# Said on a first run, before anything is logged: the teen never typed --db, so no flag blamed.
NO_DIARY = (
    "does not exist yet; start with `ampsdiary log` (or try `ampsdiary demo`), "
    "or check the diary's path"
)
NOT_OURS = "is not an ampsdiary database; give a new file or an existing diary"
BUSY_SECONDS = 30.0  # a writer waits this long for another to finish before giving up


def _import_sqlite_utils():
    """Import sqlite-utils without its optional numpy/pandas type hooks.

    sqlite-utils imports numpy when present only to map numpy scalar types, which we
    never insert; that import alone costs ~100 ms on every command (numpy is installed
    for matplotlib). Hiding them for this one import keeps `log` and `nudge` instant;
    later imports of numpy (the plots) are unaffected.
    """
    if "sqlite_utils" in sys.modules:
        return sys.modules["sqlite_utils"]
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        import sqlite_utils
    finally:
        for name in hidden:
            del sys.modules[name]
    return sqlite_utils


def _create_private(path: Path) -> None:
    """Create the folder and an empty file readable and writable by its owner only."""
    missing = [p for p in (path.parent, *path.parent.parents) if not p.exists()]
    for folder in reversed(missing):  # each new folder private, not just the last one
        folder.mkdir(mode=0o700)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return  # another program created it a moment ago; opening waits for its schema
    os.close(fd)


def _check_ours(path: Path, conn: sqlite3.Connection) -> None:
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise DiaryError("diary", str(path), file_problem(error) or NOT_OURS) from None
    if app_id != APPLICATION_ID and (app_id != 0 or tables):
        raise DiaryError("diary", str(path), NOT_OURS)


def file_problem(error: sqlite3.Error) -> str | None:
    """Why SQLite could not use the file, in words, for the problems a family can fix."""
    text = str(error).lower()
    for clue, words in (
        ("locked", "is busy: another program is using the diary; try again in a moment"),
        ("readonly", "is read-only; nothing was changed (check the file's permissions)"),
        ("malformed", "is damaged; restore it from a backup (nothing was changed)"),
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


def _is_sqlite(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(16) == SQLITE_HEADER


def _check_file(path: Path, create: bool) -> None:
    """Refuse what cannot be a diary before SQLite touches it; create a missing one privately."""
    try:
        if path.is_dir():
            raise DiaryError("diary", str(path), "is a folder; give the path of a diary file")
        if not path.exists():
            if not create:
                raise DiaryError("diary", str(path), NO_DIARY)
            _create_private(path)
        elif not path.stat().st_size:
            path.chmod(0o600)  # an empty file (from `touch`) becomes a diary: make it private
        elif not _is_sqlite(path):
            raise DiaryError("diary", str(path), f"{NOT_OURS.split(';')[0]} (not a SQLite file)")
    except OSError as error:
        reason = f"cannot be created or opened ({error.strerror})"
        raise DiaryError("diary", str(path), reason) from None


def open_store(path: Path, create: bool = False, write: bool = False) -> Store:
    """Open the diary at path and bring its schema up to date.

    Only writing creates a missing file (`create`), so a mistyped path is an error instead
    of a quiet, empty diary. A diary from a newer version is opened for reading only, and
    refused at once when the caller means to `write`.
    """
    _check_file(path, create)
    sqlite_utils = _import_sqlite_utils()
    try:
        conn = sqlite3.connect(path, timeout=BUSY_SECONDS)
    except sqlite3.Error as error:
        raise DiaryError("diary", str(path), file_problem(error) or NOT_OURS) from None
    db = sqlite_utils.Database(conn, execute_plugins=False)
    from .migrations import migrations, unknown

    try:
        _check_ours(path, conn)
        store = Store(db, path, newer=bool(unknown(db)))
        if store.newer and write:
            raise DiaryError("diary", str(path), NEWER)
        if not store.newer and migrations.pending(db):
            with store.transaction():  # the write lock first: one program migrates
                _check_ours(path, conn)
                if migrations.pending(db):
                    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                    migrations.apply(db)
    except sqlite3.Error as error:
        db.close()
        raise file_error(path, error) from None
    except BaseException:
        db.close()
        raise
    return store
