"""`plot`: save a picture of the diary (PNG, SVG or PDF, by the --out file's suffix)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ..analysis.measures import plural
from ..errors import DiaryError
from ..outputs import check_target
from ..plots import KINDS, write
from ..plots.calendar import MEASURES, MONTHS_SHOWN, recent
from ..plots.output import PICTURES
from .common import (
    FromOption,
    JsonOption,
    ToOption,
    dates_of,
    emit,
    friendly_errors,
    opened,
    the_diary,
)


def plot(
    ctx: typer.Context,
    kind: Annotated[
        str, typer.Argument(help=f"Which picture: {', '.join(KINDS)}.", metavar="KIND")
    ],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="File to write: .png, .svg or .pdf. Default: ampsdiary-KIND-FROM-to-TO.png here.",
            metavar="FILE",
        ),
    ] = None,
    first: FromOption = None,
    last: ToOption = None,
    measure: Annotated[
        str,
        typer.Option(
            help=f"What the calendar shows. Without --from: the last {MONTHS_SHOWN} months.",
            metavar="pain|function",
        ),
    ] = "pain",
    as_json: JsonOption = False,
) -> None:
    """Save a picture: the function-before-pain recovery, symptoms, or a calendar."""
    if kind.lower() not in KINDS:
        raise DiaryError("KIND", kind, f"is not a picture; use one of: {', '.join(KINDS)}")
    if measure.lower() not in MEASURES:
        raise DiaryError("--measure", measure, f"is not allowed; use one of: {', '.join(MEASURES)}")
    kind, measure = kind.lower(), measure.lower()
    # without --out: a PNG, named below
    check_target(out or Path("ampsdiary.png"), PICTURES, the_diary(ctx))
    start, end = dates_of(first, last)
    with opened(ctx) as diary:
        days = diary.span(start, end, "plot")
        recovery = diary.recovery(days[-1].date, days) if kind == "recovery" else None
    shown = recent(days) if kind == "calendar" and first is None else days
    capped, days = len(shown) < len(days), shown
    # A name we choose says what it shows, so pictures of other days never overwrite it.
    target = out or Path(f"ampsdiary-{kind}-{days[0].date}-to-{days[-1].date}.png").resolve()
    write(target, kind, days, recovery, measure)
    logged = sum(d.logged for d in days)
    data = {
        "file": str(target),
        "kind": kind,
        "start": days[0].date.isoformat(),
        "end": days[-1].date.isoformat(),
        "days_logged": logged,
        "months_shown": MONTHS_SHOWN if capped else None,
        "recovery": recovery.as_json() if recovery else None,
    }

    def render(console: Console) -> None:
        first, end = days[0].date, days[-1].date
        span = f"{first}" if first == end else f"{first} to {end}"
        console.print(
            f"Saved the {kind} picture of {span} "
            f"({logged} of {plural(len(days), 'day')} logged) to {target}.",
            markup=False,
            soft_wrap=True,
        )
        if capped:
            console.print(
                f"The calendar shows the last {MONTHS_SHOWN} months; --from starts earlier."
            )
        if recovery:
            console.print(recovery.explain(), markup=False)

    emit(as_json, data, render)


def register(app: typer.Typer) -> None:
    app.command()(friendly_errors(plot))
