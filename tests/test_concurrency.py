"""Real processes writing one diary at the same moment: each waits its turn, none fails.

A teen logs a check-in while a parent adds the exercise session and the weekly summary is
open in another terminal. Each process here is a fresh interpreter running the program's own
entry point (`ampsdiary.launcher.main`, what `python -m ampsdiary` runs): it imports
everything, says it is ready, then waits for one shared "go", so all of them reach the diary
together. A writer that fails says "busy" (or "File exists" when creating the file) and
its entry is lost; these tests ask that every writer waits instead.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import stat
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

TODAY = "2026-11-18"  # as in conftest
TIMEOUT = 60  # seconds for any one process: a deadlock fails the test instead of hanging it

# One program per process. argv: ready-file, stop-file, role, then one JSON list of commands.
# A writer runs its commands once; a reader runs its commands over and over until the stop
# file appears, pausing a little between reads. Exit status: the worst status of its
# commands (0 when every one worked).
PROGRAM = r"""
import contextlib, io, json, sys, time
from pathlib import Path

ready, stop, role, commands = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4]
commands = json.loads(commands)
import ampsdiary.cli  # the slow imports happen before the start, not during it
from ampsdiary.launcher import main

def run(args):
    sys.argv = ["ampsdiary", *args]
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            main()
        code = 0
    except SystemExit as exit:
        code = exit.code or 0
    if code == 0 and role == "reader":
        try:
            json.loads(out.getvalue())
        except ValueError:
            print(f"reader: {' '.join(args)} printed no JSON: {out.getvalue()[:200]!r}",
                  file=sys.stderr)
            code = 1
    return code

ready.touch()
sys.stdin.readline()  # the shared start
worst = 0
while True:
    for args in commands:
        worst = max(worst, run(args))
        if role == "reader":
            time.sleep(0.15)  # read all along, but leave most of the CPU to the writers
    if role == "writer" or stop.exists():
        break
