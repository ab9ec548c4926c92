"""`delete`, `config` and `vocabulary`: looking after the diary itself."""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ..dates import DATE_HELP, day_label, parse_date
from ..diary import Diary
from ..errors import DiaryError
from ..settings import check_key, check_value
from ..stored import is_date
from ..vocabulary import FIELDS, LIMITS, SETTINGS, SIDED_SPELLINGS, field_words
from .common import NEGATIVE_NUMBERS, JsonOption, console, emit, friendly_errors, opened
from .undo import said, undo

YesOption = Annotated[
    bool, typer.Option("--yes", "-y", help="Delete without asking first (for scripts).")
]
PLURAL = {"entry": "entries", "session": "sessions", "day record": "day records"}


def can_ask() -> bool:
    """Is there a person at a terminal to answer 'Delete?'."""
    return sys.stdin.isatty()


def _day_rows(diary: Diary, day: dt.date) -> list[tuple[str, dict]]:
    rows = [("entry", e) for e in diary.entries(day, day)]
    rows += [("session", s) for s in diary.sessions(day, day)]
    facts = diary.day(day)
    return rows + ([("day record", facts)] if facts else [])


def ask_first(what: str, rows: list[tuple[str, dict]], yes: bool) -> None:
    """Show what would go and ask; --yes skips the question, and without a terminal to ask
    in, nothing is deleted."""
    if yes:
        return
    if not can_ask():
        raise DiaryError(
            "delete", None, "asks before deleting, and there is no terminal to ask in; pass "
            "--yes to delete without a question (nothing was deleted)",
        )  # fmt: skip
    out = console()
    out.print(f"This deletes {what}:")
    for kind, row in rows:
        out.print("  " + said("day" if kind == "day record" else kind, row))
    out.print("Nothing is lost: `history` keeps it, and `ampsdiary undo` puts it back.")
    if not typer.confirm("Delete?", default=False):
        typer.echo("Nothing was deleted.")
        raise typer.Exit(1)


def delete(
    ctx: typer.Context,
    date: Annotated[
        str | None,
        typer.Argument(help=f"Delete everything logged that day: {DATE_HELP}.", metavar="DATE"),
    ] = None,
    entry: Annotated[
        int | None, typer.Option(help="Delete one symptom entry by its id.", metavar="ID")
    ] = None,
    session: Annotated[
        int | None, typer.Option(help="Delete one exercise session by its id.", metavar="ID")
    ] = None,
    yes: YesOption = False,
) -> None:
    """Delete a day, an entry or a session, after showing what goes and asking.

    Nothing is lost: `history` keeps the old values, and `ampsdiary undo` puts them back.
    Without a terminal (in a script), pass --yes.
    """
    if sum(x is not None for x in (date, entry, session)) != 1:
        raise DiaryError("delete", None, "needs exactly one of: DATE, --entry ID, --session ID")
    with opened(ctx, write=True) as diary:
        if date is not None:
            day = parse_date(date, "DATE")
            rows = _day_rows(diary, day)
            if not rows:
                raise DiaryError("DATE", date, "has nothing logged; nothing was deleted")
            ask_first(f"everything logged on {day_label(day)}", rows, yes)
            counts = Counter(kind for kind, _ in rows)
            diary.delete_day(day, "delete")
            what = ", ".join(
                f"{n} {kind if n == 1 else PLURAL[kind]}" for kind, n in counts.items()
            )
            done = f"Deleted {day_label(day)} ({what})."
        else:
            kind, row_id = ("entry", entry) if entry is not None else ("session", session)
            row = diary.entry(row_id) if kind == "entry" else diary.session(row_id)
            if row is None:
                allowed = "is not an id in this diary; see `ampsdiary day DATE`"
                raise DiaryError(f"--{kind}", str(row_id), allowed)
            day = row["date"]  # deleting is how a row with a damaged date goes
            when = day_label(dt.date.fromisoformat(day)) if is_date(day) else f"date {day!r}"
            ask_first(f"{kind} #{row_id} of {when}", [(kind, row)], yes)
            diary.delete(kind, row_id, "delete")
            done = f"Deleted {kind} #{row_id} from {row['date']}."
        undo_ids = " ".join(map(str, diary.last_changes))
    typer.echo(f"{done} The old values are kept in `history`; to put them back: "
               f"ampsdiary undo {undo_ids}")  # fmt: skip


