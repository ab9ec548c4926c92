"""Every test gets its own diary file, a fixed "today", a fixed terminal width and no colour."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from ampsdiary.cli import app

TODAY = "2026-11-18"  # a Wednesday


def no_traceback(result) -> None:
    """The command ended by itself (a normal return or an exit status), not by an exception.

    typer's CliRunner keeps an uncaught exception in `result.exception` and never prints its
    traceback into `result.output`, so looking for "Traceback" in the output cannot fail.
    """
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test can touch a real diary: the data folder and the default diary live in tmp_path."""
    db = tmp_path / "diary.db"
    monkeypatch.setenv("AMPSDIARY_DB", str(db))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("AMPSDIARY_TODAY", TODAY)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")
    return db


@pytest.fixture
def db_path(isolated: Path) -> Path:
    return isolated


@pytest.fixture
def run():
    """Invoke the CLI the way a person does; returns typer's Result (output, exit_code)."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(app, list(args), input=input)

    return invoke


@pytest.fixture
def demo_db(run, tmp_path: Path) -> Path:
    """A 10-week demo diary ending on TODAY, in its own file."""
    path = tmp_path / "demo.db"
    result = run("--db", str(path), "demo")
    assert result.exit_code == 0, result.output
    return path
