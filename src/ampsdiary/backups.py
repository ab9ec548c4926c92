"""Backups of a diary, and putting one back: what `ampsdiary backup` and `restore` do.

A backup is a whole diary file, checked, owner-only, named by the diary and the day
(`backups/diary-2026-11-18.db` beside the diary; a second one that day `diary-2026-11-18-2.db`),
and never written over an earlier one. A restore checks the backup first (ours, whole, not
from a newer version), keeps the diary it replaces as a backup of its own
(`diary-2026-11-18-before-restore.db`), then puts the backup in its place as one transaction.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from .errors import DiaryError
from .store import backup as copies
from .store.files import APPLICATION_ID, COMPANIONS, NO_DIARY, SQLITE_HEADER, header, same_file


@dataclass(frozen=True)
class Held:
    """What a diary file holds: where it is, its size, and the days it has logged."""

    path: Path
    size: int
    days: int
    first: str | None
    last: str | None

    def said(self) -> str:
        """'70 days, 2026-09-10 to 2026-11-18, 420 KB' (or 'nothing logged')."""
        days = f"{self.days} day{'s' * (self.days != 1)}" if self.days else "nothing logged"
        span = f", {self.first} to {self.last}" if self.days else ""
        return f"{days}{span}, {size_label(self.size)}"


@dataclass(frozen=True)
class Restored:
    """A restore: what the diary holds now, and where the diary it replaced was kept."""

    diary: Held
    kept: Path | None
    migrates: bool  # an older format: brought up to date (after a backup) when next opened


def size_label(size: int) -> str:
    for unit in ("bytes", "KB", "MB"):
        if size < 1024 or unit == "MB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}".replace(".0 ", " ")
        size /= 1024
    raise AssertionError  # the loop always returns


def held(path: Path, found: copies.Facts | None = None) -> Held:
    found = found or copies.facts(path)
    return Held(path, path.stat().st_size, found.days, found.first, found.last)


def known() -> set[str]:
    """The migrations this version knows (imported here: only these commands need them)."""
    from .store.migrations import migrations

    return {m.name for m in migrations._migrations}


def newest(diary: Path) -> Path | None:
    """The latest backup of this diary in its backups folder (by when it was made)."""
    folder = diary.parent / copies.BACKUPS
    try:
        made = [p for p in folder.glob(f"{diary.stem}-*.db") if p.is_file()]
    except OSError:
        return None
    return max(made, key=lambda p: p.stat().st_mtime_ns, default=None)


def _our_diary(path: Path) -> copies.Facts:
    """The diary to back up: there, a SQLite file, ours."""
    if not path.is_file():
        raise DiaryError("diary", str(path), NO_DIARY)
    found = copies.facts(path)
    if found.problem or found.application_id != APPLICATION_ID:
        raise DiaryError("diary", str(path), "is not an ampsdiary diary; nothing was backed up")
    return found


def _target(out: Path | None, diary: Path) -> tuple[Path, str, bool]:
    """(folder, name, exact) for a backup: the diary's backups folder by default, a folder
    given, or a file name given exactly (never one that is there already)."""
    name = copies.default_name(diary)
    if out is None:
        return copies.make_folder(diary.parent / copies.BACKUPS), name, False
    if out.is_dir() and not out.is_symlink():
        return out, name, False
    if same_file(out, diary) or any(same_file(out, Path(f"{diary}{c}")) for c in COMPANIONS):
        raise DiaryError("out", str(out), "is the diary itself; give another file name")
    if out.exists() or out.is_symlink():
        raise DiaryError("out", str(out), "already exists; a backup never replaces a file")
    if not out.parent.is_dir():
        raise DiaryError("out", str(out), "is in a folder that does not exist; create it first")
    return out.parent, out.name, True


def backup(diary: Path, out: Path | None = None) -> Held:
    """Back the diary up (see the module); returns what the backup holds."""
    found = _our_diary(diary)
    try:
        folder, name, exact = _target(out, diary)
        with contextlib.closing(copies.connect(diary)) as source:
            made = copies.backup(source, diary, folder, name, exact)
    except OSError as error:
        said = f"cannot be written ({error.strerror}); nothing was backed up"
        raise DiaryError("out", str(out or diary.parent / copies.BACKUPS), said) from None
    return held(made, found)


def check_backup(path: Path, diary: Path) -> Held:
    """A file fit to restore: an ampsdiary diary, whole, not from a newer version, and not
    the diary itself. An older format is fine: it is brought up to date when opened."""
    if not path.is_file():
        what = "is a folder; give a backup file" if path.is_dir() else "does not exist"
        raise DiaryError("backup", str(path), what)
    if same_file(path, diary):
        raise DiaryError("backup", str(path), "is the diary itself; give a backup of it")
    if not header(path).startswith(SQLITE_HEADER):
        raise DiaryError("backup", str(path), "is not an ampsdiary diary (not a SQLite file)")
    found = copies.facts(path)
    if found.problem or found.damage:
        why = found.problem or found.damage[0]
        raise DiaryError("backup", str(path), f"is damaged ({why}); choose another backup")
    if found.application_id != APPLICATION_ID:
        raise DiaryError("backup", str(path), "is not an ampsdiary diary")
    if newer := [name for name in found.applied if name not in known()]:
        said = f"was written by a newer version of ampsdiary ({newer[0]}); upgrade ampsdiary first"
        raise DiaryError("backup", str(path), said)
    return held(path, found)


def current(diary: Path) -> Held | str | None:
    """What the diary holds now; words when it cannot be read (damaged), None when absent."""
    if not diary.is_file() or not diary.stat().st_size:
        return None
    if not header(diary).startswith(SQLITE_HEADER):
        raise DiaryError("diary", str(diary), "is not an ampsdiary diary (not a SQLite file); "
                         "move it away first (nothing was changed)")  # fmt: skip
    found = copies.facts(diary)
    if found.problem or found.damage:
        return f"damaged ({found.problem or found.damage[0]})"
    if found.application_id not in (0, APPLICATION_ID):
        raise DiaryError("diary", str(diary), "is not an ampsdiary diary (nothing was changed)")
    return held(diary, found)


def restore(path: Path, diary: Path) -> Restored:
    """Put the backup at `path` in place of the diary, keeping the diary it replaces."""
    check_backup(path, diary)
    now = current(diary)
    kept = None
    try:
        if now is not None:
            kept = _keep(diary, healthy=isinstance(now, Held))
        if isinstance(now, Held):
            copies.restore_into(path, diary)
        else:  # missing or damaged: nobody can be using it, so the file itself is replaced
            copies.replace_file(path, diary, COMPANIONS)
    except OSError as error:
        said = f"cannot be written ({error.strerror}); nothing was restored"
        raise DiaryError("diary", str(diary), said) from None
    found = copies.facts(diary)
    return Restored(held(diary, found), kept, bool(known() - set(found.applied)))


def _keep(diary: Path, healthy: bool) -> Path:
    """The diary about to be replaced, as a backup of its own. Made under the diary's write
    lock, so nothing written a moment before the restore is left out of it; a damaged diary
    is kept byte for byte, damage and all."""
    folder = copies.make_folder(diary.parent / copies.BACKUPS)
    name = copies.default_name(diary, "before-restore")
    if not healthy:
        return copies.backup(diary, diary, folder, name)
    with copies.write_locked(diary), contextlib.closing(copies.connect(diary)) as source:
        return copies.backup(source, diary, folder, name)
