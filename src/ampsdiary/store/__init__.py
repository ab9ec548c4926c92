"""The store: the only place that knows SQL. Opening a diary applies migrations once.

Opening takes the write lock before it migrates, so several programs opening one new
diary at the same moment all succeed: the first creates the schema, the others wait
for it and find nothing left to do. A diary that is not what this version wrote (a
table or column gone, a page SQLite cannot read) is refused at the door as damaged.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DiaryError
from . import shape
from .database import NEWER, Store
from .files import (
    APPLICATION_ID,
    COMPANIONS,
    EMPTY_FILE,
    NO_DIARY,
    NOT_OURS,
    SQLITE_HEADER,
    damaged,
    file_error,
    file_problem,
    header,
    is_diary,
)
from .location import diary_path

if TYPE_CHECKING:
    from sqlite_utils import Database

__all__ = ["Store", "diary_path", "file_error", "file_problem", "open_store", "take_back"]

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


def _create_private(path: Path) -> list[Path]:
    """Create the folders and an empty file readable and writable by its owner only; the
    paths this made (the folders, then the file), so a failed first write can take them back."""
    missing = [p for p in (path.parent, *path.parent.parents) if not p.exists()]
    made: list[Path] = []
    try:
        for folder in reversed(missing):  # each new folder private, not just the last one
            folder.mkdir(mode=0o700)
            made.append(folder)
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return made  # another program created it a moment ago; opening waits for its schema
    except BaseException:
        _unmake(path, made)
        raise
    os.close(fd)
    return [*made, path]


def _unmake(path: Path, made: list[Path]) -> None:
    """Take back the file and folders an open made, newest first (a folder only if empty)."""
    for made_path in reversed(made):
        try:
            if made_path == path:
                for companion in ("", *COMPANIONS):
                    Path(f"{path}{companion}").unlink(missing_ok=True)
            else:
                made_path.rmdir()
        except OSError:
            return


class _Blank(Store):
    """A diary this open made, or an empty file it filled (see `take_back`)."""

    def __init__(self, db: Database, path: Path, made: list[Path]) -> None:
        super().__init__(db, path)
        self.made = made

    def take_back(self) -> None:
        """Nothing logged in it: remove the file and folders it made (an empty file it
        filled goes back to empty). Under the write lock, so a diary another program has
        begun to write in is theirs and stays (SQLite refuses to write to a removed file)."""
        conn = self.db.conn
        try:
            if conn.in_transaction:
                conn.rollback()
            conn.execute("PRAGMA busy_timeout = 100")
            conn.execute("BEGIN IMMEDIATE")
            tables = " OR ".join(f"EXISTS (SELECT 1 FROM {t})" for t in shape.TABLES)
            if not conn.execute(f"SELECT {tables}").fetchone()[0]:
                if self.made:
                    _unmake(self.path, self.made)
                else:
                    os.truncate(self.path, 0)
        except (sqlite3.Error, OSError):
            pass  # busy, or no longer ours to take back: it stays
        finally:
            if conn.in_transaction:
                conn.rollback()


def take_back(store: Store) -> None:
    """A first write that wrote nothing (refused, or a check-in quit) leaves no diary file
    behind, nor the folders made for it, nor a schema in a file that was empty."""
    if isinstance(store, _Blank):
        store.take_back()


def _check_ours(path: Path, conn: sqlite3.Connection) -> None:
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as error:
        if not file_problem(error) and is_diary(path):  # our mark, and garbage behind it
            raise damaged(path) from None
        raise DiaryError("diary", str(path), file_problem(error) or NOT_OURS) from None
    if app_id != APPLICATION_ID and (app_id != 0 or tables):
        raise DiaryError("diary", str(path), NOT_OURS)


def _check_file(path: Path, create: bool) -> list[Path] | None:
    """Refuse what cannot be a diary before SQLite touches it; create a missing one privately.

    Returns the paths this made (a list, [] for an empty file to fill), None for a diary
    that was there. Only `create` fills an empty file: a read leaves it as it is.
    """
    try:
        if path.is_dir():
            raise DiaryError("diary", str(path), "is a folder; give the path of a diary file")
        if not path.exists():
            if not create:
                raise DiaryError("diary", str(path), NO_DIARY)
            return _create_private(path)
        if not path.stat().st_size:
            if not create:
                raise DiaryError("diary", str(path), EMPTY_FILE)
            path.chmod(0o600)  # an empty file (from `touch`) becomes a diary: make it private
            return []
        if not header(path).startswith(SQLITE_HEADER):
            raise DiaryError("diary", str(path), f"{NOT_OURS.split(';')[0]} (not a SQLite file)")
    except OSError as error:
        reason = f"cannot be created or opened ({error.strerror})"
        raise DiaryError("diary", str(path), reason) from None
    return None


def _migrate(store: Store, conn: sqlite3.Connection) -> None:
    """Bring the schema up to date under the write lock; a diary the migrations cannot read
    (a table of its own gone, a hand-edited value they trip on) is damaged, not a crash."""
    from .backup import before_update
    from .migrations import migrations

    with store.transaction():  # the write lock first: one program migrates
        _check_ours(store.path, conn)
        if migrations.pending(store.db):
            store.backup = before_update(conn, store.path)  # nothing migrates without one
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            try:
                migrations.apply(store.db)
            except sqlite3.Error as error:
                if file_problem(error):
                    raise
                raise damaged(store.path, "it cannot be brought up to date") from None
            except (KeyError, ValueError, TypeError):
                raise damaged(store.path, "it cannot be brought up to date") from None


def open_store(path: Path, create: bool = False, write: bool = False) -> Store:
    """Open the diary at path and bring its schema up to date.

    Only writing creates a missing file (`create`), so a mistyped path is an error instead
    of a quiet, empty diary; a file it created and left empty goes again when it closes. A
    diary from a newer version is opened for reading only, and refused at once when the
    caller means to `write`.
    """
    made = _check_file(path, create)
    sqlite_utils = _import_sqlite_utils()
    try:
        conn = sqlite3.connect(path, timeout=BUSY_SECONDS)
    except sqlite3.Error as error:
        _unmake(path, made or [])
        raise DiaryError("diary", str(path), file_problem(error) or NOT_OURS) from None
    db = sqlite_utils.Database(conn, execute_plugins=False)
    from .migrations import migrations, unknown

    try:
        _check_ours(path, conn)
        newer = bool(unknown(db))
        store = Store(db, path, newer=newer) if made is None or newer else _Blank(db, path, made)
        if newer and write:
            raise DiaryError("diary", str(path), NEWER)
        if not newer and migrations.pending(db):
            _migrate(store, conn)
        if found := shape.problem(conn):
            raise damaged(path, found)
    except sqlite3.Error as error:
        db.close()
        _unmake(path, made or [])
        raise (file_error(path, error) if file_problem(error) else damaged(path)) from None
    except BaseException:
        db.close()
        _unmake(path, made or [])
        raise
    return store