config_app = typer.Typer(
    help="Read and change settings.\n\nKeys: "
    + "; ".join(f"{key}: {meaning}" for key, meaning in SETTINGS.items())
    + "."
)


@config_app.command("get")
@friendly_errors
def config_get(
    ctx: typer.Context,
    key: Annotated[
        str | None, typer.Argument(help="Which setting; all of them when left out.", metavar="KEY")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Print a setting, or all of them."""
    keys = [check_key(key)] if key is not None else list(SETTINGS)
    with opened(ctx) as diary:
        stored = diary.settings()
    values = {name: stored.get(name) for name in keys}

    def render(out: Console) -> None:
        for name, value in values.items():
            out.print(f"{name}: {'' if value is None else value}", markup=False)

    emit(as_json, {"settings": values}, render)


@config_app.command("set", context_settings=NEGATIVE_NUMBERS)
@friendly_errors
def config_set(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="One of: " + ", ".join(SETTINGS) + ".", metavar="KEY")],
    value: Annotated[str, typer.Argument(help="The new value.", metavar="VALUE")],
) -> None:
    """Change a setting; the old value is kept in history."""
    key = check_key(key)
    value = check_value(key, value)  # before a diary file is made for it
    with opened(ctx, create=True) as diary:
        old = diary.set_setting(key, value, "config")
    typer.echo(f"{key} = {value}" + (f" (was {old})" if old not in (None, value) else ""))


# The sided spellings of every body part are one pattern: said once, not 70 times.
SIDED = "l-foot, lfoot, foot-left for every part and side"


def _also(row: dict) -> str:
    """The other names of a field and every word it takes for a value."""
    sided = [w for w in row["aliases"] if w in SIDED_SPELLINGS]
    aliases = [f"{w} = {v}" for w, v in row["aliases"].items() if w not in SIDED_SPELLINGS]
    names = [f"(as a field: {', '.join(row['names'])})"] if row["names"] else []
    return "; ".join([*([SIDED] if sided else []), *aliases, *names])


def vocabulary(as_json: JsonOption = False) -> None:
    """List every field, its flag, the values it allows and the limits of what is plausible."""
    rows = [
        {
            "field": f.name,
            "flag": f.flag,
            "level": f.level,
            "label": f.label,
            "allowed": f.kind.describe(),
            "names": [w for w in field_words(f) if w != f.flag.lstrip("-")],
            "aliases": getattr(f.kind, "aliases", {}),
        }
        for f in FIELDS.values()
    ]

    def render(out: Console) -> None:
        table = Table(title="What the diary records", title_justify="left")
        for name in ("Flag", "What", "Allowed", "Also understood"):
            table.add_column(name, overflow="fold")
        for row in rows:
            table.add_row(row["flag"], row["label"], row["allowed"], _also(row))
        out.print(table)
        most = Table(title="Limits (a larger value is refused)", title_justify="left")
        for name in ("Flag", "At most", "Why"):
            most.add_column(name, overflow="fold")
        for limit in LIMITS:
            f = FIELDS[limit.field]
            most.add_row(f.flag, f"{limit.most} {limit.unit} a {limit.per}", limit.why)
        out.print(most)

    limits = [
        {"field": limit.field, "flag": FIELDS[limit.field].flag, **vars(limit)} for limit in LIMITS
    ]
    emit(as_json, {"fields": rows, "limits": limits}, render)


def register(app: typer.Typer) -> None:
    app.command()(friendly_errors(delete))
    app.command()(friendly_errors(undo, {"change": "CHANGE_ID"}))
    app.add_typer(config_app, name="config")
    app.command()(vocabulary)
