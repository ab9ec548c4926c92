"""`plot`: save a picture of the diary (PNG, SVG or PDF, by the --out file's suffix)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from .. import daily
from ..dates import DATE_HELP, parse_date, today
from ..errors import DiaryError
from ..plots import KINDS, PICTURES, check_target, write
from ..plots.calendar import MEASURES
from ..settings import exercise_goal, treatment_start
from ..store import Diary
from .common import JsonOption, emit, friendly_errors, opened

if TYPE_CHECKING:
    from ..analysis.recovery import Recovery

FromOption = Annotated[
    str | None,
    typer.Option(
        "--from", help=f"First day: {DATE_HELP}. Default: the first logged.", metavar="DATE"
    ),
]
ToOption = Annotated[
    str | None,
    typer.Option("--to", help=f"Last day: {DATE_HELP}. Default: today.", metavar="DATE"),
]


def load_range(
    diary: Diary, first: str | None, last: str | None, command: str = "plot"
) -> list[daily.Day]:
    """The days from --from to --to (default: the first logged day to today), refusing no data."""
    logged = diary.logged_dates()
    if not logged:
        raise DiaryError(
            command, None, "the diary is empty; log a day first, or try `ampsdiary demo`"
        )
    start = parse_date(first, "--from") if first else logged[0]
    end = parse_date(last, "--to") if last else today()
    if start > end:
        raise DiaryError("--from", first or str(start), f"is after --to ({end}); swap them")
    days = daily.load(diary, start, end)
    if not any(d.logged for d in days):
        raise DiaryError(
            command,
            None,
            f"nothing is logged from {start} to {end}; choose other --from/--to dates",
        )
    return days


def analysed(diary: Diary, end: dt.date, shown: list[daily.Day] | None = None) -> Recovery:
    """The recovery analysis of every day from the first logged to `end`.

    The whole diary, not just the days shown: the baseline and the onsets do not move when
    a picture or report shows only the last weeks, and nothing after `end` is used. The
    `shown` days are reused when they already start at the diary's beginning.
    """
    from ..analysis.recovery import analyse

    first = diary.logged_dates()[0]
    if not (shown and shown[0].date <= first and shown[-1].date == end):
        shown = daily.load(diary, first, end)
    return analyse(
        shown,
        treatment_start=treatment_start(diary),
        goal=exercise_goal(diary),
    )


def plot(
    ctx: typer.Context,
    kind: Annotated[
        str, typer.Argument(help=f"Which picture: {', '.join(KINDS)}.", metavar="KIND")
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="File to write: .png, .svg or .pdf.", metavar="FILE")
    ],
    first: FromOption = None,
    last: ToOption = None,
    measure: Annotated[
        str, typer.Option(help="What the calendar shows.", metavar="pain|function")
    ] = "pain",
    as_json: JsonOption = False,
) -> None:
    """Save a picture: the function-before-pain recovery, symptoms, or a calendar."""
    if kind not in KINDS:
        raise DiaryError("KIND", kind, f"is not a picture; use one of: {', '.join(KINDS)}")
    if measure not in MEASURES:
        raise DiaryError("--measure", measure, f"is not allowed; use one of: {', '.join(MEASURES)}")
    check_target(out, PICTURES)
    with opened(ctx) as diary:
        days = load_range(diary, first, last)
        recovery = analysed(diary, days[-1].date, days) if kind == "recovery" else None
    write(out, kind, days, recovery, measure)
    logged = sum(d.logged for d in days)
    data = {
        "file": str(out),
        "kind": kind,
        "start": days[0].date.isoformat(),
        "end": days[-1].date.isoformat(),
        "days_logged": logged,
        "recovery": recovery.as_json() if recovery else None,
    }

    def render(console: Console) -> None:
        console.print(
            f"Saved the {kind} picture of {days[0].date} to {days[-1].date} "
            f"({logged} of {len(days)} days logged) to {out}.",
            markup=False,
            soft_wrap=True,
        )
        if recovery:
            console.print(recovery.explain(), markup=False)

    emit(as_json, data, render)


def register(app: typer.Typer) -> None:
    app.command()(friendly_errors(plot))
