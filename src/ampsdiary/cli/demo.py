"""`demo`: a 10-week example diary in its own file, never mixed into a real one."""

from __future__ import annotations

from pathlib import Path

import typer

from .. import demo as demo_data
from ..dates import today
from ..diary import open_diary
from ..errors import DiaryError
from ..store import diary_path
from .common import friendly_errors


def _target(option: str | None) -> Path:
    """--db when given, else demo.db beside the diary ($AMPSDIARY_DB's or the default one)."""
    return diary_path(option) if option else diary_path().with_name("demo.db")


def _replaceable(path: Path) -> bool:
    """A new or blank file, or a demo nobody has written into since it was made."""
    try:
        if not path.exists() or not path.stat().st_size:
            return True
    except OSError as error:
        raise DiaryError("diary", str(path), f"cannot be opened ({error.strerror})") from None
    with open_diary(path, write=True) as diary:
        blank = diary.is_empty() and not diary.settings() and not diary.history()
        return blank or diary.untouched_demo()


def demo(ctx: typer.Context) -> None:
    """Make a 10-week example diary to explore.

    A realistic recovery, written into its own demo file, never into a real diary.
    """
    path = _target(ctx.obj)
    if not _replaceable(path):
        raise DiaryError(
            "diary", str(path), "holds a diary someone wrote in; the demo needs a new file"
        )
    # Built beside the target and moved over it at the end: a failure leaves the old file.
    building = path.with_name(f".{path.name}.building")
    building.unlink(missing_ok=True)
    try:
        with open_diary(building, create=True) as diary:
            days, entries = demo_data.write(diary, today())
        building.replace(path)
    finally:
        building.unlink(missing_ok=True)  # a failure leaves nothing half-built behind
    run = f"ampsdiary --db {path}"
    typer.echo(f"Wrote a 10-week demo diary ({days} days logged, {entries} entries) to {path}.")
    typer.echo("Try next:")
    for command, why in (
        ("show --days 14", "the last two weeks, one row a day"),
        ("summary", "this week against last week"),
        ("recovery", "did function improve before pain?"),
        ("trends --by week", "week by week since the start"),
        ("plot recovery --out recovery.png", "the function-before-pain picture"),
        ("report --out week.pdf", "a printable page for the week"),
        ("log --pain 4 --function 7", "log a day (or just `log` for the check-in)"),
    ):
        typer.echo(f"  {run} {command:<34} # {why}")


def register(app: typer.Typer) -> None:
    app.command()(friendly_errors(demo))
