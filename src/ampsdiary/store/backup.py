"""Copies of a diary: SQLite's online backup, the checks a copy passes, and putting one back.

The online backup API copies a diary page by page as it is at one moment, while other
programs go on using it. A copy goes into a hidden temporary file in its folder and gets its
final name only once it is complete and `PRAGMA integrity_check` passed: a backup killed
half-way leaves no file under a backup's name. Putting a backup back goes through the same
API into the diary itself, as one journaled transaction: a restore killed half-way is rolled
back the next time the diary opens, and a program that had the diary open sees the restored
diary, never a removed file.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..dates import today
from ..errors import DiaryError
from .quick import LOGGED_DATES

BACKUPS = "backups"  # the folder beside the diary that backups go to by default
PARTIAL = ".partial"  # the ending of a copy not finished yet
BUSY_MS = 30_000  # a copy waits this long for a writer to finish
DIARY_TABLES = ("entries", "days", "sessions", "settings", "changes")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def connect(path: Path) -> sqlite3.Connection:
    """A connection to an existing file (never creating one) that reads only. Opened for
    writing when the file allows, so SQLite can roll back what a killed writer left
    half-done, as it always does; a read-only file (a backup on a locked stick) is read."""
    try:
        conn = _open(path, "rw")
        conn.execute("PRAGMA schema_version").fetchone()  # the first read rolls back
    except sqlite3.OperationalError as error:
        if "readonly" not in str(error) and "unable to open" not in str(error):
            raise
        conn = _open(path, "ro")
    conn.execute("PRAGMA query_only = 1")
    return conn


def _open(path: Path, mode: str) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
    return conn


def integrity(conn: sqlite3.Connection) -> list[str]:
    """What `PRAGMA integrity_check` finds wrong; [] for a whole file."""
    found = [row[0] for row in conn.execute("PRAGMA integrity_check(20)")]
    if found == ["ok"]:
        return []
    lines = (line.strip() for text in found for line in str(text).splitlines())
    return [line for line in lines if line and not line.startswith("***")]  # "*** in database"


@dataclass
class Facts:
    """What a file holds, read without changing it: the marks of a diary, its migrations and
    how many days it has logged. `problem` says why SQLite could not read it at all."""

    application_id: int = 0
    applied: list[str] = field(default_factory=list)
    damage: list[str] = field(default_factory=list)
    days: int = 0
    first: str | None = None
    last: str | None = None
    problem: str | None = None


def facts(path: Path) -> Facts:
    """The file's facts; a file that is no SQLite database gets only `problem`."""
    found = Facts()
    try:
        with contextlib.closing(connect(path)) as conn:
            found.application_id = conn.execute("PRAGMA application_id").fetchone()[0]
            found.damage = integrity(conn)
            names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            if "_sqlite_migrations" in names:
                sql = (
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = 'ampsdiary'"
                    " ORDER BY id"
                )
                found.applied = [row[0] for row in conn.execute(sql)]
            if not found.damage and {"entries", "days", "sessions"} <= names:
                dates = sorted(d for (d,) in conn.execute(LOGGED_DATES) if _is_date(d))
                found.days = len(dates)
                found.first, found.last = (dates[0], dates[-1]) if dates else (None, None)
    except sqlite3.Error as error:
        found.problem = str(error)
    return found


def _is_date(text: object) -> bool:
    return isinstance(text, str) and DATE.fullmatch(text) is not None


def holds_data(conn: sqlite3.Connection) -> bool:
    """A diary something was written into (not a brand-new file still being made)."""
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    tables = [t for t in DIARY_TABLES if t in names]
    return any(conn.execute(f"SELECT EXISTS (SELECT 1 FROM [{t}])").fetchone()[0] for t in tables)


def rows(conn: sqlite3.Connection, table: str) -> Iterator[dict]:
    """Every row of one of the diary's tables, as stored, in the order it was written."""
    cursor = conn.execute(f"SELECT * FROM [{table}] ORDER BY rowid")
    names = [column[0] for column in cursor.description]
    for row in cursor:
        yield dict(zip(names, row, strict=True))


def _copy_into(source: sqlite3.Connection, target: Path) -> None:
    """The online backup of `source` into the file `target` (empty or a throwaway copy), then
    onto the disk. No journal: until it is renamed, the copy is nobody's diary."""
    with contextlib.closing(sqlite3.connect(target, isolation_level=None)) as copy:
        copy.execute("PRAGMA journal_mode = OFF")
        source.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")
    _sync(target)


def _sync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_folder(folder: Path) -> None:
    """The new name itself on the disk too (a rename lives in the folder)."""
    with contextlib.suppress(OSError):  # not every system lets a folder be opened
        _sync(folder)


def default_name(diary: Path, label: str = "") -> str:
    """diary-2026-11-18.db, or diary-2026-11-18-before-restore.db: the diary's own name and
    today's date, so backups sort by date and say which diary they are of."""
    return f"{diary.stem}-{today().isoformat()}{'-' + label if label else ''}.db"


