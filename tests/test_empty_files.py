"""A failed first write leaves nothing behind; a read never fills an empty file."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import no_traceback

READS = [("show",), ("nudge",), ("nudge", "--json"), ("summary",), ("export",), ("history",),
         ("day",), ("recovery",), ("config", "get"), ("edit", "1", "pain", "3"), ("undo", "1"),
         ("delete", "--entry", "1", "--yes")]  # fmt: skip


@pytest.mark.parametrize("command", READS, ids=[" ".join(c) for c in READS])
def test_a_command_that_writes_nothing_never_fills_an_empty_file(run, tmp_path, command):
    path = tmp_path / "touched.db"
    path.touch()
    result = run("--db", str(path), *command)
    no_traceback(result)
    assert path.stat().st_size == 0
    if command[0] == "nudge":
        assert result.exit_code == 0 and "Not logged today yet" in result.stdout
    else:
        assert result.exit_code == 2
        assert result.stderr.strip() == (
            f"Error: --db: '{path}' is an empty file: nothing is logged yet; start with "
            "`ampsdiary log`"
        )


FAILED_FIRST_WRITES = [
    ("log", "--pain", "11"),
    ("log", "--check-in"),  # every question skipped
    ("exercise", "flying", "10"),
    ("config", "set", "exercise-goal", "abc"),
]


@pytest.mark.parametrize(
    "command", FAILED_FIRST_WRITES, ids=[" ".join(c) for c in FAILED_FIRST_WRITES]
)
def test_a_first_write_that_writes_nothing_leaves_no_file_nor_folder(run, tmp_path, command):
    path = tmp_path / "new" / "deeper" / "diary.db"
    result = run("--db", str(path), *command, input="-\n" * 14 + "\n-\n")
    no_traceback(result)
    assert list(tmp_path.iterdir()) == []


def test_an_empty_file_a_check_in_quit_goes_back_to_empty(run, tmp_path):
    path = tmp_path / "touched.db"
    path.touch()
    result = run("--db", str(path), "log", "--check-in", input="-\n" * 14 + "\n-\n")
    assert result.exit_code == 0 and "Nothing logged" in result.output
    assert path.stat().st_size == 0


def test_the_installed_program_leaves_nothing_either(tmp_path):
    path = tmp_path / "new" / "diary.db"
    args = [sys.executable, "-m", "ampsdiary", "--db", str(path), "log", "--check-in"]
    out = subprocess.run(
        args, input="-\n" * 14 + "\n-\n", capture_output=True, text=True, check=False
    )
    assert "Nothing logged" in out.stdout, out.stderr
    assert list(tmp_path.iterdir()) == []
