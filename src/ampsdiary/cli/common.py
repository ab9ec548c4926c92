"""What every command shares: the diary from --db, one-line errors, text-or-JSON output."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import functools
import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console

from ..analysis.measures import rounded
from ..dates import DATE_HELP, parse_date
from ..diary import Diary, open_diary
from ..errors import DiaryError
from ..store import diary_path, take_back
from ..vocabulary import FIELDS, Choice, Scale, Tags

FROM_HELP = f"First day: {DATE_HELP}. Default, and the earliest shown: the first day logged."
TO_HELP = f"Last day: {DATE_HELP}. Default: today."
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
    A terminal that cannot show UTF-8 gets ASCII (terminal.py), never a UnicodeEncodeError.
    """
    import sys

    from .terminal import AsciiConsole, AsciiOut, needs_ascii

    if needs_ascii(sys.stdout):
        return AsciiConsole(highlight=False, markup=False, file=AsciiOut(sys.stdout))
    return Console(highlight=False, markup=False)


def fail(message: str, status: int = 2) -> NoReturn:
    Console(stderr=True, highlight=False).print(f"Error: {message}", markup=False, soft_wrap=True)
    raise typer.Exit(status)


# Library fields that are options of some command: shown as the option (`from` -> --from).
OPTIONS = {
    "date", "time", "week", "from", "to", "by", "threshold", "hold", "baseline_from",
    "baseline_to", "days", "out", "measure", "paper", "entry", "session",
}  # fmt: skip


def flag_namer(db_given: bool, names: dict[str, str] | None = None) -> Callable[[str], str]:
    """How this command names each library field: its own names first (`date` -> DATE for a
    command taking a date argument), then a value's flag (`pain` -> --pain), then options.
    The diary file is --db only when --db named it."""

    def name(field: str) -> str:
        if names and field in names:
            return names[field]
        if field == "key":
            return "KEY"  # config's argument
        if field in FIELDS:
            return FIELDS[field].flag
        if field in OPTIONS:
            return "--" + field.replace("_", "-")
        return "--db" if field == "diary" and db_given else field

    return name


# What the system says of a path the user gave that they can fix (a name too long, a folder
# that is not there, no permission, a full disk): bad input, exit 2 like any other.
FIXABLE = {
    errno.ENAMETOOLONG, errno.ENOENT, errno.ENOTDIR, errno.EISDIR, errno.EACCES, errno.EPERM,
    errno.EROFS, errno.ENOSPC, errno.EEXIST, errno.ELOOP,
}  # fmt: skip


def friendly_errors(
    command: Callable[..., Any], names: dict[str, str] | None = None
) -> Callable[..., Any]:
    """One line on stderr, never a traceback; library fields named as this command's flags.

    Exit 2 for bad input and for a file the user can fix (busy, read-only, damaged, a path
    too long or not there: FIXABLE); 1 when SQLite or the system fails in a way we cannot
    explain.
    """

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except DiaryError as error:
            ctx = kwargs.get("ctx")  # --db names the file only in errors that show its path
            db_given = bool(ctx and ctx.obj is not None and error.value is not None)
            fail(error.message(flag_namer(db_given, names)))
        except sqlite3.Error as error:
            fail(f"diary: SQLite failed ({error}); nothing was changed", 1)
        except OSError as error:
            status = 2 if error.errno in FIXABLE else 1
            fail(
                f"{error.filename or 'diary'}: {error.strerror or error}; nothing was changed",
                status,
            )

    return wrapper


def _left_out(diary: Diary) -> None:
    """One line on stderr when values this version would never write were left out."""
    if not diary.problems:
        return
    shown = ", ".join(map(str, diary.problems[:3]))
    more = f" and {len(diary.problems) - 3} more" if len(diary.problems) > 3 else ""
    count = len(diary.problems)
    Console(stderr=True, highlight=False).print(
        f"Note: left out {count} stored value{'s' * (count != 1)} this version would never "
        f"write ({shown}{more}); correct them with `ampsdiary edit`.",
        markup=False,
        soft_wrap=True,
    )


@contextlib.contextmanager
def opened(ctx: typer.Context, create: bool = False, write: bool = False) -> Iterator[Diary]:
    """The diary named by --db, $AMPSDIARY_DB or the default location, closed afterwards.

    Only commands that add to a diary pass `create`; reading never makes an empty diary
    appear, and a first write that writes nothing (refused, or a check-in quit) leaves no
    file behind. A diary from a newer version is refused to `write` (and `create`) at once.
    """
    diary = open_diary(diary_path(ctx.obj), create=create, write=write or create)
    if diary.backup_before_update:
        said = f"a copy of it as it was is in {diary.backup_before_update}"
        typer.echo(f"Note: this diary was brought up to date for this version; {said}.", err=True)
    try:
        yield diary
    finally:
        take_back(diary.store)
        diary.close()
    _left_out(diary)


def the_diary(ctx: typer.Context) -> Path | None:
    """The diary --db, $AMPSDIARY_DB or the default names, for an --out to keep off it;
    None when that names no file (the command says so itself if it opens the diary)."""
    try:
        return diary_path(ctx.obj)
    except DiaryError:
        return None


def dates_of(first: str | None, last: str | None) -> tuple[dt.date | None, dt.date | None]:
    """--from and --to as dates (None when not given)."""
    return (
        parse_date(first, "from") if first else None,
        parse_date(last, "to") if last else None,
    )


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


# The version of every --json document (docs/json.md): bump it when a key changes meaning or
# is removed; adding a key does not bump it.
JSON_SCHEMA_VERSION = 2


def emit(as_json: bool, data: dict[str, Any], render: Callable[[Console], None]) -> None:
    """One result, printed either as JSON for tools or by `render` for people.

    Every JSON document is one object, its first key `schema_version`; a list goes under a
    named key of its own (`{"changes": [...]}`).
    """
    if as_json:
        if not isinstance(data, dict):
            raise TypeError(f"a --json document is an object, not a {type(data).__name__}")
        document = {"schema_version": JSON_SCHEMA_VERSION, **data}
        typer.echo(json.dumps(document, indent=2, default=str))
    else:
        render(console())
