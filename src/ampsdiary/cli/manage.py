"""`delete`, `config` and `vocabulary`: looking after the diary itself."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ..dates import DATE_HELP, day_label, parse_date
from ..errors import DiaryError
from ..settings import check_key, check_value
from ..vocabulary import FIELDS, LIMITS, SETTINGS
from .common import NEGATIVE_NUMBERS, JsonOption, emit, friendly_errors, opened


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
) -> None:
    """Delete a day, an entry or a session.

    Nothing is lost: `history` keeps the old values.
    """
    if sum(x is not None for x in (date, entry, session)) != 1:
        raise DiaryError("delete", None, "needs exactly one of: DATE, --entry ID, --session ID")
    with opened(ctx, write=True) as diary:
        if date is not None:
            day = parse_date(date, "DATE")
            counts = diary.delete_day(day, "delete")
            if not any(counts.values()):
                raise DiaryError("DATE", date, "has nothing logged; nothing was deleted")
            names = {"entry": ("entry", "entries"), "session": ("session", "sessions")}
            names["day"] = ("day record", "day records")
            what = ", ".join(f"{n} {names[k][n != 1]}" for k, n in counts.items() if n)
            typer.echo(f"Deleted {day_label(day)} ({what}). The old values are kept in `history`.")
            return
        kind, row_id = ("entry", entry) if entry is not None else ("session", session)
        row = diary.delete(kind, row_id, "delete")
        if row is None:
            raise DiaryError(
                f"--{kind}", str(row_id), "is not an id in this diary; see `ampsdiary day DATE`"
            )
        typer.echo(
            f"Deleted {kind} #{row_id} from {row['date']}. The old values are kept in `history`."
        )


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


def vocabulary(as_json: JsonOption = False) -> None:
    """List every field, its flag, the values it allows and the limits of what is plausible."""
    rows = [
        {
            "field": f.name,
            "flag": f.flag,
            "level": f.level,
            "label": f.label,
            "allowed": f.kind.describe(),
        }
        for f in FIELDS.values()
    ]

    def render(out: Console) -> None:
        table = Table(title="What the diary records", title_justify="left")
        for name in ("Flag", "What", "Allowed"):
            table.add_column(name, overflow="fold")
        for row in rows:
            table.add_row(row["flag"], row["label"], row["allowed"])
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
    app.add_typer(config_app, name="config")
    app.command()(vocabulary)
