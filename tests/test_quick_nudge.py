"""`ampsdiary nudge` answers without loading the CLI, and says exactly what the CLI says."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

CHECK = (
    "import sys; sys.argv = ['ampsdiary', *sys.argv[1:]];"
    "from ampsdiary.launcher import main; main();"
    "print('loaded:', sorted(m for m in ('typer', 'rich', 'sqlite_utils') if m in sys.modules))"
)


def quick(*args: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", CHECK, *args],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ.copy(),
    )
    return out.stdout.splitlines()


@pytest.mark.parametrize("logged_today", [False, True])
def test_quick_nudge_matches_the_cli_and_loads_nothing_heavy(run, db_path, logged_today):
    run("log", "--pain", "3", "--date", "yesterday")
    run("log", "--pain", "3", "--date", "2d")
    if logged_today:
        run("log", "--pain", "2")
    cli = run("nudge").output.splitlines()
    assert quick("nudge") == [*cli, "loaded: []"]
    assert quick("--db", str(db_path), "nudge") == [*cli, "loaded: []"]
    if not logged_today:
        assert cli == [
            "Not logged today yet: `ampsdiary log` takes a minute. 2 days in a row so far."
        ]


def test_quick_nudge_never_creates_a_diary(db_path):
    assert quick("nudge")[0].startswith("Not logged today yet")
    assert not db_path.exists()


def test_other_commands_still_use_the_cli(db_path):
    assert quick("nudge", "--json")[-1] != "loaded: []"


def test_python_dash_m_runs_the_program(db_path):
    out = subprocess.run(
        [sys.executable, "-m", "ampsdiary", "--help"], capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith("Usage: ampsdiary ")
