"""Every command and every option, read from the typer app itself.

The fuzz tests and the privacy walk take their commands from here, so a command or an
option added later is fuzzed without anyone remembering to list it, and the walk fails
until someone says how to run it. Also the one place that builds the small diary they
run against, and dumps a diary's every row to compare before and after.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import typer
from typer.testing import CliRunner

from ampsdiary.cli import app

# typer's own shell-completion options edit the user's shell start-up file: never run them.
NOT_OURS = {"install_completion", "show_completion", "help"}
PRIVATE = "PRIVATE-NOTE-ZQX"  # in the diary's private note only
ORDINARY = "ordinary-note-KWV"  # in a day note: must show wherever notes show
TODAY = dt.date(2026, 11, 18)  # tests/conftest.py's AMPSDIARY_TODAY
ENV = {
    "AMPSDIARY_TODAY": TODAY.isoformat(),
    "COLUMNS": "100",
    "NO_COLOR": "1",
    "TERM": "dumb",
}


@dataclass(frozen=True)
class Param:
    """One option or argument as click parses it."""

    name: str
    opts: tuple[str, ...]  # ('--out', '-o'); an argument's is empty
    off: tuple[str, ...]  # a boolean's other spelling: ('--no-sport',)
    flag: bool  # takes no value
    many: bool  # an argument taking several values, or an option given again
    required: bool
    help: str  # its --help text, with the words it takes

    @property
    def argument(self) -> bool:
        return not self.opts


@dataclass(frozen=True)
class Command:
    path: tuple[str, ...]  # ('config', 'set')
    params: tuple[Param, ...]

    @property
    def name(self) -> str:
        return " ".join(self.path)

    @property
    def arguments(self) -> tuple[Param, ...]:
        return tuple(p for p in self.params if p.argument)

    @property
    def options(self) -> tuple[Param, ...]:
        return tuple(p for p in self.params if not p.argument)


def _param(p) -> Param:
    argument = p.param_type_name == "argument"
    return Param(
        name=p.name,
        opts=() if argument else tuple(p.opts),
        off=() if argument else tuple(p.secondary_opts),
        flag=bool(getattr(p, "is_flag", False)),
        many=p.nargs == -1 or bool(p.multiple),
        required=bool(p.required),
        help=" ".join(filter(None, (p.help, getattr(p, "metavar", None)))),
    )


def _walk(command, path: tuple[str, ...]):
    if hasattr(command, "commands"):  # a group: its sub-commands, hidden ones too
        for name in sorted(command.commands):
            yield from _walk(command.commands[name], (*path, name))
        return
    params = tuple(_param(p) for p in command.params if p.name not in NOT_OURS)
    yield Command(path, params)


def catalogue() -> dict[str, Command]:
    """Every command the program has, by name ('log', 'config set')."""
    root = typer.main.get_command(app)
    return {c.name: c for c in _walk(root, ())}


def root_options() -> tuple[Param, ...]:
    """The options before the command (--db)."""
    root = typer.main.get_command(app)
    return tuple(_param(p) for p in root.params if p.name not in NOT_OURS)


def known_words() -> list[str]:
    """Every word some --help offers ('left-foot', 'redcap', 'month', 'exercise-goal'): values
    that get a command past its first check, so the fuzz reaches the code behind it."""
    words = {"pain", "function", "note", "private-note", "day-note", "where", "-", "1", "2"}
    for command in catalogue().values():
        for param in (*command.params, *root_options()):
            words |= set(re.findall(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", param.help.lower()))
    return sorted(words)


def typer_names() -> set[str]:
    """The commands as typer registered them, walked without click: a check on `catalogue`."""

    def names(typer_app: typer.Typer, prefix: str) -> set[str]:
        found = {prefix + (c.name or c.callback.__name__) for c in typer_app.registered_commands}
        for group in typer_app.registered_groups:
            found |= names(group.typer_instance, f"{prefix}{group.name} ")
        return found

    return names(app, "")


def build_diary(path: Path) -> Path:
    """Three weeks logged by flags, the way a teen does: pain falling, function rising, an
    exercise every third day, day notes, a private note on the last day, a name and an id."""
    runner = CliRunner()
    os.environ.update(ENV)

    def run(*args: str) -> None:
        result = runner.invoke(app, ["--db", str(path), *args])
        assert result.exit_code == 0, result.output

    for i in range(21):
        date = (TODAY - dt.timedelta(days=20 - i)).isoformat()
        flags = ["--pain", str(7 - i // 4), "--function", str(3 + i // 4), "--where", "left-foot"]
        notes = ["--day-note", f"{ORDINARY} {i}"]
        if i == 20:
            notes += ["--private-note", PRIVATE, "--note", "sore after school"]
        run("log", "-d", date, *flags, "--sleep", "8", "--mood", "6", *notes)
        if i % 3 == 0:
            run("exercise", "aerobic", "30", "-d", date, "--note", "bike")
    run("config", "set", "name", "Sam")
    run("config", "set", "patient-id", "P-17")
    run("config", "set", "treatment-start", (TODAY - dt.timedelta(days=20)).isoformat())
    return path


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every table's every row, sorted: two dumps are equal when nothing was written."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        rows = {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"'))) for t in tables}
        rows["pragma user_version"] = [repr(conn.execute("PRAGMA user_version").fetchone())]
        return rows
    finally:
        conn.close()