def _partials(folder: Path) -> Iterator[Path]:
    """Copies a killed backup left behind (their process is gone): hidden, never a backup."""
    pattern = re.compile(r"^\..*\.(\d+)\.[^.]*" + re.escape(PARTIAL) + r"$")
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            found = pattern.match(path.name)
            if found and not _alive(int(found.group(1))):
                yield path


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: alive
    return True


def _names(name: str, exact: bool) -> Iterator[str]:
    """The name, then (unless the user gave it exactly) name-2, name-3... for the same day."""
    yield name
    if not exact:
        stem, suffix = os.path.splitext(name)
        for number in range(2, 10_000):
            yield f"{stem}-{number}{suffix}"


def _place(tmp: Path, folder: Path, name: str, exact: bool) -> Path:
    """Give the finished copy its name without replacing any file already there (a hard
    link fails on an existing name, so two backups at once never take one name)."""
    for candidate in _names(name, exact):
        final = folder / candidate
        try:
            os.link(tmp, final)
        except FileExistsError:
            if exact:
                raise DiaryError("out", str(final), "already exists; give a new name") from None
            continue
        except OSError:  # a file system without hard links: check, then rename
            if final.exists():
                if exact:
                    raise DiaryError("out", str(final), "already exists; give a new name") from None
                continue
            os.rename(tmp, final)
        return final
    raise DiaryError("out", str(folder), "holds too many backups of today; give a name")


def backup(source: sqlite3.Connection | Path, diary: Path, folder: Path, name: str,
           exact: bool = False) -> Path:  # fmt: skip
    """Copy the diary into `folder` as `name` (name-2, name-3... when taken, unless `exact`);
    returns where it went. From a connection: the online backup, refused when the copy fails
    its integrity check. From a path: the file byte for byte, as it is (a damaged diary kept
    before a restore replaces it)."""
    for stale in _partials(folder):
        stale.unlink(missing_ok=True)
    fd, raw = tempfile.mkstemp(dir=folder, prefix=f".{name}.{os.getpid()}.", suffix=PARTIAL)
    os.close(fd)
    tmp = Path(raw)
    try:
        if isinstance(source, Path):
            shutil.copyfile(source, tmp)
            _sync(tmp)
        else:
            _copy_into(source, tmp)
            with contextlib.closing(connect(tmp)) as copy:
                if damage := integrity(copy):
                    said = f"is damaged ({damage[0]}); nothing was backed up: see `ampsdiary check`"
                    raise DiaryError("diary", str(diary), said)
        final = _place(tmp, folder, name, exact)
        _sync_folder(folder)
        return final
    finally:
        tmp.unlink(missing_ok=True)


def before_update(conn: sqlite3.Connection, diary: Path) -> Path | None:
    """A migration's backup, made while `conn` holds the write lock (so the copy is the
    diary as it was when the migration began); None for a diary with nothing in it yet."""
    if not holds_data(conn):
        return None
    folder = diary.parent / BACKUPS
    try:
        make_folder(folder)
        with contextlib.closing(connect(diary)) as source:
            return backup(source, diary, folder, default_name(diary, "before-update"))
    except OSError as error:
        said = f"cannot be written ({error.strerror}); the diary was not updated (nothing changed)"
        raise DiaryError("backup", str(folder), said) from None


def make_folder(folder: Path) -> Path:
    """The backups folder, made owner-only when it is new."""
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


@contextlib.contextmanager
def write_locked(path: Path) -> Iterator[sqlite3.Connection]:
    """Hold the diary's write lock: other programs read, and wait to write. A second
    connection (`connect`) can still read it, so a copy made meanwhile is the last word."""
    conn = _open(path, "rw")
    try:
        conn.execute("BEGIN IMMEDIATE")
        yield conn
    finally:
        conn.close()  # rolls back: nothing was written through it


def restore_into(source: Path, diary: Path) -> None:
    """Put the diary `source` (checked) in place of the diary, page for page, as one
    transaction of the diary's own: killed half-way, SQLite rolls it back on the next open."""
    with contextlib.closing(connect(source)) as src, contextlib.closing(_open(diary, "rw")) as to:
        src.backup(to)


def replace_file(source: Path, diary: Path, companions: tuple[str, ...]) -> None:
    """Put `source` in place of a diary SQLite cannot open (or a missing one): a complete
    copy beside it, on the disk, renamed over it in one step. What SQLite kept beside the
    old file (a journal) goes first, or it would be played back into the new one."""
    fd, raw = tempfile.mkstemp(dir=diary.parent, prefix=f".{diary.name}.{os.getpid()}.",
                               suffix=PARTIAL)  # fmt: skip
    os.close(fd)
    tmp = Path(raw)
    try:
        with contextlib.closing(connect(source)) as src:
            _copy_into(src, tmp)
        for companion in companions:
            Path(f"{diary}{companion}").unlink(missing_ok=True)
        os.replace(tmp, diary)
        _sync_folder(diary.parent)
    finally:
        tmp.unlink(missing_ok=True)
