"""Fits the terminal: every table reads in 60 columns with nothing cut, and a terminal that
cannot show UTF-8 gets ASCII, never a traceback."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis_helpers import write_diary

COMMANDS = [
    ("summary",),
    ("summary", "--week", "2026-W46"),
    ("recovery",),
    ("trends",),
    ("trends", "--by", "month"),
    ("show", "--days", "70"),
]


def tokens(text: str) -> set[str]:
    """The words and numbers printed; a table's rule is as long as its table, so it is not."""
    return {t for t in text.split() if set(t) - set("─-")}


def output(run, db: Path, monkeypatch, columns: int, *args: str) -> str:
    monkeypatch.setenv("COLUMNS", str(columns))
    result = run("--db", str(db), *args)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("args", COMMANDS)
def test_every_table_reads_in_60_columns(run, demo_db, monkeypatch, args):
    """Narrow, the same words and numbers as on a wide screen: none cut, none broken."""
    narrow = output(run, demo_db, monkeypatch, 60, *args)
    wide = output(run, demo_db, monkeypatch, 250, *args)
    assert max(map(len, narrow.splitlines())) <= 60
    assert "…" not in narrow
    assert tokens(narrow) == tokens(wide)


def test_long_words_and_many_columns_in_60(run, db_path, monkeypatch):
    """Skin words, a long exercise kind, school counts and two kinds of change."""
    days = {
        f"2026-11-{d:02}": {"school": "missed" if d % 2 else "full", "sport": d > 12}
        for d in range(9, 19)
    }
    write_diary(db_path, [3] * 7 + [6, 7, 6], [7] * 7 + [4, 4, 5], dt.date(2026, 11, 9), days=days)
    for d in (16, 17):
        args = ["--date", f"2026-11-{d}", "--skin-color", "blue-purple", "--skin-temp", "cold"]
        assert run("log", "--pain", "5", *args, "--skin", "sweaty,shiny").exit_code == 0
        assert run("exercise", "desensitization", "25", "--date", f"2026-11-{d}").exit_code == 0
    for args in (("summary",), ("show",), ("recovery",), ("trends",)):
        narrow = output(run, db_path, monkeypatch, 60, *args)
        wide = output(run, db_path, monkeypatch, 250, *args)
        assert max(map(len, narrow.splitlines())) <= 60, args
        assert "…" not in narrow and tokens(narrow) == tokens(wide), args
    summary = output(run, db_path, monkeypatch, 60, "summary")
    assert "desensitization" in tokens(summary) and "school" in tokens(summary)


def test_a_wide_terminal_keeps_one_row_a_line(run, demo_db, monkeypatch):
    """At 100 columns nothing is stacked or broken: a day's row has all eleven columns."""
    show = output(run, demo_db, monkeypatch, 100, "show", "--days", "3").splitlines()
    header = next(line for line in show if line.startswith("Date"))
    assert header.split() == [
        *("Date", "Pain", "Worst", "Func", "Allodynia", "Swelling", "Skin", "School"),
        *("Sport", "Friends", "Exercise"),
    ]
    assert sum(line.startswith("Date") for line in show) == 1


def ascii_run(db: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    """`python -m ampsdiary --db DB ...` in a real process, its output read as bytes."""
    full = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHONUTF8"))}
    full.pop("PYTHONIOENCODING", None)
    full.update({"COLUMNS": "60", **env})
    return subprocess.run(
        [sys.executable, "-m", "ampsdiary", "--db", str(db), *args],
        capture_output=True,
        env=full,
        timeout=120,
    )


@pytest.mark.parametrize(
    "env",
    [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C"}, {"LANG": "C", "PYTHONUTF8": "0"}],
    ids=["ascii-stdout", "LC_ALL=C", "LANG=C"],
)
def test_an_ascii_terminal_gets_ascii_arrows_and_bars(run, demo_db, env):
    note = run("--db", str(demo_db), "log", "--day-note", "Café with Sam 😀 – fun")
    assert note.exit_code == 0, note.output
    report = ("report", "--out", str(demo_db.parent / "week.pdf"))
    for args in (("summary",), ("recovery",), ("trends",), ("show",), report):
        done = ascii_run(demo_db, env, *args)
        assert done.returncode == 0, done.stderr.decode(errors="replace")
        assert b"Traceback" not in done.stderr and b"UnicodeEncodeError" not in done.stderr
        text = done.stdout.decode("ascii")  # fails on any byte that is not ASCII
        assert max(map(len, text.splitlines())) <= 60 or args[0] == "report"
    summary = ascii_run(demo_db, env, "summary").stdout.decode("ascii")
    assert "-> same" in summary and "Week Mon 16 Nov - Sun 22 Nov 2026" in summary
    assert "Cafe with Sam ? - fun" in summary
    trends = ascii_run(demo_db, env, "trends").stdout.decode("ascii")
    spark = next(line for line in trends.splitlines() if line.startswith("Function "))
    assert set(spark.split()[1]) <= set("_.:-=+*#") and "higher is better" in spark
    assert "+/-base" in trends and "-----" in trends  # the header rule, in ASCII


def test_a_utf8_terminal_keeps_its_arrows(demo_db):
    done = ascii_run(demo_db, {"LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}, "summary")
    assert done.returncode == 0 and "→ same" in done.stdout.decode("utf-8")
