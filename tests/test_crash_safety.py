"""Killed half-way (SIGKILL: no clean-up, as when a laptop's battery dies), an import, a
migration, a backup and a restore leave the diary exactly as before or exactly as after,
whole, and never a half-written file under a backup's name.

Each operation runs as a real `python -m ampsdiary` process. A reference run, not killed,
gives the state after and how long the operation's writing lasts, from the moment its
marker appears (the diary's journal: SQLite has begun writing; or a backup's hidden
temporary file). The other runs are killed at points spread over that stretch. The sizes
keep the whole file to about 20 seconds on two idle cores (a process starts in 0.4 s).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from ampsdiary import backups, demo, open_diary

FIXTURE = Path(__file__).parent / "fixtures" / "first-schema.db"
TODAY = dt.date(2026, 11, 18)  # as in conftest
YEARS_DAYS = 365  # a year imports in about a second: long enough to be killed in
SPREAD = (0.0, 0.3, 0.6)  # where in the writing each kill lands, as a fraction of it
VOLATILE = {"uid", "row_uid", "recorded_at", "changed_at", "applied_at"}  # uuid4s, now
Marker = Callable[[], bool]


def dump(path: Path) -> list[str]:
    """Everything in the file, as SQL; opening rolls back what a killed writer left."""
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return list(conn.iterdump())


def canonical(path: Path) -> dict[str, list]:
    """The diary's tables without what differs between two runs of one command (uids made
    by uuid4, times of writing): equal for two completed runs, different from before."""
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.row_factory = sqlite3.Row
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        found = {}
        for table in tables:
            rows = conn.execute(f"SELECT * FROM [{table}]").fetchall()
            kept = [tuple((k, r[k]) for k in r.keys() if k not in VOLATILE) for r in rows]  # noqa: SIM118
            found[table] = sorted(kept, key=repr)
        return found


def command(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "ampsdiary", "--db", str(db), *args]


def start(db: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(command(db, *args), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, env=os.environ.copy())  # fmt: skip


def wait_for(process: subprocess.Popen, marker: Marker) -> float | None:
    """Poll until the marker appears; the moment it did, or None if the process ended."""
    while process.poll() is None:
        if marker():
            return time.perf_counter()
        time.sleep(0.0005)
    return None


def reference(db: Path, args: tuple[str, ...], marker: Marker) -> float:
    """Run once to the end; how long it wrote after its marker appeared."""
    process = start(db, *args)
    seen = wait_for(process, marker)
    assert process.wait(60) == 0, process.stderr.read().decode()
    assert seen is not None, "the marker never appeared: the test would kill nothing"
    return time.perf_counter() - seen


def killed(db: Path, args: tuple[str, ...], marker: Marker, delay: float) -> bool:
    """Run and SIGKILL `delay` seconds after the marker; whether it was still running."""
    process = start(db, *args)
    seen = wait_for(process, marker)
    if seen is not None:
        time.sleep(max(0.0, seen + delay - time.perf_counter()))
        process.send_signal(signal.SIGKILL)
    code = process.wait(60)
    process.stderr.close()
    return code == -signal.SIGKILL


def journal(db: Path) -> Marker:
    return lambda: Path(f"{db}-journal").exists()


def partial(folder: Path) -> Marker:
    return lambda: folder.is_dir() and any(p.name.endswith(".partial") for p in folder.iterdir())


def copied(base: Path, work: Path) -> Path:
    """A fresh copy of `base` at `work`, in a folder of its own (made anew)."""
    if work.parent.exists():
        shutil.rmtree(work.parent)
    work.parent.mkdir()
    shutil.copy(base, work)
    return work


def named_backups(folder: Path) -> list[Path]:
    """The files standing under a backup's name (not hidden leftovers) in a backups folder."""
    return [p for p in folder.iterdir() if not p.name.startswith(".")] if folder.exists() else []


def each_kill(base: Path, work: Path, args: tuple[str, ...], marker: Callable[[Path], Marker],
              span: float, after_kill: Callable[[Path], None]) -> int:  # fmt: skip
    """Copy `base` to `work`, run, kill at each point of SPREAD over `span`; call
    `after_kill` on the diary; returns how many runs were killed while running."""
    hits = 0
    for fraction in SPREAD:
        copied(base, work)
        hits += killed(work, args, marker(work), fraction * span)
        after_kill(work)
    return hits


def build(path: Path, days: int) -> None:
    """`days` of the demo's recovery, back to back, as the benchmark's diary is made."""
    entries, day_rows, sessions = [], [], []
    first = (TODAY - dt.timedelta(days=days - 1)).isoformat()
    end = TODAY
    while end.isoformat() >= first:
        e, d, s, _ = demo.generate(end)
        entries += [r for r in e if r["date"] >= first]
        day_rows += [r for r in d if r["date"] >= first]
        sessions += [r for r in s if r["date"] >= first]
        end -= dt.timedelta(days=demo.WEEKS * 7)
    with open_diary(path, create=True) as diary:
        diary.add_all(entries, day_rows, sessions, source="test")


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> dict[str, Path]:
    """A year of diary and its json export, made once for this file."""
    folder = tmp_path_factory.mktemp("big")
    diary = folder / "big.db"
    build(diary, YEARS_DAYS)
    exported = folder / "big.json"
    env = {**os.environ, "AMPSDIARY_TODAY": TODAY.isoformat()}  # made before conftest's
    subprocess.run(command(diary, "export", "json", "--out", str(exported)), check=True,
                   capture_output=True, env=env)  # fmt: skip
    return {"diary": diary, "json": exported}