sys.exit(worst)
"""


@dataclass
class Finished:
    label: str
    returncode: int
    stderr: str


def storm(folder: Path, jobs: list[tuple[str, str, list[list[str]]]]) -> list[Finished]:
    """Start every job (label, role, commands), release them at once, wait for all of them.

    Writers are awaited first; then the readers are told to stop after their current round.
    """
    env = os.environ.copy()
    env["AMPSDIARY_TODAY"] = TODAY
    folder.mkdir()
    stop = folder / "stop"
    procs: list[tuple[str, str, subprocess.Popen, Path]] = []
    try:
        for index, (label, role, commands) in enumerate(jobs):
            err = folder / f"{index}.err"
            ready = folder / f"{index}.ready"
            argv = [sys.executable, "-c", PROGRAM, str(ready), str(stop), role]
            argv.append(json.dumps(commands))
            with err.open("wb") as stderr:
                proc = subprocess.Popen(
                    argv,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.DEVNULL,
                    stderr=stderr,
                    env=env,
                    cwd=folder,
                )
            procs.append((label, role, proc, err))
        deadline = time.monotonic() + TIMEOUT
        while not all((folder / f"{i}.ready").exists() for i in range(len(procs))):
            for label, _, proc, err in procs:
                if proc.poll() is not None:
                    pytest.fail(f"{label} ended before the start: {err.read_text()}")
            if time.monotonic() > deadline:
                pytest.fail(f"the processes were not ready within {TIMEOUT} s")
            time.sleep(0.01)
        for _, _, proc, _ in procs:  # the start: one newline each, microseconds apart
            with contextlib.suppress(BrokenPipeError):  # it ended already: reported below
                proc.stdin.write(b"go\n")
                proc.stdin.flush()
        for _, _, proc, _ in procs:
            with contextlib.suppress(BrokenPipeError):
                proc.stdin.close()
        for role in ("writer", "reader"):
            for label, r, proc, _ in procs:
                if r == role:
                    try:
                        proc.wait(timeout=TIMEOUT)
                    except subprocess.TimeoutExpired:
                        pytest.fail(f"{label} still running after {TIMEOUT} s: a deadlock?")
            stop.touch()  # writers done: readers finish their round and end
    finally:
        for _, _, proc, _ in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    return [
        Finished(label, proc.returncode, err.read_text(errors="replace"))
        for label, _, proc, err in procs
    ]


def failures(finished: list[Finished]) -> list[str]:
    """Every process that did not exit 0, or said 'busy' or printed a traceback."""
    out = []
    for f in finished:
        bad = f.returncode != 0 or "busy" in f.stderr.lower() or "Traceback" in f.stderr
        if bad:
            lines = f.stderr.strip().splitlines()
            shown = "; ".join(dict.fromkeys(lines))[:600]  # each distinct line once
            out.append(f"{f.label}: exit {f.returncode}: {shown}")
    return out


def stored_notes(db: Path) -> Counter[str]:
    """Every entry note and session note in the diary (read after all processes ended)."""
    if not db.exists():
        return Counter()
    with contextlib.closing(sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        notes = [n for (n,) in conn.execute("SELECT note FROM entries")]
        notes += [n for (n,) in conn.execute("SELECT session_note FROM sessions")]
    return Counter(notes)


def check(finished: list[Finished], db: Path, expected: list[str]) -> None:
    """All processes succeeded and every note landed exactly once; nothing else was created."""
    stored = stored_notes(db)
    missing = Counter(expected) - stored
    extra = stored - Counter(expected)
    problems = failures(finished)
    if Path(os.environ["AMPSDIARY_DB"]).exists():
        problems.append(f"$AMPSDIARY_DB's file was created: {os.environ['AMPSDIARY_DB']}")
    summary = (
        f"{len(problems)} of {len(finished)} processes failed; the diary kept "
        f"{sum(stored.values())} of {len(expected)} rows"
    )
    assert not problems and not missing and not extra, "\n".join(
        [summary, *problems, f"missing: {sorted(missing)}", f"unexpected: {sorted(extra)}"]
    )


def log(db: Path, n: int, note: str) -> list[str]:
    when = ["--date", "yesterday", "--time", "08:00"]
    return ["--db", str(db), "log", *when, "--pain", str(n % 11), "--note", note]


def seeded(run, db: Path) -> Path:
    """An existing diary holding one day fact (no entry, no session), so readers have a file."""
    result = run("--db", str(db), "log", "--date", "2026-11-10", "--function", "6")
    assert result.exit_code == 0, result.output
    assert sum(stored_notes(db).values()) == 0
    return db


def test_sixteen_writers_and_three_readers_at_once_all_succeed(run, tmp_path):
    db = seeded(run, tmp_path / "shared.db")
    writes = 3
    writers = [
        (f"writer {n}", "writer", [log(db, n, f"writer {n} #{i}") for i in range(writes)])
        for n in range(16)
    ]
    reads = [["show", "--json"], ["summary", "--json"], ["history", "--json"]]
    reads.append(["day", "yesterday", "--json"])
    readers = [
        (f"reader {r}", "reader", [["--db", str(db), *c] for c in reads[r:] + reads[:r]])
        for r in range(3)
    ]
    finished = storm(tmp_path / "procs", writers + readers)
    check(finished, db, [f"writer {n} #{i}" for n in range(16) for i in range(writes)])


def test_eight_processes_creating_one_new_diary_at_once_all_succeed(tmp_path):
    db = tmp_path / "new.db"
    assert not db.exists()
    jobs = [(f"creator {n}", "writer", [log(db, 3, f"creator {n}")]) for n in range(8)]
    finished = storm(tmp_path / "procs", jobs)
    check(finished, db, [f"creator {n}" for n in range(8)])
    assert stat.S_IMODE(db.stat().st_mode) & 0o077 == 0, "the new diary is not private"


def test_check_ins_and_exercise_sessions_at_the_same_moment_all_land(run, tmp_path):
    db = seeded(run, tmp_path / "family.db")

    def write(n: int, i: int) -> tuple[str, list[str]]:
        if (n + i) % 2 == 0:
            return f"teen {n}.{i}", log(db, n, f"teen {n}.{i}")
        note = f"parent {n}.{i}"
        session = ["exercise", "aerobic", "10", "--date", "yesterday", "--note", note]
        return note, ["--db", str(db), *session]

    plan = {n: [write(n, i) for i in range(5)] for n in range(8)}
    jobs = [(f"process {n}", "writer", [args for _, args in plan[n]]) for n in range(8)]
    finished = storm(tmp_path / "procs", jobs)
    check(finished, db, [note for n in range(8) for note, _ in plan[n]])
