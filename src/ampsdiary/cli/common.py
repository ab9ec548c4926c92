"""What every command shares: the diary from --db, one-line errors, text-or-JSON output."""

from __future__ import annotations

import contextlib
import functools
import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, NoReturn

import click
import typer
from rich.console import Console

from ..analysis.measures import rounded
from ..dates import DATE_HELP
from ..errors import DiaryError
from ..ranges import FROM_HELP, TO_HELP
from ..store import Diary, diary_path, file_problem, open_diary
from ..vocabulary import FIELDS, Choice, Scale, Tags

JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]
FromOption = Annotated[str | None, typer.Option("--from", help=FROM_HELP, metavar="DATE")]
ToOption = Annotated[str | None, typer.Option("--to", help=TO_HELP, metavar="DATE")]
WeekOption = Annotated[
    str | None,
    typer.Option(
        help=f"A day in the week, or YYYY-Www. Default: this week. {DATE_HELP}.",
        metavar="WEEK",
    ),
]


# For commands whose values are arguments: "-5" is then a value the range check refuses.
NEGATIVE_NUMBERS = {"ignore_unknown_options": True}


def console() -> Console:
    """Made per call so tests' NO_COLOR and COLUMNS take effect.

    Markup is off: notes and names are the user's own text, and "[left]" must print as typed.
    """
    return Console(highlight=False, markup=False)


def fail(message: str, status: int = 2) -> NoReturn:
    Console(stderr=True, highlight=False).print(f"Error: {message}", markup=False, soft_wrap=True)
    raise typer.Exit(status)


def friendly_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """One line on stderr, never a traceback.

    Exit 2 for bad input and for a diary file the user can fix (busy, read-only, damaged);
    1 when SQLite or the system fails in a way we cannot explain.
    """

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except DiaryError as error:
            fail(str(error))
        except sqlite3.Error as error:
            if problem := file_problem(error):
                fail(str(DiaryError("--db", str(_current_path()), problem)))
            fail(f"diary: SQLite failed ({error}); nothing was changed", 1)
        except OSError as error:
            fail(f"{error.filename or 'diary'}: {error.strerror or error}; nothing was changed", 1)

    return wrapper


def _current_path() -> Path:
    """The diary the running command uses (--db is the root command's context object)."""
    ctx = click.get_current_context(silent=True)
    return diary_path(ctx.find_root().obj if ctx else None)


@contextlib.contextmanager
def opened(ctx: typer.Context, create: bool = False) -> Iterator[Diary]:
    """The diary named by --db, $AMPSDIARY_DB or the default location, closed afterwards.

    Only commands that write pass `create`; reading never makes an empty diary appear.
    """
    diary = open_diary(diary_path(ctx.obj), create)
    try:
        yield diary
    finally:
        diary.close()


def cell(value: object) -> str:
    """Missing stays blank, never 0."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{rounded(value):.1f}".removesuffix(".0")
    if isinstance(value, list):
        return ", ".join(value)
    return str(value)


def field_help(name: str) -> str:
    f = FIELDS[name]
    return f"{f.label}: {f.kind.describe()}."


def field_metavar(name: str) -> str:
    """What to type, at a glance in --help: 0-10, WORD, LIST or TEXT."""
    kind = FIELDS[name].kind
    if isinstance(kind, Scale):
        return f"{kind.low:g}-{kind.high:g}"
    if isinstance(kind, Choice):
        return "LIST" if kind.many else "WORD"
    return "LIST" if isinstance(kind, Tags) else "TEXT"


def emit(as_json: bool, data: Any, render: Callable[[Console], None]) -> None:
    """One result, printed either as JSON for tools or by `render` for people."""
    if as_json:
        typer.echo(json.dumps(data, indent=2, default=str))
    else:
        render(console())