def small(path: Path) -> Path:
    """A diary holding one day long before the big one's, so an import adds to it."""
    with open_diary(path, create=True) as diary:
        diary.log(TODAY - dt.timedelta(days=YEARS_DAYS + 30), entry={"pain": 3},
                  day={"function": 6}, source="test")  # fmt: skip
    return path


def test_an_import_killed_anywhere_is_all_or_nothing(big, tmp_path):
    base = small(tmp_path / "base.db")
    before = canonical(base)
    done = copied(base, tmp_path / "done" / "diary.db")
    args = ("import", str(big["json"]))
    span = reference(done, args, journal(done))
    after = canonical(done)
    assert after != before

    def same_or_done(diary: Path) -> None:
        assert canonical(diary) in (before, after)

    hits = each_kill(base, tmp_path / "run" / "diary.db", args, journal, span, same_or_done)
    assert hits, "every kill missed the import"


def m001_diary(path: Path, days: int) -> Path:
    """The first-schema fixture with `days` more days of entries, sessions and history, so a
    migration takes long enough to be killed in."""
    shutil.copy(FIXTURE, path)
    first = dt.date(2026, 11, 1) - dt.timedelta(days=days)
    with sqlite3.connect(path) as conn:
        for n in range(days):
            date = (first + dt.timedelta(days=n)).isoformat()
            at = f"{date}T08:00:00+01:00"
            for time_of_day in ("08:00", "20:00"):
                cursor = conn.execute(
                    "INSERT INTO entries (date, time, recorded_at, pain, locations) VALUES"
                    " (?, ?, ?, ?, ?)", [date, time_of_day, at, n % 11, '["left-foot"]'],
                )  # fmt: skip
                conn.execute(
                    "INSERT INTO changes (changed_at, table_name, row_key, date, field,"
                    " old_value, new_value, action) VALUES (?, 'entries', ?, ?, 'pain', '1',"
                    " '2', 'edit')", [at, str(cursor.lastrowid), date],
                )  # fmt: skip
            conn.execute("INSERT INTO days (date, function, updated_at) VALUES (?, ?, ?)",
                         [date, n % 11, at])  # fmt: skip
            conn.execute(
                "INSERT INTO sessions (date, kind, minutes, recorded_at, session_note)"
                " VALUES (?, 'physio', 30, ?, ?)", [date, at, str(uuid.uuid4())],
            )  # fmt: skip
    return path


def test_a_migration_killed_anywhere_is_all_or_nothing(tmp_path):
    base = m001_diary(tmp_path / "base.db", 300)
    before = dump(base)
    old = canonical(base)
    done = copied(base, tmp_path / "done" / "diary.db")
    args = ("show", "--days", "1")
    span = reference(done, args, journal(done))
    after = canonical(done)
    assert after != old

    def same_or_done(diary: Path) -> None:
        assert dump(diary) == before or canonical(diary) == after
        named = named_backups(diary.parent / "backups")
        assert [dump(p) for p in named] in ([], [before])  # the backup first: whole or absent

    hits = each_kill(base, tmp_path / "run" / "diary.db", args, journal, span, same_or_done)
    assert hits, "every kill missed the migration"
    # killed while the backup before it is being written: the diary is never touched
    work = copied(base, tmp_path / "early" / "diary.db")
    assert killed(work, args, partial(work.parent / "backups"), 0.0)
    assert dump(work) == before
    assert not named_backups(work.parent / "backups")


def test_a_backup_killed_anywhere_leaves_no_file_under_a_backups_name(big, tmp_path):
    base = tmp_path / "base.db"
    shutil.copy(big["diary"], base)
    before = dump(base)
    done = copied(base, tmp_path / "done" / "diary.db")
    span = reference(done, ("backup",), partial(done.parent / "backups"))

    def whole_or_absent(diary: Path) -> None:
        assert dump(diary) == before
        folder = diary.parent / "backups"
        named = [p for p in folder.iterdir() if not p.name.startswith(".")]  # the folder is made
        assert named in ([], [folder / "diary-2026-11-18.db"])
        assert all(dump(p) == before for p in named)
        made = backups.backup(diary)  # the next backup works, and clears the leftovers
        assert dump(made.path) == before
        assert all(not p.name.endswith(".partial") for p in folder.iterdir())

    marker = lambda diary: partial(diary.parent / "backups")  # noqa: E731
    hits = each_kill(base, tmp_path / "run" / "diary.db", ("backup",), marker, span,
                     whole_or_absent)  # fmt: skip
    assert hits, "every kill missed the backup"


def test_a_restore_killed_anywhere_leaves_the_old_diary_or_the_backup(big, tmp_path):
    base = small(tmp_path / "base.db")
    before = dump(base)
    wanted = dump(big["diary"])
    args = ("restore", str(big["diary"]), "--yes")
    done = copied(base, tmp_path / "done" / "diary.db")
    span = reference(done, args, journal(done))
    assert dump(done) == wanted

    def old_or_restored(diary: Path) -> None:
        assert dump(diary) in (before, wanted)
        named = named_backups(diary.parent / "backups")
        assert [dump(p) for p in named] in ([], [before])  # the kept diary: whole or absent

    hits = each_kill(base, tmp_path / "run" / "diary.db", args, journal, span, old_or_restored)
    assert hits, "every kill missed the restore"
    work = copied(base, tmp_path / "early" / "diary.db")  # killed while the old one is kept
    killed(work, args, partial(work.parent / "backups"), 0.0)
    old_or_restored(work)
